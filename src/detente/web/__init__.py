"""The web page and its HTTP API (FastAPI), over the Python facade."""

from detente.web.app import create_app

__all__ = ["create_app"]
