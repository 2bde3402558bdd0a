"""PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None on every call of a
method that returns nothing, and the process dies with `none_dealloc` after a few
thousand calls. This fails if the installed binding does that."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsTextItem


def test_void_methods_do_not_leak_references_to_none(qapp: object) -> None:
    rect = QGraphicsRectItem(0, 0, 10, 10)
    text = QGraphicsTextItem("claim")
    before = sys.getrefcount(None)
    for i in range(2000):
        rect.setPos(i, i)
        text.setTextWidth(100 + i % 7)
    after = sys.getrefcount(None)
    # A few references may come and go with the interpreter's own work; the bug loses
    # one per call, thousands here.
    assert abs(after - before) < 50, f"None refcount moved from {before} to {after}"
