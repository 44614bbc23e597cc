"""Loading the code a command needs, without the cyclic garbage collector's passes over it."""

import gc
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
