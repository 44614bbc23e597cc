"""Text laid out in terminal cells, not characters: a CJK name takes two cells a character,
and a name cut short ends with an ellipsis instead of pushing a border."""

from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from textual.content import Content

ELLIPSIS = "…"


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + ELLIPSIS, width)


@lru_cache(maxsize=1024)
def wrapped(text: str, width: int) -> tuple[str, ...]:
    """`text`'s lines at `width`, as Textual wraps it: a key or a second changes a row or two
    of a panel, and wrapping each of the others again took a tenth of a millisecond."""
    return tuple(line.plain for line in Content(text).wrap(width))


def names_line(lead: str, names: list[str], width: int) -> str:
    """`lead` and as many names as fit on one line of `width` cells, then `+N more` for the
    names left out; `lead` and `+N more` alone when not even one name fits with it."""
    room = width - cell_len(lead)
    shown = 0
    used = -len(", ")  # the first name has no comma before it
    for count, name in enumerate(names, start=1):
        used += len(", ") + cell_len(name)
        if used > room:
            break
        rest = len(names) - count  # the last name needs no `+N more`, so it may fit alone
        if used + (len(f" +{rest} more") if rest else 0) <= room:
            shown = count
    listed = ", ".join(names[:shown])
    if shown == len(names):
        return lead + listed
    more = f"+{len(names) - shown} more"
    return lead + (f"{listed} {more}" if shown else more)


def window(rows: list[str], current: int | None, height: int) -> list[str]:
    """The rows that fit in `height` lines, keeping row `current` in view with the ones
    after it below; a line says how many more there are above or below."""
    if len(rows) <= height:
        return rows
    if height < 3:
        return [*rows[: height - 1], f"↓ {len(rows) - height + 1} more"] if height > 0 else []
    focus = current if current is not None else 0
    start = max(0, min(focus - 1, len(rows) - height))  # one row of context above
    while True:
        above = start > 0
        room = height - above
        below = start + room < len(rows)
        room -= below
        if focus < start + room or start + room >= len(rows):
            break
        start += 1
    shown = rows[start : start + room]
    return (
        ([f"↑ {start} more"] if above else [])
        + shown
        + ([f"↓ {len(rows) - start - room} more"] if below else [])
    )
