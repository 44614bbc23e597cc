"""Command palette entries that change with the session: segments to jump to, and people.

Each entry posts a `SessionCommand` to the live screen, which runs it like a key. User
text is given to the palette as `Content`, never as markup.
"""

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from facilitator.session import Outcome, Session
from facilitator.text import counted
from facilitator.tui.messages import SessionCommand
from facilitator.tui.screens.base import SessionScreen

Choices = list[tuple[str, Callable[[], object], str]]


class _SessionCommands(Provider):
    """Shared search over (title, action, help) choices for the session on screen."""

    def choices(self, session: Session) -> Choices:
        raise NotImplementedError

    def _all(self) -> Choices:
        screen = self.screen
        if not isinstance(screen, SessionScreen) or screen.session.state.ended is not None:
            return []
        return self.choices(screen.session)

    def _post(self, run: Callable[[Session], Outcome]) -> None:
        self.screen.post_message(SessionCommand(run))

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

    def choices(self, session: Session) -> Choices:
        return [
            (
                f"Jump to {n + 1}. {segment.heading}",
                partial(self._post, partial(Session.jump, segment=n)),
                segment.KIND,
            )
            for n, segment in enumerate(session.agenda.segments)
            if session.can("jump", n)
        ]


class PeopleCommands(_SessionCommands):
    """Add a latecomer; mark anyone absent, or back."""

    def choices(self, session: Session) -> Choices:
        state = session.state
        latecomer = partial(self.screen.run_action, "latecomer")
        found: Choices = [("Add a latecomer…", latecomer, "someone who just arrived")]
        for name in state.people():
            if session.can("present", name):
                run = partial(Session.mark_present, name=name)
                found.append((f"Mark {name} back", partial(self._post, run), "present again"))
            elif session.can("absent", name):
                run = partial(Session.mark_absent, name=name)
                found.append(
                    (f"Mark {name} absent", partial(self._post, run), "skipped from now on")
                )
        return found


class TopicCommands(_SessionCommands):
    """Vote for any topic of the current topics segment, by its number."""

    def choices(self, session: Session) -> Choices:
        if not session.can("vote"):
            return []
        choices = self._votes(session)
        if session.can("next_segment"):
            close = partial(self._post, Session.next_segment)
            choices.insert(0, ("Close the topics: next segment", close, "N; undiscussed topics"))
        return choices

    def _votes(self, session: Session) -> Choices:
        state = session.state
        return [
            (
                f"Vote for topic {number}: {topic.text}",
                partial(self._post, partial(Session.vote_for_topic, number=number)),
                f"{counted(topic.votes, 'vote')} so far",
            )
            for number, topic in enumerate(state.topics(state.at.segment), start=1)
            if session.can("vote", number)
        ]
