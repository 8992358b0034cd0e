"""From events to messages: one event gives one message per person, in that person's language, by
e-mail (an .eml file here) and in the in-app list; a redelivered event gives nothing more."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from common.db import Database
from common.events import EventConsumer
from notifications.consumers import (
    CATALOGUE_DURABLE,
    CATALOGUE_SUBJECTS,
    ENDORSEMENTS_DURABLE,
    ENROLLMENT_DURABLE,
    ENROLLMENT_SUBJECTS,
    EXPERTS_DURABLE,
    RECIPIENTS_DURABLE,
    RecipientNotKnownYet,
    enrollment_handler,
)
from notifications.delivery.sender import Sender
from notifications.models import ProcessedEvent, Recipient, SessionPlace
from notifications.settings import NotificationsSettings

from .conftest import (
    PUBLIC_URL,
    Person,
    application_event,
    eml_files,
    expert_verified_event,
    html_of,
    read_eml,
    session_updated_event,
    stored,
    text_of,
    user_event,
)


async def _inbox(client: httpx.AsyncClient, someone: Person) -> dict[str, Any]:
    response = await client.get("/notifications", headers=someone.headers)
    assert response.status_code == 200, response.text
    return response.json()


def _plain(text: str) -> str:
    return text.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")


async def test_one_event_one_message_in_french(
    consumers: dict[str, EventConsumer], sender: Sender, client: httpx.AsyncClient, person: Any, mail_dir: Path
) -> None:
    awa = person("Awa Diop", "fr")
    assert await consumers[RECIPIENTS_DURABLE].apply(user_event(awa))
    event = application_event("accepted", awa, application_id="app-1")
    assert await consumers[ENROLLMENT_DURABLE].apply(event)

    report = await sender.send_due()
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["Subject"] == "Candidature acceptée : Collège ALGA : Finances locales"
    assert message["To"] == f"Awa Diop <{awa.email}>"
    assert message["From"] == "ALGA Campus <no-reply@example.org>"
    assert message["Content-Language"] == "fr"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@example.org>")
    text = _plain(text_of(message))
    assert text.startswith("Bonjour Awa Diop,\n")
    assert (
        "votre candidature à la session « Collège ALGA : Finances locales » (1\u20135 févr. 2027) est acceptée" in text
    )
    assert "avant le 10 janvier 2027, 09:00 UTC" in text
    assert f"Confirmer ma place : {PUBLIC_URL}/applications/app-1" in text
    assert f'href="{PUBLIC_URL}/applications/app-1"' in html_of(message)

    inbox = await _inbox(client, awa)
    assert inbox["total"] == 1 and inbox["unread"] == 1
    (item,) = inbox["items"]
    assert item["kind"] == "application_accepted" and item["language"] == "fr"
    assert item["subject"] == message["Subject"]
    assert item["url"] == f"{PUBLIC_URL}/applications/app-1" and item["path"] == "/applications/app-1"
    assert item["read"] is False and item["read_at"] is None
    assert "Bonjour" not in item["body"] and "est acceptée" in item["body"]


async def test_one_event_one_message_in_english(
    consumers: dict[str, EventConsumer], sender: Sender, client: httpx.AsyncClient, person: Any, mail_dir: Path
) -> None:
    kwame = person("Kwame Mensah", "en")
    await consumers[RECIPIENTS_DURABLE].apply(user_event(kwame))
    await consumers[ENROLLMENT_DURABLE].apply(application_event("waitlisted", kwame, waitlist_position=2))
    await sender.send_due()

    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["Subject"] == "Waiting list: ALGA College: Local finance"
    assert message["Content-Language"] == "en"
    text = _plain(text_of(message))
    assert text.startswith("Hello Kwame Mensah,\n")
    assert (
        "“ALGA College: Local finance” (Feb 1 \u2013 5, 2027) is on the waiting list. You are number 2 in line." in text
    )
    (item,) = (await _inbox(client, kwame))["items"]
    assert item["subject"] == "Waiting list: ALGA College: Local finance" and item["language"] == "en"


async def test_the_same_event_twice_gives_one_message(
    consumers: dict[str, EventConsumer], sender: Sender, client: httpx.AsyncClient, person: Any, mail_dir: Path
) -> None:
    awa = person()
    event = application_event("submitted", awa)
    assert await consumers[ENROLLMENT_DURABLE].apply(event) is True
    await sender.send_due()
    assert await consumers[ENROLLMENT_DURABLE].apply(event) is False  # redelivered: dedup by event id
    assert (await sender.send_due()).tried == 0

    assert len(eml_files(mail_dir)) == 1
    assert (await _inbox(client, awa))["total"] == 1


async def test_the_unique_constraint_holds_even_without_the_dedup(
    db: Database, settings: NotificationsSettings, sender: Sender, person: Any, mail_dir: Path
) -> None:
    """The handler itself run twice for one event (as if processed_event had been lost): the rows
    are (event_id, user_id, channel)-unique, so nothing is added and nothing fails."""
    awa = person()
    event = application_event("rejected", awa, message="Le dossier était incomplet.")
    handle = enrollment_handler(settings)
    for _ in range(2):
        async with db.session() as session:
            await handle(session, event)
            await session.commit()
    rows = await stored(db, event_id=event.id)
    assert sorted(r.channel for r in rows) == ["email", "in_app"]
    await sender.send_due()
    await sender.send_due()
    (path,) = eml_files(mail_dir)
    assert "Message de l'équipe de l'académie : « Le dossier était incomplet. »" in text_of(read_eml(path))


async def test_the_learner_copy_in_enrollment_events_is_enough(
    consumers: dict[str, EventConsumer], db: Database, sender: Sender, person: Any, mail_dir: Path
) -> None:
    """Accounts identity created without a registration event (the demo ones) are still reached,
    with the e-mail, name and language enrollment's event carries."""
    kwame = person("Kwame Mensah", "en")
    await consumers[ENROLLMENT_DURABLE].apply(application_event("submitted", kwame))
    await sender.send_due()
    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["To"] == f"Kwame Mensah <{kwame.email}>"
    assert message["Subject"] == "Application received: ALGA College: Local finance"
    async with db.session() as session:
        recipient = await session.get(Recipient, kwame.id)
        assert recipient is not None and recipient.source == "enrollment"


