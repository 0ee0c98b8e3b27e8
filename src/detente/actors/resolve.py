"""Mentions in a parsed article → actors.

A noun phrase names an actor in one of four ways, tried in this order:
a name the knowledge base knows ("Russia", "the Kremlin", "Sergey Lavrov"); a role
word with a country or group attached ("Iranian diplomats", "a delegation of Hamas
officials", "the government in Kabul"); a person introduced by an apposition or a
title ("Dmitri Orlov, the Russian ambassador"), remembered so that a later bare
"Orlov" means the same; or a word that refers back ("it", "they", "the movement",
"which", and "we" inside a quotation, which is the speaker). Reference back uses a
short memory of earlier mentions: the coder needs actors, not full coreference.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from typing import NamedTuple

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, ORTH, POS, SENT_START, SPACY
from spacy.strings import StringStore, get_string_id
from spacy.symbols import NOUN, PRON, PROPN
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente import nlp
from detente.actors.kb import KnowledgeBase, Reference, Role
from detente.model import Actor

# How many sentences back a pronoun or a definite description may look for what it means.
MEMORY_SENTENCES = 3

_THIRD_PERSON = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "thing", "its": "thing", "itself": "thing",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}
_FIRST_PERSON = {"we", "us", "our", "ourselves", "i", "me", "my"}
_RELATIVE = {"who", "whom", "whose", "which", "that"}
# The same words and tags as the ids of their texts, which a token gives without building a string.
_THIRD_PERSON_IDS = {get_string_id(word): kind for word, kind in _THIRD_PERSON.items()}
_THEY = get_string_id("they")
_STANCES = frozenset({"anti", "pro"})
# A dateline ends with a dash or a colon, after at most a date and an agency: "MOSCOW, March 15 (Reuters) -".
_DATELINE_DASHES = frozenset({"—", "–", "-", "--", ":"})
_DATELINE_REACH = 8
_SPONSORSHIPS = frozenset(
    {"backed", "sponsored", "supported", "funded", "financed", "armed", "trained", "made", "built", "supplied",
     "aligned", "allied", "inspired"}
)
_FIRST_PERSON_IDS = frozenset(get_string_id(word) for word in _FIRST_PERSON)
_RELATIVE_IDS = frozenset(get_string_id(word) for word in _RELATIVE)
_WH_TAGS = frozenset(get_string_id(tag) for tag in ("WDT", "WP", "WP$"))
_DEFINITE = {"the", "this", "that", "these", "those"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# Modifiers through which a role word takes its country: "Russian diplomats", "Taliban
# officials", "Russia's ambassador", "its troops".
_OWNER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
# Roles whose "in X" names their country ("the government in Kabul", "rebels in Chechnya");
# an embassy or ambassador "in X" belongs to someone else.
_LOCAL_SECTORS = {"GOV", "REB", "INS", "OPP", "CVL", "COP", "MIL", "JUD", "LEG"}
# Sectors of armed movements: a bare "insurgents" or "rebels" is the armed group the text is about,
# when one was named in the last sentences ("engage with insurgents" after the Taliban).
_ARMED_SECTORS = frozenset({"INS", "REB"})
# Sectors of those who rise against a state: coordinated with its own people, they are not its.
_CHALLENGERS = frozenset({"INS", "REB", "OPP"})
# Quotation marks, opening → closing, as the ids of their texts.
_QUOTES_OPEN = {get_string_id(mark): get_string_id(close) for mark, close in {"“": "”", "«": "»", '"': '"'}.items()}
# The parts of speech a mention can be headed by, as spaCy's symbol ids.
_NOMINAL_POS = frozenset({NOUN, PROPN, PRON})
_NOUNS = frozenset({NOUN, PROPN})
# Dependencies of the words a role phrase may start with ("state-run media", "foreign minister").
_ROLE_MODIFIERS = frozenset(get_string_id(label) for label in ("compound", "amod", "punct", "nmod"))
# Dependencies of the words that modify a mention rather than head one ("Russian", "Taliban" in
# "Taliban officials").
_MODIFIERS = frozenset(get_string_id(label) for label in ("compound", "amod"))
_COMPOUND = get_string_id("compound")
_SUBJECT_IDS = frozenset(get_string_id(label) for label in _SUBJECTS)
_ROOT = get_string_id("ROOT")
# Clauses that share the subject of the clause they hang from.
_SHARING_SUBJECT = frozenset({"conj", "advcl"})
_OBJECT_IDS = frozenset(get_string_id(label) for label in ("dobj", "pobj", "dative"))
# Pronouns that may mean a coordination before them, and where that coordination stands.
_COORDINATED_BEFORE = {_THEY: _SUBJECT_IDS, get_string_id("them"): _OBJECT_IDS}
_OWNER_DEP_IDS = frozenset(get_string_id(label) for label in _OWNER_DEPS)
# Dependencies of the words left of a mention's head that belong to its phrase ("the Russian ambassador").
_PHRASE_DEPS = frozenset(
    get_string_id(label) for label in ("compound", "amod", "poss", "case", "det", "punct", "nmod", "nummod")
)
_PREP, _POBJ, _DET, _CONJ = (get_string_id(label) for label in ("prep", "pobj", "det", "conj"))
_PLURAL_TAGS = frozenset(get_string_id(tag) for tag in ("NNS", "NNPS"))
_PERSON = get_string_id("PERSON")
# spaCy's IOB codes for entity tokens.
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3
_SPEECH_LEMMAS = {"say", "tell", "add", "joke", "state", "declare", "note", "write", "insist", "explain", "warn"}


class Mention(NamedTuple):
    """An actor named at one token: the head of its noun phrase. (A named tuple: a resolver makes
    one per mention and per modifier it looks at, and a tuple is made in a third of the time of a
    frozen dataclass.)"""

    token: int
    sentence: int
    actor: Actor
    entity_kind: str
    person: bool
    plural: bool
    subject: bool


@dataclass
class Mentions:
    """The actors of one document: mentions by the token heading them, and names by each of their tokens.

    A name used as a modifier ("Russian" in "Russian diplomats", "Taliban" in
    "Taliban officials") is no mention of its own, but event nouns need it
    ("the Russian invasion"): ``modifier_actor`` gives it. ``unresolved`` lists the
    people and organisations named that nothing identifies, for the user to see.
    ``unidentified`` holds the role words whose country nothing identifies ("insurgents",
    "the government" in a text that names no state before it): an actor with an empty
    principal, the role's sector and its text, which the coder uses only where a side names
    no identified actor; nothing refers back to it. ``datelines`` holds the state of each place a
    report is filed from ("GAZA CITY (AP) —"), by the token it starts at: no actor, but where
    what the report tells most likely happened.
    """

    by_token: dict[int, Mention] = field(default_factory=dict)
    names: dict[int, Actor] = field(default_factory=dict)
    also: dict[int, list[Actor]] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    unidentified: dict[int, Actor] = field(default_factory=dict)
    datelines: dict[int, str] = field(default_factory=dict)

    def actor(self, token: Token) -> Actor | None:
        mention = self.by_token.get(token.i)
        return mention.actor if mention else None

    def actors(self, token: Token) -> list[Actor]:
        """Every actor a mention names: one, or several for coordinated owners ("US and British activists")."""
        mention = self.by_token.get(token.i)
        return [mention.actor, *self.also.get(token.i, [])] if mention else []

    def mention(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def modifier_actor(self, token: Token) -> Actor | None:
        return self.names.get(token.i)


@lru_cache(maxsize=1 << 16)
def _role(kb: KnowledgeBase, words: str) -> Role | None:
    """``kb.role``, remembered: news repeats its role words in every article."""
    return kb.role(words)


@lru_cache(maxsize=1 << 16)
def _may_end_role(kb: KnowledgeBase, strings: StringStore, lower: int, lemma: int) -> bool:
    """Whether a role phrase may end with a word, given the ids of its lower-case form and its
    lemma (``kb.may_end_role`` of either), remembered."""
    return kb.may_end_role(strings[lower]) or kb.may_end_role(strings[lemma])


@lru_cache(maxsize=1 << 16)
def _lookup(kb: KnowledgeBase, text: str, on: date) -> Reference | None:
    """``kb.lookup``, remembered for the names an article repeats."""
    return kb.lookup(text, on)


def resolve(doc: Doc, published: date, kb: KnowledgeBase) -> Mentions:
    """Every actor mention in ``doc``, resolved as of ``published``."""
    return _Resolver(doc, published, kb).run()


_MATCHERS: dict[int, tuple[KnowledgeBase, PhraseMatcher]] = {}


def _matcher(kb: KnowledgeBase) -> PhraseMatcher:
    """A phrase matcher over the knowledge base's names, built once per knowledge base."""
    if id(kb) not in _MATCHERS:
        pipeline = nlp.load()
        matcher = PhraseMatcher(pipeline.vocab, attr="LOWER")
        matcher.add("KB", list(pipeline.tokenizer.pipe(sorted(kb.surface_forms()))))
        _MATCHERS[id(kb)] = (kb, matcher)
    return _MATCHERS[id(kb)][1]


