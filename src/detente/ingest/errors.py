"""The one error ingest raises: bad input the user can fix."""

from __future__ import annotations


class IngestError(ValueError):
    """An input that cannot be read as an article; the message is one line naming it and the fix."""
