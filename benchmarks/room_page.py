"""The served room display in a real browser: time to its first frame in headless Chromium,
and the memory each viewer costs (each one is a display process of its own)."""

import asyncio
import base64
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FIRST_FRAME = "document.body && document.body.classList.contains('-first-byte')"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    """`facilitator display --serve` on a free port, until `close`."""

    def __init__(self, home: str, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "--home", home, "display", "--serve",
             "--port", str(self.port), *options],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url, timeout=2).read()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=60)  # each viewer's display stops first
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Browser:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 800) -> None:
        assert CHROMIUM is not None
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", f"--user-data-dir={profile}",
                f"--window-size={width},{height}", f"--remote-debugging-port={self.port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    async def open(self, url: str, screenshot: Path | None = None) -> float:
        """Seconds from asking for the page to its first frame of the app; a screenshot
        of it (a moment later, once the terminal has faded in) if a path is given."""
        import aiohttp

        async with aiohttp.ClientSession() as http:
            page = await self._page(http)
            async with http.ws_connect(page, max_msg_size=0) as ws:
                calls = iter(range(1, 100_000))

                async def call(method: str, **params: object) -> dict[str, object]:
                    number = next(calls)
                    await ws.send_json({"id": number, "method": method, "params": params})
                    while True:
                        message = await ws.receive_json()
                        if message.get("id") == number:
                            result: dict[str, object] = message.get("result", {})
                            return result

                started = time.perf_counter()
                await call("Page.navigate", url=url)
                while True:
                    shown = await call("Runtime.evaluate", expression=FIRST_FRAME)
                    if shown.get("result") == {"type": "boolean", "value": True}:
                        break
                    assert time.perf_counter() - started < 30, "no first frame"
                    await asyncio.sleep(0.01)
                took = time.perf_counter() - started
                if screenshot is not None:
                    await asyncio.sleep(2.0)  # the terminal fades in, the clock ticks once
                    shot = await call("Page.captureScreenshot", format="png")
                    screenshot.write_bytes(base64.b64decode(str(shot["data"])))
                await call("Page.navigate", url="about:blank")
                return took

    async def _page(self, http: object) -> str:
        import aiohttp

        assert isinstance(http, aiohttp.ClientSession)
        for _ in range(150):
            try:
                async with http.get(f"http://127.0.0.1:{self.port}/json/list") as listing:
                    pages = [p for p in await listing.json() if p["type"] == "page"]
                if pages:
                    return str(pages[0]["webSocketDebuggerUrl"])
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
        raise AssertionError("Chromium never answered")


def display_first_paint() -> dict[str, float]:
    """Median seconds from request to the first frame, over 5 loads on a quiet session."""
    if CHROMIUM is None:
        return {}
    with tempfile.TemporaryDirectory() as home:
        served = Served(home)
        browser = Browser(Path(home) / "profile")
        try:
            times = [asyncio.run(browser.open(served.url)) for _ in range(5)]
        finally:
            browser.close()
            served.close()
    return {"display_first_paint_s": round(statistics.median(times), 2)}


def _tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = [pid]
    for child in children.read_text().split() if children.exists() else []:
        found += _tree(int(child))
    return found


def _pss_mib(pids: list[int]) -> float:
    """Proportional memory (shared pages split between their users) of these processes."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


async def _viewers(served: Served, count: int) -> float:
    """Memory of the server and its displays while `count` viewers are connected (each
    one read all along, as a page does, so none misses the server's heartbeat)."""
    import aiohttp

    origin = served.url.rstrip("/")
    url = f"ws://127.0.0.1:{served.port}/ws?width=140&height=42"
    async with aiohttp.ClientSession() as http:
        sockets = [await http.ws_connect(url, headers={"Origin": origin}) for _ in range(count)]
        painted = [asyncio.Event() for _ in sockets]

        async def read(ws: aiohttp.ClientWebSocketResponse, first: asyncio.Event) -> None:
            async for _ in ws:
                first.set()

        readers = [asyncio.create_task(read(ws, e)) for ws, e in zip(sockets, painted, strict=True)]
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in painted)), timeout=180)
        await asyncio.sleep(2.0)  # each display has painted a few frames
        memory = _pss_mib(_tree(served.process.pid))
        for ws in sockets:
            await ws.close()
        for reader in readers:
            reader.cancel()
    return memory


def memory_per_viewer() -> dict[str, float]:
    """MiB each viewer adds (proportional set size of the server's process tree), with 1, 5
    and 20 viewers connected."""
    if sys.platform != "linux":
        return {}
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as home:
        for count in (1, 5, 20):
            served = Served(home, "--max-viewers", "20")
            try:
                idle = _pss_mib(_tree(served.process.pid))
                busy = asyncio.run(_viewers(served, count))
            finally:
                served.close()
            figures[f"display_mib_per_viewer_{count}"] = round((busy - idle) / count, 1)
    return figures


def hot_seat_screenshot(path: Path) -> None:
    """A hot-seat turn of the mastermind agenda, served and shot at 1280×800."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from facilitator.agenda import load_agenda\n"
        "from facilitator.session import Session, SystemClock\n"
        "agenda = load_agenda(Path(sys.argv[2])).agenda\n"
        "s = Session.begin(agenda, SystemClock(), Path(sys.argv[1]), sys.argv[2])\n"
        "s.start()\n"
        "s.jump(next(i for i, g in enumerate(agenda.segments) if g.title == 'Hot seat'))\n"
        "print(s.folder, flush=True)\n"
        "sys.stdin.read()\n"
    )
    agenda = Path(__file__).resolve().parent.parent / "agendas" / "mastermind-hot-seat.toml"
    with tempfile.TemporaryDirectory() as home:
        writer = subprocess.Popen(
            [sys.executable, "-c", script, home, str(agenda)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert writer.stdout is not None
        writer.stdout.readline()
        served = Served(home)
        browser = Browser(Path(home) / "profile")
        try:
            asyncio.run(browser.open(served.url, screenshot=path))
        finally:
            browser.close()
            served.close()
            writer.kill()
            writer.wait()


if __name__ == "__main__":
    hot_seat_screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("hot-seat.png"))
