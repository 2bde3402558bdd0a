"""Which system libraries Qt's X11 platform plugin lacks, named as packages to install.

Qt's own message when its xcb plugin fails to load names one library at best (often one
that is installed), then aborts the process. Before that can happen we ask the dynamic
linker (`ldd`) what the plugin and its Qt library cannot find, and turn the sonames into
the packages a person installs (README, "Two commands"). Pure Python: it must run before
Qt is loaded, so it imports nothing from PySide6 but its location.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}

Runner = Callable[[Path], str]


def qt_xcb_files() -> list[Path]:
    """The xcb plugin and the Qt library it loads, inside the installed PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    found = [qt / "plugins" / "platforms" / "libqxcb.so"]
    found += sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1]
    return [path for path in found if path.is_file()]


def run_ldd(path: Path) -> str:
    done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=20,
                          check=False)
    return done.stdout


def missing_libraries(files: Iterable[Path], runner: Runner = run_ldd) -> list[str]:
    """Sonames the dynamic linker cannot find for any of `files`, in first-seen order."""
    missing: list[str] = []
    for path in files:
        for line in runner(path).splitlines():
            name, _, where = line.strip().partition("=>")
            if "not found" in where and name.strip() not in missing:
                missing.append(name.strip())
    return missing


def install_sentence(missing: Iterable[str]) -> str:
    """One sentence a person can act on: the packages, by distribution."""
    missing = list(missing)
    debian = _unique(PACKAGES.get(name, (name, name))[0] for name in missing)
    fedora = _unique(PACKAGES.get(name, (name, name))[1] for name in missing)
    sentence = (
        "The window cannot open: Qt's X11 support needs system libraries that are not "
        f"installed ({', '.join(missing)}). Install them with "
        f"'sudo apt-get install {' '.join(debian)}' (Debian, Ubuntu)"
    )
    if fedora != debian:
        sentence += f" or 'sudo dnf install {' '.join(fedora)}' (Fedora)"
    return sentence + "."


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def wants_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will try its xcb plugin: Linux, an X display, no other platform asked for."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def problem(environ: dict[str, str] | os._Environ[str] = os.environ,
            runner: Runner = run_ldd) -> str | None:
    """The sentence to stop with, or None when the window can be tried."""
    if not wants_xcb(environ) or shutil.which("ldd") is None:
        return None
    missing = missing_libraries(qt_xcb_files(), runner)
    return install_sentence(missing) if missing else None


def fallback_platform(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """The QT_QPA_PLATFORM to start Qt with so that a failing xcb plugin cannot abort us.

    With "xcb;offscreen" Qt falls back instead of aborting; `after_start` then tells the
    person why. Nothing is changed where the person chose a platform themselves.
    """
    if environ.get("QT_QPA_PLATFORM") or not wants_xcb(environ):
        return None
    return "xcb;offscreen"


def after_start(platform_name: str, environ: dict[str, str] | os._Environ[str] = os.environ,
                runner: Runner = run_ldd) -> str | None:
    """Why Qt fell back from xcb (the sentence to stop with), or None when it did not."""
    if platform_name == "xcb":
        return None
    missing = missing_libraries(qt_xcb_files(), runner)
    if missing:
        return install_sentence(missing)
    display = environ.get("DISPLAY", "")
    return (f"The window cannot open: no X display answers at DISPLAY={display!r}. "
            "Start the program from a desktop session, or use --screenshot without one.")


def main() -> int:
    """`python -m debate_editor.ui.desktop_libs`: what `make run` asks before it starts."""
    sentence = problem()
    if sentence:
        print(sentence, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
