from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from common.db import DBSession
from common.i18n import RequestLanguage
from publications.citation.formats import FORMATS, CitationFormat
from publications.dependencies import IsStaff, RecordQuery, Settings
from publications.record import service
from publications.record.state import state_of
from publications.search.repository import search

router = APIRouter(tags=["citations"])

FormatQuery = Annotated[CitationFormat, Query(description="bibtex, ris or csl (CSL-JSON)")]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The citation, as a file",
        "content": {fmt.media_type.split(";")[0]: {"schema": {"type": "string"}} for fmt in FORMATS.values()},
    }
}


def _file(body: str, fmt: CitationFormat, name: str, language: str) -> Response:
    spec = FORMATS[fmt]
    return Response(
        body,
        media_type=spec.media_type,
        headers={
            "Content-Disposition": f'inline; filename="{name}.{spec.extension}"',
            "Content-Language": language,
        },
    )


@router.get("/records/citation", response_class=Response, responses=_RESPONSES, summary="Cite a search result")
async def cite_search(
    session: DBSession,
    filters: RecordQuery,
    lang: RequestLanguage,
    settings: Settings,
    format: FormatQuery = CitationFormat.bibtex,
    limit: Annotated[int, Query(ge=1, le=1000, description="Records to cite, from the first")] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Public: the records a search finds (same filters as GET /records, same order), in one file."""
    rows, _, _ = await search(session, filters, limit=limit, offset=offset, with_facets=False)
    files = await service.files_of(session, [r.id for r in rows])
    states = [(state_of(r, files[r.id]), settings.record_url(r.id)) for r in rows]
    return _file(FORMATS[format].render(states, lang.code), format, "alga-library", lang.code)


@router.get("/records/{record_id}/citation", response_class=Response, responses=_RESPONSES, summary="Cite a record")
async def cite_record(
    record_id: str,
    session: DBSession,
    lang: RequestLanguage,
    settings: Settings,
    staff: IsStaff,
    format: FormatQuery = CitationFormat.bibtex,
) -> Response:
    """Public for a published record: BibTeX, RIS or CSL-JSON, the title in the asked language."""
    record = await service.get(session, record_id, staff=staff)
    state = await service.current_state(session, record)
    body = FORMATS[format].render([(state, settings.record_url(record.id))], lang.code)
    return _file(body, format, f"alga-{record.id[:8]}", lang.code)
