"""Automatic placement of cards (pure Python and networkx).

`layout(graph, sizes)` lays out a whole debate; `place_reason`, `place_beside` and
`place_thesis` find a spot for one new card without moving the others. Card sizes come
in as plain numbers (the renderer measures them), so nothing here needs Qt.
"""

from debate_editor.layout.layered import H_GAP, V_GAP, layout
from debate_editor.layout.place import (
    Rect,
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
    "reason_row",
]
