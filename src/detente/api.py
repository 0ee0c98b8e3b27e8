"""The Python facade every front end uses: analyse articles, import event data, store, query and export events."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from detente import nlp
from detente.actors import kb as knowledge
from detente.actors import petrarch
from detente.events import code_document
from detente.events import evaluation, gold, suites
from detente.events.ontology import cameo
from detente.forecast.dyads import evaluation as dyad_evaluation
from detente.forecast.dyads import forecaster as dyad_forecaster
from detente.forecast.dyads import models as dyad_models
from detente.importers import FORMATS, ImportSummary, Source, import_sources
from detente.importers.fetch import RemoteFile, download, gdelt_files
from detente.ingest import document_from_text, parse_date, read_paths
from detente.model import Actor, Document, Event, Sentence
from detente.relations import network as relation_network
from detente.relations import outlook, question, report, state, validation, weights
from detente.relations import votes as relation_votes
from detente.relations.series import QUADS
from detente.relations.state import RelationState
from detente.relations.summary import DyadSummary, summarize
from detente.store import Store, StoreError
from detente.store import relations as relation_store
from detente.store.export import export_events as _export_events

DEFAULT_DB = "detente.duckdb"

SUITES = ("petr-gsr", "petr-validate", "plover-gsr")

__all__ = [
    "SUITES",
    "Analysis",
    "DyadSummary",
    "analyze",
    "analyze_documents",
    "ask",
    "dyad",
    "evaluate_relations",
    "evaluate_relation_forecast",
    "fit_relation_forecast",
    "learn_relation_votes",
    "forecast_dyad",
    "forecast_to_dict",
    "network",
    "REGIONS",
    "actor_name",
    "filter_network",
    "network_gexf",
    "network_to_dict",
    "relation_to_dict",
    "report_to_dict",
    "plot_dyad",
    "relation_cells",
    "database_path",
    "actor_to_dict",
    "evaluate_suite",
    "event_to_dict",
    "export_events",
    "fetch_gdelt",
    "files_to_import",
    "import_events",
    "open",
    "principal_of",
    "score_example",
    "summarize",
]


@dataclass(frozen=True)
class Analysis:
    """What detente read in one document: its sentences, events, the actors it named (spans of
    the clean text with the actor each names) and the names nothing identified."""

    document: Document
    sentences: list[Sentence]
    events: list[Event]
    mentions: list[tuple[int, int, Actor]]
    unresolved: list[str]


def analyze(
    text: str,
    *,
    date: Date | str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> list[Event]:
    """The events in an article's text; `date` is its publication date (today when omitted)."""
    published = parse_date(date, "date") if isinstance(date, str) else date
    document = document_from_text(text, date=published or Date.today(), title=title, url=url)
    return next(analyze_documents([document])).events


def analyze_documents(documents: Iterable[Document], batch_size: int = 8) -> Iterator[Analysis]:
    """Parse documents in batches through the spaCy pipeline and code their events.

    A document without a publication date is dated today, so that relative
    expressions ("a year ago") still resolve.
    """
    dated = (d if d.date else dataclasses.replace(d, date=Date.today()) for d in documents)
    pairs = nlp.load().pipe(((d.text, d) for d in dated), as_tuples=True, batch_size=batch_size)
    for doc, document in pairs:
        coding = code_document(document, doc)
        yield Analysis(document, nlp.sentences(document, doc), coding.events, coding.mentions, coding.unresolved)


def database_path(path: str | Path | None = None) -> Path:
    """The database to use: the given path, else $DETENTE_DB, else detente.duckdb here."""
    return Path(path or os.environ.get("DETENTE_DB") or DEFAULT_DB)


def open(path: str | Path | None = None, *, read_only: bool = False) -> Store:  # noqa: A001 - detente.open
    """Open (creating when needed) a detente database."""
    return Store(database_path(path), read_only=read_only)


