"""Hostile text: escape codes from a file never reach a terminal, files that are not
agendas are named in one line, sizes have limits, and a pasted summary pings nobody."""

import json
import os
from pathlib import Path

import pytest

from facilitator.agenda import AgendaError, parse_agenda
from facilitator.session import Session
from facilitator.session.journal import JOURNAL
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.conftest import run_cli
from tests.session_helpers import new_session

CLIPBOARD_WRITE = "\x1b]52;c;aGVsbG8=\x07"
UNSAFE = ("\x1b", "\x07", "\x00", "\x9b", "\u202e")


def agenda_text(title: str = "Circle", name: str = "Ana", prompt: str = "How are you?") -> str:
    return (
        f"title = {json.dumps(title)}\n"
        f"[[participants]]\nname = {json.dumps(name)}\n"
        f'[[segments]]\nkind = "round"\nper_speaker = "2m"\nprompt = {json.dumps(prompt)}\n'
    )


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("title", f"Evil{CLIPBOARD_WRITE}", "test.toml:1: title: expected one line of plain "
         "text, found U+001B ESCAPE"),
        ("name", "Ana\u202eolleh", "test.toml:3: participants[0].name: expected one line of "
         "plain text, found U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("title", "Two\nlines", "test.toml:1: title: expected one line of plain text, "
         "found U+000A LINE FEED"),
        ("prompt", "clear\x1b[2J", "test.toml:7: segments[0].prompt: expected plain text, "
         "found U+001B ESCAPE"),
    ],
)  # fmt: skip
def test_control_characters_and_bidi_overrides_are_refused_with_the_line(
    field: str, value: str, expected: str
) -> None:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(agenda_text(**{field: value}), "test.toml")
    assert str(caught.value) == expected


def test_a_prompt_may_run_over_several_lines() -> None:
    loaded = parse_agenda(agenda_text(prompt="One win.\nOne worry."), "test.toml")
    assert loaded.agenda.segments[0].prompt == "One win.\nOne worry."


def test_no_command_prints_an_escape_code_from_a_file_name(tmp_path: Path) -> None:
    hostile = tmp_path / f"x{CLIPBOARD_WRITE}.toml"
    hostile.write_text(agenda_text(title="Ok") + "segments = 3\n")  # invalid: named in errors
    good = tmp_path / f"y{CLIPBOARD_WRITE}.toml"
    good.write_text(agenda_text(title="Fine"))
    for result in (
        run_cli("check", str(hostile), str(good), cwd=tmp_path),
        run_cli("list", cwd=tmp_path),
    ):
        printed = result.stdout + result.stderr
        assert "x\ufffd]52;c;aGVsbG8=\ufffd" in printed
        assert not any(character in printed for character in UNSAFE), printed


