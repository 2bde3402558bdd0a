"""Debate Editor: an offline editor for structured debates."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("debate-editor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
