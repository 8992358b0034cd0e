"""The catalogue's fixed vocabularies: their codes are part of the public API and of the events."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Audience(StrEnum):
    """Who a programme or an event is for (the seed's target audiences, plus elected officials)."""

    secretary_general = "secretary_general"
    director_of_services = "director_of_services"
    finance_director = "finance_director"
    technical_director = "technical_director"
    cooperation_director = "cooperation_director"
    hr_director = "hr_director"
    elected_official = "elected_official"


#: One bit per audience in `session.audience_mask`, which triggers on `session_audience` keep in
#: step (ADR 0006): the audience filter and facet read the session's own row instead of joining
#: every audience row. A bit is never reused nor renumbered; a new audience takes the next bit and
#: comes with a migration that teaches the triggers its bit (test_migrations checks they agree).
AUDIENCE_BITS: dict[str, int] = {
    Audience.secretary_general: 1,
    Audience.director_of_services: 2,
    Audience.finance_director: 4,
    Audience.technical_director: 8,
    Audience.cooperation_director: 16,
    Audience.hr_director: 32,
    Audience.elected_official: 64,
}


def audience_bits(audiences: Iterable[str]) -> int:
    """The bits of `audiences` in `session.audience_mask`."""
    bits = 0
    for audience in audiences:
        bits |= AUDIENCE_BITS[audience]
    return bits


class ProgrammeKind(StrEnum):
    executive_master = "executive_master"
    college = "college"
    event_series = "event_series"


class ProgrammeStatus(StrEnum):
    draft = "draft"
    published = "published"
    archived = "archived"


class DeliveryMode(StrEnum):
    residential_seminar = "residential_seminar"
    e_learning = "e_learning"
    study_trip = "study_trip"
    internship = "internship"
    webinar = "webinar"
    hybrid = "hybrid"


#: Modes that happen in a place: a session in one of them needs a venue (city and country).
IN_PERSON_MODES = frozenset({DeliveryMode.residential_seminar, DeliveryMode.study_trip, DeliveryMode.internship})
#: Modes that happen (at least partly) online.
ONLINE_MODES = frozenset({DeliveryMode.e_learning, DeliveryMode.webinar, DeliveryMode.hybrid})


class EventKind(StrEnum):
    conference = "conference"
    seminar = "seminar"
    round_table = "round_table"
    workshop = "workshop"
    international_expert_seminar = "international_expert_seminar"


class SessionKind(StrEnum):
    """What a session is a run of: its programme's kind, or `event` for a standalone event."""

    executive_master = "executive_master"
    college = "college"
    event_series = "event_series"
    event = "event"


class SessionStatus(StrEnum):
    draft = "draft"
    published = "published"
    applications_open = "applications_open"
    applications_closed = "applications_closed"
    cancelled = "cancelled"
    completed = "completed"


#: Names of the codes above in French and English (facet labels, search words, calendars).
LABELS: dict[str, dict[str, str]] = {
    # audiences
    "secretary_general": {"fr": "Secrétaires généraux", "en": "Secretaries-general"},
    "director_of_services": {"fr": "Directeurs des services", "en": "Directors of services"},
    "finance_director": {"fr": "Directeurs financiers", "en": "Finance directors"},
    "technical_director": {"fr": "Directeurs techniques", "en": "Technical directors"},
    "cooperation_director": {
        "fr": "Directeurs de la coopération et du partenariat",
        "en": "Cooperation and partnership directors",
    },
    "hr_director": {"fr": "Directeurs des ressources humaines", "en": "Human resources directors"},
    "elected_official": {"fr": "Élus locaux", "en": "Local elected officials"},
    # programme and session kinds
    "executive_master": {"fr": "Master exécutif", "en": "Executive Master"},
    "college": {"fr": "Collège ALGA", "en": "ALGA College"},
    "event_series": {"fr": "Série d'événements", "en": "Event series"},
    "event": {"fr": "Événement", "en": "Event"},
    # delivery modes
    "residential_seminar": {"fr": "Séminaire résidentiel", "en": "Residential seminar"},
    "e_learning": {"fr": "Formation en ligne", "en": "E-learning"},
    "study_trip": {"fr": "Voyage d'étude", "en": "Study trip"},
    "internship": {"fr": "Stage pratique", "en": "Practical internship"},
    "webinar": {"fr": "Webinaire", "en": "Webinar"},
    "hybrid": {"fr": "Hybride (présentiel et en ligne)", "en": "Hybrid (in person and online)"},
    # event kinds
    "conference": {"fr": "Conférence", "en": "Conference"},
    "seminar": {"fr": "Séminaire", "en": "Seminar"},
    "round_table": {"fr": "Table ronde", "en": "Round table"},
    "workshop": {"fr": "Atelier", "en": "Workshop"},
    "international_expert_seminar": {
        "fr": "Séminaire d'experts internationaux",
        "en": "International expert seminar",
    },
}


def label(code: str, language: str) -> str:
    names = LABELS.get(code)
    if names is None:
        return code
    return names.get(language) or names["fr"]
