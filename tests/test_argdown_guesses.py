"""Argdown that the real parser reads by a guess is imported as it reads it, with a warning.

The README's Argdown section states the rule: a file the real Argdown parser accepts is
never refused. Where its reading is most likely not what the writer meant (a line indented
to a level no line above it opened, a comment or a title never closed, a statement that
answers itself), the import stands and a warning names the line: the command line prints
it on stderr and exits 0. test_argdown_real_parser checks each text here with the real
parser: accepted, with the counts our reading gives.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from argdown_samples import GUESSED, REPOSITORY

from debate_editor.domain.model import Debate, LinkKind
from debate_editor.formats.argdown import argdown_counts, import_argdown, read_argdown


def _texts(debate: Debate) -> dict[str, str]:
    return {claim.id: claim.text for claim in debate.claims}


def _edges(debate: Debate) -> set[tuple[str, str, str]]:
    """(source text, kind, target text) of every link to a claim."""
    texts = _texts(debate)
    return {(texts[link.source], link.kind.value, texts[link.to_claim])
            for link in debate.links if link.to_claim is not None}


@pytest.mark.parametrize(("text", "line", "column", "words"), GUESSED)
def test_a_guess_is_imported_with_one_warning_naming_its_line(
    text: str, line: int, column: int | None, words: str
) -> None:
    imported = import_argdown(text)
    assert len(imported.warnings) == 1, imported.warnings
    warning = imported.warnings[0]
    where = f"line {line}" + (f", column {column}" if column is not None else "") + ": "
    assert warning.startswith(where), warning
    assert words in warning and "\n" not in warning
    assert imported.debate.claims


def test_the_argdown_repositorys_indentation_test_reads_as_argdown_reads_it() -> None:
    """lexer-indentation.argdown: `-> G` (4 spaces) dedents from `+> F` (10) past every
    level to the one `+ B` and `- C` opened (2), so A attacks G, as the real parser has it."""
    text = (REPOSITORY / "packages/argdown-core/test/lexer-indentation.argdown").read_text(
        encoding="utf-8")
    imported = import_argdown(text)
    assert [w.split(":")[0] for w in imported.warnings] == ["line 7, column 5"]
    edges = _edges(imported.debate)
    assert ("A", "objection", "G") in edges  # `->`: the parent attacks the child
    assert ("B", "support", "A") in edges and ("C", "objection", "A") in edges
    assert ("F", "support", "E") not in edges and ("E", "support", "F") in edges
    assert not any("G" in (source, target) and "A" not in (source, target)
                   for source, _, target in edges)
    counts = argdown_counts(text)
    assert counts == {"statements": 10, "arguments": 0,
                      "relations": {"attack": 5, "support": 3}}


def test_the_argdown_repositorys_mixed_parser_test_imports() -> None:
    text = (REPOSITORY / "packages/argdown-core/test/parser-mix.argdown").read_text(
        encoding="utf-8")
    imported = import_argdown(text)
    assert [w.split(":")[0] for w in imported.warnings] == ["line 47, column 5"]
    assert ("A", "objection", "G") in _edges(imported.debate)


def test_an_unclosed_comment_is_read_as_text() -> None:
    debate = read_argdown("[A]: a /* a comment never closed\n  + b\n")
    assert "a /* a comment never closed" in _texts(debate).values()
    assert {link.kind for link in debate.links} == {LinkKind.SUPPORT}


def test_an_unclosed_title_is_read_as_text() -> None:
    debate = read_argdown("[Unterminated title: some text\n  - b\n")
    assert "[Unterminated title: some text" in _texts(debate).values()
    assert all(not claim.title for claim in debate.claims)


def test_a_statement_that_answers_itself_loses_only_that_link() -> None:
    imported = import_argdown("[A]: a\n  + [A]\n  - b\n")
    assert _edges(imported.debate) == {("b", "objection", "a")}


def test_a_clean_file_has_no_warnings() -> None:
    assert import_argdown("[A]: a\n  + b\n    - c\n  - d\n").warnings == ()


def test_the_command_line_prints_the_warning_and_imports(tmp_path: Path) -> None:
    source = tmp_path / "indented.argdown"
    source.write_text("[T]: thesis\n  + b\n      - c\n    - d\n", encoding="utf-8")
    out = tmp_path / "indented.debate"
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", "import", str(source), "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        "debate-editor: warning: indented.argdown: line 4, column 5: this line is indented")
    info = subprocess.run(
        [sys.executable, "-m", "debate_editor", "info", str(out), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert '"support": 1' in info.stdout and '"objection": 2' in info.stdout, info.stdout
