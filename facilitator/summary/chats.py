"""What a summary must be to survive a paste into a chat: it pings nobody, makes no link
whose text hides its target, and follows the chosen chat's bold and bullets."""

import re
from typing import NamedTuple

from facilitator.summary.formats import Chat

_UNSEEN = "\u2060"
"""A word joiner: invisible, but it stops `@here` pinging a channel, `<!here>` or `<@&1>`
being read as a mention and `[text](link)` becoming a link whose text hides where it goes."""

_GROUP_MENTION = re.compile(r"(?<![\w.+-])(@)(here|channel|everyone|all|room)\b", re.IGNORECASE)
"""`@here`, `@channel`, `@everyone` (Slack, Discord), `@all` (Mattermost, Teams), `@room`
(Matrix): typed or pasted, each notifies a whole group. Not after a letter, a dot, `+` or
`-`, so `someone@everyone.example` stays a working address."""
_ANGLE_FORM = re.compile(r"<(?=[!@#]|https?://[^\s>]*\|)", re.IGNORECASE)
"""Slack's and Discord's markup: `<!here>`, `<!subteam^S012AB>`, `<@U123>`, `<@&123>` (a
role), `<#C123>` (a channel), and Slack's masked link `<url|text>`."""
_MASKED_LINK = re.compile(r"\]\(")


def defused(text: str) -> str:
    """Text that reads the same but, pasted into Slack, Discord, Teams, Mattermost or
    Matrix, notifies nobody and shows every link's target."""
    text = _GROUP_MENTION.sub(rf"\1{_UNSEEN}\2", text)
    text = _ANGLE_FORM.sub(f"<{_UNSEEN}", text)
    return _MASKED_LINK.sub(f"]{_UNSEEN}(", text)


class ChatStyle(NamedTuple):
    """How one chat shows a heading and a list; links stay bare URLs in all of them (each
    makes them links by itself, with the target in view)."""

    bullet: str
    bold_marks: str

    def bold(self, text: str) -> str:
        return f"{self.bold_marks}{text}{self.bold_marks}" if self.bold_marks else text


CHAT_STYLES: dict[Chat, ChatStyle] = {
    "plain": ChatStyle(bullet="•", bold_marks=""),  # any chat, e-mail: no markup at all
    "slack": ChatStyle(bullet="•", bold_marks="*"),  # mrkdwn: *bold*, no list syntax
    "discord": ChatStyle(bullet="-", bold_marks="**"),  # Markdown: **bold**, - lists
    "teams": ChatStyle(bullet="-", bold_marks="**"),  # Markdown: **bold**, - lists
}
