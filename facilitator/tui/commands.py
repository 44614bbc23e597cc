"""Commands as data: each key command is described once, with its keys, its footer and
palette label, its help, the session rule that says whether it works now, and how its
effect is taken back when the keys after it turn out to be typing. Bindings, the footer,
the palette, the help screen and the README's key table all come from these tables."""

from collections.abc import Callable, Iterable
from typing import Literal, NamedTuple, cast

from textual.actions import parse as parse_action
from textual.binding import Binding, BindingType

from facilitator.session import Outcome, Session
from facilitator.session.guards import Command
from facilitator.session.item_kinds import ITEM_KINDS, ItemKind

TakeBack = Literal["observed", "again", "never"]
"""How a command is taken back when the keys that follow it make a burst of typing:
`observed`: what it changed (a session action, a screen opened, the focus) is put back;
`again`: running it once more puts it back (a switch);
`never`: it cannot be taken back (a copy, quitting), so it waits for the typing guard."""


class KeyCommand(NamedTuple):
    keys: str
    """Textual key names, comma-separated: `n,right`."""
    action: str
    """The action it runs, on the screen (or widget) whose table it is in."""
    label: str
    """The footer's and the palette's words."""
    help: str = ""
    """The help screen's and the README's words (the label when empty)."""
    show: bool = True
    """In the footer (the palette and the help list every command)."""
    guard: Command | None = None
    """The session rule that says whether it works now (`guards.refusal`)."""
    take_back: TakeBack = "observed"
    priority: bool = False
    """Runs even while a field has the keys (ctrl+z, ctrl+e)."""
    run: Callable[..., Outcome] | None = None
    """The session command the key gives, when that is all it does (`_session`)."""
    counts: bool = False
    """Pressed again and again to count (a vote, a minute more): a quick run of it alone is
    a tally, never typing (`typing_guard`)."""

    @property
    def name(self) -> str:
        """The action's name without its arguments: `adjust` for `adjust(60)`."""
        return parse_action(self.action)[1]

    @property
    def arguments(self) -> tuple[object, ...]:
        return parse_action(self.action)[2]

    @property
    def words(self) -> str:
        return self.help or self.label

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.label, show=self.show, priority=self.priority)


def bindings(commands: Iterable[KeyCommand]) -> list[BindingType]:
    return [command.binding() for command in commands]


def _session(
    keys: str,
    run: Callable[..., Outcome],
    label: str,
    words: str,
    *arguments: int,
    guard: Command | None = None,
    show: bool = True,
    take_back: TakeBack = "observed",
    counts: bool = False,
) -> KeyCommand:
    """A key that gives a session command (named as the session method unless `guard`
    says otherwise); the screen shows the message the command answers with."""
    command = guard or cast(Command, run.__name__)
    action = f"session({', '.join(repr(part) for part in (command, *arguments))})"
    return KeyCommand(keys, action, label, words, show, command, take_back, run=run, counts=counts)


def _capture(kind: ItemKind) -> KeyCommand:
    words = f"capture: {kind.hint.lower().replace('<date>', 'a date')}"
    return KeyCommand(
        kind.key, f"capture('{kind.type}')", kind.label, words, kind.in_footer, guard="capture"
    )


LIVE_COMMANDS: tuple[KeyCommand, ...] = (
    _session(
        "space",
        Session.toggle,
        "Start/pause",
        "start / pause / resume the current turn",
        guard="start_pause",
        take_back="again",
    ),
    _session("n,right", Session.next, "Next", "next turn, step or segment (and starts it)"),
    _session("b,left", Session.back, "Back", "back to the turn, step or segment before"),
    _session(
        "N",
        Session.next_segment,
        "Next segment",
        "next segment: closes a Lean Coffee however many topics remain",
        show=False,
    ),
    _session(
        "plus,equals_sign",
        Session.adjust,
        "Add a minute",
        "add a minute on what the clock shows (a turn, a step, a topic, the Lean Coffee box)",
        60,
        show=False,
        counts=True,
    ),
    _session(
        "minus",
        Session.adjust,
        "Take a minute",
        "take a minute off what the clock shows",
        -60,
        show=False,
        counts=True,
    ),
    _session(
        "p", Session.pass_turn, "Pass", "pass: the speaker goes to the end of this round (once)"
    ),
    _session(
        "x",
        Session.mark_absent,
        "Speaker absent",
        "the speaker is absent for the rest of the session",
        guard="absent",
        show=False,
    ),
    *(_capture(kind) for kind in ITEM_KINDS.values()),
    _session("g", Session.extend, "Extend topic", "extend the topic under discussion"),
    *(
        _session(
            str(n),
            Session.vote_for_topic,
            f"Vote for topic {n}",
            "vote for the topic of that number (Lean Coffee)",
            n,
            guard="vote",
            show=False,
            counts=True,
        )
        for n in range(1, 10)
    ),
    KeyCommand(
        "v",
        "vote_by_number",
        "Vote for topic number…",
        "vote for any topic: v, its number, Enter",
        show=False,
        guard="vote",
    ),
    KeyCommand(
        "i",
        "items",
        "Edit items",
        "the captured items: edit, delete, private on/off, votes, last time's items",
        show=False,
    ),
    KeyCommand(
        "l", "ledger", "Ledger of the series", "in a review: the series' action ledger", show=False
    ),
    KeyCommand(
        "ctrl+z",
        "undo",
        "Undo",
        "undo the last action of any kind, one per press; the message says what was undone",
        guard="undo",
        priority=True,
    ),
    KeyCommand(
        "m", "mute", "Bell on/off", "the bell at time-up on/off", show=False, take_back="again"
    ),
    KeyCommand(
        "z",
        "presenter",
        "Presenter view on/off",
        "presenter view, for screen sharing: nothing private, and no text being typed",
        show=False,
        take_back="again",
    ),
    KeyCommand(
        "ctrl+e",
        "end",
        "End",
        "end the session: it asks, with Keep going as the answer; ctrl+e again ends it",
        guard="end",
        priority=True,
    ),
    KeyCommand("question_mark", "help", "Help", "these keys, and how a capture is typed"),
)
"""The live screen's keys. Printable keys are never priority bindings: the keyboard policy
(`keyboard.py`) sees them first, so that typing is never taken for commands."""

