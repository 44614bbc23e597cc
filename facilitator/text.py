"""Text from files and journals, made safe to print: no control character (an escape
sequence can write the clipboard, retitle or clear the terminal) and no bidi override
(which makes text read differently from what it is).

Neutral ground: every layer may use it, and it imports none of them. Counts are said here
too (`1 item`, `2 items`), the one way everywhere.
"""

import unicodedata

# Tables and sets rather than regular expressions: a pattern of these ranges took 2 ms to
# compile, at every start.
_UNSAFE_RANGES = (
    (0x00, 0x08),  # control characters, but tab and newline
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0x061C, 0x061C),  # bidi marks, embeddings, overrides and isolates
    (0x200E, 0x200E),  # (two marks apart, as the agenda schema has always named them)
    (0x200F, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
)
_UNSAFE = frozenset(chr(code) for low, high in _UNSAFE_RANGES for code in range(low, high + 1))
_UNSAFE_ON_ONE_LINE = _UNSAFE | frozenset("\t\n\u2028\u2029")
_CHANGED = _UNSAFE | frozenset("\u2028\u2029")
"""What `clean` changes in text of several lines."""
REPLACEMENT = "\ufffd"
_SHOWN = dict.fromkeys(_UNSAFE, REPLACEMENT)
_MADE_SAFE = str.maketrans(_SHOWN | {"\u2028": "\n", "\u2029": "\n"})
"""Line and paragraph separators are newlines, wherever they are printed."""
_MADE_SAFE_ON_ONE_LINE = str.maketrans(_SHOWN | dict.fromkeys("\t\n\u2028\u2029", " "))


def counted(count: int, noun: str) -> str:
    """`1 segment`, `2 segments`: a count and its noun, plural unless one."""
    return f"{count} {noun}{'s' * (count != 1)}"


def clean(text: str, *, one_line: bool = False) -> str:
    """The text with every unsafe character shown as �; on one line, tabs and newlines
    (and line or paragraph separators) become spaces."""
    if _none_of(_UNSAFE_ON_ONE_LINE if one_line else _CHANGED, text):
        return text
    return text.translate(_MADE_SAFE_ON_ONE_LINE if one_line else _MADE_SAFE)


def _none_of(characters: frozenset[str], text: str) -> bool:
    """Whether `text` holds none of `characters` (all of them unsafe or a separator), checked
    in C: printable ASCII first, the common case, then the set."""
    return (text.isascii() and text.isprintable()) or characters.isdisjoint(text)


def safe_text_pattern(*, one_line: bool, not_blank: bool = False) -> str:
    """A JSON Schema pattern (ASCII, with \\u escapes that both ECMAScript and Rust regexes
    read) for text with none of the characters `clean` replaces; with `not_blank`, at least
    one that is not a space."""
    ranges = [*_UNSAFE_RANGES, *([(0x09, 0x09), (0x0A, 0x0A)] if one_line else [])]
    unsafe = "".join(
        f"\\u{low:04x}" + (f"-\\u{high:04x}" if high > low else "") for low, high in ranges
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
    unsafe = _UNSAFE_ON_ONE_LINE if one_line else _UNSAFE
    if _none_of(unsafe, text):
        return None
    character = next(character for character in text if character in unsafe)
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "a control character")
    return f"U+{ord(character):04X} {name}".strip()


_CONTROL_NAMES = {"\x1b": "ESCAPE", "\x00": "NUL", "\n": "LINE FEED", "\t": "TAB", "\r": "RETURN"}
