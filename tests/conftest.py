"""Shared fixtures: paths to the bundled and broken agendas."""

import os
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "agendas"
BROKEN = Path(__file__).resolve().parent / "agendas" / "broken"


@pytest.fixture
def bundled() -> Path:
    return BUNDLED


def _local_time_is_utc() -> None:
    """Screens show local clock times: pin the zone so snapshots match on every machine."""
    os.environ["TZ"] = "UTC"
    time.tzset()


_local_time_is_utc()
