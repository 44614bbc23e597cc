"""The summary in four formats: Markdown for the file, chat, plain text for email, JSON."""

import re
from collections.abc import Callable

from facilitator.summary import words
from facilitator.summary.formats import Format
from facilitator.summary.report import Entry, Report

_URL = re.compile(r"""(?:https?://|www\.)[^\s<>"']+""", re.IGNORECASE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def render(report: Report, format: Format) -> str:
    """The report as text in one of the formats."""
    renderers: dict[Format, Callable[[Report], str]] = {
        "markdown": markdown,
        "chat": lambda r: plain(r, bullet="•", underline=False),
        "text": lambda r: plain(r, bullet="-", underline=True),
        "json": lambda r: r.model_dump_json(indent=2) + "\n",
    }
    return renderers[format](report)


def markdown(report: Report) -> str:
    """For the summary file and the preview: headings, lists and tables."""
    lines = [f"# {_md(report.title)}", "", words.when(report)]
    if report.series:
        lines[-1] += f" · series {_md(report.series)}"
    lines += ["", _md(words.people(report))]
    if report.actions:
        lines += ["", "## Action items"]
        for owner, group in _grouped(report.actions):
            lines += ["", f"**{_md(owner)}**" if owner else "**Unassigned**"]
            lines += [
                f"- [ ] {_md(a.text)}" + (f" — due {words.due(a.due)}" if a.due else "")
                for a in group
            ]
    lines += _md_list("Resources", [_md(e.text + words.credit(e)) for e in report.resources])
    lines += _md_list("Notes", [_md(e.text + words.credit(e)) for e in report.notes])
    lines += _md_table(
        "Topics",
        ("Topic", "Votes", "Discussed"),
        [
            (
                _md(t.text),
                str(t.votes),
                words.mmss(t.discussed_seconds) if t.discussed_seconds else "—",
            )
            for t in report.topics
        ],
    )
    lines += _md_list("From last time", [_md_carried(e) for e in report.carried])
    lines += _md_table(
        "Agenda",
        ("Segment", "Planned", "Actual"),
        [
            (_md(s.title), words.mmss(s.planned_seconds), words.mmss(s.actual_seconds))
            for s in report.segments
        ],
    )
    lines += _md_table(
        "Airtime",
        ("Person", "Spoke", "Allotted"),
        [
            (_md(p.name), words.mmss(p.spoke_seconds), words.mmss(p.allotted_seconds))
            for p in report.airtime
        ],
    )
    lines += [f"_{line}_" if line else line for line in _footnotes(report)]
    return "\n".join(lines) + "\n"


def plain(report: Report, *, bullet: str, underline: bool) -> str:
    """For chat and email: no tables, short lines, action items first, links bare."""

    def section(title: str, items: list[str]) -> list[str]:
        if not items:
            return []
        heading = [title, "-" * len(title)] if underline else [title]
        return ["", *heading, *(f"{bullet} {item}" for item in items)]

    lines = [f"{report.title}: {words.when(report)}"]
    lines += section("Action items", [words.action(a) for a in report.actions])
    lines += section("Resources", [f"{e.text}{words.credit(e)}" for e in report.resources])
    lines += section("Notes", [f"{e.text}{words.credit(e)}" for e in report.notes])
    lines += section("Topics", [_topic(t) for t in report.topics])
    lines += section("From last time", [words.carried(e) for e in report.carried])
    lines += ["", words.people(report), *_footnotes(report)]
    return "\n".join(lines) + "\n"


def _topic(topic: Entry) -> str:
    votes = f"{topic.votes} vote{'s' if topic.votes != 1 else ''}"
    if topic.discussed_seconds:
        return f"{topic.text} ({votes}, discussed {words.mmss(topic.discussed_seconds)})"
    return f"{topic.text} ({votes}, not discussed)"


def _footnotes(report: Report) -> list[str]:
    notes = []
    if report.interrupted_seconds:
        gap = report.interrupted_seconds
        took = words.minutes(gap) if gap >= 60 else "less than a minute"
        notes.append(f"The session was interrupted for {took}.")
    left_out = words.left_out(report)
    if left_out:
        notes.append(left_out)
    return ["", *notes] if notes else []


def _grouped(actions: list[Entry]) -> list[tuple[str | None, list[Entry]]]:
    groups: dict[str | None, list[Entry]] = {}
    for action in actions:
        groups.setdefault(action.person, []).append(action)
    return list(groups.items())


def _md_list(title: str, items: list[str]) -> list[str]:
    return ["", f"## {title}", "", *(f"- {item}" for item in items)] if items else []


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
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _md_carried(entry: Entry) -> str:
    text = _md(words.action(entry))
    if entry.carry == "done":
        return f"[x] {text} — done"
    if entry.carry == "dropped":
        return f"~~{text}~~ — dropped"
    return f"[ ] {text} — {words.CARRY_WORDS[entry.carry]}"


def _md(text: str) -> str:
    """User text made literal in Markdown; links are left whole so they stay links."""
    parts = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", text[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(parts)
