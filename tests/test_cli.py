"""The `facilitator` command as a user types it: exit codes, output, and no Textual import."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda import AgendaError, find_agenda
from facilitator.agenda.schema import agenda_schema_text
from facilitator.cli import main
from tests.conftest import BROKEN, BUNDLED, run_cli


def test_check_passes_valid_agendas_by_path_and_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BUNDLED / "lean-coffee.toml"), "troika-consulting"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("lean-coffee.toml: ok: Lean Coffee, 3 segments, 1h")
    assert out[1].endswith("troika-consulting.toml: ok: Troika Consulting, 3 segments, 35m")


def test_check_fails_when_any_agenda_is_invalid(capsys: pytest.CaptureFixture[str]) -> None:
    broken = BROKEN / "unknown-speaker.toml"
    assert main(["check", "peer-circle", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "peer-circle.toml: ok" in captured.out
    assert f'{broken}:13: segments[0].speakers[1]: "Zed" is not a participant' in captured.err


def test_check_prints_warnings_but_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "short.toml"
    agenda.write_text('title = "T"\nplanned = "1h"\n[[segments]]\nkind = "break"\nduration = 5\n')
    assert main(["check", str(agenda)]) == 0
    assert (
        "short.toml:2: warning: planned: the segments add up to 5m, not 1h"
        in capsys.readouterr().err
    )


def test_check_without_agendas_is_a_usage_error() -> None:
    result = run_cli("check")
    assert result.returncode == 2
    assert "usage: facilitator check" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_name_suggests_the_closest_bundled_agenda() -> None:
    result = run_cli("check", "troika")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "troika: no agenda file or bundled agenda by that name; "
        "did you mean troika-consulting? `facilitator list` shows them"
    )


def test_run_refuses_a_broken_agenda_without_a_traceback() -> None:
    result = run_cli("run", str(BROKEN / "syntax-missing-equals.toml"))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "syntax-missing-equals.toml:2:7: not valid TOML: "
        "Expected '=' after a key in a key/value pair"
    )


def test_list_shows_bundled_and_local_agendas(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").write_text(
        'title = "Our circle"\n[[segments]]\nkind = "discussion"\nduration = "20m"\n'
    )
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    result = run_cli("list", cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "TITLE", "FORMAT", "TIME"]
    assert lines[1].split() == ["ours", "Our", "circle", "20m"]
    assert any(line.split()[0] == "peer-circle" and line.endswith("1h30m") for line in lines)
    assert not any(line.startswith("pyproject") for line in lines)
    assert len(lines) == 1 + 1 + len(list(BUNDLED.glob("*.toml")))


def test_find_agenda_prefers_a_local_file_over_a_bundled_one(tmp_path: Path) -> None:
    local = tmp_path / "peer-circle.toml"
    local.write_text("title = 'Ours'\nsegments = [{ kind = 'break', duration = 5 }]\n")
    assert find_agenda("peer-circle", tmp_path) == local
    assert find_agenda("lean-coffee", tmp_path) == BUNDLED / "lean-coffee.toml"
    with pytest.raises(AgendaError):
        find_agenda("no-such-format", tmp_path)


def test_the_committed_schema_is_what_the_command_prints() -> None:
    committed = (BUNDLED / "agenda.schema.json").read_text(encoding="utf-8")
    assert committed == agenda_schema_text()
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"title", "segments"}


def test_version_and_help() -> None:
    from facilitator import __version__

    assert run_cli("--version").stdout.strip() == f"facilitator {__version__}"
    help_text = run_cli("--help").stdout
    for command in ("run", "check", "list", "schema"):
        assert command in help_text


@pytest.mark.parametrize(
    "args",
    [["check", "peer-circle"], ["list"], ["schema"]],
    ids=lambda args: args[0],
)
def test_commands_without_a_screen_do_not_import_textual(args: list[str]) -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from facilitator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({args!r})\n"
        "assert status == 0, status\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("setting", "looks"), [(None, False), ("__all__", False), ("x", True)])
def test_pydantic_looks_for_its_plugins_only_when_the_user_allows_some(
    setting: str | None, looks: bool
) -> None:
    """Looking means reading every package's entry points through `importlib.metadata`."""
    probe = (
        "import sys, contextlib, io\n"
        "from facilitator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['check', 'peer-circle']) == 0\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == str(looks)


def test_run_with_an_unfinished_session_of_the_agenda_says_how_to_go_on(tmp_path: Path) -> None:
    from facilitator.agenda import load_agenda
    from facilitator.session import FakeClock, Session

    source = str(BUNDLED / "one-on-one.toml")
    session = Session.begin(load_agenda(Path(source)).agenda, FakeClock(), tmp_path, source)
    session.start()
    result = run_cli("--home", str(tmp_path), "run", source)
    assert result.returncode == 1
    assert f"facilitator resume {session.header.id}" in result.stderr
    assert "run --new" in result.stderr


def complete(line: str, tmp_path: Path) -> list[str]:
    """What the shell's Tab would offer after `line` (argcomplete's protocol)."""
    answer = tmp_path / "completions"
    subprocess.run(
        [sys.executable, "-m", "facilitator"],
        env={
            **os.environ,
            "_ARGCOMPLETE": "1",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
            "_ARGCOMPLETE_IFS": "\n",
        },
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    return answer.read_text().split("\n")


def test_tab_completes_agendas_sessions_and_series(tmp_path: Path) -> None:
    from facilitator.session import FakeClock, Session
    from tests.session_helpers import agenda

    assert complete("facilitator run lean", tmp_path) == ["lean-coffee "]
    (tmp_path / "ours.toml").write_text("title = 'x'\nsegments = []\n")
    assert "ours.toml" in complete("facilitator check ", tmp_path)
    session = Session.begin(agenda(), FakeClock(), tmp_path / "home", "t.toml")
    session.start()
    session.close()
    home = f"facilitator --home {tmp_path / 'home'}"
    assert session.header.id in complete(f"{home} resume ", tmp_path)
    assert "circle" in complete(f"{home} history ", tmp_path)


def _without_fcntl(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """The command on a system without fcntl (Windows), as far as Python can tell."""
    probe = (
        "import sys\n"
        "sys.modules['fcntl'] = None\n"  # `import fcntl` now raises ImportError
        "from facilitator.cli import main\n"
        f"sys.exit(main({['--home', str(home), *args]!r}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("args", [["run", "peer-circle"], ["resume"], []], ids=str)
def test_without_fcntl_running_a_session_says_so_in_one_line(
    args: list[str], tmp_path: Path
) -> None:
    result = _without_fcntl(args, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Linux and macOS" in result.stderr


@pytest.mark.parametrize(
    "args", [["check", "peer-circle"], ["sessions"], ["history"], ["summary"]], ids=str
)
def test_without_fcntl_reading_still_works(args: list[str], tmp_path: Path) -> None:
    from facilitator.session import FakeClock, Session
    from tests.session_helpers import agenda

    session = Session.begin(agenda(), FakeClock(), tmp_path, "t.toml")
    session.start()
    session.close()
    result = _without_fcntl(args, tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_without_fcntl_the_session_layer_refuses_to_write_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.session import FakeClock, JournalError, Session
    from tests.session_helpers import agenda

    monkeypatch.setitem(sys.modules, "fcntl", None)
    with pytest.raises(JournalError, match="Linux and macOS"):
        Session.begin(agenda(), FakeClock(), tmp_path, "t.toml")


def _subcommands(only: str | None = None) -> dict[str, argparse.ArgumentParser]:
    from facilitator.cli_parser import parser

    [choices] = [a for a in parser(only)._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(choices.choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_a_subcommand_parsed_alone_reads_and_helps_as_among_all(name: str) -> None:
    """`run peer-circle` builds only run's parser: the same arguments, the same help."""
    alone = _subcommands(name)
    assert list(alone) == [name]
    among_all = _subcommands()[name]
    assert alone[name].format_help() == among_all.format_help()
    assert alone[name].format_usage() == among_all.format_usage()


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_each_subcommand_says_what_it_does_with_help_defaults_and_two_examples(
    name: str,
) -> None:
    command = _subcommands()[name]
    assert command.description and command.description.count("\n") == 0
    help_text = command.format_help()
    examples = [line for line in help_text.splitlines() if line.startswith("  facilitator ")]
    assert len(examples) >= 2, help_text
    for action in command._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"{name} {action.dest} has no help"
        if action.default not in (None, False, ""):
            assert f"default: {action.default}" in " ".join(help_text.split()), action.dest


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_the_readme_lists_each_subcommand_with_its_options(name: str) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith(f"| `facilitator {name}")]
    assert rows, f"no README row for {name}"
    for action in _subcommands()[name]._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert any(option in row for row in rows), f"{name} {option}"


@pytest.mark.parametrize(
    "args",
    [
        {"argv": ["--version"]},
        {"argv": ["--help"]},
        {"argv": ["summary", "--help"]},
        {"argv": [], "line": "facilitator run lean"},
        {"argv": [], "line": "facilitator new x.toml --from "},
    ],
    ids=["version", "help", "summary-help", "complete-run", "complete-new-from"],
)
def test_version_help_and_completion_load_neither_pydantic_nor_textual(
    args: dict[str, Any], tmp_path: Path
) -> None:
    env = dict(os.environ)
    if "line" in args:
        line = args["line"]
        env |= {
            "_ARGCOMPLETE": "1",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(tmp_path / "answer"),
            "_ARGCOMPLETE_IFS": "\n",
        }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "facilitator", *args["argv"]],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    heavy = {m for m in loaded if m.split(".")[0] in ("pydantic", "pydantic_core", "textual")}
    assert not heavy


def test_new_from_completes_bundled_agenda_names(tmp_path: Path) -> None:
    (tmp_path / "lean-notes.txt").write_text("not an agenda")
    assert complete("facilitator new x.toml --from lea", tmp_path) == ["lean-coffee "]
    offered = complete("facilitator new x.toml --from ", tmp_path)
    assert "peer-circle" in offered and "lean-notes.txt" not in offered


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["list"], 0),
        (["check", "peer-circle"], 0),
        (["check", "peer-circle", str(BROKEN / "unknown-speaker.toml")], 1),
    ],
)
@pytest.mark.parametrize("unbuffered", [False, True])
def test_a_reader_that_stops_reading_gets_no_error_and_no_false_success(
    args: list[str], status: int, unbuffered: bool, tmp_path: Path
) -> None:
    """`facilitator list | head -1`: once the reader has gone, the command stops quietly.
    Its status is its own when all was done (the output waited in the buffer); when the
    output was cut short (unbuffered, as with PYTHONUNBUFFERED), it is 1: not known fine."""
    env = {**os.environ, "FACILITATOR_HOME": str(tmp_path)}
    env.pop("PYTHONUNBUFFERED", None)
    command = [sys.executable, *(["-u"] if unbuffered else []), "-c"]
    reader_gone = subprocess.Popen(
        [*command, "import sys; from facilitator.cli import main; sys.exit(main())", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert reader_gone.stdout is not None and reader_gone.stderr is not None
    reader_gone.stdout.close()  # before the command writes a line (it starts in ~0.1 s)
    errors = reader_gone.stderr.read().decode()
    assert reader_gone.wait() == (1 if unbuffered else status)
    assert "Broken pipe" not in errors and "Traceback" not in errors
