"""The catalogue through the gateway, with every process real: public search with facets, the
iCalendar feeds read back by a real parser, a coordinator publishing a session that a visitor then
finds, and the event of that publication on NATS.

Other system tests share the stack and add sessions of their own, so these tests compare what the
API says with itself (facet counts with the results they announce) rather than with fixed totals.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import nats
import pytest
from icalendar import Calendar

from devstack.stack import Stack

pytestmark = pytest.mark.system


def _client(stack: Stack) -> httpx.Client:
    return httpx.Client(base_url=stack.gateway_url, timeout=15)


def _login(stack: Stack, email: str) -> dict[str, str]:
    with _client(stack) as http:
        response = http.post("/api/identity/auth/login", json={"email": email, "password": stack.demo_password})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _facet(page: dict[str, Any], name: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in page["facets"][name]}


def _calendar(response: httpx.Response) -> list[Any]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    return list(calendar.walk("VEVENT"))


def test_public_search_with_facets(live_stack: Stack) -> None:
    with _client(live_stack) as http:
        everything = http.get("/api/catalogue/sessions", params={"limit": 100}).json()
        assert everything["total"] >= 20  # the seeded Master, Colleges and events
        themes = _facet(everything, "theme")
        assert themes["local_finance"] >= 1

        # Several values of a facet are ORed, facets are ANDed; the facet counts announce totals.
        filtered = http.get(
            "/api/catalogue/sessions",
            params=[("theme", "local_finance"), ("theme", "local_leadership"), ("language", "fr"), ("limit", 100)],
            headers={"Accept-Language": "en"},
        )
        assert filtered.status_code == 200, filtered.text
        page = filtered.json()
        assert page["total"] >= 1
        assert {s["theme"] for s in page["items"]} <= {"local_finance", "local_leadership"}
        assert {s["language"] for s in page["items"]} == {"fr"}
        # A facet the search filters on is counted over the other filters only, so the other
        # themes stay on offer; its chosen values add up to the results.
        theme_counts = _facet(page, "theme")
        assert len(theme_counts) > 2
        assert theme_counts.get("local_finance", 0) + theme_counts.get("local_leadership", 0) == page["total"]
        assert sum(_facet(page, "language").values()) >= page["total"]
        # Labels come in the asked language.
        labels = {f["value"]: f["label"] for f in page["facets"]["theme"]}
        assert labels["local_finance"] == "Local finance"
        assert filtered.headers["content-language"] == "en"

        # Words are found whatever the accents and case, in either language.
        found = http.get("/api/catalogue/sessions", params={"q": "FINANCES locales"}).json()
        assert any(s["theme"] == "local_finance" for s in found["items"])
        english = http.get("/api/catalogue/sessions", params={"q": "local finance", "lang": "en"}).json()
        assert {s["id"] for s in found["items"]} & {s["id"] for s in english["items"]}

        # Open for applications, and a date range, are filters too.
        open_now = http.get("/api/catalogue/sessions", params={"open": "true", "limit": 100}).json()
        assert open_now["total"] == _facet(everything, "open").get("true", 0)
        assert all(s["applications_open"] for s in open_now["items"])
        start = (datetime.now(UTC) + timedelta(days=60)).date().isoformat()
        later = http.get("/api/catalogue/sessions", params={"from": start, "limit": 100}).json()
        assert all(s["ends_at"][:10] >= start for s in later["items"])

        # The Executive Master and the 18 Colleges, for the home page.
        programmes = http.get(
            "/api/catalogue/programmes", params=[("kind", "executive_master"), ("kind", "college"), ("limit", 100)]
        ).json()
        kinds = [p["kind"] for p in programmes["items"]]
        assert kinds.count("executive_master") >= 1 and kinds.count("college") >= 18

        # A bad filter is a problem+json answer naming the parameter.
        bad = http.get("/api/catalogue/sessions", params={"from": "tomorrow"})
        assert bad.status_code == 422
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in bad.json()["errors"]] == ["from"]


def test_calendar_feeds_are_valid_icalendar(live_stack: Stack) -> None:
    with _client(live_stack) as http:
        events = _calendar(http.get("/api/catalogue/calendar.ics", params={"language": "en"}))
        assert events
        for event in events:
            assert event["UID"] and event["SUMMARY"] and event.decoded("DTSTART") < event.decoded("DTEND")

        college = http.get("/api/catalogue/programmes/college-local-finance").json()
        feed = _calendar(http.get(f"/api/catalogue/programmes/{college['id']}/calendar.ics"))
        upcoming = {f"session-{s['id']}@catalogue.alga-campus" for s in college["upcoming_sessions"]}
        assert upcoming and upcoming <= {str(e["UID"]) for e in feed}

        session = college["upcoming_sessions"][0]
        single = http.get(f"/api/catalogue/sessions/{session['id']}/calendar.ics", params={"lang": "fr"})
        (event,) = _calendar(single)
        assert str(event["SUMMARY"]) == session["title"]
        assert event.decoded("DTSTART") == datetime.fromisoformat(session["starts_at"])


def test_coordinator_publishes_a_session_that_a_visitor_then_finds(live_stack: Stack) -> None:
    coordinator = _login(live_stack, "coordinator@example.org")
    learner = _login(live_stack, "learner@example.org")
    word = f"kora{uuid.uuid4().hex[:10]}"
    starts = (datetime.now(UTC) + timedelta(days=90)).replace(hour=9, minute=0, second=0, microsecond=0)
    body = {
        "title": {"fr": f"Atelier {word} sur la fiscalité locale", "en": f"Workshop {word} on local taxation"},
        "event_kind": "workshop",
        "theme": "local_finance",
        "audiences": ["finance_director"],
        "delivery_mode": "residential_seminar",
        "starts_at": starts.replace(tzinfo=None).isoformat(timespec="minutes"),
        "ends_at": (starts + timedelta(days=2, hours=8)).replace(tzinfo=None).isoformat(timespec="minutes"),
        "timezone": "Africa/Abidjan",
        "venue": {"city": "Abidjan", "country": "CI"},
        "language": "fr",
        "capacity": 25,
    }
    with _client(live_stack) as http:
        # Only staff create; the gateway refuses anonymous writes, the service a learner's.
        assert http.post("/api/catalogue/sessions", json=body).status_code == 401
        assert http.post("/api/catalogue/sessions", json=body, headers=learner).status_code == 403

        # The API's field errors, as the coordinator's form shows them.
        invalid = http.post(
            "/api/catalogue/sessions",
            json={**body, "ends_at": body["starts_at"], "venue": {"city": "Abidjan", "country": "XX"}},
            headers=coordinator,
        )
        assert invalid.status_code == 422
        assert invalid.headers["content-type"].startswith("application/problem+json")
        assert {e["field"] for e in invalid.json()["errors"]} == {"venue.country"}

        created = http.post("/api/catalogue/sessions", json=body, headers=coordinator)
        assert created.status_code == 201, created.text
        session = created.json()
        assert session["status"] == "draft" and session["allowed_actions"] == ["publish"]

        # A draft is the coordinator's only.
        assert http.get("/api/catalogue/sessions", params={"q": word}).json()["total"] == 0
        assert http.get(f"/api/catalogue/sessions/{session['id']}").status_code == 404
        drafts = http.get("/api/catalogue/sessions", params={"status": "draft", "q": word}, headers=coordinator)
        assert [s["id"] for s in drafts.json()["items"]] == [session["id"]]

        published = http.post(
            f"/api/catalogue/sessions/{session['id']}/transitions", json={"action": "publish"}, headers=coordinator
        )
        assert published.status_code == 200, published.text
        assert published.json()["status"] == "published"

        # A visitor finds it by a word of its title, with the theme and language filters too.
        found = http.get(
            "/api/catalogue/sessions", params={"q": word, "theme": "local_finance", "language": "fr"}
        ).json()
        assert [s["id"] for s in found["items"]] == [session["id"]]
        assert found["items"][0]["venue"]["country_name"] == "Côte d'Ivoire"
        detail = http.get(f"/api/catalogue/sessions/{session['id']}", params={"lang": "en"}).json()
        assert detail["title"] == f"Workshop {word} on local taxation"
        assert detail["json_ld"]["@type"] == "Event"
        assert detail["json_ld"]["location"]["address"]["addressCountry"] == "CI"
        # The link leads to this stack's own gateway (whatever port it was given), not a default.
        assert detail["url"] == f"{live_stack.gateway_url}/sessions/{session['id']}"
        page = http.get(detail["url"], headers={"Accept": "text/html"})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")

    event = _find_event(live_stack, "alga.catalogue.session.published", session["id"])
    assert event["type"] == "catalogue.session.published"
    data = event["data"]
    assert data["status"] == "published"
    assert data["capacity"] == 25 and data["language"] == "fr"
    assert data["venue"]["city"] == "Abidjan" and data["venue"]["country"] == "CI"
    assert data["timezone"] == "Africa/Abidjan"
    assert datetime.fromisoformat(data["starts_at"]) == starts


def _find_event(stack: Stack, subject: str, session_id: str) -> dict[str, Any]:
    async def find() -> dict[str, Any]:
        nc = await nats.connect(f"nats://127.0.0.1:{stack.nats_port}")
        try:
            js = nc.jetstream()
            sub = await js.pull_subscribe(subject, stream="ALGA")
            async with asyncio.timeout(20):
                while True:
                    try:
                        for msg in await sub.fetch(50, timeout=1):
                            body = json.loads(msg.data)
                            if body["data"]["session_id"] == session_id:
                                return body  # type: ignore[no-any-return]
                    except TimeoutError:
                        continue
        finally:
            await nc.close()

    # In a thread of its own: the Playwright journeys keep an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, find()).result()
