"""Made-up Argdown texts and debates for the Argdown tests, and the real Argdown parser.

- `random_argdown(rnd)`: an Argdown-like text with statements, arguments, every relation
  sign, premise-conclusion structures, lists, headings, comments, tags, data and hostile
  text; `mutate(rnd, text)` breaks it a little. Used to compare our parser with the real one
  and to fuzz ours.
- `hostile_debate(rnd)`: a debate whose texts, titles, tags and notes are full of Argdown's
  own signs, for export -> import round trips.
- `real_counts(texts)`: what `argdown json` (@argdown/cli 1.7.5, installed once into
  .cache/argdown) counts in each text, or None where it refuses the text.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from debate_editor.domain.model import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "data" / "argdown-corpus"
"""Real files of the Argdown project (MIT, its licence beside them) with what the real
parser counts in each (expected.json): kept in the repository so a fresh clone tests them."""
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "argdown"
"""The workplace's corpus beside the project, where it exists: a file put there that the
copy lacks is judged too."""
OUR_FILES = Path(__file__).resolve().parent / "data" / "argdown"
CLI_VERSION = "1.7.5"
CACHE = ROOT / ".cache" / "argdown"

def corpus_files() -> list[Path]:
    """The corpus's .argdown files, and any in SHARED_CORPUS that the copy lacks."""
    files = {p.name: p for p in CORPUS.glob("*.argdown")}
    if SHARED_CORPUS.is_dir():
        for path in SHARED_CORPUS.glob("*.argdown"):
            files.setdefault(path.name, path)
    return [files[name] for name in sorted(files)]


REPOSITORY = CORPUS / "repository"
"""Every .argdown file of the Argdown project's repository we hold (its test files as its
npm packages carry them, and a few more), under their paths there, with what the real
parser counts in each, or null where it refuses the file (repository/expected.json)."""


def repository_files() -> dict[str, Path]:
    """The repository's .argdown files by their path in the Argdown repository."""
    return {path.relative_to(REPOSITORY).as_posix(): path
            for path in sorted(REPOSITORY.rglob("*.argdown"))}


def repository_expected() -> dict[str, dict[str, object] | None]:
    expected: dict[str, dict[str, object] | None] = json.loads(
        (REPOSITORY / "expected.json").read_text(encoding="utf-8"))
    return expected


def corpus_expected() -> dict[str, dict[str, object]]:
    """What the real parser counts in each corpus file, by file name."""
    expected: dict[str, dict[str, object]] = {}
    for folder in (SHARED_CORPUS, CORPUS):
        if (folder / "expected.json").is_file():
            expected.update(json.loads((folder / "expected.json").read_text(encoding="utf-8")))
    return expected


# Argdown the real parser reads by a guess, which we import with a warning naming the place.
# (text, line, column or None, words the warning must contain)
GUESSED = [
    ("[A]: a /* a comment never closed\n", 1, 8, "comment is never closed"),
    ("[A]: a\n  <!-- never closed\n  + b\n", 2, 3, "comment is never closed"),
    ("[A]: x\n  + b\n      - c\n    - d\n", 4, 5, "indented to a level"),
    ("[Unterminated title: some text\n", 1, 1, "title is never closed"),
    ("[A]: x\n  + <Unterminated: text\n", 2, 5, "title is never closed"),
    ("[A]: a\n  + [A]\n", 2, None, "answers itself"),
]


# ---- the real parser ---------------------------------------------------------------------


def argdown_cli() -> Path:
    """The real Argdown command line, installed from the npm registry on first use."""
    exe = CACHE / "node_modules" / ".bin" / "argdown"
    package = CACHE / "node_modules" / "@argdown" / "cli" / "package.json"
    installed = exe.exists() and package.exists() and (
        json.loads(package.read_text(encoding="utf-8")).get("version") == CLI_VERSION
    )
    missing = [tool for tool in ("node", *(() if installed else ("npm",)))
               if shutil.which(tool) is None]
    if not missing and installed:
        return exe
    if missing:
        pytest.fail(
            f"The Argdown round-trip tests need Node.js and npm to run the real Argdown "
            f"parser (@argdown/cli {CLI_VERSION}), but {' and '.join(missing)} "
            "cannot be found on PATH. Install Node.js (with npm) and run the tests again."
        )
    CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
         "--loglevel=error", f"@argdown/cli@{CLI_VERSION}"],
        capture_output=True, text=True, timeout=900,
    )
    if result.returncode != 0 or not exe.exists():
        pytest.fail(f"npm could not install @argdown/cli {CLI_VERSION}:\n{result.stderr[-2000:]}")
    return exe


def counts_of_json(data: dict) -> dict[str, object]:
    return {
        "statements": len(data["statements"]),
        "arguments": len(data["arguments"]),
        "relations": dict(sorted(Counter(r["relationType"] for r in data["relations"]).items())),
    }


