"""Thread text: a forum post and a reply of the form "I think …, but: 1. … 2. …".

Each non-blank line is a paragraph. The reply's numbered points start at the last line
that begins with "1." (or, on one line with the lead, after "…: 1."); the line before
them is the reply's lead line, and everything above it is the post. A text that holds the
same thread more than once (copied from a forum page: the reply inline, then one point
per line) is read once, with a warning.

* The post's first paragraph is the thesis. A first paragraph that ends with a colon
  and is followed by another is a lead-in: it is kept as the thesis's note (its context)
  and the next paragraph is the thesis.
* Every further paragraph of the post is a reason: a support of the thesis. Where the
  text marks several reasons in one paragraph, each is a claim of its own: a sentence
  that begins "I think" or "Also" starts a new reason, and a numbered or bulleted line
  ("2. …", "- …", "* …", "• …") is one reason without its mark.
* The reply's lead line is the concession, kept verbatim (a claim of kind concession
  supporting the thesis), so that the rebuttal export gives it back.
* Each numbered point is an objection. The thread does not say which reason a point
  answers, so every point is attached to the thesis; the rebuttal export then numbers
  them in the same order.

Points are numbered 1, 2, 3, … in order, one per line or several on one line; each line
after the first point must start with the next number. Anything else is refused with
the line (and column) where it goes wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from debate_editor.domain.errors import ImportFormatError
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
from debate_editor.formats._common import build_debate, no_text_message, title_from
from debate_editor.formats.imported import Imported, warning_at
from debate_editor.formats.registry import Format, add_sniffer, register

_FIRST_POINT_AT_START = re.compile(r"1[.)](?:\s|$)")
_FIRST_POINT_AFTER_COLON = re.compile(r":\s+(1[.)](?:\s|$))")
_NUMBERED = re.compile(r"\d+[.)](?:\s|$)")
_LIST_MARK = re.compile(r"(?:\d+[.)]|[-*•‣◦])\s+(?=\S)")
_NEW_REASON = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=(?:I think|Also)\b)")


@dataclass(frozen=True)
class _Line:
    number: int
    indent: int
    text: str


@dataclass(frozen=True)
class Thread:
    """What the text says, before it becomes claims."""

    lead_in: str
    thesis: str
    reasons: tuple[str, ...]
    concession: str
    points: tuple[str, ...]


def _paragraphs(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        indent = len(raw) - len(raw.lstrip())
        if not has_text(stripped):  # a NUL, or text after one: nothing a claim keeps
            raise ImportFormatError(no_text_message("this line"), line=number,
                                    column=indent + 1)
        lines.append(_Line(number, indent, stripped))
    return lines


_POINT = re.compile(r"(\d+)[.)](?:\s|$)")
_NEXT_POINT = re.compile(r"\s(\d+)[.)](?:\s|$)")
"""A numbered point, at a line's start or after a space; one pattern for every number
(a pattern per number would be compiled anew for each point of a long reply)."""


def _is_point(match: re.Match[str] | None, number: int) -> bool:
    return match is not None and match.group(1) == str(number)


def _split_points(lines: list[_Line], first_col: int) -> list[str]:
    """The numbered points of the reply, from the lines that hold them."""
    found: list[str] = []
    expected = 1
    for index, line in enumerate(lines):
        text = line.text
        start = first_col if index == 0 else 0
        if not _is_point(_POINT.match(text, start), expected):
            got = re.match(r"(\d+)[.)](?:\s|$)", text)
            what = f"point {got.group(1)}" if got else "text that is not a numbered point"
            raise ImportFormatError(
                f"expected point {expected} of the reply (“{expected}. …”), found {what}; "
                "every line after the first point must start with the next number",
                line=line.number, column=line.indent + start + 1,
            )
        position = start
        while True:
            match = _POINT.match(text, position)
            assert match is not None
            body_start = match.end()
            following = next((m for m in _NEXT_POINT.finditer(text, body_start)
                              if _is_point(m, expected + 1)), None)
            body_end = following.start() if following else len(text)
            body = text[body_start:body_end].strip()
            if not has_text(body):
                raise ImportFormatError(
                    f"point {expected} of the reply has no text",
                    line=line.number, column=line.indent + position + 1,
                )
            found.append(body)
            expected += 1
            if following is None:
                break
            position = following.start() + 1
    return found


def _folded(lines: list[_Line]) -> str:
    return " ".join(" ".join(line.text for line in lines).split())


def _read_once(lines: list[_Line], warnings: list[str]) -> list[_Line]:
    """The first copy of a thread the text holds several times over (each copy starting
    with the post's first line again, the same words, however the lines are broken)."""
    if not lines:
        return lines
    first = " ".join(lines[0].text.split())
    starts = [i for i, line in enumerate(lines) if i and " ".join(line.text.split()) == first]
    bounds = [0, *starts, len(lines)]
    copies = [lines[a:b] for a, b in pairwise(bounds)]
    if len(copies) < 2 or len({_folded(copy) for copy in copies}) != 1:
        return lines
    times = "twice" if len(copies) == 2 else f"{len(copies)} times"
    warnings.append(warning_at(
        f"the text holds the same thread {times} (this line starts it again, the same "
        f"words as from line {lines[0].number}); it is read once", copies[1][0].number))
    return copies[0]


def _reply_start(lines: list[_Line]) -> tuple[int, int] | None:
    """Where the reply's points begin: the index of their first line and the column of
    "1." in it (0 at the line's start, more after "…:" on the lead line); the last such
    line, so that numbered lines in the post stay the post's."""
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text
        if _FIRST_POINT_AT_START.match(text):
            return index, 0
        inline = None if _NUMBERED.match(text) else _FIRST_POINT_AFTER_COLON.search(text)
        if inline:
            return index, inline.start(1)
    return None


def _reasons(paragraphs: list[str]) -> tuple[str, ...]:
    """One reason per mark the text gives: a numbered or bulleted line (without its
    mark), a sentence beginning "I think" or "Also" within a paragraph."""
    found: list[str] = []
    for paragraph in paragraphs:
        mark = _LIST_MARK.match(paragraph)
        if mark:
            paragraph = paragraph[mark.end():]
        found.extend(part.strip() for part in _NEW_REASON.split(paragraph) if part.strip())
    return tuple(found)


def parse_thread(text: str, warnings: list[str] | None = None) -> Thread:
    """What the thread says; a repeated copy is left out, said in `warnings`."""
    lines = _read_once(_paragraphs(text), [] if warnings is None else warnings)
    start = _reply_start(lines)
    if start is not None:
        index, first_col = start
        lead_at, point_lines = (index - 1 if first_col == 0 else index), lines[index:]
    else:
        last = lines[-1].number if lines else 1
        raise ImportFormatError(
            "found no reply with numbered points (a line “I think …, but:” followed by "
            "“1. …”)", line=last,
        )
    first = point_lines[0]
    if first_col:
        concession = first.text[:first_col].strip()
        post = lines[:lead_at]
        if not has_text(concession):
            raise ImportFormatError(no_text_message("the reply's lead line"),
                                    line=first.number, column=first.indent + 1)
    else:
        if lead_at < 0:
            raise ImportFormatError(
                "the numbered points need the reply's lead line (“I think …, but:”) "
                "before them", line=first.number,
            )
        concession = lines[lead_at].text
        post = lines[:lead_at]
    if not post:
        raise ImportFormatError(
            "the reply needs a post above it: the post's first paragraph is the thesis",
            line=(lines[lead_at] if lead_at >= 0 else first).number,
        )
    points = _split_points(point_lines, first_col)
    paragraphs = [line.text for line in post]
    lead_in = ""
    if len(paragraphs) >= 2 and paragraphs[0].endswith(":"):
        lead_in = paragraphs.pop(0)
    return Thread(lead_in, paragraphs[0], _reasons(paragraphs[1:]), concession, tuple(points))


def thread_debate(thread: Thread) -> Debate:
    claim_ids = numbered_ids("c")
    link_ids = numbered_ids("l")
    thesis = Claim(id=next(claim_ids), text=thread.thesis, kind=ClaimKind.THESIS,
                   note=thread.lead_in)
    claims = [thesis]
    links: list[Link] = []

    def answer(text: str, kind: ClaimKind, link_kind: LinkKind) -> None:
        claim = Claim(id=next(claim_ids), text=text, kind=kind)
        claims.append(claim)
        links.append(Link(id=next(link_ids), sources=(claim.id,), to_claim=thesis.id,
                          kind=link_kind, order=len(links)))

    answer(thread.concession, ClaimKind.CONCESSION, LinkKind.SUPPORT)
    for reason in thread.reasons:
        answer(reason, ClaimKind.CLAIM, LinkKind.SUPPORT)
    for point in thread.points:
        answer(point, ClaimKind.CLAIM, LinkKind.OBJECTION)
    return build_debate(DebateInfo(title=title_from(thread.thesis)), claims, links)


def read_thread(text: str) -> Debate:
    return import_thread(text).debate


def import_thread(text: str) -> Imported:
    warnings: list[str] = []
    debate = thread_debate(parse_thread(text, warnings))
    return Imported(debate, tuple(warnings))


def sniff(path: Path, text: str) -> str | None:
    """Plain .txt files are threads, unless they are Kialo exports."""
    if path.suffix.lower() != ".txt":
        return None
    if text.lstrip().startswith("Discussion Title:"):
        return None
    return "thread"


register(Format("thread", "Thread text (post and numbered reply)", (".txt",), read=read_thread,
                read_report=import_thread))
add_sniffer(sniff)
