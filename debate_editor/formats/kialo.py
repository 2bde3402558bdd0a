"""Kialo's discussion export (the .txt a Kialo discussion downloads as), in and out.

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: Banned ideas go underground \\(and grow\\).
    1.2. Pro: -> See 1.1.1.

Each entry is a number path, then (below the top) "Pro:" or "Con:", then the claim's
text with Kialo's Markdown escapes (a backslash before punctuation, such as `\\(`).
`-> See 1.1.1.` is the claim at 1.1.1 placed under a second parent: one claim, two links.
A line without a number continues the text of the entry above it. Entries may be
separated by blank lines. Several top-level entries ("1.", "2.", …) become several
theses; an entry marked "Thesis:" below a top-level question is a thesis of its own,
and a question that holds only theses becomes the debate's description.

Writing follows each claim's links in their stored order (Kialo mixes pros and cons), so
Kialo text read and written again is the same text. Kialo has no undercuts: an
objection to an arrow is written as a "Con:" of the reason whose arrow it attacks
(left out where that reason would then answer itself or be answered twice by one claim).
Kialo has no co-premises either: a group is written as one claim that states its premises
together ("A; and B"), which reads back as that one claim.
Kinds other than thesis, notes, tags, titles and positions are not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from debate_editor.domain.errors import ImportFormatError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import numbered_ids
from debate_editor.domain.model import (
    Claim,
    ClaimKind,
    Debate,
    DebateInfo,
    Link,
    LinkKind,
    has_text,
)
from debate_editor.formats._common import (
    MAX_DIGITS,
    build_debate,
    lean,
    no_text_message,
    together,
    too_many_digits,
)
from debate_editor.formats.registry import ExportOptions, Format, add_sniffer, register

HEADER = "Discussion Title:"
_ENTRY = re.compile(r"((?:\d+\.)+)(?:[ \t]+|$)")
_STANCE = re.compile(r"(Pro|Con|Thesis):(?:[ \t]+|$)")
_ALMOST_ENTRY = re.compile(r"((?:\d+\.)*\d+)[ \t]+(?:Pro|Con|Thesis):")
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)+)[ \t]*$")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
_MARKER_START = re.compile(r"^(->|(?:Pro|Con|Thesis):)")
_PLAIN_SPECIAL = re.compile(r"([\\()\[\]])")


def unescape(text: str) -> str:
    """Kialo's Markdown escapes undone: a backslash before ASCII punctuation."""
    return _ESCAPED.sub(r"\1", text)


@dataclass
class _Entry:
    path: tuple[int, ...]
    line: int
    stance: str  # "Pro", "Con", "Thesis" or "" (top level)
    text: str = ""
    see: tuple[int, ...] | None = None
    see_column: int = 0
    blank_before: int = 0
    lines: list[str] = field(default_factory=list)


def _label(path: tuple[int, ...]) -> str:
    return "".join(f"{part}." for part in path)


def _parse_path(numbers: str, line: int, column: int) -> tuple[int, ...]:
    parts = numbers.rstrip(".").split(".")
    if max(map(len, parts)) > MAX_DIGITS:  # map, not a generator: deep paths are long
        raise ImportFormatError(too_many_digits("this claim number"), line=line, column=column)
    return tuple(map(int, parts))


def _entries(text: str) -> tuple[str, list[_Entry]]:
    lines = text.splitlines()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines) or not lines[index].strip().startswith(HEADER):
        raise ImportFormatError(
            f"a Kialo export starts with “{HEADER} …”", line=min(index + 1, max(len(lines), 1))
        )
    title = unescape(lines[index].strip()[len(HEADER):].strip())
    entries: list[_Entry] = []
    blanks = 0
    for number, raw in enumerate(lines[index + 1 :], index + 2):
        line = raw.rstrip()
        if not line.strip():
            blanks += 1
            continue
        match = _ENTRY.match(line)
        if match is None:
            if not entries:
                raise ImportFormatError(
                    "expected a numbered claim such as “1. …” here", line=number, column=1
                )
            almost = _ALMOST_ENTRY.match(line)
            if almost:
                raise ImportFormatError(
                    f"a claim number ends with a dot: “{almost.group(1)}.”",
                    line=number, column=almost.end(1) + 1,
                )
            entry = entries[-1]
            if entry.see is not None:
                raise ImportFormatError(
                    "a “-> See …” entry has no text of its own to continue", line=number
                )
            entry.lines.extend([""] * (blanks if entry.lines else 0))
            entry.lines.append(line)
            blanks = 0
            continue
        blanks = 0
        path = _parse_path(match.group(1), number, 1)
        rest_at = match.end()
        stance_match = _STANCE.match(line, rest_at)
        stance = ""
        if stance_match:
            stance = stance_match.group(1)
            rest_at = stance_match.end()
        elif len(path) > 1:
            raise ImportFormatError(
                f"expected “Pro:” or “Con:” after {match.group(1)}",
                line=number, column=rest_at + 1,
            )
        entry = _Entry(path, number, stance)
        see = _SEE.match(line, rest_at)
        if see:
            entry.see = _parse_path(see.group(1), number, see.start(1) + 1)
            entry.see_column = see.start(1) + 1
        else:
            entry.lines.append(line[rest_at:])
        entries.append(entry)
    if not entries:
        raise ImportFormatError("the discussion has no claims (no line “1. …”)",
                                line=len(lines))
    for entry in entries:
        if entry.see is None:
            entry.text = unescape("\n".join(entry.lines)).strip()
            if not has_text(entry.text):
                raise ImportFormatError(no_text_message(f"claim {_label(entry.path)}"),
                                        line=entry.line)
    return title, entries


