"""Text from files and journals, made safe to print: no control character (an escape
sequence can write the clipboard, retitle or clear the terminal) and no bidi override
(which makes text read differently from what it is).

Neutral ground: every layer may use it, and it imports none of them. Counts are said here
too (`1 item`, `2 items`), the one way everywhere.
"""

import re
import unicodedata

_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_ANYWHERE = re.compile(f"[{_UNSAFE}]")
_UNSAFE_ON_ONE_LINE = re.compile(f"[{_UNSAFE}\t\n\u2028\u2029]")
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})
"""Line and paragraph separators: newlines, wherever they are printed."""
REPLACEMENT = "\ufffd"


def counted(count: int, noun: str) -> str:
    """`1 segment`, `2 segments`: a count and its noun, plural unless one."""
    return f"{count} {noun}{'s' * (count != 1)}"


def clean(text: str, *, one_line: bool = False) -> str:
    """The text with every unsafe character shown as �; on one line, tabs and newlines
    (and line or paragraph separators) become spaces."""
    if text.isascii() and text.isprintable():  # the common case, checked in C: nothing to do
        return text
    text = text.translate(_SEPARATORS)
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


_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
"""Characters that are letters (or symbols) to Unicode but print as nothing."""
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cn", "Co", "Cs"))


def visible(character: str) -> bool:
    """Whether a character leaves a mark when printed."""
    if character in _BLANK_LETTERS or character.isspace():
        return False
    return unicodedata.category(character) not in _INVISIBLE


_LOOKALIKES = str.maketrans(
    # Cyrillic and Greek letters that print like Latin ones (after casefold, so the capital
    # forms are covered too: В is в, Η is η), a small skeleton in the spirit of UTS #39.
    "авекмнорстухіјѕԁԛԝһӏαβεζηικμνορτυχϲ",
    "abekmhopctyxijsdqwhlabezhikmnoptyxc",
)


def name_key(name: str) -> str:
    """What a name is to a reader: no case, no accents, no normal form, no invisible
    character, and a Cyrillic or Greek letter that looks Latin read as the Latin one
    (`Zoë`, `ZOE`, `Zoe` with a combining diaeresis, Cyrillic `Zое` all give `zoe`)."""
    bare = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    kept = "".join(c for c in bare if visible(c) or c == " ")
    return " ".join(kept.translate(_LOOKALIKES).split())


def first_unsafe(text: str, *, one_line: bool = True) -> str | None:
    """The first character a field must not hold, named (`U+001B ESCAPE`), or None."""
    found = (_UNSAFE_ON_ONE_LINE if one_line else _UNSAFE_ANYWHERE).search(text)
    if found is None:
        return None
    character = found.group()
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "a control character")
    return f"U+{ord(character):04X} {name}".strip()


_CONTROL_NAMES = {"\x1b": "ESCAPE", "\x00": "NUL", "\n": "LINE FEED", "\t": "TAB", "\r": "RETURN"}
