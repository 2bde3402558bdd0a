"""Render the PNG icon sizes from the hand-drawn SVG sources, so no size is made by hand.

    python packaging/render_icons.py           write every PNG
    python packaging/render_icons.py --check   exit 1 if a committed PNG is stale

Sources: resources/icons/debate-editor.svg (the application) and
application-x-debate.svg (a .debate document). Output, both committed:
- resources/icons/hicolor/NxN/{apps,mimetypes}/*.png: the freedesktop icon-theme tree a
  desktop installs (also the source for a macOS .icns or a Windows .ico);
- debate_editor/resources/icons/debate-editor-N.png: the sizes the running program gives
  its windows, shipped as package data so an installed package and the bundle find them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "icons"
THEME = SOURCES / "hicolor"
PACKAGE_ICONS = ROOT / "debate_editor" / "resources" / "icons"

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)
APP = "debate-editor"
DOCUMENT = "application-x-debate"


def targets() -> dict[Path, tuple[Path, int]]:
    """Every PNG this script owns: output path -> (SVG source, size in pixels)."""
    out: dict[Path, tuple[Path, int]] = {}
    for size in SIZES:
        folder = THEME / f"{size}x{size}"
        out[folder / "apps" / f"{APP}.png"] = (SOURCES / f"{APP}.svg", size)
        out[folder / "mimetypes" / f"{DOCUMENT}.png"] = (SOURCES / f"{DOCUMENT}.svg", size)
    for size in WINDOW_SIZES:
        out[PACKAGE_ICONS / f"{APP}-{size}.png"] = (SOURCES / f"{APP}.svg", size)
    return out


def render(svg: Path, size: int):  # -> QImage (Qt is imported late: --help needs no Qt)
    """The SVG drawn into a transparent size x size image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def difference(first, second) -> int:  # QImage, QImage -> int
    """The largest per-channel difference between two images (255 if sizes differ)."""
    if first.size() != second.size():
        return 255
    a = first.convertToFormat(first.Format.Format_ARGB32).constBits().tobytes()
    b = second.convertToFormat(second.Format.Format_ARGB32).constBits().tobytes()
    return max((abs(x - y) for x, y in zip(a, b, strict=True)), default=0)


def stale(tolerance: int = 8) -> list[Path]:
    """The committed PNGs that are missing or differ from a fresh rendering of their SVG.

    A small tolerance lets another Qt version antialias an edge a little differently.
    """
    from PySide6.QtGui import QImage

    return [path for path, (svg, size) in targets().items()
            if not path.is_file() or difference(QImage(str(path)), render(svg, size)) > tolerance]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale PNGs")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    if args.check:
        old = stale()
        for path in old:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        if old:
            print("run: python packaging/render_icons.py", file=sys.stderr)
        return 1 if old else 0
    for path, (svg, size) in targets().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(path), "PNG"):
            raise SystemExit(f"render_icons: cannot write {path}")
    print(f"wrote {len(targets())} PNGs from {SOURCES.relative_to(ROOT)}/*.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
