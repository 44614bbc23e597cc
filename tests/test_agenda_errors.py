"""Every kind of mistake in an agenda gets a message that names the place and the fix."""

from pathlib import Path

import pytest

from facilitator.agenda import AgendaError, load_agenda, local_agendas
from tests.conftest import BROKEN, run_cli

BROKEN_FILES = sorted(BROKEN.glob("*.toml"))


def expected_messages(path: Path) -> list[str]:
    """Each broken agenda starts with `# expect: ` lines: the messages after the file name."""
    prefix = "# expect: "
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path}{line[len(prefix) :]}" for line in lines if line.startswith(prefix)]


def test_there_is_a_broken_agenda_for_each_kind_of_mistake() -> None:
    assert len(BROKEN_FILES) >= 25
    assert all(expected_messages(path) for path in BROKEN_FILES)


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda path: path.stem)
def test_broken_agenda_reports_exactly_what_is_wrong(path: Path) -> None:
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert str(caught.value).splitlines() == expected_messages(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(AgendaError, match=r"nowhere\.toml: no such file$"):
        load_agenda(missing)


def test_a_folder_is_not_an_agenda(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="is a folder, not an agenda file"):
        load_agenda(tmp_path)


def test_text_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('title = "Circle"\nprompt = "café"\n'.encode("latin-1"))
    with pytest.raises(AgendaError) as caught:
        load_agenda(latin1)
    assert str(caught.value) == f"{latin1}:2: is not UTF-8 text (byte 0xe9); save it as UTF-8"


def test_binary_garbage_is_refused_in_one_line(tmp_path: Path) -> None:
    garbage = tmp_path / "photo.toml"
    garbage.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(AgendaError) as caught:
        load_agenda(garbage)
    assert str(caught.value) == f"{garbage}: is a binary file, not a TOML agenda"


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.toml"
    text = 'title = "Circle"\n[[segments]]\nkind = "break"\nduration = "5m"\n'
    with_bom.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_agenda(with_bom).agenda.title == "Circle"


DRAFT = 'title = "New managers circle\n\n[[participants]]\nname = "Ana"\n'
"""A first agenda being written: an unclosed quote, and no segments yet."""


def test_an_agenda_with_a_syntax_error_is_listed_as_invalid_not_left_out(tmp_path: Path) -> None:
    (tmp_path / "draft.toml").write_text(DRAFT)
    (tmp_path / "typo.toml").write_text('title = "Circle"\n[[segment]]\nkind = "break"\n')
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "ruff.toml").write_text("line-length = 99\n")
    assert [entry.name for entry in local_agendas(tmp_path)] == ["draft", "typo"]  # the picker's
    listed = run_cli("list", cwd=tmp_path)
    assert listed.returncode == 0
    rows = [line.split(None, 1) for line in listed.stdout.splitlines()[1:3]]
    assert [(name, said.strip()) for name, said in rows] == [
        (name, "(invalid: see facilitator check)") for name in ("draft", "typo")
    ]
    assert not any(line.startswith(("pyproject", "ruff")) for line in listed.stdout.splitlines())


def test_check_finds_a_broken_draft_by_name_and_names_its_line_and_column(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT)
    checked = run_cli("check", "draft", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stderr == f"{draft}:1:29: not valid TOML: Illegal character '\\n'\n"
