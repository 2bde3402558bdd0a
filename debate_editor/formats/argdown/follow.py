"""The Argdown pane's text following an edit made elsewhere (README, "The Argdown pane").

The map changed from a debate whose Argdown export was `base` to one whose export is
`theirs`; the pane holds `mine`, the user's own text of the first debate (their order,
blank lines, comments, indentation). `follow` carries the lines that changed from `base`
to `theirs` into `mine` where the user's text still has those lines as `base` had them,
and leaves every other line of `mine` byte for byte as it was: a three-way merge, line
by line, as version control merges two people's edits of one file.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def follow(base: str, mine: str, theirs: str) -> str | None:
    """`mine` with the change from `base` to `theirs` in it; None where a changed line
    of `base` is one the user has rewritten (then the caller shows `theirs`)."""
    if base == theirs:
        return mine
    if base == mine:
        return theirs
    broken = bool(mine) and not mine.endswith("\n")
    b, m, t = (text.splitlines(keepends=True) for text in (base, mine, theirs))
    if broken:  # a last line without its line break: give it one while lines go in
        m[-1] += "\n"
    at: dict[int, int] = {}
    """A line of `base` -> the same line in `mine`, where the user kept it."""
    for block in SequenceMatcher(None, b, m, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            at[block.a + k] = block.b + k
    hunks: list[tuple[int, int, list[str]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, b, t, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:  # lines of base replaced or removed: the user must still have them
            places = [at.get(i) for i in range(i1, i2)]
            first = places[0]
            if first is None or places != list(range(first, first + i2 - i1)):
                return None
            start, end = first, first + i2 - i1
        elif i1 in at:  # lines inserted before a line the user kept
            start = end = at[i1]
        elif i1 == 0 or i1 - 1 in at:  # ... or after one
            start = end = at[i1 - 1] + 1 if i1 else 0
        else:
            return None
        hunks.append((start, end, [line if line.endswith("\n") else line + "\n"
                                   for line in t[j1:j2]]))
    for start, end, lines in reversed(hunks):
        m[start:end] = lines
    merged = "".join(m)
    return merged[:-1] if broken and merged.endswith("\n") else merged
