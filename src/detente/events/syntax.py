"""Who does it and to whom, read off the dependency parse of one clause.

The parser is right most of the time and predictably wrong in a few places (a
subject attached as a modifier of the previous clause, a relative pronoun
attached as a preposition's object); each rule here says which case it covers.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.actors.resolve import Mentions
from detente.model import Actor

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
_ANY_SUBJECT = SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
# Clauses that take their subject from the clause they hang from.
CONTROLLED_DEPS = ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp")
# Verbs whose object is the subject of their infinitive ("urged Iran to talk", "accused X of arming").
OBJECT_CONTROL = frozenset(
    {"urge", "ask", "call", "invite", "encourage", "persuade", "tell", "force", "allow", "help", "press",
     "pressure", "accuse", "blame", "criticize", "criticise", "condemn", "praise", "thank", "warn", "charge",
     "push", "order", "request", "require", "permit", "convince", "pay", "authorise", "authorize", "empower"}
)
FINITE_TAGS = ("VBD", "VBZ", "VBP")
# Verbs whose preposition's object is the subject of their infinitive ("called on Iran to talk").
_APPEALING = frozenset({"call", "appeal", "plead", "prevail"})
_ADDRESSING = frozenset({"on", "upon", "to", "with"})


def link(token: Token) -> str:
    """A token's dependency, with an infinitival relative ("resources to send troops") read as the
    clausal modifier it is: the parser labels it relcl, but it takes no relative pronoun."""
    if token.dep_ == "relcl" and any(child.tag_ == "TO" for child in token.children):
        return "acl"
    return token.dep_


def conjuncts(token: Token) -> list[Token]:
    """A noun and the nouns coordinated with it ("China and Pakistan", "Russia or its allies").

    In a list of names the parser often takes the second for an apposition of the first
    ("The US, Russia, and Switzerland"): a name in apposition to a name is coordinated too, and
    so is a name in apposition to what describes it ("the militant group al-Shabab"), for the
    coder to prefer the name.
    """
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            found.extend(conjuncts(child))
        elif child.dep_ == "appos" and child.pos_ == "PROPN" and token.pos_ in ("PROPN", "NOUN"):
            found.extend(conjuncts(child))
    return found


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def is_passive(verb: Token) -> bool:
    """A passive verb, or a past participle modifying a noun ("prisoners released by Israel")."""
    marked = any(child.dep_ in ("auxpass", *PASSIVE_SUBJECT_DEPS) for child in verb.children)
    return marked or is_participle_modifier(verb, "VBN")


def is_participle_modifier(verb: Token, tag: str) -> bool:
    """Whether a verb is a participle (VBN past, VBG present) modifying the noun it hangs from."""
    return verb.dep_ == "acl" and verb.tag_ == tag and verb.head.pos_ in ("NOUN", "PROPN")


def subjects(verb: Token) -> list[Token]:
    """The tokens naming who performs ``verb``: its own subject or the one it inherits. A participle
    the parser made the subject stands for the noun it describes ("The Red Cross operating in
    Iraq said": the subject is "operating", whose own subject is the Red Cross)."""
    own = children(verb, *SUBJECT_DEPS) or (children(verb, *PASSIVE_SUBJECT_DEPS) if not is_passive(verb) else [])
    own = [noun for subject in own for noun in (subject.pos_ == "VERB" and children(subject, "nsubj") or [subject])]
    if own:
        return [c for subject in own for c in conjuncts(subject)]
    if is_passive(verb):
        return []
    return inherited_subjects(verb)


def inherited_subjects(verb: Token) -> list[Token]:
    """The subject of a clause that has none of its own.

    A conjoined verb shares its head's subject; an infinitive below a passive takes
    its subject ("Obama is expected to visit"); an infinitive or gerund takes the
    object of an object-control verb ("accused Russia of supplying") or else the
    subject of the verb it hangs from; a present participle modifying a noun takes
    that noun ("the militants attacking the town"); a gerund after a preposition with
    a noun ("about Russia paying") takes that noun; a finite verb whose subject the
    parser hung on the previous clause ("..., the organization, ... reached out") takes it back.
    """
    head = verb.head
    if verb.dep_ == "pcomp":
        siblings = [c for c in head.children if c.dep_ == "pobj" and c.i < verb.i]
        if siblings:
            return conjuncts(siblings[-1])
        governor = head.head
        if governor.lemma_ in OBJECT_CONTROL and children(governor, "dobj"):
            return conjuncts(children(governor, "dobj")[0])
        return subjects(governor) if governor.pos_ in ("VERB", "AUX") else _possessor(governor)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and (owner := _owning_phrase(verb)):
        return owner
    if verb.dep_ in ("xcomp", "advcl", "acomp") or (verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ")):
        if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL and children(head, "dobj"):
            return conjuncts(children(head, "dobj")[0])
        addressed = prepositional_objects(head, _ADDRESSING) if verb.dep_ == "xcomp" and head.lemma_ in _APPEALING else []
        if addressed:
            # "called on Israel and Hamas to agree to a ceasefire", "appealed to Russia to withdraw".
            return addressed
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp", "conj"):
            return subjects(head.head) if head.head != head else []
        if verb.dep_ == "xcomp" and is_passive(head):
            return [c for p in children(head, *PASSIVE_SUBJECT_DEPS) for c in conjuncts(p)]
        if is_passive(head) and verb.dep_ == "conj":
            return []
        return subjects(head) if head != verb else []
    if is_participle_modifier(verb, "VBG"):
        return conjuncts(head)
    if link(verb) == "acl" and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT" and verb.tag_ == "VBD":
        # A past tense the parser hung on a noun it made the root ("The UN chief called on Israel"):
        # the noun is its subject.
        return conjuncts(head)
    if link(verb) == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return _possessor(head)
    if verb.tag_ in FINITE_TAGS:
        return _stranded_subject(verb)
    return []


def _owning_phrase(verb: Token) -> list[Token]:
    """The phrase a gerund was misread after: in "killed in Israeli tank shelling" the parser makes
    "Israeli tank" the object of "in" and "shelling" a clause of "killed"; the phrase is who shells."""
    if verb.i == verb.sent.start:
        return []
    phrase = verb.doc[verb.i - 1]
    while phrase.dep_ in ("amod", "compound") and phrase.head.i > phrase.i:
        phrase = phrase.head
    governed = phrase.dep_ == "pobj" and phrase.head.head == verb.head
    return [phrase] if governed and phrase.right_edge.i == verb.i - 1 else []


def _possessor(noun: Token) -> list[Token]:
    """Whose the noun is ("its willingness to engage" → its), else who governs it."""
    owners = children(noun, "poss")
    if owners:
        return owners
    governor = noun.head
    if noun.dep_ in ("dobj", "attr") and governor.pos_ in ("VERB", "AUX"):
        return subjects(governor)
    return []


def _stranded_subject(verb: Token) -> list[Token]:
    """A noun just before a subjectless finite verb that the parser attached elsewhere, or a name it
    made an adverb of the verb."""
    for candidate in reversed(list(verb.doc[verb.sent.start : verb.i])):
        if candidate.dep_ in ("npadvmod", "dep", "appos") and candidate.pos_ in ("NOUN", "PROPN") and candidate.head != verb:
            return [candidate]
        if candidate.dep_ == "npadvmod" and candidate.pos_ == "PROPN" and candidate.head == verb:
            # A name the parser took for an adverb of its own verb ("Azerbaijan massed troops").
            return [candidate]
        if candidate.pos_ in ("VERB", "AUX") and candidate.dep_ not in ("prep", "advcl", "aux") and candidate.tag_ in FINITE_TAGS:
            return []
    return []


def agents(verb: Token) -> list[Token]:
    """The "by" agent of a passive verb."""
    return [c for agent in children(verb, "agent") for pobj in children(agent, "pobj") for c in conjuncts(pobj)]


def prepositional_objects(head: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``head`` ("met with X", "talks between X and Y"); a
    preposition of two words is named by its first ("outside of X")."""
    found = []
    for prep in head.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            objects = children(prep, "pobj") or [o for of in children(prep, "prep") if of.lower_ == "of" for o in children(of, "pobj")]
            for pobj in objects or _stranded_object(prep):
                found.extend(conjuncts(pobj))
    return found


def object_after_as(verb: Token) -> list[Token]:
    """An object put after what it is called, which the parser hangs on the "as" phrase as an
    apposition: "denounced as an ugly crime Serbia's suppression of the unrest"."""
    return [a for prep in children(verb, "prep") if prep.lower_ == "as" for p in children(prep, "pobj") for a in children(p, "appos")]


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition left with none, which the parser made the subject of the clause
    after it: "granted asylum to five officers holed up in a residence" ("officers" of "holed")."""
    if list(prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    start = prep.i + 1
    phrase = prep.doc[start]
    while phrase.dep_ not in _ANY_SUBJECT and phrase.head != phrase and phrase.head.left_edge.i == start:
        phrase = phrase.head
    return [phrase] if phrase.dep_ in _ANY_SUBJECT and phrase.left_edge.i == start else []


# Where a noun phrase that names no actor finds the one it is about, nearest first after its
# modifiers: "the killing of X", "calls by X", "an offer from X", "a report released by X" (or
# in X), the noun's own prepositions (``preps``), "measures against X", "sanctions on X", "ties
# with X", "ties between X and Y", a relative clause's subject, the place it is in.
_ABOUT = ("of", "by", "from", "acl", "preps", "against", "on", "with", "between", "relcl", "in")


# Participles after a name that make it the owner of what they describe ("British-flagged", "Iranian-owned",
# "the US-led coalition").
_OWNING = frozenset({"flagged", "registered", "owned", "operated", "led"})


# Verbs of keeping people somewhere.
_HOLDING = frozenset({"hold", "detain", "jail", "imprison", "keep", "trap", "strand", "intern"})


def actor_within(token: Token, mentions: Mentions, preps: frozenset[str] = frozenset()) -> list[Actor]:
    """The actors a noun phrase names, or is about when it names none itself.

    "praised the way the Taliban acted", "criticized China's stance", "welcomed the
    Chinese decision", "rejected calls by Belarus", "endorsed an agreement with the EU",
    "condemned the killings in Syria". ``preps`` are the prepositions of an event noun.
    """
    named = mentions.actors(token)
    if named:
        return named
    for child in sorted(token.children, key=lambda c: c.i):
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            found = mentions.actors(child) or [a for a in [mentions.modifier_actor(child)] if a is not None]
            if not found and child.lower_ in _OWNING:
                # "a British-flagged tanker" is British ("Iranian-backed militias" are not Iranian).
                owners = (c for c in child.children if c.dep_ in ("amod", "npadvmod", "compound"))
                found = [a for a in map(mentions.modifier_actor, owners) if a is not None]
            if found:
                return found
    for wanted in _ABOUT:
        for child in token.children:
            if wanted == "relcl" and child.dep_ == "relcl":
                objects = children(child, *SUBJECT_DEPS)
            elif wanted == "acl" and child.dep_ == "acl":
                # Where people are held is not who they are: "the families of hostages held in Gaza".
                located = [] if child.lemma_ in _HOLDING else [
                    o for prep in children(child, "prep") if prep.lower_ == "in" for o in children(prep, "pobj")
                ]
                objects = [o for agent in children(child, "agent") for o in children(agent, "pobj")] or located
            elif child.dep_ == "prep" and (child.lower_ == wanted or wanted == "preps" and child.lower_ in preps):
                objects = children(child, "pobj")
            else:
                continue
            found = [actor for object_ in objects for each in conjuncts(object_) for actor in _named(each, mentions)]
            if found:
                return found
    return []


def _named(token: Token, mentions: Mentions) -> list[Actor]:
    """The actors a noun names, or the one its owner or modifier names ("Israel's militia ally",
    "the Rwandan capital")."""
    named = mentions.actors(token) or [a for a in [mentions.modifier_actor(token)] if a]
    for child in token.children if not named else ():
        if child.dep_ == "poss":
            named = mentions.actors(child)
        elif child.dep_ in ("amod", "compound"):
            named = [a for a in [mentions.modifier_actor(child)] if a]
        if named:
            break
    return named


def clause_of(token: Token) -> Token:
    """The verb (or sentence root) a token belongs to."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def governors(token: Token) -> list[Token]:
    """The chain of heads above a token, up to the sentence root."""
    chain = []
    while token.head != token:
        token = token.head
        chain.append(token)
    return chain
