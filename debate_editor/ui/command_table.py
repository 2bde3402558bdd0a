"""The command table: every command of the window as data (its name, keys, menu place).

The window builds its QActions and menus from `COMMANDS`, the canvas its context menu,
and the shortcut sheet (F1) is printed from the same table, so none of them can drift
from what the keys really do. ("Command" here is an entry of this table; an undo step is
`undo_step.EditStep`, and what a view does for an entry is its `handlers()`.)

A view answers a "view" command with the handler it lists under the command's key; a
"window" command is the window's own. A command that names `views` belongs to those
views alone, and inside them its keys win over a general command's (Enter opens a reason
in the columns, where elsewhere it edits a card). `edits` marks the commands that change
the debate: their actions follow `Session.editable`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from debate_editor.ui.session import Session


@dataclass(frozen=True)
class TableCommand:
    key: str
    text: str
    """Menu text; '&' marks the mnemonic."""
    keys: tuple[str, ...] = ()
    """Portable key names (QKeySequence text) or standard keys such as 'std:Undo'."""
    menu: str = ""
    """Menu it appears in ('' for keys that have no menu entry, like the arrow keys)."""
    scope: str = "view"
    """'view': the shown view answers it while it has the focus; 'window': anywhere."""
    group: str = ""
    """Heading in the shortcut sheet."""
    tip: str = ""
    views: tuple[str, ...] = ()
    """The views that answer it (by name); empty for every view that lists a handler."""
    edits: bool = False
    """It changes the debate: off in a window that may not write its file."""
    separated: bool = False
    """A new group of its menu begins here (a separator above it)."""
    submenu: str = ""
    """A submenu (a key of `SUBMENUS`) that stands just above it (and its separator)."""


SUBMENUS = {"recent": "Open &Recent", "export_as": "Export A&s"}
"""Submenus the window fills when they open; the table says where they stand."""

ARROW_TEXTS = {"add_objection": "Object to This Arrow (Undercut)", "delete": "Delete Arrow"}
"""How the map's context menu words a command when it acts on an arrow."""


def mnemonic(text: str) -> str | None:
    """The letter a menu entry's text underlines ('&&' is a plain ampersand), lowercase."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def with_mnemonic(text: str, taken: Iterable[str]) -> str:
    """`text` underlining its first letter that none of the entries `taken` underlines:
    in a menu a letter runs its entry at once only when it is that entry's alone."""
    used = {mnemonic(entry) for entry in taken}
    for at, char in enumerate(text):
        if char.isalnum() and char.lower() not in used:
            return f"{text[:at]}&{text[at:]}"
    return text


def menu_text(key: str, *, on_arrow: bool = False) -> str:
    """A command's words for a context menu: the table's text without its mnemonic."""
    if on_arrow and key in ARROW_TEXTS:
        return ARROW_TEXTS[key]
    return BY_KEY[key].text.replace("&", "").rstrip("…")


_FILE, _EDIT, _MAP, _VIEW, _HELP = "&File", "&Edit", "&Map", "&View", "&Help"
_COLUMNS, _PRESENTING = "Pro/con columns", "Presenting"
_STATUS = "Which claims stand"
_MINE = "Your own marks"
_GROUPS = "Co-premises"
_BOTH = ("columns", "outline")
_MAP_TREES = ("canvas", "outline")
_SLIDES = ("presentation",)

_C = TableCommand  # short, for the table below