async def test_identity_wins_over_enrollment_and_newer_over_older(
    consumers: dict[str, EventConsumer], db: Database, person: Any
) -> None:
    awa = person("Awa Diop", "fr")
    recipients = consumers[RECIPIENTS_DURABLE]
    await recipients.apply(user_event(awa, time="2026-11-29T10:00:00+00:00"))
    # She switches to English; an older copy of her profile (enrollment's, or a late event) changes nothing.
    await recipients.apply(user_event(awa, "updated", preferred_language="en", time="2026-11-29T12:00:00+00:00"))
    await recipients.apply(user_event(awa, "updated", preferred_language="fr", time="2026-11-29T11:00:00+00:00"))
    late_copy = application_event("submitted", awa, language="fr", email="old@example.org", time="2026-11-30T09:00:00Z")
    await consumers[ENROLLMENT_DURABLE].apply(late_copy)
    async with db.session() as session:
        recipient = await session.get(Recipient, awa.id)
        assert recipient is not None
        assert (recipient.source, recipient.preferred_language, recipient.email) == ("identity", "en", awa.email)
    (in_app, email) = sorted(await stored(db, event_id=late_copy.id), key=lambda r: r.channel, reverse=True)
    assert in_app.language == email.language == "en"
    assert email.to_address == awa.email


