"""The package as someone adopting it finds it: a licence that ships, a changelog, honest
metadata, and CI that tests pinned versions."""

import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
CONSTRAINTS = ROOT / ".ci" / "constraints.txt"


def test_the_licence_ships_in_the_sdist_and_the_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence
    [wheel] = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as built:
        [shipped] = [name for name in built.namelist() if name.endswith("licenses/LICENSE")]
        assert built.read(shipped).decode() == licence
    [sdist] = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as built:
        names = built.getnames()
    assert any(name.endswith("/LICENSE") for name in names)
    assert any(name.endswith("/CHANGELOG.md") for name in names)


def test_the_changelog_keeps_an_unreleased_section() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in changelog
    assert "\n## [Unreleased]\n" in changelog
    assert re.search(r"^### (Added|Changed|Fixed)$", changelog, re.MULTILINE)


def test_the_metadata_says_where_what_and_which_systems() -> None:
    # No [project.urls] until the project has a public address: an invented one would send
    # adopters to a stranger's page.
    classifiers = set(PROJECT["classifiers"])
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Operating System :: POSIX :: Linux" in classifiers
    assert "Operating System :: MacOS" in classifiers
    assert "Environment :: Console" in classifiers


def _requirements() -> list[Requirement]:
    listed = PROJECT["dependencies"] + [
        line for extra in PROJECT["optional-dependencies"].values() for line in extra
    ]
    return [Requirement(line) for line in listed]


def test_dependencies_are_ranges_that_allow_bug_fixes() -> None:
    textual = next(r for r in _requirements() if r.name == "textual")
    assert "==" not in str(textual.specifier)
    assert textual.specifier.contains("8.2.9") and not textual.specifier.contains("9.0.0")


def test_ci_installs_through_constraints_that_pin_every_tested_version() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -c .ci/constraints.txt -e '.[test,web]'" in run
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    for requirement in _requirements():  # the lint and type tools included
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in {CONSTRAINTS.name}"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])
    assert pins["textual"] == "8.2.8"  # the Textual the snapshots were made with
