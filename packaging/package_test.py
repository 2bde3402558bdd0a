"""`make package-test`: run the BUILT program under dist/, never the venv's, and check the
desktop-integration files in packaging/.

    python packaging/package_test.py [--bundle dist/debate-editor] [--seed SEED.debate]

The bundle runs with a bare environment (no venv on PATH, no PYTHONPATH, a fresh HOME) from
a temporary folder, so a pass means the folder under dist/ works by itself. The checks
need desktop-file-validate, xmllint and update-mime-database (and appstreamcli, Xvfb,
xwininfo, xprop and Qt's xcb libraries for the metainfo and X11 checks). What is missing is
installed with apt-get when we are root (as on the project's machines and in CI);
otherwise a missing checker stops the run with the Debian packages to install, and a
missing optional one is reported as a NOTE that the check was not run.
"""

from __future__ import annotations

import argparse
import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import x11

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "debate-editor.desktop"
MIME_XML = PACKAGING / "debate-editor-mime.xml"
METAINFO = PACKAGING / "io.github.debate_editor.DebateEditor.metainfo.xml"
PLIST = PACKAGING / "macos-document-types.plist"
REG = PACKAGING / "debate-editor.reg"
ICONS = ROOT / "resources" / "icons" / "hicolor"

# tool -> Debian package; appstreamcli is optional (validated when it can be had).
TOOLS = {"desktop-file-validate": "desktop-file-utils", "xmllint": "libxml2-utils",
         "update-mime-database": "shared-mime-info", "appstreamcli": "appstream"}
OPTIONAL = {"appstreamcli"}

failures: list[str] = []


