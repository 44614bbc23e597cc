"""Summaries as they land where they are pasted: links whole, addresses intact, no one
notified, and each chat's own bold and bullets."""

import re
from pathlib import Path

import pytest

from facilitator.session import Session
from facilitator.summary.formats import CHATS, Chat
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_helpers import CIRCLE, new_session
from tests.test_summary import GOLDEN, finished  # noqa: F401  (a fixture)

EVERY_MENTION = (
    "ping @here @channel @everyone @all @room <!here> <!channel> <!subteam^S012AB> "
    "<@U012AB> <@123456789> <@!123456789> <@&123456789> <#C012AB> <#123456789>"
)

LIVE_MENTIONS: dict[Chat, re.Pattern[str]] = {
    # What each chat turns into a notification when it reads it in a pasted message.
    "slack": re.compile(r"(?<![\w.+-])@(here|channel|everyone)\b|<[!@#]", re.IGNORECASE),
    "discord": re.compile(r"(?<![\w.+-])@(here|everyone)\b|<@[!&]?\d|<#\d", re.IGNORECASE),
    "teams": re.compile(r"(?<![\w.+-])@(everyone|all|channel|team)\b", re.IGNORECASE),
    # Mattermost (@all, @channel, @here), Matrix (@room), and everything else.
    "plain": re.compile(r"(?<![\w.+-])@(here|channel|everyone|all|room)\b|<[!@#]", re.I),
}


def summaries(*captures: str, agenda: str = CIRCLE) -> dict[str, str]:
    """Every shareable rendering of a session with these notes."""
    session, _ = new_session(agenda)
    for text in captures:
        session.capture("note", text)
    report = build_report(session.facts())
    rendered = {f"chat {chat}": render(report, "chat", chat) for chat in CHATS}
    return rendered | {format: render(report, format) for format in ("text", "markdown")}


def test_a_link_keeps_its_parentheses_and_drops_a_full_stop() -> None:
    link = "https://en.wikipedia.org/wiki/Ship_(disambiguation)"
    session, _ = new_session()
    session.capture("resource", f"Ships: {link}.")
    [item] = session.state.items.values()
    assert item.urls == (link,)
    for name, text in summaries(f"see {link}.").items():
        assert f"{link}." in text, name  # the link whole, not Markdown-escaped


def test_slacks_masked_link_gives_its_url_and_shows_as_text() -> None:
    session, _ = new_session()
    session.capture("resource", "<https://a.example|click>")
    [item] = session.state.items.values()
    assert item.urls == ("https://a.example",)
    for name, text in summaries("<https://a.example|click> and <!date^1392734382^x|later>").items():
        assert "<https://" not in text and "<!date" not in text, name
        assert "https://a.example" in text and "click" in text, name  # still readable


def test_e_mail_addresses_and_words_with_at_are_left_alone() -> None:
    said = "write to someone@everyone.example or ops+all@room.example, re:@here"
    for name, text in summaries(said).items():
        assert "someone@everyone.example" in text, name
        assert "ops+all@room.example" in text, name


@pytest.mark.parametrize("chat", CHATS)
def test_a_pasted_summary_cannot_notify_anyone(chat: Chat) -> None:
    people = '{ name = "Cleo" },\n  { name = "@all" },\n  { name = "<!here>" }'
    agenda = CIRCLE.replace('{ name = "Cleo" }', people).replace(
        'title = "Check-in"', 'title = "Check-in @room <@&123456789>"'
    )
    session, _ = new_session(agenda)
    for text in EVERY_MENTION.split():
        session.capture("note", f"ask {text} about it")
    text = render(build_report(session.facts()), "chat", chat)
    assert "Attended: Ana, Ben, Cleo, @\u2060all, <\u2060!here>" in text  # still readable
    assert not LIVE_MENTIONS[chat].search(text), LIVE_MENTIONS[chat].findall(text)
    assert "Check-in @\u2060room <\u2060@&123456789>" in text  # reads the same
    assert "<\u2060!subteam^S012AB>" in text


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_text_and_markdown_notify_no_one_either(format: str) -> None:
    for name, text in summaries(EVERY_MENTION).items():
        assert not LIVE_MENTIONS["plain"].search(text), name


@pytest.mark.parametrize("chat", ["slack", "discord", "teams"])
def test_each_chat_matches_its_golden_file(finished: Session, chat: Chat) -> None:  # noqa: F811
    text = render(build_report(finished.facts()), "chat", chat)
    golden = GOLDEN / f"peer-circle.chat-{chat}"
    if not golden.exists():
        golden.write_text(text)
        pytest.fail(f"wrote {golden.name}: read it as a reader of the chat would, then commit it")
    assert text == golden.read_text()


def test_plain_chat_is_the_default(finished: Session) -> None:  # noqa: F811
    report = build_report(finished.facts())
    assert render(report, "chat") == render(report, "chat", "plain")
    assert render(report, "chat") == (GOLDEN / "peer-circle.chat").read_text()


def test_summary_command_takes_the_chat(tmp_path: Path, finished: Session) -> None:  # noqa: F811
    from tests.conftest import run_cli

    result = run_cli("--home", str(tmp_path), "summary", "--format", "chat", "--chat", "slack")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "peer-circle.chat-slack").read_text()
