"""Ingest: files and strings become clean Documents that remember the text they came from."""

from detente.ingest.clean import clean_text
from detente.ingest.errors import IngestError
from detente.ingest.read import MAX_DOCUMENT_BYTES, document_from_html, document_from_text, parse_date, read_paths

__all__ = [
    "IngestError",
    "MAX_DOCUMENT_BYTES",
    "clean_text",
    "document_from_html",
    "document_from_text",
    "parse_date",
    "read_paths",
]
