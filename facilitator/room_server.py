"""`facilitator display --serve`: textual-serve, made fit for a network. A page and its
websocket come from one origin (the address the browser asked for); a viewer on another
machine needs the key printed with the URL; the number of viewers is capped, as each one
is a process of its own."""

import html
import logging
import secrets
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.server import Server

PAGE = Path(__file__).with_name("room_page")
KEY_COOKIE = "facilitator-room-key"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS


def new_key() -> str:
    return secrets.token_urlsafe(16)


def plain_page(title: str, text: str, status: int) -> web.Response:
    body = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"</head><body style='font: 2em sans-serif; padding: 2em'><p>{html.escape(text)}</p>"
        "</body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html")


class RoomServer(Server):
    """Serves the room display: its own page, one origin, an optional key, a viewer cap."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        key: str | None,
        max_viewers: int,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=PAGE)
        self.key = key
        self.max_viewers = max_viewers
        self.viewers = 0

    def _key_ok(self, request: web.Request, given: str | None) -> bool:
        return self.key is None or (
            given is not None and secrets.compare_digest(given.encode(), self.key.encode())
        )

    async def handle_index(self, request: web.Request) -> Any:
        if not self._key_ok(request, request.query.get("key")):
            return plain_page(self.title, "This display needs the key given with its URL.", 403)
        if self.viewers >= self.max_viewers:
            return self._full()
        # The page's script and websocket use the address this browser asked for.
        self.public_url = f"{request.scheme}://{request.host}"
        response = await super().handle_index(request)
        if self.key is not None:
            response.set_cookie(KEY_COOKIE, self.key, httponly=True, samesite="Strict")
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin != f"{request.scheme}://{request.host}":
            raise web.HTTPForbidden(text="The display streams only to its own page.")
        if not self._key_ok(request, request.cookies.get(KEY_COOKIE)):
            raise web.HTTPForbidden(text="This display needs the key given with its URL.")
        if self.viewers >= self.max_viewers:
            raise web.HTTPServiceUnavailable(text="This display has all the viewers it takes.")
        self.viewers += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.viewers -= 1

    def _full(self) -> web.Response:
        return plain_page(
            self.title,
            f"This display already has {self.max_viewers} viewers, as many as it takes. "
            "Share one screen in the room, or ask the facilitator to allow more "
            "(--max-viewers).",
            503,
        )

    async def on_startup(self, app: web.Application) -> None:
        """Nothing printed: the command has said where the display is."""

    def initialize_logging(self) -> None:
        """Problems only, and never a traceback with its variables."""
        logging.basicConfig(level="WARNING", format="%(message)s")
