"""The resolution tables: how names resolve on a day (through ``kb.lookup``) and how mentions
resolve in short sentences where case or context matters (through ``actors.resolve``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from detente import nlp
from detente.actors import kb
from detente.actors.kb import KnowledgeBase
from detente.actors.resolve import Mentions, resolve

HERE = Path(__file__).parent
CASES = HERE / "resolution_cases.tsv"
SENTENCES = HERE / "resolution_sentences.tsv"
UNRESOLVED = "unresolved"
NO_ACTOR = "none"


@dataclass(frozen=True)
class Case:
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def read_table(path: Path) -> list[Case]:
    """The rows of a tab-separated table with a header; '#' lines are comments."""
    rows = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            text = line.rstrip("\n")
            if not text or text.startswith("#"):
                continue
            cells = next(csv.reader([text], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = cells
                continue
            assert len(cells) == len(header), f"{path.name}, line {number}: {len(cells)} fields, expected {len(header)}"
            rows.append(Case(number, dict(zip(header, cells))))
    return rows


def case_id(case: Case) -> str:
    return f"line {case.line}: {case['text'] if 'text' in case.values else case['word']} on {case['on']}"


NAME_CASES = read_table(CASES)
SENTENCE_CASES = read_table(SENTENCES)


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return kb.load(overlays=[])


def test_the_name_table_is_large_and_covers_every_kind_of_name() -> None:
    assert len(NAME_CASES) >= 300
    kinds = {case["kind"] for case in NAME_CASES}
    assert {"name", "adjective", "demonym", "capital", "metonym", "region", "person"} <= kinds
    assert any(case["principal"] == UNRESOLVED for case in NAME_CASES)


@pytest.mark.parametrize("case", NAME_CASES, ids=case_id)
def test_name_resolves_as_the_table_says(base: KnowledgeBase, case: Case) -> None:
    found = base.lookup(case["text"], date.fromisoformat(case["on"]))
    if case["principal"] == UNRESOLVED:
        assert found is None
        return
    assert found is not None, f"{case['text']!r} is unresolved"
    assert (found.principal, found.sector or "", found.kind, found.name or "") == (
        case["principal"], case["sector"], case["kind"], case["name"],
    )


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def actor_at(mentions: Mentions, index: int):
    """The actor a token names: the mention it heads, else the name it is part of."""
    mention = mentions.by_token.get(index)
    return mention.actor if mention is not None else mentions.names.get(index)


@pytest.mark.parametrize("case", SENTENCE_CASES, ids=case_id)
def test_mention_in_a_sentence_resolves_as_the_table_says(parse, base: KnowledgeBase, case: Case) -> None:
    doc = parse(case["sentence"])
    index = next((token.i for token in doc if token.text == case["word"]), None)
    assert index is not None, f"{case['word']!r} is not a token of {case['sentence']!r}"
    found = actor_at(resolve(doc, date.fromisoformat(case["on"]), base), index)
    if case["principal"] == NO_ACTOR:
        assert found is None
        return
    assert found is not None, f"{case['word']!r} names no actor"
    assert (found.principal, found.sector or "", found.name or "") == (case["principal"], case["sector"], case["name"])


def test_a_person_named_like_a_state_is_no_state(parse, base: KnowledgeBase) -> None:
    doc = parse("Michael Jordan scored 30 points for the Bulls.")
    mentions = resolve(doc, date(2023, 5, 18), base)
    assert actor_at(mentions, 1) is None
