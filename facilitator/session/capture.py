"""Reading what the facilitator types: `@owner`, links, `by Friday`, `#private`."""

import datetime as dt
import re

from facilitator.session.events import Draft, ItemType
from facilitator.session.phrases import URL

_TRAILING = ".,;:!?)]}'\""
_PRIVATE = re.compile(r"(?<!\S)#private\b", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_WHEN = (
    r"(?P<iso>\d{4}-\d{2}-\d{2})|(?P<today>today)|(?P<tomorrow>tomorrow)"
    r"|(?P<next_week>next\s+week)|in\s+(?P<count>\d{1,3})\s+(?P<unit>days?|weeks?)"
    rf"|(?:next\s+)?(?P<weekday>{_DAY})"
)
_DUE = re.compile(rf"(?:^|\s)(?:by|due)\s+(?:{_WHEN})\b[.,;]?", re.IGNORECASE)


def parse_capture(
    type_: ItemType, text: str, people: list[str], speaker: str | None, today: dt.date
) -> Draft:
    """Parse a capture; `@name` picks a person, else the speaker gets the credit."""
    private = bool(_PRIVATE.search(text))
    text = _PRIVATE.sub("", text)
    person, known, text = _take_mention(text, people)
    due = None
    if type_ == "action":
        due, text = _take_due(text, today)
    urls = [match.rstrip(_TRAILING) for match in URL.findall(text)]
    return Draft(
        type=type_,
        text=" ".join(text.split()),
        person=person if person is not None else speaker,
        person_known=known,
        urls=urls,
        due=due,
        private=private,
    )


def as_typed(person: str | None, known: bool, text: str, due: dt.date | None, private: bool) -> str:
    """Text that parses back to the same item: for editing what was captured."""
    parts = [f"@{person}"] if person and known else []
    parts.append(text)
    if due is not None:
        parts.append(f"by {due.isoformat()}")
    if private:
        parts.append("#private")
    return " ".join(parts)


def find_person(wanted: str, people: list[str]) -> str | None:
    """The one person whose name is `wanted` or starts with it, ignoring case."""
    folded = wanted.casefold()
    exact = [name for name in people if name.casefold() == folded]
    if exact:
        return exact[0]
    starting = [name for name in people if name.casefold().startswith(folded)]
    return starting[0] if len(starting) == 1 else None


def _take_mention(text: str, people: list[str]) -> tuple[str | None, bool, str]:
    """The first `@name` in the text: (person, known, text without it)."""
    match = _MENTION.search(text)
    if match is None:
        return None, True, text
    after = text[match.end() :]
    # A full name with spaces ("@Dr. Okafor") wins over a one-word prefix.
    for name in sorted(people, key=len, reverse=True):
        if after.casefold().startswith(name.casefold()):
            rest = after[len(name) :]
            if not rest or not (rest[0].isalnum() or rest[0] == "_"):
                return name, True, text[: match.start()] + rest
    word = re.match(r"[^\s,;:!?]+", after)
    if word is None:
        return None, True, text
    token = word.group(0).rstrip(".")
    remaining = text[: match.start()] + after[len(token) :]
    person = find_person(token, people)
    if person is None:
        return token, False, remaining
    return person, True, remaining


def _take_due(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    for match in _DUE.finditer(text):
        due = _resolve(match, today)
        if due is not None:
            return due, text[: match.start()] + " " + text[match.end() :]
    return None, text


def _resolve(match: re.Match[str], today: dt.date) -> dt.date | None:
    found = match.groupdict()
    if found["iso"]:
        try:
            return dt.date.fromisoformat(found["iso"])
        except ValueError:
            return None
    if found["today"]:
        return today
    if found["tomorrow"]:
        return today + dt.timedelta(days=1)
    if found["next_week"]:
        return today + dt.timedelta(weeks=1)
    if found["count"]:
        days = int(found["count"]) * (7 if found["unit"].lower().startswith("week") else 1)
        return today + dt.timedelta(days=days)
    weekday = next(i for i, day in enumerate(_WEEKDAYS) if day[:3] == found["weekday"][:3].lower())
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + dt.timedelta(days=ahead)
