"""Start-up in instructions: `run peer-circle` to its first whole frame, over the bare
one-label app and the agenda floor, counted by valgrind (callgrind). A wall-clock ratio on a
shared machine moves by ±0.1 from run to run; this count moves by about 0.2%, so a change of
a few milliseconds shows. Each program runs in tmux (it needs a terminal) and stops at its
first whole frame. Under valgrind a program runs some 40 times slower: its clocks are slowed
as much, so that its timers fire where they would. Without valgrind, nothing is measured."""

import compileall
import shutil
import sys
import tempfile
import time
from pathlib import Path

from screen import AGENDA_APP, BARE_APP, PEER_CIRCLE, ROOT, _Window

SLOWER = 40

AT_FIRST_FRAME = f"""
import os, sys, time
slow, monotonic, perf_counter = {SLOWER}, time.monotonic, time.perf_counter
start, perf_start = monotonic(), perf_counter()
time.monotonic = lambda: start + (monotonic() - start) / slow
time.perf_counter = lambda: perf_start + (perf_counter() - perf_start) / slow
import textual.drivers.linux_driver as driver
write = driver.LinuxDriver.write
def first_frame(self, data):
    write(self, data)
    if len(data) > 1000:  # the first whole screen: its instructions are counted
        os._exit(0)
driver.LinuxDriver.write = first_frame
"""
"""Put first in each program: slowed clocks, and an exit at the first whole frame."""

RUN_APP = """
sys.argv = ["facilitator", "run", "peer-circle"]
from facilitator.cli import main
main()
"""


def _instructions(program: str, *arguments: str) -> int:
    """Instructions `python -c program arguments` runs until its first whole frame."""
    with tempfile.TemporaryDirectory() as home:
        log = Path(home) / "callgrind.log"
        command = [
            *("env", "PYTHONMALLOC=malloc", "valgrind", "--tool=callgrind"),
            *("--callgrind-out-file=/dev/null", f"--log-file={log}"),
            *(sys.executable, "-c", AT_FIRST_FRAME + program, *arguments),
        ]
        window = _Window(command, home)
        try:
            deadline = time.perf_counter() + 300
            while "Collected" not in (log.read_text() if log.exists() else ""):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"no first frame under valgrind: {log.read_text()}")
                time.sleep(0.5)
        finally:
            window.close()
        line = next(line for line in log.read_text().splitlines() if "Collected" in line)
        return int(line.split()[-1])


def startup_instructions() -> dict[str, float]:
    if shutil.which("valgrind") is None or shutil.which("tmux") is None:
        return {}
    bare = _instructions(BARE_APP)
    floor = _instructions(AGENDA_APP, str(PEER_CIRCLE))
    ours = _instructions(RUN_APP)
    return {
        "startup_minstr": round(ours / 1e6),
        "startup_minstr_ratio": round(ours / bare, 3),
        "startup_minstr_agenda_floor_ratio": round(floor / bare, 3),
    }


if __name__ == "__main__":
    compileall.compile_dir(ROOT / "facilitator", quiet=1)  # as `pip install .` leaves it
    print(startup_instructions())
