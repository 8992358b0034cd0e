from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from catalogue.dependencies import IsStaff, Settings, organisation_ids
from catalogue.facets import labelled
from catalogue.module import service as modules
from catalogue.module.schemas import ModuleCreate, ModuleRead, ModuleUpdate
from catalogue.programme import service, views
from catalogue.programme.models import Programme
from catalogue.programme.repository import ProgrammeFilters, search_programmes
from catalogue.programme.schemas import (
    ProgrammeCreate,
    ProgrammeDetail,
    ProgrammeRead,
    ProgrammeTransition,
    ProgrammeUpdate,
)
from catalogue.schemas import FacetedPage
from catalogue.session import service as sessions
from catalogue.session import views as session_views
from catalogue.session.repository import SessionFilters, search_sessions
from catalogue.settings import CatalogueSettings
from catalogue.theme import service as themes
from catalogue.timeutil import utcnow
from catalogue.vocabulary import Audience, ProgrammeKind, ProgrammeStatus
from common.db import DBSession
from common.i18n import Lang, RequestLanguage
from common.pagination import Page, Pagination
from common.security import StaffPrincipal

router = APIRouter(prefix="/programmes", tags=["programmes"])

UPCOMING = 20


@router.get("", response_model=FacetedPage[ProgrammeRead], summary="Search programmes")
async def list_programmes(
    session: DBSession,
    page: Pagination,
    lang: RequestLanguage,
    settings: Settings,
    staff: IsStaff,
    response: Response,
    q: Annotated[str | None, Query(max_length=200, description="Words to find (any language)")] = None,
    theme: Annotated[list[str] | None, Query()] = None,
    kind: Annotated[list[ProgrammeKind] | None, Query()] = None,
    audience: Annotated[list[Audience] | None, Query()] = None,
    status: Annotated[
        list[ProgrammeStatus] | None, Query(description="Default: published; archived for anyone, draft for staff")
    ] = None,
    partner: Annotated[
        list[str] | None, Query(description="Programmes these partner institutions take part in (organisation ids)")
    ] = None,
) -> FacetedPage[ProgrammeRead]:
    """Public: the Executive Master, the Colleges and event series, with facet counts (theme,
    kind, audience)."""
    filters = ProgrammeFilters(
        q=q,
        theme=list(theme or []),
        kind=[k.value for k in kind or []],
        audience=[a.value for a in audience or []],
        status=[s.value for s in status or []],
        staff=staff,
        partner=organisation_ids(partner, "partner"),
    )
    rows, total, counts = await search_programmes(session, filters, limit=page.limit, offset=page.offset)
    response.headers["Content-Language"] = lang.code
    return FacetedPage[ProgrammeRead](
        items=await views.to_reads(session, rows, lang, staff=staff, public_url=settings.public_url),
        total=total,
        limit=page.limit,
        offset=page.offset,
        facets=labelled(counts, lang, await themes.titles(session)),
    )


async def _detail(
    session: DBSession, programme: Programme, lang: Lang, settings: CatalogueSettings, staff: bool
) -> ProgrammeDetail:
    now = utcnow()
    filters = SessionFilters(programme=programme.id, starts_from=now)
    rows, _ = await search_sessions(session, filters, limit=UPCOMING, offset=0, now=now, with_total=False)
    related = await sessions.related(session, rows)
    upcoming = [
        session_views.to_read(r, related, lang, staff=staff, public_url=settings.public_url, now=now) for r in rows
    ]
    return await views.to_detail(
        session, programme, lang, staff=staff, public_url=settings.public_url, upcoming=upcoming
    )


@router.get("/{programme_id}", response_model=ProgrammeDetail, summary="One programme")
async def read_programme(
    programme_id: str, session: DBSession, lang: RequestLanguage, settings: Settings, staff: IsStaff, response: Response
) -> ProgrammeDetail:
    """Public (by id or code; a draft is not found, except by staff): modules, upcoming sessions
    and its schema.org JSON-LD."""
    programme = await service.get_by_id_or_code(session, programme_id, staff=staff)
    response.headers["Content-Language"] = lang.code
    return await _detail(session, programme, lang, settings, staff)


