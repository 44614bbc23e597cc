"""`facilitator new` starts the organiser's own agenda from a bundled one."""

from pathlib import Path

import pytest

from facilitator.agenda import load_agenda
from facilitator.commands import series_named_after
from facilitator.session import FakeClock, Session
from facilitator.session.carry import from_last_session
from tests.conftest import BUNDLED, run_cli


def test_a_new_agenda_is_a_series_of_its_own_not_the_templates(tmp_path: Path) -> None:
    home = tmp_path / "home"
    demo = load_agenda(BUNDLED / "peer-circle.toml")
    tried = Session.begin(demo.agenda, FakeClock(), home, demo.source)
    tried.start()
    tried.capture("action", "send the deck")
    tried.end()
    tried.close()
    ours = tmp_path / "New Managers.toml"
    written = run_cli("--home", str(home), "new", str(ours), "--from", "peer-circle", "--no-edit")
    assert written.returncode == 0, written.stderr
    assert '(from peer-circle, series "new-managers")' in written.stdout
    agenda = load_agenda(ours).agenda
    assert agenda.series == "new-managers"
    assert agenda.model_copy(update={"series": "peer-circle"}) == demo.agenda  # all else kept
    assert from_last_session(home, "peer-circle")[1]  # the demo's open item stays with it
    assert from_last_session(home, agenda.series) == (None, [])


@pytest.mark.parametrize(
    ("name", "series"),
    [
        ("circle.toml", "circle"),
        ("New Managers.toml", "new-managers"),
        ("team_leads_2025.toml", "team-leads-2025"),
        ("Équipe café.toml", "équipe-café"),
        ("---.toml", None),
    ],
)
def test_the_series_is_named_after_the_file(name: str, series: str | None) -> None:
    assert series_named_after(Path(name)) == series