def files_to_import(fmt: str, paths: Iterable[str | Path]) -> list[Source]:
    """The files an import of ``paths`` in format ``fmt`` (gdelt, icews, polecat, acled, tkg) reads, in order."""
    if fmt not in FORMATS:
        raise ValueError(f"{fmt!r} is not a format detente imports; use one of {', '.join(FORMATS)}")
    return FORMATS[fmt].sources([Path(p) for p in paths])


def import_events(
    fmt: str,
    paths: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    on_file: Callable[[Source], Callable[[float], None]] | None = None,
) -> Iterator[ImportSummary]:
    """Import dataset files into the store, one transaction per file, yielding where each file's rows went.

    The same file (by content) is imported once; ``on_file`` is told when a file starts and
    returns the function that file's progress (0 to 1) goes to.
    """
    files = files_to_import(fmt, paths)
    with open(db) as store:
        yield from import_sources(store, FORMATS[fmt], files, on_file=on_file)


def export_events(
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - the user-facing option's name
    db: str | Path | None = None,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: Date | None = None,
    until: Date | None = None,
    dataset: str | None = None,
) -> int:
    """Write the stored events matching the filter to CSV, Parquet, JSONL or GEXF (the signed dyad
    network); the format comes from the file's suffix unless given. Returns how many events
    (for GEXF, dyads) were written."""
    with open(db, read_only=True) as store:
        return _export_events(
            store, Path(path), format, actor=actor, dyad=dyad, since=since, until=until, dataset=dataset
        )


def fetch_gdelt(
    start: Date,
    end: Date,
    folder: str | Path,
    *,
    version: int = 1,
    base_url: str | None = None,
    on_file: Callable[[RemoteFile], Callable[[float], None]] | None = None,
) -> list[Path]:
    """Download the GDELT event files (1.0 or 2.0) holding events of ``start`` to ``end`` into ``folder``."""
    fetched = []
    for remote in gdelt_files(start, end, version=version, base_url=base_url):
        fetched.append(download(remote, Path(folder), on_progress=on_file(remote) if on_file else None))
    return fetched


def _plover_mode(event: Event) -> str | None:
    """The PLOVER mode of an event's CAMEO code, when its PLOVER type is the code's (an imported
    POLECAT event keeps its own type, whose mode the code does not tell)."""
    code = cameo(event.cameo)
    return code.plover_mode if code.plover == event.plover else None


def principal_of(text: str, on: Date | None = None) -> str | None:
    """The principal a user means by ``text``: a code ("RUS", "taliban"), a name, a demonym or an
    adjective ("Russia", "the Taliban", "Russians"), on ``on`` (today by default); None if none."""
    kb = knowledge.load()
    code = text.strip().upper()
    if code in kb.entities:
        return code
    reference = kb.lookup(text, on or Date.today())
    return reference.principal if reference is not None else None


def actor_to_dict(actor: Actor) -> dict:
    """An actor as the JSON object of the output contract."""
    return dataclasses.asdict(actor)


def event_to_dict(event: Event) -> dict:
    """An event as the JSON object of the output contract, with the dataset it came from
    ("coded" for an event read from text) and, for an imported event, the file:line it was read at."""
    return {
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "span": list(event.span) if event.span is not None else None,
        "source": actor_to_dict(event.source),
        "target": actor_to_dict(event.target),
        "cameo": event.cameo,
        "root": event.root,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "plover_mode": _plover_mode(event),
        "date": {
            "start": event.date.start.isoformat(),
            "end": event.date.end.isoformat(),
            "precision": event.date.precision,
            "from_publication_date": event.date.from_publication_date,
        },
        "trigger": event.trigger,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "alleged": event.alleged,
        "symmetric": event.symmetric,
        "dataset": event.dataset,
        "origin": event.origin,
    }


