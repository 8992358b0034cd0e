"""publications' shared request dependencies: settings, the file store, the caller's standing, search filters."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from pydantic import Field

from common.errors import Forbidden, ValidationFailed
from common.security import OptionalPrincipal
from publications.file.storage import FileStore
from publications.search.repository import RecordFilters
from publications.settings import PublicationsSettings
from publications.vocabulary import RecordStatus, RecordType

Year = Annotated[int, Field(ge=1900, le=2200)]


# `async def` although they do no I/O: FastAPI runs a plain `def` dependency in its thread pool.
async def _settings(request: Request) -> PublicationsSettings:
    return request.app.state.settings


async def _store(request: Request) -> FileStore:
    return request.app.state.file_store


async def _is_staff(principal: OptionalPrincipal) -> bool:
    return principal is not None and principal.is_staff


Settings = Annotated[PublicationsSettings, Depends(_settings)]
Store = Annotated[FileStore, Depends(_store)]
#: A public endpoint that shows drafts (and staff-only fields) to coordinators and admins.
IsStaff = Annotated[bool, Depends(_is_staff)]


def _organisation_ids(values: list[str] | None) -> list[str]:
    ids = []
    for value in values or []:
        try:
            ids.append(str(uuid.UUID(value.strip())))
        except ValueError:
            raise ValidationFailed.on("partner", "Not an organisation id.") from None
    return ids


async def record_filters(
    staff: IsStaff,
    q: Annotated[
        str | None,
        Query(
            max_length=200, description="Words to find in titles, abstracts, keywords and author names (any language)"
        ),
    ] = None,
    type: Annotated[list[RecordType] | None, Query(description="Record types (repeat for several)")] = None,
    theme: Annotated[list[str] | None, Query(description="Theme codes (repeat for several)")] = None,
    language: Annotated[
        list[str] | None,
        Query(description="Languages of the documents, ISO 639-1 (not the response language: see lang)"),
    ] = None,
    year: Annotated[list[Year] | None, Query(description="Years of publication")] = None,
    author: Annotated[
        list[str] | None,
        Query(description="Authors: a name (case and accents ignored), an expert id or an ORCID iD"),
    ] = None,
    status: Annotated[
        list[RecordStatus] | None, Query(description="Default: published. Drafts and withdrawn records: staff only")
    ] = None,
    sort: Annotated[
        Literal["relevance", "newest", "oldest"] | None,
        Query(description="Default: relevance when `q` is given, else newest"),
    ] = None,
    partner: Annotated[
        list[str] | None, Query(description="Records these partner institutions took part in (organisation ids)")
    ] = None,
) -> RecordFilters:
    statuses = [s.value for s in status or [RecordStatus.published]]
    if not staff and statuses != [RecordStatus.published.value]:
        raise Forbidden("Only coordinators and admins can list drafts and withdrawn records.")
    return RecordFilters(
        q=q,
        type=[t.value for t in type or []],
        theme=[t.strip() for t in theme or [] if t.strip()],
        language=[code.strip().lower() for code in language or [] if code.strip()],
        year=list(dict.fromkeys(year or [])),
        author=[a.strip() for a in author or [] if a.strip()],
        status=list(dict.fromkeys(statuses)),
        sort=sort,
        partner=_organisation_ids(partner),
    )


RecordQuery = Annotated[RecordFilters, Depends(record_filters)]
