"""Shared fixtures: paths to the bundled and broken agendas."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "agendas"
BROKEN = Path(__file__).resolve().parent / "agendas" / "broken"


@pytest.fixture
def bundled() -> Path:
    return BUNDLED
