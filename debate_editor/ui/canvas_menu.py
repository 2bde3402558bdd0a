"""The map's context menu: a card's, an arrow's or the background's commands.

Its entries are the command table's (their words from `command_table.menu_text`) and do
what the canvas does for those commands; on a debate that may not be changed it offers
only what leaves the debate as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QMenu, QWidget

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.ui.command_table import menu_text
from debate_editor.ui.map_items import ClaimCard, LinkArrow

CARD = ("edit_card", "add_support", "add_sibling", "add_objection", "toggle_fold")
BACKGROUND = ("add_thesis", "auto_layout", "zoom_fit")
READ_ONLY = ("zoom_fit",)


def context_menu(
    parent: QWidget,
    item: object,
    handlers: Mapping[str, Callable[[], object]],
    *,
    editable: bool,
    card_kind: ClaimKind | None = None,
    set_kind: Callable[[ClaimKind], object] | None = None,
) -> QMenu:
    """The menu for `item` (a card, an arrow, or None for the background)."""
    menu = QMenu(parent)

    def add(key: str, *, on_arrow: bool = False) -> None:
        menu.addAction(menu_text(key, on_arrow=on_arrow), handlers[key])

    if not editable:
        if isinstance(item, ClaimCard):
            add("toggle_fold")  # folding changes how the map looks, not the debate
        for key in READ_ONLY:
            add(key)
    elif isinstance(item, ClaimCard):
        for key in CARD:
            add(key)
        kinds = menu.addMenu("Kind")
        for kind in ClaimKind:
            action = kinds.addAction(kind.value.capitalize())
            action.setCheckable(True)
            action.setChecked(card_kind is kind)
            if set_kind is not None:
                action.triggered.connect(lambda _c=False, k=kind: set_kind(k))
        menu.addSeparator()
        add("delete")
    elif isinstance(item, LinkArrow):
        if not item.link.is_undercut:
            other = "an Objection" if item.kind is LinkKind.SUPPORT else "a Support"
            menu.addAction(f"Make It {other}", handlers["toggle_link_kind"])
        add("add_objection", on_arrow=True)
        menu.addSeparator()
        add("delete", on_arrow=True)
    else:
        for key in BACKGROUND:
            add(key)
    return menu
