"""Run every benchmark; print each figure, then all of them as one JSON object.

Figures are ratios against a baseline measured alternately in the same run, so
they mean something on a noisy machine. Run from the repository:
`python benchmarks/run.py` (with the project installed in that Python).
"""

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 15


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def alternate(measure: Callable[[], float], baseline: Callable[[], float]) -> tuple[float, float]:
    """Medians of the two, measured one after the other so noise hits both alike."""
    ours, theirs = [], []
    for _ in range(ROUNDS):
        ours.append(measure())
        theirs.append(baseline())
    return statistics.median(ours), statistics.median(theirs)


def check_ratio() -> dict[str, float]:
    """`facilitator check` on a bundled agenda over importing pydantic and tomllib."""
    agenda = str(ROOT / "agendas" / "peer-circle.toml")
    check, bare = alternate(
        lambda: wall_time([sys.executable, "-m", "facilitator", "check", agenda]),
        lambda: wall_time([sys.executable, "-c", "import pydantic, tomllib"]),
    )
    return {
        "check_s": round(check, 4),
        "bare_import_s": round(bare, 4),
        "check_ratio": round(check / bare, 2),
    }


BENCHMARKS: list[Callable[[], dict[str, float]]] = [check_ratio]


def main() -> None:
    figures: dict[str, float] = {}
    for benchmark in BENCHMARKS:
        result = benchmark()
        for name, value in result.items():
            print(f"{name}: {value}")
        figures.update(result)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
