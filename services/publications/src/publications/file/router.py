from __future__ import annotations

import logging

from fastapi import APIRouter, BackgroundTasks, Request, Response, status
from fastapi.responses import FileResponse

from common.db import DBSession
from common.errors import ServiceUnavailable
from common.security import StaffPrincipal
from publications.dependencies import IsStaff, Settings, Store
from publications.file import service
from publications.file.formats import ACCEPTED
from publications.file.upload import FILE_FIELD, receive
from publications.record import service as records
from publications.record.schemas import FileRead
from publications.timeutil import aware

router = APIRouter(prefix="/records/{record_id}/files", tags=["files"])
log = logging.getLogger("alga.publications.files")

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FILE_FIELD],
                    "properties": {
                        FILE_FIELD: {"type": "string", "format": "binary", "description": f"One of: {ACCEPTED}"},
                        "label": {"type": "string", "maxLength": 300, "description": "e.g. 'Version française'"},
                    },
                }
            }
        },
    }
}


@router.post(
    "",
    response_model=FileRead,
    status_code=status.HTTP_201_CREATED,
    summary="Upload a file to a record",
    openapi_extra=_UPLOAD_BODY,
    responses={413: {"description": "Larger than the limit"}, 415: {"description": "Not an accepted document type"}},
)
async def upload_file(
    record_id: str, request: Request, session: DBSession, principal: StaffPrincipal, settings: Settings, store: Store
) -> FileRead:
    """Coordinators and admins. multipart/form-data with the document in `file` (PDF or an office
    format, recognised by its content) and an optional `label`; at most `PUBLICATIONS_MAX_UPLOAD_BYTES`."""
    record = await records.get(session, record_id, staff=True)
    upload = await receive(request, store, settings.max_upload_bytes)
    row = await service.add(session, record=record, upload=upload, by=principal.subject, store=store, settings=settings)
    return FileRead(
        id=row.id,
        filename=row.filename,
        media_type=row.media_type,
        size_bytes=row.size_bytes,
        sha256=row.sha256,
        label=row.label,
        uploaded_at=aware(row.uploaded_at),
        url=settings.file_url(record.id, row.id),
        download_count=0,
    )


@router.get(
    "/{file_id}",
    response_class=FileResponse,
    summary="Download a file",
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The file, as uploaded"}},
)
async def download_file(
    record_id: str, file_id: str, request: Request, session: DBSession, staff: IsStaff, store: Store
) -> FileResponse:
    """Public for a published record (staff: any). Served with its type and name; each download
    counts once (a resumed download, `Range` past the start, does not count again)."""
    range_header = request.headers.get("range", "")
    if not range_header or range_header.replace(" ", "").startswith("bytes=0-"):
        # Counted first (see count_download); a caller who may not have the file counts nothing
        # and gets the reason just below.
        await service.count_download(session, record_id=record_id, file_id=file_id, staff=staff)
    record = await records.get(session, record_id, staff=staff)
    row = await service.get(session, record, file_id, with_removed=staff)
    path = store.path(row.sha256)
    if not path.is_file():
        log.error("file %s of record %s is missing from the store (%s)", row.id, record.id, path)
        raise ServiceUnavailable("This file cannot be read right now.")
    return FileResponse(
        path,
        media_type=row.media_type,
        filename=row.filename,
        content_disposition_type="attachment",
        headers={
            "ETag": f'"{row.sha256}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store" if record.status != "published" else "public, max-age=300",
        },
    )


@router.delete("/{file_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Remove a file from a record")
async def remove_file(
    record_id: str,
    file_id: str,
    request: Request,
    session: DBSession,
    principal: StaffPrincipal,
    settings: Settings,
    background: BackgroundTasks,
) -> Response:
    """Coordinators and admins. On a published record this makes a new version; the earlier
    versions still list the file (its bytes are kept)."""
    record = await records.get(session, record_id, staff=True)
    unused = await service.remove(session, record=record, file_id=file_id, by=principal.subject, settings=settings)
    if unused:
        service.discard_later(background, request, unused)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