def evaluate_suite(
    suite: str, path: str | Path, *, actors: str | Path | None = None, agents: str | Path | None = None
) -> evaluation.CoderScore:
    """Code a test suite's sentences and score them against its expected events.

    ``suite``: "petr-gsr" or "petr-validate" (PETRARCH validation XML) or "plover-gsr"
    (the PLOVER GSR JSON). "petr-validate" names its actors in its own dictionaries, by
    default the ``*_actors_*.txt`` and ``*_agents_*.txt`` files beside the records; they are
    imported into the knowledge base for the run (``detente.actors.petrarch``).
    """
    path = Path(path)
    if suite == "petr-validate":
        actors = Path(actors) if actors else path.with_name(path.name.replace("records", "actors")).with_suffix(".txt")
        agents = Path(agents) if agents else path.with_name(path.name.replace("records", "agents")).with_suffix(".txt")
        for dictionary in (actors, agents):
            if not dictionary.exists():
                raise suites.SuiteError(f"{dictionary}: no such dictionary; pass --actors and --agents")
        imported = petrarch.read(actors, agents)
        kb = knowledge.load(overlays=[imported.layer])
        records = suites.read_petrarch(path, imported.principals_of)
    elif suite == "petr-gsr":
        kb = knowledge.load()
        records = suites.read_petrarch(path)
    elif suite == "plover-gsr":
        kb = knowledge.load()
        records = suites.read_plover_gsr(path, kb)
    else:
        raise suites.SuiteError(f"unknown suite {suite!r}; choose one of {', '.join(SUITES)} or seed")
    return evaluation.score(evaluation.code_records(records, kb), kb)


def score_example(article: str | Path, gold_file: str | Path, published: Date) -> gold.GoldScore:
    """Code an article and score it against its hand-coded gold events (``*.gold.jsonl``)."""
    [document] = read_paths([Path(article)], date=published)
    [analysis] = analyze_documents([document])
    return gold.score(analysis.events, gold.load_gold(Path(gold_file)))


def dyad(
    a: str,
    b: str,
    *,
    db: str | Path | None = None,
    on: Date | None = None,
    horizon_days: int = report.DEFAULT_HORIZON_DAYS,
    by: str | None = "month",
    since: Date | None = None,
    until: Date | None = None,
    dataset: str | None = None,
    estimate: outlook.Estimator | None = None,
) -> report.DyadReport:
    """What the store says about two principals (codes): series, state, trend, turns, balance,
    where it is heading and the events that weigh most. ``estimate`` is where a forecaster plugs
    in; by default the dyad forecaster, which falls back on the trend-based estimate for a dyad
    with too little history."""
    with _existing_store(db) as store:
        cells = relation_cells(store)
        return report.dyad_report(
            cells, a, b, on=on, horizon_days=horizon_days, by=by, since=since, until=until,
            dataset=dataset, estimate=estimate or dyad_forecaster.estimator(cells, a, b, dataset=dataset),
        )


def ask(
    text: str,
    *,
    db: str | Path | None = None,
    dataset: str | None = None,
    estimate: outlook.Estimator | None = None,
) -> report.Answer:
    """Answer a question about two actors ("Will Russia and the Taliban become friends in the next year?").

    Raises ``question.QuestionError`` saying what was understood when the question names fewer
    or more than two actors."""
    asked = question.parse(text, knowledge.load(), Date.today())
    first, second = (mention.principal for mention in asked.actors)
    found = dyad(
        first, second, db=db, horizon_days=asked.horizon_days or report.DEFAULT_HORIZON_DAYS, by=None,
        dataset=dataset, estimate=estimate,
    )
    return report.Answer(asked, found)


def network(
    *, db: str | Path | None = None, on: Date | None = None, since: Date | None = None, dataset: str | None = None
) -> relation_network.NetworkView:
    """The signed network of relations on ``on`` (default: the store's last day), and its
    frustration index at the end of each year from ``since``."""
    with _existing_store(db) as store:
        return relation_network.network_view(relation_cells(store), on, since=since, dataset=dataset)


