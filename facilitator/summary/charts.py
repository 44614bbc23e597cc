"""Bars in Unicode blocks, for the summary's charts and the live screen's airtime: they
read the same in a terminal, in an email and in a chat's code block."""

import math

from rich.cells import cell_len, set_cell_size

EIGHTHS = " ▏▎▍▌▋▊▉"
MARK = "│"
"""Where the planned length ends."""
UNUSED = "·"
"""Planned time not used."""

Row = tuple[str, float, float | None, str]
"""A chart's row: its label, the actual value, the planned one (None: no plan), the words."""


def bar(value: float, scale: float, width: int) -> str:
    """`value` as a bar where `scale` fills `width` cells, to an eighth of a cell; longer
    values are cut at `width` (the caller says by how much in words)."""
    if scale <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = min(width * 8, math.ceil(value / scale * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def planned_bar(actual: float, planned: float | None, scale: float, width: int) -> str:
    """`█████▏····│`: the actual time against the planned, both on one scale, the planned
    length marked; overtime runs on past the mark (`████│██`). At most `width` + 1 cells."""
    if not planned or planned <= 0 or scale <= 0:
        return bar(actual, scale, width)
    mark = max(1, min(width, round(planned / scale * width)))
    if actual <= planned:
        used = bar(actual, scale, width)[:mark]
        return used + UNUSED * (mark - len(used)) + MARK
    return "█" * mark + MARK + bar(actual, scale, width)[mark:]


def chart(rows: list[Row], width: int = 24) -> list[str]:
    """One line per row: the label (padded in terminal cells, so a CJK name keeps its bar in
    line), a bar scaled to the larger of planned and actual across the chart, the words."""
    if not rows:
        return []
    label_width = max(cell_len(label) for label, _, _, _ in rows)
    scale = max(max(actual, planned or 0.0) for _, actual, planned, _ in rows)
    bar_width = width + any(planned for _, _, planned, _ in rows)
    return [
        (
            f"{set_cell_size(label, label_width)}  "
            f"{set_cell_size(planned_bar(actual, planned, scale, width), bar_width)}  {words}"
        ).rstrip()
        for label, actual, planned, words in rows
    ]
