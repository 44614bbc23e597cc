"""The four layers, proved: each imports only the layers above it, and none but tui/ Textual."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "facilitator"
ORDER = ["agenda", "session", "summary", "tui"]


def imported_layers(layer: str) -> set[str]:
    found = set()
    for path in (PACKAGE / layer).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "facilitator" and len(parts) > 1 and parts[1] in ORDER:
                    found.add(parts[1])
                if parts[0] == "textual":
                    found.add("textual")
    return found


@pytest.mark.parametrize("layer", ORDER)
def test_each_layer_imports_only_the_layers_above_it(layer: str) -> None:
    allowed = set(ORDER[: ORDER.index(layer) + 1])
    if layer == "tui":
        allowed.add("textual")
    assert imported_layers(layer) <= allowed


def test_the_logic_layers_load_without_textual() -> None:
    probe = (
        "import sys\n"
        "import facilitator.agenda, facilitator.session, facilitator.summary.render\n"
        "import facilitator.summary.files, facilitator.summary.clipboard\n"
        "print([m for m in sys.modules if m.split('.')[0] == 'textual'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_way_to_a_live_screen_leaves_the_summary_and_clipboard_unloaded() -> None:
    """`facilitator run` loads what its first frame needs; summaries load at the end, the
    editor's code with the editor, dialogs and the presenter view when first opened."""
    probe = (
        "import sys\n"
        "import facilitator.cli, facilitator.commands, facilitator.tui.app\n"
        "print(sorted(m for m in sys.modules if m.startswith(\n"
        "    ('facilitator.summary.', 'pyperclip', 'facilitator.tui.screens.summary',\n"
        "     'facilitator.tui.screens.editor', 'facilitator.tui.screens.picker',\n"
        "     'facilitator.tui.screens.history', 'markdown_it', 'facilitator.agenda.draft',\n"
        "     'facilitator.agenda.writing', 'tomli_w', 'facilitator.salvage',\n"
        "     'facilitator.tui.screens.confirm', 'facilitator.tui.screens.prompt',\n"
        "     'facilitator.tui.screens.help', 'facilitator.tui.widgets.room_panel'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['facilitator.summary.charts']"  # the side panel's bars


def test_a_new_sessions_first_screen_runs_none_of_the_modules_put_off() -> None:
    """The events' pydantic classes, a summary's facts and the room's view are made when
    first used, or once the first screen is drawn (`catch_up`), not before it: a third of
    the session package's start-up."""
    probe = (
        "import asyncio, sys, tempfile\n"
        "from pathlib import Path\n"
        "from facilitator.agenda import load_agenda\n"
        "from facilitator.session import Session, SystemClock\n"
        "from facilitator.tui import app as tui\n"
        "tui.SETTLED_AFTER = 600  # no catch_up during the probe\n"
        "names = ('events', 'facts', 'room')\n"
        "put_off = [sys.modules[f'facilitator.session.{name}'] for name in names]\n"
        "def kinds(): return ' '.join(type(module).__name__ for module in put_off)\n"
        "async def main():\n"
        "    agenda = load_agenda(Path(sys.argv[1])).agenda\n"
        "    session = Session.begin(agenda, SystemClock(), Path(tempfile.mkdtemp()), 'p')\n"
        "    async with tui.make_app(session, burst_gap=0.0).run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        print(kinds())\n"
        "        await pilot.press('space')  # the clock starts: an event\n"
        "        await pilot.pause()\n"
        "        print(kinds(), session.state.running)\n"
        "        while tui.catch_up(): pass\n"
        "        print(kinds())\n"
        "asyncio.run(main())\n"
    )
    agenda = PACKAGE.parent / "agendas" / "peer-circle.toml"
    result = subprocess.run(
        [sys.executable, "-c", probe, str(agenda)], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:3] == [
        "_LazyModule _LazyModule _LazyModule",
        "module _LazyModule _LazyModule True",
        "module module module",
    ]


def _module_imports() -> dict[str, set[str]]:
    """Every facilitator module and the facilitator modules it imports anywhere in it:
    at the top, inside functions, and under TYPE_CHECKING."""
    modules = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
            ".__init__"
        ): path
        for path in PACKAGE.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                # `from package import module` names the module; `from package import Name`
                # goes through the package's __init__.
                targets = [
                    f"{node.module}.{a.name}"
                    if f"{node.module}.{a.name}" in modules
                    else node.module
                    for a in node.names
                ]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            found |= {target for target in targets if target in modules}
        graph[name] = found - {name}
    return graph


def test_no_module_imports_itself_through_others() -> None:
    graph = _module_imports()

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            here, path = stack.pop()
            for following in graph[here]:
                if following == start:
                    return [*path, start]
                if following not in seen:
                    seen.add(following)
                    stack.append((following, [*path, following]))
        return None

    cycles = [cycle for name in graph if (cycle := cycle_from(name))]
    assert cycles == []


def test_no_module_is_over_300_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert long == {}