class _Reader:
    def __init__(self, text: str) -> None:
        self.title, self.entries = _entries(text)
        self.by_path: dict[tuple[int, ...], _Entry] = {}
        self.claim_of: dict[tuple[int, ...], str] = {}
        self.claims: list[Claim] = []
        self.links: list[Link] = []
        self.pairs: set[tuple[str, str]] = set()
        self.description = ""
        self.questions: set[tuple[int, ...]] = set()

    def _index(self) -> None:
        for entry in self.entries:
            if entry.path in self.by_path:
                raise ImportFormatError(f"{_label(entry.path)} appears twice", line=entry.line)
            parent = entry.path[:-1]
            if parent and parent not in self.by_path:
                raise ImportFormatError(
                    f"{_label(entry.path)} has no entry {_label(parent)} above it",
                    line=entry.line,
                )
            self.by_path[entry.path] = entry
        self.questions = self._question_roots()
        claim_ids = numbered_ids("c")
        for entry in self.entries:
            if entry.see is None and entry.path not in self.questions:
                self.claim_of[entry.path] = next(claim_ids)

    def _resolve(self, path: tuple[int, ...]) -> str:
        """The claim an entry stands for, following “-> See” references."""
        entry = self.by_path[path]
        trail: set[tuple[int, ...]] = set()
        while entry.see is not None:
            trail.add(entry.path)
            target = self.by_path.get(entry.see)
            if target is None:
                raise ImportFormatError(
                    f"“-> See {_label(entry.see)}” points at no entry",
                    line=entry.line, column=entry.see_column,
                )
            if target.path in trail or target.path in self.questions:
                raise ImportFormatError(
                    f"“-> See {_label(entry.see)}” does not lead to a claim",
                    line=entry.line, column=entry.see_column,
                )
            entry = target
        return self.claim_of[entry.path]

    def _question_roots(self) -> set[tuple[int, ...]]:
        """Top-level entries that hold only theses: questions, not claims."""
        stances: dict[tuple[int, ...], set[str]] = {}
        for entry in self.entries:
            if len(entry.path) == 2:
                stances.setdefault(entry.path[:1], set()).add(entry.stance)
        return {
            path for path, kinds in stances.items()
            if kinds == {"Thesis"} and self.by_path[path].see is None
        }

    def read(self) -> Debate:
        self._index()
        questions = self.questions
        link_ids = numbered_ids("l")
        order: dict[str, int] = {}
        theses = 0
        for entry in self.entries:
            if entry.path in questions:
                if entry.text != self.title:
                    self.description = entry.text
                continue
            claim_id = self._resolve(entry.path)
            is_root = len(entry.path) == 1 or entry.stance == "Thesis"
            if entry.see is None:
                kind = ClaimKind.THESIS if is_root else ClaimKind.CLAIM
                self.claims.append(lean(Claim, id=claim_id, text=entry.text, kind=kind,
                                        order=theses if is_root else 0))
                theses += is_root
            if is_root:
                continue
            parent = self._resolve(entry.path[:-1])
            if parent == claim_id:
                raise ImportFormatError(f"{_label(entry.path)} answers itself", line=entry.line)
            if (claim_id, parent) in self.pairs:
                raise ImportFormatError(
                    f"{_label(entry.path)} answers {_label(entry.path[:-1])} a second time",
                    line=entry.line,
                )
            self.pairs.add((claim_id, parent))
            link_kind = LinkKind.SUPPORT if entry.stance == "Pro" else LinkKind.OBJECTION
            self.links.append(lean(Link, id=next(link_ids), sources=(claim_id,), to_claim=parent,
                                   kind=link_kind, order=order.get(parent, 0)))
            order[parent] = order.get(parent, 0) + 1
        info = DebateInfo(title=self.title or "Untitled debate", description=self.description)
        return build_debate(info, self.claims, self.links)


def read_kialo(text: str) -> Debate:
    return _Reader(text).read()


