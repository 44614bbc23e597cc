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