def evaluate_relations(
    truth: str | Path,
    *,
    db: str | Path | None = None,
    min_events: int = validation.MIN_EVENTS,
    dataset: str | None = None,
    since: int | None = None,
    until: int | None = None,
) -> validation.Validation:
    """Compare the relation states of the stored state dyad-years (from year ``since`` to
    ``until``) with alliances, rivalries and disputes (the folder of ``atop_alliance.csv``, the
    rivalry lists and the MID dyad-years)."""
    record = validation.read_truth(Path(truth))
    with _existing_store(db) as store:
        return validation.validate(
            relation_cells(store), record, knowledge.load(), min_events=min_events, dataset=dataset, since=since, until=until
        )


def learn_relation_votes(
    truth: str | Path,
    folder: str | Path,
    *,
    db: str | Path | None = None,
    min_events: int = validation.MIN_EVENTS,
    dataset: str | None = None,
    since: int | None = None,
    until: int | None = None,
) -> validation.Learned:
    """Learn the votes of the CAMEO codes and the calibration of the score from the store's
    allied and rival dyad-years (from year ``since`` to ``until``), and write ``votes.tsv`` and
    ``calibration.tsv`` into ``folder`` (the shipped ones in ``detente/relations/data`` are made so)."""
    record = validation.read_truth(Path(truth))
    kb = knowledge.load()
    with _existing_store(db) as store:
        learned = validation.learn(
            relation_cells(store),
            record,
            kb,
            lambda table: _relation_cells(store, table),
            min_events=min_events,
            dataset=dataset,
            since=since,
            until=until,
        )
        source = store.path.name
    years = {(False, False): "of every year", (True, False): f"from {since}", (False, True): f"up to {until}"}.get(
        (since is not None, until is not None), f"from {since} to {until}"
    )
    provenance = (
        f"Learned by `detente eval relations --write-votes` from {source}{f' ({dataset})' if dataset else ''}, "
        f"dyad-years {years} with at least {min_events} plain facts: {learned.allied} allied, {learned.rivals} in rivalry."
    )
    relation_votes.write(Path(folder), learned.votes, learned.calibration, provenance)
    return learned


def forecast_dyad(
    a: str,
    b: str,
    *,
    db: str | Path | None = None,
    on: Date | None = None,
    horizon_months: int = 12,
    dataset: str | None = None,
) -> dyad_forecaster.ForecastReport:
    """Will the two principals' net cooperation rise next month, and how likely is each relation
    state in ``horizon_months`` (1 to 24)? With the features and events that drive it, as of
    ``on`` (default: the store's last day with facts)."""
    with _existing_store(db) as store:
        return dyad_forecaster.forecast_report(relation_cells(store), a, b, on=on, horizon=horizon_months, dataset=dataset)


def evaluate_relation_forecast(*, db: str | Path | None = None, dataset: str | None = None) -> dyad_evaluation.Evaluation:
    """The dyad forecaster on the store's own months, rolling origin, against persistence and
    each dyad's long-run rate: Brier score and ROC AUC per target, and the time and memory it took."""
    with _existing_store(db) as store:
        return dyad_evaluation.evaluate_store(relation_cells(store), dataset=dataset)


def fit_relation_forecast(path: str | Path, *, db: str | Path | None = None, dataset: str | None = None) -> dyad_models.Models:
    """Fit the forecaster's models on every month of the store and write them to ``path`` (the
    shipped ``detente/forecast/dyads/data/models.json`` is made so from ICEWS05-15)."""
    with _existing_store(db) as store:
        months = dyad_evaluation.store_panel(relation_cells(store), dataset=dataset)
    name = dataset or database_path(db).name
    fitted = dyad_models.fit_models(months, f"{name}, {months.ends[0]:%Y-%m} to {months.ends[-1]:%Y-%m}")
    dyad_models.write(fitted, Path(path))
    return fitted


REGIONS = tuple(relation_network.regions())


