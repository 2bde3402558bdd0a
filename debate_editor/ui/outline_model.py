"""The outline as a Qt item model: theses, and under each claim its pros, its cons and
the objections to the link it stands by, nested as deep as the debate goes.

A claim under several parents shows under each (the same claim: one edit changes every
row of it). Rows are made when the view first asks for them, and a `DebateChanged`
event touches only the rows it names: rows are inserted, removed, moved and refreshed
one by one, never the whole model reset, so a 10,000-claim debate stays quick.
Circular reasoning shows the claim again, marked, with nothing below it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from debate_editor.domain.events import DebateChanged
from debate_editor.domain.groups import premises_text
from debate_editor.domain.ids import id_key
from debate_editor.domain.marks import mine
from debate_editor.domain.model import Link, LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.outline_roots import closes_circle, has_circle, top_level
from debate_editor.ui.plain_text import plain_tip

ClaimRole = Qt.ItemDataRole.UserRole + 1
LinkRole = Qt.ItemDataRole.UserRole + 2
SignRole = Qt.ItemDataRole.UserRole + 3
"""'thesis', 'support', 'objection' or 'undercut': how the row stands under its parent."""
ElsewhereRole = Qt.ItemDataRole.UserRole + 4
"""How many other claims this claim also answers (it shows under each)."""
CircularRole = Qt.ItemDataRole.UserRole + 5
KindRole = Qt.ItemDataRole.UserRole + 6
MarksRole = Qt.ItemDataRole.UserRole + 7
"""The user's own marks on the claim and on the link it stands under here, in words."""

AnyIndex = QModelIndex | QPersistentModelIndex


class OutlineNode:
    """One row: a claim as it stands under one parent (by one link)."""

    __slots__ = ("children", "claim_id", "link_id", "parent")

    def __init__(self, parent: OutlineNode | None, claim_id: str, link_id: str | None) -> None:
        self.parent = parent
        self.claim_id = claim_id
        self.link_id = link_id
        self.children: list[OutlineNode] | None = None
        """None until someone asks for them."""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.link_id, self.claim_id)

    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None and node.parent is not None:
            depth, node = depth + 1, node.parent
        return depth

    def circular(self) -> bool:
        """The claim stands above itself here: shown, marked, not opened again."""
        node = self.parent
        while node is not None and node.parent is not None:
            if node.claim_id == self.claim_id:
                return True
            node = node.parent
        return False