def test_a_journal_edited_to_hold_escape_codes_is_shown_clean(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "innocent")
    session.end()
    session.close()
    assert session.folder is not None
    path = session.folder / JOURNAL
    path.write_text(path.read_text().replace("innocent", "innocent\\u001b]52;c;aGk=\\u0007\\u202e"))
    replayed = Session.reopen(session.folder, session.clock)
    replayed.close()
    [item] = replayed.state.items.values()
    assert item.text == "innocent\ufffd]52;c;aGk=\ufffd\ufffd"
    header, *events = path.read_text().splitlines()
    edited = json.loads(header)
    edited["agenda"]["title"] = f"Title{CLIPBOARD_WRITE}"  # past the loader's checks
    path.write_text("\n".join([json.dumps(edited), *events]) + "\n")
    for args in (["sessions"], ["summary", "last"], ["summary", "last", "--format", "text"]):
        result = run_cli("--home", str(tmp_path), *args)
        printed = result.stdout + result.stderr
        assert not any(character in printed for character in UNSAFE), (args, printed)
    listed = run_cli("--home", str(tmp_path), "sessions").stdout
    # A header that fails the agenda's checks is a damaged header, listed as such (issue 24),
    # not a normal session whose summary then cannot be read.
    assert "DAMAGED" in listed and "damaged header: agenda.title" in listed


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: os.mkfifo(p), "is a FIFO, not an agenda file"),
        (lambda p: p.mkdir(), "is a folder, not an agenda file"),
        (lambda p: p.write_bytes(b"#" * (1024 * 1024 + 1)), "is over 1024 KiB"),
        (lambda p: p.write_text("a = " + "[" * 5000 + "]" * 5000), "nested too deeply"),
    ],
    ids=["fifo", "folder", "huge", "deep"],
)
def test_a_file_that_is_not_an_agenda_gets_one_line(
    tmp_path: Path, make: object, expected: str
) -> None:
    path = tmp_path / "x.toml"
    make(path)  # type: ignore[operator]
    result = run_cli("check", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and expected in result.stderr
    listing = run_cli("list", cwd=tmp_path)  # a FIFO named x.toml used to hang it
    assert listing.returncode == 0 and "peer-circle" in listing.stdout


def test_dev_zero_is_not_read_forever() -> None:
    result = run_cli("check", "/dev/zero")
    assert (result.returncode, result.stderr) == (1, "/dev/zero: is a device, not an agenda file\n")


def test_the_limits_are_said() -> None:
    people = "".join(f'[[participants]]\nname = "P{n}"\n' for n in range(101))
    with pytest.raises(AgendaError, match="participants: expected at most 100 items"):
        parse_agenda(f'title = "Big"\n{people}[[segments]]\nkind = "break"\nduration = 5\n', "t")
    segments = '[[segments]]\nkind = "break"\nduration = 1\n' * 201
    with pytest.raises(AgendaError, match="segments: expected at most 200 items"):
        parse_agenda(f'title = "Long"\n{segments}', "t")
    with pytest.raises(AgendaError, match="title: expected at most 80 characters"):
        parse_agenda(agenda_text(title="x" * 81), "t")


def chat_of(*captures: str) -> dict[str, str]:
    session, _ = new_session()
    for text in captures:
        session.capture("note", text)
    report = build_report(session.facts())
    return {format: render(report, format) for format in ("chat", "text", "markdown")}


def test_a_pasted_summary_pings_nobody() -> None:
    for format, text in chat_of(
        "moved the date @here @everyone", "ask @Ben and @channel", "<!here> and <!channel>"
    ).items():
        for mention in ("@here", "@channel", "@everyone", "<!here>", "<!channel>"):
            assert mention not in text, (format, mention)
        # reads the same, pings nobody; `@here` is not taken for an owner called "here"
        assert "moved the date @\u2060here @\u2060everyone" in text


def test_no_link_shows_text_other_than_its_target() -> None:
    for format, text in chat_of(
        "[Verify](https://evil.example)", "https://good.example/[Click](https://evil.example)"
    ).items():
        assert "](" not in text, format
        assert "https://evil.example" in text  # the target stays visible


async def test_a_hundred_people_still_capture_at_once(tmp_path: Path) -> None:
    from tests.tui_helpers import live_app, screen_text

    people = "".join(f'[[participants]]\nname = "Person {n:03}"\n' for n in range(100))
    agenda = parse_agenda(
        f'title = "Town hall"\n{people}[[segments]]\nkind = "round"\nper_speaker = "1m"\n', "t"
    ).agenda
    app, session, _ = live_app(agenda)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "o", *"said at once", "enter")
        await pilot.pause()
        assert "said at once" in screen_text(app)
    assert [item.text for item in session.state.items.values()] == ["said at once"]


def test_a_capture_holding_escape_codes_or_nul_is_kept_harmless() -> None:
    session, _ = new_session()
    session.capture("note", f"paste{CLIPBOARD_WRITE}with\x00nul\u202eand bidi")
    session.add_latecomer("Eve\x1b[2J")
    [item] = session.state.items.values()
    assert item.text == "paste\ufffd]52;c;aGVsbG8=\ufffdwith\ufffdnul\ufffdand bidi"
    assert "Eve\ufffd[2J" in session.state.people()
    for format in ("chat", "text", "markdown", "json"):
        text = render(build_report(session.facts()), format)
        assert not any(character in text for character in UNSAFE), format
