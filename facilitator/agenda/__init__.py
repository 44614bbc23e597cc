"""The agenda as a document: models, TOML reading and writing, errors, finding agendas."""

from facilitator.agenda.catalog import AgendaFile, bundled_agendas, find_agenda, local_agendas
from facilitator.agenda.durations import format_duration, parse_duration
from facilitator.agenda.loading import LoadedAgenda, agenda_from_data, load_agenda, parse_agenda
from facilitator.agenda.model import (
    Agenda,
    Break,
    Discussion,
    Participant,
    Review,
    Round,
    Segment,
    Step,
    Topics,
)
from facilitator.agenda.problems import AgendaError, Problem

__all__ = [
    "Agenda",
    "AgendaError",
    "AgendaFile",
    "Break",
    "Discussion",
    "LoadedAgenda",
    "Participant",
    "Problem",
    "Review",
    "Round",
    "Segment",
    "Step",
    "Topics",
    "agenda_from_data",
    "bundled_agendas",
    "find_agenda",
    "format_duration",
    "load_agenda",
    "local_agendas",
    "parse_agenda",
    "parse_duration",
]
