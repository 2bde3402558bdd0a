"""render/ draws without widgets: QtGui and QtSvg only (import-linter cannot forbid a
part of a package, so this test does)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys, tempfile, pathlib, pkgutil, importlib

    class NoWidgets:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6.QtWidgets" or name.startswith("PySide6.QtWidgets."):
                raise ImportError("widgets are not allowed in render/: " + name)
            return None

    sys.meta_path.insert(0, NoWidgets())
    import debate_editor.render
    for info in pkgutil.walk_packages(debate_editor.render.__path__, "debate_editor.render."):
        importlib.import_module(info.name)
    from debate_editor.domain import ClaimKind
    from debate_editor.formats import registry
    from debate_editor.store import DebateDocument
    path = pathlib.Path(tempfile.mkdtemp()) / "x.debate"
    with DebateDocument.create(path, "t") as doc:
        thesis = doc.add_claim("thesis", ClaimKind.THESIS)
        doc.add_claim("reason", answers=thesis.id)
        debate = doc.snapshot()
    sizes = [len(registry.get(name).write(debate, registry.ExportOptions()))
             for name in ("pdf", "png", "svg")]
    assert all(size > 100 for size in sizes), sizes
    assert "PySide6.QtWidgets" not in sys.modules
    print("ok")
    """
)


def test_render_and_its_exports_never_import_widgets() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
