"""The installed command in a real terminal (tmux): a short session run with keys."""

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the installed command in tmux

FACILITATOR = Path(sys.executable).with_name("facilitator")
needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("CI"), reason="tmux is not installed"
)


class Terminal:
    """A tmux window running one command, read the way a person reads the screen."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name = name
        settings = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
        self._tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", *settings, *command)

    def _tmux(self, *args: str) -> str:
        # A server of our own, so a tmux the developer has open changes nothing here.
        result = subprocess.run(
            ["tmux", "-L", self.name, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.name, key)
            time.sleep(0.15)  # a brisk typist, not a paste

    def send(self, *keys: str) -> None:
        """Keys with no pause after them."""
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)
        time.sleep(0.15)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Path, list[Terminal]]]:
    opened: list[Terminal] = []
    yield tmp_path, opened
    for window in opened:
        window.close()


@needs_tmux
def test_a_short_session_in_a_real_terminal_leaves_its_summary(
    terminal: tuple[Path, list[Terminal]],
) -> None:
    home, opened = terminal
    env = {"FACILITATOR_HOME": str(home), "TERM": "xterm-256color", "TZ": "UTC"}
    # keep the shell alive after the app exits so its last words can be read
    command = ["sh", "-c", f"'{FACILITATOR}' run troika-consulting; echo EXITED $?; sleep 30"]
    window = Terminal(f"facilitator-{os.getpid()}", command, env)
    opened.append(window)
    window.wait_for("READY: press space to start")
    window.keys("Space", "n")
    window.wait_for("Consultation")
    window.keys("r")
    window.wait_for("Resource: a title and/or a link")  # the bar's hint, not the footer's key
    window.type("Liberating Structures https://www.liberatingstructures.com")
    window.keys("Enter")
    window.wait_for("LINK")
    time.sleep(0.3)  # keys right after Enter are typing, not commands
    window.keys("a")
    window.type("@bruno send the notes by tomorrow")
    window.keys("Enter")
    window.wait_for("ACTION Bruno: send the notes")
    time.sleep(0.3)
    window.keys("o")
    window.type("they agreed")
    # Enter and the words after it in one burst, as a fast typist sends them
    window.send("Enter")
    window.send("-l", "yes see you")
    window.wait_for("kept as a note")
    window.wait_for("▊  yes see you")  # in the capture bar (a frame later), not run as keys
    window.keys("Escape")
    window.wait_for("NOTE   Amara: they agreed")
    window.keys("C-e")
    window.wait_for("End the session")
    window.keys("y")  # a stray key answers nothing
    window.wait_for("Typing does not answer this")
    window.keys("Escape")
    window.wait_for("Still running")
    window.keys("C-e")
    window.wait_for("End the session")
    window.keys("C-e")
    window.wait_for("Saved:")
    window.keys("q")
    window.wait_for("EXITED 0")
    (folder,) = (home / "sessions").iterdir()
    summary = (folder / "summary.md").read_text()
    assert "# Troika Consulting" in summary
    assert "- [ ] send the notes — due" in summary
    assert (
        "Liberating Structures https://www.liberatingstructures.com (Amara, Consultation)"
        in summary
    )
    record = json.loads((folder / "session.json").read_text())
    assert record["actions"][0]["person"] == "Bruno"


@needs_tmux
@pytest.mark.parametrize("delay", [0.0, 0.12, 0.15])
def test_text_typed_or_pasted_right_after_a_capture_key_lands_in_its_bar(
    terminal: tuple[Path, list[Terminal]], delay: float
) -> None:
    home, opened = terminal
    env = {"FACILITATOR_HOME": str(home), "TERM": "xterm-256color", "TZ": "UTC"}
    window = Terminal(
        f"facilitator-paste-{os.getpid()}-{int(delay * 1000)}",
        [str(FACILITATOR), "run", "one-on-one"],
        env,
    )
    opened.append(window)
    window.wait_for("READY: press space to start")
    window.send("r")
    time.sleep(delay)  # a fast typist's gap after the capture key
    window.send("-l", "https://example.org/grow")
    window.wait_for("▊  https://example.org/grow")
    window.keys("Enter")
    window.wait_for("LINK")
    time.sleep(0.4)  # a person's pause after Enter
    window._tmux("set-buffer", "-b", "words", "@Jonas read chapter 3 by friday")
    window.send("a")
    window._tmux("paste-buffer", "-p", "-b", "words", "-t", window.name)  # a bracketed paste
    window.wait_for("▊  @Jonas read chapter 3 by friday")
    window.keys("Escape")
    window.wait_for("Nothing captured")
    window._tmux("paste-buffer", "-p", "-b", "words", "-t", window.name)  # no bar open
    window.wait_for("kept as a note")
    window.wait_for("▊  @Jonas read chapter 3 by friday")


@needs_tmux
def test_keys_typed_as_the_app_opens_wait_for_its_screen(
    terminal: tuple[Path, list[Terminal]],
) -> None:
    """A facilitator who types as the command starts: the keys come before the live screen
    is whole, wait for it, and reach it in order (a capture key, then its text)."""
    home, opened = terminal
    env = {"FACILITATOR_HOME": str(home), "TERM": "xterm-256color", "TZ": "UTC"}
    command = [str(FACILITATOR), "run", "peer-circle"]
    window = Terminal(f"facilitator-ahead-{os.getpid()}", command, env)
    opened.append(window)
    for _ in range(3):  # from the moment the command starts
        window.send("-l", "rhello")
        time.sleep(0.05)
    window.send("Enter")  # the terminal not yet set up, it sends ctrl+j: still an Enter
    shown = window.wait_for("Resource (Ana):")  # saved, in the items list
    assert "hello" + "rhello" * 2 in shown
    assert "unexpected error" not in window.screen()


@needs_tmux
def test_the_room_sees_a_live_app_from_ready_and_says_when_it_is_killed(
    terminal: tuple[Path, list[Terminal]],
) -> None:
    home, opened = terminal
    env = {"FACILITATOR_HOME": str(home), "TERM": "xterm-256color"}
    room = Terminal(f"room-{os.getpid()}", [str(FACILITATOR), "display"], env)
    opened.append(room)
    room.wait_for("Waiting for the facilitator")
    live = Terminal(f"live-{os.getpid()}", [str(FACILITATOR), "run", "peer-circle"], env)
    opened.append(live)
    live.wait_for("READY: press space to start")
    shown = room.wait_for("READY · planned 90 min", timeout=5)  # before any journal
    assert "Peer mentoring circle" in shown and "Next: Ben" in shown
    assert not list(home.glob("sessions/*/journal.jsonl"))
    live.keys("Space")
    room.wait_for("TIME LEFT of 2:00")
    pid = int(live._tmux("list-panes", "-t", live.name, "-F", "#{pane_pid}").strip())
    os.kill(pid, 9)
    died = time.monotonic()
    shown = room.wait_for("window closed at", timeout=10)
    assert time.monotonic() - died <= 2.5  # said within two seconds (and a capture's wait)
    assert "the session is paused" in shown and "PAUSED" in shown
    time.sleep(0.5)  # the rest of that frame reaches the terminal
    stopped = room.screen()
    time.sleep(1.2)  # long enough for a running clock to show another second
    assert room.screen() == stopped  # every clock stopped where the window closed
