from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def aware_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value)


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    # ZoneInfo keeps only the 8 zones used last; a page of sessions in a dozen zones would read
    # and parse the zone files again on every request.
    return ZoneInfo(name)


def is_time_zone(name: str) -> bool:
    """An IANA zone name (`Africa/Dakar`), not a file path or an abbreviation."""
    if not name or name.startswith("/") or ".." in name:
        return False
    if name not in _known_zones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_ZONES: frozenset[str] | None = None


def _known_zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def to_utc(value: datetime, time_zone: str) -> datetime:
    """A naive value is a wall-clock time in `time_zone`; an aware one is an instant already."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone(time_zone))
    return value.astimezone(UTC)


def local(value: datetime, time_zone: str) -> datetime:
    return aware(value).astimezone(zone(time_zone))