def real_counts(texts: dict[str, str], folder: Path) -> dict[str, dict[str, object] | None]:
    """Run `argdown json` once over all `texts` (name -> Argdown); None where it fails."""
    exe = argdown_cli()
    source, out = folder / "in", folder / "out"
    source.mkdir(parents=True)
    for name, text in texts.items():
        (source / f"{name}.argdown").write_text(text, encoding="utf-8")
    subprocess.run(
        [str(exe), "json", str(source / "*.argdown"), str(out)],
        capture_output=True, text=True, timeout=600, cwd=folder,
    )
    found: dict[str, dict[str, object] | None] = {}
    for name in texts:
        path = out / f"{name}.json"
        found[name] = (
            counts_of_json(json.loads(path.read_text(encoding="utf-8")))
            if path.exists() else None
        )
    return found


# ---- random Argdown ------------------------------------------------------------------------

WORDS = ["alpha", "beta", "Gamma", "delta", "eps", "zeta", "x", "why", "Über", "naïve"]
HOSTILE = ["*", "_", "**", "__", "#", "#tag", "#(two words)", "@[S1]", "@<A1>",
           "[link](http://x.y)", ":heart:", ".^.", "\\*", "\\_", "\\[", "//", "/*c*/",
           "<!--c-->", "{a: 1}", ",", ".", ":", ";", "(", ")", "-", "+", ">", "<", "[", "]",
           "=", "===", "--", "'", '"', "1.", "(1)", "\\\\", "_x_", "*y*", "**z**"]
RELATIONS = ["+", "-", "<+", "<-", "+>", "->", "<_", "_>", "><", "_"]
INFERENCES = ["----", "--\nrule one, rule two\n--", "-- mp --", "-----",
              "--\nR {uses: [1,2]}\n--"]


def _words(rnd: random.Random, hostile: float = 0.2) -> str:
    return " ".join(
        rnd.choice(HOSTILE) if rnd.random() < hostile else rnd.choice(WORDS)
        for _ in range(rnd.randint(1, 6))
    )


def _member(rnd: random.Random, allow_argument: bool = True) -> str:
    number = rnd.randint(1, 6)
    if allow_argument and rnd.random() < 0.4:
        text = f"<A{number}>: {_words(rnd)}" if rnd.random() < 0.5 else f"<A{number}>"
    else:
        form = rnd.random()
        text = (f"[S{number}]: {_words(rnd)}" if form < 0.35
                else f"[S{number}]" if form < 0.55 else _words(rnd))
    if rnd.random() < 0.15:
        text += " #" + rnd.choice(["t1", "t2", "(t 3)"])
    if rnd.random() < 0.1:
        text += " {k: " + str(rnd.randint(1, 9)) + "}"
    return text


def _tree(rnd: random.Random, lines: list[str], depth: int, indent: int, step: int) -> None:
    if depth > 3:
        return
    for _ in range(rnd.randint(0, 3) if depth else rnd.randint(0, 4)):
        sign = rnd.choice(RELATIONS)
        lines.append(" " * (indent + step) + sign + " " + _member(rnd, sign != "><"))
        if rnd.random() < 0.1:
            lines.append(" " * (indent + step + 2) + _words(rnd, 0.05))
        if rnd.random() < 0.5:
            _tree(rnd, lines, depth + 1, indent + step, step)


def _pcs(rnd: random.Random, lines: list[str]) -> None:
    number = 1
    for _ in range(rnd.randint(1, 4)):
        for _ in range(rnd.randint(1, 2)):
            lines.append(f"({number}) {_member(rnd, allow_argument=False)}")
            number += 1
            if rnd.random() < 0.2:
                _tree(rnd, lines, 2, 0, 2)
        lines.extend(rnd.choice(INFERENCES).split("\n"))
        if rnd.random() < 0.2:
            lines.append("  <_ " + _member(rnd))
    lines.append(f"({number}) {_member(rnd, allow_argument=False)}")
    if rnd.random() < 0.6:
        _tree(rnd, lines, 1, 0, rnd.choice([2, 4]))


def random_argdown(rnd: random.Random) -> str:
    blocks = []
    if rnd.random() < 0.2:
        strict = "model:\n    mode: strict\n" if rnd.random() < 0.3 else ""
        blocks.append(f"===\ntitle: T\n{strict}===")
    for _ in range(rnd.randint(1, 7)):
        kind = rnd.random()
        lines: list[str] = []
        if kind < 0.1:
            lines.append("#" * rnd.randint(1, 3) + " " + _words(rnd, 0.1))
        elif kind < 0.55:
            lines.append(_member(rnd))
            _tree(rnd, lines, 0, 0, rnd.choice([2, 4]))
        elif kind < 0.8:
            if rnd.random() < 0.6:
                title = f"<A{rnd.randint(1, 6)}>"
                blocks.append(title + (": " + _words(rnd) if rnd.random() < 0.5 else ""))
            _pcs(rnd, lines)
        elif kind < 0.9:
            lines.extend("  * " + _member(rnd) for _ in range(rnd.randint(1, 3)))
        else:
            lines.append("// comment " + _words(rnd, 0) if rnd.random() < 0.5
                         else "/* c */ " + _member(rnd))
        blocks.append("\n".join(lines))
    text = "\n\n".join(blocks) + "\n"
    return text.replace("\n", "\r\n") if rnd.random() < 0.1 else text


