"""The event coder: who did what to whom, when, in each sentence of a parsed article.

For every verb with a pattern in the lexicon (and every event noun) the coder
finds the source (subject, "by" agent, or the subject a clause inherits), the
target (object, prepositional object, or the patient of a passive), the CAMEO
code, the modality (negated, hypothetical, alleged, or an intent coded as 03x/13x)
and the date of the clause. Two kinds of reference back are followed, because
news leans on them: a definite event noun with no participants ("the latest
visit") repeats the latest event of its kind, and an answer to something ("rejected
the proposal", "dismissed the charges") is aimed at whoever made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente import nlp
from detente.actors import kb as knowledge
from detente.actors.resolve import Mentions, noun_phrase, resolve
from detente.events import syntax
from detente.events.lexicon import Lexicon, NounPattern, VerbPattern
from detente.events.lexicon import load as load_lexicon
from detente.events.modality import JUDGING_ROOTS, Modality, cues_of, modality
from detente.events.ontology import cameo, intent_code, refusal_code, requested_code
from detente.model import Actor, Document, Event, EventDate, TimeExpression
from detente.timex import find_time_expressions, intervals
from detente.timex.lexicon import load_lexicon as load_time_words

# Sectors of actors that bear arms: supporting them is material aid, not praise.
ARMED_SECTORS = frozenset({"REB", "INS", "MIL", "UAF", "SPY", "COP"})
# The sector of attackers known only by where they struck (ICEWS's "Unidentified Gunmen (Libya)").
UNIDENTIFIED = "UAF"
# How many earlier sentences an event noun or an answer may look back to.
LOOKBACK_SENTENCES = 2
_RECENT = frozenset({"recent", "latest", "last", "previous"})
# Auxiliaries that make what was said a demand ("Libya must hand over the suspects").
_OBLIGATIONS = frozenset({"must", "should"})
# An accusation (112), and what one of violence is, by the violence's root: of aggression (18, 19),
# of war crimes (20).
_ACCUSATION = "112"
_ACCUSED_OF = {"18": "1123", "19": "1123", "20": "1124"}
# Bombing, attacking and firing (183, 190, 193, 194) done by aircraft or firing them ("jets bombed",
# "fired drones at") is employing aerial weapons (195).
_GROUND_VIOLENCE = frozenset({"183", "190", "193", "194"})
_FIRING = frozenset({"193", "194"})
_AERIAL = "195"
_THREAT = "130"
# Troops sent to help a side are military cooperation (062), not a show of force against it (150).
_SHOW_OF_FORCE = "150"
_MILITARY_COOPERATION = "062"
_SUPPORTING = frozenset({"support", "help", "assist", "aid", "defend", "protect", "back", "bolster", "reinforce", "train"})
# States that clash over an issue dispute it (110) rather than fight (190); a fight over ground is one.
_FIGHT, _DISAPPROVAL = "190", "110"
_CLASHING = frozenset({"clash", "spar", "feud", "quarrel"})
_CONTESTED_GROUND = frozenset({"border", "frontier", "territory", "region", "island", "islands", "waters", "town", "city"})
_BOMBING = "183"
_PROTEST = "14"
# Roots of acts aimed at whoever did the act they judge or protest, never at its victim.
_AIMED_AT_DOER = JUDGING_ROOTS | {_PROTEST}
_WITHDRAWALS = frozenset({"087", "0874"})
_REDUCED_RELATIONS = "160"
_COMPLAINT = "114"
_RECOGNITION = "054"
_MEDIATION = "045"
# Sums of money, by lemma, that are "in" what they pay for.
_MONEY = frozenset(
    {"$", "€", "£", "million", "billion", "trillion", "dollar", "euro", "pound", "yen", "yuan", "rupee", "franc",
     "ruble", "rouble", "dinar", "riyal", "peso", "shilling", "krone"}
)
# Sectors whose recognition is of a state breaking away, not of the state they are in.
_BREAKING_AWAY = frozenset({"REB", "INS", "OPP"})
# Coordinated sides that agree together (030), unless what they agreed to is coded between them.
_ACCORD = "030"
_PROTESTED = "140"
_DENIAL = "016"
# The prepositions of the event an act was done in or by ("killed in an air strike", "spoke by phone").
_DONE_IN = frozenset({"in", "by", "over"})
# Roots of armed force (shows of force, assaults, fighting, mass violence): refusing or renouncing
# them is an intent to de-escalate (0356); refusing another hostile act is an intent to cooperate (030).
_ARMED_FORCE = frozenset({"15", "18", "19", "20"})
# Coercion (arrests, expulsions, seizures, sanctions): CAMEO has no code for refusing it (refusing to
# extradite is rejecting judicial cooperation, 1213), so the refused act stays a negated one.
_COERCION = "17"
# Roots whose verbs announce an act: a promise (03), a refusal (12) or a threat (13).
_ANNOUNCING = frozenset({"03", "12", "13"})
# Roots whose verbs end, ease or refuse the act their object names: yield (08), reject (12), reduce relations (16).
_UNDOING = frozenset({"08", "12", "16"})
# Prepositions through which a noun phrase is about what their object is about ("a camp for Syrian refugees").
_FURTHER_IN = frozenset({"of", "on", "about", "over", "for"})
# Acts whose passive without an agent names who did them with "from": armed violence ("fired at
# Israel from Gaza"), a release or an expulsion ("freed from Syrian jails", "expelled from Iraq");
# an arrest names them with "in" too ("arrested in Lebanon").
_FROM_ORIGIN = re.compile(r"084|17|18|19|20")
# Words for a part or a number of a whole: "hundreds of UN troops" act for the UN.
_PARTITIVES = frozenset(
    {"hundred", "thousand", "dozen", "million", "score", "some", "many", "most", "all", "several", "member", "part",
     "number", "contingent", "unit", "group"}
)
# Modifiers through which a noun that names no actor is the actor of its modifier.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Force without named weapons (storming, wrecking, burning: coercion, property destruction,
# unspecified assault or force) used by protesters or the opposition is a violent protest, a riot (145).
_PROTESTING = frozenset({"OPP"})
_FORCE = frozenset({"17", "170", "171", "1711", "1712", "18", "180", "19", "190"})
# The same force used on them by the police or the army is violent repression (175); protesters of
# no named country whom the police or the army use force on are their own state's.
_REPRESSION_ROOTS = frozenset({"17", "18", "19"})
_SECURITY = frozenset({"COP", "MIL"})
# Violent acts (CAMEO 18 assault, 19 fight, 20 mass violence): with no victim named, their target
# is the state where they took place, which the prepositions of place say.
_VIOLENT = re.compile(r"18|19|20")
_AGREEMENTS = frozenset({"agreement", "deal", "accord"})
# Adverbs of an act that happens again.
_REPEATING = frozenset({"again", "anew"})
# Entity types of named places.
_NAMED_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Places of no state.
_OPEN_WATERS = frozenset({"sea", "ocean", "waters"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout"})
# Measures a state's rulers take: protesters who oppose one with no one named for it ("rallied in
# Tbilisi against the foreign agents law") oppose their own government.
_MEASURES = frozenset({
    "law", "bill", "decree", "reform", "policy", "constitution", "amendment", "budget", "tax", "austerity",
    "election", "result", "curfew", "lockdown", "crackdown", "corruption", "regime", "coup", "junta",
})
_OPPOSED = frozenset({"against", "over"})
# Prepositions after which an event noun is done by the verb's subject: its purpose, its time or its
# means ("came for talks", "threw stones during demonstrations", "responded with air strikes on X").
_DONE_BY = frozenset({"for", "during", "with"})
# Nouns that stand for an amount of what their "of" names ("$50,000 worth of goods", "millions of shells").
_AMOUNTS = frozenset(
    {"worth", "dozens", "hundreds", "thousands", "millions", "billions", "tons", "tonnes", "barrage", "salvo", "volley", "hail",
     "most", "some", "all", "part", "rest", "bulk", "many", "much"}
)
# Nouns that count repetitions of an event or its length ("a new round of talks", "three days of exercises").
_ROUNDS = frozenset({"round", "series", "session", "hour", "day", "week", "month"})
# Light verbs whose act is what they are "in" ("engaged in talks"); "staged a strike in protest" is no protest of its own.
_ENGAGING = frozenset({"engage", "participate", "join"})
# The prepositions of whom an act's purpose is done with ("a deal to buy jets from France").
_PURPOSE_PREPS = frozenset({"from", "to"})
# Hosting a visit (043) tells that the guest made one (042): "Cairo received the Israeli envoy".
_HOSTING, _VISITING = "043", "042"
# The preposition of who an object comes from ("memos from Italy").
_FROM = frozenset({"from"})


@dataclass(frozen=True)
class _Draft:
    sentence: int
    trigger: Token
    source: Actor
    target: Actor
    code: str
    symmetric: bool
    modality: Modality


@dataclass(frozen=True)
class Coding:
    """What the coder read in a document: its events, the actors it found (character spans of
    the clean text with the actor each names) and the names it could not resolve."""

    events: list[Event]
    mentions: list[tuple[int, int, Actor]]
    unresolved: list[str]


def extract_events(document: Document, doc: Doc, *, kb: knowledge.KnowledgeBase | None = None) -> list[Event]:
    """The events of a document whose clean text ``doc`` parses; dated against its publication date."""
    return code_document(document, doc, kb=kb).events


def code_document(document: Document, doc: Doc, *, kb: knowledge.KnowledgeBase | None = None) -> Coding:
    """The events of a document and the people and organisations it names that resolve to no actor."""
    if document.date is None:
        raise ValueError(f"{document.source}: no publication date; events cannot be dated")
    kb = kb or knowledge.load()
    mentions = resolve(doc, document.date, kb)
    dates = _Dates(doc, find_time_expressions(doc, document.date), document.date)
    coder = _Coder(mentions, load_lexicon(), kb, dates)
    records = nlp.sentences(document, doc)
    events = []
    dated: dict[int, EventDate] = {}
    for index, sentence in enumerate(nlp.sentence_spans(doc)):
        record = records[index]
        span = document.original_span(record.start, record.end)
        for draft in coder.code(index, sentence):
            when = dates.of(draft.trigger)
            answered = coder.answered.get(draft.trigger.i)
            if when.from_publication_date and answered is not None and answered.trigger.i in dated:
                when = _since(dated[answered.trigger.i], document.date)
            dated[draft.trigger.i] = when
            if not when.from_publication_date:
                middle = _middle(when)
                draft = replace(
                    draft,
                    source=_as_of(draft.source, kb, document.date, middle),
                    target=_as_of(draft.target, kb, document.date, middle),
                )
            event = _event(document, record.text, index, span, draft, when)
            told = _told_before(event, events)
            if told is None or _repeated(draft.trigger):
                events.append(event)
            elif events[told].date.from_publication_date and not when.from_publication_date:
                # The headline's "Putin and Erdogan meet", dated by the lead's "met ... on Wednesday".
                events[told] = event
    found = []
    for index, mention in sorted(mentions.by_token.items()):
        words = noun_phrase(doc[index])
        found.append((words.start_char, words.end_char, mention.actor))
    return Coding(events, found, mentions.unresolved)


def _told_before(event: Event, earlier: list[Event]) -> int | None:
    """Where the story told before the event this one tells again: the same sides, code and
    modality, on the same days or with one of the two dated only by the publication. A headline
    and its lead, or a summary at the end, are one event, not two to weigh in a relation."""
    return next(
        (i for i, e in enumerate(earlier) if _same_act(e, event) and (
            e.date.from_publication_date or event.date.from_publication_date
            or (e.date.start, e.date.end) == (event.date.start, event.date.end)
        )),
        None,
    )


def _repeated(trigger: Token) -> bool:
    """Whether the act is said to happen again ("were reassured once again"): not one told before."""
    return any(t.lower_ in _REPEATING for t in trigger.children)


def _same_act(one: Event, other: Event) -> bool:
    """The same code, modality and sides."""
    flags = (one.negated, one.hypothetical, one.alleged) == (other.negated, other.hypothetical, other.alleged)
    return one.cameo == other.cameo and flags and _same_side(one.source, other.source) and _same_side(one.target, other.target)


def _same_side(one: Actor, other: Actor) -> bool:
    """The same actor, a sector told only once agreeing with any ("Erdogan" and "his Turkish counterpart")."""
    return one.principal == other.principal and (one.sector == other.sector or None in (one.sector, other.sector))


def _since(earlier: EventDate, published: date) -> EventDate:
    """When an undated answer to a dated act happened ("Russia denied the accusations" made in 2020):
    after the act began, by the publication date. An answer to an undated act is undated too."""
    if earlier.from_publication_date or earlier.start == date.min or earlier.start > published:
        return EventDate(published, published, "day", True)
    return intervals.interval(earlier.start, published, earlier.precision)


def _middle(when: EventDate) -> date:
    """The day that stands for an event's dates: the middle, or the closed end of an open interval."""
    if when.start == date.min:
        return when.end
    if when.end == date.max:
        return when.start
    return when.start + (when.end - when.start) / 2


