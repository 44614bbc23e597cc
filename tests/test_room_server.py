"""`display --serve` on a network: one origin, a key off localhost, a viewer cap, checked
ports, and a viewer who can change nothing."""

import asyncio
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.journal import JOURNAL
from tests.test_display_serve import free_port, needs_a_browser
from tests.tui_helpers import bundled


class Served:
    """`facilitator display --serve` in a process of its own."""

    def __init__(self, home: Path, *options: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "--home", str(home), "display", "--serve",
             "--port", str(self.port), *options],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        self.said = self.process.stdout.readline()
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(self.base, timeout=2)
                break
            except urllib.error.HTTPError:
                break  # it answers (with a refusal)
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.1)

    def get(self, path: str = "/") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*options: str) -> Served:
        started.append(Served(tmp_path, *options))
        return started[-1]

    yield start
    for server in started:
        server.stop()


async def websocket_status(url: str, origin: str, cookies: dict[str, str] | None = None) -> int:
    import aiohttp

    async with aiohttp.ClientSession(cookies=cookies) as http:
        try:
            async with http.ws_connect(url, headers={"Origin": origin}) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


@needs_a_browser
def test_the_page_has_a_title_and_nothing_from_outside(serve: Callable[..., Served]) -> None:
    status, page = serve().get()
    assert status == 200
    assert "<title>Room display — facilitator</title>" in page
    assert "googleapis" not in page and "https://" not in page


@needs_a_browser
def test_a_websocket_from_another_origin_is_refused(serve: Callable[..., Served]) -> None:
    server = serve()
    ws = f"ws://127.0.0.1:{server.port}/ws"
    assert asyncio.run(websocket_status(ws, "http://evil.example")) == 403
    assert asyncio.run(websocket_status(ws, server.base)) == 101


@needs_a_browser
def test_past_the_viewer_limit_the_next_page_says_so(serve: Callable[..., Served]) -> None:
    import aiohttp

    server = serve("--max-viewers", "1")

    async def one_viewer_then_another() -> tuple[int, str]:
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(f"ws://127.0.0.1:{server.port}/ws", headers={"Origin": server.base}),
        ):
            return await asyncio.to_thread(server.get)

    status, page = asyncio.run(one_viewer_then_another())
    assert status == 503 and "already has 1 viewers" in page
    deadline = time.monotonic() + 15
    while server.get()[0] != 200:  # once the server has seen the first viewer go
        assert time.monotonic() < deadline, "the first viewer's place was never given back"
        time.sleep(0.1)


@needs_a_browser
def test_off_localhost_a_key_is_needed_and_the_page_uses_the_address_asked_for(
    serve: Callable[..., Served],
) -> None:
    server = serve("--host", "0.0.0.0")
    assert "/?key=" in server.said
    key = server.said.split("/?key=")[1].split()[0]
    assert server.get()[0] == 403
    assert server.get("/?key=wrong")[0] == 403
    status, page = server.get(f"/?key={key}")
    assert status == 200
    assert f"ws://127.0.0.1:{server.port}/ws" in page and "0.0.0.0" not in page
    ws = f"ws://127.0.0.1:{server.port}/ws"
    assert asyncio.run(websocket_status(ws, server.base)) == 403  # no key
    with_key = {"facilitator-room-key": key}
    assert asyncio.run(websocket_status(ws, server.base, with_key)) == 101


def test_a_bad_port_or_a_missing_session_is_refused_before_serving(tmp_path: Path) -> None:
    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "facilitator", "--home", str(tmp_path), "display"]
        return subprocess.run(
            [*command, *arguments], capture_output=True, text=True, timeout=30, check=False
        )

    for port in ("99999", "0", "-1", "http"):
        refused = run("--serve", "--port", port)
        assert refused.returncode == 2 and "1 to 65535" in refused.stderr
        assert "Traceback" not in refused.stderr
    missing = run("--serve", "nope")
    assert missing.returncode == 1 and "no recorded sessions" in missing.stderr
    assert "Traceback" not in missing.stderr


@needs_a_browser
def test_keys_typed_in_the_browser_change_nothing(
    tmp_path: Path, serve: Callable[..., Served]
) -> None:
    import aiohttp

    session = Session.begin(bundled("peer-circle"), FakeClock(), tmp_path, "x")
    session.start()
    assert session.folder is not None
    journal = (session.folder / JOURNAL).read_bytes()
    server = serve(session.folder.name)

    async def type_everything() -> None:
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(
                f"ws://127.0.0.1:{server.port}/ws?width=80&height=24",
                headers={"Origin": server.base},
            ) as ws,
        ):
            first = await ws.receive(timeout=20)  # the display is up
            assert first.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
            for keys in (" ", "n", "b", "+", "\x05", "\x05", "\x1a", "x", "p", "q"):
                await ws.send_json(["stdin", keys])
            await asyncio.sleep(1.0)  # let the display read every key

    asyncio.run(type_everything())
    assert (session.folder / JOURNAL).read_bytes() == journal


async def streamed(server: Served, until: str) -> str:
    """What a viewer's page receives, up to the frame that shows `until`."""
    import aiohttp

    received = ""
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(
            f"ws://127.0.0.1:{server.port}/ws?width=100&height=30",
            headers={"Origin": server.base},
        ) as ws,
    ):
        deadline = time.monotonic() + 30
        while until not in received:
            assert time.monotonic() < deadline, f"the display never showed {until!r}"
            message = await ws.receive(timeout=30)
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data.decode("utf-8", "replace")
            elif message.type == aiohttp.WSMsgType.TEXT:
                received += message.data
    return received


@needs_a_browser
def test_the_served_page_streams_no_private_topic(
    tmp_path: Path, serve: Callable[..., Served]
) -> None:
    from tests.test_room import SECRETS, private_topics_session

    session, _ = private_topics_session(tmp_path)
    assert session.folder is not None
    shown = asyncio.run(streamed(serve(session.folder.name), "Next: a private topic"))
    assert not any(secret in shown for secret in SECRETS)


@needs_a_browser
def test_the_served_page_streams_no_private_or_confidential_capture(
    tmp_path: Path, serve: Callable[..., Served]
) -> None:
    from tests.test_room import SECRETS, every_private_capture

    session = Session.begin(bundled("peer-circle"), FakeClock(), tmp_path, "x")
    session.start()
    every_private_capture(session)
    assert session.folder is not None
    shown = asyncio.run(streamed(serve(session.folder.name), "Hot seat"))
    assert not any(secret in shown for secret in SECRETS)
