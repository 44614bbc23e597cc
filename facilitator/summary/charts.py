"""Bars in Unicode blocks, for the summary's charts and the live screen's airtime: they
read the same in a terminal, in an email and in a chat's code block."""

import math

EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, scale: float, width: int) -> str:
    """`value` as a bar where `scale` fills `width` cells, to an eighth of a cell; longer
    values are cut at `width` (the caller says by how much in words)."""
    if scale <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = min(width * 8, math.ceil(value / scale * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def chart(rows: list[tuple[str, float, str]], width: int = 24) -> list[str]:
    """One line per row: the label, a bar scaled to the largest value, and the words."""
    if not rows:
        return []
    label_width = max(len(label) for label, _, _ in rows)
    largest = max(value for _, value, _ in rows)
    return [
        f"{label:<{label_width}}  {bar(value, largest, width):<{width}}  {words}".rstrip()
        for label, value, words in rows
    ]
