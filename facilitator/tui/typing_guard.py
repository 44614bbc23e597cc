"""Telling typing from commands: a facilitator who starts typing a sentence on the live
screen (or goes on typing after Enter saved a capture) must not run a command per letter.

Pure logic on the keys' own time stamps, so it is tested without a screen.
"""

from dataclasses import dataclass, field
from itertools import pairwise

BURST_GAP = 0.12
"""Keys closer together than this are typed, not pressed one by one as commands."""
AFTER_ENTER = 0.3
"""Keys this soon after the Enter that saved a capture belong to the same typing."""
BURST_LENGTH = 3
"""This many keys in one burst is typing; one or two quick presses may be meant."""


@dataclass(frozen=True)
class HeldKey:
    key: str
    character: str
    time: float


@dataclass
class TypingGuard:
    """Holds printable keys briefly; then says whether they were typing or commands."""

    held: list[HeldKey] = field(default_factory=list)
    last_enter: float = float("-inf")

    def enter_pressed(self, time: float) -> None:
        self.last_enter = time

    def hold(self, key: str, character: str, time: float) -> None:
        self.held.append(HeldKey(key, character, time))

    def release(self) -> tuple[bool, list[HeldKey]]:
        """The held keys, and whether they were typing; nothing is held afterwards."""
        held, self.held = self.held, []
        return _typing(held, self.last_enter), held


def _typing(held: list[HeldKey], last_enter: float) -> bool:
    if not held:
        return False
    if held[0].time - last_enter < AFTER_ENTER:
        return True
    gaps = [later.time - earlier.time for earlier, later in pairwise(held)]
    return len(held) >= BURST_LENGTH and all(gap < BURST_GAP for gap in gaps)
