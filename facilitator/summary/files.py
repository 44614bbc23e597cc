"""A session's summary files: written when it ends, and again if it ends a second time."""

import json

from facilitator.files import write_atomically
from facilitator.session import Session
from facilitator.session.derived import checksum_of
from facilitator.session.journal import CHECKSUM, HEADER_COPY, LAST_SEQ, RECORD
from facilitator.session.session import SavedSummary
from facilitator.summary.render import render
from facilitator.summary.report import build_report

SUMMARY = "summary.md"


def save_summary(session: Session) -> SavedSummary:
    """`summary.md` (shared items only) and `session.json` (the whole record, and a copy of
    the journal's header to rebuild a damaged one from), each written whole or not at all;
    after a reopen they are replaced, holding both parts. The session calls it as it ends
    (it is the session's `summary_writer`)."""
    folder = session.folder
    if folder is None:
        return SavedSummary(None, "This session has no folder: copy the summary now with c.")
    if session.journal is not None and session.journal.stopped:  # another window's folder now
        return SavedSummary(None, f"NOT SAVED: {session.journal.stopped}; copy it with c.")
    facts = session.facts()
    try:
        record = json.loads(render(build_report(facts, include_private=True), "json"))
        record[HEADER_COPY] = session.header.model_dump(mode="json")
        record[LAST_SEQ] = session.last_seq
        record[CHECKSUM] = checksum_of(record)  # an edit or damage after this is seen
        write_atomically(folder / RECORD, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        write_atomically(folder / SUMMARY, render(build_report(facts), "markdown"))
    except OSError as error:
        return SavedSummary(
            None, f"NOT SAVED: could not write the summary ({error.strerror}); copy it with c."
        )
    return SavedSummary(folder / SUMMARY)