class _Resolver:
    def __init__(self, doc: Doc, published: date, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.published = published
        self.kb = kb
        self.strings = doc.vocab.strings
        # Arrays rather than token and span objects (and rather than ``doc.text``): spaCy builds a
        # Python object for each token visited.
        starts, self.parts, iob, types, self.words, self.spaces, self.dependencies = (
            doc.to_array([SENT_START, POS, ENT_IOB, ENT_TYPE, ORTH, SPACY, DEP]).T.tolist()
        )
        self.sentence_of = _sentence_numbers(starts)
        self.nominal = [i for i, pos in enumerate(self.parts) if pos in _NOMINAL_POS]
        self.entities = _entities(iob, types, self.strings)
        self.mentions = Mentions()
        self.names = self._names()
        self._name_misread_as_a_verb(starts)
        self.people: dict[str, Mention] = {}
        # Tokens already resolved (to a mention or to nothing), or being resolved: each is done once.
        self.seen: set[int] = set()

    def run(self) -> Mentions:
        deferred = []
        for position in self.nominal:
            if self.parts[position] == PRON:
                token = self.doc[position]
                if token.lower in _FIRST_PERSON_IDS:
                    deferred.append(token)
                elif self.dependencies[position] not in _MODIFIERS:
                    self._resolve(token)
            elif self.dependencies[position] not in _MODIFIERS:
                self._resolve(self.doc[position])
        speakers = _quote_speakers(self.doc, self.words, {token.i for token in deferred}) if deferred else {}
        for token in deferred:
            speaker = speakers.get(token.i)
            mention = self.mentions.mention(speaker) if speaker is not None else None
            if mention is not None:
                actor = Actor(mention.actor.principal, mention.actor.sector, None, token.text)
                plural = token.lower_ not in {"i", "me", "my"}
                self._remember(token, actor, mention.entity_kind, person=not plural, plural=plural)
        self.mentions.unresolved = self._unresolved()
        return self.mentions

    def _unresolved(self) -> list[str]:
        """The people and organisations named in the text that resolve to no actor, each once."""
        found: list[str] = []
        for start, end, label in dict.fromkeys(self.entities.values()):
            if label in ("PERSON", "ORG") and not any(
                i in self.mentions.by_token or i in self.mentions.names for i in range(start, end)
            ):
                name = " ".join(self._text(start, end).split())
                if not any(known.endswith(" " + name) or known == name for known in found):
                    found.append(name)
        return found

    # --- names the knowledge base knows -------------------------------------------------------

    def _text(self, start: int, end: int) -> str:
        """The text of the tokens from ``start`` to ``end`` (excluded), as the document writes it."""
        if end - start == 1:
            return self.strings[self.words[start]]
        spaced = [self.strings[self.words[i]] + " " * self.spaces[i] for i in range(start, end - 1)]
        return "".join(spaced) + self.strings[self.words[end - 1]]

    def _phrase(self, start: int, end: int) -> str:
        """A mention's text as an actor keeps it, without a leading "the"."""
        return self._text(start, end).removeprefix("the ").removeprefix("The ")

    def _names(self) -> dict[int, tuple[int, int, Reference]]:
        """Knowledge-base names by token, as (start, end, reference), longest match first, each
        checked by ``lookup``."""
        found = []
        for _, start, end in _matcher(self.kb)(self.doc):
            if self._after_a_stance(start) or self._before_a_sponsorship(end):
                continue
            text = self._text(start, end)
            reference = _lookup(self.kb, text, self.published) or self._person_in_lower_case(start, end, text)
            if reference is None or self._inside_a_person(start, end, reference) or self._inside_a_place(start, end):
                continue
            if reference.entity_kind == "state" and self._in_a_dateline(start, end):
                self.mentions.datelines[start] = reference.principal
                continue
            found.append((start, end, reference))
        # The longest names first, then the earliest; a name overlapping one already taken is dropped.
        taken: set[int] = set()
        names = {}
        for start, end, reference in sorted(found, key=lambda match: (match[0] - match[1], match[0])):
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                actor = _name_actor(self._phrase(start, end), reference)
                for position in range(start, end):
                    names[position] = (start, end, reference)
                    self.mentions.names[position] = actor
        return names

    def _after_a_stance(self, start: int) -> bool:
        """Whether a name is written after "anti-" or "pro-": an anti-Syria journalist or pro-Russia
        rebels are for or against the state, not of it."""
        if start < 2 or self.spaces[start - 2] or self.spaces[start - 1] or self.strings[self.words[start - 1]] != "-":
            return False
        return self.strings[self.words[start - 2]].lower() in _STANCES

    def _before_a_sponsorship(self, end: int) -> bool:
        """Whether a name is written before "-backed", "-made" and the like: Iranian-backed militias
        or Russian-made missiles are not Iran's or Russia's."""
        if end + 1 >= len(self.words) or self.spaces[end - 1] or self.spaces[end] or self.strings[self.words[end]] != "-":
            return False
        return self.strings[self.words[end + 1]].lower() in _SPONSORSHIPS

    def _person_in_lower_case(self, start: int, end: int, text: str) -> Reference | None:
        """A person's name written in lower case, given in full or after a title ("barack obama",
        "President obama"), when the parser takes it for a person. Capitals are what keeps
        "turkey" from being Turkey; a bare lower-case surname ("the bush") stays unresolved."""
        entity = self.entities.get(start)
        if not text.islower() or entity is None or entity[2] != "PERSON" or end > entity[1]:
            return None
        head = self.doc[start:end].root
        titled = any(
            child.dep == _COMPOUND and (role := _role(self.kb, child.lower_)) is not None and role.refers_to == "person"
            for child in head.children
        )
        if end - start < 2 and not titled:
            return None
        reference = _lookup(self.kb, text.title(), self.published)
        return reference if reference is not None and reference.kind == "person" else None

    def _inside_a_person(self, start: int, end: int, reference: Reference) -> bool:
        """Whether a name other than a person's is part of a longer person's name ("Michael Jordan");
        a possessive the parser took into the name ("Caras Galadhon's") makes it no longer."""
        entity = self.entities.get(start)
        if reference.kind == "person" or entity is None or entity[2] != "PERSON":
            return False
        possessive = self.doc[entity[1] - 1].tag_ == "POS"
        return entity[1] - entity[0] - possessive > end - start

    def _inside_a_place(self, start: int, end: int) -> bool:
        """Whether a name only qualifies a longer place the parser found ("the Sea of Japan", "the
        South China Sea", "the Taiwan Strait"): waters named after a state are not that state."""
        entity = self.entities.get(start)
        if entity is None or entity[2] != "LOC":
            return False
        root = self.doc[entity[0] : entity[1]].root.i
        return not start <= root < end

    def _in_a_dateline(self, start: int, end: int) -> bool:
        """Whether a place's name in capitals opens a sentence as the dateline of a report ("NEW DELHI —",
        "MOSCOW, March 15 (Reuters) -", "JERUSALEM (AP) —"): where it was filed, not who acts."""
        if not self.doc[start].is_sent_start or not self._text(start, end).isupper():
            return False
        for token in self.doc[end : end + _DATELINE_REACH]:
            if token.text in _DATELINE_DASHES:
                return True
            if token.is_punct and token.text not in ",()":
                return False
        return False

    def _name_misread_as_a_verb(self, starts: list[int]) -> None:
        """A name opening a sentence that the parser made its verb, as it does with acronyms ("ECOWAS
        imposed sanctions on Niger"), is a name: the coder finds the true verb (``_misread_subject``)."""
        for position in self.names:
            opening = starts[position] == 1 and self.dependencies[position] == _ROOT
            if opening and self.parts[position] not in _NOMINAL_POS:
                self.parts[position] = PROPN
                insort(self.nominal, position)

    def _name_at(self, token: Token) -> tuple[int, int, Reference] | None:
        return self.names.get(token.i)

    # --- one token ------------------------------------------------------------------------------

    def _resolve(self, token: Token) -> Mention | None:
        """The mention headed by ``token``, resolving it on first use (modifiers may need it early)."""
        position = token.i
        mention = self.mentions.by_token.get(position)
        if mention is not None or position in self.seen or self.parts[position] not in _NOMINAL_POS:
            return mention
        self.seen.add(position)
        return self._resolve_new(token)

    def _resolve_new(self, token: Token) -> Mention | None:
        lower = token.lower
        if lower in _RELATIVE_IDS and token.tag in _WH_TAGS:
            antecedent = _antecedent(token)
            found = self._resolve(antecedent) if antecedent is not None else None
            return self._copy(token, found)
        if self.parts[token.i] == PRON:
            kind = _THIRD_PERSON_IDS.get(lower)
            if token.lower in _COORDINATED_BEFORE:
                together = self._coordinated_before(token, _COORDINATED_BEFORE[token.lower])
                if together:
                    self.mentions.also[token.i] = [replace(m.actor, text=token.text) for m in together[1:]]
                    return self._copy(token, together[0])
            if kind is None:
                return None
            found = self._refer_back(token, kind)
            if found is None and token.lower == _THEY:
                # "They" for a state named in the same sentence, as speech has it: "The US claimed that
                # they had attacked Iraq".
                found = self._refer_back(token, "state")
                found = found if found is not None and found.sentence == self.sentence_of[token.i] else None
            return self._copy(token, found)
        name = self._name_at(token)
        if name is not None:
            start, end, reference = name
            if end - start > 1 and token.i != self.doc[start:end].root.i:
                return None
            return self._from_reference(token, start, end, reference)
        if self.parts[token.i] == PROPN:
            person = self._person(token)
            if person is not None:
                return person
        found = self._role(token)
        if found is None and token.i not in self.mentions.unidentified:
            self._unknown_name(token)
        return found

    def _unknown_name(self, token: Token) -> None:
        """A person or organisation the knowledge base does not know, headed by ``token``: an actor of
        unknown country ("the Ceasefire Violations Committee")."""
        entity = self.entities.get(token.i)
        if entity is None or entity[2] not in ("PERSON", "ORG") or self.doc[entity[0] : entity[1]].root.i != token.i:
            return
        if any(i in self.mentions.names or i in self.mentions.datelines for i in range(entity[0], entity[1])):
            # A known name, or a dateline ("KABUL —"): no one unknown.
            return
        self.mentions.unidentified[token.i] = Actor("", None, None, self._phrase(entity[0], entity[1]))

    def _from_reference(self, token: Token, start: int, end: int, reference: Reference) -> Mention | None:
        if reference.kind == "adjective" and token.pos_ == "ADJ":
            return None
        actor = self.mentions.names[token.i]
        mention = self._remember(
            token,
            actor,
            reference.entity_kind,
            person=reference.kind == "person",
            plural=token.tag in _PLURAL_TAGS or reference.entity_kind == "group",
        )
        if reference.kind == "person":
            self._learn_person(start, end, mention)
        return mention

    # --- role words -----------------------------------------------------------------------------

    def _role_of(self, token: Token) -> tuple[Role, int] | None:
        """The role the noun phrase headed by ``token`` names, and the first token of its words.

        A role word modifying another noun makes an actor of it too ("army bulldozers", "police cars").
        """
        if self.parts[token.i] not in _NOUNS:
            return None
        lemma = token.lemma
        # The phrases all end with the token's text, unless it is written joined to the word before.
        joined = token.i > 0 and not self.spaces[token.i - 1]
        if joined or _may_end_role(self.kb, self.strings, token.lower, lemma):
            start = token.i
            leftmost = token.left_edge.i
            while start > leftmost and self.dependencies[start - 1] in _ROLE_MODIFIERS:
                start -= 1
            for first in range(start, token.i + 1):
                role = _role(self.kb, self._text(first, token.i + 1))
                if role is None and first == token.i:
                    role = _role(self.kb, self.strings[lemma])
                if role is not None:
                    return role, first
        for child in token.children:
            if child.dep == _COMPOUND and child.pos == NOUN:
                role = _role(self.kb, child.lower_) or _role(self.kb, child.lemma_)
                if role is not None and role.sector is not None:
                    return role, child.i
        return None

    def _role(self, token: Token) -> Mention | None:
        found = self._role_of(token)
        if found is None:
            return None
        role, first = found
        owner = self._owner(token, role, first)
        leading = _first_conjunct(token)
        if owner is None and leading.i != token.i and leading.pos == NOUN and self._same_side(leading, role):
            # Roles coordinated share whose they are, however the parser hung it: "Danish media
            # and government", "lawmakers and officials in Arnor".
            owner = self._owner(leading, role, first)
        plural = token.tag in _PLURAL_TAGS
        if owner is not None:
            sector = role.sector or owner.actor.sector
            text = self._phrase(noun_phrase(token).start, token.i + 1)
            co_owners = [self.mentions.names[c.i] for c in _coordinated(self.doc[owner.token]) if c.i in self.mentions.names]
            # "Troops from both sides": the owner stands for two.
            co_owners += self.mentions.also.get(owner.token, [])
            if co_owners:
                self.mentions.also[token.i] = [Actor(o.principal, role.sector or o.sector, None, text) for o in co_owners]
            actor = Actor(owner.actor.principal, sector, None, text)
            return self._remember(token, actor, owner.entity_kind, person=role.refers_to == "person", plural=plural)
        # "Insurgents" after the Taliban are the Taliban; "Uyghur militants" (a name the knowledge base
        # does not know) or "the insurgents" are not.
        named_apart = any(c.dep in _MODIFIERS and c.is_title for c in token.children)
        armed_plural = plural and role.sector in _ARMED_SECTORS and not named_apart and not any(c.dep == _DET for c in token.children)
        # An institution named as a proper noun ("Congress", "Parliament") is as definite as "the government".
        institution = self.parts[token.i] == PROPN and role.refers_to == "state"
        text = self._phrase(noun_phrase(token).start, token.i + 1)
        pair = self._the_two(token, role.refers_to) if plural else []
        if pair:
            self.mentions.also[token.i] = [Actor(pair[1].actor.principal, role.sector or pair[1].actor.sector, None, text)]
            actor = Actor(pair[0].actor.principal, role.sector or pair[0].actor.sector, None, text)
            return self._remember(token, actor, pair[0].entity_kind, person=False, plural=True)
        if _is_definite(token) or armed_plural or institution:
            previous = self._refer_back(token, "group" if armed_plural else role.refers_to, same_referent=not institution)
            if previous is not None:
                actor = Actor(previous.actor.principal, role.sector or previous.actor.sector, None, text)
                return self._remember(token, actor, previous.entity_kind, person=False, plural=plural)
        if role.sector is not None:
            self.mentions.unidentified[token.i] = Actor("", role.sector, None, text)
        return None

    def _same_side(self, leading: Token, role: Role) -> bool:
        """Whether a role coordinated after the role ``leading`` heads is on its side: not those who
        rise against a state beside its own forces ("Israeli troops and militants clashed")."""
        found = self._role_of(leading)
        return found is not None and (found[0].sector in _CHALLENGERS) == (role.sector in _CHALLENGERS)

    def _owner(self, token: Token, role: Role, first: int) -> Mention | None:
        """Whose role it is: a modifier ("Russian", "Taliban", "Russia's"), or "of"/"in" X. A name or an
        adjective comes before a possessive pronoun: "his Chinese counterpart" is Chinese."""
        candidates = [child for child in token.children if child.dep in _OWNER_DEP_IDS]
        candidates += [child for c in candidates if c.dep == _COMPOUND for child in c.children if child.dep in _OWNER_DEP_IDS]
        for child in sorted(candidates, key=lambda c: (c.pos_ == "PRON", c.i)):
            owner = self._modifier(child)
            if owner is not None:
                return owner
        for prep in _prepositions(token):
            local = prep.lower_ in ("in", "from") and (role.sector in _LOCAL_SECTORS or role.refers_to == "people")
            if prep.lower_ == "of" or local:
                for object_ in prep.children:
                    if object_.dep == _POBJ:
                        owner = self._place(object_)
                        if owner is not None:
                            return owner
        return None

    def _place(self, token: Token, depth: int = 2) -> Mention | None:
        """The actor a place or body names, looking into its own modifiers and "of" ("the mayor of the
        West Bank city of Nablus": the city is no actor, but "West Bank" is)."""
        found = self._resolve(token) or self._modifier(token)
        if found is not None or depth == 0:
            return found
        for child in sorted(token.children, key=lambda c: c.i):
            if child.dep_ in ("compound", "amod") and child.i in self.mentions.names:
                return self._modifier(child)
            if child.dep_ == "prep" and child.lower_ == "of":
                for object_ in child.children:
                    if object_.dep_ == "pobj" and (found := self._place(object_, depth - 1)) is not None:
                        return found
        return None

    def _modifier(self, token: Token) -> Mention | None:
        """The actor a modifier names: an adjective or name ("Russian", "Taliban"), or a possessor."""
        name = self._name_at(token)
        if name is not None:
            actor = self.mentions.names[token.i]
            return Mention(token.i, self.sentence_of[token.i], actor, name[2].entity_kind, False, False, False)
        if token.dep_ == "poss" or token.pos_ in ("PROPN", "PRON"):
            return self._resolve(token)
        return None

    # --- people ---------------------------------------------------------------------------------

    def _person(self, token: Token) -> Mention | None:
        """A person not in the knowledge base (``token`` a proper noun), known by a title or apposition,
        or seen before."""
        if self.dependencies[token.i] == _COMPOUND:
            return None
        start, end, _ = self.entities.get(token.i, (token.i, token.i + 1, ""))
        text = self._text(start, end)
        for key in (text, token.text):
            if key in self.people:
                known = self.people[key]
                actor = Actor(known.actor.principal, known.actor.sector, known.actor.name, text)
                return self._remember(token, actor, known.entity_kind, person=True, plural=False)
        if token.ent_type != _PERSON:
            return None
        for described in _descriptions(token):
            role = self._resolve(described)
            if role is not None and role.actor.name is None:
                actor = Actor(role.actor.principal, role.actor.sector, text, text)
                mention = self._remember(token, actor, role.entity_kind, person=True, plural=False)
                self._learn_person(start, end, mention)
                return mention
        return None

    def _learn_person(self, start: int, end: int, mention: Mention) -> None:
        """Remember a person by full name and by family name, which comes first in Chinese,
        Korean and Vietnamese names ("Wang Yi" is "Wang"), last in most others; the latest wins."""
        for key in (self._text(start, end), self._text(start, start + 1), self._text(end - 1, end)):
            self.people[key] = mention

    # --- referring back -------------------------------------------------------------------------

    def _refer_back(self, token: Token, kind: str, *, same_referent: bool = True) -> Mention | None:
        """The earlier mention a pronoun or definite description most likely means.

        Within the sentence the first compatible mention wins (it is usually the topic);
        before it, a subject of the previous sentences, else the most recent mention. An object
        never means the subject of its own clause: "France suspended aid to the country" and
        "Obama met Putin and praised him" mean another (but "Many Russians criticized the authorities"
        means theirs: a people's state is not the people). An institution named alone is not a
        referent but the state it belongs to (``same_referent`` False): "Obama is pressured by
        Congress" is his.
        """
        here = self.sentence_of[token.i]
        # The mentions of the last sentences, in the order of their tokens.
        window = self._window(token)
        by_token = self.mentions.by_token
        own = _own_clause_subjects(token) if same_referent else set()
        # What the subject is, named before it too: "Niger and Mali said they would leave ECOWAS, accusing it".
        pronouns = [self.doc[i] for i in own if i in by_token and self.parts[i] == PRON]
        acting = {a.principal for pronoun in pronouns for a in self.mentions.actors(pronoun)}
        earlier = [
            by_token[i] for i in range(window, token.i)
            if i in by_token and ((i not in own and by_token[i].actor.principal not in acting) or by_token[i].plural)
            and _fits(by_token[i], kind)
        ]
        if not earlier:
            return None
        same = [m for m in earlier if m.sentence == here]
        if same:
            subjects = [m for m in same if m.subject]
            return subjects[-1] if subjects and token.dep_ in _SUBJECTS else same[0]
        subjects = [m for m in earlier if m.subject and m.sentence == earlier[-1].sentence]
        return subjects[0] if subjects else earlier[-1]

    def _window(self, token: Token) -> int:
        """The first token a reference at ``token`` may look back to: MEMORY_SENTENCES back."""
        return bisect_left(self.sentence_of, self.sentence_of[token.i] - MEMORY_SENTENCES)

    def _the_two(self, token: Token, kind: str) -> list[Mention]:
        """The two actors "the two countries", "both sides" or "the two leaders" mean: the two actors
        named before it in its sentence, else the last two named together ("India and China"), else
        the last two of different states named before, in the order they were named."""
        if not any(child.lower_ in ("two", "both") for child in token.children):
            return []
        wanted = "person" if kind == "people" else kind
        window = self._window(token)
        by_token = self.mentions.by_token
        # Not whoever acts on them: "Washington said it would impose sanctions on both countries".
        taken = {by_token[i].actor.principal for i in _own_clause_subjects(token) if i in by_token}
        earlier = [by_token[i] for i in range(window, token.i) if i in by_token and by_token[i].actor.principal not in taken]
        sentence = self.sentence_of[token.i]
        # Whoever is named in its sentence, people for their states: "Its foreign minister met the
        # Chinese ambassador ... and the two sides agreed".
        here = {m.actor.principal: m for m in earlier if m.sentence == sentence and m.actor.principal}
        if len(here) == 2:
            return list(here.values())
        fitting = {m.token: m for m in earlier if _fits(m, wanted)}
        for position in reversed(fitting):
            pair = [fitting[c.i] for c in (self.doc[position], *self.doc[position].conjuncts) if c.i in fitting]
            if len(pair) == 2 and pair[0].actor.principal != pair[1].actor.principal:
                return sorted(pair, key=lambda m: m.token)
        found: list[Mention] = []
        for mention in reversed(fitting.values()):
            if all(mention.actor.principal != other.actor.principal for other in found):
                found.append(mention)
                if len(found) == 2:
                    return found[::-1]
        return []

    def _coordinated_before(self, token: Token, dependencies: frozenset[int]) -> list[Mention]:
        """The mentions of the nearest coordinated subject before a "they", or object before a "them",
        in its sentence, when each of its words names an actor: "Obama and Putin said they would meet"
        and "will meet Netanyahu and Gallant and press them" mean both. ("Their" is left to one
        antecedent: "X and Y welcomed their ties with Z" is each its own.)"""
        start = token.sent.start
        for position in range(token.i - 1, start - 1, -1):
            if self.dependencies[position] not in dependencies:
                continue
            words = [self.doc[position], *_coordinated(self.doc[position])]
            found = [self._resolve(word) for word in words]
            if len(words) > 1 and all(found):
                return found
        return []

    def _copy(self, token: Token, found: Mention | None) -> Mention | None:
        if found is None:
            return None
        actor = Actor(found.actor.principal, found.actor.sector, found.actor.name, token.text)
        return self._remember(token, actor, found.entity_kind, person=found.person, plural=found.plural)

    def _remember(self, token: Token, actor: Actor, entity_kind: str, *, person: bool, plural: bool) -> Mention:
        mention = Mention(
            token.i, self.sentence_of[token.i], actor, entity_kind, person, plural,
            self.dependencies[token.i] in _SUBJECT_IDS,
        )
        self.mentions.by_token[token.i] = mention
        return mention



def noun_phrase(token: Token) -> Span:
    """The words of a mention up to its head: "the Russian ambassador", "Taliban representatives"."""
    start = token.i
    leftmost = token.left_edge.i
    doc = token.doc
    while start > leftmost and doc[start - 1].dep in _PHRASE_DEPS:
        start -= 1
    return doc[start : token.i + 1]


def _sentence_numbers(starts: list[int]) -> list[int]:
    """Each token's sentence, counted from 1, read off the sentence-start flags."""
    numbers = []
    sentence = 0
    for start in starts:
        sentence += start == 1
        numbers.append(sentence)
    return numbers


def _entities(iob: list[int], types: list[int], strings) -> dict[int, tuple[int, int, str]]:
    """Each token of a named entity → (start, end, label), read off the IOB tags."""
    found: dict[int, tuple[int, int, str]] = {}
    start = None
    for position, tag in enumerate([*iob, _OUTSIDE]):
        if start is not None and tag != _INSIDE:
            entity = (start, position, strings[types[start]])
            found.update(dict.fromkeys(range(start, position), entity))
            start = None
        if tag == _BEGIN:
            start = position
    return found


def _name_actor(text: str, reference: Reference) -> Actor:
    """The actor a name stands for; an adjective or demonym names a country, not one of its sectors."""
    sector = None if reference.kind in ("adjective", "demonym") else reference.sector
    return Actor(reference.principal, sector, reference.name, text)


def _own_clause_subjects(token: Token) -> set[int]:
    """The tokens of the subjects of the clause a referring word is an object in (a conjoined verb's
    or a participle's shared subject too: "would leave ECOWAS, accusing it of"); none for a subject,
    a possessive or a reflexive, which may mean its own clause's subject ("France recalled its
    ambassador")."""
    if token.dep_ in ("nsubj", "nsubjpass", "poss") or token.lower_.endswith(("self", "selves")):
        return set()
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    while True:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects or verb.dep_ not in _SHARING_SUBJECT or verb.head == verb:
            return {t.i for subject in subjects for t in (subject, *subject.conjuncts)}
        verb = verb.head


def _fits(mention: Mention, kind: str) -> bool:
    """Whether an earlier mention can be what a pronoun or role word of ``kind`` refers to."""
    if kind == "person":
        return mention.person
    if kind == "thing":
        return not mention.person and not (mention.plural and mention.entity_kind == "state")
    if kind in ("plural", "people"):
        return mention.plural or mention.entity_kind == "group"
    if kind == "organisation":
        return not mention.person and mention.entity_kind in ("group", "igo")
    if kind == "state":
        # An institution of a state ("the government", "Congress") may be that of a person acting for it.
        return mention.entity_kind == kind
    if kind in ("group", "igo"):
        return not mention.person and mention.entity_kind == kind
    return not mention.person


def _prepositions(token: Token) -> list[Token]:
    """Prepositions modifying a noun, including one the parser hung on the verb right after the
    noun ("supported rebels in Chechnya": "in Chechnya" belongs to "rebels")."""
    found = [child for child in token.children if child.dep == _PREP]
    following = token.right_edge.i + 1
    if following < len(token.doc):
        candidate = token.doc[following]
        if candidate.dep == _PREP and candidate.head == token.head and token.head.pos_ in ("VERB", "AUX"):
            found.append(candidate)
    return found


def _coordinated(token: Token) -> list[Token]:
    """The words coordinated with a word, however the parser chained them ("France, Germany and Italy")."""
    found = []
    for child in token.children:
        if child.dep == _CONJ:
            found += [child, *_coordinated(child)]
    return found


def _first_conjunct(token: Token) -> Token:
    """The first of the words coordinated with a word (itself if it is not coordinated)."""
    while token.dep == _CONJ and token.head.i < token.i:
        token = token.head
    return token


def _is_definite(token: Token) -> bool:
    return any(child.dep == _DET and child.lower_ in _DEFINITE for child in token.children)


def _descriptions(token: Token) -> list[Token]:
    """The nouns that describe a person: appositions and titles ("the ambassador", "Foreign Minister")."""
    found = [child for child in token.children if child.dep_ == "appos"]
    found += [child for child in token.children if child.dep_ in ("compound", "nmod") and child.ent_type_ != "PERSON"]
    if token.dep_ == "appos":
        found.append(token.head)
    return found


def _antecedent(token: Token) -> Token | None:
    """What a relative pronoun stands for: the noun its clause modifies, else the noun just before it."""
    clause = token.head
    while clause.dep_ not in ("relcl", "acl") and clause.head != clause and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ in ("relcl", "acl"):
        return clause.head
    previous = token.i - 1
    while previous >= 0 and token.doc[previous].pos_ not in ("NOUN", "PROPN"):
        if token.doc[previous].is_punct and token.doc[previous].text not in (",",):
            return None
        previous -= 1
    return token.doc[previous] if previous >= 0 and token.i - previous <= 3 else None


def _quote_speakers(doc: Doc, words: list[int], wanted: set[int]) -> dict[int, Token]:
    """For each token inside a quotation that holds one of the tokens ``wanted``, the token naming
    who speaks it (``words``: the ids of the tokens' texts).

    The speaker is the subject (or, for "…," said X, the inverted subject) of a speech
    verb outside the quotation in the sentence where the quotation opens or closes.
    """
    speakers: dict[int, Token] = {}
    for start, end in _quotations(words):
        if not any(start <= index < end for index in wanted):
            continue
        speaker = _speaker(doc, start, end)
        if speaker is not None:
            for index in range(start, end):
                speakers[index] = speaker
    return speakers


def _quotations(words: list[int]) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks (tokens that are a mark alone), a quotation allowed to
    run over several sentences."""
    found = []
    opened: tuple[int, int] | None = None
    for position, word in enumerate(words):
        if opened is None and word in _QUOTES_OPEN:
            opened = (position + 1, _QUOTES_OPEN[word])
        elif opened is not None and word == opened[1]:
            found.append((opened[0], position))
            opened = None
    return found


def _speaker(doc: Doc, start: int, end: int) -> Token | None:
    for index in (end, start - 1):
        if not 0 <= index < len(doc):
            continue
        sentence = doc[index].sent
        for verb in sentence:
            if verb.lemma_ in _SPEECH_LEMMAS and not start <= verb.i < end:
                for child in verb.children:
                    if child.dep_ in ("nsubj", "dobj") and not start <= child.i < end and child.pos_ != "PRON":
                        return child
                    if child.dep_ == "nsubj" and not start <= child.i < end:
                        return child
    return None
