"""The JSON documents of `history` without a series and of `resources`: each, like the
summary and the history, says its `format` and `version`, even when it lists nothing."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from facilitator.summary.history import Digest, Resource, build_history

SERIES_LIST_VERSION = 1
RESOURCES_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SeriesLine(_Frozen):
    series: str
    sessions: int
    first: dt.date
    last: dt.date
    open_actions: int
    """Action items still open or carried again."""


class SeriesList(_Frozen):
    """`facilitator history --format json` without a series: each series in a line."""

    format: Literal["facilitator-series-list"] = "facilitator-series-list"
    version: int = SERIES_LIST_VERSION
    series: list[SeriesLine]


class ResourceLibrary(_Frozen):
    """`facilitator resources --format json`: what was found, newest first."""

    format: Literal["facilitator-resources"] = "facilitator-resources"
    version: int = RESOURCES_VERSION
    query: str
    series: str | None
    resources: list[Resource]


def series_list(digests: list[Digest], today: dt.date, *, include_private: bool) -> SeriesList:
    """Each series the digests belong to, by name."""
    lines = []
    for name in sorted({digest.series for digest in digests if digest.series}):
        of_series = [digest for digest in digests if digest.series == name]
        built = build_history(name, of_series, today, include_private=include_private)
        still = sum(1 for entry in built.ledger if entry.status in ("open", "carried"))
        first, last = built.sessions[0].date, built.sessions[-1].date
        lines.append(
            SeriesLine(
                series=name,
                sessions=len(built.sessions),
                first=first,
                last=last,
                open_actions=still,
            )
        )
    return SeriesList(series=lines)
