"""What start-up puts off runs later, a module at a time when asked (see `startup.later`)."""

import sys
from pathlib import Path

import pytest

from facilitator import startup


def test_put_off_modules_run_one_at_a_time_when_caught_up_by_one(
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
        assert startup.catch_up(1) is True  # one ran, one is still put off
        assert len(putoff.ran) == 1
        assert startup.catch_up(1) is False
        assert sorted(putoff.ran) == ["first", "second"]
        assert startup.catch_up() is False  # nothing left: nothing runs twice
        assert len(putoff.ran) == 2
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "putoff"]:
            del sys.modules[name]
