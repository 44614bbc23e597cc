"""Bars and charts in Unicode blocks: right for nothing spoken, one person, a skipped
segment and overtime past 100%."""

from facilitator.session import FakeClock, Session
from facilitator.summary.charts import bar, chart
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
    assert chart([("Ana", 0, "0:00 of 7:00")], width=4) == ["Ana        0:00 of 7:00"]
    assert chart([("Ana", 60, "1:00"), ("Benedikt", 30, "0:30")], width=4) == [
        "Ana       ████  1:00",
        "Benedikt  ██    0:30",
    ]
    assert chart([]) == []


def test_summary_charts_say_skipped_and_overtime() -> None:
    clock = FakeClock()
    session = Session(agenda(), clock)
    session.start()
    clock.advance(6 * 60)  # Ana: 6 minutes of her 2: 300%
    session.jump(3)  # the hot seat and the topics are skipped
    clock.advance(60)
    session.end()
    text = render(build_report(session.facts()), "text")
    assert "Ana   ████████████████████████  6:00 of 2:00 (300%)" in text
    assert "Hot seat" in text and "0:00 of 5:00 (skipped)" in text
    assert "Ben" in text and "0:00 of 0:00" in text  # who never spoke is still listed
    chat = render(build_report(session.facts()), "chat")
    assert "█" not in chat  # chat stays free of charts
    markdown = render(build_report(session.facts()), "markdown")
    assert "```text\nAna   ████████████████████████  6:00 of 2:00 (300%)" in markdown
