"""The review of last time's items: private ones are marked, a long list says how many more
there are, and the panel's own footer names the keys that mark them."""

from pathlib import Path

from facilitator.session import FakeClock, Session
from facilitator.session.values import CarriedItem
from facilitator.tui.app import make_app
from tests.tui_helpers import bundled, text_of

SIX = [
    *(CarriedItem(text=f"task number {n}", person="Ben", session="earlier") for n in range(4)),
    CarriedItem(text="salary bands", person="Ana", private=True, session="earlier"),
    CarriedItem(text="send the draft", person="Ben", also=["Ana"], session="earlier"),
]
"""Listed newest first, as in the items list: the last two on top."""


async def test_the_review_marks_private_scrolls_and_names_its_keys(tmp_path: Path) -> None:
    session = Session.begin(bundled("one-on-one"), FakeClock(), tmp_path, "x", SIX)
    review = next(i for i, s in enumerate(session.agenda.segments) if s.PANEL == "carried")
    session.jump(review)
    app = make_app(session, burst_gap=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        side = text_of(app, "#side")
        assert "· open  Ben, Ana: send the draft" in side  # both owners
        assert "· open  (private) Ana: salary bands" in side
        lines = side.splitlines()
        assert lines[-1] == "i items · d done · c carry · x drop"
        shown = sum(1 for line in lines if line.startswith("· open"))
        assert shown < len(SIX) and lines[-2] == f"↓ {len(SIX) - shown} more"
        await pilot.press("d")  # the footer's key, on the screen rather than the list
        assert text_of(app, "#message") == "d (Done) works in the items list: i, then d on an item."


async def test_more_counts_the_items_and_goals_below_not_their_heading(tmp_path: Path) -> None:
    goal = CarriedItem(type="goal", text="ship the thing", person="Ben", session="earlier")
    session = Session.begin(bundled("one-on-one"), FakeClock(), tmp_path, "x", [*SIX, goal])
    review = next(i for i, s in enumerate(session.agenda.segments) if s.PANEL == "carried")
    session.jump(review)
    app = make_app(session, burst_gap=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = text_of(app, "#side").splitlines()
        shown = sum(1 for line in lines if line.startswith(("· open", "◎")))
        goals = len(session.view().items) - len(SIX)  # the agenda's own goals and Ben's
        assert "Goals (" not in "".join(lines)  # below, cut: not counted as one more
        assert lines[-2] == f"↓ {len(SIX) + goals - shown} more"
