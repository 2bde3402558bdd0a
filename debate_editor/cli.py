"""The command line. Stable: scripts and checks rely on every word of it.

    debate-editor [FILE] [--screenshot OUT.png [--view V] [--size WxH]]
    debate-editor new DEBATE --title TITLE
    debate-editor info DEBATE [--json]
    debate-editor import SRC -o DEBATE [--format F] [--force]
    debate-editor import SRC --into DEBATE [--format F]
    debate-editor export DEBATE --format F [-o OUT] [--claim ID] [--inline] [--open] [--status]
    debate-editor evaluate DEBATE [--json] [--semantics grounded|evidential]
    debate-editor copy DEBATE DEBATE [--force]
    debate-editor watch DEBATE

A DEBATE is a .debate file or postgresql://user@host:port/dbname?debate=NAME (README,
"Team debates on a server").

Exit status: 0 success, 2 usage error, 1 a documented error, printed on one line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from debate_editor.cli_args import DRAWN_FORMATS, PROG, command_parser, gui_parser
from debate_editor.domain.errors import DebateError, DebateFileError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.marks import disagreements
from debate_editor.domain.model import Debate, DebateInfo
from debate_editor.domain.status import Labelling, Semantics, evaluate
from debate_editor.formats import files, registry
from debate_editor.store import DebateDocument, targets
from debate_editor.store.server_url import ServerAddress
from debate_editor.store.whereabouts import export_target_problem, path_problem

COMMANDS = ("new", "info", "import", "export", "evaluate", "copy", "watch")


class UsageError(Exception):
    """A mistake in the command's words: exit status 2."""


class OutputError(DebateError):
    """Standard output cannot take what a command prints (closed, full, or an encoding
    that lacks its characters): one line, exit status 1, and nothing half-printed."""


def emit(text: str) -> None:
    """Print all of `text` or, saying why, none of it."""
    out = sys.stdout
    if out is None:
        raise OutputError("standard output is closed; nothing was printed.")
    encoding = out.encoding or "utf-8"
    try:
        text.encode(encoding, out.errors or "strict")
    except UnicodeEncodeError:
        raise OutputError(
            f"standard output takes only {encoding} text and this holds other characters; "
            "nothing was printed (set PYTHONIOENCODING=utf-8, or write to a file with -o)."
        ) from None
    try:
        out.write(text)
        out.flush()
    except OSError as error:
        _drop_standard_output()
        raise OutputError(f"cannot write to standard output ({error.strerror}).") from None