class OutlineModel(QAbstractItemModel):
    def __init__(self, document: DebateDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.root = OutlineNode(None, "", None)
        self._by_claim: dict[str, set[OutlineNode]] = {}
        self._by_link: dict[str, set[OutlineNode]] = {}
        self._ends: dict[str, tuple[str, str, bool]] = {
            link.id: _ends(link) for link in document.graph.links.values()}
        self._faces: dict[str, tuple[object, ...]] = {}
        self._acyclic = not has_circle(self.document.graph)
        """Without circular reasoning every claim stands under a thesis, and the top
        level is the theses: kept up to date from each event, cheaply."""
        self.root.children = [self._make(self.root, cid, None) for cid in self.top_level()]

    # ---- the tree's shape, from the graph -------------------------------------------
    def top_level(self) -> list[str]:
        """The theses in their order; then one claim of each circle no thesis reaches."""
        return top_level(self.document.graph, acyclic=self._acyclic)

    def child_specs(self, node: OutlineNode) -> list[tuple[str | None, str]]:
        """(link, claim) of each row under `node`: pros, cons, then objections to the
        link it stands by."""
        if node is self.root:
            return [(None, cid) for cid in self.top_level()]
        if node.circular():
            return []
        graph = self.document.graph
        links: list[Link] = []
        for premise in self._premises(node):  # a group's row: the reasons of each premise
            incoming = graph.incoming(premise)
            links += [lk for lk in incoming if lk.kind is LinkKind.SUPPORT]
            links += [lk for lk in incoming if lk.kind is LinkKind.OBJECTION]
        if node.link_id is not None and node.link_id in graph.links:
            links += graph.incoming(node.link_id)
        return [(link.id, link.source) for link in links]

    def _premises(self, node: OutlineNode) -> tuple[str, ...]:
        """The claims a row stands for: its own, or every premise of its group."""
        link = self.document.graph.links.get(node.link_id or "")
        return link.sources if link is not None and link.is_group else (node.claim_id,)

    def _make(self, parent: OutlineNode, claim_id: str, link_id: str | None) -> OutlineNode:
        node = OutlineNode(parent, claim_id, link_id)
        self._by_claim.setdefault(claim_id, set()).add(node)
        if link_id is not None:
            self._by_link.setdefault(link_id, set()).add(node)
        if claim_id not in self._faces:
            self._faces[claim_id] = _face(self.document, claim_id)
        return node

    def _forget(self, node: OutlineNode) -> None:
        pending = [node]
        while pending:
            gone = pending.pop()
            nodes = self._by_claim.get(gone.claim_id)
            if nodes is not None:
                nodes.discard(gone)
                if not nodes:
                    del self._by_claim[gone.claim_id]
                    self._faces.pop(gone.claim_id, None)
            if gone.link_id is not None and gone.link_id in self._by_link:
                self._by_link[gone.link_id].discard(gone)
                if not self._by_link[gone.link_id]:
                    del self._by_link[gone.link_id]
            gone.parent = None
            pending.extend(gone.children or ())

    def is_alive(self, node: OutlineNode) -> bool:
        return node is self.root or node in self._by_claim.get(node.claim_id, ())

    def children_of(self, node: OutlineNode) -> list[OutlineNode]:
        if node.children is None:
            node.children = [self._make(node, cid, lid) for lid, cid in self.child_specs(node)]
        return node.children

    # ---- what Qt asks ---------------------------------------------------------------
    def node(self, index: AnyIndex) -> OutlineNode:
        return index.internalPointer() if index.isValid() else self.root

    def index_of(self, node: OutlineNode) -> QModelIndex:
        if node is self.root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node)  # type: ignore[union-attr]  # a shown row's siblings are loaded

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        children = self.children_of(self.node(parent))
        return self.createIndex(row, 0, children[row]) if row < len(children) else QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # also QObject.parent()  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self.index_of(self.node(index).parent or self.root)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.column() > 0:
            return 0
        return len(self.children_of(self.node(parent)))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        node = self.node(parent)
        if node.children is not None:
            return bool(node.children)
        if node.circular():
            return False
        graph = self.document.graph
        return bool(any(graph.incoming(premise) for premise in self._premises(node))
                    or (node.link_id is not None and graph.incoming(node.link_id)))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self.node(index)
        graph = self.document.graph
        claim = graph.claims.get(node.claim_id)
        if claim is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            link = graph.links.get(node.link_id or "")
            return premises_text(graph, link) if link is not None and link.is_group \
                else claim.text
        if role == Qt.ItemDataRole.EditRole:  # a group's row edits its first premise
            return claim.text
        if role == ClaimRole:
            return node.claim_id
        if role == LinkRole:
            return node.link_id
        if role == KindRole:
            return claim.kind
        if role == SignRole:
            link = graph.links.get(node.link_id or "")
            if link is None:
                return "thesis"
            return "undercut" if link.is_undercut else link.kind.value
        if role == ElsewhereRole:
            return max(0, len(graph.outgoing(node.claim_id)) - (node.link_id is not None))
        if role == CircularRole:
            return node.circular()
        if role == MarksRole:
            return mine(claim, graph.links.get(node.link_id or ""))
        if role == Qt.ItemDataRole.ToolTipRole:
            together = self._premises(node)[1:]
            text = claim.text if not together else claim.text + "\n\nOnly together with:\n" \
                + "\n".join("• " + graph.claims[c].text[:80] for c in together)
            return plain_tip(self._tip(node, text))
        return None

    def _tip(self, node: OutlineNode, text: str) -> str:
        graph = self.document.graph
        others = [link for link in graph.outgoing(node.claim_id) if link.id != node.link_id]
        if not others:
            return text
        where = []
        for link in others:
            target = link.to_claim or graph.arrow_target(link)
            where.append("• " + " ".join(graph.claims[target].text.split())[:80])
        return text + "\n\nThe same claim also stands under:\n" + "\n".join(where)

    # ---- following the document --------------------------------------------------------
    def apply_event(self, event: DebateChanged) -> None:
        graph = self.document.graph
        resync: list[OutlineNode] = []
        refresh: set[str] = set()
        moved = bool(event.added_claims or event.removed_claims)
        for link_id in sorted(event.removed_links | event.changed_links, key=id_key):
            ends = self._ends.pop(link_id, None)
            if ends is not None:
                resync.extend(self._showing(ends[1], ends[2]))
                refresh.add(ends[0])
                link = graph.links.get(link_id)
                moved = moved or link is None or _ends(link) != ends
        for link_id in sorted(event.added_links | event.changed_links, key=id_key):
            link = graph.links.get(link_id)
            if link is not None:
                moved = moved or link_id in event.added_links
                self._ends[link_id] = _ends(link)
                resync.extend(self._showing(link.target, link.is_undercut))
                refresh.add(link.source)
                if self._acyclic and closes_circle(graph, link):
                    self._acyclic = False
        for link_id in event.changed_links:  # premises joined or left: the group's reasons
            resync.extend(self._by_link.get(link_id, ()))
        if not self._acyclic and (event.removed_links or event.changed_links):
            self._acyclic = not has_circle(self.document.graph)
        top = {node.claim_id for node in self.root.children or ()}
        if moved:
            resync.append(self.root)  # theses come and go with links
        for claim_id in event.changed_claims - event.moved_claims:  # no row shows a place
            face = _face(self.document, claim_id)
            if claim_id in self._faces and face != self._faces[claim_id]:
                if claim_id in top and face[0] != self._faces[claim_id][0]:
                    resync.append(self.root)  # a thesis's place among the theses
                self._faces[claim_id] = face
                refresh.add(claim_id)
            elif claim_id not in self._faces:
                refresh.add(claim_id)  # a later premise: shown on its group's rows
        resync.sort(key=lambda n: -1 if n is self.root else n.depth())  # parents first
        done: set[int] = set()
        for node in resync:
            if id(node) not in done and self.is_alive(node):
                done.add(id(node))
                self._sync(node)
        for claim_id in refresh:
            for node in self._group_rows(claim_id):
                index = self.index_of(node)
                self.dataChanged.emit(index, index)
            for node in list(self._by_claim.get(claim_id, ())):
                index = self.index_of(node)
                self.dataChanged.emit(index, index)
        for link_id in event.changed_links:
            for node in list(self._by_link.get(link_id, ())):
                index = self.index_of(node)
                self.dataChanged.emit(index, index)

    def _showing(self, target: str, is_link: bool) -> list[OutlineNode]:
        """The rows whose children include the reasons of `target` (a claim or a link)."""
        found = self._by_link.get(target, set()) if is_link else self._by_claim.get(target, set())
        rows = [] if is_link else self._group_rows(target)
        return sorted([*found, *rows], key=lambda n: n.depth())

    def _group_rows(self, claim_id: str) -> list[OutlineNode]:
        """The rows of the groups `claim_id` is a later premise of (they show it too)."""
        graph = self.document.graph
        if claim_id not in graph.claims:
            return []
        return [node for link in graph.outgoing_unsorted(claim_id)
                if link.is_group and link.source != claim_id
                for node in self._by_link.get(link.id, ())]

    def _sync(self, node: OutlineNode) -> None:
        """Make `node`'s rows match the graph: remove, move and insert one by one."""
        if node.children is None:
            node.children = []
        children = node.children
        specs = self.child_specs(node)
        parent = self.index_of(node)
        wanted = set(specs)
        for row in range(len(children) - 1, -1, -1):
            if children[row].key not in wanted:
                self.beginRemoveRows(parent, row, row)
                gone = children.pop(row)
                self._forget(gone)
                self.endRemoveRows()
        for row, key in enumerate(specs):
            if row < len(children) and children[row].key == key:
                continue
            found = next((r for r in range(row + 1, len(children)) if children[r].key == key),
                         None)
            if found is not None:
                self.beginMoveRows(parent, found, found, parent, row)
                children.insert(row, children.pop(found))
                self.endMoveRows()
            else:
                self.beginInsertRows(parent, row, row)
                children.insert(row, self._make(node, key[1], key[0]))
                self.endInsertRows()

    # ---- finding rows ----------------------------------------------------------------
    def nodes_of(self, claim_id: str) -> list[OutlineNode]:
        """The rows made so far that show `claim_id`, top first."""
        return sorted(self._by_claim.get(claim_id, ()), key=lambda n: n.depth())

    def find_path(self, steps: list[tuple[str, str | None]]) -> OutlineNode | None:
        """The row reached by a trail of (claim, link) from a top-level claim down."""
        if not steps:
            return None
        node = next((n for n in self.children_of(self.root) if n.claim_id == steps[0][0]),
                    None)
        for claim_id, link_id in steps[1:]:
            if node is None:
                return None
            node = next((n for n in self.children_of(node)
                         if n.link_id == link_id and n.claim_id == claim_id), None)
        return node


def _ends(link: Link) -> tuple[str, str, bool]:
    return (link.source, link.target, link.is_undercut)


def _face(document: DebateDocument, claim_id: str) -> tuple[object, ...]:
    """What a row shows of a claim (and a thesis's order among the theses)."""
    claim = document.graph.claims.get(claim_id)
    if claim is None:
        return ()
    return (claim.order, claim.text, claim.kind)
