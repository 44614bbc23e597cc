"""The words for keys: the help screen's rows and the README's tables, from the command
tables, so that what the app says about its keys is never typed twice."""

from collections.abc import Iterable

from textual.keys import format_key

from facilitator.tui.commands import (
    APP_COMMANDS,
    ITEMS_COMMANDS,
    LIVE_COMMANDS,
    SUMMARY_COMMANDS,
    KeyCommand,
)

CAPTURE_HELP = [
    (
        "@name",
        "credit or owner, named first: @Ben send the deck (else the speaker, or nobody while"
        " the others advise); a name within the words is not an owner: talk to @Ben about it",
    ),
    ("@Ana @Ben", "several owners: one item, listed under each; names need no accents"),
    (
        "by friday",
        "a due date: by friday (said on a Friday: next week's), due 2026-12-01, in 2 weeks,"
        " 1 Dec, by tomorrow",
    ),
    ("#private", "keeps the item out of shared summaries: #private salary figures"),
    ("a link", "resources keep their links whole: r The Manager's Path https://…"),
]
"""What the help says about typing a capture."""


def key_words(keys: Iterable[str]) -> str:
    """Keys as people read them: `n, →`; a run of digits as `1–9`."""
    shown = [_key_word(key) for key in keys]
    digits = [key for key in shown if key.isdigit()]
    if len(digits) > 2:
        others = [key for key in shown if not key.isdigit()]
        shown = [f"{digits[0]}–{digits[-1]}", *others]
    return ", ".join(shown)


def _key_word(key: str) -> str:
    if "+" in key and len(key) > 1:
        return key  # ctrl+z
    return _KEY_WORDS.get(key) or format_key(key)


_KEY_WORDS = {
    "minus": "-",  # the key as typed: a minus sign (−) cannot be
    "enter": "Enter",
    "escape": "Esc",
    "delete": "Delete",
    "backspace": "Backspace",
}


def help_rows(commands: Iterable[KeyCommand]) -> list[tuple[str, str]]:
    """(keys, words) per thing done: commands that do the same share a row."""
    rows: dict[str, list[str]] = {}
    for command in commands:
        rows.setdefault(command.words, []).extend(command.keys.split(","))
    return [(key_words(keys), words) for words, keys in rows.items()]


def readme_table(rows: Iterable[tuple[str, str]], head: str = "key") -> str:
    """A README table of (keys, what they do) rows."""
    lines = [f"| {head} | does |", "|---|---|"]
    lines += [f"| {keys} | {words} |" for keys, words in rows]
    return "\n".join(lines)


README_TABLES = {
    "live": readme_table(help_rows((*LIVE_COMMANDS, *APP_COMMANDS))),
    "capture": readme_table(CAPTURE_HELP, "typed"),
    "items": readme_table(help_rows(ITEMS_COMMANDS)),
    "summary": readme_table(help_rows(SUMMARY_COMMANDS)),
}
"""The README's key tables, each between `<!-- keys: NAME -->` and `<!-- /keys -->`."""
