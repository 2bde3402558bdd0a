"""Input a person did not mean as a debate (README, "What we guarantee"): a file of
nothing but NUL characters and spaces is one sentence from every importer, read the way
the command line and File → Import read a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats import files, registry


@pytest.mark.parametrize("text", ["\x00", "\x00" * 4096, "\x00\n \x00\r\n\t\x00"])
@pytest.mark.parametrize("fmt", registry.importers(), ids=lambda f: f.name)
def test_nul_only_text_is_one_sentence_from_every_importer(tmp_path: Path, fmt: registry.Format,
                                                           text: str) -> None:
    path = tmp_path / f"nothing{fmt.extensions[0] if fmt.extensions else '.txt'}"
    path.write_text(text, encoding="utf-8")
    for named in (fmt.name, None):  # named with --format, and guessed from the name
        with pytest.raises(ImportFormatError) as refused:
            files.read_debate(path, named)
        message = str(refused.value)
        assert message.startswith(f"{path.name}: line ") and "\n" not in message
