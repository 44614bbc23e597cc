"""A facilitator's window in a process of its own, for the room display's tests: it opens a
session and does what each line on its stdin says (`start`, `end`, `close`); it prints the
session's folder first, then `ok` after each line."""

import sys
from pathlib import Path

from facilitator.agenda import load_agenda
from facilitator.session import Session, SystemClock


def main(home: Path, agenda: Path) -> None:
    session = Session.begin(load_agenda(agenda).agenda, SystemClock(), home, str(agenda))
    print(session.folder, flush=True)
    for line in sys.stdin:
        match line.strip():
            case "start":
                session.start()
            case "end":
                session.end()
            case "close":
                session.discard_if_unused()
                session.close()
        print("ok", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
