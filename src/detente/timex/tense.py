"""Whether an expression hangs from a verb in the future tense.

"Monday" in "will visit on Monday" is the next Monday, in "visited on Monday" the
last one; the parse tells them apart through the verb's auxiliaries.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.timex.lexicon import Lexicon

_VERBAL = ("VERB", "AUX")
# Dependencies through which a verb inherits another's tense: "will try to meet",
# "will meet and talk".
_INHERITS = ("xcomp", "conj")


def governing_verb(span: Span) -> Token:
    """The verb the expression hangs from: the first verb up the tree from its root."""
    token = span.root
    while token.pos_ not in _VERBAL and token.head.i != token.i:
        token = token.head
    return token


def is_future(span: Span, lexicon: Lexicon) -> bool:
    """True for "will/'ll/shall visit", "is to visit", "is due (going, set) to visit", "is planned
    for May" and the verbs coordinated with or governed by such a verb."""
    verb = governing_verb(span)
    if verb.lower_ in lexicon.future_verbs:
        return True
    while True:
        auxiliaries = (child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass"))
        if any(auxiliary in lexicon.future_auxiliaries for auxiliary in auxiliaries):
            return True
        if verb.dep_ not in _INHERITS or verb.head.i == verb.i:
            return False
        if verb.dep_ == "xcomp" and _infinitive(verb) and verb.head.lower_ in lexicon.future_heads:
            return True
        verb = verb.head


def _infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
