"""How fast `--version`, `--help` and a Tab completion answer, as ratios against a bare
`python -c "import argparse"`: the median of 9 whole-process runs of each, alternated so
that noise hits both alike. Run alone (`python benchmarks/cli_start.py`) or through run.py.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 9
Figures = dict[str, float]


def _command() -> list[str]:
    """The installed `facilitator` script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "facilitator"
    if script.exists():
        return [str(script)]
    found = shutil.which("facilitator")
    return [found] if found else [sys.executable, "-m", "facilitator"]


def _completion_env(line: str, answer: Path) -> dict[str, str]:
    return {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        "_ARGCOMPLETE_IFS": "\n",
    }


def _seconds(args: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def cli_start_ratios() -> Figures:
    """`--version`, `--help` and two completions, each over the bare-argparse baseline."""
    baseline_args = [sys.executable, "-c", "import argparse"]
    ours = _command()
    with tempfile.TemporaryDirectory() as folder:
        answer = Path(folder) / "answer"
        cases: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "version": ([*ours, "--version"], None),
            "help": ([*ours, "--help"], None),
            "complete_run": (ours, _completion_env("facilitator run lea", answer)),
            "complete_new_from": (ours, _completion_env("facilitator new x --from ", answer)),
        }
        figures: Figures = {}
        for name, (args, env) in cases.items():
            mine, theirs = [], []
            for _ in range(RUNS):
                mine.append(_seconds(args, env))
                theirs.append(_seconds(baseline_args))
            ours_s, base_s = statistics.median(mine), statistics.median(theirs)
            figures[f"cli_{name}_s"] = round(ours_s, 3)
            figures[f"cli_{name}_ratio_vs_argparse"] = round(ours_s / base_s, 2)
        figures["cli_argparse_baseline_s"] = round(base_s, 3)
    return figures


if __name__ == "__main__":
    results = cli_start_ratios()
    for key, value in results.items():
        print(f"{key}: {value}")
    print(json.dumps(results))
