"""From what happened (a `Draft`, the same for every language) to the words one person reads.

Dates and country names come from CLDR through babel, in the recipient's language; session dates
are shown in the session's own time zone when the event gives it, the seat-offer deadline in UTC
(said so), since we do not know where the learner is.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from string import Template
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_interval, format_time

from notifications.message.catalog import DEFAULT_LANGUAGE, KINDS, LANGUAGES, SNIPPETS, WORDS


@dataclass(frozen=True)
class Draft:
    """A message before it is put into words: what any language version needs."""

    kind: str
    #: Where the message leads in the SPA (joined to the public URL in e-mails).
    path: str | None = None
    session_title: Any = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    timezone: str | None = None
    venue: Mapping[str, Any] | None = None
    deadline: datetime | None = None
    message: str | None = None
    reason: str | None = None
    position: int | None = None
    code: str | None = None
    listed: bool = False
    #: Who applied (a message to someone else about them: their endorser).
    applicant: str | None = None
    #: How many days a link stays valid.
    days: int | None = None


@dataclass(frozen=True)
class Composed:
    kind: str
    language: str
    subject: str
    paragraphs: list[str] = field(default_factory=list)
    action: str = ""
    path: str | None = None


def language_of(*candidates: str | None) -> str:
    """The first candidate we write in (`fr-SN` counts as `fr`); French when none is."""
    for candidate in candidates:
        code = (candidate or "").strip().lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def localized(value: Any, language: str) -> str | None:
    """A translatable text (`{"fr": …, "en": …}`) in the language, else in another one."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        for code in (language, DEFAULT_LANGUAGE, *LANGUAGES, *value.keys()):
            text = value.get(code)
            if isinstance(text, str) and text.strip():
                return text.strip()
    return None


def _zone(name: str | None) -> tzinfo:
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return UTC


def format_dates(starts: datetime | None, ends: datetime | None, language: str, zone: str | None = None) -> str | None:
    """A date range in the language (`1-5 févr. 2027`); one date when the session is one day long."""
    tz = _zone(zone)
    if starts is None:
        return None
    first = starts.astimezone(tz).date()
    if ends is None or ends.astimezone(tz).date() == first:
        return format_date(first, "long", locale=language)
    return format_interval(first, ends.astimezone(tz).date(), "yMMMd", locale=language)


def format_deadline(moment: datetime, language: str) -> str:
    """`3 février 2027, 09:00 UTC` / `February 3, 2027, 9:00 AM UTC`."""
    moment = moment.astimezone(UTC)
    pattern = Locale.parse(language).datetime_formats["long"]
    when = str(pattern).replace("{1}", format_date(moment, "long", locale=language))
    when = when.replace("{0}", format_time(moment, "short", tzinfo=UTC, locale=language))
    return f"{when} {WORDS[language]['utc']}"


def format_venue(venue: Mapping[str, Any] | None, language: str) -> str:
    words = WORDS[language]
    if not venue:
        return words["to_be_announced"]
    country_code = (venue.get("country") or "").upper()
    country = Locale.parse(language).territories.get(country_code, country_code) if country_code else ""
    place = ", ".join(p for p in (venue.get("address"), venue.get("city"), country) if p)
    online = bool(venue.get("online"))
    if place and online:
        return Template(words["and_online"]).substitute(place=place)
    return place or (words["online"] if online else words["to_be_announced"])


def _variables(draft: Draft, language: str) -> dict[str, str]:
    words = WORDS[language]
    dates = format_dates(draft.starts_at, draft.ends_at, language, draft.timezone)
    values: dict[str, str | None] = {
        "session": localized(draft.session_title, language) or words["untitled"],
        "dates": dates,
        "deadline": format_deadline(draft.deadline, language) if draft.deadline else None,
        "message": (draft.message or "").strip() or None,
        "reason": (draft.reason or "").strip() or None,
        "position": str(draft.position) if draft.position else None,
        "code": draft.code,
        "venue": format_venue(draft.venue, language),
        "listed": "yes" if draft.listed else None,
        "applicant": (draft.applicant or "").strip() or words["someone"],
        "days": str(draft.days) if draft.days else None,
    }
    filled = {name: value for name, value in values.items() if value}
    for name, snippet in SNIPPETS.items():
        filled[name] = snippet.versions[language].substitute(filled) if snippet.needs in filled else ""
    return filled


def _one_line(text: str) -> str:
    return " ".join(text.split())


def compose(draft: Draft, language: str) -> Composed:
    language = language_of(language)
    wording = KINDS[draft.kind][language]
    variables = _variables(draft, language)
    # A placeholder without a value (a session with no dates yet) reads "to be announced": an event
    # missing a field must still give its message, never a handler error redelivered forever.
    for name in (*wording.subject.get_identifiers(), *wording.body.get_identifiers()):
        variables.setdefault(name, WORDS[language]["to_be_announced"])
    body = wording.body.substitute(variables)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return Composed(
        kind=draft.kind,
        language=language,
        subject=_one_line(wording.subject.substitute(variables)),
        paragraphs=paragraphs,
        action=wording.action,
        path=draft.path,
    )


def absolute_url(public_url: str, path: str | None) -> str | None:
    return None if path is None else public_url.rstrip("/") + path


def in_app_text(composed: Composed) -> str:
    """What the notification list shows under the subject: the paragraphs, no greeting or footer."""
    return "\n\n".join(composed.paragraphs)


def _greeting(language: str, name: str | None) -> str:
    words = WORDS[language]
    return (
        Template(words["greeting"]).substitute(name=name.strip())
        if name and name.strip()
        else words["greeting_anonymous"]
    )


def email_text(composed: Composed, *, name: str | None, url: str | None) -> str:
    words = WORDS[composed.language]
    parts = [_greeting(composed.language, name), *composed.paragraphs]
    if url:
        parts.append(Template(words["link"]).substitute(action=composed.action, url=url))
    # "-- " (with its space) is the signature separator mail clients recognise.
    return "\n\n".join(parts) + "\n\n-- \n" + words["footer"] + "\n"


def email_html(composed: Composed, *, name: str | None, url: str | None) -> str:
    """A plain HTML alternative: the same paragraphs, the link as a button; every value escaped."""
    words = WORDS[composed.language]

    def paragraph(text: str) -> str:
        return "<p>" + "<br>".join(html.escape(line) for line in text.split("\n")) + "</p>"

    body = [paragraph(_greeting(composed.language, name)), *(paragraph(p) for p in composed.paragraphs)]
    if url:
        body.append(
            f'<p><a href="{html.escape(url, quote=True)}" style="display:inline-block;padding:10px 16px;'
            'background:#0b6e4f;color:#ffffff;text-decoration:none;border-radius:4px">'
            f"{html.escape(composed.action)}</a></p>"
        )
    body.append(f'<p style="color:#666666;font-size:12px">{html.escape(words["footer"])}</p>')
    return (
        f'<!DOCTYPE html>\n<html lang="{composed.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(composed.subject)}</title>\n</head>\n"
        '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;'
        'max-width:600px">\n' + "\n".join(body) + "\n</body>\n</html>\n"
    )
