"""Run every benchmark; print each figure, then all of them as one JSON object.

Figures are ratios against a baseline measured alternately in the same run, so
they mean something on a noisy machine; absolute times are printed beside them.
Run from the repository, with the project installed: `python benchmarks/run.py`.
"""

import compileall
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cli_start import cli_start_ratios
from instructions import startup_instructions
from room_page import display_first_paint, memory_per_viewer
from screen import display_lag, key_latency, keystroke_ratio, startup_ratio, timer_error_s
from session_load import many_sessions, record_session

from facilitator.session.journal import JOURNAL, read_journal

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 15
Figures = dict[str, float]


def timed(action: Callable[[], object], before: Callable[[], object] = lambda: None) -> float:
    before()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def alternate(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    before: Callable[[], object] = lambda: None,
) -> tuple[float, float]:
    """Median seconds of each, measured one after the other so noise hits both alike;
    `before` runs, untimed, before each measurement."""
    mine, theirs = [], []
    for _ in range(ROUNDS):
        mine.append(timed(ours, before))
        theirs.append(timed(baseline, before))
    return statistics.median(mine), statistics.median(theirs)


def command(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run(args, check=True, capture_output=True, cwd=ROOT)


FLOOR_CHECK = """
import sys, tomllib
from pydantic import BaseModel

class Agenda(BaseModel):
    title: str
    segments: list[dict[str, object]]

with open(sys.argv[1], "rb") as file:
    agenda = Agenda.model_validate(tomllib.load(file))
print(f"{agenda.title}: {len(agenda.segments)} segments")
"""
"""The least a check can do: read the TOML and validate it with one pydantic model."""


def check_ratio() -> Figures:
    """`facilitator check` on a bundled agenda over the floor above, and (the old figure)
    over merely importing pydantic and tomllib."""
    agenda = str(ROOT / "agendas" / "peer-circle.toml")
    check = command(sys.executable, "-m", "facilitator", "check", agenda)
    ours, floor = alternate(check, command(sys.executable, "-c", FLOOR_CHECK, agenda))
    _, imports = alternate(check, command(sys.executable, "-c", "import pydantic, tomllib"))
    return {
        "check_s": round(ours, 4),
        "check_ratio": round(ours / floor, 2),
        "check_ratio_vs_imports": round(ours / imports, 2),
    }


def history_figures() -> Figures:
    """`facilitator sessions` with 1,000 recorded sessions of 2,000 events each, over the
    same with one; and, apart, the first listing of 1,000 sessions recorded before the app
    kept listings (it reads each journal once and writes the listing)."""
    listing = [sys.executable, "-m", "facilitator", "--home"]
    with tempfile.TemporaryDirectory() as old:
        many_sessions(Path(old), 1000, listed=False)
        first = timed(command(*listing, old, "sessions"))
    with tempfile.TemporaryDirectory() as hundred:
        many_sessions(Path(hundred), 100)
        series_first = timed(command(*listing, hundred, "history", "big"))
        series = timed(command(*listing, hundred, "history", "big"))
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as many:
        many_sessions(Path(one), 1)
        many_sessions(Path(many), 1000)
        thousand, single = alternate(
            command(*listing, many, "sessions"), command(*listing, one, "sessions")
        )
    return {
        "history_unlisted_first_s_1000": round(first, 3),
        "history_listing_s_1000": round(thousand, 4),
        "history_ratio_1000": round(thousand / single, 2),
        "history_series_first_s_100": round(series_first, 2),
        "history_series_s_100": round(series, 2),
    }


def journal_figures() -> Figures:
    """Replaying a 10,000-event journal, and recording one event, fsync included."""
    with tempfile.TemporaryDirectory() as home:
        session = record_session(Path(home))
        assert session.folder is not None
        path = session.folder / JOURNAL
        lines = path.read_bytes().splitlines()

        # Both sides start from the same state of the cycle collector (its work depends on
        # what the process made before) and end with the collection their objects are due
        # for, which replay defers (the collector pauses while a journal is read).
        def replay_journal() -> None:
            read_journal(path).replay()
            gc.collect(0)

        def parse() -> None:
            [json.loads(line) for line in lines]
            gc.collect(0)

        replay_s, parse_s = alternate(replay_journal, parse, before=gc.collect)
        append_s, fsync_s = alternate(
            lambda: session.capture("note", "one more thing"),
            lambda: _bare_append(path.with_name("bare.jsonl"), lines[-1]),
        )
    return {
        "replay_ms_10k": round(replay_s * 1000, 1),
        "replay_ratio_vs_json_loads": round(replay_s / parse_s, 2),
        "append_ms": round(append_s * 1000, 3),
        "append_ratio_vs_bare_fsync": round(append_s / fsync_s, 2),
    }


def _bare_append(path: Path, line: bytes) -> None:
    with path.open("ab") as file:
        file.write(line + b"\n")
        file.flush()
        os.fsync(file.fileno())


BENCHMARKS: list[Callable[[], Figures]] = [
    check_ratio,
    history_figures,
    journal_figures,
    cli_start_ratios,
    startup_ratio,
    startup_instructions,
    keystroke_ratio,
    key_latency,
    timer_error_s,
    display_lag,
    display_first_paint,
    memory_per_viewer,
]


def main() -> None:
    # Byte-compiled first, as `pip install .` leaves it: an editable install run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start.
    compileall.compile_dir(ROOT / "facilitator", quiet=1)
    figures: Figures = {}
    for benchmark in BENCHMARKS:
        result = benchmark()
        for name, value in result.items():
            print(f"{name}: {value}")
        figures.update(result)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
