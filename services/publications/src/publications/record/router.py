from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request, Response, status

from common.db import DBSession
from common.i18n import Lang, RequestLanguage
from common.pagination import Pagination
from common.security import StaffPrincipal
from publications.dependencies import IsStaff, RecordQuery, Settings
from publications.file.service import discard_later
from publications.record import jsonld, service, views
from publications.record.models import Record
from publications.record.schemas import (
    RecordCreate,
    RecordDetail,
    RecordRead,
    RecordTransition,
    RecordUpdate,
    VersionList,
    VersionRead,
    VersionSummary,
)
from publications.record.state import from_snapshot, state_of
from publications.schemas import FacetedPage, FacetValue
from publications.search.repository import search
from publications.settings import PublicationsSettings
from publications.timeutil import aware
from publications.vocabulary import language_label, theme_label, type_label

router = APIRouter(prefix="/records", tags=["records"])


def _labelled(counts: dict[str, list[tuple[str, int, str | None]]], lang: Lang) -> dict[str, list[FacetValue]]:
    out: dict[str, list[FacetValue]] = {}
    for facet, values in counts.items():
        items = []
        for value, count, name in values:
            if facet == "type":
                name = type_label(value, lang.code)
            elif facet == "theme":
                name = theme_label(value, lang.code)
            elif facet == "language":
                name = language_label(value, lang.code)
            items.append(FacetValue(value=value, count=count, label=name))
        out[facet] = items
    return out


async def _detail(
    session: DBSession, record: Record, lang: Lang, settings: PublicationsSettings, staff: bool
) -> RecordDetail:
    files = (await service.files_of(session, [record.id]))[record.id]
    state = state_of(record, files)
    read = views.to_read(state, lang, settings, staff=staff, download_counts=service.download_counts(files))
    return RecordDetail(**read.model_dump(), json_ld=jsonld.document(state, read))


@router.get("", response_model=FacetedPage[RecordRead], summary="Search the library")
async def list_records(
    session: DBSession,
    page: Pagination,
    filters: RecordQuery,
    lang: RequestLanguage,
    settings: Settings,
    staff: IsStaff,
    response: Response,
) -> FacetedPage[RecordRead]:
    """Public: full-text search (`q`: titles, abstracts, keywords and author names in every language,
    accents and case ignored, each word a prefix) with filters and facet counts. Drafts and
    withdrawn records only for staff who ask (`status=`)."""
    rows, total, counts = await search(session, filters, limit=page.limit, offset=page.offset)
    files = await service.files_of(session, [r.id for r in rows])
    response.headers["Content-Language"] = lang.code
    return FacetedPage[RecordRead](
        items=[
            views.to_read(
                state_of(r, files[r.id]),
                lang,
                settings,
                staff=staff,
                download_counts=service.download_counts(files[r.id]),
            )
            for r in rows
        ],
        total=total,
        limit=page.limit,
        offset=page.offset,
        facets=_labelled(counts, lang),
    )


@router.post("", response_model=RecordDetail, status_code=status.HTTP_201_CREATED, summary="Create a record")
async def create_record(
    data: RecordCreate, session: DBSession, principal: StaffPrincipal, lang: RequestLanguage, settings: Settings
) -> RecordDetail:
    """Coordinators and admins. The record starts as a draft, seen by staff only."""
    record = await service.create(session, data=data, by=principal.subject)
    return await _detail(session, record, lang, settings, True)


@router.get("/{record_id}", response_model=RecordDetail, summary="One record, with its JSON-LD")
async def read_record(
    record_id: str, session: DBSession, lang: RequestLanguage, settings: Settings, staff: IsStaff, response: Response
) -> RecordDetail:
    """Public. A draft is not found (except by staff); a withdrawn record answers 410 with the reason
    and what identifies it (its tombstone)."""
    record = await service.get(session, record_id, staff=staff)
    response.headers["Content-Language"] = lang.code
    return await _detail(session, record, lang, settings, staff)


@router.patch("/{record_id}", response_model=RecordDetail, summary="Change a record")
async def update_record(
    record_id: str,
    data: RecordUpdate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
) -> RecordDetail:
    """Coordinators and admins. Only the fields sent change. On a published record a change makes
    a new version; the previous ones stay readable."""
    record = await service.get(session, record_id, staff=True)
    record = await service.update(session, record=record, data=data, by=principal.subject, settings=settings)
    return await _detail(session, record, lang, settings, True)


@router.post("/{record_id}/transitions", response_model=RecordDetail, summary="Publish or withdraw a record")
async def transition_record(
    record_id: str,
    data: RecordTransition,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
) -> RecordDetail:
    """Coordinators and admins. `publish` a draft; `withdraw` a published record with a `reason`
    (shown publicly). An action the current status does not allow answers 409."""
    record = await service.get(session, record_id, staff=True)
    record = await service.transition(
        session, record=record, action=data.action, reason=data.reason, by=principal.subject, settings=settings
    )
    return await _detail(session, record, lang, settings, True)


@router.delete("/{record_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a draft")
async def delete_record(
    record_id: str, session: DBSession, _: StaffPrincipal, request: Request, background: BackgroundTasks
) -> Response:
    """Coordinators and admins; drafts only (withdraw a record the public has seen)."""
    record = await service.get(session, record_id, staff=True)
    for checksum in await service.delete_draft(session, record=record):
        discard_later(background, request, checksum)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{record_id}/versions", response_model=VersionList, summary="The versions of a record")
async def list_versions(record_id: str, session: DBSession, lang: RequestLanguage, staff: IsStaff) -> VersionList:
    """Public for a published record: every version the public has seen, oldest first."""
    record = await service.get(session, record_id, staff=staff)
    items = [
        VersionSummary(
            number=v.number,
            change=v.change,
            created_at=aware(v.created_at),
            title=views.to_title(v.snapshot, lang.code),
        )
        for v in await service.versions(session, record)
    ]
    return VersionList(record_id=record.id, current=record.version, items=items, total=len(items))


@router.get("/{record_id}/versions/{number}", response_model=VersionRead, summary="One version of a record")
async def read_version(
    record_id: str, number: int, session: DBSession, lang: RequestLanguage, settings: Settings, staff: IsStaff
) -> VersionRead:
    """Public for a published record: the record exactly as it was in that version."""
    record = await service.get(session, record_id, staff=staff)
    found = await service.version(session, record, number)
    files = (await service.files_of(session, [record.id], with_removed=True))[record.id]
    removed = frozenset(f.id for f in files if f.removed_at is not None)
    read = views.to_read(from_snapshot(found.snapshot), lang, settings, staff=staff, removed_files=removed)
    return VersionRead(
        number=found.number,
        change=found.change,
        created_at=aware(found.created_at),
        current=found.number == record.version,
        record=read,
    )
