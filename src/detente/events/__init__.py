"""Events: the CAMEO/PLOVER ontology, the coder's lexicon, and the coder over dependency parses."""

from detente.events.coder import Coding, code_document, extract_events

__all__ = ["Coding", "code_document", "extract_events"]
