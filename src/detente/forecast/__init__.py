"""Forecasting on temporal knowledge graphs."""