def filter_network(
    found: relation_network.SignedNetwork,
    *,
    kind: str | None = None,
    region: str | None = None,
    around: str | None = None,
) -> relation_network.SignedNetwork:
    """The relations between actors of one kind ("state", "group", "igo") or region (``REGIONS``,
    by COW code: states only), or those of one actor."""
    entities = knowledge.load().entities
    span = relation_network.regions()[region] if region else None

    def wanted(code: str) -> bool:
        entity = entities.get(code)
        if entity is None:
            return kind is None and span is None
        if kind is not None and entity.kind != kind:
            return False
        return span is None or (entity.cow is not None and span[0] <= entity.cow <= span[1])

    return relation_network.keep(found, wanted, around)


def actor_name(code: str) -> str:
    """The knowledge base's name for a principal, or the code itself."""
    entity = knowledge.load().entities.get(code)
    return entity.name if entity is not None else code


def network_gexf(found: relation_network.SignedNetwork) -> str:
    """A signed network as GEXF, its nodes labelled with the knowledge base's names and kinds."""
    entities = knowledge.load().entities
    return relation_network.gexf(found, {code: (e.name, e.kind) for code, e in entities.items()})


def plot_dyad(found: report.DyadReport, path: str | Path) -> None:
    """Write a PNG chart of a dyad report's series and scores."""
    from detente.relations import plot

    names = knowledge.load().entities
    plot.write_png(found, Path(path), tuple(names[c].name if c in names else c for c in found.dyad))


def relation_to_dict(relation: RelationState) -> dict:
    """A relation state as JSON."""
    return {
        "on": relation.on.isoformat(),
        "score": round(relation.score, 4),
        "state": relation.state,
        "confidence": round(relation.confidence, 4),
        "evidence": round(relation.evidence, 3),
    }


def report_to_dict(found: report.DyadReport, answer: report.Answer | None = None) -> dict:
    """A dyad report (and the question it answers) as the JSON object `detente dyad/ask --format json` prints."""
    result: dict = {}
    if answer is not None:
        asked = answer.question
        result["question"] = {
            "text": asked.text,
            "actors": [{"text": m.text, "principal": m.principal} for m in asked.actors],
            "horizon_days": asked.horizon_days,
            "horizon_text": asked.horizon_text,
            "goal": asked.goal,
        }
        verdict = answer.verdict
        result["verdict"] = None if verdict is None else {
            "likely": verdict.likely,
            "chance": None if verdict.chance is None else round(verdict.chance, 4),
            "text": verdict.text,
        }
    balance = found.balance
    result |= {
        "dyad": list(found.dyad),
        "on": found.on.isoformat(),
        "dataset": found.dataset,
        "facts": found.facts,
        "flagged": found.flagged,
        "relation": relation_to_dict(found.relation),
        "trend": {
            "direction": found.trend.direction,
            "change": round(found.trend.change, 4),
            "before": relation_to_dict(found.trend.before),
        },
        "outlook": {
            "on": found.outlook.on.isoformat(),
            "horizon_days": found.horizon_days,
            "score": round(found.outlook.score, 4),
            "state": found.outlook.state,
            "method": found.outlook.method,
            "note": found.outlook.note,
            "probabilities": {name: round(chance, 4) for name, chance in found.outlook.probabilities},
        },
        "balance": {
            "favours": balance.favours,
            "third_parties": [
                {
                    "code": party.code,
                    "with_a": relation_to_dict(party.with_a.relation),
                    "with_b": relation_to_dict(party.with_b.relation),
                    "implies": party.implies,
                }
                for party in balance.parties
            ],
            "reasons": balance.reasons(),
        },
        "turns": [
            {
                "on": marked.turn.on.isoformat(),
                "before": round(marked.turn.before, 4),
                "after": round(marked.turn.after, 4),
                "events": [event_to_dict(event) for event in marked.events],
            }
            for marked in found.turns
        ],
        "weighing": [
            {"influence": round(w.influence, 4), "value": round(w.value, 4), "pull": round(w.pull, 4), "event": event_to_dict(w.event)}
            for w in found.weighing
        ],
        "series": {
            "by": found.series.by,
            "periods": [
                {
                    "start": period.start.isoformat(),
                    "quads": {str(q): period.both.quads[q] for q in QUADS},
                    "goldstein_sum": round(period.both.goldstein_sum, 3),
                    "goldstein_mean": None if period.both.goldstein_mean is None else round(period.both.goldstein_mean, 4),
                    "net_cooperation": period.both.net_cooperation,
                    "forward": {"quads": {str(q): period.forward.quads[q] for q in QUADS}, "net_cooperation": period.forward.net_cooperation},
                    "backward": {"quads": {str(q): period.backward.quads[q] for q in QUADS}, "net_cooperation": period.backward.net_cooperation},
                    "volumes": list(period.volumes),
                    "net_per_1000": None if period.normalised_net is None else round(period.normalised_net, 3),
                    "flagged": period.flagged,
                    "relation": relation_to_dict(relation),
                }
                for period, relation in zip(found.series.periods, found.states)
            ],
        },
    }
    return result


