"""Sessions: one run of a programme or of one of its modules, or a standalone event.

The rules: what a valid session is (validated on the merged state, so a change of one field is
checked against the stored others), which status changes are allowed, and the one event each
change emits. Functions flush, never commit (the request's DBSession commits).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import load_only
from sqlmodel import col

from catalogue import events
from catalogue.countries import country_name
from catalogue.expert.service import ExpertsLookup, Vetting, local_standing, settle
from catalogue.module.models import Module
from catalogue.programme import partners
from catalogue.programme.models import Programme, ProgrammeAudience
from catalogue.schemas import variants
from catalogue.session.models import CourseSession, SessionAudience
from catalogue.session.schemas import SessionAction, SessionCreate, SessionUpdate
from catalogue.theme.models import Theme
from catalogue.timeutil import aware, aware_or_none, to_utc, utcnow
from catalogue.vocabulary import (
    IN_PERSON_MODES,
    LABELS,
    DeliveryMode,
    ProgrammeStatus,
    SessionKind,
    SessionStatus,
    audience_bits,
)
from common.errors import Conflict, NotFound, ServiceUnavailable, ValidationFailed, field_error
from common.i18n import pick
from common.text import search_document

S = SessionStatus
PUBLIC_STATUSES = frozenset(s.value for s in SessionStatus if s is not S.draft)
EDITABLE_STATUSES = frozenset({S.draft, S.published, S.applications_open, S.applications_closed})
RUNNING = frozenset({S.published, S.applications_open, S.applications_closed})

#: action → (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[SessionStatus], SessionStatus]] = {
    "publish": (frozenset({S.draft}), S.published),
    "open_applications": (frozenset({S.published, S.applications_closed}), S.applications_open),
    "close_applications": (frozenset({S.applications_open}), S.applications_closed),
    "cancel": (RUNNING, S.cancelled),
    "complete": (RUNNING, S.completed),
}
TRANSITION_EVENTS = {
    "publish": events.SESSION_PUBLISHED,
    "cancel": events.SESSION_CANCELLED,
    "complete": events.SESSION_COMPLETED,
}

DATETIME_FIELDS = ("starts_at", "ends_at", "applications_open_at", "applications_close_at")
REQUIRED_FIELDS = ("starts_at", "ends_at", "timezone", "delivery_mode", "language", "capacity")
#: Modes that are online by nature.
ONLINE_ONLY_MODES = frozenset({DeliveryMode.e_learning, DeliveryMode.webinar})


def allowed_actions(run: CourseSession) -> list[str]:
    return [action for action, (sources, _) in TRANSITIONS.items() if run.status in sources]


def applications_open_now(run: CourseSession, now: datetime | None = None) -> bool:
    now = now or utcnow()
    if run.status != S.applications_open:
        return False
    opens, closes = aware_or_none(run.applications_open_at), aware_or_none(run.applications_close_at)
    return (opens is None or opens <= now) and (closes is None or closes > now)


async def get(session: AsyncSession, session_id: str, *, staff: bool) -> CourseSession:
    """Drafts exist only for staff: anyone else gets the same 404 as for an unknown id."""
    run = await session.get(CourseSession, session_id)
    if run is None or (run.status == S.draft and not staff):
        raise NotFound("No session with this id.")
    return run


async def audiences_of(session: AsyncSession, session_ids: Iterable[str]) -> dict[str, list[str]]:
    ids = list(session_ids)
    found: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        rows = await session.execute(
            select(col(SessionAudience.session_id), col(SessionAudience.audience))
            .where(col(SessionAudience.session_id).in_(ids))
            .order_by(col(SessionAudience.audience))
        )
        for session_id, audience in rows.all():
            found[session_id].append(audience)
    return found


async def programme_audiences(session: AsyncSession, programme_id: str) -> list[str]:
    rows = await session.execute(
        select(col(ProgrammeAudience.audience))
        .where(col(ProgrammeAudience.programme_id) == programme_id)
        .order_by(col(ProgrammeAudience.audience))
    )
    return list(rows.scalars())


async def _set_audiences(session: AsyncSession, session_id: str, audiences: Sequence[str]) -> None:
    await session.execute(delete(SessionAudience).where(col(SessionAudience.session_id) == session_id))
    session.add_all(SessionAudience(session_id=session_id, audience=a) for a in dict.fromkeys(audiences))


def effective_title(run: CourseSession, programme: Programme | None, module: Module | None) -> dict[str, Any]:
    """The session's own title, else "<programme> — <module>", else the programme's, per language."""
    if run.title:
        return run.title
    if module is not None and programme is not None:
        languages = set(module.title) | set(programme.title)
        return {lang: f"{pick(programme.title, lang)} — {pick(module.title, lang)}" for lang in sorted(languages)}
    return (module.title if module else None) or (programme.title if programme else None) or {}


def effective_summary(run: CourseSession, programme: Programme | None, module: Module | None) -> dict[str, Any]:
    return run.summary or (module.summary if module else None) or (programme.summary if programme else None) or {}


async def _search_text(
    session: AsyncSession, run: CourseSession, programme: Programme | None, module: Module | None
) -> str:
    theme = await session.get(Theme, run.theme_code) if run.theme_code else None
    country = run.venue_country
    return search_document(
        run.title,
        run.summary,
        module.title if module else None,
        programme.title if programme else None,
        theme.title if theme else None,
        run.venue_city,
        [country_name(country, "fr"), country_name(country, "en")] if country else None,
        [LABELS.get(code) for code in (run.delivery_mode, run.event_kind) if code],
    )


# ---------------------------------------------------------------------------- the event payload


def event_data(
    run: CourseSession,
    audiences: Sequence[str],
    programme: Programme | None,
    module: Module | None,
    partner_ids: Sequence[str] = (),
) -> dict[str, Any]:
    """What a consumer keeps of a session (enrollment's read model, notifications); `partner_ids`:
    the partner institutions of its programme, which a partner's figures follow."""
    return {
        "session_id": run.id,
        "programme_id": run.programme_id,
        "programme_code": programme.code if programme else None,
        "programme_title": programme.title if programme else None,
        "module_id": run.module_id,
        "kind": run.kind,
        "event_kind": run.event_kind,
        "theme": run.theme_code,
        "title": effective_title(run, programme, module),
        "status": run.status,
        "language": run.language,
        "delivery_mode": run.delivery_mode,
        "capacity": run.capacity,
        "starts_at": events.iso(run.starts_at),
        "ends_at": events.iso(run.ends_at),
        "timezone": run.timezone,
        "venue": {
            "city": run.venue_city,
            "country": run.venue_country,
            "address": run.venue_address,
            "online": run.online,
        },
        "applications_open_at": events.iso(run.applications_open_at),
        "applications_close_at": events.iso(run.applications_close_at),
        "trainer_ids": list(run.trainer_ids or []),
        "audiences": sorted(audiences),
        "partner_ids": sorted(partner_ids),
        "cancellation_reason": run.cancellation_reason,
        "revision": run.revision,
    }


def _changed(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [key for key in after if key != "revision" and before.get(key) != after[key]]


async def _relations(session: AsyncSession, run: CourseSession) -> tuple[Programme | None, Module | None]:
    programme = await session.get(Programme, run.programme_id) if run.programme_id else None
    module = await session.get(Module, run.module_id) if run.module_id else None
    return programme, module


# ---------------------------------------------------------------------------- create and edit


def _state_of(run: CourseSession, audiences: list[str]) -> dict[str, Any]:
    state: dict[str, Any] = {
        name: getattr(run, name)
        for name in (
            "module_id",
            "title",
            "summary",
            "delivery_mode",
            "event_kind",
            "theme_code",
            "timezone",
            "venue_city",
            "venue_country",
            "venue_address",
            "online",
            "online_url",
            "language",
            "capacity",
            "trainer_ids",
        )
    }
    for name in DATETIME_FIELDS:
        state[name] = aware_or_none(getattr(run, name))
    state["audiences"] = audiences
    return state


EMPTY_STATE: dict[str, Any] = {
    "module_id": None,
    "title": {},
    "summary": {},
    "delivery_mode": None,
    "event_kind": None,
    "theme_code": None,
    "timezone": None,
    "venue_city": None,
    "venue_country": None,
    "venue_address": None,
    "online": None,
    "online_url": None,
    "language": None,
    "capacity": None,
    "trainer_ids": [],
    "starts_at": None,
    "ends_at": None,
    "applications_open_at": None,
    "applications_close_at": None,
    "audiences": None,
}


def _merge(base: dict[str, Any], data: BaseModel, fields: Iterable[str]) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The state after applying `fields` of `data` to `base`; times converted to UTC."""
    state = dict(base)
    errors: list[dict[str, str]] = []
    fields = set(fields)
    for name in fields:
        value = getattr(data, name)
        if name in REQUIRED_FIELDS and value is None:
            errors.append(field_error(name, "This field cannot be empty.", "missing"))
        elif name in ("title", "summary"):
            state[name] = variants(value)
        elif name == "venue":
            state["venue_city"] = value.city if value else None
            state["venue_country"] = value.country if value else None
            state["venue_address"] = value.address if value else None
        elif name == "online_url":
            state[name] = str(value) if value else None
        elif name == "trainer_ids":
            state[name] = [str(v) for v in value or []]
        elif name == "audiences":
            state[name] = None if value is None else [a.value for a in value]
        elif name == "theme":
            state["theme_code"] = value
        elif name in ("delivery_mode", "event_kind", "language"):
            state[name] = value.value if hasattr(value, "value") else value
        elif name not in DATETIME_FIELDS:
            state[name] = value
    zone = state["timezone"]
    for name in DATETIME_FIELDS:
        if name in fields and getattr(data, name) is not None:
            state[name] = to_utc(getattr(data, name), zone) if zone else aware(getattr(data, name))
    return state, errors


def _check(
    state: dict[str, Any],
    *,
    programme: Programme | None,
    module: Module | None,
    programme_audience_list: list[str] | None,
    fields: set[str],
) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    starts, ends = state["starts_at"], state["ends_at"]
    opens, closes = state["applications_open_at"], state["applications_close_at"]
    if starts and ends and ends <= starts:
        errors.append(field_error("ends_at", "The session must end after it starts.", "ends_before_start"))
    if closes and starts and closes > starts:
        errors.append(
            field_error("applications_close_at", "Applications must close before the session starts.", "too_late")
        )
    if opens and closes and opens >= closes:
        errors.append(
            field_error("applications_open_at", "Applications must open before they close.", "opens_after_close")
        )
    elif opens and starts and not closes and opens >= starts:
        errors.append(
            field_error("applications_open_at", "Applications must open before the session starts.", "too_late")
        )

    mode = state["delivery_mode"]
    if mode in IN_PERSON_MODES or mode == DeliveryMode.hybrid:
        for part in ("city", "country"):
            if not state[f"venue_{part}"]:
                errors.append(field_error(f"venue.{part}", f"A {mode} session takes place somewhere: give its {part}."))
    if mode in ONLINE_ONLY_MODES and state["online"] is False:
        errors.append(field_error("online", f"A {mode} session is online."))
    if mode in IN_PERSON_MODES and state["online"] is True:
        errors.append(field_error("online", f"A {mode} happens in person; choose `hybrid` for one also online."))

    if programme is None:
        if not state["title"]:
            errors.append(field_error("title", "A standalone event needs a title.", "missing"))
        if not state["event_kind"]:
            errors.append(
                field_error("event_kind", "A session without a programme is an event: say which kind.", "missing")
            )
    else:
        if "theme" in fields and state["theme_code"] is not None and state["theme_code"] != programme.theme_code:
            errors.append(field_error("theme", "A programme's sessions take the programme's theme."))
        if (
            "audiences" in fields
            and state["audiences"] is not None
            and sorted(set(state["audiences"])) != sorted(programme_audience_list or [])
        ):
            errors.append(field_error("audiences", "A programme's sessions take the programme's audiences."))
        if module is not None and module.programme_id != programme.id:
            errors.append(field_error("module_id", "This module belongs to another programme."))
    return errors


async def _finish(
    session: AsyncSession,
    run: CourseSession,
    state: dict[str, Any],
    *,
    programme: Programme | None,
    module: Module | None,
) -> list[str]:
    """Write the validated state into the row; returns the audiences it now has."""
    for name, value in state.items():
        if name not in ("audiences", "online"):
            setattr(run, name, value)
    mode = state["delivery_mode"]
    run.online = state["online"] if state["online"] is not None else mode in (ONLINE_ONLY_MODES | {DeliveryMode.hybrid})
    if programme is not None:
        run.kind = programme.kind
        run.theme_code = programme.theme_code
        audiences = await programme_audiences(session, programme.id)
    else:
        run.kind = SessionKind.event
        audiences = list(dict.fromkeys(state["audiences"] or []))
    run.search_text = await _search_text(session, run, programme, module)
    return audiences


async def _load_references(
    session: AsyncSession, *, programme_id: str | None, module_id: str | None
) -> tuple[Programme | None, Module | None, list[dict[str, str]]]:
    errors = []
    module = await session.get(Module, module_id) if module_id else None
    if module_id and module is None:
        errors.append(field_error("module_id", "No module with this id.", "not_found"))
    if programme_id is None and module is not None:
        programme_id = module.programme_id
    programme = await session.get(Programme, programme_id) if programme_id else None
    if programme_id and programme is None:
        errors.append(field_error("programme_id", "No programme with this id.", "not_found"))
    return programme, module, errors


async def _theme_errors(session: AsyncSession, state: dict[str, Any], fields: set[str]) -> list[dict[str, str]]:
    code = state["theme_code"]
    if "theme" in fields and code and await session.get(Theme, code) is None:
        return [field_error("theme", f"Unknown theme {code!r}: see GET /themes.", "unknown_theme")]
    return []


async def vet_trainers(
    lookup: ExpertsLookup, *, trainer_ids: Sequence[UUID | str] | None, session_id: str | None = None
) -> Vetting:
    """Check the trainers and speakers a create or an update names: verified experts only.

    Only ids the session does not name already are checked, so an expert archived after being
    named does not block edits of anything else (docs/decisions/0008). Runs before the request's
    transaction begins, in a read session of its own: the live call it may make must not hold
    SQLite's write lock. `create` and `update` turn the result into a 422 or a 503."""
    ids = [str(v) for v in trainer_ids or []]
    if not ids:
        return Vetting()
    async with lookup.database.read_session() as read:
        run = await read.get(CourseSession, session_id) if session_id else None
        already = set(run.trainer_ids or []) if run is not None else set()
        new = [(position, expert_id) for position, expert_id in enumerate(ids) if expert_id not in already]
        local = await local_standing(read, [expert_id for _, expert_id in new])
    return await settle(lookup, new, local, name="trainer_ids") if new else Vetting()


def _raise_for(errors: list[dict[str, str]], trainers: Vetting | None) -> None:
    errors = errors + (trainers.refused if trainers else [])
    if errors:
        raise ValidationFailed(_detail(errors), errors=errors)
    if trainers and trainers.unchecked:
        raise ServiceUnavailable(
            "The experts service cannot be reached to check the trainers named; nothing was saved. "
            "Try again in a moment.",
            errors=trainers.unchecked,
        )


async def create(
    session: AsyncSession,
    *,
    data: SessionCreate,
    by: str,
    session_id: str | None = None,
    trainers: Vetting | None = None,
) -> CourseSession:
    """A new draft session (nothing is published, so no event). `session_id`: the seed's fixed ids;
    `trainers`: what `vet_trainers` found (the API always vets; the seed names no trainers)."""
    programme, module, errors = await _load_references(
        session, programme_id=data.programme_id, module_id=data.module_id
    )
    fields = set(SessionCreate.model_fields) - {"programme_id"}
    state, merge_errors = _merge(EMPTY_STATE, data, fields)
    state["module_id"] = module.id if module else None
    audience_list = await programme_audiences(session, programme.id) if programme else None
    errors += merge_errors
    if not errors:
        errors += _check(
            state,
            programme=programme,
            module=module,
            programme_audience_list=audience_list,
            fields=set(data.model_fields_set),
        )
    errors += await _theme_errors(session, state, fields)
    _raise_for(errors, trainers)
    if programme is not None and programme.status == ProgrammeStatus.archived:
        raise Conflict("This programme is archived: it takes no new sessions.")
    run = CourseSession(
        programme_id=programme.id if programme else None,
        kind=SessionKind.event,
        delivery_mode=state["delivery_mode"],
        language=state["language"],
        starts_at=state["starts_at"],
        ends_at=state["ends_at"],
        timezone=state["timezone"],
        capacity=state["capacity"],
        status=S.draft,
        created_by=by,
        updated_by=by,
    )
    if session_id:
        run.id = session_id
    audiences = await _finish(session, run, state, programme=programme, module=module)
    # Given with the row, the triggers on session_audience find their bits set (no second write).
    run.audience_mask = audience_bits(audiences)
    session.add(run)
    await session.flush()
    await _set_audiences(session, run.id, audiences)
    await session.flush()
    return run


async def update(
    session: AsyncSession, *, run: CourseSession, data: SessionUpdate, by: str, trainers: Vetting | None = None
) -> CourseSession:
    """Apply the fields sent. A session the public sees emits one `updated` event listing what
    changed. `trainers`: what `vet_trainers` found for the ids sent."""
    if run.status not in EDITABLE_STATUSES:
        raise Conflict(f"A {run.status} session can no longer be changed.")
    fields = set(data.model_fields_set)
    if not fields:
        return run
    current_audiences = (await audiences_of(session, [run.id]))[run.id]
    old_programme, old_module = await _relations(session, run)
    partner_ids = await partners.of_programme(session, run.programme_id)
    before = event_data(run, current_audiences, old_programme, old_module, partner_ids)
    module_id = data.module_id if "module_id" in fields else run.module_id
    programme, module, errors = await _load_references(session, programme_id=run.programme_id, module_id=module_id)
    if "module_id" in fields and data.module_id and programme is None:
        errors.append(field_error("module_id", "A standalone event has no modules."))
    state, merge_errors = _merge(_state_of(run, current_audiences), data, fields)
    if "delivery_mode" in fields and "online" not in fields:
        state["online"] = None  # follows the new mode unless said otherwise
    errors += merge_errors
    if not errors:
        audience_list = await programme_audiences(session, programme.id) if programme else None
        errors += _check(
            state, programme=programme, module=module, programme_audience_list=audience_list, fields=fields
        )
    errors += await _theme_errors(session, state, fields)
    _raise_for(errors, trainers)
    audiences = await _finish(session, run, state, programme=programme, module=module)
    await _set_audiences(session, run.id, audiences)
    after = event_data(run, audiences, programme, module, partner_ids)
    changed = _changed(before, after)
    if changed:
        _touch(run, by)
        if run.status != S.draft:
            run.revision += 1
            events.record(
                session,
                events.SESSION_UPDATED,
                {**event_data(run, audiences, programme, module, partner_ids), "changed": changed},
            )
    await session.flush()
    return run


def _touch(run: CourseSession, by: str) -> None:
    run.updated_at = utcnow()
    run.updated_by = by


def _detail(errors: list[dict[str, str]]) -> str:
    return "Some fields are not valid: " + ", ".join(dict.fromkeys(e["field"] for e in errors))


async def transition(
    session: AsyncSession,
    *,
    run: CourseSession,
    action: SessionAction,
    reason: str | None,
    by: str,
    now: datetime | None = None,
) -> CourseSession:
    """Move the session through its lifecycle; an illegal move is a 409."""
    now = now or utcnow()
    sources, target = TRANSITIONS[action]
    if run.status not in sources:
        allowed = ", ".join(allowed_actions(run)) or "none"
        raise Conflict(
            f"A {run.status} session cannot {action.replace('_', ' ')} (allowed now: {allowed}).",
            status_now=run.status,
            allowed_actions=allowed_actions(run),
        )
    audiences = (await audiences_of(session, [run.id]))[run.id]
    programme, module = await _relations(session, run)
    partner_ids = await partners.of_programme(session, run.programme_id)
    before = event_data(run, audiences, programme, module, partner_ids)
    if action == "publish":
        if programme is not None and programme.status != ProgrammeStatus.published:
            raise Conflict("Publish the programme first: its sessions cannot be public before it is.")
        run.published_at = now
    elif action == "open_applications":
        closes = aware_or_none(run.applications_close_at)
        if closes is None or closes <= now:
            raise ValidationFailed.on(
                "applications_close_at", "Set a closing date in the future before opening applications.", "missing"
            )
        opens = aware_or_none(run.applications_open_at)
        if opens is None or opens > now:
            run.applications_open_at = now
    elif action == "close_applications":
        closes = aware_or_none(run.applications_close_at)
        if closes is None or closes > now:
            run.applications_close_at = now
        opens = aware_or_none(run.applications_open_at)
        if opens is not None and opens > now:
            run.applications_open_at = now
    elif action == "cancel":
        if not reason:
            raise ValidationFailed.on("reason", "Say why the session is cancelled: applicants are told.", "missing")
        run.cancellation_reason = reason
    elif action == "complete" and aware(run.starts_at) > now:
        raise Conflict("A session that has not started yet cannot be completed.")
    run.status = target
    run.revision += 1
    _touch(run, by)
    data = event_data(run, audiences, programme, module, partner_ids)
    event_type = TRANSITION_EVENTS.get(action, events.SESSION_UPDATED)
    if event_type == events.SESSION_UPDATED:
        data["changed"] = _changed(before, data)
    events.record(session, event_type, data)
    await session.flush()
    return run


async def delete_draft(session: AsyncSession, *, run: CourseSession) -> None:
    if run.status != S.draft:
        raise Conflict("Only a draft can be deleted; cancel a session the public has seen.")
    await session.delete(run)
    await session.flush()


async def follow_programme(session: AsyncSession, *, programme: Programme, previous: Any, by: str) -> int:
    """After a programme changed: copy its kind, theme and audiences to its sessions, refresh their
    search documents, and tell consumers about each public session whose data changed.
    `previous` holds the programme's `code` and `title` before the change."""
    runs = list(
        (await session.execute(select(CourseSession).where(col(CourseSession.programme_id) == programme.id))).scalars()
    )
    if not runs:
        return 0
    audiences = await programme_audiences(session, programme.id)
    current = await audiences_of(session, [r.id for r in runs])
    partner_ids = await partners.of_programme(session, programme.id)
    told = 0
    for run in runs:
        module = await session.get(Module, run.module_id) if run.module_id else None
        before = event_data(run, current[run.id], previous, module, previous.partner_ids)
        run.kind = programme.kind
        run.theme_code = programme.theme_code
        run.search_text = await _search_text(session, run, programme, module)
        if sorted(current[run.id]) != audiences:
            await _set_audiences(session, run.id, audiences)
        after = event_data(run, audiences, programme, module, partner_ids)
        changed = _changed(before, after)
        if changed and run.status != S.draft:
            run.revision += 1
            _touch(run, by)
            events.record(
                session,
                events.SESSION_UPDATED,
                {**event_data(run, audiences, programme, module, partner_ids), "changed": changed},
            )
            told += 1
    await session.flush()
    return told


async def follow_module(session: AsyncSession, *, module: Module, by: str) -> None:
    """After a module changed: its sessions' titles may come from it."""
    programme = await session.get(Programme, module.programme_id)
    runs = list(
        (await session.execute(select(CourseSession).where(col(CourseSession.module_id) == module.id))).scalars()
    )
    current = await audiences_of(session, [r.id for r in runs])
    partner_ids = await partners.of_programme(session, module.programme_id)
    for run in runs:
        before_title = run.search_text
        run.search_text = await _search_text(session, run, programme, module)
        if run.status != S.draft and not run.title and before_title != run.search_text:
            run.revision += 1
            _touch(run, by)
            events.record(
                session,
                events.SESSION_UPDATED,
                {**event_data(run, current[run.id], programme, module, partner_ids), "changed": ["title"]},
            )
    await session.flush()


@dataclass
class Related:
    """What session responses show besides the row: programme, module, audiences, theme titles."""

    programmes: dict[str, Programme] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    audiences: dict[str, list[str]] = field(default_factory=dict)
    theme_titles: dict[str, dict[str, Any]] = field(default_factory=dict)


#: The programme and module columns a session response shows (views.to_read, to_detail): the
#: rest (descriptions, objectives, fees… every language of each) is neither read nor decoded.
PROGRAMME_SHOWN = (
    "id",
    "code",
    "kind",
    "theme_code",
    "title",
    "summary",
    "fee_amount",
    "fee_currency",
)
MODULE_SHOWN = ("id", "programme_id", "title", "summary")


def _shown_programmes() -> Any:
    # raiseload: a response reading a column not listed here fails loudly instead of querying.
    return load_only(*(getattr(Programme, name) for name in PROGRAMME_SHOWN), raiseload=True)


def _shown_modules() -> Any:
    return load_only(*(getattr(Module, name) for name in MODULE_SHOWN), raiseload=True)


async def related(
    session: AsyncSession, runs: Sequence[CourseSession], *, theme_titles: dict[str, dict[str, Any]] | None = None
) -> Related:
    """Everything the responses of `runs` show, in a few IN queries (`theme_titles`: already read)."""
    programme_ids = {r.programme_id for r in runs if r.programme_id}
    module_ids = {r.module_id for r in runs if r.module_id}
    found = Related()
    if programme_ids:
        rows = await session.execute(
            select(Programme).where(col(Programme.id).in_(programme_ids)).options(_shown_programmes())
        )
        found.programmes = {p.id: p for p in rows.scalars()}
    if module_ids:
        module_rows = await session.execute(
            select(Module).where(col(Module.id).in_(module_ids)).options(_shown_modules())
        )
        found.modules = {m.id: m for m in module_rows.scalars()}
    found.audiences = await audiences_of(session, [r.id for r in runs])
    theme_codes = {r.theme_code for r in runs if r.theme_code}
    if theme_titles is not None:
        found.theme_titles = theme_titles
    elif theme_codes:
        rows2 = await session.execute(select(col(Theme.code), col(Theme.title)).where(col(Theme.code).in_(theme_codes)))
        found.theme_titles = {code: title for code, title in rows2.all()}
    return found


async def read_page(
    session: AsyncSession, ids: Sequence[str], *, theme_titles: dict[str, dict[str, Any]]
) -> tuple[list[CourseSession], Related]:
    """The sessions `ids` (earliest first) and what their responses show, in one statement: each
    row with its programme and module (outer joins, the shown columns only) and its audiences
    (one string per row); `theme_titles` already read. The same as `related()`, in one round trip
    instead of four (a search page: ADR 0006)."""
    if not ids:
        return [], Related(theme_titles=theme_titles)
    audiences = (
        select(func.aggregate_strings(col(SessionAudience.audience), ","))
        .where(col(SessionAudience.session_id) == col(CourseSession.id))
        .scalar_subquery()
    )
    statement = (
        select(CourseSession, Programme, Module, audiences)
        .outerjoin(Programme, col(Programme.id) == col(CourseSession.programme_id))
        .outerjoin(Module, col(Module.id) == col(CourseSession.module_id))
        .options(_shown_programmes(), _shown_modules())
        .where(col(CourseSession.id).in_(ids))
        .order_by(col(CourseSession.starts_at), col(CourseSession.id))
    )
    found = Related(theme_titles=theme_titles)
    runs: list[CourseSession] = []
    for run, programme, module, codes in (await session.execute(statement)).all():
        runs.append(run)
        if programme is not None:
            found.programmes[programme.id] = programme
        if module is not None:
            found.modules[module.id] = module
        found.audiences[run.id] = sorted(codes.split(",")) if codes else []
    return runs, found
