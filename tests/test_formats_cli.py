"""The text formats through the real command line: golden exports of the sample debate,
the thread that started the project, and bad input refused without harm."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
THREAD = ROOT / "seeds" / "dod-safety-thread.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate_editor", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def thread_copies() -> tuple[list[str], list[str]]:
    """The seed file's two copies of the thread, as lines: reply inline, then one point
    per line. The second copy starts where the post's first line comes again."""
    lines = THREAD.read_text(encoding="utf-8").split("\n")
    second = lines.index(lines[0], 1)
    return lines[:second], lines[second:]


def golden(name: str) -> str:
    return (GOLDEN / name).read_bytes().decode("utf-8")


def test_the_golden_rebuttals_are_cut_from_the_thread_itself() -> None:
    """Nothing is retyped: each golden file is the last lines of one copy, plus the one
    newline every text export ends with."""
    inline, per_line = thread_copies()
    assert golden("dod-safety-rebuttal-inline.txt") == "\n".join(inline[-2:]) + "\n"
    assert golden("dod-safety-rebuttal.txt") == "\n".join(per_line[-3:]) + "\n"
    assert per_line[-3].endswith("but:") and per_line[-2].startswith("1. ")


@pytest.mark.parametrize(
    ("flags", "name"),
    [((), "dod-safety-rebuttal.txt"), (("--inline",), "dod-safety-rebuttal-inline.txt")],
)
def test_rebuttal_of_the_seed_is_the_reply_byte_for_byte(
    seed_file: Path, tmp_path: Path, flags: tuple[str, ...], name: str
) -> None:
    shown = run_cli("export", str(seed_file), "--format", "rebuttal", *flags)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == golden(name)
    out = tmp_path / "reply.txt"
    written = run_cli("export", str(seed_file), "--format", "rebuttal", *flags, "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert out.read_bytes() == (GOLDEN / name).read_bytes()


def test_rebuttal_of_a_reason_answers_only_that_reason(seed_file: Path) -> None:
    """--claim c5 (the "purely additive" reason) has no concession of its own and one
    objection; the thesis's other objection is not among its points."""
    _, per_line = thread_copies()
    result = run_cli("export", str(seed_file), "--format", "rebuttal", "--claim", "c5")
    assert result.returncode == 0, result.stderr
    lead, *points = result.stdout.splitlines()
    assert lead.startswith("I see the point of “Pushing for safety/alignment research")
    assert lead.endswith("”, but:")
    assert points == ["1." + per_line[-1][2:]]


def test_rebuttal_of_an_unknown_claim_is_refused(seed_file: Path) -> None:
    result = run_cli("export", str(seed_file), "--format", "rebuttal", "--claim", "c99")
    assert result.returncode == 1
    assert "c99" in result.stderr and len(result.stderr.splitlines()) == 1


def test_markdown_of_the_seed_is_the_golden_file(seed_file: Path) -> None:
    result = run_cli("export", str(seed_file), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout == golden("dod-safety.md")


def content_of(path: Path) -> dict[str, object]:
    """The claims and links of a debate file, as the JSON export gives them."""
    result = run_cli("export", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return {"title": data["info"]["title"], "claims": data["claims"], "links": data["links"]}


def test_each_copy_of_the_thread_imports_to_the_same_debate_and_gives_its_reply_back(
    tmp_path: Path,
) -> None:
    debates = []
    for number, (copy, flags) in enumerate(zip(thread_copies(), (("--inline",), ()),
                                               strict=True), 1):
        source = tmp_path / f"copy{number}.txt"
        source.write_text("\n".join(copy), encoding="utf-8")
        target = tmp_path / f"copy{number}.debate"
        imported = run_cli("import", str(source), "-o", str(target))  # format guessed
        assert imported.returncode == 0, imported.stderr
        reply = run_cli("export", str(target), "--format", "rebuttal", *flags)
        assert reply.stdout == "\n".join(copy[-(2 if flags else 3):]) + "\n"
        debates.append(content_of(target))
    assert debates[0] == debates[1]
    info = json.loads(run_cli("info", str(target), "--json").stdout)
    # the concession and three reasons: "I think this dynamic …" starts a reason of its own
    assert info["links"] == {"support": 4, "objection": 2, "undercut": 0}


# ---- bad input -------------------------------------------------------------------
BAD_INPUTS = {
    "thread": ("post.txt", "A post.\nI agree, but:\n1. One point.\n3. A skipped number.\n", 4),
    "kialo": ("k.txt", "Discussion Title: T\n\n1. Thesis\n1.1. Pro: fine\n1.1.1 Con: x\n", 5),
    "aif": ("a.json", '{"nodes": [\n  {"nodeID": "1", "text": "x", "type": "I"}\n],\n'
            ' "edges": [\n  {"fromID": "1", "toID": "7"}\n]}', 5),
    "json": ("d.json", '{"claims": [\n  {"id": "c1", "text": "a"},\n  {"id": "c1"}\n]}', 3),
}


@pytest.mark.parametrize("fmt", sorted(BAD_INPUTS))
@pytest.mark.parametrize("named", [True, False], ids=["--format", "guessed"])
def test_bad_input_is_one_line_exit_1_and_the_target_is_untouched(
    seed_file: Path, tmp_path: Path, fmt: str, named: bool
) -> None:
    name, text, line = BAD_INPUTS[fmt]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "keep.debate"
    target.write_bytes(seed_file.read_bytes())
    before = target.read_bytes()
    result = run_cli("import", str(source), "-o", str(target),
                     *(("--format", fmt) if named else ()))
    assert result.returncode == 1
    assert result.stdout == ""
    [message] = result.stderr.splitlines()
    assert message.startswith(f"debate-editor: {name}: line {line}")
    assert "Traceback" not in result.stderr and "internal error" not in message
    assert target.read_bytes() == before
    fresh = tmp_path / "new.debate"
    assert run_cli("import", str(source), "-o", str(fresh), "--format", fmt).returncode == 1
    assert not fresh.exists()


KIALO = """\
Discussion Title: Should cities ban cars from their centres?

1. Cities should ban cars from their centres.
1.1. Pro: Cleaner air \\(fewer particulates\\) improves health.
1.1.1. Con: Electric cars cut exhaust.
1.2. Con: Deliveries need road access.
1.2.1. Con: -> See 1.1.1.
"""


@pytest.mark.parametrize(("name", "fmt"), [("cars.txt", "kialo"), ("cars.json", "aif"),
                                            ("cars.JSON", "json")])
def test_import_guesses_the_format_and_export_gives_it_back(
    tmp_path: Path, name: str, fmt: str
) -> None:
    kialo_source = tmp_path / "start.txt"
    kialo_source.write_text(KIALO, encoding="utf-8")
    start = tmp_path / "start.debate"
    assert run_cli("import", str(kialo_source), "-o", str(start)).returncode == 0
    text = run_cli("export", str(start), "--format", fmt).stdout
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    again = tmp_path / "again.debate"
    result = run_cli("import", str(source), "-o", str(again))  # no --format: guessed
    assert result.returncode == 0, result.stderr
    assert run_cli("export", str(again), "--format", fmt).stdout == text
    kialo = run_cli("export", str(again), "--format", "kialo").stdout
    if fmt == "aif":  # AIF has no place for the debate's title
        kialo, expected = kialo.split("\n", 1)[1], KIALO.split("\n", 1)[1]
    else:
        expected = KIALO
    assert kialo == expected
