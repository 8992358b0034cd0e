"""Nomination: the endorser confirms through a single-use signed link and sees only that application."""

from __future__ import annotations

import httpx

from common.db import Database
from common.testing import TokenFactory

from .conftest import Person, act, apply, configure, outbox, publish_session

ENDORSER = {"name": "Moussa Diallo", "email": "SG@ville-de-thies.sn", "organisation": "Ville de Thiès", "role": "Maire"}


async def _link_token(db: Database, application_id: str) -> str:
    requests = [
        e for e in await outbox(db, "enrollment.endorsement.requested") if e["application_id"] == application_id
    ]
    assert requests, "no endorsement request was sent"
    assert requests[-1]["link"].startswith("https://campus.example.org/endorse/")
    return str(requests[-1]["token"])


async def test_endorsement_flow(
    client: httpx.AsyncClient, db: Database, learner: Person, coordinator: Person, token_factory: TokenFactory
) -> None:
    session = await publish_session(db)
    sid = session["session_id"]
    await configure(client, coordinator, sid, requires_endorsement=True)
    missing = await client.post("/applications", json={"session_id": sid, "motivation": "m"}, headers=learner.headers)
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "endorser"

    app = await apply(client, learner, sid, endorser=ENDORSER)
    assert app["status"] == "submitted" and app["endorsement"]["status"] == "pending"
    assert app["endorsement"]["endorser_email"] == "sg@ville-de-thies.sn"
    assert "token" not in str(app) and "/endorse/" not in str(app)  # the learner never sees the link
    (requested,) = await outbox(db, "enrollment.endorsement.requested")
    assert requested["endorser_email"] == "sg@ville-de-thies.sn" and requested["session_title"]["fr"]
    # Undecided applications wait for the endorsement.
    waiting = await act(client, coordinator, app["id"], "accept", expect=409)
    assert waiting["type"].endswith("awaiting-endorsement")

    token = await _link_token(db, app["id"])
    shown = await client.get(f"/endorsements/{token}")
    assert shown.status_code == 200
    assert shown.json()["applicant_name"] == "Aïssatou Bâ" and shown.json()["session_title"]
    assert set(shown.json()) == {
        "endorser_name",
        "status",
        "applicant_name",
        "applicant_position",
        "applicant_organisation",
        "session_title",
        "programme_title",
        "session_starts_at",
        "motivation",
    }
    done = await client.post(f"/endorsements/{token}", json={"decision": "endorse", "comment": "Soutien total"})
    assert done.status_code == 200 and done.json()["status"] == "endorsed"
    again = await client.post(f"/endorsements/{token}", json={"decision": "endorse"})
    assert again.status_code == 410  # single use
    assert (await client.get(f"/endorsements/{token}")).status_code == 410

    seen = (await client.get(f"/applications/{app['id']}", headers=coordinator.headers)).json()
    assert seen["status"] == "endorsed"
    assert seen["endorsement"]["status"] == "endorsed" and seen["endorsement"]["comment"] == "Soutien total"
    assert seen["timeline"][-1]["by_role"] == "endorser"
    accepted = await act(client, coordinator, app["id"], "accept")
    assert accepted["status"] == "accepted"


async def test_forged_replaced_and_foreign_links(
    client: httpx.AsyncClient, db: Database, learner: Person, other_learner: Person, coordinator: Person
) -> None:
    session = await publish_session(db)
    sid = session["session_id"]
    await configure(client, coordinator, sid, requires_endorsement=True, admission_mode="automatic")
    mine = await apply(client, learner, sid, endorser=ENDORSER)
    theirs = await apply(client, other_learner, sid, endorser={"name": "Autre Maire", "email": "maire@autre.cm"})
    token = await _link_token(db, mine["id"])
    assert (await client.get(f"/endorsements/{token[:-3]}abc")).status_code == 404
    assert (await client.get("/endorsements/not-a-token")).status_code == 404
    # The endorser's link opens their application only; the API's application paths stay closed to them.
    assert (await client.get(f"/endorsements/{token}")).json()["applicant_name"] == "Aïssatou Bâ"
    assert (await client.get(f"/applications/{theirs['id']}")).status_code == 401

    # Naming another endorser replaces the link: the old one is gone.
    renamed = await client.put(
        f"/applications/{mine['id']}/endorser",
        json={"name": "Awa Ndiaye", "email": "awa@uclga.org"},
        headers=learner.headers,
    )
    assert renamed.status_code == 200 and renamed.json()["endorsement"]["endorser_email"] == "awa@uclga.org"
    assert (await client.get(f"/endorsements/{token}")).status_code == 410
    fresh = await _link_token(db, mine["id"])
    # Another learner cannot rename my endorser.
    foreign = await client.put(
        f"/applications/{mine['id']}/endorser", json={"name": "X Y", "email": "x@y.org"}, headers=other_learner.headers
    )
    assert foreign.status_code == 404
    endorsed = await client.post(f"/endorsements/{fresh}", json={"decision": "endorse"})
    assert endorsed.status_code == 200
    # Automatic admission runs once the endorsement is in.
    assert (await client.get(f"/applications/{mine['id']}", headers=learner.headers)).json()["status"] == "accepted"


async def test_a_declined_endorsement_keeps_the_application_waiting(
    client: httpx.AsyncClient, db: Database, learner: Person, coordinator: Person
) -> None:
    session = await publish_session(db)
    await configure(client, coordinator, session["session_id"], requires_endorsement=True)
    app = await apply(client, learner, session["session_id"], endorser=ENDORSER)
    token = await _link_token(db, app["id"])
    declined = await client.post(f"/endorsements/{token}", json={"decision": "decline", "comment": "Pas cette année"})
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    seen = (await client.get(f"/applications/{app['id']}", headers=coordinator.headers)).json()
    assert seen["status"] == "submitted" and seen["endorsement"]["status"] == "declined"
    assert seen["timeline"][-1]["action"] == "endorsement_declined"
    await act(client, coordinator, app["id"], "reject", message="Sans soutien de l'employeur")
