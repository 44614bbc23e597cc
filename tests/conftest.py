"""Shared fixtures: paths to the bundled and broken agendas; how many test workers."""

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "agendas"
BROKEN = Path(__file__).resolve().parent / "agendas" / "broken"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (the default): two workers a core. The tests wait (Pilot's pauses, tmux,
    real processes, the typing guard's gap) more than they compute: on two cores, four
    workers ran the suite in 2:42, two in 3:18. PYTEST_XDIST_AUTO_NUM_WORKERS still rules."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist's own answer reads it
    return 2 * (os.cpu_count() or 1)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, with no terminal to wait on."""
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=60,
    )


def run_in_terminal(*args: str) -> subprocess.CompletedProcess[str]:
    """The command run from a terminal (a pseudo-terminal for its input and output), for the
    commands that refuse to draw a screen anywhere else; what it says on stderr is kept."""
    leader, follower = pty.openpty()
    try:
        return subprocess.run(
            [sys.executable, "-m", "facilitator", *args],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)


def _local_time_is_utc() -> None:
    """Screens show local clock times: pin the zone so snapshots match on every machine."""
    os.environ["TZ"] = "UTC"
    time.tzset()


_local_time_is_utc()