COMMANDS: tuple[TableCommand, ...] = (
    _C("new", "&New", ("std:New",), _FILE, "window", "Files"),
    _C("new_from_text", "New from &Text", ("Ctrl+Alt+N",), _FILE, "window", "Files",
            "A new debate that opens on its Argdown text: type the outline, the map "
            "follows."),
    _C("open", "&Open…", ("std:Open",), _FILE, "window", "Files"),
    _C("save_as", "Save &As…", ("std:SaveAs", "Ctrl+Shift+S"), _FILE, "window", "Files",
            "Every edit is already in the file; this moves the debate to a new one.",
            submenu="recent"),
    _C("import_new", "&Import…", ("Ctrl+I",), _FILE, "window", "Files",
            "Argdown, Kialo, AIF, JSON or a forum thread, as a new debate file.", separated=True),
    _C("import_into", "Import into This &Debate…", ("Ctrl+Shift+I",), _FILE, "window",
            "Files", "Adds another file's claims beside this map (one undo step).", edits=True),
    _C("export", "&Export…", ("Ctrl+E",), _FILE, "window", "Files",
            "PDF, PNG, SVG, Markdown, the numbered rebuttal and the other formats."),
    _C("close", "&Close Window", ("std:Close",), _FILE, "window", "Files",
            separated=True, submenu="export_as"),
    _C("your_name", "Your Na&me…", (), _FILE, "window", "Files",
            "The name your team sees beside your edits on a debate kept on a server.",
            separated=True),
    _C("quit", "&Quit", ("std:Quit", "Ctrl+Q"), _FILE, "window", "Files", separated=True),
    _C("undo", "&Undo", ("std:Undo",), _EDIT, "window", "Editing"),
    _C("redo", "&Redo", ("std:Redo", "Ctrl+Y"), _EDIT, "window", "Editing"),
    _C("cut", "Cu&t", ("std:Cut",), _EDIT, "view", "Editing",
            "Cards and the arrows between them.", edits=True, separated=True),
    _C("copy", "&Copy", ("std:Copy",), _EDIT, "view", "Editing",
            "Cards and the arrows between them; their text for other programs."),
    _C("copy_rebuttal", "Copy Re&buttal", ("Ctrl+Shift+C",), _EDIT, "window", "Editing",
            "The numbered rebuttal of the selected claim (or the first thesis), to paste "
            "into a forum."),
    _C("paste", "&Paste", ("std:Paste",), _EDIT, "view", "Editing",
            "Cards with their arrows, or text from another program as a new card.", edits=True),
    _C("delete", "&Delete", ("Del", "Backspace"), _EDIT, "view", "Editing",
            "The selected cards and arrows.", edits=True),
    _C("select_all", "Select &All", ("std:SelectAll",), _EDIT, "view", "Editing"),
    _C("add_co_premise", "Add Co-pre&mise", ("A",), _EDIT, "window", _GROUPS,
            "One more premise (\u201cand \u2026\u201d) of the selected reason: they support "
            "or object only together.", edits=True, separated=True),
    _C("split_co_premises", "Sp&lit Co-premises", ("Shift+A",), _EDIT, "window", _GROUPS,
            "The selected group becomes one reason per premise.", edits=True),
    _C("take_premise_out", "Ta&ke Premise Out", (), _EDIT, "window", _GROUPS,
            "The selected premise leaves its group and stands as a reason of its own.",
            edits=True),
    _C("find", "&Find…", ("std:Find",), _EDIT, "window", "Finding",
            "Type to filter the map; Enter jumps to the next match, Shift+Enter back.",
            separated=True),
    _C("find_next", "Find &Next", ("F3",), _EDIT, "window", "Finding"),
    _C("edit_card", "&Edit Card Text", ("F2",), _MAP, "view", "Building the map",
            "Or double-click. Esc cancels, Ctrl+Enter keeps the text (Enter starts a new "
            "line).", edits=True),
    _C("edit_row", "Edit the Selected Row", ("Return", "Enter"), "", "view",
            "Building the map", "", ("outline",), edits=True),
    _C("add_thesis", "New &Thesis", ("T", "Ctrl+T"), _MAP, "view", "Building the map",
            edits=True),
    _C("add_support", "Add &Supporting Reason", ("S", "Insert"), _MAP, "view",
            "Building the map", "A reason for the selected card.", edits=True),
    _C("add_objection", "Add &Objection", ("O",), _MAP, "view", "Building the map",
            "A reason against the selected card, or against the selected arrow (an "
            "undercut).", edits=True),
    _C("add_reason", "Add a Reason Below", ("Tab",), "", "view", "Building the map",
            "A supporting reason under the selected claim, as S does.", _MAP_TREES,
            edits=True),
    _C("add_sibling", "Add a Claim &Beside", ("Return", "Enter"), _MAP, "view",
            "Building the map", "Answers the same claim the same way (beside a thesis: a "
            "new thesis).", ("canvas",), edits=True),
    _C("toggle_link_kind", "Change Arrow &Kind", ("K",), _MAP, "view",
            "Building the map", "A selected support becomes an objection, and back.", edits=True),
    _C("cycle_claim_kind", "Change &Card Kind", ("Shift+K",), _MAP, "view",
            "Building the map", "Claim, evidence, concession, argument, thesis, in turn.",
            edits=True),
    _C("auto_layout", "&Lay Out Map", ("Ctrl+L",), _MAP, "view", "Building the map",
            "Theses on top, reasons below, supports left, objections right (one undo step).",
            edits=True, separated=True),
    _C("toggle_fold", "&Fold or Unfold Branch", ("Space",), _MAP, "view",
            "Building the map", "Everything under the selected claim folds into its card "
            "(\u201c+12\u201d); click the badge to unfold. The outline folds with it.",
            _MAP_TREES, separated=True),
    _C("move_reason_up", "Move Reason &Up", ("Ctrl+Up",), _MAP, "view",
            "Building the map", "Earlier among the pros (or cons) of what it answers; this "
            "order is the numbering of every export.", _BOTH, edits=True, separated=True),
    _C("move_reason_down", "Move Reason &Down", ("Ctrl+Down",), _MAP, "view",
            "Building the map", "Later among the pros (or cons) of what it answers.", _BOTH,
            edits=True),
    _C("mark_accepted", "Mark &Accepted", ("Alt+A",), _MAP, "window", _MINE,
            "Your own verdict on the selected claims (again: take it off). It never "
            "changes which claims stand; Where They Part lists where it disagrees.",
       edits=True, separated=True),
    _C("mark_rejected", "Mark &Rejected", ("Alt+R",), _MAP, "window", _MINE, edits=True),
    _C("mark_unsure", "Mark U&nsure", ("Alt+U",), _MAP, "window", _MINE, edits=True),
    _C("mark_strong", "Reason Is Stron&g", ("Alt+S",), _MAP, "window", _MINE,
            "Your weight of the selected arrows, or of the links by which the selected "
            "claims answer (again: take it off).", edits=True),
    _C("mark_weak", "Reason Is &Weak", ("Alt+W",), _MAP, "window", _MINE, edits=True),
    _C("mark_no_bearing", "Reason &Has No Bearing", ("Alt+N",), _MAP, "window", _MINE,
       edits=True),
    _C("select_up", "Select What It Answers", ("Up",), "", "view", "Moving around"),
    _C("select_down", "Select Its First Reason", ("Down",), "", "view", "Moving around"),
    _C("select_left", "Select the Sibling Before", ("Left",), "", "view", "Moving around"),
    _C("select_right", "Select the Sibling After", ("Right",), "", "view",
            "Moving around"),
    _C("zoom_in", "Zoom &In", ("Ctrl++", "Ctrl+="), _VIEW, "view", "Moving around",
            "Ctrl+wheel zooms at the mouse.", separated=True),
    _C("zoom_out", "Zoom &Out", ("Ctrl+-",), _VIEW, "view", "Moving around"),
    _C("zoom_fit", "&Fit Map to Window", ("Ctrl+0",), _VIEW, "view", "Moving around"),
    _C("zoom_actual", "&Actual Size", ("Ctrl+1",), _VIEW, "view", "Moving around"),
    _C("go_map", "Go to the &Map", ("Alt+1",), _VIEW, "window", "Views", separated=True),
    _C("go_columns", "Go to the Pro/Con &Columns", ("Alt+2",), _VIEW, "window", "Views",
            "Shows the columns if they are hidden."),
    _C("go_outline", "Go to the Ou&tline", ("Alt+3",), _VIEW, "window", "Views",
            "Shows the outline if it is hidden."),
    _C("go_inspector", "Go to the I&nspector", ("Alt+4",), _VIEW, "window", "Views",
            "The selected claim's kind, text, note, source and tags, the selected arrow's "
            "kind, or (nothing selected) the debate's title and description."),
    _C("go_argdown", "Go to the Argdown Te&xt", ("Alt+7",), _VIEW, "window", "Views",
            "The whole debate as Argdown text, kept in step with the map both ways: type "
            "in it and the map follows; edit the map and the text follows."),
    _C("go_why", "Go to &Why", ("Alt+5",), _VIEW, "window", _STATUS,
            "Why the selected claim or arrow stands, is defeated or is undecided; click "
            "what it names to select it."),
    _C("go_open_points", "Go to Op&en Points", ("Alt+6",), _VIEW, "window", _STATUS,
            "The objections still standing against a thesis or a reason for it."),
    _C("toggle_status", "Show Status Mar&ks", ("Ctrl+Shift+M",), _VIEW, "window", _STATUS,
            "A tick (stands), a cross (defeated) or a question mark (undecided) on each "
            "card, row, column entry and slide.", separated=True),
    _C("reading_grounded", "&Grounded Reading", (), _VIEW, "window", _STATUS,
            "A claim stands until an objection that stands defeats it (kept per file)."),
    _C("reading_evidential", "E&vidential Reading", (), _VIEW, "window", _STATUS,
            "A claim with reasons stands only while one of them stands (kept per file)."),
    _C("present", "&Present", ("F5",), _VIEW, "window", _PRESENTING,
            "Full screen, from the first thesis, in reading order.", separated=True),
    _C("present_here", "Present from the &Selected Claim", ("Shift+F5",), _VIEW,
            "window", _PRESENTING),
    _C("next_slide", "Next Step", ("Right", "Space", "PgDown", "Down"), "", "view",
            _PRESENTING, "Or click. An objection appears one step after another.", _SLIDES),
    _C("previous_slide", "Previous Step", ("Left", "PgUp", "Up"), "", "view",
            _PRESENTING, "", _SLIDES),
    _C("first_slide", "First Step", ("Home",), "", "view", _PRESENTING, "", _SLIDES),
    _C("last_slide", "Last Step", ("End",), "", "view", _PRESENTING, "", _SLIDES),
    _C("toggle_slide_map", "Card or Map", ("M",), "", "view", _PRESENTING,
            "The claim with its pros and cons, or the map zoomed to it.", _SLIDES),
    _C("toggle_slide_theme", "Light or Dark", ("D",), "", "view", _PRESENTING,
            "For the room: dark for a bright projector in a dim room.", _SLIDES),
    _C("leave_presentation", "Leave the Presentation", ("Esc",), "", "view",
            _PRESENTING, "Back to where you were.", _SLIDES),
    _C("open_reason", "Open the Selected Reason", ("Return", "Enter"), "", "view",
            _COLUMNS, "Or click it: it moves to the top with its own pros and cons.",
            ("columns",)),
    _C("back_up", "Back Up", ("Backspace", "Alt+Up"), "", "view", _COLUMNS,
            "To the claim it answers (or click the trail above).", ("columns",)),
    _C("shortcuts", "&Keyboard and Mouse…", ("F1",), _HELP, "window", "Help"),
    _C("about", "&About Debate Editor", (), _HELP, "window", "Help", separated=True),
)

