"""The commands about the room and the sessions whose window is gone: `display` (here or
served to a browser) and `end`."""

import argparse
import shlex
import sys
from pathlib import Path

from facilitator.opening import reopen
from facilitator.prompts import need_terminal
from facilitator.session import SessionRecord, SystemClock, find_session
from facilitator.startup import loading
from facilitator.text import clean

EXIT_OK, EXIT_INVALID = 0, 1


def display(home: Path, wanted: str, args: argparse.Namespace) -> int:
    """The room's view of a session, here or (`--serve`) in a browser."""
    folder = None if wanted == "last" else find_session(home, wanted).folder
    if args.serve:
        return _serve_display(home, wanted, args)
    need_terminal("display")
    with loading():  # Textual only loads when a screen is shown
        from facilitator.session.room_feed import RoomFeed
        from facilitator.tui.crash import CRASH_LOG
        from facilitator.tui.display import DisplayApp

    app = DisplayApp(RoomFeed(home, SystemClock(), folder), crash_log=home / CRASH_LOG)
    app.run()
    return app.return_code or EXIT_OK


def _serve_display(home: Path, wanted: str, args: argparse.Namespace) -> int:
    try:
        from facilitator.room_server import RoomServer, is_local, new_key
    except ImportError:
        print(
            "Serving to a browser needs textual-serve in this Python environment: "
            "pip install 'textual-serve>=1.1' (or, in facilitator's source folder, "
            "pip install '.[web]')",
            file=sys.stderr,
        )
        return EXIT_INVALID
    command = shlex.join(
        [sys.executable, "-m", "facilitator", "--home", str(home), "display", wanted]
    )
    title = find_session(home, wanted).title if wanted != "last" else "facilitator"
    key = None if is_local(args.host) else new_key()
    url = f"http://{args.host}:{args.port}" + (f"/?key={key}" if key else "")
    print(f"The display is at {url} (ctrl+c stops serving it).", flush=True)
    server = RoomServer(
        command,
        host=args.host,
        port=args.port,
        title=f"Room display — {title}",
        key=key,
        max_viewers=args.max_viewers,
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, the address is not this machine's
        print(clean(f"Cannot serve on {args.host}:{args.port}: {error.strerror}"), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def end_session(home: Path, wanted: str) -> int:
    """End a session whose window is gone, without opening it, and write its summary."""
    record = find_session(home, wanted, unfinished=True)
    if record.ended:
        print(f"{record.id} has already ended.", file=sys.stderr)
        return EXIT_INVALID
    ended, said = end_record(record)
    print(said, file=sys.stdout if ended else sys.stderr)
    return EXIT_OK if ended else EXIT_INVALID


def end_record(record: SessionRecord) -> tuple[bool, str]:
    """End an unfinished session (JournalError if its window is open) and write its
    summary; whether that worked, in words."""
    session = reopen(record)  # it writes its summary files as it ends
    try:
        if session.state.running:
            session.pause()
        outcome = session.end()
        saved = session.saved
    finally:
        session.close()
    if not outcome.saved or saved is None or saved.path is None:
        return False, clean(saved.problem if saved and saved.problem else outcome.message)
    return True, clean(f"Ended {record.id}; its summary is in {saved.path}.")