def _as_of(actor: Actor, kb: knowledge.KnowledgeBase, published: date, day: date) -> Actor:
    """An actor resolved on the publication date, re-read on the event's own date: "then-Secretary of
    State Tillerson" in 2017 is USA GOV, the Taliban in 1999 the government of Afghanistan."""
    if actor.name is not None:
        person = kb.lookup(actor.name, day)
        if person is not None and person.kind == "person":
            return replace(actor, principal=person.principal, sector=person.sector)
        return actor
    own = kb.sector_on(actor.principal, published)
    if own is not None and actor.sector == own:
        return replace(actor, sector=kb.sector_on(actor.principal, day))
    return actor


def _event(document: Document, sentence: str, index: int, span: tuple[int, int], draft: _Draft, when: EventDate) -> Event:
    code = cameo(draft.code)
    flags = draft.modality
    return Event(
        doc_id=document.doc_id,
        sentence_index=index,
        sentence=sentence,
        span=span,
        source=draft.source,
        target=draft.target,
        cameo=code.code,
        root=code.root,
        quad=code.quad,
        goldstein=code.goldstein,
        plover=code.plover,
        date=when,
        trigger=_trigger_text(draft.trigger),
        negated=flags.negated,
        hypothetical=flags.hypothetical,
        alleged=flags.alleged,
        symmetric=draft.symmetric,
    )


def _trigger_text(token: Token) -> str:
    particles = [c.text for c in token.children if c.dep_ == "prt" and _amount_after(c) is None]
    return " ".join([token.text, *particles])