async def test_session_moved_reaches_the_people_holding_a_place(
    consumers: dict[str, EventConsumer], db: Database, sender: Sender, person: Any, mail_dir: Path
) -> None:
    seated, confirmed, withdrawn, waiting = person("Awa Diop"), person("Kwame Mensah", "en"), person(), person()
    enrollment = consumers[ENROLLMENT_DURABLE]
    await enrollment.apply(application_event("accepted", seated, time="2026-11-29T10:00:00Z"))
    app_id = "app-confirmed"
    await enrollment.apply(application_event("accepted", confirmed, application_id=app_id, time="2026-11-29T10:00:00Z"))
    await enrollment.apply(
        application_event("confirmed", confirmed, application_id=app_id, time="2026-11-29T11:00:00Z")
    )
    gone = "app-withdrawn"
    await enrollment.apply(application_event("accepted", withdrawn, application_id=gone, time="2026-11-29T10:00:00Z"))
    await enrollment.apply(application_event("withdrawn", withdrawn, application_id=gone, time="2026-11-29T11:00:00Z"))
    # A redelivered, older `accepted` does not bring the withdrawn place back.
    await enrollment.apply(application_event("accepted", withdrawn, application_id=gone, time="2026-11-29T10:30:00Z"))
    await enrollment.apply(application_event("waitlisted", waiting))
    await enrollment.apply(application_event("accepted", person(), session_id="another-session"))

    moved = session_updated_event(changed=["starts_at", "ends_at", "venue"])
    assert await consumers[CATALOGUE_DURABLE].apply(moved)
    rows = await stored(db, event_id=moved.id, channel="email")
    assert sorted(r.user_id for r in rows) == sorted([seated.id, confirmed.id])
    by_user = {r.user_id: r for r in rows}
    assert by_user[seated.id].subject == "Nouvelles dates ou nouveau lieu : Collège ALGA : Finances locales"
    assert "Dates : 8\u201312 mars 2027\nLieu : Dakar, Sénégal" in _plain(by_user[seated.id].body_text)
    assert "Dates: Mar 8 \u2013 12, 2027\nVenue: Dakar, Senegal" in _plain(by_user[confirmed.id].body_text)
    assert by_user[confirmed.id].path == "/sessions/s-finances"

    # The same catalogue event again, and changes that move nobody: nothing more.
    assert await consumers[CATALOGUE_DURABLE].apply(moved) is False
    assert await consumers[CATALOGUE_DURABLE].apply(session_updated_event(changed=["capacity", "audiences"]))
    assert await consumers[CATALOGUE_DURABLE].apply(session_updated_event(changed=["starts_at"], status="cancelled"))
    assert len(await stored(db, event_type="catalogue.session.updated")) == 4  # 2 people x 2 channels
    async with db.session() as session:
        places = (await session.execute(select(func.count()).select_from(SessionPlace))).scalar_one()
        assert places == 5


async def test_session_cancelled_comes_from_enrollment_once_per_learner(
    consumers: dict[str, EventConsumer], sender: Sender, person: Any, mail_dir: Path
) -> None:
    kwame = person("Kwame Mensah", "en")
    reason = "Not enough participants."
    await consumers[ENROLLMENT_DURABLE].apply(
        application_event("cancelled", kwame, message=reason, cancellation_reason=reason)
    )
    await sender.send_due()
    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["Subject"] == "Session cancelled: ALGA College: Local finance"
    assert "Reason: Not enough participants." in text_of(message)
    assert f"View the session: {PUBLIC_URL}/sessions/s-finances" in text_of(message)
    # catalogue's own cancellation is not listened to: enrollment's per-learner event is the message.
    assert all("cancelled" not in s for s in CATALOGUE_SUBJECTS)
    assert "alga.enrollment.application.cancelled" in ENROLLMENT_SUBJECTS


