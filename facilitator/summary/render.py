"""The summary in four formats: Markdown for the file, chat, plain text for email, JSON."""

import re
from collections.abc import Callable
from typing import assert_never

from facilitator.session.item_kinds import ITEM_KINDS, ItemKind
from facilitator.session.phrases import date_text, links, minutes
from facilitator.summary import words
from facilitator.summary.chats import CHAT_STYLES, ChatStyle, defused
from facilitator.summary.formats import Chat, Format
from facilitator.summary.report import Entry, Report
from facilitator.text import counted

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_PIPE = re.compile(r"(?<!\\)\|")
"""A `|` not yet escaped (a link keeps its own): in a table cell it would start a column."""
_FENCE = re.compile(r"`{3,}|~{3,}")
_UNSEEN = "\u2060"
"""A word joiner: invisible, but it keeps a typed fence from opening a code block."""


def render(report: Report, format: Format, chat: Chat = "plain") -> str:
    """The report as text in one of the formats (for chat, following one chat's rules)."""
    renderers: dict[Format, Callable[[Report], str]] = {
        "markdown": markdown,
        "chat": lambda r: plain(r, CHAT_STYLES[chat], underline=False),
        "text": lambda r: plain(r, TEXT_STYLE, underline=True),
        "json": lambda r: r.model_dump_json(indent=2) + "\n",
    }
    text = renderers[format](report)
    if format == "chat":  # no fence typed in a capture opens a code block in the chat
        text = _FENCE.sub(lambda m: _UNSEEN.join(m.group()), text)
    return text if format == "json" else defused(text)


def markdown(report: Report) -> str:
    """For the summary file and the preview: headings, lists and tables."""
    lines = [f"# {md_literal(report.title)}", "", words.when(report)]
    if report.series:
        lines[-1] += f" · series {md_literal(report.series)}"
    lines += ["", md_literal(words.people(report))]
    for kind in ITEM_KINDS.values():
        lines += _md_section(kind, report.entries(kind), report)
    lines += _md_list("From last time", [_md_carried(e, report) for e in report.carried])
    lines += _md_table(
        "Agenda",
        ("Segment", "Planned", "Actual"),
        [
            (
                md_literal(words.segment(s)),
                words.mmss(s.planned_seconds),
                words.mmss(s.actual_seconds),
            )
            for s in report.segments
        ],
    )
    lines += md_code_block(words.agenda_chart(report))
    lines += _md_table(
        "Airtime",
        ("Person", "Spoke", "Allotted"),
        [
            (
                md_literal(words.person(p)),
                words.mmss(p.spoke_seconds),
                words.mmss(p.allotted_seconds),
            )
            for p in report.airtime
        ],
    )
    lines += md_code_block(words.airtime_chart(report))
    lines += [f"_{line}_" if line else line for line in _footnotes(report)]
    return "\n".join(lines) + "\n"


TEXT_STYLE = ChatStyle(bullet="-", bold_marks="")
"""E-mail and the terminal: underlined headings, plain dashes."""


def plain(report: Report, style: ChatStyle, *, underline: bool) -> str:
    """For chat and email: no tables, short lines, action items first, links bare."""

    def section(title: str, items: list[str]) -> list[str]:
        if not items:
            return []
        heading = [title, "-" * len(title)] if underline else [style.bold(title)]
        return ["", *heading, *(f"{style.bullet} {item}" for item in items)]

    lines = [f"{style.bold(report.title)}: {words.when(report)}"]
    for kind in ITEM_KINDS.values():
        lines += section(kind.heading, [_plain_line(kind, e, report) for e in report.entries(kind)])
    lines += section("From last time", [words.carried(e, report.date) for e in report.carried])
    if underline:  # charts for email and the terminal; a chat message stays plain
        for title, chart in (
            ("Agenda, as it went", words.agenda_chart(report)),
            ("Airtime", words.airtime_chart(report)),
        ):
            lines += ["", title, "-" * len(title), *chart] if chart else []
    lines += ["", words.people(report), *_footnotes(report)]
    return "\n".join(lines) + "\n"


