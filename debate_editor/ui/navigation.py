"""Moving the selection with the arrow keys: the nearest card in that direction."""

from __future__ import annotations

from collections.abc import Mapping

from debate_editor.layout import Rect


def nearest_card(rects: Mapping[str, Rect], current: str, dx: int, dy: int) -> str | None:
    """The card whose centre lies in the direction (dx, dy) from `current`'s centre:
    preferably one within a 60° cone either side, then the nearest along that direction
    and the best lined up across it."""
    here = rects[current]
    cx, cy = here.x + here.w / 2, here.y + here.h / 2
    best: tuple[int, float, str] | None = None
    for cid, rect in rects.items():
        if cid == current:
            continue
        ox, oy = rect.x + rect.w / 2 - cx, rect.y + rect.h / 2 - cy
        along = ox * dx + oy * dy
        across = abs(ox * dy) + abs(oy * dx)
        if along <= 0:
            continue
        outside = 0 if across <= along * 1.8 else 1  # beyond the cone only as a last resort
        key = (outside, along + 2.0 * across, cid)
        if best is None or key < best:
            best = key
    return best[2] if best else None
