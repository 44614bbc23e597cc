"""Command palette entries that change with the session: segments to jump to, and people.

User text is given to the palette as `Content`, never as markup.
"""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from facilitator.tui.screens.live import LiveScreen

Choices = list[tuple[str, Callable[[], object], str]]


class _SessionCommands(Provider):
    """Shared search over (title, action, help) choices taken from the live screen."""

    def choices(self, screen: "LiveScreen") -> Choices:
        raise NotImplementedError

    def _all(self) -> Choices:
        from facilitator.tui.screens.live import LiveScreen

        screen = self.screen
        return self.choices(screen) if isinstance(screen, LiveScreen) else []

    async def discover(self) -> Hits:
        for title, action, help_text in self._all():
            yield DiscoveryHit(Content(title), action, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._all():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Content(title), action, text=title, help=help_text)


class SegmentCommands(_SessionCommands):
    """Jump to any segment of the agenda."""

    def choices(self, screen: "LiveScreen") -> Choices:
        session = screen.session
        return [
            (f"Jump to {n + 1}. {segment.heading}", partial(_jump, screen, n), segment.kind)
            for n, segment in enumerate(session.agenda.segments)
        ]


class PeopleCommands(_SessionCommands):
    """Add a latecomer; mark anyone absent, or back."""

    def choices(self, screen: "LiveScreen") -> Choices:
        state = screen.session.state
        found: Choices = [("Add a latecomer…", screen.action_latecomer, "someone who just arrived")]
        for name in state.people():
            if name in state.absent:
                found.append(
                    (f"Mark {name} back", partial(_present, screen, name), "present again")
                )
            else:
                found.append(
                    (f"Mark {name} absent", partial(_absent, screen, name), "skipped from now on")
                )
        return found


def _jump(screen: "LiveScreen", segment: int) -> None:
    screen.done(screen.session.jump(segment))


def _absent(screen: "LiveScreen", name: str) -> None:
    screen.done(screen.session.mark_absent(name))


def _present(screen: "LiveScreen", name: str) -> None:
    screen.done(screen.session.mark_present(name))