def _md_section(kind: ItemKind, entries: list[Entry], report: Report) -> list[str]:
    """One kind's section in Markdown: owners' checklists, a list, or a table of votes."""
    if not entries:
        return []
    match kind.layout:
        case "by_owner":
            lines = ["", f"## {kind.heading}"]
            for owner, group in _grouped(entries):
                lines += ["", f"**{md_literal(owner)}**" if owner else "**Unassigned**"]
                lines += [
                    f"- [ ] {md_literal(e.text)}"
                    + md_literal(words.shared_with(e, owner))
                    + (f" — due {date_text(e.due, report.date)}" if e.due else "")
                    + words.private(e)
                    for e in group
                ]
            return lines
        case "credited":
            return _md_list(kind.heading, [md_literal(e.text + words.credit(e)) for e in entries])
        case "per_person":
            return _md_list(kind.heading, [md_literal(words.per_person(kind, e)) for e in entries])
        case "voted":
            return _md_table(
                kind.heading,
                (kind.label, "Votes", "Discussed"),
                [
                    (
                        md_literal(e.text + words.private(e)),
                        str(e.votes),
                        words.mmss(e.discussed_seconds) if e.discussed_seconds else "—",
                    )
                    for e in entries
                ],
            )
        case _:
            assert_never(kind.layout)


def _plain_line(kind: ItemKind, entry: Entry, report: Report) -> str:
    match kind.layout:
        case "by_owner":
            return words.action(entry, report.date)
        case "credited":
            return f"{entry.text}{words.credit(entry)}"
        case "voted":
            return _topic(entry)
        case "per_person":
            return words.per_person(kind, entry)
        case _:
            assert_never(kind.layout)


def _topic(topic: Entry) -> str:
    text = topic.text + words.private(topic)
    votes = counted(topic.votes, "vote")
    if topic.discussed_seconds:
        return f"{text} ({votes}, discussed {words.mmss(topic.discussed_seconds)})"
    return f"{text} ({votes}, not discussed)"


def _footnotes(report: Report) -> list[str]:
    notes = []
    if report.group_seconds:
        notes.append(f"In the hot seats, the group spoke for {minutes(report.group_seconds)}.")
    if report.interrupted_seconds:
        gap = report.interrupted_seconds
        took = minutes(gap)
        notes.append(f"The session was interrupted for {took}.")
    notes += [words.reopened(reopening, report.date) for reopening in report.reopened]
    return ["", *notes] if notes else []


def _grouped(actions: list[Entry]) -> list[tuple[str | None, list[Entry]]]:
    """Actions under each owner: an action two people own is listed under both."""
    groups: dict[str | None, list[Entry]] = {}
    for action in actions:
        for owner in (action.person, *action.also):
            groups.setdefault(owner, []).append(action)
    return list(groups.items())


def _md_list(title: str, items: list[str]) -> list[str]:
    return ["", f"## {title}", "", *(f"- {item}" for item in items)] if items else []


def md_code_block(lines: list[str]) -> list[str]:
    """Lines as a code block (after a blank line): charts and grids keep their shape
    wherever Markdown is shown, and no backtick inside can close the block."""
    return ["", "```text", *(line.replace("`", "'") for line in lines), "```"] if lines else []


def _md_table(
    title: str, header: tuple[str, str, str], rows: list[tuple[str, str, str]]
) -> list[str]:
    if not rows:
        return []
    return [
        "",
        f"## {title}",
        "",
        "| " + " | ".join(header) + " |",
        "|---|---:|---:|",
        *("| " + " | ".join(_PIPE.sub(r"\\|", cell) for cell in row) + " |" for row in rows),
    ]


def _md_carried(entry: Entry, report: Report) -> str:
    text = md_literal(words.action(entry, report.date))
    if entry.carry == "done":
        return f"[x] {text} — done"
    if entry.carry == "dropped":
        return f"~~{text}~~ — dropped"
    return f"[ ] {text} — {words.CARRY_WORDS[entry.carry]}"


def md_literal(text: str) -> str:
    """User text made literal in Markdown; links are left whole so they stay links."""
    parts = []
    last = 0
    for start, end in links(text):
        parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", text[last:start]))
        parts.append(text[start:end])
        last = end
    parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(parts)