class _Coder:
    def __init__(self, mentions: Mentions, lexicon: Lexicon, kb: knowledge.KnowledgeBase, dates: _Dates) -> None:
        self.mentions = mentions
        self.lexicon = lexicon
        self.kb = kb
        self.dates = dates
        self.history: list[_Draft] = []
        # The earlier act each answering verb answers ("denied the accusations"), by the verb's index.
        self.answered: dict[int, _Draft] = {}

    def code(self, index: int, sentence: Span) -> list[_Draft]:
        drafts: list[_Draft] = []
        for token in sentence:
            if token.pos_ == "VERB" or _predicate_adjective(token):
                found = self._verb(index, token, drafts)
            elif token.pos_ in ("NOUN", "PROPN"):
                found = self._noun(index, token)
            else:
                continue
            drafts.extend(found)
            self.history.extend(found)
        for verb in (t for t in sentence if t.pos_ == "VERB"):
            telling = cues_of(verb, self.lexicon) & {"speech", "claim", "admission", "denial"}
            if telling and not any(d.trigger == verb for d in drafts):
                # A speech verb that is itself an act ("told the ambassador to leave") codes only that act.
                drafts.extend(self._statement(index, verb, drafts))
        drafts = [
            d for d in drafts
            if not self._carries(d, drafts) and not _announced_apart(d, drafts) and not _setting(d, drafts)
            and not _toll_of(d, drafts) and not _sent_for(d, drafts) and not self._breakaway_recognised(d)
        ]
        drafts += [_guest(d) for d in drafts if d.code == _HOSTING]
        return _unique(self._named_not_described([_asking_for(d, drafts) for d in drafts]))

    def _carries(self, draft: _Draft, drafts: list[_Draft]) -> bool:
        """Whether a light verb's act is the event noun it carries, coded on its own with the same
        sides: "carried out a bombing in Kenya" is the bombing (183), not also an attack (190), and
        "renewed negotiations" the negotiations, once."""
        if "light" not in cues_of(draft.trigger, self.lexicon):
            return False
        sides = (draft.source.principal, draft.target.principal)
        return any(
            d.trigger.pos_ != "VERB" and self._light_verb(d.trigger) == draft.trigger and sides in _sides(d)
            for d in drafts
        )

    def _named_not_described(self, drafts: list[_Draft]) -> list[_Draft]:
        """The drafts left when an actor both described and named ("the Somali militant group
        al-Shabab") is taken for two: the state of the description goes where its group, with the
        same sector, takes part in the same event."""
        homes = {}
        for draft in drafts:
            for side, other in ((draft.source, draft.target), (draft.target, draft.source)):
                entity = self.kb.entities.get(side.principal)
                if entity is not None and entity.kind != "state" and entity.country:
                    homes[draft.trigger.i, draft.code, other.principal, side.sector, entity.country] = side
        return [
            d for d in drafts
            if (d.trigger.i, d.code, d.target.principal, d.source.sector, d.source.principal) not in homes
            and (d.trigger.i, d.code, d.source.principal, d.target.sector, d.target.principal) not in homes
        ]

    def _statement(self, index: int, verb: Token, drafts: list[_Draft]) -> list[_Draft]:
        """What a statement or a claim codes besides what was said in it.

        That someone "must" or "should" act is a demand (100) on them ("said Libya must
        hand over the suspects"), whatever the act. A victim telling of a hostile act against
        it accuses whoever did it (112: "Israel said a rocket was fired at it from Lebanon").
        Otherwise a statement is coded only when nothing said in it is: to whom it was made
        ("told Iran", "said to Iran"), else whom it is about when that is a name ("said Iran had..."); that they did
        something hostile is an accusation (112), anything else a statement (010). A
        claim ("alleged", "claimed") is an accusation of whom it is about, or of another
        actor's hostile act it reports; a claim or an admission ("admitted", "acknowledged")
        of one's own hostile act is taking responsibility for it (015), and what is admitted
        stays a fact; denying one's own hostile act is denying responsibility for it (016), and
        what is denied is negated. A speaker of unknown country ("a senior official said") is
        where the news comes from rather than an actor: what they said is coded, not their saying it.
        """
        content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        said = [t for c in content for t in c.subtree]
        speaking = syntax.subjects(verb)
        # Who speaks through a text is who made it: "a statement issued by the ministry said".
        sources = self._named(speaking) or [
            a for s in speaking if s.pos_ in ("NOUN", "PROPN") for a in syntax.actor_within(s, self.mentions)
        ]
        how = modality(verb, self.lexicon)
        addressees = _indirect_objects(verb) + syntax.prepositional_objects(verb, frozenset({"to"}))
        if verb.lemma_ == "tell":
            addressees += syntax.children(verb, "dobj")
        obliged = [c for c in content if any(a.lemma_ in _OBLIGATIONS for a in syntax.children(c, "aux"))]
        if obliged:
            subjects = [s for clause in obliged for s in syntax.children(clause, "nsubj", "nsubjpass")]
            targets = self._named([c for s in subjects for c in syntax.conjuncts(s)]) or self._actors(addressees)
            return [self._draft(index, verb, s, t, "100", False, how) for s in sources for t in targets]
        inside = [d for d in drafts if d.trigger in said]
        cues = cues_of(verb, self.lexicon)
        claim = "claim" in cues
        if inside or "denial" in cues:
            hostile = [d for d in inside if cameo(d.code).quad >= 3]
            speakers = {s.principal for s in sources}
            owned = {d.target.principal: d.target for d in hostile if d.source.principal in speakers}
            if "denial" in cues:
                return [self._draft(index, verb, s, t, _DENIAL, False, how) for s in sources for t in owned.values()]
            owning = [self._draft(index, verb, s, t, "015", False, how) for s in sources for t in owned.values()]
            if "admission" in cues:
                return owning
            if not claim:
                return [self._draft(index, verb, s, t, "112", False, how) for s, t in self._told(speaking, hostile)]
            accused = {d.source.principal: d.source for d in hostile if d.source.principal not in speakers}
            return [self._draft(index, verb, s, t, "112", False, how) for s in sources for t in accused.values()] + owning
        if not addressees:
            addressees = [
                subject for c in content if c.dep_ == "ccomp" for subject in syntax.children(c, "nsubj", "nsubjpass")
                if subject.pos_ == "PROPN"
            ]
        code = "010"
        if claim or any(cameo(p.code).quad >= 3 for c in content for p in self.lexicon.verb_patterns(c.lemma_.lower())):
            code = "112"
        return [self._draft(index, verb, s, t, code, False, how) for s in sources for t in self._actors(addressees)]

    def _told(self, speaking: list[Token], hostile: list[_Draft]) -> list[tuple[Actor, Actor]]:
        """Who, telling of a hostile act against itself, accuses whom: a speaker named as such (not its
        lawyer, nor a witness of another country) that is the act's target, sector for sector, and an
        identified doer other than itself."""
        pairs = {}
        for speaker in (a for token in speaking for a in self.mentions.actors(token)):
            for act in hostile:
                victim, doer = act.target, act.source
                if victim.principal == speaker.principal and doer.principal not in ("", speaker.principal) and (
                    victim.sector is None or speaker.sector is None or victim.sector == speaker.sector
                ):
                    pairs[speaker.principal, doer.principal] = (speaker, doer)
        return list(pairs.values())

    # --- verbs ----------------------------------------------------------------------------------

    def _verb(self, index: int, verb: Token, earlier: list[_Draft]) -> list[_Draft]:
        misread = self._misread_subject(verb)
        if (verb.dep_ == "amod" and not misread) or (verb.dep_ == "pcomp" and not self._gerund_counts(verb)):
            return []
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" and _amount_after(c) is None), None)
        prepositions = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
        patterns = [
            p for p in self.lexicon.verb_patterns(verb.lemma_.lower())
            if p.particle == particle or (particle is None and p.particle in prepositions)
        ]
        if not patterns:
            return []
        fragment = _protest_fragment(verb, patterns)
        passive = syntax.is_passive(verb) and not fragment
        if passive:
            patients = syntax.children(verb, *syntax.PASSIVE_SUBJECT_DEPS)
            if not patients and verb.dep_ in ("conj", "acl"):
                # "met X and were reassured" shares its subject; "prisoners released by Israel" is about them.
                patients = syntax.subjects(verb.head) if verb.dep_ == "conj" else syntax.conjuncts(verb.head)
            doers = syntax.agents(verb)
            sources = self._named(doers) or self._implicit_agents(verb, earlier)
        else:
            patients = []
            doers = misread or ([verb.head] if fragment else syntax.subjects(verb))
            sources = self._named(doers)
        direct = [verb.head] if misread else syntax.children(verb, "dobj") or syntax.object_after_as(verb)
        how = modality(verb, self.lexicon)
        applied: list[tuple[VerbPattern, list[Token], list[Actor]]] = []
        for pattern in patterns:
            if pattern.particle is not None and pattern.particle != particle:
                # A preposition with no object of its own is a particle ("forced the agency out of X").
                objects = syntax.children(prepositions[pattern.particle], "pobj") or syntax.children(verb, "dobj")
            else:
                objects = patients if passive else [self._paid_for(o) for o in direct] or _counted_objects(verb)
            if passive and not doers and pattern.particle in prepositions and pattern.particle != particle:
                # A stance, not something done to the subject: "Israel is opposed to the plan".
                acting = self._named(patients)
            elif passive:
                acting = sources or self._origins(verb, pattern, objects, doers) or self._unidentified(doers)
            else:
                acting = sources or self._unidentified(doers) or self._origins(verb, pattern, objects, doers)
            targets = self._targets(index, verb, pattern, objects, acting)
            if targets is None:
                continue
            acting = self._placed(verb, pattern.code, acting, targets)
            found = self._pairs(index, verb, pattern, acting, targets, how)
            # What coordinated subjects do together with an object that names no partner ("Serbia and
            # Kosovo signed an agreement in Brussels") is between them, not with what the object is about.
            among_them = "symmetric" in pattern.flags and pattern.objects and not pattern.preps and _pairs_among(sources)
            if any(_two_sided(d) for d in found) and not among_them:
                return found
            applied.append((pattern, objects, acting))
        among = next((pattern for pattern, _, _ in applied if "symmetric" in pattern.flags), None)
        if among is not None and _pairs_among(sources):
            # Coordinated subjects that do something together with no one else ("China and India met").
            return [self._draft(index, verb, s, t, among.code, True, how) for s, t in _pairs_among(sources)]
        announcing = applied and (how.intent or cameo(applied[0][0].code).root in _ANNOUNCING)
        conditioned = self._conditioned(verb) if announcing else []
        if conditioned:
            # A threat or a promise is aimed at whoever its condition names ("threatened to halt
            # the talks if the United States went ahead", "threatened to strike unless Peru pays").
            return [self._draft(index, verb, s, t, applied[0][0].code, False, how) for s in sources for t in conditioned]
        # No pattern's target names an identified actor: one that names an actor of unknown country
        # ("shot demonstrators near the border") comes before one that only finds a place of violence.
        fallbacks = [
            self._pairs(index, verb, pattern, acting, self._targets(index, verb, pattern, objects, acting, identified=False) or [], how)
            for pattern, objects, acting in applied
        ]
        found = [drafts for drafts in fallbacks if drafts]
        return next((drafts for drafts in found if any(d.target.sector for d in drafts)), found[0] if found else [])

    def _pairs(
        self, index: int, verb: Token, pattern: VerbPattern, acting: list[Actor], targets: list[Actor], how: Modality
    ) -> list[_Draft]:
        if "reverse" in pattern.flags:
            acting, targets = targets, acting
        symmetric = "symmetric" in pattern.flags
        code = self._specified(verb, pattern.code)
        return [self._draft(index, verb, s, t, code, symmetric, how) for s in acting for t in targets]

    def _disputed(self, verb: Token) -> bool:
        """Whether sides that clash do so in words: over an issue, not a place ("Poland clashed with
        Germany over war reparations"), and with no one armed among them ("troops clashed over ...")."""
        if verb.lemma_ not in _CLASHING:
            return False
        issues = [
            o for o in syntax.prepositional_objects(verb, frozenset({"over"}))
            if o.ent_type_ not in _NAMED_PLACES and o.lemma_.lower() not in _CONTESTED_GROUND
        ]
        sides = self._named(syntax.subjects(verb) + syntax.prepositional_objects(verb, frozenset({"with"})))
        return bool(issues) and not any(side.sector in ARMED_SECTORS for side in sides)

    def _specified(self, verb: Token, code: str) -> str:
        """A verb's code made as specific as what the sentence says of the act: an unspecified one (190)
        takes the kind of event of its root (for violence, of any violent root) it was done in or by
        ("engaged the troops in a firefight": 193, "killed in an air strike": 195, "a roadside bombing
        killed": 1833, "spoke by phone": 041), an attack by aircraft is aerial (195), an accusation is
        of what it accuses of (see ``_accused_of``), troops sent to support a side are military
        cooperation, and states that clash over an issue dispute it (110)."""
        if code == _ACCUSATION:
            return self._accused_of(verb)
        if code == _FIGHT and self._disputed(verb):
            return _DISAPPROVAL
        purposes = [c for c in syntax.children(verb, "advcl", "xcomp") if any(a.tag_ == "TO" for a in c.children)]
        if code == _SHOW_OF_FORCE and any(p.lemma_ in _SUPPORTING for p in purposes):
            return _MILITARY_COOPERATION
        aerial = [*syntax.subjects(verb), *syntax.agents(verb)] + (syntax.children(verb, "dobj") if code in _FIRING else [])
        if code in _GROUND_VIOLENCE and any("aerial" in cues_of(t, self.lexicon) for t in aerial):
            return _AERIAL
        if not code.endswith("0"):
            return code
        for noun in syntax.prepositional_objects(verb, _DONE_IN) + syntax.subjects(verb):
            pattern = self._noun_pattern(noun)
            if pattern is not None and (
                pattern.code[:2] == code[:2] or _VIOLENT.match(code) and _VIOLENT.match(pattern.code)
            ):
                return pattern.code
        return code

    def _accused_of(self, verb: Token) -> str:
        """An accusation made as specific as the violence it says was done: "accused Russia of shelling
        Kharkiv", "blamed Iran for the attack" (1123, aggression), "of a massacre" (1124, war crimes)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            for named in prep.children:
                if named.dep_ == "pcomp":
                    # The patterns of the verb with what it is done with: "using water cannon" is no use of nerve gas.
                    objects = set().union(*map(_names, syntax.children(named, "dobj")))
                    patterns = self.lexicon.verb_patterns(named.lemma_.lower())
                    codes = [p.code for p in patterns if not p.objects or p.objects & objects]
                else:
                    pattern = self._noun_pattern(named) if named.dep_ == "pobj" else None
                    codes = [pattern.code] if pattern is not None else []
                specific = next((_ACCUSED_OF[c[:2]] for c in codes if c[:2] in _ACCUSED_OF), None)
                if specific is not None:
                    return specific
        return _ACCUSATION

    def _origins(self, verb: Token, pattern: VerbPattern, patients: list[Token], doers: list[Token]) -> list[Actor]:
        """Who did an act that names no one as its doer, where English says it otherwise: violence comes
        from where it was fired ("fired at Israel from Gaza"), a release or an expulsion from who held
        the person ("freed from Israeli jails"), an arrest from where it was made ("arrested in Iran").
        Violence against foreigners with no origin named is done by the state where it happened, as
        ICEWS codes unnamed gunmen by their country ("Russian soldiers killed in Ukraine"), or by the
        state or group of the act it happened in ("killed in Israeli shelling", "in a bombing by
        al-Shabaab"), also when what did it is a weapon or an attack ("a roadside bomb near Samarra
        killed a US soldier"), not a mishap; not the armed who "were engaged" in fighting somewhere.
        Attackers known only by the place are that state's unidentified armed forces (UAF), whom
        relations between states do not count; an act named by its state ("Israeli shelling") is that
        state's."""
        code = pattern.code
        if code[:2] == _PROTEST and (not syntax.is_passive(verb) or _protest_fragment(verb, [pattern])):
            return self._crowd(verb, doers)
        if not _FROM_ORIGIN.match(code) or any("mishap" in cues_of(d, self.lexicon) for d in doers):
            return []
        preps = frozenset({"from", "in"}) if code == "173" else frozenset({"from"})
        found = self._named(syntax.prepositional_objects(verb, preps)) if syntax.is_passive(verb) else []
        if found or not _VIOLENT.match(code) or "armed" in pattern.flags:
            return found
        attacks = [(p, act) for p in syntax.prepositional_objects(verb, frozenset({"in"})) if (act := self._noun_pattern(p))]
        found = [a for place, act in attacks if _VIOLENT.match(act.code) for a in self._noun_sources(place, act) if a.principal]
        if found:
            return found
        where = self._foreign_scene([verb, *doers], {a.principal for a in self._named(patients)})
        if where is None:
            return []
        state, place = where
        act = self._noun_pattern(place)
        if act is None:
            return [Actor(state, UNIDENTIFIED, None, noun_phrase(place).text)]
        return [a for a in self._noun_sources(place, act) if a.principal] or [Actor(state, None, None, noun_phrase(place).text)]

    def _misread_subject(self, verb: Token) -> list[Token]:
        """The subject of a verb the parser read as a modifier of its object, taking the word before it
        for the verb: an actor opening the sentence ("ECOWAS imposed sanctions on Niger" parses as
        "ECOWAS" with the object "imposed sanctions"), or the subject of a perfect's auxiliary ("The
        bloc had closed borders with Niger" as "had" with the object "closed borders")."""
        if verb.dep_ != "amod" or verb.i == verb.sent.start:
            return []
        before, noun = verb.doc[verb.i - 1], verb.head
        if noun.dep_ != "dobj" or noun.head != before:
            return []
        if before.lemma_ == "have" and verb.tag_ == "VBN":
            return syntax.subjects(before)
        opening = before.dep_ == "ROOT" and before.i == verb.sent.start
        return [before] if opening and self.mentions.actor(before) is not None else []

    def _paid_for(self, obj: Token) -> Token:
        """The act a sum of money is in: "pledged 2.7 billion euros in military aid to Ukraine" pledges
        military aid, whose kind and recipient are read off the aid ("deposited $3 billion in its
        central bank" deposits money)."""
        if obj.lemma_.lower() not in _MONEY:
            return obj
        paid = [p for prep in syntax.children(obj, "prep") if prep.lower_ == "in" for p in syntax.children(prep, "pobj")]
        return next((p for p in paid if self._noun_pattern(p) is not None), obj)

    def _crowd(self, verb: Token, doers: list[Token]) -> list[Actor]:
        """Protesters named only by number ("Thousands protested in Belgrade", "crowds rallied in
        Tehran") are the opposition of the state where they protested."""
        if not doers:
            return []
        # Where they were ("in Baghdad") before what they stood at ("outside the US embassy in Baghdad").
        stood_at = syntax.prepositional_objects(verb, _PLACE_PREPS)
        inside = [p for place in stood_at for p in syntax.prepositional_objects(place, frozenset({"in"}))]
        for place in syntax.prepositional_objects(verb, frozenset({"in"})) + inside + stood_at:
            state = self._state_of_place(place)
            if state is not None:
                return [Actor(state, "OPP", None, noun_phrase(doers[0]).text)]
        return []

    def _foreign_scene(self, heads: list[Token], victims: set[str]) -> tuple[str, Token] | None:
        """The state, and the place naming it, where violence against others than its own people
        happened, as the prepositions of place on ``heads`` say; None when no victim is identified."""
        for place in (p for head in heads for p in syntax.prepositional_objects(head, _PLACE_PREPS)):
            state = self._state_of_place(place)
            if state is not None and victims and state not in victims:
                return state, place
        return None

    def _placed(self, verb: Token, code: str, acting: list[Actor], targets: list[Actor]) -> list[Actor]:
        """Attackers of unknown country who struck foreigners are of the state where they struck, as
        ICEWS names them ("gunmen killed two Turkish engineers in Libya": Libyan gunmen)."""
        if not _VIOLENT.match(code) or not acting or any(a.principal for a in acting):
            return acting
        heads = [verb, *syntax.subjects(verb), *syntax.children(verb, "dobj")]
        where = self._foreign_scene(heads, {a.principal for a in targets})
        return [replace(a, principal=where[0]) for a in acting] if where else acting

    def _conditioned(self, token: Token) -> list[Actor]:
        """The actors an "if" or "unless" clause is about, on the token, on the act it announces
        ("threatened to strike unless ...") or on a clause governing it."""
        found = []
        for clause in [token, *syntax.children(token, "xcomp"), *syntax.governors(token)]:
            for condition in syntax.children(clause, "advcl"):
                if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in condition.children):
                    found += self._named([c for s in syntax.children(condition, "nsubj") for c in syntax.conjuncts(s)])
        return found

    def _gerund_counts(self, verb: Token) -> bool:
        """A gerund after a preposition is coded after a time word ("after meeting X"), as how a past
        act was done ("responded by banning imports"; "risks its reputation by meeting" is no act), as
        a claim, or as an intent ("has no intention of attacking NATO")."""
        done_by = verb.head.lower_ == "by" and verb.head.head.tag_ in ("VBD", "VBN")
        if "temporal" in cues_of(verb.head, self.lexicon) or done_by:
            return True
        how = modality(verb, self.lexicon)
        return how.alleged or how.intent

    def _targets(
        self, index: int, verb: Token, pattern: VerbPattern, objects: list[Token], sources: list[Actor],
        identified: bool = True,
    ) -> list[Actor] | None:
        """The targets a pattern finds around a verb and its objects (the patients of a passive, the object
        of a prepositional verb: "called for sanctions"), or None when the pattern does not apply; with
        ``identified`` False, the actors of unknown country or the place of violence when there are
        no others."""
        obj = objects[0] if objects else None
        if "complement" in pattern.flags:
            if not any(_names(t) & pattern.objects for t in _complements(verb)):
                return None
            # "gave the ambassador 48 hours to leave": the one given it.
            targets = syntax.children(verb, "dobj", "oprd", "attr") + _indirect_objects(verb)
            found = self._named(targets)
        elif (
            pattern.objects
            and (obj is None or not _names(obj) & pattern.objects)
            and not self._names_a_later_object(verb, obj, pattern)
        ):
            return None
        elif pattern.preps:
            # A preposition may hang on the last of coordinated objects ("fired rockets and shells at X").
            heads = [verb, *(syntax.conjuncts(obj) if obj is not None and pattern.objects else [])]
            if obj is not None and obj.lower_ in _AMOUNTS:
                # "lifted most of the sanctions on Niger".
                heads += syntax.prepositional_objects(obj, frozenset({"of"}))
            # What the object's relative clause says of it: "lifted the sanctions it had imposed on Niger".
            heads += [r for h in heads[1:] for r in syntax.children(h, "relcl")]
            targets = self._aimed([t for h in heads for t in syntax.prepositional_objects(h, pattern.preps)])
            if any(self.mentions.actors(t) for t in targets):
                # A destination named beside a purpose: "left for Moscow for talks with Putin" goes to Moscow.
                targets = [t for t in targets if self._noun_pattern(t) is None]
            if "to" in pattern.preps:
                targets += [c for t in _indirect_objects(verb) for c in syntax.conjuncts(t)]
            found = self._actors(targets)
            if not any(found) and pattern.preps == {"with"} and not pattern.objects and "symmetric" not in pattern.flags:
                # What one is supplied with names no one; who is supplied is the object ("supplied Ukraine with aid").
                found = self._actors(syntax.children(verb, "dobj"))
            if "avenging" in pattern.flags:
                avenged = [(t, p) for t in targets for p in [self._noun_pattern(t)] if p is not None]
                found = [a for t, p in avenged for a in self._noun_sources(t, p)] or found
        else:
            addressed = _indirect_objects(verb)
            if pattern.particle is not None and pattern.particle not in {c.lower_ for c in syntax.children(verb, "prt")}:
                # Whom a prepositional verb is addressed to is its direct object ("asked Germany for tanks").
                addressed += syntax.children(verb, "dobj")
            # Who acts on themselves names no target: "killed 23 people as well as themselves".
            targets = [c for t in objects + addressed for c in syntax.conjuncts(t) if not c.lower_.endswith(("self", "selves"))]
            found = self._actors(targets)
            act = self._noun_pattern(obj) if obj is not None else None
            if act is not None and pattern.code == _HOSTING:
                # Hosting talks or a summit hosts whoever takes part, not what it is about ("a summit on Gaza").
                found = self._named(syntax.prepositional_objects(obj, act.target_preps))
            judging = pattern.code[:2] in _AIMED_AT_DOER and "refusal" not in cues_of(verb, self.lexicon)
            if act is not None and judging and "symmetric" not in act.flags:
                # Judging or protesting an act is aimed at whoever did it: "welcomed the release of the
                # hostages by Hamas" at Hamas; condemning "the attack on Israel" never at Israel. Ruling
                # out an attack is about one's own.
                doers = [a for a in self._noun_sources(obj, act) if a is not None and a.principal]
                found = doers if doers or cameo(act.code).quad >= 3 else found
            if obj is not None and obj == verb.head and syntax.is_participle_modifier(verb, "VBN"):
                # "a truce brokered by Saudi Arabia" names its broker through this very verb: no target.
                # Who is brokered between is who agreed to it ("the army and the RSF agreed to a truce brokered by").
                acting = {a.principal for a in sources}
                found = [a for a in found if a.principal not in acting]
                if not found and pattern.code == _MEDIATION:
                    found = self._named([c for s in syntax.subjects(syntax.clause_of(obj)) for c in syntax.conjuncts(s)])
            if obj is not None and not any(found):
                found = self._participants(index, obj, sources, pattern)
            if obj is not None and not any(found) and not syntax.is_passive(verb):
                # The parser often hangs the object's "from" on the verb ("welcomed memos from Italy").
                found = self._actors(syntax.prepositional_objects(verb, _FROM))
        if not any(found) and any(map(_reciprocal, targets)):
            # "Armenia and Azerbaijan blamed each other": each acts on the others.
            found = list(sources)
        if not any(found) and "clause" in pattern.flags:
            found = self._named([c for s in _clause_subjects(verb, obj) for c in syntax.conjuncts(s)])
        if not any(found) and "purpose" in pattern.flags:
            parties = (self._named([c for t in group for c in syntax.conjuncts(t)]) for group in _purpose_objects(verb, obj))
            found = next((group for group in parties if group), [])
        actors = [a for a in found if a is not None]
        if not actors and not identified:
            actors = self._scene(verb, pattern.code, sources, self._unidentified(targets))
        if "armed" in pattern.flags and not any(a.sector in ARMED_SECTORS for a in actors):
            return None
        if "organisation" in pattern.flags and not any(map(self._organisation, actors)):
            return None
        if "foreign" in pattern.flags:
            acting = {s.principal for s in sources}
            actors = [a for a in actors if a.principal not in acting] or None
        if "people" in pattern.flags and any(
            m is not None and not (m.person or m.plural) for m in map(self.mentions.mention, targets)
        ):
            # A state or a team beaten as a whole was defeated, not assaulted.
            return None
        if "guest" in pattern.flags and not any(m is not None and m.person for m in map(self.mentions.mention, objects)):
            return None
        return actors

    def _aimed(self, targets: list[Token]) -> list[Token]:
        """Whom an act is against, not also where it was, when both are said: "staged rallies in Gaza
        against Abbas", "strikes against Houthi targets in Yemen"."""
        aimed = [t for t in targets if t.head.lower_ not in _PLACE_PREPS]
        return aimed if len(aimed) < len(targets) and self._actors(aimed) else targets

    def _names_a_later_object(self, verb: Token, obj: Token | None, pattern: VerbPattern) -> bool:
        """Whether a pattern names one of the objects coordinated after a first that no pattern of the
        verb names ("provided aerial photographs and other military intelligence"); a first that one
        names is the act ("sent troops and aid" is troops sent)."""
        if obj is None or any(_names(obj) & p.objects for p in self.lexicon.verb_patterns(verb.lemma_.lower())):
            return False
        return any(_names(later) & pattern.objects for later in syntax.conjuncts(obj)[1:])

    def _participants(self, index: int, obj: Token, sources: list[Actor], pattern: VerbPattern) -> list[Actor]:
        """Targets through an object that names an earlier event: who took part in "the talks" India
        condemned, who did the hostile act it condemned, or who made "the offer" Ankara rejected
        (with the ``response`` flag)."""
        if "response" in pattern.flags:
            answered = self._answered(index, obj, sources)
            if answered:
                return answered
        event_pattern = self._noun_pattern(obj)
        referenced = self._referenced(index, obj, event_pattern) if event_pattern else None
        if referenced is None:
            return []
        acting = {s.principal for s in sources}
        sides = [referenced.source, referenced.target]
        if pattern.code[:2] in _AIMED_AT_DOER and cameo(referenced.code).quad >= 3 and not referenced.symmetric:
            # Condemning "the shelling" told before is aimed at who shelled, not at whom.
            sides = [referenced.source]
        return [a for a in sides if a.principal not in acting]

    def _implicit_agents(self, verb: Token, earlier: list[_Draft]) -> list[Actor]:
        """The unnamed agent of a passive joined to an earlier act: "met X and were reassured" → X."""
        if verb.dep_ != "conj":
            return []
        return [d.target for d in earlier if d.trigger.i == verb.head.i]

    def _answered(self, index: int, obj: Token, sources: list[Actor]) -> list[Actor]:
        """Who made the offer (accusation, demand) that ``obj`` names, answered by ``sources``."""
        roots = self.lexicon.response_roots.get(obj.lemma_.lower()) or self.lexicon.response_roots.get(obj.lower_)
        if not roots or any(c.dep_ in ("poss", "prep") for c in obj.children):
            return []
        answering = {s.principal for s in sources}
        # What describes the one who answers is no offer it answers ("Israel, backed by the US, rejected the proposal").
        describing = {t.i for subject in syntax.subjects(obj.head) for t in subject.subtree}
        for draft in reversed(self._recent(index)):
            if draft.code[:2] in roots and draft.target.principal in answering and draft.trigger.i not in describing:
                self.answered[obj.head.i] = draft
                return [draft.source]
        return []

    # --- event nouns ----------------------------------------------------------------------------

    def _noun(self, index: int, noun: Token) -> list[_Draft]:
        pattern = self._noun_pattern(noun)
        if pattern is None or self.mentions.actor(noun) is not None or self._undone(noun):
            return []
        sources = self._noun_sources(noun, pattern)
        # The parser often hangs the noun's own prepositions on the light verb that governs it
        # ("opened an investigation into X").
        carrier = self._light_verb(noun)
        heads = [noun, carrier] if carrier is not None else [noun]
        aimed_at = self._aimed([t for h in heads for t in syntax.prepositional_objects(h, pattern.target_preps - {"between"})])
        targets = self._actors(aimed_at)
        between = self._actors([t for h in heads for t in syntax.prepositional_objects(h, pattern.target_preps & {"between"})])
        how = modality(noun, self.lexicon)
        symmetric = "symmetric" in pattern.flags
        if sources and not targets + between and "clause" in pattern.flags:
            # Whom a demand is made on is who its that-clause says must act ("its demand that Israel withdraw");
            # the parser may hang the clause on the light verb ("reiterated its demand that ...").
            targets = self._named([c for h in heads for s in _clause_subjects(h, h) for c in syntax.conjuncts(s)])
        if sources and not targets + between and how.intent:
            targets = self._conditioned(noun)
        if symmetric and not sources and not targets + between and _VIOLENT.match(pattern.code):
            # The sides of a fight no one is named for are its dead: "a clash in which 20 Indian soldiers
            # and four Chinese soldiers were killed".
            dead = [d for r in syntax.children(noun, "relcl") for p in syntax.children(r, "nsubjpass") for d in syntax.conjuncts(p)]
            named = self._named(dead)
            between = named if len({a.principal for a in named}) > 1 else []
        if not targets + between:
            targets = self._scene(noun, pattern.code, sources, self._unidentified(aimed_at))
        pairs = [(s, t) for s in sources for t in targets + between]
        if symmetric:
            # Talks between X and Y are theirs, whoever holds or joins them ("Egypt hosted talks between...");
            # talks that coordinated sides hold with no one else are between them.
            pairs += _pairs_among(between) if between or targets else _pairs_among(sources)
        if not pairs and not sources and not targets + between and noun.dep_ in ("nsubj", "nsubjpass"):
            previous = self._referenced(index, noun, pattern)
            dated = not self.dates.of(noun).from_publication_date
            if previous is not None and (previous.modality != how or dated):
                # What becomes of an event told before ("The talks were cancelled"), or when it happened
                # ("The visit happened a month ago"); the same event told again ("The deal comes ahead
                # of the summit") is not a second one.
                return [replace(previous, sentence=index, trigger=noun, modality=how)]
        return [self._draft(index, noun, s, t, pattern.code, symmetric, how) for s, t in pairs]

    def _breakaway_recognised(self, draft: _Draft) -> bool:
        """Whether a recognition is of a breakaway's independence ("recognised Abkhazia and South
        Ossetia", "the Donetsk People's Republic"): the region, or the rebels holding it, stands for
        a state, which is not what was recognised."""
        if draft.code != _RECOGNITION:
            return False
        target = draft.target
        if target.sector in _BREAKING_AWAY or (target.sector == "CVL" and "republic" in target.text.lower()):
            # "the Donetsk and Luhansk people's republics" resolves to Ukraine's people.
            return True
        if target.name is None:
            return False
        region = self.kb.lookup(draft.target.name, self.dates.fallback.start)
        return region is not None and region.kind == "region"

    def _kind(self, actor: Actor) -> str | None:
        """The kind of entity an actor's principal is ("state", "igo", "group"), None if unknown."""
        entity = self.kb.entities.get(actor.principal)
        return entity.kind if entity is not None else None

    def _organisation(self, actor: Actor) -> bool:
        """Whether an actor is an international organisation (the UN, NATO, ECOWAS)."""
        return self._kind(actor) == "igo"

    def _government(self, actor: Actor, trigger: Token) -> bool:
        """Whether an actor is a state's government: named as such, or as the state itself ("Vietnam
        protested"), not as its people ("Palestinians protested")."""
        if self._kind(actor) != "state":
            return False
        if actor.sector in ("GOV", "DIP"):
            return True
        return actor.sector is None and all(t.tag_ in ("NNP", "NN") for t in syntax.subjects(trigger))

    def _state_force(self, actor: Actor) -> bool:
        """Whether an actor is a state's government or military (or the state itself)."""
        return self._kind(actor) == "state" and actor.sector in (None, "GOV", "MIL")

    def _light_verb(self, noun: Token) -> Token | None:
        """The light verb that makes an event noun its act: whose object it is ("held talks with X",
        "held a new round of talks", "launched three days of exercises") or what it engages in
        ("engaged in talks with X", "participated in the offensive")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in _ROUNDS:
            noun = noun.head.head
        if noun.dep_ == "dobj":
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_ in _ENGAGING:
            verb = noun.head.head
        else:
            return None
        return verb if verb.pos_ == "VERB" and "light" in cues_of(verb, self.lexicon) else None

    def _undone(self, noun: Token) -> bool:
        """Whether an event noun is what its verb ends, eases or refuses, which that verb codes
        ("lifted its embargo" eases it, 085; "halted its offensive", "suspended its aid", "is opposed to
        French mediation"): no act of its own."""
        if noun.dep_ == "dobj":
            verb, preposition = noun.head, None
        elif noun.dep_ == "pobj":
            verb, preposition = noun.head.head, noun.head.lower_
        else:
            return False
        return verb.pos_ == "VERB" and any(
            cameo(p.code).root in _UNDOING and _names(noun) & p.objects and (preposition is None or p.particle == preposition)
            for p in self.lexicon.verb_patterns(verb.lemma_.lower())
        )

    def _noun_pattern(self, noun: Token) -> NounPattern | None:
        """The pattern of an event noun, with its modifier first ("hunger strike" is no "strike")."""
        nouns = self.lexicon.nouns
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
        if modifiers:
            modifier = modifiers[-1].lower_
            found = nouns.get(f"{modifier} {noun.lower_}") or nouns.get(f"{modifier} {noun.lemma_.lower()}")
            if found is not None:
                return found
        return nouns.get(noun.lower_) or nouns.get(noun.lemma_.lower())

    def _referenced(self, index: int, noun: Token, pattern: NounPattern) -> _Draft | None:
        """The earlier event a definite event noun ("the visit", "the talks") refers to, if it names no one."""
        if not _refers_back(noun) or any(c.dep_ in ("poss", "prep", "compound") for c in noun.children):
            return None
        recent = list(reversed(self._recent(index)))
        told = list(reversed(self.history))
        return (
            next((d for d in recent if d.code == pattern.code), None)
            or next((d for d in recent if d.code[:2] == pattern.code[:2]), None)
            # Further back, only the story's own event of that kind ("Tsai condemned the exercises" five
            # sentences after them; "The EU welcomed the agreement" after "they had agreed to").
            or next((d for d in told if d.code == pattern.code), None)
            or next((d for d in told if _agreed(noun, d)), None)
        )

    def _named(self, tokens: list[Token]) -> list[Actor]:
        """The actors the tokens name ("US and British activists" name two); a noun that names none
        stands for the actor its modifier or owner names ("United Nations inspectors", "Israeli
        bulldozers", "India's decision"), a part for the whole it is part of ("hundreds of UN troops",
        "some of the rebels"). A mishap ("the Malaysia Airlines crash") stands for no one."""
        found = []
        for token in tokens:
            named = self.mentions.actors(token)
            if token.dep_ == "appos" and named and {a.principal for a in named} <= {a.principal for a in found}:
                # An apposition of the same state's actor tells of the same one ("the US commander, General Petraeus").
                continue
            if not named and token.lemma_.lower() in _PARTITIVES:
                named = self._named(syntax.prepositional_objects(token, frozenset({"of"})))
            if not named and token.pos_ in ("NOUN", "PROPN") and "mishap" not in cues_of(token, self.lexicon):
                words = (w for c in token.children if c.dep_ in _MODIFIER_DEPS for w in c.subtree)
                named = [a for a in map(self.mentions.modifier_actor, words) if a is not None][:1]
                # What an actor owns stands for it: "India's decision to buy Russian oil drew criticism".
                named = named or [a for c in token.children if c.dep_ == "poss" for a in self.mentions.actors(c)]
            found += named
        return found

    def _unidentified(self, tokens: list[Token]) -> list[Actor]:
        """The actors of unknown country the tokens name ("insurgents", "the government" with no state
        before it), for a side that names no identified actor."""
        unidentified = self.mentions.unidentified
        # An apposition of an unidentified actor is the same one again ("the facilities (UCF)").
        return [
            unidentified[c.i] for t in tokens for c in syntax.conjuncts(t)
            if c.i in unidentified and not (c.dep_ == "appos" and c.head.i in unidentified)
        ]

    def _actors(self, tokens: list[Token], depth: int = 2) -> list[Actor]:
        """The actors the noun phrases name or are about; an event noun's own prepositions count,
        and so does what an "of" or a topic names further in ("a resumption of ties between X and Y",
        "a summit on the unrest in Iran"). A name in apposition to a description of the same state
        is the one it describes ("his Russian counterpart Vladimir Putin" is Putin, once)."""
        found: dict[int, list[Actor]] = {}
        for token in tokens:
            pattern = self._noun_pattern(token)
            within = syntax.actor_within(token, self.mentions, pattern.target_preps if pattern else frozenset())
            if not within and depth:
                within = self._actors(syntax.prepositional_objects(token, _FURTHER_IN), depth - 1)
            if not within and pattern is not None:
                within = self._scene(token, pattern.code, [], [])
            found[token.i] = within
        for token in tokens:
            described = found.get(token.head.i) if token.dep_ == "appos" else None
            if described and found[token.i] and {a.principal for a in described} == {a.principal for a in found[token.i]}:
                found[token.head.i] = []
        return [actor for within in found.values() for actor in within]

    def _scene(self, trigger: Token, code: str, sources: list[Actor], victims: list[Actor]) -> list[Actor]:
        """The targets of an act that names no identified one: for a violent act, the state where it
        took place, since its victims are there. Victims of unknown country take that state ("police
        fired on protesters in Cairo": EGY OPP); with none named, the state itself is the target if
        it is not the source's ("Israeli shelling in the east of the Gaza Strip" → PSE, "an attack
        at a mall in Kenya's capital" → KEN). The place is said on the act, on its object ("killed
        three men near Kabul"), on a clause that describes it, or on the light verb that carries it
        ("carried out an attack in Kabul"), else by the report's dateline. Otherwise the victims of
        unknown country themselves. A protest against a measure no one is named for is against the
        protesters' own government."""
        if code[:2] == _PROTEST:
            return self._rulers_opposed(trigger, sources) or victims
        if not _VIOLENT.match(code):
            return victims
        heads = [trigger, *syntax.children(trigger, "dobj", "acl", "relcl", "advcl")]
        carrier = self._light_verb(trigger)
        if carrier is not None:
            heads.append(carrier)
        acting = {s.principal for s in sources}
        places = [p for head in heads for p in syntax.prepositional_objects(head, _PLACE_PREPS)]
        for place in places:
            state = self._state_of_place(place)
            if state is not None and victims:
                return [Actor(state, victim.sector, None, victim.text) for victim in victims]
            if state is not None and state not in acting:
                return [Actor(state, None, None, noun_phrase(place).text)]
        # A place of no state ("ships in the Red Sea", "fired into the sea") is said all the same:
        # the dateline is not the scene.
        named = any(
            t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS | {"into"}
            and any(w.ent_type_ in _NAMED_PLACES or w.lemma_.lower() in _OPEN_WATERS for w in noun_phrase(t))
            for t in trigger.subtree
        )
        filed_from = [state for start, state in self.mentions.datelines.items() if start <= trigger.i]
        if filed_from and filed_from[-1] not in acting and not named:
            # No place named: the report's dateline ("GAZA CITY: Four children were killed in Israeli shelling").
            return [Actor(filed_from[-1], victim.sector, None, victim.text) for victim in victims] or [
                Actor(filed_from[-1], None, None, noun_phrase(trigger).text)
            ]
        return victims

    def _rulers_opposed(self, trigger: Token, sources: list[Actor]) -> list[Actor]:
        """The government of the protesters' state, when what they protest is one of its measures."""
        states = {s.principal for s in sources if s.sector in _PROTESTING and s.principal}
        measures = [
            t for t in syntax.prepositional_objects(trigger, _OPPOSED)
            if t.lemma_.lower() in _MEASURES and not syntax.children(t, "poss")
        ]
        if len(states) != 1 or not measures:
            return []
        return [Actor(states.pop(), "GOV", None, noun_phrase(measures[0]).text)]

    def _state_of_place(self, place: Token, depth: int = 3) -> str | None:
        """The state a place names: itself ("Gaza", "Kabul"), its owner or modifier ("Kenya's
        capital", "the Syrian city"), or what it is part of or in ("the east of the Gaza Strip",
        "a mall in Nairobi")."""
        owners = [c for c in place.children if c.dep_ in ("poss", *_MODIFIER_DEPS)]
        mentions = [m for t in [place, *owners] for m in [self.mentions.mention(t)] if m is not None and not m.person]
        named = [m.actor for m in mentions] + [a for c in owners for a in [self.mentions.modifier_actor(c)] if a]
        for actor in named:
            if self._kind(actor) == "state":
                return actor.principal
        if depth:
            for inner in syntax.prepositional_objects(place, frozenset({"of", *_PLACE_PREPS})):
                state = self._state_of_place(inner, depth - 1)
                if state is not None:
                    return state
        return None

    def _noun_sources(self, noun: Token, pattern: NounPattern) -> list[Actor]:
        """Who acts in an event noun: "Russia's invasion", "the Russian invasion", "Israeli tank shelling",
        "a visit by X", the subject of the verb it is the purpose or time of ("came to Cairo for talks
        with Sisi", "threw stones during demonstrations against X"), or of a light verb that makes the
        noun its act ("launched an offensive against X", "held talks with X", "opened an inquiry into X")."""
        found = []
        for child in noun.children:
            if child.dep_ == "poss":
                found.append(self.mentions.actor(child))
            elif child.dep_ in _MODIFIER_DEPS:
                found.append(self.mentions.actor(child) or self.mentions.modifier_actor(child))
        by = syntax.prepositional_objects(noun, pattern.source_preps) or [
            # The parser hangs "by X" on the noun's object when that is no act ("the attack on its
            # embassy by the Taliban"); on an act it is that act's ("an inquiry into killings by police").
            agent for aimed in syntax.prepositional_objects(noun, pattern.target_preps) if self._noun_pattern(aimed) is None
            for agent in syntax.prepositional_objects(aimed, pattern.source_preps)
        ]
        found += self._named(by)
        governor = noun.head.head
        if not any(found) and noun.dep_ == "pobj" and noun.head.lower_ in _DONE_BY and governor.pos_ == "VERB":
            # Who calls for talks between others is not in them ("called for talks between Russia and Ukraine").
            found = [] if "request" in cues_of(governor, self.lexicon) else self._named(syntax.subjects(governor))
        carrier = self._light_verb(noun)
        if not any(found) and carrier is not None:
            # "Serb forces were engaged in ethnic cleansing": the subject of an adjectival passive acts.
            by = syntax.subjects(carrier) or syntax.children(carrier, "nsubjpass")
            found = self._named(by)
        elif not any(found) and noun.dep_ == "nsubjpass" and "light" in cues_of(noun.head, self.lexicon):
            by = syntax.agents(noun.head)
            found = self._named(by)
        if not any(found) and pattern.code[:2] == _COERCION:
            found = self._coercer(noun)
        return [a for a in found if a is not None] or self._unidentified(by)

    def _coercer(self, noun: Token) -> list[Actor]:
        """Who arrests, detains or expels when no one is named: the state where it happens ("the arrest
        of its citizens in China"), else the own state of an opposition figure ("the detention of
        opposition leader Alexei Navalny")."""
        held = syntax.prepositional_objects(noun, frozenset({"of"}))
        places = [p for t in [noun, *held] for p in syntax.prepositional_objects(t, frozenset({"in"}))]
        states = [state for place in places for state in [self._state_of_place(place)] if state is not None]
        if states:
            return [Actor(states[0], "GOV", None, noun_phrase(noun).text)]
        opposed = [a for a in self._named(held) if a.sector in _PROTESTING and a.principal]
        return [Actor(opposed[0].principal, "GOV", None, noun_phrase(noun).text)] if opposed else []

    # --- shared ---------------------------------------------------------------------------------

    def _recent(self, index: int) -> list[_Draft]:
        return [d for d in self.history if index - d.sentence <= LOOKBACK_SENTENCES]

    def _draft(
        self, index: int, trigger: Token, source: Actor, target: Actor, code: str, symmetric: bool, how: Modality
    ) -> _Draft:
        if source.sector in _PROTESTING and code in _FORCE:
            code, symmetric = "145", False
        elif source.sector in _SECURITY and target.sector in _PROTESTING and code in _FORCE:
            code, symmetric = "175", False
        repressing = source.sector in _SECURITY and target.sector in _PROTESTING and code[:2] in _REPRESSION_ROOTS
        if repressing and not target.principal:
            target = replace(target, principal=source.principal)
        if code in _WITHDRAWALS and self._organisation(target):
            # Withdrawing from an organisation ("announced their withdrawal from ECOWAS") is leaving it.
            code = _REDUCED_RELATIONS
        if code == _PROTESTED and trigger.lemma_ == "protest" and self._government(source, trigger):
            # A government protests by complaining officially ("Vietnam protested China's deployment"),
            # not in the street.
            code = _COMPLAINT
        if code == _BOMBING and self._state_force(source):
            # A state's forces bomb from the air ("Israel bombed Gaza"); a bombing of CAMEO's 183 is
            # an insurgent's or a terrorist's.
            code = _AERIAL
        hostile = cameo(code).quad >= 3
        refused = how.promised_not or how.intent and how.negated
        if refused and code[:2] == _COERCION:
            how = replace(how, intent=False, negated=True, promised_not=False)
        elif refused and hostile:
            code = "0356" if code[:2] in _ARMED_FORCE else "030"
            how = replace(how, intent=False, negated=False, promised_not=False)
        elif refused:
            code = refusal_code(code)
            how = replace(how, intent=False, negated=False, promised_not=False)
        elif how.intent:
            intended = intent_code(code)
            if intended is None and hostile and any(g.lemma_ == "threaten" for g in syntax.governors(trigger)):
                # A hostile word CAMEO cannot announce in its own code: "threatened to block Sweden's bid"
                # is the threat that was made (130).
                code, how = _THREAT, replace(how, intent=False)
            elif intended is None:
                how = replace(how, hypothetical=True)
            else:
                code = intended
        return _Draft(index, trigger, source, target, code, symmetric, how)


def _announced_apart(draft: _Draft, drafts: list[_Draft]) -> bool:
    """Whether a threat or a promise is also coded as the act it announces, with the same sides:
    "threatened to break relations with X unless ..." is the threat to break them (1313), not also 130;
    "threatened to launch an offensive unless ..." is the threat of force (138)."""
    if cameo(draft.code).root not in _ANNOUNCING and draft.code != _ACCORD:
        return False
    sides = (draft.source.principal, draft.target.principal)
    announced = {t.i for clause in syntax.children(draft.trigger, "xcomp") for t in clause.subtree}
    return any(d.trigger.i in announced and (d.source.principal, d.target.principal) == sides for d in drafts)


def _guest(hosting: _Draft) -> _Draft:
    """The visit a hosting tells of: who was received made a visit to who received them."""
    return replace(hosting, source=hosting.target, target=hosting.source, code=_VISITING)


def _asking_for(draft: _Draft, drafts: list[_Draft]) -> _Draft:
    """A plain appeal or demand made as specific as the act it asks its target to do (with another,
    for a symmetric act), the act below it in the sentence: "asked Obama to help Iran" is an appeal
    for aid (023), "said Libya must hand over the suspects" a demand for their release (1053),
    "called on Israel and Hamas to agree to a ceasefire" an appeal to both to de-escalate (0256)."""
    if draft.code not in ("020", "100"):
        return draft
    demanded = draft.code == "100"
    for act in drafts:
        below = act.trigger.head == draft.trigger or act.trigger.head.head == draft.trigger
        asked = {act.source.principal, act.target.principal} if act.symmetric else {act.source.principal}
        if below and act is not draft and draft.target.principal in asked:
            code = requested_code(act.code, demanded=demanded)
            if code is not None:
                return replace(draft, code=code)
    return draft


def _unique(drafts: list[_Draft]) -> list[_Draft]:
    """Drafts with two distinct actors, at least one identified, each event once (a symmetric one in
    either direction); two sectors of one state are two actors ("Danish media and government")."""
    seen = set()
    kept = []
    for draft in drafts:
        source, target = draft.source, draft.target
        if not source.principal and not target.principal:
            continue
        if not _two_sided(draft):
            continue
        pair = ((source.principal or source.text, source.sector or ""), (target.principal or target.text, target.sector or ""))
        key = (tuple(sorted(pair)) if draft.symmetric else pair, draft.code, draft.modality)
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


def _two_sided(draft: _Draft) -> bool:
    """Whether an event is between two actors: not one with itself, unless two sectors of it."""
    source, target = draft.source, draft.target
    return source.principal != target.principal or bool(source.sector and target.sector and source.sector != target.sector)


def _setting(draft: _Draft, drafts: list[_Draft]) -> bool:
    """Whether an event noun is only where or when another event of its root between the same states
    took place: "launched an offensive in its war with Iraq" is the offensive, not also the war;
    "held talks with the president during a visit to Beirut" one consultation, the talks."""
    noun = draft.trigger
    if noun.pos_ == "VERB" or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during"):
        return False
    sides = (draft.source.principal, draft.target.principal)
    return any(
        d.trigger != noun and noun in d.trigger.subtree and d.code[:2] == draft.code[:2]
        and (d.source.principal, d.target.principal) == sides
        for d in drafts
    )


def _sides(draft: _Draft) -> set[tuple[str, str]]:
    """The (source, target) principals a draft stands for: both ways for a symmetric one."""
    forward = (draft.source.principal, draft.target.principal)
    return {forward, forward[::-1]} if draft.symmetric else {forward}


def _sent_for(draft: _Draft, drafts: list[_Draft]) -> bool:
    """Whether an act is what troops were sent for, which their deployment already codes as military
    cooperation: "deployed troops to Libya to support the government" is 062, not also support (051)."""
    trigger = draft.trigger
    if trigger.lemma_ not in _SUPPORTING or trigger.dep_ not in ("advcl", "xcomp"):
        return False
    return any(
        d.trigger == trigger.head and d.code == _MILITARY_COOPERATION and d.source.principal == draft.source.principal
        and d.target.principal == draft.target.principal
        for d in drafts
    )


def _toll_of(draft: _Draft, drafts: list[_Draft]) -> bool:
    """Whether a violent act is only the toll of another by the same actor, aimed at no one else:
    of the one it trails as a participle ("shelled Juba, killing 20 people") or qualifies ("airstrikes
    on Gaza killed 30 people", which the parser may read as "airstrikes that killed"), of the one
    that is its subject ("the attack on Kyiv killed 30 people"), or of the one it happened in
    ("killed 23 people when they blew themselves up")."""
    trigger = draft.trigger
    if not _VIOLENT.match(draft.code):
        return False
    trailing = trigger.dep_ == "advcl" and trigger.tag_ == "VBG" or trigger.dep_ == "acl"
    when = {c for c in syntax.children(trigger, "advcl") if any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)}
    acts = {trigger.head} if trailing else set(syntax.children(trigger, "nsubj")) | when
    return any(
        d.trigger in acts and _VIOLENT.match(d.code) and d.source.principal == draft.source.principal
        and draft.target.principal in ("", d.target.principal)
        for d in drafts
    )


