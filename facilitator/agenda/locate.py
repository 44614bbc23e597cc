"""Best-effort line numbers for field paths in TOML text.

`tomllib` keeps no positions, so this reads the text once more and notes where
each key, table and multi-line array element starts. It understands what
agendas use: `[table]`, `[[array.of.tables]]`, `key = value`, dotted and quoted
keys, and arrays of inline tables spread over several lines.
"""

import re

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return [part.strip("\"'") for part in parts]


class _Scanner:
    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self.array_counts: dict[Path, int] = {}
        self.table: Path = ()

    def header(self, keys: list[str], is_array: bool, line: int) -> None:
        path: Path = ()
        for key in keys[:-1]:
            path = self._resolve((*path, key))
        path = (*path, keys[-1])
        if is_array:
            index = self.array_counts.get(path, 0)
            self.array_counts[path] = index + 1
            path = (*path, index)
        self.table = path
        self.lines.setdefault(path, line)

    def _resolve(self, path: Path) -> Path:
        # A key that names an array of tables means its latest element.
        if path in self.array_counts:
            return (*path, self.array_counts[path] - 1)
        return path

    def key(self, keys: list[str], line: int) -> Path:
        path = self.table + tuple(keys)
        self.lines.setdefault(path, line)
        return path


def key_lines(text: str) -> dict[Path, int]:
    """Map each field path found in the text to its (1-based) line."""
    scanner = _Scanner()
    array_path: Path | None = None
    depth = 0
    element = 0
    in_long_string = False
    # TOML ends lines with \n only; splitlines() would also split on \x85 and friends.
    for number, line in enumerate(text.split("\n"), start=1):
        was_in_long_string = in_long_string
        in_long_string ^= (line.count('"""') + line.count("'''")) % 2 == 1
        if was_in_long_string:
            continue
        if array_path is not None:
            depth, element = _scan_array_line(line, depth, element, array_path, number, scanner)
            if depth == 0:
                array_path = None
            continue
        header = _HEADER.match(line)
        if header and _split_key(header.group(2)):
            scanner.header(_split_key(header.group(2)), header.group(1) == "[[", number)
            continue
        key = _KEY.match(line)
        if key:
            path = scanner.key(_split_key(key.group(1)), number)
            rest = line[key.end() :]
            opened = _bracket_depth(rest)
            if opened > 0:
                array_path, depth, element = path, opened, _elements_started(rest)
    return scanner.lines


def _scan_array_line(
    line: str, depth: int, element: int, path: Path, number: int, scanner: _Scanner
) -> tuple[int, int]:
    if depth == 1 and line.strip() and not line.strip().startswith(("]", "#")):
        scanner.lines.setdefault((*path, element), number)
        for key in re.findall(r"([A-Za-z0-9_-]+)\s*=", strip_strings(line)):
            scanner.lines.setdefault((*path, element, key), number)
    element += _elements_started(line) if depth == 1 else 0
    return depth + _bracket_depth(line), element


def strip_strings(text: str, *, keep_comments: bool = False) -> str:
    """The line with its strings emptied (and, unless kept, its comment cut off)."""
    without = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', text)
    return without if keep_comments else without.split("#", 1)[0]


def _bracket_depth(text: str) -> int:
    bare = strip_strings(text)
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


def _elements_started(text: str) -> int:
    """Commas at the outer level of an array: each one starts a new element."""
    depth = 0
    commas = 0
    for char in strip_strings(text):
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth <= 0:
            commas += 1
    return commas


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of the path, or of its nearest ancestor that was found."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None
