"""A record as the public sees it at one moment: what versions store and what responses are built from.

The current record and each of its versions render through the same code (views.py, the citation
formats, JSON-LD), so a version reads exactly like the record did when it was current.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from publications.file.models import RecordFile
from publications.record.models import Record
from publications.timeutil import aware, aware_or_none


class FileState(BaseModel):
    id: str
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    label: str | None = None
    uploaded_at: datetime


class RecordState(BaseModel):
    id: str
    type: str
    status: str
    title: dict[str, str]
    abstract: dict[str, str] = {}
    keywords: dict[str, list[str]] = {}
    language: str
    published_on: date | None = None
    publisher: str | None = None
    place: str | None = None
    series: str | None = None
    container_title: str | None = None
    authors: list[dict[str, Any]] = []
    themes: list[str] = []
    licence: str
    doi: str | None = None
    isbn: str | None = None
    url: str | None = None
    related_programme_ids: list[str] = []
    related_session_ids: list[str] = []
    related_event_ids: list[str] = []
    partner_ids: list[str] = []
    version: int = 0
    withdrawn_reason: str | None = None
    withdrawn_at: datetime | None = None
    published_at: datetime | None = None
    updated_at: datetime
    files: list[FileState] = []

    @property
    def year(self) -> int | None:
        return self.published_on.year if self.published_on else None


#: Record columns a state carries as they are.
_COPIED = (
    "id type status title abstract keywords language published_on publisher place series container_title "
    "authors themes licence doi isbn url related_programme_ids related_session_ids related_event_ids partner_ids "
    "version "
    "withdrawn_reason"
).split()


def state_of(record: Record, files: Iterable[RecordFile] = ()) -> RecordState:
    values: dict[str, Any] = {name: getattr(record, name) for name in _COPIED}
    values.update(
        withdrawn_at=aware_or_none(record.withdrawn_at),
        published_at=aware_or_none(record.published_at),
        updated_at=aware(record.updated_at),
        files=[
            FileState(
                id=f.id,
                filename=f.filename,
                media_type=f.media_type,
                size_bytes=f.size_bytes,
                sha256=f.sha256,
                label=f.label,
                uploaded_at=aware(f.uploaded_at),
            )
            for f in files
            if f.removed_at is None
        ],
    )
    return RecordState.model_validate(values)


def snapshot(state: RecordState) -> dict[str, Any]:
    return state.model_dump(mode="json")


def from_snapshot(data: dict[str, Any]) -> RecordState:
    return RecordState.model_validate(data)
