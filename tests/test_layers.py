"""README, "Architecture": domain, store, formats and layout never import Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys, tempfile, pathlib

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError("Qt is not allowed here: " + name)
            return None

    sys.meta_path.insert(0, NoQt())
    import debate_editor.domain, debate_editor.store, debate_editor.formats
    import debate_editor.layout
    from debate_editor.store import DebateDocument
    from debate_editor.domain import ClaimKind
    from debate_editor.formats import registry
    path = pathlib.Path(tempfile.mkdtemp()) / "x.debate"
    with DebateDocument.create(path, "t") as doc:
        thesis = doc.add_claim("thesis", ClaimKind.THESIS)
        doc.add_claim("reason", answers=thesis.id)
        debate = doc.snapshot()
    for fmt in registry.exporters():
        fmt.write(debate, registry.ExportOptions())
    assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
    print("ok", len(registry.exporters()))
    """
)


def test_pure_layers_work_where_qt_cannot_be_imported() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
