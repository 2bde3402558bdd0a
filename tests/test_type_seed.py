"""The seed thread typed into a new file with the mind-map keys alone (README, "The
canvas"): the file's rebuttal is the reply of the thread, byte for byte.

The same steps as tests/xvfb_type_seed.py, which types them into the real program under
Xvfb with xdotool; here they are key presses sent offscreen, so every run checks them.
"""

from __future__ import annotations

from pathlib import Path

from gui_helpers import open_window
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from seed_typing import GOLDEN, key_presses, seed_steps, seed_texts

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.formats import registry
from debate_editor.formats.registry import ExportOptions
from debate_editor.store import DebateDocument

K = Qt.Key
M = Qt.KeyboardModifier
KEYS = {"t": K.Key_T, "k": K.Key_K, "o": K.Key_O, "Tab": K.Key_Tab, "Return": K.Key_Return,
        "Left": K.Key_Left, "Right": K.Key_Right, "Up": K.Key_Up, "Down": K.Key_Down}
MODIFIERS = {"ctrl": M.ControlModifier, "shift": M.ShiftModifier}


def send(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """One key press, named as xdotool names it ("ctrl+Return"), where the focus is."""
    *mods, key = name.split("+")
    modifiers = M.NoModifier
    for mod in mods:
        modifiers |= MODIFIERS[mod]
    qtbot.keyClick(QApplication.focusWidget(), KEYS[key], modifiers)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text where the focus is: QTest spells only ASCII, so a letter beyond it (’ —)
    is the key event a keyboard layout sends for it, with its text."""
    target = QApplication.focusWidget()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(target, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, M.NoModifier, char))


def rebuttal(doc: DebateDocument) -> str:
    fmt = registry.get("rebuttal")
    assert fmt.write is not None
    text = fmt.write(doc.snapshot(), ExportOptions())
    assert isinstance(text, str)
    return text


def test_the_seed_typed_with_the_keys_gives_the_reply(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "typed.debate"
    window = open_window(qtbot, path)
    steps = seed_steps()
    for kind, value in steps:
        if kind == "key":
            send(qtbot, value)
        else:
            assert window.canvas.editor.is_open, f"no card editor open for {value[:30]!r}"
            type_text(qtbot, value)
    assert key_presses(steps) == 21  # against 28 actions before the mind-map keys
    window.close()

    with DebateDocument.open(path, read_only=True) as doc:
        assert rebuttal(doc) == GOLDEN.read_text(encoding="utf-8")
        graph, texts = doc.graph, seed_texts()
        (thesis,) = graph.theses()
        assert thesis.text == texts["thesis"]
        assert [r.claim.text for r in graph.pros(thesis.id)] == [
            texts[k] for k in ("concession", "zero_sum", "hostility", "additive")]
        assert graph.pros(thesis.id)[0].claim.kind is ClaimKind.CONCESSION
        objections = [(lk.target, graph.claims[lk.source].text) for lk in graph.links.values()
                      if lk.kind is LinkKind.OBJECTION]
        by_text = {c.text: c.id for c in graph.claims.values()}
        assert sorted(objections) == sorted([(by_text[texts["zero_sum"]], texts["point_1"]),
                                             (by_text[texts["additive"]], texts["point_2"])])
        # New reasons stand after their siblings: the map reads left to right in order.
        xs = [r.claim.x for r in graph.pros(thesis.id)]
        assert xs == sorted(xs) and len(set(xs)) == 4
