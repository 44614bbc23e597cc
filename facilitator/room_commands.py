"""The commands about the room and the sessions whose window is gone: `display` (here or
served to a browser) and `end`."""

import argparse
import shlex
import sys
from pathlib import Path

from facilitator.session import Session, SessionRecord, SystemClock, find_session
from facilitator.text import clean

EXIT_OK, EXIT_INVALID = 0, 1


def display(home: Path, wanted: str, args: argparse.Namespace) -> int:
    """The room's view of a session, here or (`--serve`) in a browser."""
    folder = None if wanted == "last" else find_session(home, wanted).folder
    if args.serve:
        return _serve_display(home, wanted, args)
    from facilitator.session.room_feed import RoomFeed
    from facilitator.tui.crash import CRASH_LOG
    from facilitator.tui.display import DisplayApp  # Textual only loads when a screen is shown

    app = DisplayApp(RoomFeed(home, SystemClock(), folder), crash_log=home / CRASH_LOG)
    app.run()
    return app.return_code or EXIT_OK


def _serve_display(home: Path, wanted: str, args: argparse.Namespace) -> int:
    try:
        from facilitator.room_server import RoomServer, is_local, new_key
    except ImportError:
        print(
            "Serving to a browser needs textual-serve: pip install 'facilitator[web]'",
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
    record = find_session(home, wanted)
    if record.ended:
        print(f"{record.id} has already ended.", file=sys.stderr)
        return EXIT_INVALID
    ended, said = end_record(record)
    print(said, file=sys.stdout if ended else sys.stderr)
    return EXIT_OK if ended else EXIT_INVALID


def end_record(record: SessionRecord) -> tuple[bool, str]:
    """End an unfinished session (JournalError if its window is open) and write its
    summary; whether that worked, in words."""
    from facilitator.summary.files import save_summary  # only when a session is ended here

    session = Session.reopen(record.folder, SystemClock())
    try:
        if session.state.running:
            session.pause()
        outcome = session.end()
        saved = save_summary(session)
    finally:
        session.close()
    if not outcome.saved or saved.path is None:
        return False, clean(saved.problem or outcome.message)
    return True, clean(f"Ended {record.id}; its summary is in {saved.path}.")
