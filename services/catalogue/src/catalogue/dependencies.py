"""catalogue's shared request dependencies: settings, the caller's standing, search filters."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import Depends, Query, Request

from catalogue.expert.service import ExpertsLookup
from catalogue.session.repository import SessionFilters
from catalogue.settings import CatalogueSettings
from catalogue.vocabulary import Audience, DeliveryMode, EventKind, SessionKind, SessionStatus
from common.auth import ACCESS_COOKIE
from common.errors import ValidationFailed
from common.i18n import LanguageCode
from common.security import OptionalPrincipal


# `async def` although they do no I/O: FastAPI runs a plain `def` dependency in its thread pool.
async def _settings(request: Request) -> CatalogueSettings:
    return request.app.state.settings


Settings = Annotated[CatalogueSettings, Depends(_settings)]


async def _experts(request: Request) -> ExpertsLookup:
    # experts is asked on the caller's behalf, with the token they called us with (already
    # verified by the endpoint's principal dependency): from the header, else the browser's cookie.
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    token = value.strip() if scheme.lower() == "bearer" else request.cookies.get(ACCESS_COOKIE, "")
    return ExpertsLookup(database=request.app.state.database, client=request.app.state.experts_client, token=token)


#: Checks trainer ids: the event-fed copy of experts' statuses, and experts itself when needed.
Experts = Annotated[ExpertsLookup, Depends(_experts)]


async def _is_staff(principal: OptionalPrincipal) -> bool:
    return principal is not None and principal.is_staff


#: A public endpoint that shows drafts (and staff-only fields) to coordinators and admins.
IsStaff = Annotated[bool, Depends(_is_staff)]


def parse_instant(value: str | None, field: str, *, end_of_day: bool = False) -> datetime | None:
    """A date (`2026-12-01`: the whole day, UTC) or an ISO 8601 date-time (UTC when no offset)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime.combine(day, time.min, tzinfo=UTC)
            return moment + timedelta(days=1) - timedelta(microseconds=1) if end_of_day else moment
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationFailed.on(
            field, "Use a date (2026-12-01) or a date and time (2026-12-01T09:00:00Z).", "invalid_date"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _codes(values: list[str] | None, field: str) -> list[str]:
    codes = [v.strip().upper() for v in values or [] if v.strip()]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise ValidationFailed.on(field, "Use ISO 3166-1 alpha-2 country codes (SN, MA…).")
    return codes


def organisation_ids(values: list[str] | None, field: str) -> list[str]:
    ids = []
    for value in values or []:
        try:
            ids.append(str(uuid.UUID(value.strip())))
        except ValueError:
            raise ValidationFailed.on(field, "Not an organisation id.") from None
    return ids


async def session_filters(
    staff: IsStaff,
    q: Annotated[
        str | None, Query(max_length=200, description="Words to find in titles and summaries (any language)")
    ] = None,
    theme: Annotated[list[str] | None, Query(description="Theme codes (repeat for several)")] = None,
    kind: Annotated[list[SessionKind] | None, Query()] = None,
    event_kind: Annotated[list[EventKind] | None, Query()] = None,
    mode: Annotated[list[DeliveryMode] | None, Query(description="Delivery modes")] = None,
    language: Annotated[list[LanguageCode] | None, Query(description="Teaching languages")] = None,
    country: Annotated[list[str] | None, Query(description="Venue countries, ISO 3166-1 alpha-2")] = None,
    audience: Annotated[list[Audience] | None, Query()] = None,
    programme: Annotated[str | None, Query(max_length=36, description="Sessions of this programme (id)")] = None,
    module: Annotated[str | None, Query(max_length=36)] = None,
    starts_from: Annotated[
        str | None, Query(alias="from", description="Sessions still running on or after this date (or date-time)")
    ] = None,
    starts_to: Annotated[
        str | None, Query(alias="to", description="Sessions starting on or before this date (or date-time)")
    ] = None,
    open: Annotated[bool | None, Query(description="true: one can apply now; false: one cannot")] = None,
    status: Annotated[
        list[SessionStatus] | None, Query(description="Default: every status but draft (staff only)")
    ] = None,
    partner: Annotated[
        list[str] | None,
        Query(description="Sessions of the programmes these partner institutions take part in (organisation ids)"),
    ] = None,
) -> SessionFilters:
    return SessionFilters(
        q=q,
        theme=[t.strip() for t in theme or [] if t.strip()],
        kind=[k.value for k in kind or []],
        event_kind=[k.value for k in event_kind or []],
        mode=[m.value for m in mode or []],
        language=list(language or []),
        country=_codes(country, "country"),
        audience=[a.value for a in audience or []],
        programme=programme,
        module=module,
        starts_from=parse_instant(starts_from, "from"),
        starts_to=parse_instant(starts_to, "to", end_of_day=True),
        open=open,
        status=[s.value for s in status or []],
        staff=staff,
        partner=organisation_ids(partner, "partner"),
    )


SessionQuery = Annotated[SessionFilters, Depends(session_filters)]