def _chance_dict(chance: dyad_forecaster.Chance) -> dict:
    return {
        "probability": round(chance.probability, 4),
        "persistence": chance.persistence,
        "long_run": round(chance.long_run, 4),
        "drivers": [
            {"feature": d.feature, "value": round(d.value, 4), "contribution": round(d.contribution, 4)} for d in chance.drivers
        ],
    }


def forecast_to_dict(found: dyad_forecaster.ForecastReport) -> dict:
    """A dyad's forecast and the relation report around it as the JSON `detente forecast --format json` prints."""
    related = found.report
    result: dict = {
        "dyad": list(related.dyad),
        "on": related.on.isoformat(),
        "dataset": related.dataset,
        "relation": relation_to_dict(related.relation),
        "forecast": None,
        "lacking": found.lacking,
    }
    predicted = found.forecast
    if predicted is not None:
        result["forecast"] = {
            "month": {"start": predicted.month_start.isoformat(), "end": predicted.on.isoformat()},
            "net_cooperation": predicted.net,
            "previous_net_cooperation": predicted.previous_net,
            "rise": _chance_dict(predicted.rise),
            "horizon_months": predicted.horizon,
            "friendly": _chance_dict(predicted.friendly),
            "states": {name: round(chance, 4) for name, chance in predicted.states.items()},
            "median_state": predicted.median_state,
            "median_score": round(predicted.median_score, 4),
        }
    around = report_to_dict(related)
    result |= {key: around[key] for key in ("outlook", "balance", "weighing")}
    return result


def network_to_dict(view: relation_network.NetworkView) -> dict:
    """A signed network and its frustration history as JSON."""
    return {
        "on": view.network.on.isoformat(),
        "edges": [{"a": e.a, "b": e.b, "sign": e.sign, **relation_to_dict(e.relation)} for e in view.network.edges],
        "triads": [{"nodes": list(t.nodes), "signs": list(t.signs), "balanced": t.balanced} for t in relation_network.triads(view.network)],
        "frustration": [
            {"on": f.on.isoformat(), "triads": f.triads, "unbalanced": f.unbalanced, "index": f.index} for f in view.history
        ],
    }


def _existing_store(db: str | Path | None) -> Store:
    """An existing store, writable when possible so that its relation aggregates can be brought up to date."""
    path = database_path(db)
    if not path.exists():
        raise StoreError(f"{path}: no such database; run `detente analyze` or `detente import` first, or pass --db")
    try:
        return Store(path)
    except StoreError:
        return Store(path, read_only=True)


def relation_cells(store: Store) -> relation_store.Cells:
    """The relation aggregates of an open store (brought up to date first when it is writable), for
    the functions of ``detente.relations`` that read them."""
    return _relation_cells(store, relation_votes.load())


def _relation_cells(store: Store, votes: dict[str, float]) -> relation_store.Cells:
    kb = knowledge.load()
    sector_weights = weights.load()
    states = (code for code, entity in kb.entities.items() if entity.kind == "state")
    return relation_store.prepare(store, sector_weights.weights, sector_weights.other, votes, states, state.HALF_LIFE_DAYS)