BY_KEY = {command.key: command for command in COMMANDS}
EDITING_COMMANDS = frozenset(command.key for command in COMMANDS if command.edits)
"""The commands that change the debate, as the table marks them."""

MOUSE: tuple[tuple[str, str], ...] = (
    ("Click a card or an arrow", "select it (Ctrl+click adds to the selection)"),
    ("Double-click a card", "edit its text in place"),
    ("Drag a card", "move it, with every selected card (one undo step)"),
    ("Drag from a card's edge onto another card", "the first card supports the second"),
    ("… holding Shift when you let go", "the first card objects to the second"),
    ("Drag from a card's edge onto an arrow", "the card objects to that arrow (an undercut)"),
    ("Drag a card onto another holding Alt", "link it there (Shift too: an objection)"),
    ("Click the +N of a folded card", "unfold its branch"),
    ("Drag the background", "pan the map (or use the scroll wheel; Shift+wheel sideways)"),
    ("Shift+drag the background", "select the cards inside the rectangle"),
    ("Ctrl+wheel", "zoom at the mouse"),
    ("Right-click a card or an arrow", "its commands (kind, delete, …)"),
    ("Drop a .debate file on the window", "open it"),
    ("Click a reason in the pro/con columns", "open it: it goes on top with its own reasons"),
    ("Drag a reason up or down its column", "put it there (the numbering of every export)"),
    ("Drag an outline row onto a claim", "move it under that claim (one undo step)"),
    ("… just above or below a row", "put it among that row's siblings, there"),
    ("Click during a presentation", "the next step (right-click: the one before)"),
)