def check(ok: bool, what: str, detail: str = "") -> bool:
    print(f"{'ok  ' if ok else 'FAIL'} {what}" + (f"\n     {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(what)
    return ok


def can_install() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(packages: list[str]) -> None:
    print(f"installing {' '.join(packages)} (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
        subprocess.run(install, env=env, capture_output=True)


def ensure_tools(bundle: Path) -> None:
    """The checking tools, and what the X11 check needs (that one is skipped, said so, if
    it cannot be had)."""
    missing = [tool for tool in (*TOOLS, *x11.TOOLS) if shutil.which(tool) is None]
    wanted = {**TOOLS, **x11.TOOLS}
    packages = sorted({wanted[tool] for tool in missing})
    if can_install() and x11.library_missing(bundle):
        packages += x11.SYSTEM_LIBRARIES
    if not packages:
        return
    if not can_install():
        needed = [tool for tool in missing if tool in TOOLS and tool not in OPTIONAL]
        if needed:
            raise SystemExit(f"package-test: needs {', '.join(needed)}; install them with: "
                             f"sudo apt-get install {' '.join(packages)}")
        return
    apt_install(packages)
    still = [tool for tool in missing if shutil.which(tool) is None and tool not in OPTIONAL]
    if still:
        raise SystemExit(f"package-test: could not install {', '.join(still)} "
                         f"(Debian packages {' '.join(packages)})")


class Bundle:
    """The built program, run as a user would: bare environment, another folder."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        self.program = folder / "debate-editor"
        self.scratch = scratch
        home = scratch / "home"
        runtime = scratch / "runtime"
        home.mkdir()
        runtime.mkdir(mode=0o700)
        self.env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
                    "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "offscreen"}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.program), *args], capture_output=True, text=True,
                              env=self.env, cwd=self.scratch, timeout=120)


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_bundle(bundle: Bundle, seed: Path) -> None:
    print(f"-- the built program: {bundle.program}")
    check(bundle.program.is_file() and os.access(bundle.program, os.X_OK)
          and (bundle.program.parent / "_internal").is_dir(),
          "dist/ holds a one-folder bundle with its own executable")
    version = bundle.run("--version")
    expected = f"debate-editor {project_version()}"
    check(version.returncode == 0 and version.stdout.strip() == expected,
          f"--version prints the package metadata's version ({expected})",
          f"exit {version.returncode}: {version.stdout.strip()!r} {version.stderr.strip()!r}")

    info = bundle.run("info", str(seed), "--json")
    facts = json.loads(info.stdout) if info.returncode == 0 else {}
    check(facts.get("claims") == 7 and facts.get("theses") == 1
          and facts.get("links", {}).get("objection") == 2,
          "info --json on the seed: 7 claims, 1 thesis, 2 objections",
          f"exit {info.returncode}: {info.stdout.strip()} {info.stderr.strip()}")
    text = bundle.run("info", str(seed))
    check(text.returncode == 0 and "Claims:  7 (1 thesis)" in text.stdout,
          "info on the seed, for people", text.stdout + text.stderr)

    exported = bundle.run("export", str(seed), "--format", "json")
    debate = json.loads(exported.stdout) if exported.returncode == 0 else {}
    claims = debate.get("claims", [])
    check(len(claims) == 7, "export --format json on the seed: all 7 claims",
          exported.stderr.strip())
    test_markdown(bundle, seed, facts.get("title", ""), claims)
    test_screenshot(bundle, seed)
    test_x11(bundle, seed, facts.get("title", "") or "Debate Editor")


def test_x11(bundle: Bundle, seed: Path, title: str) -> None:
    """The bundle on a real (virtual) X server: the xcb plugin loads, the window maps and
    carries the application's icon and class."""
    print("-- the built program on an X server (Xvfb)")
    if not x11.available():
        print("NOTE Xvfb, xwininfo or xprop are not available here: the X11 check was skipped")
        return
    missing = x11.library_missing(bundle.program.parent)
    if not check(not missing, "the system has the libraries Qt's xcb plugin needs",
                 f"missing: {', '.join(missing)}"):
        return
    env = {**bundle.env, "QT_QPA_PLATFORM": "xcb"}
    with x11.XServer() as server:
        seconds, window, process = server.open_window(
            [str(bundle.program), str(seed)], env, title)
        try:
            if window is None:
                check(False, "the window opens", x11.stop(process)[-500:])
                return
            check(True, f"the window opens ({seconds:.2f} s until it is mapped)")
            check("debate-editor" in server.wm_class(window),
                  "WM_CLASS is debate-editor (the desktop entry's name)",
                  str(server.wm_class(window)))
            sizes = server.icon_sizes(window)
            check(sizes == [16, 24, 32, 48, 64, 128, 256],
                  "the window carries the application icon in every size (_NET_WM_ICON)",
                  str(sizes))
        finally:
            x11.stop(process)


def test_wheel(scratch: Path) -> None:
    """An installed package (a wheel, not this source tree) finds the window icon too."""
    print("-- the installed package (a wheel built from this tree)")
    wheels = scratch / "wheels"
    built = run_tool(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                     "--disable-pip-version-check", "-w", str(wheels), str(ROOT))
    found = sorted(wheels.glob("debate_editor-*.whl"))
    if not check(built.returncode == 0 and len(found) == 1, "pip builds a wheel",
                 built.stderr[-500:]):
        return
    site = scratch / "site"
    run_tool(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
             "--disable-pip-version-check", "--target", str(site), str(found[0]))
    probe = (
        "import json, debate_editor\n"
        "from debate_editor.ui.app import app_icon\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "print(json.dumps({'from': debate_editor.__file__, 'version': debate_editor.__version__,\n"
        "    'sizes': sorted(s.width() for s in app_icon().availableSizes())}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, cwd=scratch, timeout=120)
    facts = json.loads(result.stdout) if result.returncode == 0 else {}
    check(str(facts.get("from", "")).startswith(str(site))
          and facts.get("sizes") == [16, 24, 32, 48, 64, 128, 256],
          "the installed package loads its window icon in every size (package data)",
          result.stdout + result.stderr[-500:])


def test_screenshot(bundle: Bundle, seed: Path) -> None:
    shot = bundle.scratch / "seed.png"
    result = bundle.run(str(seed), "--screenshot", str(shot), "--size", "900x600")
    check(result.returncode == 0 and shot.is_file(), "--screenshot under the offscreen platform",
          result.stderr.strip())
    if shot.is_file():
        width, height, colours = image_facts(shot)
        check((width, height) == (900, 600) and colours > 8,
              "the screenshot is 900x600 and shows something (not one flat colour)",
              f"{width}x{height}, {colours} colours")


def test_markdown(bundle: Bundle, seed: Path, title: str, claims: list[dict]) -> None:
    """Markdown export of the seed names its title and thesis."""
    markdown = bundle.run("export", str(seed), "--format", "markdown")
    flat = " ".join(markdown.stdout.split())
    thesis = next((c["text"] for c in claims if c.get("kind") == "thesis"), "")
    check(markdown.returncode == 0 and bool(title) and title in flat
          and " ".join(thesis.split())[:30] in flat,
          "export --format markdown on the seed: the title and the thesis",
          f"exit {markdown.returncode}: {markdown.stderr.strip()} {markdown.stdout[:200]!r}")


def image_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct colours of a PNG (read with Qt)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    step = max(1, image.width() // 150)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step)
               for y in range(0, image.height(), step)}
    return image.width(), image.height(), len(colours)


def run_tool(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_files(seed: Path, scratch: Path) -> None:
    print("-- desktop integration files (packaging/)")
    result = run_tool("desktop-file-validate", str(DESKTOP))
    check(result.returncode == 0 and not result.stdout.strip(), "desktop-file-validate",
          result.stdout + result.stderr)
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text("utf-8").splitlines()
                 if "=" in line)
    check(entry.get("Exec") == "debate-editor %f"
          and entry.get("MimeType") == "application/x-debate;",
          "the desktop entry opens .debate files with `debate-editor %f`")
    check(all((ICONS / f"{s}x{s}" / "apps" / f"{entry.get('Icon')}.png").is_file()
              for s in (16, 32, 48, 128, 256)), "its Icon= is in resources/icons/hicolor")

    for path in (MIME_XML, METAINFO, PLIST):
        result = run_tool("xmllint", "--noout", "--nonet", str(path))
        check(result.returncode == 0, f"xmllint: {path.name} is well-formed XML", result.stderr)
    test_mime(seed, scratch)

    if shutil.which("appstreamcli"):
        result = run_tool("appstreamcli", "validate", "--no-net", str(METAINFO))
        check(result.returncode == 0, "appstreamcli validate (AppStream metainfo)",
              result.stdout + result.stderr)
    else:
        print("NOTE appstreamcli is not available here: the metainfo was not validated")
    metainfo = METAINFO.read_text("utf-8")
    release = re.search(r'<release version="([^"]+)"', metainfo)
    check(bool(release) and release.group(1) == project_version(),
          "the metainfo's newest release is the package version")
    check(f"<launchable type=\"desktop-id\">{DESKTOP.name}</launchable>" in metainfo,
          "the metainfo launches the desktop entry")

    plist = plistlib.loads(PLIST.read_bytes())
    doc_type = plist["CFBundleDocumentTypes"][0]
    uti = plist["UTExportedTypeDeclarations"][0]
    check(doc_type["LSItemContentTypes"] == [uti["UTTypeIdentifier"]]
          and uti["UTTypeTagSpecification"]["public.filename-extension"] == ["debate"],
          "macOS plist: a document type for the exported .debate UTI")
    reg = REG.read_bytes()
    check(reg.startswith(b"Windows Registry Editor Version 5.00\r\n")
          and b'"Content Type"="application/x-debate"' in reg and b"\n" not in
          reg.replace(b"\r\n", b""), "Windows .reg: regedit header, CRLF lines, the MIME type")


def test_mime(seed: Path, scratch: Path) -> None:
    """Install the MIME XML into a private data folder and ask Qt what a .debate file is."""
    share = scratch / "share"
    packages = share / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages / MIME_XML.name)
    system = Path("/usr/share/mime/packages/freedesktop.org.xml")
    if system.is_file():  # the parent type application/vnd.sqlite3 lives there
        shutil.copy(system, packages / system.name)
    env = {**os.environ, "XDG_DATA_DIRS": str(share), "XDG_DATA_HOME": str(scratch / "none")}
    result = run_tool("update-mime-database", str(share / "mime"), env=env)
    check(result.returncode == 0 and not result.stderr.strip(),
          "update-mime-database accepts the MIME XML (no warnings)", result.stderr)

    renamed = scratch / "renamed-debate"
    shutil.copy(seed, renamed)
    probe = (
        "import json, sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "out = {p: db.mimeTypeForFile(p).name() for p in sys.argv[1:]}\n"
        "t = db.mimeTypeForName('application/x-debate')\n"
        "out['icon'] = t.iconName(); out['sqlite'] = t.inherits('application/vnd.sqlite3')\n"
        "print(json.dumps(out))\n"
    )
    result = run_tool(sys.executable, "-c", probe, str(seed), str(renamed), env=env)
    answer = json.loads(result.stdout) if result.returncode == 0 else {}
    check(answer.get(str(seed)) == "application/x-debate",
          "a *.debate file is application/x-debate (glob)", result.stdout + result.stderr)
    check(answer.get(str(renamed)) == "application/x-debate",
          "a renamed debate is still application/x-debate (SQLite application_id magic)",
          result.stdout + result.stderr)
    check(answer.get("icon") == "application-x-debate"
          and (ICONS / "48x48" / "mimetypes" / "application-x-debate.png").is_file(),
          "its icon is the document icon in resources/icons/hicolor")
    if system.is_file():
        check(answer.get("sqlite") is True, "it is a kind of application/vnd.sqlite3")

    apps = share / "applications"
    apps.mkdir()
    shutil.copy(DESKTOP, apps / DESKTOP.name)
    run_tool("update-desktop-database", str(apps))
    cache = apps / "mimeinfo.cache"
    check(cache.is_file() and f"application/x-debate={DESKTOP.name};" in cache.read_text(),
          "update-desktop-database maps application/x-debate to the desktop entry")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "debate-editor")
    parser.add_argument("--seed", type=Path, default=ROOT / "seeds" / "dod-safety.debate")
    args = parser.parse_args(argv)
    if not (args.bundle / "debate-editor").is_file():
        raise SystemExit(f"package-test: no bundle at {args.bundle}; run `make package` first")
    ensure_tools(args.bundle)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory(prefix="debate-package-test-") as scratch:
        bundle = Bundle(args.bundle.resolve(), Path(scratch))
        test_bundle(bundle, args.seed.resolve())
        test_files(args.seed.resolve(), Path(scratch))
        test_wheel(Path(scratch))
    if failures:
        print(f"package-test: {len(failures)} failed: {'; '.join(failures)}", file=sys.stderr)
        return 1
    print("package-test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
