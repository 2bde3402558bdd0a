"""The three labels, and the read-only maps by id the labelling shows them through
(README, "Which claims stand").

The labelling keeps one byte per slot; `LabelMap` and `CauseMap` read those bytes when
asked, so neither a full labelling nor an edit builds or patches a dict of every id.
Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Protocol


class Label(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED

NO_SUPPORT = ""
"""The cause recorded for a claim that is out because every reason for it is out."""

CODE_IN, CODE_OUT = 1, 2
"""Label codes kept per slot (0: not decided, read as undecided once labelling ends)."""
LABEL_OF_CODE = (UNDECIDED, IN, OUT)
CAUSE_NO_SUPPORT = -2
"""The cause kept for NO_SUPPORT (-1: no cause)."""


class Slots(Protocol):
    """What the maps read: the live ids' slots, each slot's label code and cause."""

    @property
    def ids(self) -> list[str]: ...
    @property
    def slot(self) -> dict[str, int]: ...
    @property
    def code(self) -> bytearray: ...
    @property
    def why(self) -> list[int]: ...


class LabelMap(Mapping[str, Label]):
    """Claim or link id -> its label."""

    def __init__(self, slots: Slots) -> None:
        self._slots = slots

    def __getitem__(self, item_id: str) -> Label:
        slots = self._slots
        return LABEL_OF_CODE[slots.code[slots.slot[item_id]]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots.slot)

    def __len__(self) -> int:
        return len(self._slots.slot)

    def __repr__(self) -> str:
        return f"LabelMap({dict(self)!r})"


class CauseMap(Mapping[str, str]):
    """Id of an item that is out -> the input that defeated it (NO_SUPPORT: every reason
    for it is out)."""

    def __init__(self, slots: Slots) -> None:
        self._slots = slots

    def __getitem__(self, item_id: str) -> str:
        slots = self._slots
        number = slots.slot[item_id]
        if slots.code[number] != CODE_OUT:
            raise KeyError(item_id)
        why = slots.why[number]
        return NO_SUPPORT if why == CAUSE_NO_SUPPORT else slots.ids[why]

    def __iter__(self) -> Iterator[str]:
        code = self._slots.code
        return (item for item, number in self._slots.slot.items() if code[number] == CODE_OUT)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"CauseMap({dict(self)!r})"


WORD = {IN: "stands", OUT: "defeated", UNDECIDED: "undecided"}
"""A label as exports show it beside a claim, in words a reader needs no key for."""
SENTENCE = {IN: "This claim stands.", OUT: "This claim is defeated.",
            UNDECIDED: "This claim is undecided."}
LEGEND = ("Each claim says whether it stands: it stands when every objection to it is "
          "defeated, it is defeated when an objection to it stands, and it is undecided when "
          "the objections go round in a circle that settles nothing.")
