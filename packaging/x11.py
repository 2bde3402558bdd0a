"""A private X server (Xvfb) to run the built program as a Linux desktop would.

The offscreen platform proves the program draws; only a real X server proves that the
bundle's xcb platform plugin and its libraries load, that the window is mapped, and that
it carries its icon (_NET_WM_ICON) and class (WM_CLASS). Used by package_test.py and
measure_bundle.py; needs Xvfb, xwininfo and xprop (Debian: xvfb, x11-utils).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

TOOLS = {"Xvfb": "xvfb", "xwininfo": "x11-utils", "xprop": "x11-utils"}
# Qt's xcb plugin needs these from the system (a desktop has them; a server may not).
SYSTEM_LIBRARIES = ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                    "libxcb-render-util0", "libxkbcommon-x11-0", "libxcb-cursor0")


def available() -> bool:
    return all(shutil.which(tool) for tool in TOOLS)


class XServer:
    """Xvfb on a free display number, for the length of a `with` block."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten",
             "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def __enter__(self) -> XServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def _x(self, *command: str) -> str:
        env = {**os.environ, "DISPLAY": self.display}
        return subprocess.run(command, capture_output=True, text=True, env=env,
                              timeout=30).stdout

    def viewable_window(self, title: str) -> str | None:
        """The id of a top-level window whose name contains `title`, once it is mapped."""
        for line in self._x("xwininfo", "-root", "-children").splitlines():
            match = re.match(r"\s*(0x[0-9a-f]+) \"(.*)\":", line)
            if match and title in match.group(2):
                state = self._x("xwininfo", "-id", match.group(1))
                if "Map State: IsViewable" in state:
                    return match.group(1)
        return None

    def wm_class(self, window: str) -> list[str]:
        return re.findall(r'"([^"]*)"', self._x("xprop", "-id", window, "WM_CLASS"))

    def icon_sizes(self, window: str) -> list[int]:
        """The widths of the images in the window's _NET_WM_ICON (each: width, height, pixels)."""
        text = self._x("xprop", "-id", window, "-len", "100000000", "-notype", "32c",
                      "_NET_WM_ICON")  # -len: xprop cuts long values by default
        numbers = [int(n) for n in re.findall(r"\d+", text.partition("=")[2])]
        sizes, at = [], 0
        while at + 2 <= len(numbers):
            width, height = numbers[at], numbers[at + 1]
            sizes.append(width)
            at += 2 + width * height
        return sorted(sizes)

    def open_window(self, command: list[str], env: dict[str, str], title: str,
                    timeout: float = 60) -> tuple[float, str | None, subprocess.Popen]:
        """Start `command`; seconds until its window titled `title` is mapped, and the window.

        The caller ends the returned process.
        """
        start = time.perf_counter()
        process = subprocess.Popen(command, env={**env, "DISPLAY": self.display},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        window = None
        while window is None and process.poll() is None:
            if time.perf_counter() - start > timeout:
                break
            window = self.viewable_window(title)
            if window is None:
                time.sleep(0.01)
        return time.perf_counter() - start, window, process


def stop(process: subprocess.Popen) -> str:
    """End a program we started; its standard error."""
    process.terminate()
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err.decode(errors="replace") if err else ""


def library_missing(bundle: Path) -> list[str]:
    """System libraries the bundle's xcb plugin cannot find (ldd, bundle first)."""
    internal = bundle / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    env = {**os.environ,
           "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, env=env).stdout
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
