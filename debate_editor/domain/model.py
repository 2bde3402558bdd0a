"""The debate itself: claims joined by support and objection links.

These models are plain data (pydantic, frozen). The open document keeps them in
memory and in the `.debate` file; the text formats build and read them; the views
draw them. Nothing here knows about Qt or SQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def utc_now() -> datetime:
    """Now in UTC, to the millisecond, so a timestamp compares equal after a round trip."""
    now = datetime.now(UTC)
    return now.replace(microsecond=(now.microsecond // 1000) * 1000)


def has_text(value: str) -> bool:
    """Whether a claim's text says something. What follows a NUL character does not count:
    SQLite's own functions stop there, and so does the file's check of every row."""
    return bool(value.split("\x00", 1)[0].strip())


class ClaimKind(StrEnum):
    """What role a claim plays; a label for people, not a rule of the graph."""

    THESIS = "thesis"
    CLAIM = "claim"
    EVIDENCE = "evidence"
    CONCESSION = "concession"
    ARGUMENT = "argument"


class LinkKind(StrEnum):
    """A support is a reason for its target; an objection a reason against it."""

    SUPPORT = "support"
    OBJECTION = "objection"


class Mark(StrEnum):
    """A person's own verdict on a claim, as Rationale's evaluation has it; "" unmarked."""

    UNMARKED = ""
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNSURE = "unsure"


class Strength(StrEnum):
    """A person's own weight of a reason: how strongly its premises bear on its target
    ("none": not at all); "" unmarked."""

    UNMARKED = ""
    STRONG = "strong"
    WEAK = "weak"
    NONE = "none"


_FROZEN = ConfigDict(frozen=True, extra="forbid", validate_default=True)

# What the .debate file can hold: SQLite stores a 64-bit integer, and a position that is
# not a finite number would come back as nothing (SQLite and JSON turn NaN into NULL).
# A map's drawing measures itself in Qt's 32-bit integers: 1e308 made it infinitely wide.
_ORDER = Field(default=0, ge=-(2**63), le=2**63 - 1)
POSITION_LIMIT = 100_000_000.0
_POSITION = Field(default=None, allow_inf_nan=False, ge=-POSITION_LIMIT, le=POSITION_LIMIT)


class Claim(BaseModel):
    """One card of the map.

    `order` places a thesis among the theses; the order of a reason among the
    reasons of its target lives on the link, since one claim may stand under several
    parents in different places.
    """

    model_config = _FROZEN

    id: str = Field(min_length=1, max_length=200)
    text: str
    kind: ClaimKind = ClaimKind.CLAIM
    title: str = ""
    note: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    x: float | None = _POSITION
    y: float | None = _POSITION
    order: int = _ORDER
    mark: Mark = Field(default=Mark.UNMARKED,
                       description="The user's own evaluation (README, \"Your own marks\").")
    argument_structure: str = Field(
        default="",
        description=(
            "An argument's premise-conclusion structure in Argdown notation, kept so that "
            "an imported argument is exported with its premises rather than dropped."
        ),
    )

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not has_text(value):
            raise ValueError("a claim needs some text")
        return value

    @field_validator("tags")
    @classmethod
    def _tags_clean(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        seen: list[str] = []
        for tag in value:
            tag = tag.strip()
            if tag and tag not in seen:
                seen.append(tag)
        return tuple(seen)

    @property
    def position(self) -> tuple[float, float] | None:
        if self.x is None or self.y is None:
            return None
        return (self.x, self.y)


PairKey = tuple[tuple[str, ...], str]
"""A reason's premises (sorted) and its target: a group of premises answers a target once."""


