"""Possible duplicates are flagged (e-mail, ORCID iD, or name + country, accents and case
ignored) and coordinators resolve them: merge one profile into the other, or keep both."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from common.db import Database
from experts.engagement import service as engagement

from .conftest import User, act, apply, create_expert, outbox, session_event

DISTINCT = {"orcid": None}  # a profile body that shares nothing but what a test says


async def _open_pairs(client: httpx.AsyncClient, coordinator: dict[str, str]) -> list[dict[str, Any]]:
    response = await client.get("/duplicates", headers=coordinator)
    assert response.status_code == 200
    return response.json()["items"]


@pytest.mark.parametrize(
    ("existing", "newcomer", "reasons"),
    [
        # The same name written another way, in the same country.
        ({"full_name": "Aïssatou Diallo"}, {"full_name": "aissatou diallo"}, ["name_country"]),
        ({"full_name": "Aïssatou Diallo"}, {"full_name": "AÏSSATOU  DIALLO"}, ["name_country"]),
        ({"full_name": "Aïssatou Diallo"}, {"full_name": "DIALLO Aïssatou"}, ["name_country"]),
        ({"full_name": "Hélène N'Guessan-Koffi"}, {"full_name": "Helene N Guessan Koffi"}, ["name_country"]),
        # The same e-mail, whatever its case; the same ORCID iD, however written.
        ({"full_name": "A. Diallo", "email": "a.diallo@example.org"},
         {"full_name": "Awa Ba", "email": "A.Diallo@Example.org"}, ["email"]),
        ({"full_name": "A. Diallo", "orcid": "0000-0002-1825-0097"},
         {"full_name": "Awa Ba", "orcid": "https://orcid.org/0000000218250097"}, ["orcid"]),
        ({"full_name": "Aïssatou Diallo", "email": "ad@example.org", "orcid": "0000-0002-1694-233X"},
         {"full_name": "aissatou diallo", "email": "AD@example.org", "orcid": "0000-0002-1694-233x"},
         ["email", "name_country", "orcid"]),
    ],
)  # fmt: skip
async def test_matches_are_flagged(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    learner: User,
    existing: dict[str, Any],
    newcomer: dict[str, Any],
    reasons: list[str],
) -> None:
    first = await create_expert(client, coordinator, **{"email": None, **DISTINCT, **existing})
    second = await apply(client, learner, **{"email": None, **DISTINCT, **newcomer})
    (pair,) = await _open_pairs(client, coordinator)
    assert sorted(pair["reasons"]) == reasons
    assert pair["profile"]["id"] == second["id"] and pair["other"]["id"] == first["id"]
    # The coordinator sees it on both profiles.
    for profile_id, other_id in ((second["id"], first["id"]), (first["id"], second["id"])):
        staff_view = (await client.get(f"/profiles/{profile_id}", headers=coordinator)).json()
        assert [d["other_profile_id"] for d in staff_view["duplicate_candidates"]] == [other_id]
    queue = (await client.get("/applications", headers=coordinator)).json()["items"]
    assert queue[0]["duplicate_candidates"][0]["id"] == pair["id"]


@pytest.mark.parametrize(
    "newcomer",
    [
        {"full_name": "Aïssatou Diallo", "country": "GN"},  # same name, another country
        {"full_name": "Aïssatou Diallo Ba"},  # another name
        {"full_name": "Aminata Diallo"},
    ],
)
async def test_different_people_are_not_flagged(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User, newcomer: dict[str, Any]
) -> None:
    await create_expert(
        client, coordinator, full_name="Aïssatou Diallo", country="SN", email="x@example.org", orcid=None
    )
    await apply(client, learner, **{"email": "y@example.org", "orcid": None, **newcomer})
    assert await _open_pairs(client, coordinator) == []


async def test_keep_both_is_never_flagged_again(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User
) -> None:
    first = await create_expert(client, coordinator, email=None, orcid=None)
    second = await apply(client, learner, email=None, orcid=None, full_name="Aissatou DIALLO")
    (pair,) = await _open_pairs(client, coordinator)
    kept = await client.post(f"/duplicates/{pair['id']}/resolution", json={"action": "keep_both"}, headers=coordinator)
    assert kept.status_code == 200 and kept.json()["status"] == "dismissed"
    assert await _open_pairs(client, coordinator) == []
    again = await client.post(f"/duplicates/{pair['id']}/resolution", json={"action": "merge"}, headers=coordinator)
    assert again.status_code == 409
    # A change that matches again does not bring the pair back.
    await client.patch("/me", json={"full_name": "Aïssatou Diallo"}, headers=learner.headers)
    assert await _open_pairs(client, coordinator) == []
    dismissed = (await client.get("/duplicates", params={"status": "dismissed"}, headers=coordinator)).json()
    assert [p["id"] for p in dismissed["items"]] == [pair["id"]]
    # Both still stand.
    assert (await client.get(f"/profiles/{first['id']}", headers=coordinator)).json()["status"] == "verified"
    assert (await client.get(f"/profiles/{second['id']}", headers=coordinator)).json()["status"] == "pending"


async def test_a_change_to_a_profile_is_checked_too(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User
) -> None:
    await create_expert(client, coordinator, email="known@example.org", orcid=None)
    await apply(client, learner, full_name="Moussa Traoré", email="moussa@example.org", orcid=None)
    assert await _open_pairs(client, coordinator) == []
    await client.patch("/me", json={"email": "KNOWN@example.org"}, headers=learner.headers)
    (pair,) = await _open_pairs(client, coordinator)
    assert pair["reasons"] == ["email"]


async def test_merge_folds_one_profile_into_the_other(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User, db: Database
) -> None:
    # A verified profile a coordinator made, without an account; then the person applies.
    first = await create_expert(
        client, coordinator, email=None, orcid=None, themes=["local_finance"], keywords=["fiscalité"],
        bio={"fr": "Bio existante."}, phone=None, work_countries=["ML"],
    )  # fmt: skip
    second = await apply(
        client, learner, full_name="aissatou diallo", orcid="0000-0002-1825-0097", themes=["spatial_planning"],
        keywords=["Fiscalité", "cadastre"], bio={"fr": "Nouvelle bio.", "en": "English bio."}, work_countries=["BF"],
    )  # fmt: skip
    # The session the first profile taught follows it into the merge.
    async with db.session() as session:
        await engagement.handle(session, session_event("s-1", [first["id"]]))
        await engagement.handle(session, session_event("s-2", [second["id"]]))
        await session.commit()
    (pair,) = await _open_pairs(client, coordinator)

    outside = await client.post(
        f"/duplicates/{pair['id']}/resolution", json={"action": "merge", "into": "someone-else"}, headers=coordinator
    )
    assert outside.status_code == 422
    merged = await client.post(f"/duplicates/{pair['id']}/resolution", json={"action": "merge"}, headers=coordinator)
    assert merged.status_code == 200, merged.text
    assert merged.json()["status"] == "merged" and merged.json()["merged_into_id"] == first["id"]

    kept = (await client.get(f"/profiles/{first['id']}", headers=coordinator)).json()
    assert kept["status"] == "verified"
    assert kept["user_id"] == learner.id  # the account moved to the remaining profile
    assert kept["orcid"] == "0000-0002-1825-0097"  # filled in from the merged one
    assert kept["bio_translations"] == {"fr": "Bio existante.", "en": "English bio."}  # its own text wins
    assert [t["code"] for t in kept["themes"]] == ["local_finance", "spatial_planning"]
    assert kept["keywords"] == ["fiscalité", "cadastre"]
    assert [c["code"] for c in kept["work_countries"]] == ["BF", "ML"]
    assert sorted(e["id"] for e in kept["engagements"]) == ["s-1", "s-2"]
    assert kept["duplicate_candidates"] == []

    gone = (await client.get(f"/profiles/{second['id']}", headers=coordinator)).json()
    assert gone["status"] == "merged" and gone["merged_into_id"] == first["id"] and gone["user_id"] is None
    # The person now finds the remaining profile as theirs; the old id resolves to it.
    assert (await client.get("/me", headers=learner.headers)).json()["id"] == first["id"]
    status = (await client.get(f"/experts/{second['id']}/status", headers=learner.headers)).json()
    assert status == {"id": second["id"], "resolved_id": first["id"], "status": "verified", "verified": True}
    kind, data = (await outbox(db))[-1]
    assert kind == "experts.profile.updated" and data["merged_from"] == second["id"]
    assert data["user_id"] == learner.id


async def test_merging_a_pending_application_into_it_verifies_nothing_new(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User, db: Database
) -> None:
    """Merging into the pending profile: the vetted one's status carries over, and identity is told."""
    first = await create_expert(client, coordinator, email=None, orcid=None)
    second = await apply(client, learner, full_name="Diallo Aïssatou", orcid=None)
    (pair,) = await _open_pairs(client, coordinator)
    merged = await client.post(
        f"/duplicates/{pair['id']}/resolution", json={"action": "merge", "into": second["id"]}, headers=coordinator
    )
    assert merged.status_code == 200
    kept = (await client.get("/me", headers=learner.headers)).json()
    assert kept["id"] == second["id"] and kept["status"] == "verified"
    types = [t for t, _ in await outbox(db)]
    assert types[-2:] == ["experts.profile.archived", "experts.profile.verified"]
    archived, verified = [d for _, d in (await outbox(db))[-2:]]
    assert archived["profile_id"] == first["id"] and archived["merged_into"] == second["id"]
    assert archived["reason"] == "merged"
    assert verified["user_id"] == learner.id
    assert (await client.get(f"/experts/{first['id']}")).status_code == 404
    assert (await act(client, coordinator, first["id"], "archive")).status_code == 409


async def test_only_coordinators_see_and_resolve_duplicates(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User
) -> None:
    await create_expert(client, coordinator, email=None, orcid=None)
    await apply(client, learner, full_name="AISSATOU DIALLO", orcid=None)
    (pair,) = await _open_pairs(client, coordinator)
    for headers, expected in ((None, 401), (learner.headers, 403)):
        assert (await client.get("/duplicates", headers=headers)).status_code == expected
        assert (await client.get(f"/duplicates/{pair['id']}", headers=headers)).status_code == expected
        response = await client.post(
            f"/duplicates/{pair['id']}/resolution", json={"action": "keep_both"}, headers=headers
        )
        assert response.status_code == expected
    assert (await client.get(f"/duplicates/{pair['id']}", headers=coordinator)).json()["status"] == "open"
    assert (await client.get("/duplicates/nope", headers=coordinator)).status_code == 404
    # The applicant never sees the suspicion on their own profile.
    assert (await client.get("/me", headers=learner.headers)).json()["duplicate_candidates"] is None