def _protest_fragment(verb: Token, patterns: list[VerbPattern]) -> bool:
    """Whether the parser read "Thousands protested in Belgrade" as a noun, the root, with a participle:
    protesting is done, not suffered, so the noun protested."""
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
        and any(p.code[:2] == _PROTEST for p in patterns)
    )


def _agreed(noun: Token, draft: _Draft) -> bool:
    """Whether "the agreement" (the deal, the accord) names what an earlier event agreed to: "agreed
    to a truce", "agreed to free the hostages"."""
    agreeing = (draft.trigger, draft.trigger.head)
    return noun.lemma_.lower() in _AGREEMENTS and any(t.lemma_ == "agree" for t in agreeing)


def _pairs_among(actors: list[Actor]) -> list[tuple[Actor, Actor]]:
    """Every pair of different actors among coordinated ones ("China and Pakistan met")."""
    return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1 :] if a.principal != b.principal]


def _names(token: Token) -> set[str]:
    """The ways a noun may be named in a pattern: its form, lemma, with its modifier ("war criminal") or
    its "of" ("state of emergency"); an amount is named by what it is an amount of ("70 million dollars
    of aid", "$50,000 worth of goods", "millions of shells")."""
    names = {token.lower_, token.lemma_.lower()}
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
    if modifiers:
        names.add(f"{modifiers[-1].lower_} {token.lower_}")
    amount = token.lower_ in _AMOUNTS or any(c.dep_ in ("nummod", "quantmod") for c in token.children)
    for of in syntax.prepositional_objects(token, frozenset({"of"})):
        names.add(f"{token.lower_} of {of.lower_}")
        if amount:
            names |= _names(of)
    return names


