"""Editing an agenda without a screen: the draft's rules, saving, and what a save would lose."""

import tomllib
from pathlib import Path

import pytest

from facilitator.agenda import AgendaError, load_agenda, parse_agenda
from facilitator.agenda.draft import AgendaDraft, set_field
from facilitator.agenda.model import SEGMENT_KINDS
from facilitator.agenda.writing import agenda_data, comment_lines, toml_text
from facilitator.cli import main
from tests.conftest import BUNDLED, run_cli

BUNDLED_FILES = sorted(BUNDLED.glob("*.toml"))


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda path: path.stem)
def test_every_bundled_agenda_saves_and_loads_back_the_same(path: Path, tmp_path: Path) -> None:
    agenda = load_agenda(path).agenda
    saved = tmp_path / path.name
    saved.write_text(toml_text(agenda_data(agenda)))
    assert saved.read_text().startswith("#:schema ./agenda.schema.json\n")
    assert load_agenda(saved).agenda == agenda
    assert main(["check", str(saved)]) == 0


def draft_of(name: str = "peer-circle") -> AgendaDraft:
    return AgendaDraft.unsaved(load_agenda(BUNDLED / f"{name}.toml").agenda, Path("x.toml"))


def test_renaming_someone_renames_them_in_every_speakers_list() -> None:
    draft = draft_of()
    ben = next(i for i, p in enumerate(draft.participants) if p["name"] == "Ben")
    draft.rename_participant(ben, "Benjamin")
    agenda, problems = draft.validate()
    assert problems == []
    assert agenda is not None
    assert agenda.segments[2].speakers == ["Benjamin", "Cleo"]  # type: ignore[union-attr]


def test_removing_someone_takes_them_off_the_speakers_lists() -> None:
    draft = draft_of()
    draft.remove_participant(2)  # Cleo
    agenda, _ = draft.validate()
    assert agenda is not None
    assert agenda.segments[2].speakers == ["Ben"]  # type: ignore[union-attr]


def test_segments_are_added_duplicated_moved_and_removed() -> None:
    draft = draft_of("troika-consulting")

    def kinds() -> list[str]:
        return [str(s.get("title", s["kind"])) for s in draft.segments]

    assert draft.add_segment("break", after=0) == 1
    assert kinds()[:2] == ["Each member prepares a challenge", "break"]
    assert draft.duplicate_segment(2) == 3
    assert kinds()[2:4] == ["Consultation", "Consultation"]
    assert draft.move_segment(1, -1) == 0
    assert draft.move_segment(0, -1) == 0
    assert kinds()[0] == "break"
    draft.remove_segment(0)
    assert draft.total_line() == "1h5m of 35m planned"
    (warning,) = draft.validate()[1]
    assert (warning.severity, warning.path, warning.message) == (
        "warning",
        ("planned",),
        "the segments add up to 1h5m, not 35m",
    )


def test_a_wrong_field_gives_the_same_message_as_check_and_fixing_it_clears_it() -> None:
    draft = draft_of("troika-consulting")
    set_field(draft.segments[0], "duration", "2x")
    agenda, problems = draft.validate()
    assert agenda is None
    assert [(p.path, p.message[:41]) for p in problems] == [
        (("segments", 0, "duration"), 'expected a duration like "90s", "2m", "2m'),
    ]
    assert draft.segment_seconds(0) is None
    set_field(draft.segments[0], "duration", 3)
    assert draft.validate()[0] is not None
    assert draft.segment_seconds(0) == 180


def test_an_empty_field_is_left_out_so_the_default_applies() -> None:
    draft = draft_of()
    set_field(draft.data, "warnings", [])
    assert "warnings" not in draft.data
    agenda, _ = draft.validate()
    assert agenda is not None and agenda.warnings == [60, 15]


def test_a_round_is_as_long_as_its_turns_times_its_speakers() -> None:
    draft = draft_of()
    assert [draft.segment_seconds(i) for i in range(3)] == [600, 360, 2640]
    draft.add_participant()
    assert draft.segment_seconds(0) == 720  # a sixth person in the check-in


def test_a_segment_without_a_title_is_named_by_its_kind_as_everywhere_else() -> None:
    draft = draft_of()
    hot_seat = {"kind": "round", "steps": [{"title": "Present", "duration": "3m"}]}
    draft.data["segments"] = [
        *(
            {k: v for k, v in kind.TEMPLATE.items() if k != "title"}
            for kind in SEGMENT_KINDS.values()
        ),
        hot_seat,
        {"kind": "break", "title": "  Stretch  ", "duration": "5m"},
    ]
    agenda, _ = draft.validate()
    assert agenda is not None
    named = [draft.segment_heading(i) for i in range(len(draft.segments))]
    assert named == [segment.heading for segment in agenda.segments]
    assert "Lean Coffee" in named and "Review of last time's action items" in named
    draft.segments[2]["duration"] = "soon"  # named even while another field is wrong
    assert draft.segment_heading(2) == "Lean Coffee"