def mutate(rnd: random.Random, text: str) -> str:
    """A few random edits, never inside `{…}` data (where YAML readers differ)."""
    chars = list(text)
    for _ in range(rnd.randint(1, 3)):
        index = rnd.randrange(len(chars) + 1)
        joined = "".join(chars)
        if joined.rfind("{", 0, index) > joined.rfind("}", 0, index):
            continue
        operation = rnd.random()
        if operation < 0.4 and chars:
            del chars[min(index, len(chars) - 1)]
        else:
            chars.insert(index, rnd.choice(
                ["\n", " ", "-", "+", "[", "]", "<", ">", "*", "_", "(", "#", ":", "\n\n", "  "]
            ))
    return "".join(chars)


# ---- hostile debates -----------------------------------------------------------------------

PIECES = ["word", "Wort", "naïve", "中文", "#", "#tag", "#(x y)", "[", "]", "[T]", "<A>", "<",
          ">", "+", "-", "->", "+>", "<_", "_>", "><", "_", "__", "*", "**", "//", "/*", "*/",
          "<!--", "-->", "{", "}", "{a: 1}", "\\", "@[T]", "@<A>", ":", ".", ":x:", ".y.",
          "(1)", "1.", "===", "--", "----", "'", '"', "\n", "\t", "  ", "Untitled 3", "é",
          "[link](http://x.y)", ",", ";", "!", "?", "(", ")", "=", "%", "&", "$", "\u00a0"]
TITLE_PIECES = ["Title", "Zwei Wörter", "A-1", "x", "(b)", "[", "]", "<", ">", "-", ":",
                "Untitled 2", "é", "#", "{", "}", " "]
TAG_PIECES = ["pro", "con", "two words", "über", "a-b", "x#y", "(paren", "n1", "中"]
NOTE_PIECES = ["a note", "line\nbreak", '"quoted"', "{braces}", "===", "\\", "é", "'", ": x",
               "#", "\u2028", "\x07", "🙂"]


def _text(rnd: random.Random, pieces: list[str], most: int) -> str:
    return " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, most)))


def hostile_debate(rnd: random.Random) -> Debate:
    """A random debate of hostile texts: supports, objections, undercuts (also of
    undercuts), arguments with simple premise-conclusion structures, tags, notes."""
    count = rnd.randint(1, 12)
    claims: list[Claim] = []
    seen_texts: set[str] = set()
    titles: set[tuple[bool, str]] = set()
    for index in range(count):
        text = _text(rnd, PIECES, 8)
        if not text.strip() or " ".join(text.split()) in seen_texts:
            text = f"{text} claim {index}"
        seen_texts.add(" ".join(text.split()))
        kind = rnd.choice([*ClaimKind, ClaimKind.ARGUMENT])
        title = ""
        if rnd.random() < 0.5:
            title = _text(rnd, TITLE_PIECES, 3).strip()
            folded = (kind is ClaimKind.ARGUMENT, " ".join(title.split()))
            if folded in titles:
                title = ""
            titles.add(folded)
        structure = ""
        if kind is ClaimKind.ARGUMENT and rnd.random() < 0.4:
            structure = f"(1) Premise one of {index}.\n(2) Premise two.\n----\n(3) So {index}."
        claims.append(Claim(
            id=f"c{index + 1}", text=text, kind=kind, title=title,
            tags=tuple(rnd.sample(TAG_PIECES, rnd.randint(0, 2))),
            note=_text(rnd, NOTE_PIECES, 3) if rnd.random() < 0.2 else "",
            source=_text(rnd, NOTE_PIECES, 2) if rnd.random() < 0.1 else "",
            order=index, argument_structure=structure,
        ))
    links: list[Link] = []
    pairs: set[tuple[str, str]] = set()

    def add(source: str, target: str, kind: LinkKind, undercut: bool = False) -> None:
        if (source, target) in pairs or (not undercut and source == target):
            return
        pairs.add((source, target))
        links.append(Link(
            id=f"l{len(links) + 1}", source=source, kind=kind, order=rnd.randint(0, 3),
            **({"to_link": target} if undercut else {"to_claim": target}),
        ))

    for index in range(1, count):
        if rnd.random() < 0.85:
            target = rnd.randrange(index)
            add(f"c{index + 1}", f"c{target + 1}", rnd.choice(list(LinkKind)))
    for _ in range(rnd.randint(0, 3)):
        a, b = rnd.randrange(count), rnd.randrange(count)
        add(f"c{a + 1}", f"c{b + 1}", rnd.choice(list(LinkKind)))
    for _ in range(rnd.randint(0, 3)):
        if links:
            attacked = rnd.choice(links)
            add(f"c{rnd.randrange(count) + 1}", attacked.id, LinkKind.OBJECTION, undercut=True)
    info = DebateInfo(title=_text(rnd, PIECES, 4).strip() or "T",
                      description=_text(rnd, NOTE_PIECES, 3) if rnd.random() < 0.5 else "")
    return Debate(info=info, claims=tuple(claims), links=tuple(links))