def _clause_subjects(verb: Token, obj: Token | None) -> list[Token]:
    """The subjects of the that-clause a verb or its object governs ("demanded that Israel withdraw",
    "expressed hopes that Syria would join")."""
    clauses = syntax.children(verb, "ccomp") + (syntax.children(obj, "acl", "ccomp") if obj is not None else [])
    return [s for c in clauses for s in syntax.children(c, "nsubj", "nsubjpass")]


def _purpose_objects(verb: Token, obj: Token | None) -> tuple[list[Token], list[Token]]:
    """Whom the infinitive saying what a verb's act or object is for acts on: its objects ("signed an
    accord to supply Peru with wheat", "refused to allow Peruvian planes to land"), then those of its
    prepositions ("a deal to buy jets from France")."""
    heads = [verb] + ([obj] if obj is not None else [])
    clauses = [
        c for h in heads for c in syntax.children(h, "advcl", "acl", "relcl", "xcomp")
        if any(a.tag_ == "TO" for a in c.children)
    ]
    # The parser makes the object of "allow X to land" the subject of what follows.
    objects = [t for c in clauses for t in syntax.children(c, "dobj", "dative")] + [
        s for c in clauses for infinitive in syntax.children(c, "ccomp") for s in syntax.children(infinitive, "nsubj")
    ]
    return objects, [t for c in clauses for t in syntax.prepositional_objects(c, _PURPOSE_PREPS)]


