"""Did it happen as stated? Negation, hypotheticals, intent and allegation around a coded act.

Each test looks at the act's own clause and then climbs the clauses that govern
it, because that is where English puts the cue: "did not recognise" (own clause),
"refused to recognise" (a governing clause), "called for a boycott", "demanded the
withdrawal" (a governing request; "urged an end to the offensive" leaves the offensive
as it is), "accused Iran of arming the Houthis" (a governing accusation), "would love
to see" (a governing modal). The climb stops at a relative clause or a clause with
its own subject and, for negation and modality, at a speech verb: "X did not say
that Y attacked Z" leaves the attack as reported. Claims are looked for all the way
up: "a report saying that Y attacked Z".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from detente.events.lexicon import Lexicon
from detente.events.syntax import is_participle_modifier
from detente.events.syntax import link as dependency

# Links through which a governing clause's cues reach the clause below it.
_PASSES = frozenset({"xcomp", "ccomp", "acl", "acomp", "pcomp", "pobj", "prep", "advcl", "conj", "oprd", "dobj", "attr"})
# Links below which a negative governor ("refused to", "without", "denied") negates.
_NEGATED_BELOW = frozenset({"xcomp", "pcomp", "pobj", "dobj", "acl", "ccomp"})
# Links below which an intent governor ("ready to", "plans to", "will") makes an intent.
_INTENDED_BELOW = frozenset({"xcomp", "acl", "ccomp", "pcomp", "pobj", "acomp", "prep"})


# CAMEO roots of acts that judge something done: praise, disapprove, reject.
JUDGING_ROOTS = frozenset({"05", "11", "12"})


@dataclass(frozen=True)
class Modality:
    """How an act stands. ``promised_not``: the act was promised not to happen ("vowed not to attack")."""

    negated: bool = False
    hypothetical: bool = False
    alleged: bool = False
    intent: bool = False
    promised_not: bool = False


@dataclass(frozen=True)
class _Clause:
    """What a word's own auxiliaries, markers and subject say of it."""

    negated: bool
    hypothetical: bool
    future: bool
    conditional: bool


def modality(trigger: Token, lexicon: Lexicon) -> Modality:
    """The modality of the act at ``trigger`` (a verb or an event noun).

    "would" is conditional ("would attack if...") except below a verb of speech or
    commitment, where it is the future of the past ("announced it would free the
    prisoners"): then the act is an intent. An intent is someone else's wish, not an
    intent, when the act has an actor of its own ("wants Russia to attack"). Not hiding
    something is showing it: the negation of a veiling verb does not reach its object.
    """
    own = _own(trigger, lexicon)
    negated, hypothetical, intent, conditional = own.negated, own.hypothetical, own.future, own.conditional
    alleged = _claimed(trigger, lexicon)
    promised_not = spoken = False
    said_of = cues_of(trigger.head, lexicon) if trigger.dep_ == "nsubjpass" else frozenset()
    # "The meeting between Biden and Xi was cancelled", "The crown prince's trip to Iran is expected
    # next month", "The visit is planned for May".
    negated = negated or "negative" in said_of
    hypothetical = hypothetical or "hypothetical" in said_of
    intent = intent or "intent" in said_of
    token = trigger
    while token.head != token and dependency(token) in _PASSES:
        link, governor = dependency(token), token.head
        if token == trigger and link == "dobj" and trigger.pos_ != "VERB" and _judges(governor, lexicon):
            # An event noun that another act judges keeps its own modality: "refused to condemn Russia's
            # invasion" and "did not condemn the attack" leave the invasion and the attack be ("would be
            # ready to host a meeting" does not: hosting makes the meeting).
            break
        if (link == "conj" or _contrasted(token, link)) and _has_own_clause(token):
            break
        # A coordinated verb shares its sibling's auxiliaries, not what the sibling's own word means:
        # "accused Rwanda ... but said it would mend ties" reports no accusation of the mending.
        cues = frozenset() if link == "conj" else cues_of(governor, lexicon)
        if cues & {"claim", "belief"} or _claimed(governor, lexicon) or (
            "speech" in cues_of(token, lexicon) and any("claim" in cues_of(c, lexicon) for c in governor.children if c.dep_ == "dobj")
        ):
            alleged = True
        if conditional and link == "ccomp" and cues & {"speech", "commitment"}:
            conditional, intent = False, True
        if link == "ccomp" and any("request" in cues_of(c, lexicon) for c in governor.children if c.dep_ == "dobj"):
            # What a request asks for, where the parser hangs it on the verb that voices the request
            # ("reiterated its demand that Israel withdraw"): asked for, not reported.
            hypothetical = True
        elif "speech" in cues and link in ("ccomp", "parataxis"):
            spoken = True
            # What a speaker does not confirm or say is only reported: "Israel did not confirm that it had struck Iran".
            alleged = alleged or _own(governor, lexicon).negated
        if not spoken:
            above = _own(governor, lexicon)
            if "commitment" in cues and negated and token == trigger:
                promised_not, negated = True, False
            elif (above.negated and not cues & {"veiling", "refusal"}) or ("negative" in cues and link in _NEGATED_BELOW):
                negated = True
            if "refusal" in cues and (link in _NEGATED_BELOW or _gerund_object(token, link)):
                if above.negated or negated or "refusal" in cues_of(token, lexicon):
                    # Not ruling out an act, or refusing to rule it out, leaves it possible.
                    negated, intent, hypothetical = False, False, True
                else:
                    negated = intent = True
            hypothetical = hypothetical or above.hypothetical or above.conditional or "hypothetical" in cues
            asked_for = link in ("xcomp", "ccomp", "acl") or (link == "prep" and token.lower_ == "for") or (
                link == "dobj" and token == trigger
            )
            if "request" in cues and asked_for:
                hypothetical = True
            # A light verb of intent makes its event noun an intent: "is preparing new sanctions".
            prepared = link == "dobj" and cues >= {"light", "intent"}
            # What an accord signed is to do has not happened yet: "signed an accord to supply Gondor with wheat".
            agreed = _purpose(token, link) and any(
                c.dep_ == "dobj" and "intent" in cues_of(c, lexicon) for c in governor.children
            )
            if (link in _INTENDED_BELOW or _purpose(token, link) or prepared) and (
                above.future or agreed or cues & {"intent", "commitment"}
            ):
                if _someone_else(token, governor) or _held_by_no_one(governor):
                    hypothetical = True
                else:
                    intent = True
        token = governor
    if is_participle_modifier(trigger, "VBN"):
        # A past participle describing a thing reports an act done, whatever is said of the thing:
        # "agreed to a truce brokered by Saudi Arabia", "refused to return the ships seized by Iran".
        negated, intent, hypothetical, promised_not = own.negated, own.future, own.hypothetical, False
        conditional = own.conditional
    return Modality(negated, hypothetical or conditional, alleged, intent, promised_not)


