"""kill -9 at random moments, not only just after an event: no capture the facilitator saw
saved is lost, and no more than CHECKPOINT_SECONDS of the running turn."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session, recorded_sessions
from facilitator.session.values import CHECKPOINT_SECONDS

pytestmark = pytest.mark.slow  # real processes killed at random moments

KILLS = int(os.environ.get("FACILITATOR_KILLS", "8"))


def kill_at_random(home: Path, after: float) -> tuple[float, list[str]]:
    """Run the child, kill it after `after` seconds; what it showed until then."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.kill_child", str(home)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert child.stdout is not None
    shown: list[str] = []
    reader = threading.Thread(target=lambda: shown.extend(child.stdout or []))
    reader.start()
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join()
    whole = [line[:-1] for line in shown if line.endswith("\n")]  # a cut line was not seen
    seen = max((float(line[2:]) for line in whole if line.startswith("T ")), default=0.0)
    return seen, [line[2:] for line in whole if line.startswith("C ")]


def test_random_kills_lose_no_saved_capture_and_at_most_15_seconds(tmp_path: Path) -> None:
    chance = random.Random(os.environ.get("FACILITATOR_KILL_SEED", "11"))
    worst, acknowledged = 0.0, 0
    for kill in range(KILLS):
        home = tmp_path / f"run{kill}"
        seen, saved = kill_at_random(home, chance.uniform(0.3, 2.5))
        records = recorded_sessions(home)
        if not records:  # killed before its first action: it had shown nothing either
            assert (seen, saved) == (0.0, [])
            continue
        [record] = records
        resumed = Session.reopen(record.folder, FakeClock())
        kept = [item.text for item in resumed.state.items.values()]
        assert kept[: len(saved)] == saved, (kill, kept, saved)
        lost = seen - resumed.view().turn.elapsed
        assert lost <= CHECKPOINT_SECONDS + 0.5, (kill, seen, lost)  # +0.5: one refresh late
        worst = max(worst, lost)
        acknowledged += len(saved)
        resumed.close()
    print(
        f"{KILLS} kills, {acknowledged} saved captures, none lost; "
        f"the most turn time lost: {worst:.1f} s"
    )
