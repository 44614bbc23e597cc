"""Reading what the facilitator types: `@owner` (one or more), links, `by Friday`, `1 Dec`,
`in 2 weeks`, `#private`. A phrase that is not a date stays in the text untouched."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from facilitator.session import events as ev
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.items import Item
from facilitator.session.phrases import links
from facilitator.session.values import ItemType

_PRIVATE = re.compile(r"(?<!\S)#private\b", re.IGNORECASE)
_MENTION = re.compile(r"(?<![^\s,;(])@")
"""An `@` that starts a word: not one in an address or a link (`medium.com/@ana`)."""
_CHAT_MENTION = re.compile(r"@(?:here|channel|everyone)\b|<[@!#][^>]*>", re.IGNORECASE)
"""What a chat reads as a ping, not a person: `@here`, and chat syntax (`<@U123>`, `<!here>`)."""
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{_MONTH})"
    rf"|(?P<month_first>{_MONTH})\s+(?P<day_after>\d{{1,2}})"
    r"|in\s+(?P<count>\d{1,3})\s+(?P<unit>days?|weeks?)"
)
"""Dates that say themselves without `by`: `in 2 weeks`, `1 Dec`, `Dec 1`, `2026-12-01`."""
_WHEN = (
    rf"{_DATE}|(?P<today>today)|(?P<tomorrow>tomorrow)|(?P<next_week>next\s+week)"
    rf"|(?:next\s+)?(?P<weekday>{_DAY})"
)
_END = r"(?![\w'’])[.,;]?"
"""A date ends a word: `Friday's meeting` is not a date."""
_DUE = rf"(?:^|\s)(?:by|due)\s+(?:{_WHEN}){_END}"
_BARE = rf"(?:^|\s)(?:{_DATE}){_END}"
"""Compiled at the first capture that needs them (`re` keeps them), not at each start-up:
most of the 4 ms these patterns take to compile."""
_SEPARATOR = re.compile(r"^(?:[\s,;&/+:]|(?i:and)\s)+")
"""What stands between owners: `@Ana, @Ben`, `@Ana and @Ben`, `@Ana/@Ben`, `@Ana: …`."""
_FOLDED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def parse_capture(
    type_: ItemType, text: str, people: list[str], speaker: str | None, today: dt.date
) -> ev.Draft:
    """Parse a capture; `@name` named first picks a person (or several), else the speaker
    gets the credit. Every `@name` is kept: an owner who is nobody in the session is a guest,
    a name within the words stays in them; none is dropped."""
    private = bool(_PRIVATE.search(text))
    text = _PRIVATE.sub("", text)
    owners: list[str] = []
    guests: list[str] = []
    start = 0
    while (found := _take_mention(text, people, start)) is not None:
        name, known, text, start = found
        if name is None:
            continue  # a name within the words, or chat syntax (`@here`): not an owner
        owners.append(name)
        if not known:
            guests.append(name)
    text = _SEPARATOR.sub("", text) if owners else text
    due = None
    if ITEM_KINDS[type_].takes_due:
        due, text = _take_due(text, today)
    urls = [text[start:end] for start, end in links(text)]
    person = owners[0] if owners else speaker
    return ev.Draft(
        type=type_,
        text=" ".join(text.split()),
        person=person,
        person_known=person not in guests,
        also=tuple(name for name in dict.fromkeys(owners[1:]) if name != person),
        guests=tuple(dict.fromkeys(guests)),
        urls=tuple(urls),
        due=due,
        private=private,
    )


def unknown_names(text: str, people: list[str]) -> tuple[str, ...]:
    """The `@name`s in a capture that name nobody in the session (each once)."""
    draft = parse_capture("note", text, people, None, dt.date.today())
    return draft.guests


def person_of(text: str, people: list[str], speaker: str | None) -> str | None:
    """Whom a capture is for: the first owner named first, else the speaker."""
    found = _take_mention(_PRIVATE.sub("", text), people, 0)
    while found is not None and found[0] is None:  # within the words, `@here`: no owner
        found = _take_mention(found[2], people, found[3])
    if found is None:
        return speaker
    person, known, _, _ = found
    return person if known else None


def as_typed(item: Item) -> str:
    """Text that parses back to the same item: for editing what was captured."""
    parts = [f"@{name}" for name in (item.person, *item.also) if name]  # guests: none is lost
    parts.append(item.text)
    if item.due is not None:
        parts.append(f"by {item.due.isoformat()}")
    if item.private:
        parts.append("#private")
    return " ".join(parts)


def fold(text: str) -> str:
    """A name as typed fast: no case, no accents (`Zoë` is `zoe`, `Łukasz` is `lukasz`)."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if not unicodedata.combining(c)).translate(_FOLDED)


