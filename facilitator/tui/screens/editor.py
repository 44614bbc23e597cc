"""The agenda editor: shape an agenda without touching TOML. Every change goes through the
draft (agenda/draft.py), and the draft's problems are shown under the fields. What the
screen shows of the file is cleaned first: an escape code in it is text, not a command."""

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Select, Static, TextArea

from facilitator.agenda import Problem
from facilitator.agenda.draft import AgendaDraft, set_field, shown_safely
from facilitator.agenda.fields import AGENDA_FIELDS, PARTICIPANT_FIELDS, FieldSpec
from facilitator.agenda.locate import Path as FieldPath
from facilitator.agenda.model import SEGMENT_KINDS
from facilitator.agenda.schema import write_schema_beside
from facilitator.files import free_name, write_atomically
from facilitator.text import clean, counted
from facilitator.tui import messages
from facilitator.tui.screens.base import AsksBeforeQuitting
from facilitator.tui.screens.choice import ChoiceScreen
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.help import HelpScreen, binding_rows
from facilitator.tui.widgets.agenda_form import FieldRow, typed_value
from facilitator.tui.widgets.agenda_outline import AgendaOutline, Node, node_of


class EditorScreen(AsksBeforeQuitting):
    """One agenda file under edit."""

    AUTO_FOCUS = "AgendaOutline"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "run", "Run"),
        Binding("escape", "back", "Back", show=False),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, draft: AgendaDraft) -> None:
        super().__init__()
        self.draft = draft
        self.node: Node | None = None
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="editor"):
            yield AgendaOutline(id="outline")
            form = VerticalScroll(id="form")
            form.can_focus = False  # Tab goes from field to field
            yield form
        yield Static(id="problems")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._revalidate()
        self.query_one(AgendaOutline).highlighted = 0

    # -- the outline -----------------------------------------------------------------------

    def _refresh_outline(self, select: Node | None = None) -> None:
        self.query_one(AgendaOutline).show(self.draft.shown(), self.problems, select or self.node)

    @on(OptionList.OptionHighlighted, "#outline")
    async def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        node = node_of(event.option)
        if node != self.node:
            self.node = node
            await self._show_form()

    # -- the form --------------------------------------------------------------------------

    def _fields(self) -> tuple[tuple[FieldSpec, ...], dict[str, Any] | None, FieldPath]:
        """The fields of the highlighted part, the data they edit, and its path."""
        if self.node is None:
            return (), None, ()
        kind, index = self.node
        if kind == "agenda":
            return AGENDA_FIELDS, self.draft.data, ()
        if index < 0:
            return (), None, (kind,)
        if kind == "participants":
            return PARTICIPANT_FIELDS, self.draft.participants[index], ("participants", index)
        segment = self.draft.segments[index]
        kind_of = SEGMENT_KINDS.get(str(segment.get("kind")))
        specs = kind_of.EDITOR_FIELDS if kind_of else ()
        return specs, segment, ("segments", index)

    async def _show_form(self) -> None:
        form = self.query_one("#form", VerticalScroll)
        await form.remove_children()
        specs, data, path = self._fields()
        widgets: list[Static | FieldRow] = [Static(classes="part-problem")]
        if data is None:
            what = "participant" if path == ("participants",) else "segment"
            widgets.append(Static(Content(f"Press a to add a {what}.")))
        else:
            widgets += [
                FieldRow(spec, shown_safely(data.get(spec.key), one_line=spec.one_line))
                for spec in specs
            ]
        await form.mount_all(widgets)
        self._show_problems()

    @on(Input.Changed)
    @on(Select.Changed)
    def _typed(self, event: Input.Changed | Select.Changed) -> None:
        self._apply(event.control, event.value)

    @on(TextArea.Changed)
    def _typed_long(self, event: TextArea.Changed) -> None:
        self._apply(event.text_area, event.text_area.text)

    def _apply(self, control: Any, typed: Any) -> None:
        row = control.parent
        specs, data, path = self._fields()
        if not isinstance(row, FieldRow) or data is None or row.spec not in specs:
            return
        if typed == row.shown:
            return  # controls report their first value too: that is not a change
        row.shown = typed
        value = typed_value(row.spec, typed)
        if path[:1] == ("participants",) and row.spec.key == "name":
            self.draft.rename_participant(int(path[1]), value)
        else:
            set_field(data, row.spec.key, value)
        self._revalidate()

    # -- problems --------------------------------------------------------------------------

    def _revalidate(self) -> None:
        _, self.problems = self.draft.validate()
        self._refresh_outline()
        self._show_problems()

    def _show_problems(self) -> None:
        self.query_one("#status", Static).update(Content(self.draft.status_line(self.problems)))
        self._say(self.draft.problem_text(self.problems))
        _, _, base = self._fields()
        for row in self.query(FieldRow):
            row.show_problem(self._problems_at((*base, row.spec.key)))
        here = self._problems_at(base, exactly=True) if base else ""
        for part in self.query(".part-problem").results(Static):
            part.update(Content(here))
            part.display = bool(here)

    def _problems_at(self, path: FieldPath, *, exactly: bool = False) -> str:
        """What is wrong with a field or a part (and, unless `exactly`, with what is in it)."""
        inside = [p for p in self.problems if p.path[: len(path)] == path]
        return clean("; ".join(p.message for p in inside if not exactly or p.path == path))

    def _say(self, text: str) -> None:
        self.query_one("#problems", Static).update(Content(clean(text)))

    # -- actions ---------------------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        if self.node is not None and self.node[0] == "participants":
            index = self.draft.add_participant()
            self._changed(("participants", index))
            return
        kind = await self.app.push_screen_wait(
            ChoiceScreen("Add which kind of segment?", [(k, k) for k in SEGMENT_KINDS])
        )
        if kind:
            after = self.node[1] if self.node and self.node[0] == "segments" else None
            after = None if after is not None and after < 0 else after
            self._changed(("segments", self.draft.add_segment(kind, after)))

    @work
    async def action_remove(self) -> None:
        if self.node is None or self.node[1] < 0 or self.node[0] == "agenda":
            return
        kind, index = self.node
        part = getattr(self.draft, kind)[index]
        named = part.get("name") or part.get("title") or part.get("kind")  # each a table (open)
        question = clean(f"Remove {named or 'it'}?", one_line=True)
        undo = "Nothing here undoes it; the file changes only when you save."
        if not await self.app.push_screen_wait(ConfirmScreen(question, undo)):
            return
        if kind == "participants":
            self.draft.remove_participant(index)
        else:
            self.draft.remove_segment(index)
        self._changed((kind, max(index - 1, -1)))

    def action_duplicate(self) -> None:
        if self.node and self.node[0] == "segments" and self.node[1] >= 0:
            self._changed(("segments", self.draft.duplicate_segment(self.node[1])))

    def action_move(self, by: int) -> None:
        if self.node and self.node[0] == "segments" and self.node[1] >= 0:
            self._changed(("segments", self.draft.move_segment(self.node[1], by)))

    def action_help(self) -> None:
        self.app.push_screen(
            HelpScreen(
                [
                    ("In the outline", binding_rows(AgendaOutline.BINDINGS)),
                    ("Anywhere in the editor", binding_rows(self.BINDINGS)),
                ]
            )
        )

    def action_edit_fields(self) -> None:
        controls = self.query_one("#form").query("Input, Select, TextArea")
        if controls:
            controls.first().focus()

    def _changed(self, select: Node) -> None:
        self.node = None  # the form shows the part selected after the change
        _, self.problems = self.draft.validate()
        self._refresh_outline(select)
        self._show_problems()

    def action_back(self) -> None:
        if self.focused is not None and self.focused is not self.query_one(AgendaOutline):
            self.query_one(AgendaOutline).focus()
        else:
            self.action_leave()

    def ask_to_quit(self) -> None:
        self.action_leave()

    @work
    async def action_leave(self) -> None:
        """Leave the editor; with unsaved changes, ask first."""
        if self.draft.dirty:
            question = ConfirmScreen(
                "Leave without saving?",
                "Your changes would be lost.",
                yes="Leave without saving",
                no="Keep editing",
                default=False,
            )
            if not await self.app.push_screen_wait(question):
                return
        self.post_message(messages.CloseEditor())

    @work
    async def action_save(self) -> bool:
        """Save atomically; a draft with problems, or a file with comments, asks first."""
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            question = ConfirmScreen(
                f"The agenda has {counted(len(errors), 'problem')}. Save it as a draft?",
                "`facilitator check` and `run` will refuse it until they are fixed.",
                yes="Save as a draft",
                no="Keep editing",
            )
            if not await self.app.push_screen_wait(question):
                return False
        path = self.draft.path
        if self.draft.comments and path.exists():
            instead = free_name(path.with_name(f"{path.stem}.edited{path.suffix}"))
            new, old = clean(instead.name, one_line=True), clean(path.name, one_line=True)
            choice = await self.app.push_screen_wait(
                ChoiceScreen(
                    "This file has comments, which saving from the editor would drop.",
                    [
                        ("new", f"Save to {new} instead (keeps {old} as it is)"),
                        ("overwrite", f"Overwrite {old} without its comments"),
                        ("cancel", "Cancel"),
                    ],
                )
            )
            if choice in (None, "cancel"):
                return False
            if choice == "new":
                path = instead
        try:
            write_atomically(path, self.draft.text(), private=False)
            write_schema_beside(path.parent)  # the `#:schema` line finds it
        except OSError as error:
            self._say(f"Could not save {path}: {error.strerror}")
            return False
        self.draft.path = path
        self.draft.mark_saved()
        self._show_problems()
        self._say(f"Saved {path}")
        return True

    @work
    async def action_run(self) -> None:
        """Save if needed, then start a session of this agenda."""
        if any(p.severity == "error" for p in self.problems):
            self._say("Fix the problems first: a session needs a valid agenda.")
            return
        if self.draft.dirty or not self.draft.path.exists():
            saved = await self.action_save().wait()
            if not saved:
                return
        self.post_message(messages.RunAgenda(self.draft.path))
