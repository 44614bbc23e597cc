"""Loading a command's code: the cyclic collector is off meanwhile, and back as it was after;
and off from opening a screen until the app has drawn it. What start-up puts off runs later,
a module at a time when asked (see `startup.later`)."""

import gc
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator import startup
from facilitator.startup import hold_collection, loading, release_collection
from facilitator.tui.app import SETTLED_AFTER
from tests.tui_helpers import bundled, live_app


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


def test_a_held_collector_is_back_when_released_and_only_then(collector: None) -> None:
    gc.enable()
    hold_collection()
    with loading():
        pass
    assert not gc.isenabled()  # loading leaves it as it found it: held
    release_collection()
    assert gc.isenabled()


def test_releasing_what_was_not_held_changes_nothing(collector: None) -> None:
    gc.disable()
    hold_collection()  # already off: nothing to give back
    release_collection()
    assert not gc.isenabled()
    release_collection()
    assert not gc.isenabled()


async def test_the_app_releases_the_collector_once_its_first_screen_is_drawn(
    collector: None,
) -> None:
    gc.enable()
    hold_collection()
    app, _, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert not gc.isenabled()  # drawn, but not yet settled
        for _ in range(50):  # SETTLED_AFTER, and up to 5 s on a loaded machine
            await pilot.pause(SETTLED_AFTER / 5)
            if gc.isenabled():
                break
        assert gc.isenabled()


def test_put_off_modules_are_caught_up_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "putoff"
    package.mkdir()
    (package / "__init__.py").write_text("ran = []\n")
    for name in ("first", "second"):
        (package / f"{name}.py").write_text(f"import putoff\nputoff.ran.append({name!r})\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(startup, "_later", [])
    import putoff  # type: ignore[import-not-found]

    try:
        startup.later("putoff.first")
        startup.later("putoff.second")
        assert putoff.ran == []  # loaded, not run
        assert startup.catch_up() is True  # one ran, one is still put off
        assert len(putoff.ran) == 1
        assert startup.catch_up() is False
        assert sorted(putoff.ran) == ["first", "second"]
        assert startup.catch_up() is False  # nothing left: nothing runs twice
        assert len(putoff.ran) == 2
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "putoff"]:
            del sys.modules[name]
