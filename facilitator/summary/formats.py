"""The summary formats, by name: light enough for the command line's --help."""

from typing import Literal

Format = Literal["markdown", "chat", "text", "json"]
FORMATS: tuple[Format, ...] = ("markdown", "chat", "text", "json")

SERIES_FORMATS: tuple[Format, ...] = ("markdown", "text", "json")
"""What `history` and `resources` print: a series is read, not pasted into a chat."""

Chat = Literal["plain", "slack", "discord", "teams"]
CHATS: tuple[Chat, ...] = ("plain", "slack", "discord", "teams")
"""The chats whose rules (bold, bullets, links, mentions) `--format chat` can follow."""
