"""The Argdown command line (@argdown/cli), installed once from the npm registry, to compare
our PDF export with its map export of the same debate."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PACKAGE = "@argdown/cli@1.7.5"


def command(cache: Path) -> list[str] | None:
    """`node …/cli.js`, installing the package into `cache` the first time; None without
    Node and npm, or when the install fails."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return None
    script = cache / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"
    if not script.exists():
        cache.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
             "--loglevel=error", PACKAGE],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0 or not script.exists():
            return None
    return [node, str(script)]
