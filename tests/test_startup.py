"""Loading a command's code: the cyclic collector is off meanwhile, and back as it was after."""

import gc
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.startup import loading


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.enable() if enabled else gc.disable()
    gc.unfreeze()  # the rest of the run's garbage stays collectable


def test_the_collector_is_off_while_loading_and_on_after(collector: None) -> None:
    gc.enable()
    with loading():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector: None) -> None:
    gc.disable()
    with loading():
        pass
    assert not gc.isenabled()


def test_the_collector_is_back_after_a_failed_import(collector: None) -> None:
    gc.enable()
    with pytest.raises(ImportError), loading():
        importlib.import_module("facilitator.no_such_module")
    assert gc.isenabled()


def test_what_a_load_made_is_frozen_out_of_later_passes(
    collector: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "freshly_loaded.py").write_text("TABLE = [[n] for n in range(1000)]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "freshly_loaded", raising=False)
    frozen = gc.get_freeze_count()
    with loading():
        pass  # nothing loaded: nothing frozen
    assert gc.get_freeze_count() == frozen
    with loading():
        table = importlib.import_module("freshly_loaded").TABLE
    assert gc.get_freeze_count() >= frozen + len(table)
