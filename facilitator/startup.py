"""Loading the code a command needs: without the cyclic garbage collector's passes over it,
without what pydantic loads for plugins we do not run, and what the first screen does not
run only once it is drawn."""

import gc
import importlib
import importlib.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Importing Textual, pydantic and our models makes hundreds of thousands of objects and
    frees almost none, so the collector's passes over them find nothing: ~50 ms of `run`'s
    start-up. It is off while they load. What they made is then frozen out of its later
    passes (they live as long as the process), so that none of those passes walks it again."""
    modules, enabled = len(sys.modules), gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if len(sys.modules) > modules:  # nothing loaded (a test's second run): nothing to freeze
            gc.freeze()
        if enabled:
            gc.enable()


_held = False
"""Whether `hold_collection` turned the collector off (and `release_collection` owes it)."""


def hold_collection() -> None:
    """No collector passes until the first screen is drawn: opening the session and building
    its screen makes tens of thousands of objects and frees almost none, and some 26 passes
    over them took 5–7 ms of `run`'s start-up. `release_collection` turns it back on."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collection() -> None:
    """The collector back on, if `hold_collection` turned it off."""
    global _held
    if _held:
        _held = False
        gc.enable()


def without_pydantic_plugins() -> None:
    """pydantic reads every installed package's entry points for plugins when it first
    validates: none are ours to run, so unless the user says otherwise, it does not. Even
    then its plugin loader imports `importlib.metadata` (and `email`, `zipfile`, `csv`), some
    30 ms of `run`'s start-up: with plugins off, a stand-in for that module answers as its
    one function does then ("no plugins"), without them."""
    disabled = os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if disabled in ("__all__", "1", "true") and "pydantic.plugin._loader" not in sys.modules:
        from types import ModuleType

        loader = ModuleType("pydantic.plugin._loader", "No plugins: PYDANTIC_DISABLE_PLUGINS.")
        loader.get_plugins = tuple  # type: ignore[attr-defined]
        sys.modules[loader.__name__] = loader


_later: list[str] = []
"""The modules `later` put off, for `catch_up`."""


def later(name: str) -> None:
    """Module `name`, a package's submodule, made when first used rather than now: importing
    it (`from package import name`) gives a module whose first attribute read runs it. For
    code that start-up imports but its first screen does not run (see `catch_up`)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module {name} to load later", name=name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    package, _, attribute = name.rpartition(".")
    setattr(sys.modules[package], attribute, module)  # so `from package import` runs none
    _later.append(name)


def catch_up() -> bool:
    """Run now the next module `later` put off, once the first screen is drawn, so that no
    key pays it (one at a time: a key pressed meanwhile waits for one at most); whether any
    is still put off."""
    if _later:
        importlib.import_module(_later.pop())
    return bool(_later)
