"""identity's statistics: accounts by role, country and gender, counted exactly, suppressed when
the reader is not staff, and who may read them."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from common.db import Database
from identity import seed
from identity.client import service as clients
from identity.client.schemas import ClientCreate
from identity.organisation.models import Organisation
from identity.user.models import Role, User, UserRole

from .conftest import bearer, login, make_user

PERIOD = {"from": "2026-01-01", "to": "2026-12-31"}
IN_PERIOD = datetime(2026, 3, 10, tzinfo=UTC)
BEFORE = datetime(2025, 6, 1, tzinfo=UTC)


async def _people(db: Database, organisation_id: str | None = None) -> None:
    """11 active accounts, and one closed account that is never counted.

    role (highest): learner 9, coordinator 1, admin 1 · country: SN 7, MA 3, GH 1 ·
    gender: female 6, male 4, not stated 1 · created in 2026: 9 (SN 7, MA 2; female 5, male 4)."""
    specs: list[tuple[str, str | None, datetime, list[str], bool]] = [
        *[("SN", "female", IN_PERIOD, ["learner"], True)] * 4,
        *[("SN", "male", IN_PERIOD, ["learner"], True)] * 3,
        ("MA", "female", IN_PERIOD, ["learner"], True),
        ("MA", "male", IN_PERIOD, ["learner"], True),
        ("GH", None, BEFORE, ["learner", "coordinator"], True),
        ("MA", "female", BEFORE, ["learner", "admin"], True),
        ("SN", "female", IN_PERIOD, ["learner"], False),
    ]
    async with db.session() as session:
        for n, (country, gender, created, roles, active) in enumerate(specs):
            user = User(
                email=f"person{n}@example.org",
                password_hash="not-a-hash",
                full_name=f"Person {n}",
                country=country,
                gender=gender,
                created_at=created,
                is_active=active,
                organisation_id=organisation_id if country == "SN" else None,
            )
            session.add(user)
            await session.flush()
            session.add_all(UserRole(user_id=user.id, role=role) for role in roles)
        await session.commit()


def _rows(breakdown: dict[str, Any]) -> dict[str | None, str]:
    return {row["key"]: row["count"]["display"] for row in breakdown["rows"]}


async def _staff_token(client: httpx.AsyncClient, db: Database) -> str:
    await make_user(db, "stats@example.org", Role.coordinator, full_name="Stats Coordinator", country="GH")
    return str((await login(client, "stats@example.org"))["access_token"])


async def test_coordinators_get_exact_figures(client: httpx.AsyncClient, db: Database) -> None:
    await _people(db)
    token = await _staff_token(client, db)
    response = await client.get(
        "/statistics/overview", params={**PERIOD, "lang": "en", "country": "SN"}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    sn = response.json()
    assert sn["filters"] == {"country": "SN"} and sn["users"]["by_country"]["total"]["value"] == 7

    body = (await client.get("/statistics/overview", params={**PERIOD, "lang": "en"}, headers=bearer(token))).json()
    users, registrations = body["users"], body["registrations"]
    # The reader (a coordinator from GH, created now) is an active account too: 12 in all.
    assert users["by_role"]["total"] == {"value": 12, "suppressed": False, "display": "12"}
    assert _rows(users["by_role"]) == {"learner": "9", "coordinator": "2", "admin": "1"}
    assert _rows(users["by_country"]) == {"SN": "7", "MA": "3", "GH": "2"}
    assert _rows(users["by_gender"]) == {"female": "6", "male": "4", None: "2"}
    assert [r["label"] for r in users["by_gender"]["rows"]] == ["Women", "Men", "Not stated"]
    assert registrations["by_role"]["total"]["value"] == 10  # the reader registered today
    assert _rows(registrations["by_country"]) == {"SN": "7", "MA": "2", "GH": "1"}
    assert body["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    before = (await client.get("/statistics/overview", params={"to": "2025-12-31"}, headers=bearer(token))).json()
    assert _rows(before["registrations"]["by_country"]) == {"GH": "1", "MA": "1"}
    assert body["partners"]["value"] == 0


async def test_integrators_get_small_counts_suppressed_without_a_way_to_subtract(
    client: httpx.AsyncClient, db: Database
) -> None:
    await _people(db)
    async with db.session() as session:
        integrator, secret = await clients.create(
            session, data=ClientCreate(name="Observatoire", scopes=["statistics:read"]), by="test"
        )
        await session.commit()
    basic = base64.b64encode(f"{integrator.client_id}:{secret}".encode()).decode()
    token = (
        await client.post(
            "/oauth/token", data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"}
        )
    ).json()["access_token"]

    body = (await client.get("/statistics/overview", params=PERIOD, headers=bearer(token))).json()
    users, registrations = body["users"], body["registrations"]
    # learner 9, coordinator 1, admin 1: with the total (11) shown, the two small cells add up to 2,
    # so each would be 1: the learners are suppressed with them.
    assert users["by_role"]["total"]["display"] == "11"
    assert _rows(users["by_role"]) == {"learner": "≥ 5", "admin": "< 5", "coordinator": "< 5"}
    assert all(r["count"]["value"] is None for r in users["by_role"]["rows"])
    # SN 7, MA 3, GH 1: MA and GH add up to 4, which leaves each of them several values.
    assert _rows(users["by_country"]) == {"SN": "7", "MA": "< 5", "GH": "< 5"}
    assert _rows(users["by_gender"]) == {"female": "6", "male": "< 5", None: "< 5"}
    # Registered in 2026: SN 7, MA 2. MA alone would be 9 - 7: SN is suppressed with it.
    assert registrations["by_country"]["total"]["value"] == 9
    assert _rows(registrations["by_country"]) == {"SN": "≥ 5", "MA": "< 5"}
    assert _rows(registrations["by_gender"]) == {"female": "≥ 5", "male": "< 5"}


@pytest.mark.parametrize("who", ["nobody", "learner", "expert"])
async def test_learners_and_anonymous_callers_are_refused(client: httpx.AsyncClient, db: Database, who: str) -> None:
    await make_user(db, "someone@example.org")
    headers = {} if who == "nobody" else bearer((await login(client, "someone@example.org"))["access_token"])
    response = await client.get("/statistics/overview", headers=headers)
    assert response.status_code == (401 if who == "nobody" else 403)
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_focal_point_sees_their_institution_only(client: httpx.AsyncClient, db: Database) -> None:
    async with db.session() as session:
        await seed.seed_organisations(session)
        await session.commit()
    partner = seed.seeded_organisation_id("Union des Associations d'Élus Locaux du Sénégal (UAEL)", "SN")
    other = seed.seeded_organisation_id("Université Cadi Ayyad", "MA")
    await _people(db, organisation_id=partner)
    focal = await make_user(db, "focal@example.org", country="SN")
    async with db.session() as session:
        organisation = await session.get(Organisation, partner)
        assert organisation is not None
        organisation.is_partner, organisation.focal_point_user_id = True, focal
        session.add(organisation)
        await session.commit()
    token = (await login(client, "focal@example.org"))["access_token"]
    assert (await client.get("/statistics/overview", headers=bearer(token))).status_code == 403
    assert (
        await client.get("/statistics/overview", params={"partner": other}, headers=bearer(token))
    ).status_code == 403
    mine = await client.get("/statistics/overview", params={"partner": partner}, headers=bearer(token))
    assert mine.status_code == 200, mine.text
    # Only the partner's seven members (the SN accounts): female 4 and male 3, both small.
    assert mine.json()["partner"] == partner
    assert mine.json()["users"]["by_gender"]["total"]["value"] == 7
    assert _rows(mine.json()["users"]["by_gender"]) == {"female": "< 5", "male": "< 5"}
    assert mine.json()["partners"]["value"] == 2
    bad = await client.get("/statistics/overview", params={"partner": "UAEL"}, headers=bearer(token))
    assert bad.status_code == 422
