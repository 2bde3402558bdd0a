"""Automatic placement of cards, and the map's shapes (pure Python and networkx).

`layout(graph, sizes)` lays out a whole debate and `positions_for` fills in the cards a
file has no places for; `place_reason`, `place_beside` and `place_thesis` find a spot for
one new card without moving the others; `geometry` holds the shapes every picture of the
map draws. Card sizes come in as plain numbers (the renderer measures them), so nothing
here needs Qt.
"""

from debate_editor.layout.geometry import Rect
from debate_editor.layout.layered import H_GAP, V_GAP, layout, positions_for
from debate_editor.layout.place import (
    place_beside,
    place_reason,
    place_thesis,
    reason_row,
)

__all__ = [
    "H_GAP",
    "V_GAP",
    "Rect",
    "layout",
    "place_beside",
    "place_reason",
    "place_thesis",
    "positions_for",
    "reason_row",
]
