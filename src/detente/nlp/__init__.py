"""The spaCy pipeline, loaded once."""

from detente.nlp.pipeline import PipelineMissing, load, parse, sentence_spans, sentences

__all__ = ["PipelineMissing", "load", "parse", "sentence_spans", "sentences"]
