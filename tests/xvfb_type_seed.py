"""Type the seed thread into the real program with the mind-map keys, under Xvfb.

    python tests/xvfb_type_seed.py [--keep DIR]

Starts Xvfb on display :48 with openbox, makes a new debate file, opens the program on
it, and types the thread's seven claims with xdotool: T, Tab, Enter, O, the arrow keys
and Ctrl+Enter (the steps of tests/seed_typing.py, which tests/test_type_seed.py sends
offscreen on every test run). Then it quits with Ctrl+Q and compares the file's
rebuttal (`debate-editor export FILE --format rebuttal`) with
tests/golden/dod-safety-rebuttal.txt. It prints how many key presses it took and saves
a screenshot of the typed map. Needs Xvfb, openbox, xdotool and ImageMagick's `import`.
Exit status 0 when the rebuttal is the reply, byte for byte.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from seed_typing import GOLDEN, ROOT, key_presses, seed_steps

DISPLAY = ":48"
TOOLS = ("Xvfb", "openbox", "xdotool", "import")


def program() -> list[str]:
    """The installed `debate-editor`, beside this Python, else the module."""
    script = Path(sys.executable).with_name("debate-editor")
    return [str(script)] if script.exists() else [sys.executable, "-m", "debate_editor"]


def wait_for(check, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise SystemExit(f"gave up waiting for {what}")


def xdotool(*args: str, env: dict[str, str]) -> str:
    return subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


SPARE_KEYS = {"’": 147, "“": 148, "”": 149, "—": 150}
"""Letters of the thread the US keyboard map lacks, and the unused keycode each gets."""


class Keyboard:
    """Keys of our own for the letters of SPARE_KEYS, pressed through XTEST.

    xdotool types a letter the keyboard map lacks by mapping a spare key to it for a
    moment; with a window manager running, the program often reads the map after it
    changed back and gets a key without a letter. So those letters get keys for good
    before the program starts (what xmodmap does), and are pressed by keycode."""

    def __init__(self, display: str) -> None:
        self.x11 = x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                               ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
        x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                ctypes.c_ulong]
        self.connection = x11.XOpenDisplay(display.encode())
        if not self.connection:
            raise SystemExit(f"cannot open display {display}")
        for letter, keycode in SPARE_KEYS.items():
            keysym = 0x1000000 + ord(letter)  # the letter's Unicode keysym
            syms = (ctypes.c_ulong * 2)(keysym, keysym)  # the same with Shift
            x11.XChangeKeyboardMapping(self.connection, keycode, 2, syms, 1)
        x11.XSync(self.connection, 0)

    def press(self, letter: str) -> None:
        for down in (1, 0):
            self.xtst.XTestFakeKeyEvent(self.connection, SPARE_KEYS[letter], down, 0)
            self.x11.XSync(self.connection, 0)
            time.sleep(0.02)

    def close(self) -> None:
        self.x11.XCloseDisplay(self.connection)


def type_text(text: str, keyboard: Keyboard, env: dict[str, str]) -> None:
    """ASCII through `xdotool type`, the other letters on their own keys."""
    chunk = ""
    for char in text:
        if char in SPARE_KEYS:
            if chunk:
                xdotool("type", "--delay", "12", chunk, env=env)
                chunk = ""
            keyboard.press(char)
        else:
            chunk += char
    if chunk:
        xdotool("type", "--delay", "12", chunk, env=env)


def type_seed(folder: Path) -> int:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)} (apt-get install xvfb openbox "
                         "xdotool imagemagick)")
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb",
           "XDG_CONFIG_HOME": str(folder / "config")}  # remembers nothing of the user's
    path = folder / "typed.debate"
    path.unlink(missing_ok=True)  # a new file each run
    started: list[subprocess.Popen[bytes]] = []
    try:
        xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1400x900x24", "-nolisten",
                                 "tcp"], stderr=subprocess.DEVNULL)
        started.append(xvfb)
        socket = Path("/tmp/.X11-unix") / f"X{DISPLAY[1:]}"
        wait_for(socket.exists, 10, "Xvfb")
        time.sleep(0.5)
        keyboard = Keyboard(DISPLAY)
        started.append(subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        subprocess.run([*program(), "new", str(path), "--title", "Typed seed"], env=env,
                       check=True)
        app = subprocess.Popen([*program(), str(path)], env=env)
        started.append(app)
        window = ""

        def shown() -> bool:
            nonlocal window
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "typed"],
                                   env=env, capture_output=True, text=True).stdout.split()
            window = found[0] if found else ""
            return bool(window)

        wait_for(shown, 30, "the window")
        time.sleep(1.5)
        xdotool("windowactivate", "--sync", window, env=env)
        xdotool("windowfocus", "--sync", window, env=env)
        time.sleep(0.5)
        steps = seed_steps()
        for kind, value in steps:
            if kind == "key":
                xdotool("key", "--clearmodifiers", value, env=env)
            else:
                type_text(value, keyboard, env)
            time.sleep(0.25)
        xdotool("key", "--clearmodifiers", "ctrl+0", env=env)  # the whole map, for the picture
        time.sleep(0.8)
        shot = folder / "typed-seed.png"
        subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True)
        xdotool("key", "--clearmodifiers", "ctrl+q", env=env)
        app.wait(timeout=20)
        keyboard.close()
    finally:
        for process in reversed(started):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
    shown_text = subprocess.run([*program(), "export", str(path), "--format", "rebuttal"],
                                capture_output=True, text=True, env=env)
    golden = GOLDEN.read_text(encoding="utf-8")
    print(f"{key_presses(steps)} key presses (besides the texts typed), against 28 actions "
          "before the mind-map keys")
    print(f"screenshot: {shot}")
    if shown_text.returncode != 0 or shown_text.stdout != golden:
        print("the rebuttal differs from tests/golden/dod-safety-rebuttal.txt:")
        print(shown_text.stdout or shown_text.stderr)
        return 1
    print(f"the file's rebuttal equals {GOLDEN.relative_to(ROOT)} byte for byte")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="a folder for the file and the screenshot")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return type_seed(args.keep)
    with tempfile.TemporaryDirectory() as folder:
        return type_seed(Path(folder))


if __name__ == "__main__":
    sys.exit(main())
