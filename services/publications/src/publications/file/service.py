"""A record's files: added after their content is recognised, removed, downloaded and counted."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import BackgroundTasks, Request
from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.db import Database
from common.errors import Conflict, NotFound, field_error
from publications.errors import UnsupportedMediaType
from publications.file.formats import Refused, recognise
from publications.file.models import RecordFile
from publications.file.storage import FileStore
from publications.file.upload import FILE_FIELD, Upload
from publications.record import service as records
from publications.record.models import DownloadDay, Record
from publications.settings import PublicationsSettings
from publications.timeutil import utcnow
from publications.vocabulary import RecordStatus

log = logging.getLogger("alga.publications.files")


async def add(
    session: AsyncSession,
    *,
    record: Record,
    upload: Upload,
    by: str | None,
    store: FileStore,
    settings: PublicationsSettings,
) -> RecordFile:
    if record.status == RecordStatus.withdrawn:
        upload.temporary.unlink(missing_ok=True)
        raise Conflict("A withdrawn record cannot be changed.")
    try:
        fmt = recognise(upload.head, upload.filename)
    except Refused as exc:
        upload.temporary.unlink(missing_ok=True)
        raise UnsupportedMediaType(str(exc), errors=[field_error(FILE_FIELD, str(exc), "unsupported_type")]) from None
    store.keep(upload.temporary, upload.sha256)
    last = (
        await session.execute(select(func.max(col(RecordFile.position))).where(col(RecordFile.record_id) == record.id))
    ).scalar_one()
    row = RecordFile(
        record_id=record.id,
        position=(last or 0) + 1,
        filename=upload.filename,
        media_type=fmt.media_type,
        size_bytes=upload.size,
        sha256=upload.sha256,
        label=upload.fields.get("label") or None,
        uploaded_by=by,
    )
    session.add(row)
    await session.flush()
    record.updated_at = utcnow()
    record.updated_by = by
    if record.status == RecordStatus.published:
        await records.published_change(session, record=record, change="updated", by=by, settings=settings)
    await session.flush()
    return row


async def get(session: AsyncSession, record: Record, file_id: str, *, with_removed: bool = False) -> RecordFile:
    row = await session.get(RecordFile, file_id)
    if row is None or row.record_id != record.id or (row.removed_at is not None and not with_removed):
        raise NotFound("This record has no such file.")
    return row


async def remove(
    session: AsyncSession, *, record: Record, file_id: str, by: str | None, settings: PublicationsSettings
) -> str | None:
    """Take a file off a record. Returns its checksum when its bytes may be deleted from the store.

    A record the public has seen keeps the row (marked removed) and the bytes: its earlier versions
    list the file. A draft's file simply goes."""
    if record.status == RecordStatus.withdrawn:
        raise Conflict("A withdrawn record cannot be changed.")
    row = await get(session, record, file_id)
    record.updated_at = utcnow()
    record.updated_by = by
    if record.version > 0:
        row.removed_at = utcnow()
        row.removed_by = by
        await session.flush()
        await records.published_change(session, record=record, change="updated", by=by, settings=settings)
        await session.flush()
        return None
    await session.delete(row)
    await session.flush()
    return row.sha256


async def count_download(session: AsyncSession, *, record_id: str, file_id: str, staff: bool) -> bool:
    """Add one to a file's downloads if the caller may download it; False when not (nothing counted).

    One atomic UPDATE (no read-modify-write in Python: concurrent downloads never lose a count),
    and the first statement of the request's transaction: on SQLite a GET's transaction starts as a
    reader, and one that writes first queues for the write lock instead of failing to upgrade."""
    query = update(RecordFile).where(col(RecordFile.id) == file_id, col(RecordFile.record_id) == record_id)
    if not staff:
        published = select(col(Record.id)).where(col(Record.status) == RecordStatus.published)
        query = query.where(col(RecordFile.removed_at).is_(None), col(RecordFile.record_id).in_(published))
    result = await session.execute(query.values(download_count=col(RecordFile.download_count) + 1))
    if getattr(result, "rowcount", 0) != 1:
        return False
    await _count_day(session, record_id)
    return True


async def _count_day(session: AsyncSession, record_id: str) -> None:
    """One more download of the record today (UTC): INSERT … ON CONFLICT DO UPDATE, atomic too."""
    bind = session.bind
    module: Any = postgresql if bind is not None and bind.dialect.name == "postgresql" else sqlite
    statement = module.insert(DownloadDay).values(record_id=record_id, day=utcnow().date(), downloads=1)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["record_id", "day"], set_={"downloads": col(DownloadDay.downloads) + 1}
        )
    )


def discard_later(background: BackgroundTasks, request: Request, sha256: str) -> None:
    """Delete the bytes once the response is sent (so after the commit), if still unused then."""
    background.add_task(discard_unused, request.app.state.database, request.app.state.file_store, sha256)


async def discard_unused(database: Database, store: FileStore, sha256: str) -> None:
    """After the commit: delete stored bytes that no file row refers to any more."""
    async with database.session() as session:
        used = (await session.execute(select(col(RecordFile.id)).where(col(RecordFile.sha256) == sha256))).first()
    if used is None:
        store.discard(sha256)
        log.info("deleted unused file content %s", sha256)