ITEMS_COMMANDS: tuple[KeyCommand, ...] = (
    KeyCommand("enter", "edit", "Edit", "edit the highlighted item", priority=True),
    KeyCommand(
        "delete,backspace", "delete", "Delete", "delete it (ctrl+z brings it back)", priority=True
    ),
    KeyCommand("p", "private", "Private on/off", "private on/off", take_back="never"),
    KeyCommand(
        "d", "carry('done')", "Done", "last time's item: done; a goal: reached", take_back="never"
    ),
    KeyCommand(
        "c", "carry('carried')", "Carry again", "last time's item: carried again", take_back="never"
    ),
    KeyCommand("x", "carry('dropped')", "Drop", "last time's item: dropped", take_back="never"),
    KeyCommand(
        "plus,equals_sign",
        "votes(1)",
        "Topic vote +1",
        "a topic's votes +1",
        show=False,
        take_back="never",
    ),
    KeyCommand(
        "minus", "votes(-1)", "Topic vote −1", "a topic's votes −1", show=False, take_back="never"
    ),
    KeyCommand("escape", "leave", "Back", "back to the session", priority=True),
)
"""The items list's keys (i on the live screen). Its letters act through the session by a
message, after the key: they wait for the typing guard rather than be taken back."""

SUMMARY_COMMANDS: tuple[KeyCommand, ...] = (
    KeyCommand("c", "copy", "Copy", "copy what is shown", take_back="never"),
    KeyCommand(
        "f",
        "next_format",
        "Format",
        "the next format: chat, plain text, JSON, Markdown",
        take_back="again",
    ),
    KeyCommand(
        "p",
        "private",
        "Private items on/off",
        "private items shown, marked (private), or left out",
        take_back="again",
    ),
    KeyCommand(
        "u", "reopen", "Reopen", "reopen the session, paused where it ended (it asks first)"
    ),
    KeyCommand("q", "app.leave", "Quit", "quit the app", take_back="never"),
)
"""The summary screen's keys: letters obey the typing guard as on the live screen."""

APP_COMMANDS: tuple[KeyCommand, ...] = (
    KeyCommand(
        "ctrl+p",
        "command_palette",
        "Command palette",
        "every action that works now, jump to a segment, vote, latecomers, absences",
    ),
    KeyCommand(
        "ctrl+q",
        "leave",
        "Quit",
        "quit; during a session it asks first, pauses the clock and says how to resume",
        priority=True,
    ),
)
"""Keys that work on every screen. Textual binds the palette's key itself."""

QUIT = APP_COMMANDS[1]

SESSION_RUNS: dict[Command, Callable[..., Outcome]] = {
    command.guard: command.run
    for command in LIVE_COMMANDS
    if command.guard is not None and command.run is not None
}
"""What the live screen's `session(command, …)` action calls, by command."""


def take_back(node: object, action: str) -> TakeBack:
    """How `action`, bound on `node`, is taken back (see `command_of`)."""
    return taken_back_as(command_of(node, action))


def taken_back_as(command: KeyCommand | None) -> TakeBack:
    """How a command is taken back: as its table says. A binding of no table (the picker's,
    the editor's) waits for the typing guard, as `never`."""
    return "never" if command is None else command.take_back


def command_of(node: object, action: str) -> KeyCommand | None:
    """The command of `node`'s table that runs `action` (one name can mean two things:
    `private` is an item's flag in the items list, and what the summary shows on its
    screen); None for a binding of no table."""
    table: tuple[KeyCommand, ...] = getattr(node, "KEY_COMMANDS", ())
    return next((command for command in table if command.action == action), None)
