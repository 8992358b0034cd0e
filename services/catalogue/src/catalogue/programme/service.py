"""Programmes: the Executive Master, the Colleges, event series; their lifecycle and events."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from catalogue import events
from catalogue.module import service as modules
from catalogue.module.models import Module
from catalogue.programme import partners
from catalogue.programme.models import Programme, ProgrammeAudience
from catalogue.programme.schemas import ProgrammeAction, ProgrammeCreate, ProgrammeUpdate
from catalogue.schemas import variants
from catalogue.session import service as sessions
from catalogue.session.models import CourseSession
from catalogue.theme.models import Theme
from catalogue.timeutil import utcnow
from catalogue.vocabulary import LABELS, ProgrammeKind, ProgrammeStatus
from common.errors import Conflict, NotFound, ValidationFailed, field_error
from common.text import fold, search_document

P = ProgrammeStatus
EDITABLE_STATUSES = frozenset({P.draft, P.published})
TRANSITIONS: dict[str, tuple[frozenset[ProgrammeStatus], ProgrammeStatus]] = {
    "publish": (frozenset({P.draft, P.archived}), P.published),
    "archive": (frozenset({P.published}), P.archived),
}
TRANSLATABLE = ("title", "summary", "description", "objectives", "prerequisites", "duration", "fees", "scholarships")
#: Changes that alter what the programme's sessions show or are found by.
SESSION_FIELDS = frozenset({"kind", "theme", "title", "audiences", "partner_ids"})


def allowed_actions(programme: Programme) -> list[str]:
    return [action for action, (sources, _) in TRANSITIONS.items() if programme.status in sources]


async def get(session: AsyncSession, programme_id: str, *, staff: bool) -> Programme:
    """Drafts exist only for staff: anyone else gets the same 404 as for an unknown id."""
    programme = await session.get(Programme, programme_id)
    if programme is None or (programme.status == P.draft and not staff):
        raise NotFound("No programme with this id.")
    return programme


async def get_by_id_or_code(session: AsyncSession, key: str, *, staff: bool) -> Programme:
    """By id, or by code (`executive-master-city-management`) for readable links."""
    programme = await session.get(Programme, key)
    if programme is None:
        programme = (
            await session.execute(select(Programme).where(col(Programme.code) == key.lower()))
        ).scalar_one_or_none()
    if programme is None or (programme.status == P.draft and not staff):
        raise NotFound("No programme with this id or code.")
    return programme


async def audiences_of(session: AsyncSession, programme_ids: Iterable[str]) -> dict[str, list[str]]:
    ids = list(programme_ids)
    found: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        rows = await session.execute(
            select(col(ProgrammeAudience.programme_id), col(ProgrammeAudience.audience))
            .where(col(ProgrammeAudience.programme_id).in_(ids))
            .order_by(col(ProgrammeAudience.audience))
        )
        for programme_id, audience in rows.all():
            found[programme_id].append(audience)
    return found


async def module_totals(session: AsyncSession, programme_ids: Iterable[str]) -> dict[str, tuple[int, int | None]]:
    """(module count, total hours or None) per programme."""
    ids = list(programme_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(col(Module.programme_id), func.count(), func.sum(col(Module.hours)))
        .where(col(Module.programme_id).in_(ids))
        .group_by(col(Module.programme_id))
    )
    return {pid: (int(n), None if hours is None else int(hours)) for pid, n, hours in rows.all()}


async def _search_text(session: AsyncSession, programme: Programme) -> str:
    theme = await session.get(Theme, programme.theme_code) if programme.theme_code else None
    return search_document(
        programme.code.replace("-", " "),
        programme.title,
        programme.summary,
        programme.description,
        programme.objectives,
        programme.partner_institutions,
        theme.title if theme else None,
        LABELS.get(programme.kind),
    )


def event_data(
    programme: Programme, audiences: Sequence[str], module_list: Sequence[Module], partner_ids: Sequence[str] = ()
) -> dict[str, Any]:
    return {
        "programme_id": programme.id,
        "code": programme.code,
        "kind": programme.kind,
        "theme": programme.theme_code,
        "status": programme.status,
        "title": programme.title,
        "summary": programme.summary,
        "audiences": sorted(audiences),
        "partner_institutions": list(programme.partner_institutions or []),
        "partner_ids": sorted(partner_ids),
        "fee_amount": programme.fee_amount,
        "fee_currency": programme.fee_currency,
        "modules": [
            {
                "module_id": m.id,
                "position": m.position,
                "title": m.title,
                "hours": m.hours,
                "delivery_mode": m.delivery_mode,
            }
            for m in module_list
        ],
    }


async def snapshot(session: AsyncSession, programme: Programme) -> dict[str, Any]:
    audiences = (await audiences_of(session, [programme.id]))[programme.id]
    return event_data(
        programme,
        audiences,
        await modules.of_programme(session, programme.id),
        await partners.of_programme(session, programme.id),
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [key for key in after if before.get(key) != after[key]]


async def _set_audiences(session: AsyncSession, programme_id: str, audiences: Sequence[str]) -> None:
    await session.execute(delete(ProgrammeAudience).where(col(ProgrammeAudience.programme_id) == programme_id))
    session.add_all(ProgrammeAudience(programme_id=programme_id, audience=a) for a in dict.fromkeys(audiences))


async def _theme_errors(session: AsyncSession, kind: str, theme_code: str | None) -> list[dict[str, str]]:
    if theme_code is None:
        if kind == ProgrammeKind.college:
            return [field_error("theme", "A College is about one theme: give its code (GET /themes).", "missing")]
        return []
    if await session.get(Theme, theme_code) is None:
        return [field_error("theme", f"Unknown theme {theme_code!r}: see GET /themes.", "unknown_theme")]
    return []


def _currency_errors(amount: int | None, currency: str | None) -> list[dict[str, str]]:
    if amount is not None and currency is None:
        return [field_error("fee_currency", "Give the currency of the fee (ISO 4217).", "missing")]
    return []


async def _free_code(session: AsyncSession, wanted: str) -> str:
    code, n = wanted, 1
    while (await session.execute(select(col(Programme.id)).where(col(Programme.code) == code))).first():
        n += 1
        code = f"{wanted[:74]}-{n}"
    return code


def _slug(title: dict[str, Any]) -> str:
    text = fold(title.get("fr") or title.get("en") or next(iter(title.values()), "programme"))
    return ("-".join(text.split())[:70].strip("-") or "programme").lower()


async def create(session: AsyncSession, *, data: ProgrammeCreate, by: str) -> Programme:
    """A new draft programme (not public yet, so no event)."""
    errors = await _theme_errors(session, data.kind.value, data.theme)
    errors += _currency_errors(data.fee_amount, data.fee_currency)
    if errors:
        raise ValidationFailed(_detail(errors), errors=errors)
    if data.code is not None:
        if (await session.execute(select(col(Programme.id)).where(col(Programme.code) == data.code))).first():
            raise Conflict(
                "Another programme already has this code.",
                errors=[field_error("code", "Another programme already has this code.", "taken")],
            )
        code = data.code
    else:
        code = await _free_code(session, _slug(variants(data.title)))
    programme = Programme(
        code=code,
        kind=data.kind.value,
        theme_code=data.theme,
        status=P.draft,
        fee_amount=data.fee_amount,
        fee_currency=data.fee_currency,
        partner_institutions=list(data.partner_institutions),
        created_by=by,
        updated_by=by,
        title=variants(data.title),
    )
    for name in TRANSLATABLE:
        setattr(programme, name, variants(getattr(data, name)))
    programme.search_text = await _search_text(session, programme)
    session.add(programme)
    await session.flush()
    await _set_audiences(session, programme.id, [a.value for a in data.audiences])
    await partners.set_partners(session, programme.id, data.partner_ids)
    await session.flush()
    return programme


def _detail(errors: list[dict[str, str]]) -> str:
    return "Some fields are not valid: " + ", ".join(dict.fromkeys(e["field"] for e in errors))


async def update(session: AsyncSession, *, programme: Programme, data: ProgrammeUpdate, by: str) -> Programme:
    """Apply the fields sent: one `updated` event when the programme is public."""
    if programme.status not in EDITABLE_STATUSES:
        raise Conflict(f"An {programme.status} programme cannot be changed: publish it again first.")
    fields = set(data.model_fields_set)
    if not fields:
        return programme
    errors: list[dict[str, str]] = []
    for name in ("kind", "title"):
        if name in fields and getattr(data, name) is None:
            errors.append(field_error(name, "This field cannot be empty.", "missing"))
    kind = data.kind.value if "kind" in fields and data.kind else programme.kind
    theme = data.theme if "theme" in fields else programme.theme_code
    if "kind" in fields or "theme" in fields:
        errors += await _theme_errors(session, kind, theme)
    amount = data.fee_amount if "fee_amount" in fields else programme.fee_amount
    currency = data.fee_currency if "fee_currency" in fields else programme.fee_currency
    errors += _currency_errors(amount, currency)
    if errors:
        raise ValidationFailed(_detail(errors), errors=errors)

    before = await snapshot(session, programme)
    previous = SimpleNamespace(code=programme.code, title=dict(programme.title), partner_ids=before["partner_ids"])
    programme.kind = kind
    programme.theme_code = theme
    programme.fee_amount = amount
    programme.fee_currency = currency
    for name in TRANSLATABLE:
        if name in fields:
            setattr(programme, name, variants(getattr(data, name)))
    if "partner_institutions" in fields:
        programme.partner_institutions = list(data.partner_institutions or [])
    if "audiences" in fields:
        await _set_audiences(session, programme.id, [a.value for a in data.audiences or []])
    if "partner_ids" in fields:
        await partners.set_partners(session, programme.id, data.partner_ids or [])
    programme.search_text = await _search_text(session, programme)
    await session.flush()
    after = await snapshot(session, programme)
    changed = changed_fields(before, after)
    if changed:
        programme.updated_at = utcnow()
        programme.updated_by = by
        if programme.status == P.published:
            events.record(session, events.PROGRAMME_UPDATED, {**after, "changed": changed})
        if SESSION_FIELDS.intersection(changed):
            await sessions.follow_programme(session, programme=programme, previous=previous, by=by)
    await session.flush()
    return programme


async def modules_changed(session: AsyncSession, *, programme: Programme, by: str) -> None:
    """After a module was added, changed or removed: the programme is public → one `updated` event."""
    programme.updated_at = utcnow()
    programme.updated_by = by
    if programme.status == P.published:
        events.record(session, events.PROGRAMME_UPDATED, {**await snapshot(session, programme), "changed": ["modules"]})
    await session.flush()


def ensure_editable(programme: Programme) -> None:
    if programme.status not in EDITABLE_STATUSES:
        raise Conflict(f"An {programme.status} programme cannot be changed: publish it again first.")


async def transition(
    session: AsyncSession, *, programme: Programme, action: ProgrammeAction, by: str, now: datetime | None = None
) -> Programme:
    now = now or utcnow()
    sources, target = TRANSITIONS[action]
    if programme.status not in sources:
        raise Conflict(
            f"A {programme.status} programme cannot {action} "
            f"(allowed now: {', '.join(allowed_actions(programme)) or 'none'}).",
            status_now=programme.status,
            allowed_actions=allowed_actions(programme),
        )
    programme.status = target
    programme.updated_at = now
    programme.updated_by = by
    if action == "publish":
        programme.published_at = now
        programme.archived_at = None
        event_type = events.PROGRAMME_PUBLISHED
    else:
        programme.archived_at = now
        event_type = events.PROGRAMME_ARCHIVED
    events.record(session, event_type, await snapshot(session, programme))
    await session.flush()
    return programme


async def delete_draft(session: AsyncSession, *, programme: Programme) -> None:
    if programme.status != P.draft:
        raise Conflict("Only a draft programme can be deleted; archive a programme the public has seen.")
    used = (
        await session.execute(
            select(func.count()).select_from(CourseSession).where(col(CourseSession.programme_id) == programme.id)
        )
    ).scalar_one()
    if used:
        raise Conflict(f"{used} session(s) belong to this programme: delete them first.")
    await session.delete(programme)
    await session.flush()
