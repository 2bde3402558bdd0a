"""The seed thread typed into an empty map with the mind-map keys (README, "The canvas").

One list of steps, shared by the offscreen test (tests/test_type_seed.py) and the script
that types it into the real program under Xvfb (tests/xvfb_type_seed.py), so both press
the same keys. A step is ("key", name) for one key press, with names as xdotool spells
them, or ("type", text) for the text of a card, typed into the open card editor.

The texts are cut from seeds/dod-safety-thread.txt as seeds/build_seed.py cuts them, so
nothing is retyped by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THREAD = ROOT / "seeds" / "dod-safety-thread.txt"
GOLDEN = ROOT / "tests" / "golden" / "dod-safety-rebuttal.txt"

Step = tuple[str, str]


def seed_texts() -> dict[str, str]:
    """The seven claims of the seed, by role, from the thread's first copy."""
    lines = [line.strip() for line in THREAD.read_text(encoding="utf-8").splitlines()]
    _lead_in, thesis, reasons_para, additive, concession, points_line = lines[:6]
    points = [p.strip() for p in re.split(r"(?:^|\s)\d+\.\s", points_line) if p.strip()]
    marker = "can’t put into capabilities research."
    cut = reasons_para.index(marker) + len(marker)
    return {
        "thesis": thesis, "concession": concession,
        "zero_sum": reasons_para[:cut].strip(), "hostility": reasons_para[cut:].strip(),
        "additive": additive, "point_1": points[0], "point_2": points[1],
    }


def card(text: str) -> list[Step]:
    """Type a card's text and keep it (Ctrl+Enter; Enter in the text is a new line)."""
    return [("type", text), ("key", "ctrl+Return")]


def seed_steps() -> list[Step]:
    t = seed_texts()
    return [
        ("key", "t"), *card(t["thesis"]),                  # a new thesis
        ("key", "Tab"), *card(t["concession"]),            # its first supporting reason
        ("key", "shift+k"), ("key", "shift+k"),            # claim -> evidence -> concession
        ("key", "Return"), *card(t["zero_sum"]),           # a sibling: supports the thesis
        ("key", "Return"), *card(t["hostility"]),
        ("key", "Return"), *card(t["additive"]),
        ("key", "Left"), ("key", "Left"),                  # back to the zero-sum reason
        ("key", "o"), *card(t["point_1"]),                 # the reply's first objection
        ("key", "Up"), ("key", "Right"), ("key", "Right"),  # up to it, over to "additive"
        ("key", "o"), *card(t["point_2"]),
    ]


def key_presses(steps: list[Step]) -> int:
    """Key presses besides the letters of the texts."""
    return sum(1 for kind, _ in steps if kind == "key")