class Link(BaseModel):
    """An arrow from its premises to a claim, or (an undercut) to another link.

    A link has one or more premises (`sources`, in order): all of them together support or
    object to the target, as Rationale's co-premises, AIF's linked RA node or Argdown's
    premise-conclusion structure do (README, "Co-premises"). A link of one premise is the
    plain reason of schema 1; files and formats of before still say `source`, one id.
    """

    model_config = _FROZEN

    id: str = Field(min_length=1, max_length=200)
    sources: tuple[str, ...] = Field(min_length=1, max_length=1000)
    to_claim: str | None = None
    to_link: str | None = None
    kind: LinkKind = LinkKind.SUPPORT
    order: int = _ORDER
    strength: Strength = Field(default=Strength.UNMARKED,
                               description="The user's own weight of this reason.")

    @model_validator(mode="before")
    @classmethod
    def _one_source_of_before(cls, data: object) -> object:
        """`source="c1"`, as schema 1 and every single-premise caller write it."""
        if isinstance(data, dict) and "source" in data:
            data = dict(data)
            source = data.pop("source")
            if "sources" in data:
                raise ValueError("a link names its premises as source or as sources, not both")
            data["sources"] = (source,)
        return data

    @model_validator(mode="after")
    def _one_target(self) -> Link:
        if (self.to_claim is None) == (self.to_link is None):
            raise ValueError(f"link {self.id} must point at exactly one claim or one link")
        if self.to_link is not None and self.kind is not LinkKind.OBJECTION:
            raise ValueError(
                f"link {self.id}: only an objection can point at another link (an undercut)"
            )
        return self

    @property
    def source(self) -> str:
        """The first premise: the whole reason when it has one, the lead of a group."""
        return self.sources[0]

    @property
    def is_group(self) -> bool:
        """Whether this reason is several premises that hold only together."""
        return len(self.sources) > 1

    @property
    def pair(self) -> PairKey:
        return (tuple(sorted(self.sources)), self.target)

    @property
    def target(self) -> str:
        """The id of what this link points at (a claim id, or a link id for an undercut)."""
        if self.to_claim is not None:
            return self.to_claim
        return self.to_link  # type: ignore[return-value]  # _one_target sets exactly one

    @property
    def is_undercut(self) -> bool:
        return self.to_link is not None


class DebateInfo(BaseModel):
    """What the debate says about itself, apart from its claims and links."""

    model_config = _FROZEN

    title: str = "Untitled debate"
    description: str = ""
    created: datetime = Field(default_factory=utc_now)
    modified: datetime = Field(default_factory=utc_now)

    @field_validator("created", "modified")
    @classmethod
    def _has_a_utc_time(cls, value: datetime) -> datetime:
        """A date with an offset must have a time in UTC, which the exports write
        (9999-12-31 at 23:59 at -23:59 is past the last year a date can hold)."""
        if value.tzinfo is not None:
            try:
                value.astimezone(UTC)
            except OverflowError:
                raise ValueError("the date lies outside the years 1 to 9999 in UTC") from None
        return value


class Debate(BaseModel):
    """A whole debate: the unit that formats read and write and that the file holds.

    Building one checks it (see `domain.validation`), so an importer that hands over a
    `Debate` has handed over something every view can show.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = Field(
        default=2,
        description="Version of this JSON shape: 2 gives a link its premises as `sources`, a "
        "list; version 1, one `source`, is still read.",
    )
    info: DebateInfo = Field(default_factory=DebateInfo)
    claims: tuple[Claim, ...] = ()
    links: tuple[Link, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Debate:
        from debate_editor.domain.validation import check_debate

        check_debate(self.claims, self.links)
        return self

    def claim(self, claim_id: str) -> Claim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def link_counts(self) -> dict[str, int]:
        """Links by kind, with undercuts (objections to a link) counted on their own."""
        counts = {"support": 0, "objection": 0, "undercut": 0}
        for link in self.links:
            if link.is_undercut:
                counts["undercut"] += 1
            else:
                counts[link.kind.value] += 1
        return counts

    def without_timestamps(self) -> Debate:
        """The same debate with fixed timestamps, for comparing content."""
        epoch = datetime(2000, 1, 1, tzinfo=UTC)
        info = self.info.model_copy(update={"created": epoch, "modified": epoch})
        return self.model_copy(update={"info": info})