def test_comments_in_a_hand_written_file_are_noticed(tmp_path: Path) -> None:
    text = (
        '#:schema ./agenda.schema.json\n# our circle\ntitle = "T # not a comment"\n'
        '[[segments]]\nkind = "break"  # short\nduration = 5\n'
    )
    assert comment_lines(text) == [2, 5]
    path = tmp_path / "t.toml"
    path.write_text(text)
    draft = AgendaDraft.open(path)
    assert draft.comments == [2, 5]
    assert not draft.dirty
    set_field(draft.data, "title", "U")
    assert draft.dirty
    assert parse_agenda(draft.text(), "t").agenda.title == "U"


def test_participants_written_as_names_are_named_before_editing(tmp_path: Path) -> None:
    """A participant or segment that is not a table: the editor had nothing to edit and
    stopped on an error; it says where, as `check` does, before it opens."""
    path = tmp_path / "t.toml"
    path.write_text('title = "T"\nparticipants = ["Ana", { name = "Ben" }]\nsegments = [3]\n')
    with pytest.raises(AgendaError) as raised:
        AgendaDraft.open(path)
    assert [p.render("t.toml") for p in raised.value.problems] == [
        't.toml:2: participants[0]: expected a table, found "Ana"',
        "t.toml:3: segments[0]: expected a table, found 3",
    ]
    edit = run_cli("edit", str(path))
    assert edit.returncode == 1 and 'participants[0]: expected a table, found "Ana"' in edit.stderr
    assert "Traceback" not in edit.stderr


def test_new_writes_an_agenda_from_a_bundled_one_without_waiting(tmp_path: Path) -> None:
    target = tmp_path / "trio.toml"
    result = run_cli("new", str(target), "--from", "troika-consulting")
    assert result.returncode == 0, result.stderr
    assert load_agenda(target).agenda == load_agenda(BUNDLED / "troika-consulting.toml").agenda
    again = run_cli("new", str(target), "--no-edit")
    assert again.returncode == 1
    assert again.stderr.strip() == f"{target}: exists; not overwritten"
    assert load_agenda(target).agenda.title == "Troika Consulting"


def test_new_into_a_missing_folder_says_so_without_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.toml"
    result = run_cli("new", str(target), "--no-edit")
    assert result.returncode == 1
    assert result.stderr.strip() == f"{target}: No such file or directory"


def hot_seat_draft() -> AgendaDraft:
    """Ana, Ben and Cleo; Ben alone in the hot seat."""
    people = [{"name": name} for name in ("Ana", "Ben", "Cleo")]
    seat = {"kind": "round", "title": "Hot seat", "per_speaker": "5m", "speakers": ["Ben"]}
    return AgendaDraft({"title": "Circle", "participants": people, "segments": [seat]}, Path("x"))


def type_name(draft: AgendaDraft, index: int, *names: str) -> None:
    """Each name typed over the last one letter by letter, as the editor reports it: backspaces
    down to what the two share, then the new letters."""
    shown = str(draft.participants[index]["name"])
    for name in names:
        while not name.startswith(shown):
            shown = shown[:-1]
            draft.rename_participant(index, shown)
        while shown != name:
            shown = name[: len(shown) + 1]
            draft.rename_participant(index, shown)


def saved_speakers(draft: AgendaDraft) -> list[str]:
    return list(tomllib.loads(draft.text())["segments"][0]["speakers"])


def test_a_newcomer_typed_through_someones_name_does_not_take_their_seat() -> None:
    draft = hot_seat_draft()
    newcomer = draft.add_participant()
    draft.rename_participant(newcomer, "")  # the name field cleared
    type_name(draft, newcomer, "Benjamin")
    assert saved_speakers(draft) == ["Ben"]
    assert [p["name"] for p in draft.participants] == ["Ana", "Ben", "Cleo", "Benjamin"]


def test_a_newcomer_named_ben_then_eve_does_not_take_bens_seat() -> None:
    draft = hot_seat_draft()
    newcomer = draft.add_participant()
    type_name(draft, newcomer, "", "Ben", "Eve")
    assert saved_speakers(draft) == ["Ben"]
    draft.remove_participant(newcomer)  # and removing the newcomer leaves Ben in his seat
    assert saved_speakers(draft) == ["Ben"]


def test_a_genuine_rename_typed_letter_by_letter_moves_the_seat_with_it() -> None:
    draft = hot_seat_draft()
    type_name(draft, 1, "Benedict")
    assert saved_speakers(draft) == ["Benedict"]
    type_name(draft, 1, "", "Ben")  # cleared and typed again: still the one in the seat
    assert saved_speakers(draft) == ["Ben"]


def test_a_rename_through_anothers_name_keeps_each_seat_with_its_person() -> None:
    draft = hot_seat_draft()
    draft.segments[0]["speakers"] = ["Ben", "Ana"]
    type_name(draft, 1, "Ana", "Bo")  # Ben passes through Ana's name on his way to Bo
    assert saved_speakers(draft) == ["Bo", "Ana"]


def test_speakers_edited_between_renames_are_followed_by_the_next_rename() -> None:
    draft = hot_seat_draft()
    newcomer = draft.add_participant()
    type_name(draft, newcomer, "Dana")
    set_field(draft.segments[0], "speakers", ["Ben", "Dana"])
    type_name(draft, newcomer, "Dane")
    assert saved_speakers(draft) == ["Ben", "Dane"]
