"""iCalendar (RFC 5545) feeds of sessions, written with the `icalendar` package.

Each session is one VEVENT whose UID never changes, whose SEQUENCE is the session's revision (so
calendar apps replace an edited event) and whose STATUS is CANCELLED once it is cancelled (so
subscribers see it struck out instead of silently vanishing). Times carry their TZID, with the
VTIMEZONE definitions the feed needs; sessions in UTC are written in UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from catalogue.session.models import CourseSession
from catalogue.session.schemas import SessionRead
from catalogue.timeutil import aware
from catalogue.vocabulary import SessionStatus, label

PRODID = "-//UCLG Africa//ALGA Campus catalogue//EN"
UID_DOMAIN = "catalogue.alga-campus"
MEDIA_TYPE = "text/calendar; charset=utf-8"


def uid(session_id: str) -> str:
    return f"session-{session_id}@{UID_DOMAIN}"


def _location(read: SessionRead, language: str) -> str | None:
    parts = []
    if read.venue is not None:
        parts = [p for p in (read.venue.address, read.venue.city, read.venue.country_name) if p]
    if read.online:
        parts.append("En ligne" if language == "fr" else "Online")
    return ", ".join(parts) or None


def build(
    items: Sequence[tuple[CourseSession, SessionRead]], *, name: str, language: str, description: str | None = None
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    # How often subscribers should look again (RFC 7986, and Outlook's older property).
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    names_in = language if language in ("fr", "en") else "en"
    for run, read in items:
        zone = ZoneInfo(run.timezone)
        event = Event()
        event.add("uid", uid(run.id))
        event.add("dtstamp", aware(run.updated_at).astimezone(UTC))
        event.add("last-modified", aware(run.updated_at).astimezone(UTC))
        event.add("created", aware(run.created_at).astimezone(UTC))
        event.add("sequence", run.revision)
        event.add("dtstart", aware(run.starts_at).astimezone(zone))
        event.add("dtend", aware(run.ends_at).astimezone(zone))
        event.add("summary", read.title)
        text = [read.summary or "", read.url]
        if read.status == SessionStatus.cancelled and read.cancellation_reason:
            text.insert(0, read.cancellation_reason)
        event.add("description", "\n\n".join(t for t in text if t))
        location = _location(read, names_in)
        if location:
            event.add("location", location)
        event.add("url", read.url)
        event.add("status", "CANCELLED" if read.status == SessionStatus.cancelled else "CONFIRMED")
        categories = [label(read.delivery_mode, names_in)]
        if read.event_kind:
            categories.append(label(read.event_kind, names_in))
        if read.theme_title:
            categories.append(read.theme_title)
        event.add("categories", categories)
        calendar.add_component(event)
    if items:
        first = min(aware(run.starts_at) for run, _ in items).date() - timedelta(days=1)
        last = max(aware(run.ends_at) for run, _ in items).date() + timedelta(days=1)
        # Only the transitions in the feed's span: a whole 1970 to 2038 history per zone is heavy.
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