def cues_of(token: Token, lexicon: Lexicon) -> frozenset[str]:
    """The cues a word carries, by its lemma or its form, for its part of speech; a verb with a
    particle also carries those of the two ("ruled out" is a refusal, "ruled" is not)."""
    lemma = token.lemma_.lower()
    cues = lexicon.cues_for(lemma, token.lower_, token.pos_)
    if lemma in lexicon.phrasal:
        for particle in (c for c in token.children if c.dep_ == "prt"):
            cues |= lexicon.cues_for(f"{lemma} {particle.lower_}", "", token.pos_)
    return cues


def _own(word: Token, lexicon: Lexicon) -> _Clause:
    negated = hypothetical = future = conditional = False
    for child in word.children:
        cues = cues_of(child, lexicon)
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and child.lower_ == "never"):
            negated = True
        elif child.dep_ == "det" and child.lower_ == "no" and word.pos_ == "NOUN":
            # "had no plans to attack", "no intention of invading".
            negated = True
        elif child.dep_ in ("aux", "auxpass"):
            hypothetical = hypothetical or "hypothetical" in cues
            future = future or "future" in cues
            conditional = conditional or "conditional" in cues
        elif child.dep_ in ("mark", "amod", "acomp") and "hypothetical" in cues:
            # "if", "potential", "It is unlikely that ...".
            hypothetical = True
        elif child.dep_ in ("nsubj", "nsubjpass") and (
            "negative" in cues or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children)
        ):
            negated = True
    return _Clause(negated, hypothetical, future, conditional)


def _claimed(word: Token, lexicon: Lexicon) -> bool:
    """Whether a word is marked as hearsay ("reportedly", "allegedly")."""
    return any(child.dep_ == "advmod" and "claim" in cues_of(child, lexicon) for child in word.children)


def _judges(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb judges what it is about (praises, condemns, rejects: CAMEO roots 05, 11, 12)
    with no cue that colours its object."""
    return (
        verb.pos_ == "VERB"
        and any(p.code[:2] in JUDGING_ROOTS for p in lexicon.verb_patterns(verb.lemma_.lower()))
        and not cues_of(verb, lexicon)
    )


def _gerund_object(act: Token, link: str) -> bool:
    """Whether a gerund the parser hangs on a verb as a clause is the verb's object ("ruled out
    using force"): it has no marker and no subject of its own."""
    return link == "advcl" and act.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in act.children)


def _held_by_no_one(intention: Token) -> bool:
    """Whether a noun of intent is no one's: the subject of its clause with no possessor ("Hopes of a
    deal between Israel and Saudi Arabia faded"), not an intent its parties announced."""
    return intention.pos_ == "NOUN" and intention.dep_ == "nsubj" and not any(c.dep_ == "poss" for c in intention.children)


def _contrasted(verb: Token, link: str) -> bool:
    """A clause set beside another ("Ankara accused Moscow of ..., while Russia accused Turkey of ...")
    is told as the other is, not inside it."""
    return link == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)


def _has_own_clause(verb: Token) -> bool:
    """A conjoined verb with its own subject or auxiliary is a clause of its own."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for child in verb.children)


def _purpose(act: Token, link: str) -> bool:
    """Whether an act is the purpose a clause gives with "to" ("will send troops to attack Libya"):
    what is done only for its sake is no more certain than the doing."""
    return link == "advcl" and any(child.tag_ == "TO" for child in act.children)


def _someone_else(act: Token, governor: Token) -> bool:
    """Whether an act below a verb of wanting has an actor other than the one who wants it."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children) or (
        act.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in governor.children)
    )
