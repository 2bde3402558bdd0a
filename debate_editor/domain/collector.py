"""The garbage-collector policy for making many long-lived objects at once: opening a big
debate, filling its map."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block.

    The collector walks every tracked object again each time enough new ones have piled
    up. While tens of thousands of claims, links and canvas items are made and none of
    them is garbage, those walks are wasted: a third of opening a 10,000-claim debate.
    Nested use is fine; the collector runs again as before when the outermost block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Tell the collector that every object alive now is long-lived (an open map).

    A full collection walks every tracked object; with a 50,000-card map open that is
    seconds of pauses spread over later edits. Frozen objects are skipped by it (they are
    still freed the usual way when nothing refers to them). Call `unsettle` when such a
    map is closed, so whatever cycles it leaves can be collected.
    """
    gc.freeze()


def unsettle() -> None:
    """Undo `settle` after closing a map: the collector looks at everything again (a map
    opened later settles again)."""
    gc.unfreeze()
