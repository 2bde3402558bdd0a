"""The Argdown pane's quick path: a keystroke inside one statement's plain text.

Most typing in the pane changes the words of one statement. Reading the whole text
again for that costs a parse of every line (0.2 s at 1,000 claims), where the answer
is known from the line alone: that claim's text is now the line's text. `quick_edit`
says so, or returns None whenever the line could mean anything else, and the pane reads
the whole text as before. It takes the quick path only where the full reading is sure
to agree (`tests/test_argdown_quick.py` holds the two equal on generated edits):
- the text before and after differ inside one line, after its indentation and sign;
- that line is a whole statement: a relation line (`+`, `-`, …) or a paragraph's first
  line, with no continuation line after it;
- its text, before and after, is plain (no character that starts any other Argdown
  token), and before it was the whole text of exactly one claim, without a title;
- the text holds no block comment, and the line is not in the front matter.
"""

from __future__ import annotations

import re

from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph
from debate_editor.formats.argdown.tree import normalize_space

_LINE = re.compile(r"^(?P<lead>[ \t]*(?:(?:\+>|<\+|->|<-|><|_>|<_|\+|-)[ \t]+)?)(?P<text>.*)$")
_PLAIN = re.compile(r"[^\\@#*_\[\]<>/{}=\n\r\t:()]+")
_RELATION = re.compile(r"^[ \t]*(?:\+>|<\+|->|<-|><|_>|<_|\+|-)[ \t]")


def quick_edit(before: str, after: str, graph: DebateGraph) -> Edit | None:
    """The edit a change of one statement's words makes, or None (read it all)."""
    if before == after or "/*" in before or "/*" in after:
        return None
    start, end_b, end_a = changed_span(before, after)
    if "\n" in before[start:end_b] or "\n" in after[start:end_a]:
        return None
    line_start = before.rfind("\n", 0, start) + 1
    if _in_front_matter(before, line_start):
        return None
    old_line = before[line_start:_line_end(before, line_start)]
    new_line = after[line_start:_line_end(after, line_start)]
    old, new = _LINE.match(old_line), _LINE.match(new_line)
    if old is None or new is None or old["lead"] != new["lead"]:
        return None
    if not _whole_statement(before, line_start, old["lead"]):
        return None
    if not _whole_statement(after, line_start, new["lead"]):
        return None
    old_text, new_text = normalize_space(old["text"]), normalize_space(new["text"])
    if not (_plain(old_text, old["lead"]) and _plain(new_text, new["lead"])):
        return None
    found = [claim for claim in graph.claims.values() if claim.text == old_text]
    if len(found) != 1 or found[0].title:
        return None
    if any(claim.text == new_text for claim in graph.claims.values()):
        return None  # two claims of one text: the full reading decides which is which
    claim = found[0]
    return Edit(update_claims=(claim.model_copy(update={"text": new_text}),),
                label="Type in Argdown")


def changed_span(before: str, after: str) -> tuple[int, int, int]:
    """Where two texts differ: the first differing offset, and the end of the differing
    part in each (what is left after the longest common prefix and suffix)."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    return start, end_b, end_a


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _plain(text: str, lead: str) -> bool:
    """Text that is plain text wherever it stands: no sign that opens another token, and
    on a paragraph's first line a letter first (as the writer's own test of plainness)."""
    if not text or not _PLAIN.fullmatch(text) or text[0] in "+-<>_(":
        return False
    return bool(lead.strip()) or text[0].isalpha()


def _whole_statement(text: str, line_start: int, lead: str) -> bool:
    """The line holds a statement from its start to its end: a relation line, or a line
    after an empty one (or the first); and the next line does not continue it."""
    if not lead.strip():
        if line_start > 0:
            previous_start = text.rfind("\n", 0, line_start - 1) + 1
            if text[previous_start:line_start - 1].strip():
                return False
        if lead:  # an indented line opening a paragraph: the full reading decides
            return False
    next_start = _line_end(text, line_start) + 1
    if next_start > len(text):
        return True
    following = text[next_start:_line_end(text, next_start)]
    return not following.strip() or bool(_RELATION.match(following))


def _in_front_matter(text: str, line_start: int) -> bool:
    """The line is inside the `===` block that may open the text (or the text opens
    with one that never closes)."""
    if not text.startswith("==="):
        return False
    closing = re.search(r"^===[ \t]*$", text[3:], re.MULTILINE)
    if closing is None:
        return True
    return line_start <= 3 + closing.end()
