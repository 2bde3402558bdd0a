"""Every importer in the registry, fuzzed: random text, and real files damaged at random.

Only the documented ImportFormatError may come out (one line, a line and column of at
least 1 when it names them); or a Debate, which then keeps every rule and comes back
from a .debate file as it went in. The command line, on a sample of the damaged files:
exit status 0 or 1, one line on standard error for 1, never a traceback, and the target
file absent or byte for byte what it was. A new format is fuzzed as soon as it
registers: on random text at once, on its real files (tests/data/fuzz/<name>/, or its
own writer's output) when there are some.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hostile_text import HOSTILE, hostile_debate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_editor.domain import Debate, ImportFormatError
from debate_editor.formats import files, registry
from debate_editor.formats.registry import ExportOptions
from debate_editor.store import DebateDocument

SAMPLES = Path(__file__).with_name("data") / "fuzz"
IMPORTERS = sorted(fmt.name for fmt in registry.importers())
SYNTAX = ["\n", "\r\n", "\r", " ", "\t", "  ", "-", "+", "*", "#", ">", "<", "[", "]", "(",
          ")", "{", "}", ":", ",", '"', "'", "\\", "/", "//", "/*", "*/", "<!--", "===",
          "1.", "1.1.", "Pro:", "Con:", "-> See 1.", "Discussion Title:", "but:", "<+", "<-",
          "+>", "->", "<_", "_>", "><", "@[", "#(", "\x00", "\ufeff", "\u202e", "\\ud83d",
          "\\u0000", '"nodes"', '"edges"', '"claims"', '"links"', "null", "true", "1e999",
          "-0", "[]", "{}", "𝔘", "👩‍👩‍👧"]
FUZZ = settings(max_examples=110, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def samples(name: str) -> list[bytes]:
    """Real files of the format: the folder's, and its own writer's export of a debate
    with hostile text (the long texts left out, to keep each example quick)."""
    fmt = registry.get(name)
    found = [p.read_bytes() for p in sorted((SAMPLES / name).glob("*"))
             if p.suffix in fmt.extensions]
    if fmt.write is not None:
        short = hostile_debate().model_copy(update={"claims": tuple(
            c.model_copy(update={"text": c.text[:300]}) for c in hostile_debate().claims)})
        data = fmt.write(short, ExportOptions())
        found.append(data.encode("utf-8") if isinstance(data, str) else data)
    return found


def decoded(data: bytes) -> str:
    """The text an importer gets from a file: what File → Import and the command line
    read (files.read_text); a file that is not UTF-8 is refused before any importer."""
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as handle:
        handle.write(data)
    path = Path(handle.name)
    try:
        return files.read_text(path)
    finally:
        path.unlink()


def read_or_refuse(name: str, text: str) -> Debate | None:
    reader = registry.get(name).read
    assert reader is not None
    try:
        debate = reader(text)
    except ImportFormatError as error:
        message = str(error)
        assert message and "\n" not in message and "\r" not in message, message
        assert error.line is None or error.line >= 1
        assert error.column is None or error.column >= 1
        return None
    assert isinstance(debate, Debate)
    Debate.model_validate(debate.model_dump())  # it keeps every rule
    return debate


def survives_the_file(debate: Debate) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "imported.debate"
        DebateDocument.create_from(path, debate).close()
        with DebateDocument.open(path, read_only=True) as again:
            assert again.snapshot().claims == debate.claims
            assert again.snapshot().links == debate.links
            assert again.info.title == debate.info.title


def check(name: str, text: str) -> None:
    debate = read_or_refuse(name, text)
    if debate is not None:
        survives_the_file(debate)


# ---- mutations of real files ------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def mutate(data: bytes, steps: list[tuple[str, float, int]]) -> bytes:
    """`data` changed by each step: (what, where as a fraction, a small number)."""
    for what, where, n in steps:
        at = int(len(data) * where)
        lines = _lines(data)
        row = int(len(lines) * where) % max(1, len(lines))
        if what == "flip" and data:
            changed = bytearray(data)
            changed[min(at, len(data) - 1)] ^= 1 << (n % 8)
            data = bytes(changed)
        elif what == "cut":
            data = data[:at]
        elif what == "shuffle":
            random.Random(n).shuffle(lines)
            data = b"\n".join(lines)
        elif what == "double":
            data = b"\n".join(lines[: row + 1] + lines[row:])
        elif what == "drop":
            data = b"\n".join(lines[:row] + lines[row + 1:])
        elif what == "insert":
            data = data[:at] + SYNTAX[n % len(SYNTAX)].encode("utf-8") + data[at:]
    return data


STEPS = st.lists(st.tuples(st.sampled_from(["flip", "cut", "shuffle", "double", "drop",
                                            "insert", "insert", "insert"]),
                           st.floats(0, 1, exclude_max=True), st.integers(0, 10_000)),
                 min_size=1, max_size=5)


@pytest.mark.parametrize("name", IMPORTERS)
@FUZZ
@given(data=st.data())
def test_real_files_damaged_at_random(name: str, data: st.DataObject) -> None:
    found = samples(name)
    if not found:
        pytest.skip(f"no sample files for {name}: add tests/data/fuzz/{name}/")
    original = data.draw(st.sampled_from(found))
    damaged = mutate(original, data.draw(STEPS))
    try:
        text = decoded(damaged)
    except ImportFormatError as error:  # not UTF-8: refused with the line, as documented
        assert error.line is not None and "\n" not in str(error)
        return
    check(name, text)


@pytest.mark.parametrize("name", IMPORTERS)
@FUZZ
@given(text=st.one_of(st.text(max_size=400),
                      st.lists(st.sampled_from([*SYNTAX, "a", "word", "x y", "1", "\n"]),
                               max_size=60).map("".join)))
def test_random_text(name: str, text: str) -> None:
    check(name, text)


@pytest.mark.parametrize("name", IMPORTERS)
def test_the_real_files_themselves_import(name: str) -> None:
    for data in samples(name):
        assert read_or_refuse(name, decoded(data)) is not None


@pytest.mark.parametrize("name", [n for n in IMPORTERS if registry.get(n).write is not None])
def test_hostile_text_survives_export_and_import(name: str) -> None:
    """Every text of the corpus comes back through the format (what the format keeps of
    it: Kialo and Argdown join lines, so compare the words)."""
    fmt = registry.get(name)
    assert fmt.write is not None and fmt.read is not None
    debate = fmt.read(fmt.write(hostile_debate(), ExportOptions()))
    texts = {" ".join(c.text.replace("\x00", " ").split()) for c in debate.claims}
    for key, text in HOSTILE.items():
        words = " ".join(text.replace("\x00", " ").split())
        assert any(words in shown for shown in texts), (name, key)


@pytest.mark.parametrize("name", ["json", "aif"])
def test_half_a_surrogate_pair_in_json_is_refused_naming_its_place(name: str) -> None:
    """JSON can spell a lone surrogate ("\\ud83d"), which no file can store."""
    fmt = registry.get(name)
    assert fmt.write is not None and fmt.read is not None
    text = str(fmt.write(hostile_debate(), ExportOptions()))
    broken = text.replace("family", "fam\\ud83dily", 1)
    line = broken[: broken.index("\\ud83d")].count("\n") + 1
    with pytest.raises(ImportFormatError, match="surrogate") as caught:
        fmt.read(broken)
    assert caught.value.line == line and caught.value.column is not None
    assert fmt.read(text.replace("family", "fam\\ud83d\\udc69ily", 1))  # a whole pair is fine


# ---- the command line ----------------------------------------------------------------


def test_the_command_line_on_damaged_files(tmp_path: Path) -> None:
    rnd = random.Random(5)
    existing = tmp_path / "existing.debate"
    DebateDocument.create_from(existing, hostile_debate()).close()
    runs = []
    for name in IMPORTERS:
        fmt = registry.get(name)
        for n, original in enumerate(samples(name)[:2]):
            steps = [(rnd.choice(["flip", "cut", "insert", "drop"]), rnd.random(),
                      rnd.randrange(10_000)) for _ in range(rnd.randint(1, 3))]
            source = tmp_path / f"{name} {n} — damaged{fmt.extensions[0]}"
            source.write_bytes(mutate(original, steps))
            target = existing if n % 2 else tmp_path / f"new {name} {n}.debate"
            runs.append((name, source, target))
    for name, source, target in runs:
        before = target.read_bytes() if target.exists() else None
        result = subprocess.run(
            [sys.executable, "-m", "debate_editor", "import", str(source), "-o", str(target),
             "--format", name], capture_output=True, text=True, timeout=120)
        assert result.returncode in (0, 1), (source.name, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if result.returncode == 1:
            assert result.stderr.count("\n") == 1, result.stderr
            assert (target.read_bytes() if target.exists() else None) == before
        else:  # replaced whole by what was imported
            with DebateDocument.open(target, read_only=True) as doc:
                assert doc.graph.claims
