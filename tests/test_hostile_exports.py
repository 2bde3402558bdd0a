"""Hostile text through every export: what would change a format's structure is escaped,
what a drawn format holds is the text itself, and round trips keep it.

Markdown is read back with markdown-it-py, Argdown with our parser (and the real one in
tests/test_argdown_real_parser.py), SVG with an XML parser, PDF with pypdf; the rebuttal
holds each text verbatim; JSON, AIF and Kialo read back what they wrote.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hostile_text import HOSTILE, hostile_debate
from pypdf import PdfReader
from test_markdown_format import literal, outline, parse

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.formats import registry
from debate_editor.formats.registry import ExportOptions
from debate_editor.store import DebateDocument

SHORT = {name: text for name, text in HOSTILE.items() if len(text) < 1000}
SCRIPTS = {"devanagari": "नमस्ते दुनिया, क्षत्रिय", "thai": "สวัสดีชาวโลก",
           "cjk": "你好，世界。論証", "georgian": "გამარჯობა", "ethiopic": "ሰላም ለዓለም"}
"""Scripts a plain desktop may have no font for (Qt then draws empty boxes)."""


def words(text: str) -> str:
    return " ".join(text.replace("\x00", " ").split())


def one_thesis_each(texts: dict[str, str]) -> Debate:
    claims = tuple(Claim(id=f"c{n}", text=text, kind=ClaimKind.THESIS, order=n)
                   for n, text in enumerate(texts.values(), start=1))
    return Debate(info=DebateInfo(title="Scripts"), claims=claims)


def export(tmp_path: Path, debate: Debate, fmt: str) -> bytes:
    """The command line's export of `debate` (a drawn format crashing shows here)."""
    source = tmp_path / "in.debate"
    DebateDocument.create_from(source, debate).close()
    out = tmp_path / f"out.{fmt}"
    result = subprocess.run([sys.executable, "-m", "debate_editor", "export", str(source),
                             "--format", fmt, "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.returncode, result.stderr[-500:])
    return out.read_bytes()


# ---- drawn formats ------------------------------------------------------------------


def test_pdf_of_scripts_without_a_font_is_written_and_keeps_their_text(tmp_path: Path) -> None:
    """Qt shapes a script no installed font has with an empty 'box' font; asking that
    font its name crashed the PDF writer (signal 11) for any Devanagari text here. Now
    each such line is drawn as boxes and carries its text as /ActualText, which a reader
    that honours it (poppler, Acrobat) copies and searches."""
    data = export(tmp_path, one_thesis_each(SCRIPTS), "pdf")
    streams = b"".join(page.get_contents().get_data()  # type: ignore[union-attr]
                       for page in PdfReader(io.BytesIO(data)).pages)
    devanagari = words(SCRIPTS["devanagari"]).split()[0]  # always shaped: always a span
    assert b"/ActualText <FEFF" + devanagari.encode("utf-16-be").hex().upper().encode() \
        in streams
    if shutil.which("pdftotext") is None:
        return
    (tmp_path / "out.pdf").write_bytes(data)
    text = words(subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"],
                                capture_output=True, text=True, check=True).stdout)
    for script, sample in SCRIPTS.items():
        assert words(sample).split()[0] in text, script


def test_pdf_holds_hostile_text_literally(tmp_path: Path) -> None:
    data = export(tmp_path, hostile_debate(), "pdf")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    squashed = re.sub(r"\s+", "", text)
    for name in ("html", "script", "rich text", "entities", "doctype", "kialo", "tabs"):
        assert re.sub(r"\s+", "", SHORT[name]) in squashed, name


def test_svg_is_well_formed_xml_with_the_text_as_text(tmp_path: Path) -> None:
    """XML 1.0 has no NUL and no C0 controls but tab and line ends; they were written as
    they were, and no XML reader could open the SVG."""
    svg = export(tmp_path, hostile_debate(), "svg").decode("utf-8")
    root = ET.fromstring(svg)
    texts = "".join("".join(node.itertext()) for node in root.iter()
                    if node.tag.endswith("text"))
    squashed = re.sub(r"\s+", "", texts)
    for name in ("html", "script", "rich text", "entities", "doctype", "markdown", "argdown"):
        first_line = SHORT[name].split("\n")[0]
        assert re.sub(r"\s+", "", first_line)[:25] in squashed, name
    assert "<image" not in svg and "<script" not in svg  # markup stayed text
    assert "before" in texts and "after the NUL" in texts  # NUL left out, the rest kept


def test_svg_with_noncharacters_in_a_claim_and_the_title_is_well_formed(tmp_path: Path) -> None:
    """U+FFFE and U+FFFF are no XML characters either: written as they were, in a claim
    or in the title, no XML reader opened the SVG. They become U+FFFD; the rest stays."""
    debate = Debate(info=DebateInfo(title="Title \ufffe with \uffff signs"),
                    claims=(Claim(id="c1", text="before \ufffe middle \uffff after", x=0.0,
                                  y=0.0),))
    root = ET.fromstring(export(tmp_path, debate, "svg"))
    texts = "".join("".join(node.itertext()) for node in root.iter()
                    if node.tag.endswith("text"))
    assert "before \ufffd middle \ufffd after" in texts
    titles = ["".join(node.itertext()) for node in root.iter() if node.tag.endswith("title")]
    assert titles == ["Title \ufffd with \ufffd signs"]


def test_pdf_of_one_huge_claim_without_spaces_fits_its_card(tmp_path: Path) -> None:
    """A word longer than any line is cut into lines in one pass over its characters
    (it measured every prefix of every line: 50 MB ran for minutes); the card shows the
    lines that fit and ends in an ellipsis, the outline holds the whole text."""
    size = 300_000
    data = export(tmp_path, Debate(info=DebateInfo(title="Huge"), claims=(
        Claim(id="c1", text="x" * size, kind=ClaimKind.THESIS, x=0.0, y=0.0),)), "pdf")
    reader = PdfReader(io.BytesIO(data))
    card = reader.pages[0].extract_text()
    assert "x" * 20 in card and "…" in card
    assert card.count("x") < 5_000  # only what fits on the card is drawn there
    outline = "".join(page.extract_text() for page in reader.pages[1:])
    assert outline.count("x") == size


def test_fitting_a_huge_word_measures_each_character_once(  # type: ignore[no-untyped-def]
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bounded by construction: the text measured for a 300,000-character word is
    300,000 characters and a few lines, not every prefix of every line (the old way
    measured about 10 million characters for it)."""
    from debate_editor.render.exports import write_pdf
    from debate_editor.render.pdf.fonts import PdfFont

    measured = [0]
    width, advances = PdfFont.width, PdfFont.char_advances

    def counting_width(self: PdfFont, text: str) -> float:
        measured[0] += len(text)
        return width(self, text)

    def counting_advances(self: PdfFont, text: str):  # type: ignore[no-untyped-def]
        measured[0] += len(text)
        return advances(self, text)

    monkeypatch.setattr(PdfFont, "width", counting_width)
    monkeypatch.setattr(PdfFont, "char_advances", counting_advances)
    size = 300_000
    write_pdf(Debate(info=DebateInfo(title="Huge"), claims=(
        Claim(id="c1", text="x" * size, kind=ClaimKind.THESIS, x=0.0, y=0.0),)),
        ExportOptions())
    assert measured[0] < 5 * size


# ---- text formats ---------------------------------------------------------------------


def test_markdown_escapes_what_would_make_structure(tmp_path: Path) -> None:
    claims = [Claim(id="t", text="A thesis", kind=ClaimKind.THESIS)]
    links = []
    for n, text in enumerate(SHORT.values(), start=1):
        claims.append(Claim(id=f"c{n}", text=text))
        links.append(Link(id=f"l{n}", source=f"c{n}", to_claim="t",
                          kind=LinkKind.SUPPORT if n % 2 else LinkKind.OBJECTION, order=n))
    debate = Debate(info=DebateInfo(title=HOSTILE["markdown"]), claims=tuple(claims),
                    links=tuple(links))
    markdown = registry.get("markdown").write(debate, ExportOptions())
    assert isinstance(markdown, str)
    document = outline(parse(markdown))  # fails on any markup but our own
    assert document[0] == ("h1", " ".join(literal(HOSTILE["markdown"]).split("\n")))
    assert document[1] == ("h2", "A thesis")
    listed = sorted(text for _, items in document[2:] for _, text, _ in items)
    assert listed == sorted(literal(t).replace("\x00", "\ufffd") for t in SHORT.values())


def test_argdown_export_reads_back_as_the_same_claims() -> None:
    fmt = registry.get("argdown")
    assert fmt.write is not None and fmt.read is not None
    debate = hostile_debate()
    back = fmt.read(fmt.write(debate, ExportOptions()))
    assert len(back.claims) == len(debate.claims)
    assert back.link_counts() == debate.link_counts()
    assert sorted(words(c.text) for c in back.claims) == sorted(words(c.text)
                                                                for c in debate.claims)


@pytest.mark.parametrize("name", ["json", "aif", "kialo"])
def test_interchange_formats_give_back_every_text(name: str) -> None:
    fmt = registry.get(name)
    assert fmt.write is not None and fmt.read is not None
    debate = hostile_debate()
    back = fmt.read(fmt.write(debate, ExportOptions()))
    if name == "kialo":  # one line per claim: line breaks become spaces
        assert sorted(words(c.text) for c in back.claims) == sorted(
            words(c.text) for c in debate.claims)
    else:
        assert sorted(c.text for c in back.claims) == sorted(c.text for c in debate.claims)


def test_the_rebuttal_quotes_each_objection_verbatim() -> None:
    fmt = registry.get("rebuttal")
    assert fmt.write is not None
    debate = hostile_debate()
    for n, name in enumerate(HOSTILE, start=1):
        text = fmt.write(debate, ExportOptions(claim=f"t{n}"))
        assert isinstance(text, str)
        assert words(f"{name}: {HOSTILE[name]}") in words(text), name
