"""Temporal expressions: where an article says when, and the days it means."""

from detente.timex.find import find_time_expressions

__all__ = ["find_time_expressions"]