VIEW_NAMES = {"canvas": "map", "columns": "columns", "outline": "outline",
              "presentation": "presenting"}


def key_sequences(command: TableCommand) -> list[QKeySequence]:
    result: list[QKeySequence] = []
    for name in command.keys:
        if name.startswith("std:"):
            standard = getattr(QKeySequence.StandardKey, name[4:])
            result.extend(QKeySequence.keyBindings(standard))
        else:
            result.append(QKeySequence(name))
    unique: list[QKeySequence] = []
    for seq in result:
        if not seq.isEmpty() and seq not in unique:
            unique.append(seq)
    return unique


def build_actions(
    owner: QObject, handlers: Mapping[str, Callable[[], object]]
) -> dict[str, QAction]:
    """One QAction per command, wired to its handler."""
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        action = QAction(command.text, owner)
        action.setObjectName(f"action_{command.key}")
        action.setShortcuts(key_sequences(command))
        if command.scope == "view":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if command.tip:
            action.setStatusTip(command.tip)
            action.setToolTip(command.tip)
        handler = handlers[command.key]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[command.key] = action
    return actions


def follow_editable(session: Session, actions: Mapping[str, QAction]) -> None:
    """Keep the actions of the commands that change the debate (`edits`) enabled exactly
    while the session is editable: their keys do nothing and their menu entries grey."""
    editing = [action for key, action in actions.items() if BY_KEY[key].edits]

    def follow(editable: bool) -> None:
        for action in editing:
            action.setEnabled(editable)

    follow(session.editable)
    session.editable_changed.connect(follow)


def sheet_rows() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The shortcut sheet: (heading, [(what, keys, note)]) in table order."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for command in COMMANDS:
        keys = ", ".join(
            seq.toString(QKeySequence.SequenceFormat.NativeText)
            for seq in key_sequences(command)
        )
        what = command.text.replace("&", "").rstrip("…")
        if command.views and command.group not in (_COLUMNS, _PRESENTING):
            what += f" ({', '.join(VIEW_NAMES.get(v, v) for v in command.views)})"
        groups.setdefault(command.group, []).append((what, keys or "—", command.tip))
    return list(groups.items())
