from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def aware_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value)


def parse_instant(value: object) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return aware(parsed)


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_days(starts_at: datetime, ends_at: datetime, time_zone: str | None) -> list[date]:
    """The calendar days a session covers, in its own time zone (a residential seminar's days)."""
    tz = zone(time_zone)
    first = aware(starts_at).astimezone(tz).date()
    last = aware(ends_at).astimezone(tz).date()
    if last < first:
        return [first]
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def today_in(time_zone: str | None) -> date:
    return utcnow().astimezone(zone(time_zone)).date()
