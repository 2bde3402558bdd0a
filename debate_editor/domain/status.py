"""Which claims stand: the grounded labelling of a debate (README, "Which claims stand").

Every claim and every link is *in*, *out* or *undecided*, the least fixpoint of:

- a link is in when all its sources are in and every undercut aimed at it is out; out
  when some source is out or some undercut is in;
- a claim is in when every objection aimed at it is out; out when some objection is in;
- in the evidential reading, a claim with supporting links also needs one of them in to
  be in, and is out when all of them are out.

The labelling is computed by one worklist pass (each item looked at once, then only when
an input of it is decided), so it is linear in the debate and needs no recursion. After
an edit, `Labelling.update` re-labels only the items downstream of what the edit touched:
nothing else can change. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import Claim, Debate, Link, LinkKind


class Label(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


class Semantics(StrEnum):
    """Presumptive (grounded): a claim stands until defeated. Evidential: a claim that has
    reasons stands only while one of them stands."""

    GROUNDED = "grounded"
    EVIDENTIAL = "evidential"


IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED

NO_SUPPORT = ""
"""The cause recorded for a claim that is out because every reason for it is out."""


def sources_of(link: Link) -> tuple[str, ...]:
    """The premises of a link, which all must stand for the link to stand. Today a link has
    one source; this is the one place that changes when a link gets several."""
    return (link.source,)


class Labelling:
    """The labels of one debate, kept up to date edit by edit.

    Holds its own index of the structure (what each item depends on, what depends on it)
    so that an edit that removed a link can still be followed: the graph has forgotten it.
    """

    def __init__(
        self,
        claims: Iterable[Claim | str],
        links: Iterable[Link],
        semantics: Semantics = Semantics.GROUNDED,
    ) -> None:
        self.semantics = Semantics(semantics)
        self._evidential = self.semantics is Semantics.EVIDENTIAL
        self._claims: set[str] = {c if isinstance(c, str) else c.id for c in claims}
        self._sources: dict[str, tuple[str, ...]] = {}
        self._target: dict[str, str] = {}
        self._objection: dict[str, bool] = {}
        self._incoming: dict[str, list[str]] = {}
        """Claim or link id -> the links aimed at it (of both kinds)."""
        self._feeds: dict[str, list[str]] = {}
        """Claim id -> the links it is a source of."""
        self.labels: dict[str, Label] = {}
        self.cause: dict[str, str] = {}
        """Item that is out -> the input that defeated it (NO_SUPPORT: every reason is out)."""
        for link in links:
            self._index(link)
        self._run(None)

    @classmethod
    def of(cls, debate: Debate, semantics: Semantics = Semantics.GROUNDED) -> Labelling:
        return cls(debate.claims, debate.links, semantics)

    # ---- structure ---------------------------------------------------------------
    def _index(self, link: Link) -> None:
        lid = link.id
        sources = sources_of(link)
        target = link.target
        self._sources[lid] = sources
        self._target[lid] = target
        self._objection[lid] = link.kind is LinkKind.OBJECTION
        self._incoming.setdefault(target, []).append(lid)
        for source in sources:
            self._feeds.setdefault(source, []).append(lid)

    def _unindex(self, lid: str) -> str:
        """Forget a link's own edges (its undercuts stay under its id); returns its target."""
        target = self._target.pop(lid)
        aimed = self._incoming.get(target)
        if aimed is not None:  # None: the link it undercuts went in the same edit
            aimed.remove(lid)
        for source in self._sources.pop(lid):
            self._feeds[source].remove(lid)
        del self._objection[lid]
        return target

    def is_claim(self, item_id: str) -> bool:
        return item_id in self._claims

    def incoming(self, item_id: str) -> list[str]:
        """The links aimed at a claim or a link."""
        return self._incoming.get(item_id, [])

    def sources(self, link_id: str) -> tuple[str, ...]:
        return self._sources[link_id]

    def target(self, link_id: str) -> str:
        return self._target[link_id]

    def is_objection(self, link_id: str) -> bool:
        return self._objection[link_id]

    def _dependents(self, item_id: str) -> Iterable[str]:
        """What an item's label can change: the links it is a source of, a link's target
        when it is an objection (or, evidentially, a support)."""
        if item_id in self._claims:
            return self._feeds.get(item_id, ())
        if self._objection[item_id] or self._evidential:
            return (self._target[item_id],)
        return ()

    # ---- labelling ---------------------------------------------------------------
    def _run(self, region: set[str] | None) -> None:
        """Label `region` (None: everything) anew, everything else held as it is.

        `region` must be closed downstream (every dependent of a member is a member), so
        the labels outside it do not depend on it. First every member's counters are read
        with all members undecided; then decisions spread along the dependents, each
        member decided at most once."""
        labels = self.labels
        cause = self.cause
        claims = self._claims
        incoming = self._incoming
        objection = self._objection
        sources_of_link = self._sources
        evidential = self._evidential
        if region is None:
            labels.clear()
            cause.clear()
            claim_ids: Iterable[str] = claims
            link_ids: Iterable[str] = sources_of_link
        else:
            for item in region:
                labels.pop(item, None)
                cause.pop(item, None)
            claim_ids = [i for i in region if i in claims]
            link_ids = [i for i in region if i not in claims]
        get = labels.get
        pending: dict[str, int] = {}
        """Item -> how many of its conditions for being in are not met yet."""
        reasons_left: dict[str, int] = {}
        """Evidential: claim -> how many of its supports are not out yet."""
        supported: set[str] = set()
        """Evidential: claims one of whose supports is in (that condition met)."""
        decided: list[tuple[str, Label, str]] = []
        for cid in claim_ids:
            count = 0
            defeat: str | None = None
            supports = supports_out = 0
            has_support_in = False
            for lid in incoming.get(cid, ()):
                label = get(lid)
                if objection[lid]:
                    if label is IN:
                        defeat = lid
                    elif label is not OUT:
                        count += 1
                elif evidential:
                    supports += 1
                    if label is IN:
                        has_support_in = True
                    elif label is OUT:
                        supports_out += 1
            if supports:
                reasons_left[cid] = supports - supports_out
                if has_support_in:
                    supported.add(cid)
                else:
                    count += 1
                if supports == supports_out and defeat is None:
                    defeat = NO_SUPPORT
            pending[cid] = count
            if defeat is not None:
                decided.append((cid, OUT, defeat))
            elif count == 0:
                decided.append((cid, IN, ""))
        for lid in link_ids:
            count = 0
            defeat = None
            for source in sources_of_link[lid]:
                label = get(source)
                if label is OUT:
                    defeat = source
                elif label is not IN:
                    count += 1
            for undercut in incoming.get(lid, ()):
                label = get(undercut)
                if label is IN:
                    defeat = undercut
                elif label is not OUT:
                    count += 1
            pending[lid] = count
            if defeat is not None:
                decided.append((lid, OUT, defeat))
            elif count == 0:
                decided.append((lid, IN, ""))
        for item, label, why in decided:
            labels[item] = label
            if label is OUT:
                cause[item] = why
        self._spread([(item, label) for item, label, _ in decided], pending, reasons_left,
                     supported)
        for ids in (claim_ids, link_ids):
            for item in ids:
                if item not in labels:
                    labels[item] = UNDECIDED

    def _spread(
        self,
        stack: list[tuple[str, Label]],
        pending: dict[str, int],
        reasons_left: dict[str, int],
        supported: set[str],
    ) -> None:
        labels = self.labels
        cause = self.cause
        claims = self._claims
        feeds = self._feeds
        target_of = self._target
        objection = self._objection
        evidential = self._evidential
        while stack:
            item, label = stack.pop()
            if item in claims:
                for lid in feeds.get(item, ()):
                    if lid in labels:
                        continue
                    if label is OUT:
                        labels[lid] = OUT
                        cause[lid] = item
                        stack.append((lid, OUT))
                    else:
                        pending[lid] -= 1
                        if pending[lid] == 0:
                            labels[lid] = IN
                            stack.append((lid, IN))
                continue
            target = target_of[item]
            if target in labels:
                continue
            if objection[item]:
                if label is IN:
                    labels[target] = OUT
                    cause[target] = item
                    stack.append((target, OUT))
                    continue
                pending[target] -= 1
            elif not evidential:
                continue
            elif label is IN:
                if target in supported:
                    continue
                supported.add(target)
                pending[target] -= 1
            else:
                reasons_left[target] -= 1
                if reasons_left[target] == 0:
                    labels[target] = OUT
                    cause[target] = NO_SUPPORT
                    stack.append((target, OUT))
                continue
            if pending[target] == 0:
                labels[target] = IN
                stack.append((target, IN))

    # ---- following edits ---------------------------------------------------------
    def update(
        self, claims: Mapping[str, Claim], links: Mapping[str, Link], event: DebateChanged
    ) -> set[str]:
        """Follow one edit (`claims` and `links` as they are after it, the graph's dicts);
        re-label what lies downstream of what it touched. Returns the ids relabelled."""
        seeds: set[str] = set()
        for lid in event.removed_links:
            seeds.add(self._unindex(lid))
            self._incoming.pop(lid, None)
            self.labels.pop(lid, None)
            self.cause.pop(lid, None)
        for lid in event.changed_links:
            seeds.add(self._unindex(lid))
        for cid in event.removed_claims:
            self._claims.discard(cid)
            self._incoming.pop(cid, None)
            self._feeds.pop(cid, None)
            self.labels.pop(cid, None)
            self.cause.pop(cid, None)
        for cid in event.added_claims:
            self._claims.add(cid)
            seeds.add(cid)
        for lid in (*event.added_links, *event.changed_links):
            link = links[lid]
            self._index(link)
            seeds.add(lid)
            seeds.add(link.target)
        region = self.downstream(
            s for s in seeds if s in self._claims or s in self._target
        )
        self._run(region)
        return region

    def downstream(self, seeds: Iterable[str]) -> set[str]:
        """Everything whose label can depend on `seeds`, the seeds included."""
        region = set(seeds)
        stack = list(region)
        while stack:
            for dependent in self._dependents(stack.pop()):
                if dependent not in region:
                    region.add(dependent)
                    stack.append(dependent)
        return region

    # ---- reading -----------------------------------------------------------------
    def claim_labels(self) -> dict[str, str]:
        return {cid: self.labels[cid].value for cid in self._claims}

    def link_labels(self) -> dict[str, str]:
        return {lid: self.labels[lid].value for lid in self._target}


def evaluate(debate: Debate, semantics: Semantics = Semantics.GROUNDED) -> dict[str, object]:
    """What `debate-editor evaluate --json` prints."""
    labelling = Labelling.of(debate, semantics)
    labels = labelling.labels
    return {
        "semantics": labelling.semantics.value,
        "claims": {c.id: labels[c.id].value for c in debate.claims},
        "links": {link.id: labels[link.id].value for link in debate.links},
    }
