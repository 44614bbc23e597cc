"""`facilitator display --serve`: the display in a browser, through textual-serve, seen by
a real headless Chromium."""

import argparse
import asyncio
import base64
import importlib.util
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a server and a headless browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_a_browser = pytest.mark.skipif(
    (CHROMIUM is None or importlib.util.find_spec("textual_serve") is None)
    and not os.environ.get("CI"),
    reason="needs Chromium and the [web] extra (CI installs both)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def screenshot_after_connect(url: str, profile: Path) -> bytes:
    """Open `url` in headless Chromium, wait until textual-serve's terminal has received
    the app's first bytes, and take a screenshot (over the DevTools protocol)."""
    import aiohttp  # comes with textual-serve

    assert CHROMIUM is not None
    debug_port = free_port()
    browser = subprocess.Popen(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
            "--window-size=1000,700", f"--remote-debugging-port={debug_port}", "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        async with aiohttp.ClientSession() as http:
            pages: list[dict[str, str]] = []
            for _ in range(100):
                try:
                    async with http.get(f"http://127.0.0.1:{debug_port}/json/list") as listing:
                        pages = [p for p in await listing.json() if p["type"] == "page"]
                    if pages:
                        break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                calls = iter(range(1, 10_000))

                async def call(method: str, **params: object) -> dict[str, object]:
                    number = next(calls)
                    await ws.send_json({"id": number, "method": method, "params": params})
                    while True:
                        message = await ws.receive_json()
                        if message.get("id") == number:
                            result: dict[str, object] = message.get("result", {})
                            return result

                await call("Page.navigate", url=url)
                started = "document.body && document.body.classList.contains('-first-byte')"
                for _ in range(150):
                    evaluated = await call("Runtime.evaluate", expression=started)
                    if evaluated.get("result") == {"type": "boolean", "value": True}:
                        break
                    await asyncio.sleep(0.2)
                else:
                    raise AssertionError("the app never sent its first bytes to the page")
                await asyncio.sleep(1.5)  # the terminal fades in
                shot = await call("Page.captureScreenshot", format="png")
                return base64.b64decode(str(shot["data"]))
    finally:
        browser.terminate()
        browser.wait(timeout=10)


def distinct_bytes(png: bytes) -> int:
    """How varied a PNG's pixels are: a blank page has a handful of values, a page with
    text and a clock many."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    data, position = b"", 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(data)))


@needs_a_browser
def test_the_display_is_served_to_a_browser(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--home", str(tmp_path), "display", "--serve",
         "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{port}"
        assert server.stdout.readline().startswith(f"The display is at {url}")
        deadline = time.monotonic() + 20
        while True:
            try:
                page = urllib.request.urlopen(url, timeout=2).read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        assert "<title>Room display — facilitator</title>" in page
        shot = asyncio.run(screenshot_after_connect(url, tmp_path / "profile"))
        (tmp_path / "shot.png").write_bytes(shot)
        assert distinct_bytes(shot) > 60  # the app's screen, not a blank page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serving_without_textual_serve_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.room_commands import _serve_display

    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "facilitator.room_server", raising=False)
    args = argparse.Namespace(host="127.0.0.1", port=8000, max_viewers=10)
    assert _serve_display(tmp_path, "last", args) == 1
    said = capsys.readouterr().err
    assert "facilitator[web]" not in said  # no such distribution on the index
    assert "pip install 'textual-serve>=1.1'" in said  # works after any install
    assert "pip install '.[web]'" in said  # works from a clone
    assert said.count("\n") == 1