async def test_seat_offered_certificate_and_expiry(
    consumers: dict[str, EventConsumer], db: Database, person: Any
) -> None:
    awa = person()
    enrollment = consumers[ENROLLMENT_DURABLE]
    offered = application_event("seat_offered", awa, offer_expires_at="2027-01-20T12:00:00+00:00")
    expired = application_event("expired", awa)
    issued = application_event("issued", awa, entity="certificate", certificate_code="K7QF-9XWM")
    for event in (offered, expired, issued):
        await enrollment.apply(event)
    (offer,) = await stored(db, event_id=offered.id, channel="in_app")
    assert offer.kind == "seat_offered" and "20 janvier 2027, 12:00 UTC" in _plain(offer.body_text)
    (gone,) = await stored(db, event_id=expired.id, channel="in_app")
    assert gone.kind == "offer_expired"
    (certificate,) = await stored(db, event_id=issued.id, channel="email")
    assert certificate.kind == "certificate_issued" and certificate.path == "/verify/K7QF-9XWM"
    assert "Code de vérification : K7QF-9XWM." in certificate.body_text
    assert f"Vérifier le certificat : {PUBLIC_URL}/verify/K7QF-9XWM" in certificate.body_text


async def test_events_that_tell_nobody(consumers: dict[str, EventConsumer], db: Database, person: Any) -> None:
    awa = person()
    enrollment = consumers[ENROLLMENT_DURABLE]
    await enrollment.apply(application_event("confirmed", awa))  # she did it herself
    await enrollment.apply(application_event("submitted", awa, user_id=None))
    await consumers[EXPERTS_DURABLE].apply(expert_verified_event(None))  # a profile without an account
    assert await stored(db) == []
    async with db.session() as session:
        processed = (await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one()
        assert processed == 3


async def test_expert_verified(
    consumers: dict[str, EventConsumer], sender: Sender, client: httpx.AsyncClient, person: Any, mail_dir: Path
) -> None:
    kwame = person("Kwame Mensah", "en")
    await consumers[RECIPIENTS_DURABLE].apply(user_event(kwame))
    event = expert_verified_event(kwame.id)
    await consumers[EXPERTS_DURABLE].apply(event)
    await sender.send_due()
    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["Subject"] == "Your expert profile is verified"
    assert message["To"] == f"Kwame Mensah <{kwame.email}>"
    assert "Your profile now appears in the public directory of experts." in text_of(message)
    (item,) = (await _inbox(client, kwame))["items"]
    assert item["kind"] == "expert_verified"
    assert item["url"] == f"{PUBLIC_URL}/experts/{event.data['profile_id']}"


async def test_an_expert_unknown_to_us_waits_for_an_address(
    consumers: dict[str, EventConsumer], db: Database, sender: Sender, person: Any, mail_dir: Path
) -> None:
    """experts' events carry no e-mail: when identity's event has not arrived yet, the in-app notice
    is there at once (in French), and the e-mail leaves once the address is known."""
    kwame = person("Kwame Mensah", "en")
    event = expert_verified_event(kwame.id)
    await consumers[EXPERTS_DURABLE].apply(event)
    report = await sender.send_due()
    assert (report.sent, report.retrying) == (0, 1)
    (email,) = await stored(db, event_id=event.id, channel="email")
    assert email.status == "pending" and email.to_address is None
    assert email.last_error == "no e-mail address is known for this person yet"
    assert eml_files(mail_dir) == []

    await consumers[RECIPIENTS_DURABLE].apply(user_event(kwame))
    assert (await sender.send_due(now=email.next_attempt_at)).sent == 1
    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["To"] == f"Kwame Mensah <{kwame.email}>"
    assert message["Subject"] == "Votre profil d'expert est vérifié"  # the language was unknown when it was written


async def test_a_fresh_expert_event_waits_for_identity_before_writing_in_a_default_language(
    consumers: dict[str, EventConsumer], db: Database, person: Any
) -> None:
    """identity's `registered` may arrive after experts' `verified` (separate consumers): a recent
    event for a person we do not know yet is put back for redelivery rather than written in French."""
    kwame = person("Kwame Mensah", "en")
    fresh = expert_verified_event(kwame.id)
    fresh = dataclasses.replace(fresh, time=datetime.now(UTC).isoformat())
    with pytest.raises(RecipientNotKnownYet):
        await consumers[EXPERTS_DURABLE].apply(fresh)
    assert await stored(db) == []
    await consumers[RECIPIENTS_DURABLE].apply(user_event(kwame))
    assert await consumers[EXPERTS_DURABLE].apply(fresh) is True
    (item,) = await stored(db, event_id=fresh.id, channel="in_app")
    assert item.language == "en"


async def test_the_endorser_gets_the_single_use_link_by_e_mail_only(
    consumers: dict[str, EventConsumer],
    db: Database,
    sender: Sender,
    client: httpx.AsyncClient,
    person: Any,
    mail_dir: Path,
) -> None:
    """The endorser has no account: one e-mail to the address the learner gave, in the learner's
    language, with the link under our public URL; nothing in anyone's in-app list; once."""
    kwame = person("Kwame Mensah", "en")
    token = "eyJlIjoiZTEiLCJuIjoibjEifQ.Z3x9Qw.c2lnbmF0dXJl"
    event = application_event(
        "submitted",
        kwame,
        entity="endorsement",
        endorser_name="Awa Ndiaye",
        endorser_email="SG@ville-de-thies.sn",
        endorser_organisation="Ville de Thiès",
        link=f"http://127.0.0.1:8000/endorse/{token}",
        token=token,
        link_expires_in_days=30,
    )
    event = dataclasses.replace(event, type="enrollment.endorsement.requested")
    assert await consumers[ENDORSEMENTS_DURABLE].apply(event) is True
    assert await consumers[ENDORSEMENTS_DURABLE].apply(event) is False

    report = await sender.send_due()
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    (path,) = eml_files(mail_dir)
    message = read_eml(path)
    assert message["To"] == "Awa Ndiaye <SG@ville-de-thies.sn>"
    assert message["Subject"] == "Endorsement request: Kwame Mensah's application"
    assert message["Content-Language"] == "en"
    text = _plain(text_of(message))
    assert text.startswith("Hello Awa Ndiaye,\n")
    assert (
        "Kwame Mensah has named you to endorse their application to the session “ALGA College: Local finance”" in text
    )
    assert "It works once and stays valid for 30 days." in text
    assert f"Answer the request: {PUBLIC_URL}/endorse/{token}" in text
    assert f'href="{PUBLIC_URL}/endorse/{token}"' in html_of(message)

    rows = await stored(db, event_id=event.id)
    assert [r.channel for r in rows] == ["email"] and rows[0].kind == "endorsement_requested"
    assert (await _inbox(client, kwame))["total"] == 0


async def test_an_endorsement_request_without_an_address_tells_nobody(
    consumers: dict[str, EventConsumer], db: Database, person: Any
) -> None:
    event = dataclasses.replace(
        application_event("submitted", person(), entity="endorsement", link="https://x.example.org/endorse/t"),
        type="enrollment.endorsement.requested",
    )
    assert await consumers[ENDORSEMENTS_DURABLE].apply(event) is True
    assert await stored(db, event_id=event.id) == []


async def test_an_endorsement_request_whose_link_has_expired_is_not_sent(
    consumers: dict[str, EventConsumer], db: Database, person: Any
) -> None:
    """A consumer added to a running system reads the stream from its start: old requests, whose
    links are dead by now, must not reach endorsers."""
    event = dataclasses.replace(
        application_event(
            "submitted",
            person(),
            entity="endorsement",
            endorser_email="sg@ville.example.org",
            link="http://127.0.0.1:8000/endorse/old",
            link_expires_in_days=30,
        ),
        type="enrollment.endorsement.requested",
        time=(datetime.now(UTC) - timedelta(days=31)).isoformat(),
    )
    assert await consumers[ENDORSEMENTS_DURABLE].apply(event) is True
    assert await stored(db, event_id=event.id) == []
