"""iCalendar feeds, read back with the `icalendar` parser as a calendar application would."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from icalendar import Calendar

from .conftest import PUBLIC_URL, act, create_programme, create_session, event_body, local

pytestmark = pytest.mark.usefixtures("themes")


def _parse(response: httpx.Response) -> list[Any]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and "ALGA Campus" in str(calendar["PRODID"])
    return list(calendar.walk("VEVENT"))


def _by_summary(events: list[Any]) -> dict[str, Any]:
    return {str(e["SUMMARY"]): e for e in events}


@pytest.fixture
async def sessions(client: httpx.AsyncClient, coordinator: dict[str, str]) -> dict[str, dict[str, Any]]:
    finance = await create_programme(client, coordinator)
    leadership = await create_programme(
        client,
        coordinator,
        theme="local_leadership",
        title={"fr": "Collège ALGA : Leadership local", "en": "ALGA College: Local leadership"},
    )
    return {
        "nairobi": await create_session(
            client,
            coordinator,
            finance["id"],
            status="applications_open",
            starts_at=local(40, 9),
            ends_at=local(44, 17),
            timezone="Africa/Nairobi",
            venue={"city": "Nairobi", "country": "KE", "address": "City Hall Way"},
        ),
        "webinar": await create_session(
            client,
            coordinator,
            finance["id"],
            delivery_mode="webinar",
            venue=None,
            language="en",
            timezone="UTC",
            starts_at=local(12, 14),
            ends_at=local(12, 16),
            applications_close_at=local(10),
        ),
        "abidjan": await create_session(
            client,
            coordinator,
            leadership["id"],
            status="cancelled",
            timezone="Africa/Abidjan",
            venue={"city": "Abidjan", "country": "CI"},
        ),
        "event": await create_session(
            client,
            coordinator,
            None,
            body=event_body(venue={"city": "Marrakech", "country": "MA"}, timezone="Africa/Casablanca"),
        ),
        "draft": await create_session(client, coordinator, finance["id"], status="draft"),
        "finance": finance,
    }


async def test_the_feed_of_every_session(client: httpx.AsyncClient, sessions: dict[str, dict[str, Any]]) -> None:
    events = _parse(await client.get("/calendar.ics"))
    assert len(events) == 4  # the draft is not in it
    by_summary = _by_summary(events)
    by_uid = {str(e["UID"]): e for e in events}
    nairobi = by_uid[f"session-{sessions['nairobi']['id']}@catalogue.alga-campus"]
    assert str(nairobi["SUMMARY"]) == "Collège ALGA : Finances locales"
    assert nairobi["DTSTART"].params["TZID"] == "Africa/Nairobi"
    zone = ZoneInfo("Africa/Nairobi")
    assert nairobi.decoded("DTSTART") == datetime.fromisoformat(local(40, 9)).replace(tzinfo=zone)
    assert nairobi.decoded("DTEND") == datetime.fromisoformat(local(44, 17)).replace(tzinfo=zone)
    assert nairobi.decoded("DTSTART").utcoffset().total_seconds() == 3 * 3600
    assert str(nairobi["LOCATION"]) == "City Hall Way, Nairobi, Kenya"
    assert str(nairobi["URL"]) == f"{PUBLIC_URL}/sessions/{sessions['nairobi']['id']}"
    assert str(nairobi["STATUS"]) == "CONFIRMED"
    # The VTIMEZONE each TZID needs is in the file (zones always at UTC+0, such as Abidjan's, are
    # written in UTC by the icalendar package).
    calendar = Calendar.from_ical((await client.get("/calendar.ics")).content)
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"Africa/Nairobi", "Africa/Casablanca"}

    webinar = by_uid[f"session-{sessions['webinar']['id']}@catalogue.alga-campus"]
    assert webinar.decoded("DTSTART") == datetime.fromisoformat(local(12, 14)).replace(tzinfo=UTC)
    assert "TZID" not in webinar["DTSTART"].params  # UTC is written as UTC
    assert str(webinar["LOCATION"]) == "En ligne"

    cancelled = by_uid[f"session-{sessions['abidjan']['id']}@catalogue.alga-campus"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("DTSTART") == datetime.fromisoformat(local(40)).replace(tzinfo=ZoneInfo("Africa/Abidjan"))
    assert "Venue unavailable" in str(cancelled["DESCRIPTION"])
    assert str(by_summary["Table ronde : les universités et la transition"]["STATUS"]) == "CONFIRMED"


async def test_feeds_take_the_search_filters_and_the_language(
    client: httpx.AsyncClient, sessions: dict[str, dict[str, Any]]
) -> None:
    english = _parse(await client.get("/calendar.ics", params={"language": "en", "lang": "en"}))
    assert [str(e["SUMMARY"]) for e in english] == ["ALGA College: Local finance"]
    assert str(english[0]["LOCATION"]) == "Online"
    assert len(_parse(await client.get("/calendar.ics", params={"country": "CI"}))) == 1
    assert len(_parse(await client.get("/calendar.ics", params={"q": "table ronde"}))) == 1
    assert _parse(await client.get("/calendar.ics", params={"theme": "spatial_planning"})) == []


async def test_programme_and_theme_feeds(
    client: httpx.AsyncClient, sessions: dict[str, dict[str, Any]], coordinator: dict[str, str]
) -> None:
    finance = sessions["finance"]
    by_programme = _parse(await client.get(f"/programmes/{finance['id']}/calendar.ics"))
    assert sorted(str(e["UID"]) for e in by_programme) == sorted(
        f"session-{sessions[k]['id']}@catalogue.alga-campus" for k in ("nairobi", "webinar")
    )
    assert len(_parse(await client.get(f"/programmes/{finance['code']}/calendar.ics"))) == 2
    by_theme = _parse(await client.get("/themes/local_leadership/calendar.ics", params={"lang": "en"}))
    assert [str(e["STATUS"]) for e in by_theme] == ["CANCELLED"]
    assert (await client.get("/themes/astrology/calendar.ics")).status_code == 404
    assert (await client.get("/programmes/nope/calendar.ics")).status_code == 404


async def test_one_session_file_and_stable_uids(
    client: httpx.AsyncClient, sessions: dict[str, dict[str, Any]], coordinator: dict[str, str]
) -> None:
    run = sessions["nairobi"]
    response = await client.get(f"/sessions/{run['id']}/calendar.ics")
    (event,) = _parse(response)
    assert "attachment" in response.headers["content-disposition"]
    sequence = int(event["SEQUENCE"])
    moved = await client.patch(
        f"/sessions/{run['id']}", json={"starts_at": local(41, 9), "ends_at": local(45, 17)}, headers=coordinator
    )
    assert moved.status_code == 200
    (after,) = _parse(await client.get(f"/sessions/{run['id']}/calendar.ics"))
    # Same UID, a higher SEQUENCE: calendar applications replace the event they have.
    assert str(after["UID"]) == str(event["UID"]) and int(after["SEQUENCE"]) == sequence + 1
    assert after.decoded("DTSTART").date() == datetime.fromisoformat(local(41)).date()
    await act(client, coordinator, run["id"], "cancel", reason="Reportée")
    (cancelled,) = _parse(await client.get(f"/sessions/{run['id']}/calendar.ics"))
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == sequence + 2
