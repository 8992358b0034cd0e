"""Which event tells whom what: from another service's event to a `Draft` (no words yet).

Session cancelled: enrollment answers `catalogue.session.cancelled` by cancelling every running
application and publishing one `enrollment.application.cancelled` per learner, with the reason.
We write from that per-learner event and do not consume `catalogue.session.cancelled` at all:
consuming both would tell each learner twice, and only enrollment knows who applied (including
people on the waiting list or still under review, who hold no place).

Session moved: catalogue's `session.updated` names what changed; dates, time zone or venue changes
are told to the people holding a place (accepted or confirmed) from our `session_place` read model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from common.events import Event
from notifications.message.compose import Draft, language_of
from notifications.timeutil import parse_instant

#: enrollment's event types that produce a message, and the kind of message.
ENROLLMENT_KINDS = {
    "enrollment.application.submitted": "application_received",
    "enrollment.application.accepted": "application_accepted",
    "enrollment.application.waitlisted": "application_waitlisted",
    "enrollment.application.rejected": "application_rejected",
    "enrollment.application.seat_offered": "seat_offered",
    "enrollment.application.expired": "offer_expired",
    "enrollment.application.cancelled": "session_cancelled",
    "enrollment.certificate.issued": "certificate_issued",
}
#: enrollment's event types read only to keep `session_place` right (the learner acted, or there is
#: nothing to tell).
ENROLLMENT_PLACE_ONLY = (
    "enrollment.application.confirmed",
    "enrollment.application.withdrawn",
    "enrollment.application.no_show",
    "enrollment.enrolment.completed",
)
#: The endorser's single-use link: an e-mail to someone without an account (no in-app notice).
ENDORSEMENT_REQUESTED = "enrollment.endorsement.requested"
#: Changes of a session that its participants must hear about.
MOVING_CHANGES = frozenset({"starts_at", "ends_at", "timezone", "venue"})
#: A session in these states moves nobody.
QUIET_SESSION_STATUSES = frozenset({"draft", "cancelled", "completed"})
#: Coordinators' messages are passed on for these decisions only (the learner wrote the others).
WITH_STAFF_MESSAGE = frozenset({"application_accepted", "application_waitlisted", "application_rejected"})


def _segment(value: Any) -> str:
    return quote(str(value), safe="")


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def enrollment_draft(event: Event) -> Draft | None:
    kind = ENROLLMENT_KINDS.get(event.type)
    if kind is None:
        return None
    data = event.data
    if kind == "session_cancelled":
        path = f"/sessions/{_segment(data['session_id'])}" if data.get("session_id") else None
    elif kind == "certificate_issued" and data.get("certificate_code"):
        path = f"/verify/{_segment(data['certificate_code'])}"
    else:
        path = f"/applications/{_segment(data['application_id'])}" if data.get("application_id") else None
    return Draft(
        kind=kind,
        path=path,
        session_title=data.get("session_title") or data.get("programme_title"),
        starts_at=parse_instant(data.get("starts_at")),
        ends_at=parse_instant(data.get("ends_at")),
        deadline=(
            parse_instant(data.get("offer_expires_at")) if kind in ("application_accepted", "seat_offered") else None
        ),
        message=_text(data.get("message")) if kind in WITH_STAFF_MESSAGE else None,
        reason=(_text(data.get("cancellation_reason")) or _text(data.get("message")))
        if kind == "session_cancelled"
        else None,
        position=_int(data.get("waitlist_position")),
        code=_text(data.get("certificate_code")),
    )


@dataclass(frozen=True)
class ExternalMessage:
    """A message to an address rather than to an account."""

    address: str
    name: str | None
    language: str
    draft: Draft


def endorsement_request(event: Event) -> ExternalMessage | None:
    """The endorser's message: the link enrollment signed (its path, under our public URL like every
    link we send), in the learner's language (the endorser's own is unknown; the learner chose them)."""
    data = event.data
    address, link = _text(data.get("endorser_email")), _text(data.get("link"))
    if not address or not link or "@" not in address:
        return None
    parts = urlsplit(link)
    if not parts.path.startswith("/"):
        return None
    draft = Draft(
        kind="endorsement_requested",
        path=parts.path + (f"?{parts.query}" if parts.query else ""),
        session_title=data.get("session_title") or data.get("programme_title"),
        starts_at=parse_instant(data.get("starts_at")),
        ends_at=parse_instant(data.get("ends_at")),
        applicant=_text(data.get("full_name")),
        days=_int(data.get("link_expires_in_days")),
    )
    return ExternalMessage(
        address=address,
        name=_text(data.get("endorser_name")),
        language=language_of(data.get("language"), data.get("session_language")),
        draft=draft,
    )


def moves_people(event: Event) -> bool:
    """A `catalogue.session.updated` whose dates or venue changed, on a session that still runs."""
    data = event.data
    if event.type != "catalogue.session.updated" or data.get("status") in QUIET_SESSION_STATUSES:
        return False
    return bool(MOVING_CHANGES.intersection(data.get("changed") or ()))


def session_moved_draft(event: Event) -> Draft:
    data = event.data
    venue = data.get("venue") if isinstance(data.get("venue"), dict) else None
    return Draft(
        kind="session_moved",
        path=f"/sessions/{_segment(data['session_id'])}",
        session_title=data.get("title") or data.get("programme_title"),
        starts_at=parse_instant(data.get("starts_at")),
        ends_at=parse_instant(data.get("ends_at")),
        timezone=_text(data.get("timezone")),
        venue=venue,
    )


def expert_verified_draft(event: Event) -> Draft:
    data = event.data
    profile_id = data.get("profile_id")
    return Draft(
        kind="expert_verified",
        path=f"/experts/{_segment(profile_id)}" if profile_id else None,
        listed=bool(data.get("listed")),
    )
