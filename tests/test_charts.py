"""Bars and charts in Unicode blocks: right for nothing spoken, one person, a skipped
segment and overtime past 100%."""

from pathlib import Path

from facilitator.session import FakeClock, Session
from facilitator.summary.charts import Row, bar, chart
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_helpers import agenda


def test_a_bar_is_measured_in_eighths_of_a_cell() -> None:
    assert bar(0, 60, 8) == ""
    assert bar(60, 60, 8) == "████████"
    assert bar(30, 60, 8) == "████"
    assert bar(1, 64, 8) == "▏"  # anything spoken shows, to an eighth of a cell
    assert bar(61, 60, 4) == "████"  # past full: cut at the width, said in words
    assert bar(5, 0, 4) == ""  # nothing allotted: no bar to scale


def test_a_chart_scales_to_its_largest_row() -> None:
    assert chart([("Ana", 0, None, "0:00")], width=4) == ["Ana        0:00"]
    assert chart([("Ana", 60, None, "1:00"), ("Benedikt", 30, None, "0:30")], width=4) == [
        "Ana       ████  1:00",
        "Benedikt  ██    0:30",
    ]
    assert chart([]) == []


def test_a_bar_is_scaled_to_the_larger_of_planned_and_actual_with_the_plan_marked() -> None:
    rows: list[Row] = [
        ("Short", 34, 900, "0:34 of 15:00"),
        ("Skipped", 0, 300, "0:00 of 5:00 (skipped)"),
        ("Over", 900, 300, "15:00 of 5:00 (300%)"),
        ("李小龍", 300, 300, "5:00 of 5:00"),
    ]
    assert chart(rows, width=12) == [
        "Short    ▌···········│  0:34 of 15:00",  # not a full bar: 34 s of 15 min
        "Skipped  ····│          0:00 of 5:00 (skipped)",
        "Over     ████│████████  15:00 of 5:00 (300%)",  # past the mark
        "李小龍   ████│          5:00 of 5:00",  # padded in cells: the bar stays in line
    ]


def test_summary_charts_say_skipped_and_overtime() -> None:
    clock = FakeClock()
    session = Session(agenda(), clock)
    session.start()
    clock.advance(6 * 60)  # Ana: 6 minutes of her 2: 300%
    session.jump(3)  # the hot seat and the topics are skipped
    clock.advance(60)
    session.end()
    text = render(build_report(session.facts()), "text")
    assert "Ana   ████████│████████████████  6:00 of 2:00 (300%)" in text
    assert "Hot seat" in text and "0:00 of 5:00 (skipped)" in text
    assert "Ben" in text and "0:00 of 0:00" in text  # who never spoke is still listed
    chat = render(build_report(session.facts()), "chat")
    assert "█" not in chat  # chat stays free of charts
    markdown = render(build_report(session.facts()), "markdown")
    assert "```text\nAna   ████████│████████████████  6:00 of 2:00 (300%)" in markdown


CHARTED = """
title = "Charted circle"
participants = [
  { name = "Ana" },
  { name = "李小龍" },
  { name = "Ben" },
]

[[segments]]
kind = "round"
title = "Check-in"
per_speaker = "2m"

[[segments]]
kind = "discussion"
title = "Lab hardware"
duration = "15m"

[[segments]]
kind = "discussion"
title = "Skipped"
duration = "5m"

[[segments]]
kind = "break"
duration = "5m"
"""


def test_the_charts_golden_file_cjk_skipped_short_and_overtime() -> None:
    """Ana speaks 6:00 of her 2:00 (300%), 李小龍 2:00, Ben 1:00; the hardware discussion takes
    0:34 of its 15:00; the next one is skipped; the break is kept."""
    clock = FakeClock()
    session = Session(agenda(CHARTED), clock)
    session.start()
    for seconds in (360, 120, 60, 34):
        clock.advance(seconds)
        session.next()
    session.jump(3)
    clock.advance(300)
    session.end()
    text = render(build_report(session.facts()), "text")
    golden = Path(__file__).resolve().parent / "golden" / "charts.text"
    if not golden.exists():
        golden.write_text(text)
        raise AssertionError(f"wrote {golden.name}: read it line by line, then commit it")
    assert text == golden.read_text()


def test_list_pads_a_cjk_title_by_terminal_cells(tmp_path: Path) -> None:
    from rich.cells import cell_len

    from tests.conftest import run_cli

    (tmp_path / "mentoring.toml").write_text(
        'title = "導師圈"\nformat = "Circle"\n[[segments]]\nkind = "break"\nduration = 5\n'
    )
    listed = run_cli("list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    [mine] = [row for row in rows if row.startswith("mentoring")]
    column = cell_len(header[: header.index("FORMAT")])
    assert cell_len(mine[: mine.index("Circle")]) == column
