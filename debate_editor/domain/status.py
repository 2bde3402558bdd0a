"""Which claims stand: the grounded labelling of a debate (README, "Which claims stand").

Every claim and every link is *in*, *out* or *undecided*, the least fixpoint of:

- a link is in when all its sources are in and every undercut aimed at it is out; out
  when some source is out or some undercut is in;
- a claim is in when every objection aimed at it is out; out when some objection is in;
- in the evidential reading, a claim with supporting links also needs one of them in to
  be in, and is out when all of them are out.

The labelling is computed by one worklist pass (each item looked at once, then only when
an input of it is decided), so it is linear in the debate and needs no recursion. It runs
on the slot numbers of `status_index` (lists of integers, no model objects touched).
After an edit, `Labelling.update` re-labels only the items downstream of what the edit
touched: nothing else can change. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from debate_editor.domain.collector import gc_paused
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import Claim, Debate, Link
from debate_editor.domain.status_index import (
    CLAIM,
    GONE,
    OBJECTION,
    SUPPORT,
    DebateIndex,
    sources_of,
)
from debate_editor.domain.status_labels import (
    CAUSE_NO_SUPPORT,
    CODE_IN,
    CODE_OUT,
    IN,
    LABEL_OF_CODE,
    NO_SUPPORT,
    OUT,
    UNDECIDED,
    CauseMap,
    Label,
    LabelMap,
)

__all__ = ["IN", "NO_SUPPORT", "OUT", "UNDECIDED", "Label", "Labelling", "Semantics",
           "evaluate", "sources_of"]


class Semantics(StrEnum):
    """Presumptive (grounded): a claim stands until defeated. Evidential: a claim that has
    reasons stands only while one of them stands."""

    GROUNDED = "grounded"
    EVIDENTIAL = "evidential"


class Labelling:
    """The labels of one debate, kept up to date edit by edit.

    `labels` (id -> Label) and `cause` (id of an out item -> the input that defeated it,
    NO_SUPPORT when every reason for it is out) are read-only maps for readers over the
    lists, indexed by slot, that the labelling itself runs on."""

    def __init__(
        self,
        claims: Iterable[Claim | str],
        links: Iterable[Link],
        semantics: Semantics = Semantics.GROUNDED,
    ) -> None:
        self.semantics = Semantics(semantics)
        self._evidential = self.semantics is Semantics.EVIDENTIAL
        self.labels: Mapping[str, Label] = LabelMap(self)
        self.cause: Mapping[str, str] = CauseMap(self)
        self._rebuild(claims, links)

    @classmethod
    def of(cls, debate: Debate, semantics: Semantics = Semantics.GROUNDED) -> Labelling:
        return cls(debate.claims, debate.links, semantics)

    def _rebuild(self, claims: Iterable[Claim | str], links: Iterable[Link]) -> None:
        with gc_paused():  # the slot lists are many new lists, none of them garbage
            self._build(claims, links)

    def _build(self, claims: Iterable[Claim | str], links: Iterable[Link]) -> None:
        self._index = DebateIndex(claims, links)
        count = len(self._index)
        self._code = bytearray(count)
        self._why: list[int] = [-1] * count
        self._run_all()

    # ---- what the maps read --------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        return self._index.ids

    @property
    def slot(self) -> dict[str, int]:
        return self._index.slot

    @property
    def code(self) -> bytearray:
        return self._code

    @property
    def why(self) -> list[int]:
        return self._why

    # ---- structure, by id ----------------------------------------------------------
    def is_claim(self, item_id: str) -> bool:
        number = self._index.slot.get(item_id)
        return number is not None and self._index.kind[number] == CLAIM

    def incoming(self, item_id: str) -> list[str]:
        """The links aimed at a claim or a link."""
        ids = self._index.ids
        return [ids[n] for n in self._index.incoming[self._index.slot[item_id]]]

    def sources(self, link_id: str) -> tuple[str, ...]:
        ids = self._index.ids
        return tuple(ids[n] for n in self._index.sources[self._index.slot[link_id]])

    def target(self, link_id: str) -> str:
        return self._index.ids[self._index.target[self._index.slot[link_id]]]

    def is_objection(self, link_id: str) -> bool:
        return self._index.kind[self._index.slot[link_id]] == OBJECTION

    def downstream(self, seeds: Iterable[str]) -> set[str]:
        """Everything whose label can depend on `seeds`, the seeds included."""
        index = self._index
        ids = index.ids
        region = index.downstream((index.slot[s] for s in seeds), self._evidential)
        return {ids[n] for n in region}

    # ---- labelling -----------------------------------------------------------------
    def _run_all(self) -> None:
        """Label every slot: count each one's unmet conditions, then spread decisions."""
        index = self._index
        kind = index.kind
        count = len(kind)
        pending = [0] * count
        """Slot -> how many of its conditions for being in are not met yet."""
        reasons = [0] * count
        """Evidential: claim slot -> how many of its supports are not out yet."""
        target = index.target
        sources = index.sources
        evidential = self._evidential
        for number in range(count):
            k = kind[number]
            if k == CLAIM:
                continue
            pending[number] += len(sources[number])
            if k == OBJECTION:
                pending[target[number]] += 1
            elif evidential:
                reasons[target[number]] += 1
        if evidential:
            for number in range(count):
                if reasons[number]:
                    pending[number] += 1
        code = self._code
        stack = [number for number in range(count) if not pending[number]]
        for number in stack:
            code[number] = CODE_IN
        self._spread(stack, pending, reasons, set())

    def _run(self, region: set[int]) -> None:
        """Label `region` anew, everything else held as it is. `region` must be closed
        downstream (every dependent of a member is a member)."""
        index = self._index
        code = self._code
        why = self._why
        for number in region:
            code[number] = 0
            why[number] = -1
        kind = index.kind
        incoming = index.incoming
        sources = index.sources
        evidential = self._evidential
        pending: dict[int, int] = {}  # only the region's: an edit touches few slots
        reasons: dict[int, int] = {}
        supported: set[int] = set()
        stack: list[int] = []
        for number in region:
            unmet = 0
            defeat = -1
            if kind[number] == CLAIM:
                supports = supports_out = 0
                has_support_in = False
                for link in incoming[number]:
                    label = code[link]
                    if kind[link] == OBJECTION:
                        if label == CODE_IN:
                            defeat = link
                        elif label != CODE_OUT:
                            unmet += 1
                    elif evidential:
                        supports += 1
                        if label == CODE_IN:
                            has_support_in = True
                        elif label == CODE_OUT:
                            supports_out += 1
                if supports:
                    reasons[number] = supports - supports_out
                    if has_support_in:
                        supported.add(number)
                    else:
                        unmet += 1
                    if supports == supports_out and defeat == -1:
                        defeat = CAUSE_NO_SUPPORT
            else:
                for premise in sources[number]:
                    label = code[premise]
                    if label == CODE_OUT:
                        defeat = premise
                    elif label != CODE_IN:
                        unmet += 1
                for undercut in incoming[number]:
                    label = code[undercut]
                    if label == CODE_IN:
                        defeat = undercut
                    elif label != CODE_OUT:
                        unmet += 1
            pending[number] = unmet
            if defeat != -1:
                stack.append(number)
                why[number] = defeat
            elif unmet == 0:
                stack.append(number)
        for number in stack:
            code[number] = CODE_OUT if why[number] != -1 else CODE_IN
        self._spread(stack, pending, reasons, supported)

    def _spread(
        self,
        stack: list[int],
        pending: list[int] | dict[int, int],
        reasons: list[int] | dict[int, int],
        supported: set[int],
    ) -> None:
        """Follow decided slots to their dependents until nothing more can be decided.
        `supported`: evidential claims one of whose supports is in (that condition met)."""
        index = self._index
        code = self._code
        why = self._why
        kind = index.kind
        feeds = index.feeds
        target = index.target
        evidential = self._evidential
        push = stack.append
        pop = stack.pop
        while stack:
            item = pop()
            label = code[item]
            k = kind[item]
            if k == CLAIM:
                for link in feeds[item]:
                    if code[link]:
                        continue
                    if label == CODE_OUT:
                        code[link] = CODE_OUT
                        why[link] = item
                        push(link)
                    else:
                        pending[link] -= 1
                        if not pending[link]:
                            code[link] = CODE_IN
                            push(link)
                continue
            aimed = target[item]
            if code[aimed]:
                continue
            if k == OBJECTION:
                if label == CODE_IN:
                    code[aimed] = CODE_OUT
                    why[aimed] = item
                    push(aimed)
                    continue
            elif not evidential:
                continue
            elif label == CODE_IN:
                if aimed in supported:
                    continue
                supported.add(aimed)
            else:
                reasons[aimed] -= 1
                if not reasons[aimed]:
                    code[aimed] = CODE_OUT
                    why[aimed] = CAUSE_NO_SUPPORT
                    push(aimed)
                continue
            pending[aimed] -= 1
            if not pending[aimed]:
                code[aimed] = CODE_IN
                push(aimed)

    # ---- following edits -----------------------------------------------------------
    def update(
        self, claims: Mapping[str, Claim], links: Mapping[str, Link], event: DebateChanged
    ) -> set[str]:
        """Follow one edit (`claims` and `links` as they are after it, the graph's dicts);
        re-label what lies downstream of what it touched. Returns the ids relabelled."""
        index = self._index
        slot = index.slot
        seeds: set[int] = set()
        for lid in event.removed_links:
            seeds.add(index.unlink(slot[lid]))
            index.remove(lid)
        for lid in event.changed_links:
            number = slot[lid]
            seeds.add(index.unlink(number))
            seeds.add(number)
        for cid in event.removed_claims:
            index.remove(cid)
        if index.gone > max(1024, len(slot)):
            self._rebuild(claims.values(), links.values())  # renumber: drop the gone slots
            return set(self.labels)
        for cid in event.added_claims:
            seeds.add(index.add_claim(cid))
        for lid in event.changed_links:
            index.link_to(slot[lid], links[lid])
        added = [(index.add_link_slot(links[lid]), links[lid]) for lid in event.added_links]
        for number, link in added:  # after all slots exist: undercuts of each other
            index.link_to(number, link)
            seeds.add(number)
        code = self._code
        grown = len(index) - len(code)
        code.extend(bytes(grown))
        self._why.extend([-1] * grown)
        kind = index.kind
        live = [n for n in seeds if n >= 0 and kind[n] != GONE]
        live.extend([index.target[n] for n in live if kind[n] != CLAIM])  # its new target
        region = index.downstream(live, self._evidential)
        self._run(region)
        ids = index.ids
        return {ids[number] for number in region}

    # ---- reading -------------------------------------------------------------------
    def claim_labels(self) -> dict[str, str]:
        kind = self._index.kind
        code = self._code
        return {cid: LABEL_OF_CODE[code[n]].value for cid, n in self._index.slot.items()
                if kind[n] == CLAIM}

    def link_labels(self) -> dict[str, str]:
        kind = self._index.kind
        code = self._code
        return {lid: LABEL_OF_CODE[code[n]].value for lid, n in self._index.slot.items()
                if kind[n] in (OBJECTION, SUPPORT)}


def evaluate(debate: Debate, semantics: Semantics = Semantics.GROUNDED) -> dict[str, object]:
    """What `debate-editor evaluate --json` prints."""
    labelling = Labelling.of(debate, semantics)
    labels = labelling.labels
    return {
        "semantics": labelling.semantics.value,
        "claims": {c.id: labels[c.id].value for c in debate.claims},
        "links": {link.id: labels[link.id].value for link in debate.links},
    }