def people_starting(wanted: str, people: list[str]) -> list[str]:
    """Everyone whose name is `wanted` or starts with it, ignoring case and accents; an exact
    name alone when there is one."""
    folded = fold(wanted)
    exact = [name for name in people if fold(name) == folded]
    return exact or [name for name in people if fold(name).startswith(folded)]


def find_person(wanted: str, people: list[str]) -> str | None:
    """The one person `wanted` names; None when nobody, or more than one, fits."""
    found = people_starting(wanted, people)
    return found[0] if len(found) == 1 else None


def _take_mention(
    text: str, people: list[str], start: int
) -> tuple[str | None, bool, str, int] | None:
    """The first `@name` from `start`: (person, known, text without it, where to look on);
    None when there is none. Owners are named first, and taken out of the words. A name
    within the words names no owner: it stays there, as the person's name without its `@`
    (`talk to @kofi about it`, said by Ana, is Ana's: `talk to Kofi about it`); chat syntax
    stays as it is. For both, the person is None."""
    match = _MENTION.search(text, start)
    if match is None:
        return None
    if _CHAT_MENTION.match(text, match.start()):
        return None, True, text, match.end()
    before = text[: match.start()]
    named = _named(text[match.end() :], people)
    if named is None:
        return None, True, text, match.end()
    person, known, rest = named
    if _SEPARATOR.sub("", _CHAT_MENTION.sub("", before)):  # words before it, not owners
        return None, True, before + person + rest, match.start() + len(person)
    return person, known, before + _between(rest), match.start()


def _named(after: str, people: list[str]) -> tuple[str, bool, str] | None:
    """Who the words after an `@` name: (the person or, for nobody here, the word, known,
    the words after the name). A full name with spaces ("@Dr. Okafor") wins over a one-word
    prefix. None when no word follows."""
    for name in sorted(people, key=len, reverse=True):
        if fold(after[: len(name)]) == fold(name):
            rest = after[len(name) :]
            if not rest or not (rest[0].isalnum() or rest[0] == "_"):
                return name, True, rest
    word = re.match(r"[^\s,;:!?]+", after)
    if word is None:
        return None
    token = word.group(0).rstrip(".")
    person = find_person(token, people)
    return person or token, person is not None, after[len(token) :]


def _between(rest: str) -> str:
    """What follows an owner taken out: the separator to the next `@name` goes with it."""
    if not re.match(rf"{_SEPARATOR.pattern[1:]}@", rest + "@"):
        return rest
    after = _SEPARATOR.sub("", rest)
    return after if after.startswith("@") else rest


def _take_due(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    for pattern in (_DUE, _BARE):
        for match in re.finditer(pattern, text, re.IGNORECASE):
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
    if found["day_first"] or found["day_after"]:
        return _day_of_month(
            int(found["day_first"] or found["day_after"]),
            (found["month_after"] or found["month_first"])[:3].lower(),
            today,
        )
    if found.get("today"):
        return today
    if found.get("tomorrow"):
        return today + dt.timedelta(days=1)
    if found.get("next_week"):
        return today + dt.timedelta(weeks=1)
    if found["count"]:
        days = int(found["count"]) * (7 if found["unit"].lower().startswith("week") else 1)
        return today + dt.timedelta(days=days)
    weekday = next(i for i, day in enumerate(_WEEKDAYS) if day[:3] == found["weekday"][:3].lower())
    ahead = (weekday - today.weekday()) % 7 or 7  # said on a Friday, "by Friday" is next week's
    return today + dt.timedelta(days=ahead)


def _day_of_month(day: int, month: str, today: dt.date) -> dt.date | None:
    """`1 Dec`: this year's, or next year's once this year's has passed."""
    number = _MONTHS.index(month) + 1
    for year in (today.year, today.year + 1):
        try:
            date = dt.date(year, number, day)
        except ValueError:
            return None
        if date >= today:
            return date
    return None