@router.post("", response_model=ProgrammeDetail, status_code=status.HTTP_201_CREATED, summary="Create a programme")
async def create_programme(
    data: ProgrammeCreate, session: DBSession, principal: StaffPrincipal, lang: RequestLanguage, settings: Settings
) -> ProgrammeDetail:
    """Coordinators and admins. The programme starts as a draft."""
    programme = await service.create(session, data=data, by=principal.subject)
    return await _detail(session, programme, lang, settings, True)


@router.patch("/{programme_id}", response_model=ProgrammeDetail, summary="Change a programme")
async def update_programme(
    programme_id: str,
    data: ProgrammeUpdate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
) -> ProgrammeDetail:
    """Coordinators and admins. Only the fields sent change."""
    programme = await service.get(session, programme_id, staff=True)
    programme = await service.update(session, programme=programme, data=data, by=principal.subject)
    return await _detail(session, programme, lang, settings, True)


@router.post("/{programme_id}/transitions", response_model=ProgrammeDetail, summary="Publish or archive a programme")
async def transition_programme(
    programme_id: str,
    data: ProgrammeTransition,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
) -> ProgrammeDetail:
    """Coordinators and admins. An action the current status does not allow answers 409."""
    programme = await service.get(session, programme_id, staff=True)
    programme = await service.transition(session, programme=programme, action=data.action, by=principal.subject)
    return await _detail(session, programme, lang, settings, True)


@router.delete("/{programme_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a draft programme")
async def delete_programme(programme_id: str, session: DBSession, _: StaffPrincipal) -> Response:
    """Coordinators and admins; drafts without sessions only (archive a published programme)."""
    programme = await service.get(session, programme_id, staff=True)
    await service.delete_draft(session, programme=programme)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---------------------------------------------------------------------------- modules


@router.get("/{programme_id}/modules", response_model=Page[ModuleRead], summary="A programme's modules")
async def list_modules(
    programme_id: str, session: DBSession, lang: RequestLanguage, staff: IsStaff, page: Pagination
) -> Page[ModuleRead]:
    """Public (a draft programme is not found, except by staff), in order."""
    programme = await service.get_by_id_or_code(session, programme_id, staff=staff)
    items = [modules.to_read(m, lang) for m in await modules.of_programme(session, programme.id)]
    return Page(
        items=items[page.offset : page.offset + page.limit], total=len(items), limit=page.limit, offset=page.offset
    )


@router.post(
    "/{programme_id}/modules", response_model=ModuleRead, status_code=status.HTTP_201_CREATED, summary="Add a module"
)
async def create_module(
    programme_id: str, data: ModuleCreate, session: DBSession, principal: StaffPrincipal, lang: RequestLanguage
) -> ModuleRead:
    """Coordinators and admins."""
    programme = await service.get(session, programme_id, staff=True)
    service.ensure_editable(programme)
    module = await modules.create(session, programme=programme, data=data)
    await service.modules_changed(session, programme=programme, by=principal.subject)
    return modules.to_read(module, lang)


@router.patch("/{programme_id}/modules/{module_id}", response_model=ModuleRead, summary="Change a module")
async def update_module(
    programme_id: str,
    module_id: str,
    data: ModuleUpdate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
) -> ModuleRead:
    """Coordinators and admins. Moving a module (`position`) renumbers the others."""
    programme = await service.get(session, programme_id, staff=True)
    service.ensure_editable(programme)
    module = await modules.get(session, programme, module_id)
    changed = await modules.update(session, module=module, data=data)
    if changed:
        await service.modules_changed(session, programme=programme, by=principal.subject)
        if "title" in changed or "summary" in changed:
            await sessions.follow_module(session, module=module, by=principal.subject)
    return modules.to_read(module, lang)


@router.delete("/{programme_id}/modules/{module_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Remove a module")
async def delete_module(programme_id: str, module_id: str, session: DBSession, principal: StaffPrincipal) -> Response:
    """Coordinators and admins; a module no session runs."""
    programme = await service.get(session, programme_id, staff=True)
    service.ensure_editable(programme)
    module = await modules.get(session, programme, module_id)
    await modules.delete(session, module=module)
    await service.modules_changed(session, programme=programme, by=principal.subject)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
