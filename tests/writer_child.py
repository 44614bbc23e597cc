"""One window of a session, in a process of its own, driven line by line on stdin, for the
two-writers test. Commands: `begin HOME`, `resume FOLDER`, `note TEXT`, `quit`. Each answer
is one JSON line on stdout."""

import json
import sys
from pathlib import Path

from facilitator.session import Session, SystemClock
from facilitator.session.journal import JournalError
from tests.session_helpers import agenda


def main() -> None:
    session: Session | None = None
    for line in sys.stdin:
        command, _, argument = line.rstrip("\n").partition(" ")
        answer: dict[str, object] = {}
        if command == "begin":
            session = Session.begin(agenda(), SystemClock(), Path(argument), "test.toml")
            outcome = session.toggle()
            answer = {"folder": str(session.folder), "saved": outcome.saved}
        elif command == "resume":
            try:
                session = Session.reopen(Path(argument), SystemClock())
            except JournalError as error:
                answer = {"refused": str(error)}
            else:
                answer = {"saved": not session.pending}
        elif command == "note" and session is not None:
            outcome = session.capture("note", argument)
            answer = {"saved": outcome.saved, "message": outcome.message}
        elif command == "quit" and session is not None:
            outcome = session.flush()
            answer = {"saved": outcome.done, "message": outcome.message}
            if outcome.done:
                session.close()
            else:
                answer["rescue"] = str(session.rescue())
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
