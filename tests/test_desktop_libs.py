"""A desktop lacking Qt's X11 libraries is told what to install (README, "Two commands")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from debate_editor.ui import desktop_libs

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def fake_ldd(path: Path) -> str:
    return LDD_OUTPUT


def test_missing_libraries_become_the_packages_to_install() -> None:
    missing = desktop_libs.missing_libraries([Path("a.so"), Path("b.so")], fake_ldd)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"]
    sentence = desktop_libs.install_sentence(missing)
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0" in sentence
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms libxkbcommon-x11" in sentence
    assert "libxcb-cursor0" not in sentence  # installed, so not named
    assert "\n" not in sentence


def test_fedora_is_named_only_where_its_names_differ() -> None:
    sentence = desktop_libs.install_sentence(["libxcb.so.1"])
    assert "apt-get install libxcb1" in sentence and "dnf install libxcb" in sentence
    same = desktop_libs.install_sentence(["libunknown.so.3"])
    assert "dnf" not in same and "apt-get install libunknown.so.3" in same


def test_only_an_x11_start_is_checked() -> None:
    assert desktop_libs.wants_xcb({"DISPLAY": ":0"})
    assert not desktop_libs.wants_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert not desktop_libs.wants_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert desktop_libs.wants_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not desktop_libs.wants_xcb({})
    assert desktop_libs.problem({"QT_QPA_PLATFORM": "offscreen"}, fake_ldd) is None
    assert desktop_libs.fallback_platform({"DISPLAY": ":0"}) == "xcb;offscreen"
    assert desktop_libs.fallback_platform({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}) is None


def test_a_fallback_says_why(monkeypatch) -> None:
    monkeypatch.setattr(desktop_libs, "qt_xcb_files", lambda: [Path("libqxcb.so")])
    assert desktop_libs.after_start("xcb", {"DISPLAY": ":0"}, fake_ldd) is None
    assert "apt-get install libxcb-icccm4" in desktop_libs.after_start(
        "offscreen", {"DISPLAY": ":0"}, fake_ldd)
    no_display = desktop_libs.after_start("offscreen", {"DISPLAY": ":7"}, lambda p: "")
    assert "DISPLAY=':7'" in no_display


def test_the_installed_plugin_is_found_and_read() -> None:
    files = desktop_libs.qt_xcb_files()
    assert any(path.name == "libqxcb.so" for path in files)
    # Whatever this machine lacks, the answer is a list of sonames (maybe empty).
    assert all(".so" in name for name in desktop_libs.missing_libraries(files))


def test_make_run_check_exits_1_with_one_line_when_libraries_are_missing(tmp_path) -> None:
    # A fake ldd first on PATH reports two libraries missing, as on a fresh desktop.
    ldd = tmp_path / "ldd"
    ldd.write_text("#!/bin/sh\nprintf '\\tlibxcb-icccm.so.4 => not found\\n'\n")
    ldd.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "DISPLAY": ":0"}
    done = subprocess.run([sys.executable, "-m", "debate_editor.ui.desktop_libs"],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "libxcb-icccm4" in done.stderr and "xcb-util-wm" in done.stderr


def test_the_program_stops_with_the_packages_when_xcb_falls_back(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """Started on a desktop whose xcb plugin cannot load: Qt falls back instead of
    aborting, and the program stops with the one sentence, before any window opens."""
    from debate_editor.ui import app

    real = desktop_libs.missing_libraries
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # both restored after the test
    monkeypatch.setenv("QT_LOGGING_RULES", "")
    monkeypatch.setattr(desktop_libs, "fallback_platform", lambda: "xcb;offscreen")
    monkeypatch.setattr(desktop_libs, "missing_libraries",
                        lambda files, runner=None: real(files, fake_ldd))
    status = app.run(tmp_path / "new.debate")
    assert status == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "libxcb-icccm4" in err and "apt-get install" in err
    assert not (tmp_path / "new.debate").exists()  # stopped before opening anything
