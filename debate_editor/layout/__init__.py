"""Automatic placement of cards (pure Python and networkx)."""
