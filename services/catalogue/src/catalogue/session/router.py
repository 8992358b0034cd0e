from __future__ import annotations

from fastapi import APIRouter, Response, status

from catalogue.dependencies import Experts, IsStaff, SessionQuery, Settings
from catalogue.expert.service import trainers as named_trainers
from catalogue.facets import labelled
from catalogue.schemas import FacetedPage
from catalogue.session import service, views
from catalogue.session.repository import faceted_search
from catalogue.session.schemas import SessionCreate, SessionDetail, SessionRead, SessionTransition, SessionUpdate
from catalogue.theme import service as themes
from catalogue.timeutil import utcnow
from common.db import DBSession
from common.i18n import RequestLanguage
from common.pagination import Pagination
from common.security import StaffPrincipal

router = APIRouter(prefix="/sessions", tags=["sessions"])


@router.get("", response_model=FacetedPage[SessionRead], summary="Search sessions and events")
async def list_sessions(
    session: DBSession,
    page: Pagination,
    filters: SessionQuery,
    lang: RequestLanguage,
    settings: Settings,
    staff: IsStaff,
    response: Response,
) -> FacetedPage[SessionRead]:
    """Public: full-text search (`q`, both languages, accents and case ignored) with filters and
    facet counts, earliest first. Drafts only for staff who ask (`status=draft`)."""
    now = utcnow()
    ids, total, counts = await faceted_search(session, filters, limit=page.limit, offset=page.offset, now=now)
    rows, related = await service.read_page(session, ids, theme_titles=await themes.titles(session))
    response.headers["Content-Language"] = lang.code
    return FacetedPage[SessionRead](
        items=[views.to_read(r, related, lang, staff=staff, public_url=settings.public_url, now=now) for r in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
        facets=labelled(counts, lang, related.theme_titles),
    )


async def _detail(session: DBSession, run: service.CourseSession, lang, settings, staff: bool) -> SessionDetail:
    related = await service.related(session, [run])
    named = await named_trainers(session, list(run.trainer_ids or []))
    return views.to_detail(run, related, lang, trainers=named, staff=staff, public_url=settings.public_url)


@router.get("/{session_id}", response_model=SessionDetail, summary="One session or event")
async def read_session(
    session_id: str, session: DBSession, lang: RequestLanguage, settings: Settings, staff: IsStaff, response: Response
) -> SessionDetail:
    """Public (a draft is not found, except by staff), with its schema.org JSON-LD."""
    run = await service.get(session, session_id, staff=staff)
    response.headers["Content-Language"] = lang.code
    return await _detail(session, run, lang, settings, staff)


@router.post("", response_model=SessionDetail, status_code=status.HTTP_201_CREATED, summary="Create a session")
async def create_session(
    data: SessionCreate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
    experts: Experts,
) -> SessionDetail:
    """Coordinators and admins. The session starts as a draft. `trainer_ids` must name verified
    experts (422 naming `trainer_ids.<n>` otherwise; 503 when experts cannot be asked about an
    id catalogue has not heard of yet)."""
    trainers = await service.vet_trainers(experts, trainer_ids=data.trainer_ids)
    run = await service.create(session, data=data, by=principal.subject, trainers=trainers)
    return await _detail(session, run, lang, settings, True)


@router.patch("/{session_id}", response_model=SessionDetail, summary="Change a session")
async def update_session(
    session_id: str,
    data: SessionUpdate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
    experts: Experts,
) -> SessionDetail:
    """Coordinators and admins. Only the fields sent change; every rule is checked on the result.
    Trainers newly named must be verified experts; those the session already names stay."""
    sent = data.trainer_ids if "trainer_ids" in data.model_fields_set else None
    trainers = await service.vet_trainers(experts, trainer_ids=sent, session_id=session_id)
    run = await service.get(session, session_id, staff=True)
    run = await service.update(session, run=run, data=data, by=principal.subject, trainers=trainers)
    return await _detail(session, run, lang, settings, True)


@router.post(
    "/{session_id}/transitions",
    response_model=SessionDetail,
    summary="Publish, open or close applications, cancel, complete",
)
async def transition_session(
    session_id: str,
    data: SessionTransition,
    session: DBSession,
    principal: StaffPrincipal,
    lang: RequestLanguage,
    settings: Settings,
) -> SessionDetail:
    """Coordinators and admins. An action the current status does not allow answers 409."""
    run = await service.get(session, session_id, staff=True)
    run = await service.transition(session, run=run, action=data.action, reason=data.reason, by=principal.subject)
    return await _detail(session, run, lang, settings, True)


@router.delete("/{session_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a draft session")
async def delete_session(session_id: str, session: DBSession, _: StaffPrincipal) -> Response:
    """Coordinators and admins; drafts only (cancel a session the public has seen)."""
    run = await service.get(session, session_id, staff=True)
    await service.delete_draft(session, run=run)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
