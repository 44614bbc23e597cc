"""Text from files and journals, made safe to print: no control character (an escape
sequence can write the clipboard, retitle or clear the terminal) and no bidi override
(which makes text read differently from what it is).

Neutral ground: every layer may use it, and it imports none of them.
"""

import re
import unicodedata

_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_ANYWHERE = re.compile(f"[{_UNSAFE}]")
_UNSAFE_ON_ONE_LINE = re.compile(f"[{_UNSAFE}\t\n]")
REPLACEMENT = "\ufffd"


def clean(text: str, *, one_line: bool = False) -> str:
    """The text with every unsafe character shown as �; on one line, tabs and newlines
    become spaces."""
    if one_line:
        text = text.replace("\t", " ").replace("\n", " ")
    return _UNSAFE_ANYWHERE.sub(REPLACEMENT, text)


def safe_text_pattern(*, one_line: bool, not_blank: bool = False) -> str:
    """A JSON Schema pattern (ASCII, with \\u escapes that both ECMAScript and Rust regexes
    read) for text with none of the characters `clean` replaces; with `not_blank`, at least
    one that is not a space."""
    unsafe = "".join(
        character if " " <= character <= "~" else f"\\u{ord(character):04x}"
        for character in _UNSAFE + ("\t\n" if one_line else "")
    )
    if not_blank:
        return f"^[^{unsafe}]*[^{unsafe}\\s][^{unsafe}]*$"
    return f"^[^{unsafe}]*$"


def first_unsafe(text: str, *, one_line: bool = True) -> str | None:
    """The first character a field must not hold, named (`U+001B ESCAPE`), or None."""
    found = (_UNSAFE_ON_ONE_LINE if one_line else _UNSAFE_ANYWHERE).search(text)
    if found is None:
        return None
    character = found.group()
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "a control character")
    return f"U+{ord(character):04X} {name}".strip()


_CONTROL_NAMES = {"\x1b": "ESCAPE", "\x00": "NUL", "\n": "LINE FEED", "\t": "TAB", "\r": "RETURN"}
