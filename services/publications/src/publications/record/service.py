"""The rules of a record's life: draft → published → withdrawn, versions, events, the search index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound, ValidationFailed, field_error
from common.text import search_document
from publications import events
from publications.errors import Gone
from publications.file.models import RecordFile
from publications.record.models import Record, RecordAuthor, RecordPartner, RecordSearch, RecordVersion
from publications.record.schemas import RecordAction, RecordCreate, RecordUpdate
from publications.record.state import RecordState, snapshot, state_of
from publications.search.text import author_key
from publications.settings import PublicationsSettings
from publications.timeutil import utcnow
from publications.vocabulary import RecordStatus, theme_bit

#: Fields a PATCH may not set to null.
REQUIRED = ("type", "title", "language", "licence")


# ---------------------------------------------------------------------------- reading


async def find(session: AsyncSession, record_id: str) -> Record | None:
    return (await session.execute(select(Record).where(col(Record.id) == record_id))).scalar_one_or_none()


def tombstone(record: Record) -> Gone:
    """410 for a withdrawn record: the reason and enough to recognise it stay public."""
    return Gone(
        f"This record was withdrawn: {record.withdrawn_reason}",
        record_id=record.id,
        record_title=record.title,
        doi=record.doi,
        reason=record.withdrawn_reason,
        withdrawn_at=record.withdrawn_at.isoformat() if record.withdrawn_at else None,
    )


async def get(session: AsyncSession, record_id: str, *, staff: bool) -> Record:
    """A record the caller may see: drafts exist for staff only; a withdrawn record is a 410
    tombstone for everyone else."""
    record = await find(session, record_id)
    if record is None or (record.status == RecordStatus.draft and not staff):
        raise NotFound("No record with this id.")
    if record.status == RecordStatus.withdrawn and not staff:
        raise tombstone(record)
    return record


async def files_of(
    session: AsyncSession, record_ids: Sequence[str], *, with_removed: bool = False
) -> dict[str, list[RecordFile]]:
    out: dict[str, list[RecordFile]] = {rid: [] for rid in record_ids}
    if not record_ids:
        return out
    query = select(RecordFile).where(col(RecordFile.record_id).in_(record_ids))
    if not with_removed:
        query = query.where(col(RecordFile.removed_at).is_(None))
    for row in (await session.execute(query.order_by(col(RecordFile.position), col(RecordFile.uploaded_at)))).scalars():
        out[row.record_id].append(row)
    return out


async def current_state(session: AsyncSession, record: Record) -> RecordState:
    return state_of(record, (await files_of(session, [record.id]))[record.id])


def download_counts(files: Iterable[RecordFile]) -> dict[str, int]:
    return {f.id: f.download_count for f in files}


async def versions(session: AsyncSession, record: Record) -> list[RecordVersion]:
    rows = await session.execute(
        select(RecordVersion).where(col(RecordVersion.record_id) == record.id).order_by(col(RecordVersion.number))
    )
    return list(rows.scalars())


async def version(session: AsyncSession, record: Record, number: int) -> RecordVersion:
    found = await session.get(RecordVersion, (record.id, number))
    if found is None:
        raise NotFound(f"This record has no version {number}.")
    return found


# ---------------------------------------------------------------------------- writing


async def _ensure_unique(session: AsyncSession, record: Record) -> None:
    problems = []
    for name in ("doi", "isbn"):
        value = getattr(record, name)
        if value is None:
            continue
        column = getattr(Record, name)
        # No autoflush: the pending change would hit the unique constraint before we can say which.
        with session.no_autoflush:
            clash = (
                await session.execute(select(col(Record.id)).where(column == value, col(Record.id) != record.id))
            ).first()
        if clash:
            problems.append(field_error(name, f"Record {clash[0]} already has this {name.upper()}.", "duplicate"))
    if problems:
        raise Conflict("Another record has the same identifier.", errors=problems)


async def _reindex(session: AsyncSession, record: Record, *, authors: bool = True) -> None:
    """The rows the search, facets and OAI sets read: the narrow search row, the authors."""
    await session.flush()  # a new record gets its key
    assert record.key is not None
    row = await session.get(RecordSearch, record.key)
    if row is None:
        row = RecordSearch(key=record.key, status=record.status, type=record.type, language=record.language)
        session.add(row)
    row.status = record.status
    row.type = record.type
    row.language = record.language
    row.published_on = record.published_on
    row.year = record.published_on.year if record.published_on else None
    row.theme_mask = sum(theme_bit(theme) for theme in record.themes)
    text = search_document(record.title, record.abstract, record.keywords, [a["name"] for a in record.authors])
    if row.search_text != text:
        row.search_text = text
    # The author facet counts these (one per record_author row below, in the same order).
    author_keys = [author_key(author["name"]) for author in record.authors]
    if row.author_keys != author_keys:
        row.author_keys = author_keys
    if not authors:
        await session.flush()
        return
    await session.execute(delete(RecordAuthor).where(col(RecordAuthor.record_key) == record.key))
    session.add_all(
        RecordAuthor(
            record_key=record.key,
            position=position,
            author_key=author_keys[position],
            name=author["name"],
            expert_id=author.get("expert_id"),
            orcid=author.get("orcid"),
        )
        for position, author in enumerate(record.authors)
    )
    await session.execute(delete(RecordPartner).where(col(RecordPartner.record_key) == record.key))
    session.add_all(RecordPartner(record_key=record.key, organisation_id=o) for o in record.partner_ids)
    await session.flush()


def _values(data: RecordCreate | RecordUpdate, fields: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(data, name)
        if name in ("title", "abstract", "keywords"):
            value = value.variants() if value is not None else {}
        elif name == "authors":
            value = [a.stored() for a in value] if value is not None else []
        elif name in ("licence", "type") and value is not None:
            value = value.value
        elif name == "url" and value is not None:
            value = str(value)
        elif name == "themes" and value is None:
            value = []
        elif (name.startswith("related_") or name == "partner_ids") and value is None:
            value = []
        out[name] = value
    return out


async def create(session: AsyncSession, *, data: RecordCreate, by: str | None, record_id: str | None = None) -> Record:
    record = Record(**_values(data, RecordCreate.model_fields), created_by=by, updated_by=by)
    if record_id is not None:
        record.id = record_id
    await _ensure_unique(session, record)
    session.add(record)
    await _reindex(session, record)
    return record


async def update(
    session: AsyncSession, *, record: Record, data: RecordUpdate, by: str | None, settings: PublicationsSettings
) -> Record:
    if record.status == RecordStatus.withdrawn:
        raise Conflict("A withdrawn record cannot be changed.")
    sent = data.model_fields_set
    cleared = [name for name in REQUIRED if name in sent and getattr(data, name) is None]
    if cleared:
        raise ValidationFailed(
            "These fields cannot be emptied.", errors=[field_error(n, "This field is required.") for n in cleared]
        )
    before = await current_state(session, record)
    for name, value in _values(data, sent).items():
        setattr(record, name, value)
    if record.status == RecordStatus.published:
        _check_publishable(record)
    await _ensure_unique(session, record)
    await _reindex(session, record)
    after = await current_state(session, record)
    if _public_view(after) == _public_view(before):
        return record  # nothing a reader would notice: no new version
    record.updated_at = utcnow()
    record.updated_by = by
    if record.status == RecordStatus.published:
        await published_change(session, record=record, change="updated", by=by, settings=settings)
    await session.flush()
    return record


def _public_view(state: RecordState) -> dict[str, Any]:
    return snapshot(state) | {"updated_at": None, "version": None}


def _check_publishable(record: Record) -> None:
    problems = []
    if record.published_on is None:
        problems.append(field_error("published_on", "A published record needs its publication date.", "required"))
    if not record.authors:
        problems.append(field_error("authors", "A published record needs one author at least.", "required"))
    if problems:
        raise ValidationFailed("The record is not complete enough to be published.", errors=problems)


async def transition(
    session: AsyncSession,
    *,
    record: Record,
    action: RecordAction,
    reason: str | None,
    by: str | None,
    settings: PublicationsSettings,
) -> Record:
    now = utcnow()
    if action == RecordAction.publish:
        if record.status != RecordStatus.draft:
            raise Conflict(f"Only a draft can be published; this record is {record.status}.")
        _check_publishable(record)
        record.status = RecordStatus.published
        record.published_at = now
        change = "published"
    else:
        if record.status != RecordStatus.published:
            raise Conflict(f"Only a published record can be withdrawn; this record is {record.status}.")
        if not reason:
            raise ValidationFailed.on("reason", "Say why the record is withdrawn: the reason is shown publicly.")
        record.status = RecordStatus.withdrawn
        record.withdrawn_reason = reason
        record.withdrawn_at = now
        change = "withdrawn"
    record.updated_at = now
    record.updated_by = by
    await _reindex(session, record, authors=False)  # the status the search filters on
    await published_change(session, record=record, change=change, by=by, settings=settings)
    await session.flush()
    return record


async def published_change(
    session: AsyncSession, *, record: Record, change: str, by: str | None, settings: PublicationsSettings
) -> None:
    """A change the public sees: a new version (the previous ones stay readable), a new OAI
    datestamp, and the event in the same transaction."""
    now = utcnow()
    record.version += 1
    record.datestamp = now
    record.updated_at = now
    state = await current_state(session, record)
    session.add(
        RecordVersion(
            record_id=record.id, number=record.version, change=change, snapshot=snapshot(state), created_by=by
        )
    )
    type_ = {
        "published": events.RECORD_PUBLISHED,
        "withdrawn": events.RECORD_WITHDRAWN,
    }.get(change, events.RECORD_UPDATED)
    events.record(session, type_, event_data(record, settings))


def event_data(record: Record, settings: PublicationsSettings) -> dict[str, Any]:
    return {
        "record_id": record.id,
        "title": dict(record.title),
        "type": record.type,
        "themes": list(record.themes),
        "published_on": record.published_on.isoformat() if record.published_on else None,
        "author_expert_ids": list(dict.fromkeys(a["expert_id"] for a in record.authors if a.get("expert_id"))),
        "partner_ids": list(record.partner_ids or []),
        "status": record.status,
        "version": record.version,
        "language": record.language,
        "doi": record.doi,
        "url": settings.record_url(record.id),
        "withdrawn_reason": record.withdrawn_reason,
    }


async def delete_draft(session: AsyncSession, *, record: Record) -> list[str]:
    """Remove a draft and its files; returns the checksums no other file row uses any more."""
    if record.status != RecordStatus.draft:
        raise Conflict("Only a draft can be deleted; withdraw a published record instead.")
    files = (await files_of(session, [record.id], with_removed=True))[record.id]
    checksums = {f.sha256 for f in files}
    await session.delete(record)
    await session.flush()
    if not checksums:
        return []
    still_used = set(
        (await session.execute(select(col(RecordFile.sha256)).where(col(RecordFile.sha256).in_(checksums)))).scalars()
    )
    return sorted(checksums - still_used)


async def count_by_status(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(col(Record.status), func.count()).group_by(col(Record.status)))
    return {status: int(n) for status, n in rows.all()}
