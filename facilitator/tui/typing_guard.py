"""Telling typing from commands: a facilitator who starts typing a sentence on any screen
(or goes on typing after Enter) must not run a command per letter, and a command pressed
on its own must answer at once.

A key that starts a run of quick keys runs at once (unless it cannot be taken back); the
keys that follow it quickly wait a moment. A run of BURST_LENGTH keys, or any key soon
after Enter, is typing: what ran is taken back and the text is handed on. A key that
counts (a vote, a minute more) pressed again and again is counting, not typing: each
press runs at once, until another key makes the run typing after all.

Pure logic on the keys' own time stamps, so it is tested without a screen."""

from dataclasses import dataclass, field
from typing import NamedTuple

BURST_GAP = 0.12
"""Keys closer together than this are typed, not pressed one by one as commands."""
AFTER_ENTER = 0.3
"""Keys this soon after an Enter belong to the same typing."""
BURST_LENGTH = 3
"""This many keys in one run is typing; one or two quick presses may be meant."""


class HeldKey(NamedTuple):
    key: str
    character: str
    time: float


class Verdict(NamedTuple):
    """What to do with a key."""

    run: bool = False
    """Run its command now."""
    hold: bool = False
    """Wait `gap` seconds; `release` then says which held keys to run."""
    typing: str | None = None
    """The run is typing: its text so far when it is found to be, then each key's own."""
    take_back: int = 0
    """How many of the run's keys that already ran must be taken back, newest first."""


@dataclass
class TypingGuard:
    """The keys of the current run of quick keys, and what was decided about them."""

    gap: float = BURST_GAP
    run: list[HeldKey] = field(default_factory=list)
    ran: int = 0
    """Keys at the start of the run that were run as commands."""
    typing: bool = False
    last_enter: float = float("-inf")

    @property
    def active(self) -> bool:
        """False when the guard is turned off (`gap` 0): every key runs as it comes."""
        return self.gap > 0

    @property
    def held(self) -> list[HeldKey]:
        """Keys of the run that wait to be run, or to be found typing (an Enter went on
        its way: it is never held)."""
        return [] if self.typing else [k for k in self.run[self.ran :] if k.key != "enter"]

    def continues(self, time: float) -> bool:
        """Whether a key at `time` belongs to the current run of quick keys."""
        return self.active and bool(self.run) and time - self.run[-1].time < self.gap

    def into_a_field(self) -> None:
        """Keys now go into a text field (a capture key opened it): the run ends there, and
        what opened the field stays done."""
        if not self.typing:
            self.run, self.ran = [], 0

    def pasted(self, text: str, time: float) -> Verdict:
        """A paste is typing, and so are the quick keys before it: "n a" and a paste in one
        burst take the n back."""
        if not self.continues(time):
            self.run, self.ran, self.typing = [], 0, False
        self.run.append(HeldKey("paste", text, time))
        if self.typing:
            return Verdict(typing=text)
        self.typing = True
        taken, self.ran = self.ran, 0
        return Verdict(typing=self.text, take_back=taken)

    def enter_pressed(self, time: float) -> Verdict:
        """Enter is a key of the run too: "n a Enter" in one burst is typing, and what the
        n did is taken back. What follows soon after it is typing as well."""
        if not self.active:
            return Verdict()
        if not self.continues(time):
            self.run, self.ran, self.typing = [], 0, False
        self.run.append(HeldKey("enter", "", time))
        self.last_enter = time
        if self.typing or len(self.run) < BURST_LENGTH:
            return Verdict()
        self.typing = True
        taken, self.ran = self.ran, 0
        return Verdict(typing=self.text, take_back=taken)

    def key(
        self, key: str, character: str, time: float, *, waits: bool = False, counts: bool = False
    ) -> Verdict:
        """Decide about a printable key; `waits` when its command cannot be taken back,
        `counts` when it is pressed again and again to count (a vote, a minute more)."""
        if not self.active:
            return Verdict(run=True)
        if not self.continues(time):
            self.run, self.ran, self.typing = [], 0, False
        self.run.append(HeldKey(key, character, time))
        tally = self.ran == len(self.run) - 1 and all(held.key == key for held in self.run)
        counting = counts and not waits and tally  # the same key, each press run so far
        if not self.typing and (
            time - self.last_enter < AFTER_ENTER or (len(self.run) >= BURST_LENGTH and not counting)
        ):
            self.typing = True
            taken, self.ran = self.ran, 0
            return Verdict(typing=self.text, take_back=taken)
        if self.typing:
            return Verdict(typing=character)
        if (len(self.run) == 1 and not waits) or counting:
            self.ran = len(self.run)
            return Verdict(run=True)
        return Verdict(hold=True)

    @property
    def text(self) -> str:
        return "".join(key.character for key in self.run)

    def due(self, now: float) -> bool:
        """Whether held keys have waited long enough to be commands."""
        held = self.held
        return bool(held) and now - held[-1].time >= self.gap

    def release(self) -> list[HeldKey]:
        """The held keys, to run as commands now: no key came to make them typing."""
        held = self.held
        self.ran = len(self.run)
        return held
