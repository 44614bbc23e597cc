"""The summary formats, by name: light enough for the command line's --help."""

from typing import Literal

Format = Literal["markdown", "chat", "text", "json"]
FORMATS: tuple[Format, ...] = ("markdown", "chat", "text", "json")