# ---- writing -------------------------------------------------------------------------
def _escape_plain(text: str) -> str:
    return _PLAIN_SPECIAL.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Claim text in Kialo's Markdown: brackets, parentheses and backslashes escaped,
    except where they make a link `[label](address)`."""
    out: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        out.append(_escape_plain(text[position : match.start()]))
        label = match.group(1).replace("\\", "\\\\")
        out.append(f"[{label}]({_escape_plain(match.group(2))})")
        position = match.end()
    out.append(_escape_plain(text[position:]))
    return "".join(out)


def _entry_text(text: str) -> str:
    """The text of an entry: escaped, with what would read as a marker at its start, or
    as a new numbered entry at the start of a further line, escaped too."""
    lines = escape(text.strip()).splitlines()
    first = lines[0].strip() if lines else ""
    first = _MARKER_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], first)
    rest = [re.sub(r"^(\d+)\.", r"\1\\.", line.rstrip()) for line in lines[1:]]
    return "\n".join([first, *rest])


class _KialoWriter:
    def __init__(self, debate: Debate) -> None:
        self.graph = DebateGraph.of(debate)
        self.number: dict[str, str] = {}
        self.out: list[str] = []
        self.undercut_pairs: set[tuple[str, str]] = set()
        self.joined: set[str] = set()  # premises written inside a group's entry

    def claim(self, label: str, claim_id: str) -> None:
        """A top-level claim and everything under it, depth first. A stack, not
        recursion, so that a chain thousands deep is written like a short one."""
        stack: list[tuple[str, Link]] = []
        self._entry(label, claim_id, "", None, stack)
        while stack:
            label, link = stack.pop()
            stance = "Pro" if link.kind is LinkKind.SUPPORT and not link.is_undercut else "Con"
            if link.is_group:
                self._group(label, f"{stance}: ", link, stack)
                continue
            source = link.source
            if source in self.number:
                # The claim stands here a second time; what attacks this arrow stands under it.
                self.out.append(f"{label} {stance}: -> See {self.number[source]}")
                self._push(stack, label, self._undercuts(source, link))
                continue
            self._entry(label, source, f"{stance}: ", link, stack)

    def _entry(self, label: str, claim_id: str, prefix: str, arrow: Link | None,
               stack: list[tuple[str, Link]]) -> None:
        self.number[claim_id] = label
        self.out.append(f"{label} {prefix}{_entry_text(self.graph.claims[claim_id].text)}")
        answers = self.graph.incoming(claim_id)
        if arrow is not None:
            answers += self._undercuts(claim_id, arrow)
        self._push(stack, label, answers)

    def _group(self, label: str, prefix: str, link: Link, stack: list[tuple[str, Link]]) -> None:
        """Kialo has no co-premises: a group is one entry stating its premises together
        ("A; and B"), under it the answers of each premise not written before and the
        undercuts of the group's arrow, each claim once. A premise is not numbered (a
        "See" to it would name the joined claim); it is only kept from becoming a thesis
        of its own."""
        texts = [self.graph.claims[source].text for source in link.sources]
        self.out.append(f"{label} {prefix}{_entry_text(together(texts, ';'))}")
        fresh = [s for s in link.sources if s not in self.number and s not in self.joined]
        self.joined.update(link.sources)
        answers: list[Link] = []
        taken: set[str] = set()  # Kialo: one claim answers an entry once
        for answer in [a for s in fresh for a in self.graph.incoming(s)] + \
                self.graph.incoming(link.id):
            if answer.is_group or answer.source not in taken:
                taken.update(answer.sources if not answer.is_group else ())
                answers.append(answer)
        self._push(stack, label, answers)

    @staticmethod
    def _push(stack: list[tuple[str, Link]], label: str, links: list[Link]) -> None:
        stack.extend((f"{label}{index}.", link)
                     for index, link in reversed(list(enumerate(links, 1))))

    def _undercuts(self, claim_id: str, arrow: Link) -> list[Link]:
        """The undercuts of `arrow`, to be written as cons of its reason `claim_id`: all
        but those that would make the reason answer itself or be answered twice by one
        claim (Kialo cannot say that; they are left out)."""
        taken = {link.source for link in self.graph.incoming(claim_id)} | {claim_id}
        result = []
        for link in self.graph.incoming(arrow.id):
            if link.is_group:  # one new claim in Kialo: it answers nothing twice
                result.append(link)
                continue
            pair = (link.source, claim_id)
            if link.source not in taken and pair not in self.undercut_pairs:
                self.undercut_pairs.add(pair)
                result.append(link)
        return result

    def write(self, debate: Debate) -> str:
        title = " ".join(debate.info.title.split()) or "Untitled debate"
        self.out += [f"{HEADER} {escape(title)}", ""]
        roots = 0
        for claim in self.graph.reading_order():
            if claim.id not in self.number and claim.id not in self.joined:
                roots += 1
                self.claim(f"{roots}.", claim.id)
        return "\n".join(self.out) + "\n"


def write_kialo(debate: Debate, options: ExportOptions) -> str:
    return _KialoWriter(debate).write(debate)


def sniff(path: Path, text: str) -> str | None:
    return "kialo" if text.lstrip().startswith(HEADER) else None


register(Format("kialo", "Kialo discussion text", (".txt",), read=read_kialo, write=write_kialo))
add_sniffer(sniff)
