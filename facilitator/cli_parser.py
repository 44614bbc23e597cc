"""The command line's parser: `--help`'s words, each subcommand's arguments."""

from __future__ import annotations

import argparse

from facilitator import __version__


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, a subcommand's name, with that subcommand
    alone: `run` reads its own arguments without building the thirteen others' (2 ms)."""
    from pathlib import Path

    from facilitator.cli_help import HelpFormatter, describe
    from facilitator.summary.formats import CHATS, FORMATS, SERIES_FORMATS

    main = argparse.ArgumentParser(
        prog="facilitator",
        description="Run group and peer mentoring sessions from a TOML agenda.\n"
        "Without a command, opens a picker of agendas.",
        epilog="examples:\n  facilitator run peer-circle\n  facilitator summary last --format chat",
        formatter_class=HelpFormatter,
    )
    main.add_argument("--version", action="version", version=f"facilitator {__version__}")
    main.add_argument(
        "--home", metavar="DIR", help="the data folder (default: $FACILITATOR_HOME, else per user)"
    )
    commands = main.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_SubcommandParser
    )
    if only in (None, "run"):
        run = commands.add_parser("run", help="run a session from an agenda")
        run.add_argument("agenda", metavar="AGENDA", help="a path, or a bundled agenda's name")
        run.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
        run.add_argument(
            "--new", action="store_true", help="start a new session even if one is unfinished"
        )
    if only in (None, "resume"):
        resume = commands.add_parser("resume", help="continue an interrupted session")
        resume.add_argument("session", metavar="SESSION", nargs="?", default="last", help=SESSION)
        resume.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
        resume.add_argument(
            "--reopen", action="store_true", help="reopen an ended session without asking"
        )
    if only in (None, "display"):
        display = commands.add_parser(
            "display", help="what the room sees: follow a session read-only from another window"
        )
        display.add_argument(
            "session", metavar="SESSION", nargs="?", default="last", help=SESSION + ", or waits"
        )
        display.add_argument(
            "--serve", action="store_true", help="serve the display to a browser (needs [web])"
        )
        display.add_argument(
            "--host",
            default="127.0.0.1",
            help="with --serve: the address; 127.0.0.1 is this machine",
        )
        display.add_argument(
            "--port", type=_port, default=8000, help="with --serve, 1-65535 (default: 8000)"
        )
        display.add_argument(
            "--max-viewers",
            type=_at_least_one,
            default=10,
            help="with --serve: pages open at once, each a process (default: 10)",
        )
    if only in (None, "history"):
        history = commands.add_parser("history", help="a series: sessions, attendance, ledger")
        history.add_argument(
            "series", metavar="SERIES", nargs="?", help="a series' name (default: list each series)"
        )
        history.add_argument(
            "--format",
            choices=SERIES_FORMATS,
            help="markdown, text or json (default: text in a terminal, else markdown)",
        )
        history.add_argument("--include-private", action="store_true", help="include private items")
    if only in (None, "resources"):
        library = commands.add_parser("resources", help="every resource shared, newest first")
        library.add_argument(
            "query", metavar="QUERY", nargs="?", default="", help="words or a link to look for"
        )
        library.add_argument("--series", metavar="SERIES", help="only this series' sessions")
        library.add_argument("--format", choices=SERIES_FORMATS, default="markdown", help=FORMAT)
        library.add_argument("--include-private", action="store_true", help="include private items")
    if only in (None, "check"):
        check = commands.add_parser("check", help="validate agenda files")
        check.add_argument("agendas", metavar="AGENDA", nargs="+", help="paths or bundled names")
    if only in (None, "list"):
        commands.add_parser("list", help="bundled agendas and those in this folder")
    if only in (None, "schema"):
        schema = commands.add_parser("schema", help="print the agenda JSON Schema, for editors")
        which = schema.add_mutually_exclusive_group()
        which.add_argument(
            "--write", metavar="DIR", type=Path, help="write agenda.schema.json into DIR instead"
        )
        for document in ("summary", "history", "resources"):
            which.add_argument(
                f"--{document}",
                action="store_const",
                dest="document",
                const=document,
                help=f"the schema of `{document} --format json` instead",
            )
    if only in (None, "sessions"):
        commands.add_parser("sessions", help="recorded sessions, newest first")
    if only in (None, "end"):
        end = commands.add_parser(
            "end", help="end an unfinished session whose window is gone, writing its summary"
        )
        end.add_argument(
            "session", metavar="SESSION", help="a session id, or last for the newest unfinished one"
        )
    if only in (None, "new"):
        new = commands.add_parser("new", help="a new agenda from a bundled one, then the editor")
        new.add_argument("path", metavar="PATH", type=Path, help="the agenda file to write")
        new.add_argument(
            "--from", dest="source", metavar="NAME", default="peer-circle", help="a bundled agenda"
        )
        new.add_argument("--no-edit", action="store_true", help="write the file, open no editor")
    if only in (None, "edit"):
        edit = commands.add_parser("edit", help="the agenda editor")
        edit.add_argument("path", metavar="PATH", type=Path, help="the agenda file to edit")
    if only in (None, "summary"):
        summary = commands.add_parser("summary", help="a recorded session's summary on stdout")
        summary.add_argument("session", metavar="SESSION", nargs="?", default="last", help=SESSION)
        summary.add_argument("--format", choices=FORMATS, default="markdown", help=FORMAT)
        summary.add_argument(
            "--chat", choices=CHATS, default="plain", help="with --format chat: which chat's rules"
        )
        summary.add_argument("--copy", action="store_true", help="also put it on the clipboard")
        summary.add_argument(
            "--include-private", action="store_true", help="include #private and confidential items"
        )
    for name, command in commands.choices.items():
        describe(name, command)
    return main


SESSION = "a session id from `facilitator sessions`, or last for the newest"
FORMAT = "how to print it"


class _SubcommandParser(argparse.ArgumentParser):
    """Subcommands format their help as the main parser does."""

    def __init__(self, **kwargs: object) -> None:
        from facilitator.cli_help import HelpFormatter

        super().__init__(formatter_class=HelpFormatter, **kwargs)  # type: ignore[arg-type]


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535, not {text!r}")
    return int(text)


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a number from 1 up, not {text!r}")
    return int(text)
