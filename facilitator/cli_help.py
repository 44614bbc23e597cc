"""What `--help` says of each subcommand: a one-line description and two examples.

Kept apart from the parser so that each subcommand's words are in one table, and light
(the standard library only): `--help` answers without loading pydantic or Textual.
"""

import argparse

HELP: dict[str, tuple[str, list[str]]] = {
    "run": (
        "Run a session from an agenda: a path, or a bundled agenda's name.",
        ["facilitator run peer-circle", "facilitator run ./circle.toml --quiet --new"],
    ),
    "resume": (
        "Continue an interrupted session; reopen an ended one after asking.",
        ["facilitator resume", "facilitator resume 20261125-180000-circle --reopen"],
    ),
    "display": (
        "What the room sees: follow a running session read-only from another window.",
        ["facilitator display", "facilitator display last --serve --port 8080"],
    ),
    "history": (
        "A series across its sessions: attendance, the action ledger, resources, airtime.",
        ["facilitator history", "facilitator history new-managers --format json"],
    ),
    "resources": (
        "Every resource ever shared, one per link, newest first, found by text or link.",
        ["facilitator resources", "facilitator resources 'team topologies' --series circle"],
    ),
    "check": (
        "Validate agendas: exit 0 if all are valid, 1 if any is not, 2 on a usage error.",
        ["facilitator check circle.toml", "facilitator check peer-circle lean-coffee"],
    ),
    "list": (
        "List the bundled agendas and those in this folder: name, title, format, time.",
        ["facilitator list", "facilitator list | grep coffee"],
    ),
    "schema": (
        "Print a JSON Schema: the agenda's (for editors), or a JSON output's.",
        ["facilitator schema --write .", "facilitator schema --summary > summary.schema.json"],
    ),
    "end": (
        "End an unfinished session whose window is gone, and write its summary.",
        ["facilitator end last", "facilitator end 20261202-101500-peer-circle"],
    ),
    "sessions": (
        "List the recorded sessions, newest first: ended, open in a window, or closed.",
        ["facilitator sessions", "facilitator --home ~/circles sessions"],
    ),
    "new": (
        "Write a new agenda from a bundled one, then open it in the editor.",
        ["facilitator new circle.toml", "facilitator new coffee.toml --from lean-coffee --no-edit"],
    ),
    "edit": (
        "Open an agenda in the editor.",
        ["facilitator edit circle.toml", "facilitator edit ~/agendas/troika.toml"],
    ),
    "summary": (
        "Print a recorded session's summary; --copy also puts it on the clipboard.",
        ["facilitator summary", "facilitator summary last --format chat --chat slack --copy"],
    ),
}


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Examples keep their lines; each argument's help ends with its default, if it has one."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if default in (None, False, argparse.SUPPRESS, "") or "default" in text:
            return text
        return f"{text} (default: %(default)s)"


def describe(name: str, parser: argparse.ArgumentParser) -> None:
    """Give a subcommand its description and examples from the table."""
    description, examples = HELP[name]
    parser.description = description
    parser.epilog = "examples:\n" + "\n".join(f"  {example}" for example in examples)
