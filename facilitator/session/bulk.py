"""Reading many events at once, without the cycle collector's rescans."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk() -> Iterator[None]:
    """Reading or replaying a journal builds tens of thousands of small objects without a
    cycle among them; Python's cycle collector, left on, scans them again and again as
    they pile up (most of a replay's time). It pauses meanwhile, and is on again after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
