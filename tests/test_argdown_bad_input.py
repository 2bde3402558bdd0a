"""Malformed Argdown is refused with one sentence naming the line (and column), nothing else.

Through the command line: exit status 1, one line on stderr naming the file and the line,
and the target file byte for byte as it was. Fuzzing (random and mangled real files) shows
that nothing but that documented error ever escapes the reader.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from argdown_samples import corpus_files, mutate, random_argdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats.argdown import read_argdown

# (text, line, column or None, words the message must contain)
MALFORMED = [
    ("  + [A]: a relation with nothing above it\n", 1, 3, "must stand under"),
    ("[A]: x\n\n- y answers nothing\n", 3, 1, "must stand under"),
    ("(1) A premise\n(2) Another premise\n", 3, 1, "inference line"),
    ("(1) A premise\n----\n", 3, 1, "numbered conclusion"),
    ("[A]: **bold that never ends\n", 1, 28, "not closed"),
    ("[A]: ends with a backslash \\\n", 1, 28, "backslash"),
    ("", 1, 1, "no Argdown text"),
    ("\n\n   \n", 4, 1, "no Argdown text"),
    ("===\ntitle: Only front matter\n===\n", 4, 1, "no Argdown text"),
    ("[A]: x\n  >< <B>: an argument\n", 2, 6, "contradiction"),
    ("<A>: x\n\n(1) a\n----\n(2) b\n\n<A>\n\n(1) c\n----\n(2) d\n", 9, 1, "already has"),
    ("[A]: first\n[B]: second without an empty line\n", 2, 1, "empty line"),
    ("# Heading\n[A]: right under the heading\n", 2, 1, "empty line"),
    ("[A]: a reference [B] in the middle of a text\n", 1, 18, "empty line"),
    ("[A]: a [link](http://x\ny) across lines\n", 1, 8, "one line"),
    ("(1) a\n--\nrule one\nrule two\n--\n(2) b\n", 4, 1, "end of the inference"),
    ("(1) a\n----\n  + b\n(2) c\n", 3, 3, "only undercuts"),
    ("===\ntitle: [unclosed\n===\n\n[A]: x\n", 3, None, "front matter"),
    ("[A]: x\n    + b\n  + c\n", 3, 3, "indented under"),  # dedented past every level
    ("[A]: x\n+ b\n", 2, 1, "indented under"),
    ("[A]: x {a: [1; b: 2}\n", 1, None, "data in braces"),
    ("[A]: x {a: 1, a: 2}\n", 1, None, "data in braces"),  # a key twice, as js-yaml refuses
]
"""What the real Argdown parser refuses too (test_argdown_real_parser reads them with it);
what it reads by a guess is imported with a warning (test_argdown_guesses)."""


@pytest.mark.parametrize(("text", "line", "column", "words"), MALFORMED)
def test_malformed_argdown_names_the_line(
    text: str, line: int, column: int | None, words: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_argdown(text)
    error = caught.value
    assert words in error.message, error
    assert error.line == line, error
    if column is not None:
        assert error.column == column, error
    assert "\n" not in str(error)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate_editor", *args],
        capture_output=True, text=True, timeout=120,
    )


def test_the_command_line_refuses_and_leaves_the_target_alone(
    seed_file: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.argdown"
    bad.write_text("[Thesis]: fine\n  + a reason\n\n(1) a premise\n(2) no inference\n",
                   encoding="utf-8")
    target = tmp_path / "keep.debate"
    target.write_bytes(seed_file.read_bytes())
    before = target.read_bytes()
    result = run_cli("import", str(bad), "-o", str(target))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("debate-editor: broken.argdown: line 6, column 1: ")
    assert "inference" in lines[0]
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == before
    fresh = tmp_path / "new.debate"
    assert run_cli("import", str(bad), "-o", str(fresh)).returncode == 1
    assert not fresh.exists()


def test_the_command_line_imports_good_argdown(tmp_path: Path) -> None:
    good = tmp_path / "good.ad"
    good.write_text("[Thesis]: Bikes belong on roads.\n  - Roads are for cars.\n",
                    encoding="utf-8")
    out = tmp_path / "good.debate"
    result = run_cli("import", str(good), "-o", str(out))
    assert result.returncode == 0, result.stderr
    info = run_cli("info", str(out), "--json")
    assert '"objection": 1' in info.stdout


def _only_documented_errors(text: str) -> None:
    try:
        read_argdown(text)
    except ImportFormatError as error:
        assert error.message and "\n" not in str(error)
        assert error.line is None or error.line >= 1


ARGDOWN_CHARS = st.sampled_from([
    *"[]<>(){}+-_*#@:.,;/\\=!'\" \t\n\r", "<!--", "-->", "/*", "*/", "//", "===", "----", "<_",
    "_>", "><", "+>", "->", "(1)", "[A]:", "<B>:", "#(t t)", "é", "x",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARGDOWN_CHARS, max_size=60).map("".join))
def test_random_text_only_ever_raises_the_documented_error(text: str) -> None:
    _only_documented_errors(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_mangled_argdown_only_ever_raises_the_documented_error(rnd: random.Random) -> None:
    corpus = corpus_files()
    text = (corpus[rnd.randrange(len(corpus))].read_text(encoding="utf-8")
            if rnd.random() < 0.3 else random_argdown(rnd))
    for _ in range(rnd.randint(1, 4)):
        text = mutate(rnd, text)
    _only_documented_errors(text)
