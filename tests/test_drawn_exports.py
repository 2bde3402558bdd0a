"""PDF, PNG and SVG through the real command line: what a reader finds in the files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QImage

from debate_editor.domain import ClaimKind, LinkKind
from debate_editor.store import DebateDocument

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
import generate


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "debate_editor", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300, env=env)


def words(text: str) -> str:
    """Text as a reader copies it: compatibility forms folded, any run of spaces one."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in pypdf.PdfReader(path).pages]


def claims_of(path: Path) -> list[str]:
    with DebateDocument.open(path, read_only=True) as doc:
        return [claim.text for claim in doc.claims()]


def test_pdf_of_the_seed_has_title_every_claim_and_the_map(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    result = run_cli("export", str(seed_file), "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    reader = pypdf.PdfReader(out)
    pages = pdf_text(out)
    assert pages[0].startswith("Should the DoD do its own AI safety research?")
    assert reader.metadata is not None
    assert reader.metadata.title == "Should the DoD do its own AI safety research?"
    assert len(pages) == 2
    outline = pages[1]
    assert outline.startswith("Outline 1. The DoD should be conducting")
    for text in claims_of(seed_file):
        assert words(text) in outline, text
    # Page 1 holds the map below the title, landscape: every card, its kind and its text.
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    map_page = pages[0]
    assert map_page.count("CLAIM") == 5 and "THESIS" in map_page and "CONCESSION" in map_page
    for text in claims_of(seed_file):
        assert squeeze(text) in squeeze(map_page), text
    # The outline keeps the structure: the concession, the two objections numbered.
    assert "Concession: I think it’s useful for government" in outline
    assert re.search(r"1\. Con: I don’t think it’s a zero sum game", outline)
    assert re.search(r"1\. Con: Like we have seen with software security", outline)
    # Vector map: the page draws shapes, it holds no picture.
    content = reader.pages[0].get_contents().get_data()  # type: ignore[union-attr]
    assert b" c\n" in content and b" Tj" in content
    assert not reader.pages[0].images


def test_drawn_formats_need_an_output_file(seed_file: Path) -> None:
    for fmt in ("pdf", "png", "svg"):
        result = run_cli("export", str(seed_file), "--format", fmt)
        assert result.returncode == 2
        assert "needs -o" in result.stderr
        assert "Traceback" not in result.stderr


def test_png_has_the_size_asked_for_and_a_natural_size_otherwise(seed_file: Path,
                                                                 tmp_path: Path) -> None:
    sized = tmp_path / "sized.png"
    assert run_cli("export", str(seed_file), "--format", "png", "--size", "800x500", "-o",
                   str(sized)).returncode == 0
    image = QImage(str(sized))
    assert (image.width(), image.height()) == (800, 500)
    natural = tmp_path / "natural.png"
    assert run_cli("export", str(seed_file), "--format", "png", "-o", str(natural)).returncode == 0
    big = QImage(str(natural))
    assert big.width() > 2000 and 0.4 < big.height() / big.width() < 0.7
    # Not blank: the cards' text is dark on a light background.
    dark = sum(1 for x in range(0, big.width(), 7) for y in range(0, big.height(), 7)
               if big.pixelColor(x, y).lightness() < 80)
    assert dark > 200


def test_svg_is_xml_with_every_claim_text(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.svg"
    assert run_cli("export", str(seed_file), "--format", "svg", "-o", str(out)).returncode == 0
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    texts = " ".join(" ".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))
    flat = squeeze(texts)
    for text in claims_of(seed_file):  # cards wrap lines, so compare without spaces
        assert squeeze(text) in flat, text
    assert root.find("{http://www.w3.org/2000/svg}title").text == (  # type: ignore[union-attr]
        "Should the DoD do its own AI safety research?")


def international(path: Path) -> dict[str, str]:
    texts = {
        "greek": "Η δημοκρατία χρειάζεται ανοιχτό διάλογο και σεβασμό στη διαφωνία.",
        "cyrillic": "Демократия требует открытого диалога, даже когда мы не согласны.",
        "arabic": "الديمقراطية تحتاج إلى حوار مفتوح واحترام الاختلاف في الرأي",
        "hebrew": "דמוקרטיה צריכה דיאלוג פתוח",
        "mixed": "English with café, naïve and Ωμέγα in one line",
    }
    with DebateDocument.create(path, "Διεθνής συζήτηση — международные дебаты") as doc:
        thesis = doc.add_claim(texts["greek"], ClaimKind.THESIS)
        doc.add_claim(texts["cyrillic"], answers=thesis.id)
        doc.add_claim(texts["arabic"], answers=thesis.id, link_kind=LinkKind.OBJECTION)
        doc.add_claim(texts["hebrew"], answers=thesis.id)
        doc.add_claim(texts["mixed"], answers=thesis.id)
    return texts


def test_greek_cyrillic_arabic_and_hebrew_come_out_as_text(tmp_path: Path) -> None:
    source = tmp_path / "intl.debate"
    texts = international(source)
    out = tmp_path / "intl.pdf"
    result = run_cli("export", str(source), "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    pages = pdf_text(out)
    assert pages[0].startswith("Διεθνής συζήτηση — международные дебаты")
    outline = " ".join(pages[1:])
    for name in ("greek", "cyrillic", "mixed"):
        assert words(texts[name]) in outline, name
    for name in ("arabic", "hebrew"):  # right to left: every word, in reading order
        found = [outline.find(word) for word in texts[name].split()]
        assert -1 not in found, name
        assert found == sorted(found), name


def test_a_big_map_is_tiled_with_an_overview_and_nothing_lost(tmp_path: Path) -> None:
    source = tmp_path / "big.debate"
    DebateDocument.create_from(source, generate.generate(600, seed=3)).close()
    before = source.read_bytes()
    out = tmp_path / "big.pdf"
    result = run_cli("export", str(source), "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert source.read_bytes() == before  # laid out for the picture, not in the file
    reader = pypdf.PdfReader(out)
    pages = pdf_text(out)
    assert "too big to read on one page" in pages[0]
    tiles = [i for i, text in enumerate(pages) if text.startswith("Map, part ")]
    assert pages[1].startswith("Map overview: 600 cards on ")
    assert len(tiles) > 5 and tiles == list(range(2, 2 + len(tiles)))
    # Every card is drawn whole on exactly one part: count the cards' kind labels.
    labels = sum(len(re.findall(r"CLAIM|EVIDENCE|THESIS", pages[i])) for i in tiles)
    assert labels == 600
    # The overview links each part to its page.
    page_of = {page.indirect_reference.idnum: i  # type: ignore[union-attr]
               for i, page in enumerate(reader.pages)}
    annotations = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    targets = {page_of[a["/Dest"][0].idnum] for a in annotations}
    assert targets == set(tiles)
    # The outline's pages, without their page numbers (a claim may go on over a page).
    outline = " ".join(re.sub(r" \d+$", "", page) for page in pages[tiles[-1] + 1:])
    for text in claims_of(source):
        assert words(text) in outline
    # Tile text is readable: 6.5 pt at least (the cards' body font).
    content = reader.pages[tiles[0]].get_contents().get_data()  # type: ignore[union-attr]
    assert b"0.5 0 0 0.5" in content and b"13.00 Tf" in content


def test_export_without_a_display_uses_the_offscreen_platform(seed_file: Path,
                                                              tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "headless.pdf"
    result = run_cli("export", str(seed_file), "--format", "pdf", "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert len(pypdf.PdfReader(out).pages) == 2


def test_claim_option_and_empty_debate(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "part.pdf"
    assert run_cli("export", str(seed_file), "--format", "pdf", "--claim", "c3", "-o",
                   str(out)).returncode == 0
    text = " ".join(pdf_text(out))
    assert "There is this constant push" in text and "zero sum game—often" in text
    assert "Like we have seen with software security" not in text
    empty = tmp_path / "empty.debate"
    DebateDocument.create(empty, "Nothing yet").close()
    for fmt in ("pdf", "png", "svg"):
        target = tmp_path / f"empty.{fmt}"
        result = run_cli("export", str(empty), "--format", fmt, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert target.stat().st_size > 100
    assert pdf_text(tmp_path / "empty.pdf")[0].startswith("Nothing yet 0 claims")


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_a_failed_export_leaves_the_target_alone(seed_file: Path, tmp_path: Path,
                                                 fmt: str) -> None:
    target = tmp_path / f"keep.{fmt}"
    target.write_bytes(b"the user's own file")
    result = run_cli("export", str(seed_file), "--format", fmt, "--claim", "c99", "-o",
                     str(target))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "c99" in result.stderr
    assert target.read_bytes() == b"the user's own file"
