"""Build seeds/dod-safety.debate from the thread that started the project.

The post (dod-safety-thread.txt, first copy) gives the thesis, the lead-in that
introduces it, and three reasons; the reply gives a concession, kept word for word as
the rebuttal's lead line, and two numbered objections, each attached to the claim it
answers. Every text is cut from the thread file itself, so nothing is retyped.

    python seeds/build_seed.py [OUT.debate]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from debate_editor.domain import ClaimKind, LinkKind, builders
from debate_editor.store import DebateDocument

HERE = Path(__file__).resolve().parent
THREAD = HERE / "dod-safety-thread.txt"
TITLE = "Should the DoD do its own AI safety research?"


def _split_after(text: str, marker: str) -> tuple[str, str]:
    """Split a paragraph right after `marker` (which must be in it)."""
    index = text.index(marker) + len(marker)
    return text[:index].strip(), text[index:].strip()


def _add(doc: DebateDocument, text: str, kind: ClaimKind = ClaimKind.CLAIM,
         **how: Any) -> str:
    """One claim (and the link to what it answers) as one edit; its id."""
    edit, claim = builders.claim_edit(doc.graph, doc.ids, text, kind, **how)
    doc.apply(edit)
    return claim.id


def build(out: Path) -> None:
    lines = [line.strip() for line in THREAD.read_text(encoding="utf-8").splitlines()]
    lead_in, thesis_text, reasons_para, additive_para, concession, points_line = lines[:6]
    points = [p.strip() for p in re.split(r"(?:^|\s)\d+\.\s", points_line) if p.strip()]
    assert len(points) == 2, points
    zero_sum, hostility = _split_after(reasons_para, "can’t put into capabilities research.")

    out.unlink(missing_ok=True)
    with DebateDocument.create(out, TITLE) as doc:
        doc.apply(builders.info_edit(
            doc.info, description="A forum post and a reply that concedes part and objects."))
        thesis = _add(doc, thesis_text, ClaimKind.THESIS, note=lead_in)
        _add(doc, concession, ClaimKind.CONCESSION, answers=thesis)
        zero = _add(doc, zero_sum, answers=thesis)
        _add(doc, hostility, answers=thesis)
        additive = _add(doc, additive_para, answers=thesis)
        _add(doc, points[0], answers=zero, link_kind=LinkKind.OBJECTION)
        _add(doc, points[1], answers=additive, link_kind=LinkKind.OBJECTION)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "dod-safety.debate")