def _predicate_adjective(token: Token) -> bool:
    """An adjective said of a subject ("was concerned about", "is worried by"), which the verb
    patterns may code like a verb."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp"


def _reciprocal(token: Token) -> bool:
    """Whether a word is "each other" or "one another" (the parser may make "one" the head)."""
    doc = token.doc
    if token.lower_ == "one":
        return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "another"
    return token.lower_ in ("other", "another") and token.i > 0 and doc[token.i - 1].lower_ in ("each", "one")


def _amount_after(particle: Token) -> Token | None:
    """The noun counted after an "up to" the parser took for a particle and a preposition
    ("kidnapped up to 16 advisers"), else None."""
    after = particle.doc[particle.i + 1 : particle.i + 3]
    if particle.lower_ != "up" or len(after) < 2 or after[0].lower_ != "to" or after[1].pos_ != "NUM":
        return None
    return next((c for c in after[0].children if c.dep_ == "pobj"), None)


def _counted_objects(verb: Token) -> list[Token]:
    """The object of a verb hidden behind a misread "up to" ("kidnapped up to 16 advisers")."""
    return [noun for c in verb.children if c.dep_ == "prt" for noun in [_amount_after(c)] if noun is not None]


def _indirect_objects(verb: Token) -> list[Token]:
    """The nouns a verb's action is given to without a preposition ("gave Tanzania a grant")."""
    return [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON")]


def _complements(verb: Token) -> list[Token]:
    """The words that may complete a verb's object ("called Ghani ... a puppet", "held X responsible").

    Those below the verb, subjects left out, and, because the parser often hangs
    the complement elsewhere after a parenthesis, those after the verb up to the
    first comma or semicolon outside parentheses.
    """
    below = [t for child in verb.children if child.dep_ not in syntax.SUBJECT_DEPS for t in child.subtree]
    after = []
    depth = 0
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        depth += token.text in "([" and 1 or token.text in ")]" and -1 or 0
        if depth <= 0 and token.text in (",", ";", ":"):
            break
        after.append(token)
    return below + after


def _refers_back(noun: Token) -> bool:
    """A definite event noun that names no one ("the visit", "the latest talks")."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or (c.dep_ == "amod" and c.lower_ in _RECENT)
        for c in noun.children
    )


class _Dates:
    """When each clause happened: the time expression of the clause or of a clause governing it."""

    def __init__(self, doc: Doc, expressions: list[TimeExpression], published: date) -> None:
        self.fallback = EventDate(published, published, "day", True)
        self.by_anchor: dict[int, list[tuple[int, EventDate]]] = {}
        self.by_sentence: dict[int, list[EventDate]] = {}
        for expression in expressions:
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None:
                continue
            anchor = syntax.clause_of(span.root)
            self.by_anchor.setdefault(anchor.i, []).append((span.root.i, expression.date))
            if not any(t.dep_ in ("relcl", "acl") for t in [anchor, *syntax.governors(anchor)]):
                self.by_sentence.setdefault(span.root.sent.start, []).append(expression.date)

    def of(self, trigger: Token) -> EventDate:
        clause = syntax.clause_of(trigger)
        offset = _offset(clause)
        if offset is not None:
            # "restored ties five years after crowds burned the embassy": the burning is five years earlier.
            amount, unit = offset
            governing = self.of(clause.head)
            precision = intervals.coarser(intervals.UNIT_PRECISION[unit], governing.precision)
            return intervals.containing(intervals.shifted(governing.start, amount, unit), precision)
        for token in [trigger, *syntax.governors(trigger)]:
            found = self.by_anchor.get(token.i)
            if found:
                return min(found, key=lambda item: abs(item[0] - trigger.i))[1]
        sentence_level = self.by_sentence.get(trigger.sent.start, [])
        return sentence_level[0] if len(sentence_level) == 1 else self.fallback


def _offset(clause: Token) -> tuple[int, str] | None:
    """How far a clause introduced by "N units after" or "N units before" lies from the clause it
    modifies ("five years after crowds burned": -5 years), or None."""
    if clause.dep_ != "advcl":
        return None
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if not marks:
        return None
    words = load_time_words()
    # The parser hangs the duration on the clause, on its "after", or makes the clause hang on it.
    durations = syntax.children(clause, "npadvmod") + syntax.children(marks[0], "npadvmod") + [clause.head]
    for duration in durations:
        unit = words.units.get(duration.lemma_.lower())
        counts = [c for c in duration.children if c.dep_ in ("nummod", "det")]
        if unit is None or not counts:
            continue
        try:
            amount = 1 if counts[0].dep_ == "det" else words.number_value(counts[0].lower_)
        except (KeyError, ValueError):
            continue
        return (-amount if marks[0].lower_ == "after" else amount), unit
    return None
