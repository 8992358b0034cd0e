"""schema.org JSON-LD on detail responses: Course, CourseInstance, Event."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from common.db import Database

from .conftest import PUBLIC_URL, act, create_programme, create_session, event_body, verified_experts

pytestmark = pytest.mark.usefixtures("themes")


async def test_programme_is_a_course_with_its_runs(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    programme = await create_programme(client, coordinator, fee_amount=150000, fee_currency="XOF")
    await client.post(
        f"/programmes/{programme['id']}/modules",
        json={"title": {"fr": "Fiscalité locale"}, "hours": 24, "delivery_mode": "residential_seminar"},
        headers=coordinator,
    )
    run = await create_session(client, coordinator, programme["id"], status="applications_open")
    doc = (await client.get(f"/programmes/{programme['id']}")).json()["json_ld"]
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "Course"
    assert doc["@id"] == f"{PUBLIC_URL}/programmes/{programme['id']}"
    assert doc["name"] == "Collège ALGA : Finances locales"
    assert doc["provider"]["name"] == "African Local Governments Academy (ALGA)"
    assert doc["about"]["name"] == "Finances locales"
    assert doc["contributor"] == [{"@type": "CollegeOrUniversity", "name": "Université Cadi Ayyad"}]
    assert doc["offers"]["price"] == 150000 and doc["offers"]["priceCurrency"] == "XOF"
    assert doc["timeRequired"] == "PT24H" and doc["hasPart"][0]["name"] == "Fiscalité locale"
    (instance,) = doc["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance" and instance["@id"].endswith(run["id"])
    assert instance["courseMode"] == "onsite" and instance["location"]["address"]["addressCountry"] == "SN"


async def test_a_run_of_a_college_is_a_course_instance(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database
) -> None:
    await verified_experts(db, "3f1c6a0e-1111-4d5b-9e8e-2a7b1c0d9e8f")
    programme = await create_programme(client, coordinator)
    run = await create_session(
        client,
        coordinator,
        programme["id"],
        delivery_mode="hybrid",
        trainer_ids=["3f1c6a0e-1111-4d5b-9e8e-2a7b1c0d9e8f"],
    )
    doc = (await client.get(f"/sessions/{run['id']}", params={"lang": "en"})).json()["json_ld"]
    assert doc["@type"] == "CourseInstance"
    assert doc["name"] == "ALGA College: Local finance"
    assert doc["courseMode"] == "blended"
    assert doc["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert doc["eventStatus"] == "https://schema.org/EventScheduled"
    assert datetime.fromisoformat(doc["startDate"]) == datetime.fromisoformat(run["starts_at"])
    assert doc["inLanguage"] == "fr"
    assert doc["instructor"] == [
        {
            "@type": "Person",
            "identifier": "3f1c6a0e-1111-4d5b-9e8e-2a7b1c0d9e8f",
            "name": "Aïssatou Diallo",
            "url": f"{PUBLIC_URL}/experts/3f1c6a0e-1111-4d5b-9e8e-2a7b1c0d9e8f",
        }
    ]
    assert doc["about"] == {
        "@type": "Course",
        "@id": f"{PUBLIC_URL}/programmes/{programme['id']}",
        "name": "ALGA College: Local finance",
    }
    place, online = doc["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Dakar",
        "addressCountry": "SN",
        "streetAddress": "Place de l'Indépendance",
    }
    assert online["@type"] == "VirtualLocation"
    assert doc["maximumAttendeeCapacity"] == 30
    closes = datetime.fromisoformat(doc["offers"]["availabilityEnds"])
    assert closes == datetime.fromisoformat(run["applications_close_at"])


async def test_an_event_is_an_event(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    run = await create_session(client, coordinator, None, body=event_body())
    cancelled = (await act(client, coordinator, run["id"], "cancel", reason="Reportée")).json()
    doc = cancelled["json_ld"]
    assert doc["@type"] == "Event" and doc["name"] == "Table ronde : les universités et la transition"
    assert doc["eventStatus"] == "https://schema.org/EventCancelled"
    assert doc["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert doc["location"]["@type"] == "Place" and "courseMode" not in doc


async def test_a_session_of_an_event_series(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    series = await create_programme(
        client,
        coordinator,
        kind="event_series",
        theme=None,
        title={"fr": "Séminaires d'experts internationaux", "en": "International expert seminars"},
    )
    run = await create_session(client, coordinator, series["id"], event_kind="international_expert_seminar")
    doc = (await client.get(f"/sessions/{run['id']}")).json()["json_ld"]
    assert doc["@type"] == "Event"
    assert (
        doc["superEvent"]["@type"] == "EventSeries"
        and doc["superEvent"]["name"] == "Séminaires d'experts internationaux"
    )
    series_doc = (await client.get(f"/programmes/{series['id']}")).json()["json_ld"]
    assert series_doc["@type"] == "EventSeries" and len(series_doc["subEvent"]) == 1
