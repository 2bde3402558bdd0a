"""Debate Editor: an offline editor for structured debates."""

__version__ = "0.1.0"
"""The one place the version is written: pyproject.toml reads it from here (asking the
installed metadata instead cost every start 35 ms of importlib.metadata)."""
