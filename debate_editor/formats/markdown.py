"""Markdown: the debate as a document people read (export only).

    # Title

    Description.

    ## The thesis

    The thesis's note (its context), if any.

    - **Concession:** …
    - **Pro:** a reason
      - **Pro:** a reason for that reason
      1. **Con:** an objection to it
      2. **Undercut:** that it does not support the thesis
    1. **Con:** an objection to the thesis

Reasons for a claim are a bullet list under it, objections a numbered list after them;
an undercut stands in the numbered list of the reason whose arrow it attacks. A claim
read before (it stands under several parents) is written again with "(see above)" and
without its reasons. A co-premise group is one item, its premises named together in
their order ("**Pro:** A, and B"), with the answers of each premise under it. Every
claim text is escaped so that it stays text: `*`, `_`, `#`, `[`, `<`, `` ` ``, `|`, a
leading `1.` or `-` and a trailing backslash mean nothing to a Markdown reader. Leading
and trailing spaces of a line, blank lines inside a text and a NUL character (which
CommonMark replaces) do not survive; line breaks become hard line breaks (a heading
joins its lines with spaces).

With `--status` every claim says whether it stands, by the grounded labelling of the
whole debate (README, "Which claims stand"): a line under the title explains the words,
each thesis has "*This claim stands.*" (or "is defeated", "is undecided") under its
heading, and each answer its word in its label: "**Con (defeated):** …".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.graph_under import debate_under
from debate_editor.domain.model import Claim, ClaimKind, Debate, Link, LinkKind
from debate_editor.domain.status import Label, Labelling
from debate_editor.domain.status_labels import LEGEND, SENTENCE, WORD
from debate_editor.formats._common import together
from debate_editor.formats.registry import ExportOptions, Format, register

_SPECIAL = re.compile(r"([\\`*_\[\]<#|~&])")
_LIST_OR_BLOCK_START = re.compile(r"^([-+=>])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")


def escape_line(line: str) -> str:
    """One line of text, escaped so that a CommonMark reader shows exactly these
    characters (leading and trailing spaces aside)."""
    line = line.strip()
    line = _SPECIAL.sub(r"\\\1", line)
    line = _LIST_OR_BLOCK_START.sub(r"\\\1", line)
    return _ORDERED_START.sub(r"\1\\\2", line)


def inline(text: str, indent: str = "") -> str:
    """Claim text as inline Markdown: lines joined by hard line breaks, continuation
    lines indented to stay inside their list item."""
    lines = [escape_line(line) for line in text.splitlines() if line.strip()]
    return ("\\\n" + indent).join(lines)


def heading_text(text: str) -> str:
    return " ".join(escape_line(line) for line in text.splitlines() if line.strip())


class _Writer:
    def __init__(self, debate: Debate, labels: Mapping[str, Label] | None = None) -> None:
        self.graph = DebateGraph.of(debate)
        self.out: list[str] = []
        self.seen: set[str] = set()
        self.labels = labels

    def label(self, link: Link, claim: Claim) -> str:
        if link.is_undercut:
            name = "Undercut"
        elif link.kind is LinkKind.OBJECTION:
            name = "Con"
        else:
            name = "Concession" if claim.kind is ClaimKind.CONCESSION else "Pro"
        if self.labels is None:
            return name
        # A group stands or falls as one reason: its link's label (README, "Which claims stand").
        return f"{name} ({WORD[self.labels[link.id if link.is_group else claim.id]]})"

    def answers(self, claim_id: str, indent: str, arrow: Link | None) -> None:
        """The claim's answers, depth first: its pros as bullets, then its cons and the
        undercuts of the arrow that brought it here as a numbered list. A co-premise group
        is one item naming its premises together ("A, and B"), followed by the answers of
        each premise not read before. A stack, not recursion, so that a chain thousands
        deep is written like a short one."""
        stack: list[tuple[str, str, Link]] = []
        self._push(stack, (claim_id,), indent, arrow)
        while stack:
            marker, indent, link = stack.pop()
            premises = [self.graph.claims[source] for source in link.sources]
            inner = indent + " " * (len(marker) + 1)
            words = together([claim.text for claim in premises])
            text = f"**{self.label(link, premises[0])}:** {inline(words, inner)}"
            fresh = tuple(claim.id for claim in premises if claim.id not in self.seen)
            if not fresh:
                self.out.append(f"{indent}{marker} {text} *(see above)*")
                continue
            self.out.append(f"{indent}{marker} {text}")
            self._push(stack, fresh, inner, link)

    def _push(self, stack: list[tuple[str, str, Link]], claim_ids: tuple[str, ...],
              indent: str, arrow: Link | None) -> None:
        self.seen.update(claim_ids)
        incoming = [link for claim_id in claim_ids for link in self.graph.incoming(claim_id)]
        pros = [link for link in incoming if link.kind is LinkKind.SUPPORT]
        cons = [link for link in incoming if link.kind is LinkKind.OBJECTION]
        if arrow is not None:
            cons += self.graph.incoming(arrow.id)
        items = [("-", link) for link in pros]
        items += [(f"{number}.", link) for number, link in enumerate(cons, 1)]
        stack.extend((marker, indent, link) for marker, link in reversed(items))

    def root(self, claim: Claim) -> None:
        self.out += ["", f"## {heading_text(claim.text)}"]
        if claim.note.strip():
            self.out += ["", inline(claim.note)]
        if self.labels is not None:
            self.out += ["", f"*{SENTENCE[self.labels[claim.id]]}*"]
        if self.graph.incoming(claim.id):
            self.out.append("")
        self.answers(claim.id, "", None)

    def write(self, debate: Debate) -> str:
        self.out.append(f"# {heading_text(debate.info.title) or 'Untitled debate'}")
        if debate.info.description.strip():
            self.out += ["", inline(debate.info.description)]
        if self.labels is not None:
            self.out += ["", f"*{LEGEND}*"]
        for claim in self.graph.reading_order():
            if claim.id not in self.seen:
                self.root(claim)
        return "\n".join(self.out) + "\n"


def write_markdown(debate: Debate, options: ExportOptions) -> str:
    labels = Labelling.of(debate).labels if options.status else None  # of the whole debate
    if options.claim is not None:
        debate = debate_under(debate, options.claim)
    return _Writer(debate, labels).write(debate)


register(Format("markdown", "Markdown", (".md",), write=write_markdown))