def _drop_standard_output() -> None:
    """After a failed write, what is left in the buffer goes nowhere (else the flush at
    exit fails again, with a traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def one_line(text: str) -> str:
    """A message for the terminal: one line, and no control character of a file's (an
    escape sequence in a received debate's id would otherwise clear the screen or retitle
    the window); each is shown as its code, such as \\x1b."""
    joined = " ".join(text.splitlines())
    return "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch
                   for ch in joined)


def _writable_target(path: Path) -> None:
    """Refuse, before anything is written, a name no debate can have."""
    problem = path_problem(path)
    if problem:
        raise DebateFileError(path, f"cannot be written: {problem}.")


def cmd_new(args: argparse.Namespace) -> int:
    if args.text is None and args.title is None:
        raise UsageError("give the debate a --title (or start it --from a text)")
    if args.title is not None and not args.title.strip():
        raise UsageError("--title must not be empty")
    if isinstance(args.file, Path):
        _writable_target(args.file)
    if args.text is None:
        targets.create_empty(args.file, args.title)
        return 0
    imported = files.import_debate(args.text, "argdown")
    debate = imported.debate
    title = args.title
    if title is None and debate.info.title == DebateInfo().title:  # the text names none
        title = args.text.stem or debate.info.title
    if title is not None:
        debate = debate.model_copy(update={
            "info": debate.info.model_copy(update={"title": title})})
    if isinstance(args.file, ServerAddress):
        targets.write_new(args.file, debate, replace=False, refusal=_FORCE)
    else:
        if args.file.exists() or args.file.is_symlink():
            raise DebateFileError(args.file, "already exists; choose another name.")
        from debate_editor.store import atomic

        atomic.create_file(args.file, debate).release()
    for warning in imported.warnings:
        print(f"{PROG}: warning: {one_line(f'{args.text.name}: {warning}')}", file=sys.stderr)
    return 0


_FORCE = "already exists; pass --force to replace it."


def cmd_copy(args: argparse.Namespace) -> int:
    targets.copy_debate(args.source, args.target, replace=args.force, refusal=_FORCE)
    return 0


def info_of(doc: targets.ReadDebate) -> dict[str, object]:
    """What `info --json` prints: the stable keys scripts read."""
    debate = doc.snapshot()
    graph: DebateGraph = doc.graph
    return {
        "title": debate.info.title,
        "claims": len(debate.claims),
        "theses": len(graph.theses()),
        "links": debate.link_counts(),
        "schema_version": doc.schema_version,
    }


def _count(number: object, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def cmd_info(args: argparse.Namespace) -> int:
    with targets.open_for_reading(args.file) as doc:
        facts = info_of(doc)
        cycles = doc.graph.cycles()
    if args.json:
        emit(json.dumps(facts, ensure_ascii=False) + "\n")
        return 0
    links = facts["links"]
    assert isinstance(links, dict)
    lines = [
        f"Title:   {facts['title']}",
        f"Claims:  {facts['claims']} ({_count(facts['theses'], 'thesis', 'theses')})",
        f"Links:   {_count(links['support'], 'support')}, "
        f"{_count(links['objection'], 'objection')}, {_count(links['undercut'], 'undercut')}",
    ]
    if cycles:
        lines.append(f"Cycles:  {len(cycles)} (circular reasoning, e.g. {' → '.join(cycles[0])})")
    kind = "server debate" if isinstance(args.file, ServerAddress) else ".debate"
    lines.append(f"Format:  {kind} version {facts['schema_version']}")
    emit("".join(line + "\n" for line in lines))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    source: Path = args.source
    try:
        imported = files.import_debate(source, args.format)
    except files.UnknownFormatError:
        raise UsageError(f"cannot tell the format of {source}; name it with --format") from None
    if args.into is not None:
        _import_into(args.into, source, imported.debate)
    elif isinstance(args.output, ServerAddress):
        targets.write_new(args.output, imported.debate, replace=args.force, refusal=_FORCE)
    else:
        _writable_target(args.output)
        if args.output.exists() and args.output.samefile(source):
            raise DebateFileError(args.output, "is the file being imported; choose another name.")
        from debate_editor.store import atomic

        # Written whole, not opened again: loading it back would hold a second debate.
        atomic.create_file(args.output, imported.debate).release()
    for warning in imported.warnings:  # read by a guess: said, and the import stands
        print(f"{PROG}: warning: {one_line(f'{source.name}: {warning}')}", file=sys.stderr)
    return 0


def _import_into(where: targets.Target, source: Path, debate: Debate) -> None:
    """The claims of `debate` added to the debate at `where` as one edit, placed as File →
    Import into This Debate places them (render/merge.py)."""
    if not debate.claims:
        raise DebateFileError(source, "holds no claims; nothing was added.")
    from debate_editor.render.exports import ensure_application
    from debate_editor.render.merge import merge_edit

    ensure_application()  # card sizes are measured in fonts
    if isinstance(where, ServerAddress):
        from debate_editor.store.server_document import ServerDocument

        opened: DebateDocument = ServerDocument.open_server(where)
    else:
        opened = DebateDocument.open(where, read_only=False)
    with opened as doc:  # on a server: one transaction, logged and announced to the team
        doc.apply(merge_edit(doc.graph, doc.ids, debate, label=f"Import {source.name}"))


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in DRAWN_FORMATS:
        import debate_editor.render.exports  # noqa: F401  (registers pdf, png, svg)
    try:
        fmt = registry.get(args.format)
    except KeyError:
        raise DebateFileError(args.format, "this export is not available yet.") from None
    assert fmt.write is not None
    if fmt.binary and args.output is None:
        raise UsageError(f"--format {args.format} needs -o OUT")
    source = args.file if isinstance(args.file, Path) else None
    problem = None if args.output is None else export_target_problem(args.output, source)
    if problem:
        raise DebateFileError(args.output, f"cannot be written: {problem}.")
    with targets.open_for_reading(args.file) as doc:
        debate = doc.snapshot()
        if args.claim is not None and args.claim not in doc.graph.claims:
            raise DebateFileError(args.file, f"has no claim with the id {args.claim}.")
    options = registry.ExportOptions(claim=args.claim, inline=args.inline, size=args.size,
                                     open_points=args.open_points, status=args.status)
    data = fmt.write(debate, options)
    if args.output is None:
        emit(data if isinstance(data, str) else data.decode("utf-8"))
    else:
        files.write_whole(args.output, data)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    with targets.open_for_reading(args.file) as doc:
        debate = doc.snapshot()
        order = doc.graph.reading_order()
    result = evaluate(debate, Semantics(args.semantics))
    if args.json:
        emit(json.dumps(result, ensure_ascii=False) + "\n")
        return 0
    labels = result["claims"]
    assert isinstance(labels, dict)
    emit("".join(f"{labels[claim.id]:<10} {claim.id:<6} {' '.join(claim.text.split())[:70]}"
                 f"{'  [you: ' + claim.mark.value + ']' if claim.mark.value else ''}\n"
                 for claim in order))
    parted = disagreements(DebateGraph.of(debate), Labelling.of(debate, Semantics(args.semantics)))
    if parted:
        emit("\nWhere your marks part from the structure:\n" + "".join(
            f"  {d.claim:<6} {d.why}\n" for d in parted))
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    """One JSON line per committed change, flushed, until interrupted (README, "Command
    line"); Ctrl+C ends it quietly, with status 0."""
    from debate_editor.store import watch

    def say(line: str) -> None:
        print(f"{PROG}: {one_line(line)}", file=sys.stderr, flush=True)

    changes = (watch.server_changes(args.file, say) if isinstance(args.file, ServerAddress)
               else watch.file_changes(args.file))
    try:
        for change in changes:
            emit(json.dumps(change, ensure_ascii=False) + "\n")
    except KeyboardInterrupt:
        return 0
    finally:
        changes.close()
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from debate_editor.ui.app import refuse, run

    if isinstance(args.file, ServerAddress):  # README, "Team debates on a server"
        return run(args.file, screenshot=args.screenshot, view=args.view, size=args.size)
    path: Path | None = args.file
    if path is not None and args.screenshot is None:
        # Refuse a bad file here with one line, before any window appears (and, started
        # without a terminal, in a dialog too). A file that is not there yet is created
        # there, as editors do; its folder must exist.
        try:
            if not path.exists() and not path.is_symlink():
                DebateDocument.create(path, title=path.stem or "Untitled debate").close()
            else:
                DebateDocument.open(path, read_only=True).close()
        except DebateError as error:
            refuse(str(error))
            raise
    return run(path, screenshot=args.screenshot, view=args.view, size=args.size)


_COMMANDS = {"new": cmd_new, "info": cmd_info, "import": cmd_import, "export": cmd_export,
             "evaluate": cmd_evaluate, "copy": cmd_copy, "watch": cmd_watch}


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        parser = command_parser()
        args = parser.parse_args(argv)
        handler = _COMMANDS[args.command]
    else:
        parser = gui_parser()
        args = parser.parse_args(argv)
        if args.size and args.screenshot is None:
            parser.error("--size goes with --screenshot")
        handler = cmd_gui
    try:
        return handler(args)
    except UsageError as error:
        parser.error(str(error))
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(arguments)
    except DebateError as error:
        print(f"{PROG}: {one_line(str(error))}", file=sys.stderr)  # a name with a newline too
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _drop_standard_output()
        return 1
    except OSError as error:  # the system refused a file: its words, on one line
        where = f"{os.fsdecode(error.filename)}: " if error.filename else ""
        print(f"{PROG}: {one_line(f'{where}{error.strerror or error}')}.", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: still one line, the details on request
        if os.environ.get("DEBATE_EDITOR_TRACEBACK"):
            raise
        print(f"{PROG}: internal error: {type(error).__name__}: {one_line(str(error))} "
              "(set DEBATE_EDITOR_TRACEBACK=1 to see where)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
