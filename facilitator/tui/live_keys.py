"""The live screen's keys: one list, from which the footer, the help and the palette come.
Capture keys come from the table of item kinds, so a new kind brings its key."""

from textual.binding import Binding, BindingType

from facilitator.session.item_kinds import ITEM_KINDS

LIVE_BINDINGS: list[BindingType] = [
    Binding("space", "start_pause", "Start/pause"),
    Binding("n,right", "next", "Next"),
    Binding("b,left", "back", "Back"),
    Binding("N", "next_segment", "Next segment (closes the topics)", show=False),
    Binding("plus,equals_sign", "adjust(60)", "Add a minute", show=False),
    Binding("minus", "adjust(-60)", "Take a minute", show=False),
    Binding("p", "pass_turn", "Pass"),
    Binding("x", "absent", "Speaker absent", show=False),
    *(Binding(kind.key, f"capture('{kind.type}')", kind.label) for kind in ITEM_KINDS.values()),
    Binding("g", "extend", "Extend topic"),
    *(
        Binding(str(n), f"vote({n})", "Vote for the topic of that number", show=False)
        for n in range(1, 10)
    ),
    Binding("v", "vote_by_number", "Vote for topic number…", show=False),
    Binding("i", "items", "Edit items", show=False),
    Binding("l", "ledger", "Ledger of the series (in the review)", show=False),
    Binding("ctrl+z", "undo", "Undo", priority=True),
    Binding("m", "mute", "Bell on/off", show=False),
    Binding("z", "presenter", "Presenter view on/off (for screen sharing)", show=False),
    Binding("ctrl+e", "end", "End", priority=True),
    Binding("question_mark", "help", "Help"),
]
"""Printable keys are not priority bindings: the screen holds them for a moment first, so
that typing is never taken for commands (see `typing_guard.py`)."""

CAPTURE_HELP = [
    ("@name", "credit or owner: @Ben send the deck (the speaker when no @name)"),
    ("@Ana @Ben", "several owners: one item, listed under each; names need no accents"),
    ("by friday", "a due date: by friday, due 2026-12-01, in 2 weeks, 1 Dec, by tomorrow"),
    ("by friday", "said on a Friday, it means next week's Friday"),
    ("#private", "keeps the item out of shared summaries: #private salary figures"),
    ("a link", "resources keep their links whole: r The Manager's Path https://…"),
]
"""What the help says about typing a capture."""
