from __future__ import annotations

import io
from typing import Annotated, Literal

import segno
from fastapi import APIRouter, File, Form, Header, Query, Response, UploadFile, status

from common.db import DBSession
from common.errors import Forbidden
from common.i18n import ReaderLanguage
from common.pagination import Pagination
from common.security import CurrentPrincipal, StaffPrincipal
from enrollment.application import attachments, service, views
from enrollment.application.models import Placement, Status
from enrollment.application.schemas import (
    ApplicationCreate,
    ApplicationDetail,
    ApplicationPage,
    AttachmentRead,
    BulkResult,
    BulkTransitionIn,
    EndorserIn,
    PlacementIn,
    PlacementRead,
    TransitionIn,
)
from enrollment.dependencies import Settings, UserPrincipal
from enrollment.endorsement import service as endorsements
from enrollment.session.seats import lock_session
from enrollment.timeutil import utcnow

router = APIRouter(prefix="/applications", tags=["applications"])

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Retrying with the same key and body answers the first result and creates nothing new.",
    ),
]


@router.post("", response_model=ApplicationDetail, status_code=status.HTTP_201_CREATED, summary="Apply to a session")
async def create_application(
    data: ApplicationCreate,
    session: DBSession,
    principal: UserPrincipal,
    settings: Settings,
    lang: ReaderLanguage,
    response: Response,
    idempotency_key: IdempotencyKeyHeader = None,
) -> ApplicationDetail:
    """Any logged-in person, for themselves. `{session_id, motivation}` is enough. One live
    application per session (a second: 409). Sessions in automatic admission answer accepted or
    waitlisted at once."""
    app, created = await service.create(
        session, principal=principal, data=data, idempotency_key=idempotency_key, settings=settings
    )
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    response.headers["Location"] = f"/applications/{app.id}"
    return await views.to_detail(session, app, principal, lang)


@router.get("", response_model=ApplicationPage, summary="Applications: a learner's own, or the review queue")
async def list_applications(
    session: DBSession,
    principal: CurrentPrincipal,
    page: Pagination,
    lang: ReaderLanguage,
    session_id: Annotated[str | None, Query(max_length=36)] = None,
    status_: Annotated[list[Status] | None, Query(alias="status", description="Repeat for several")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="Coordinators")] = None,
    organisation_id: Annotated[str | None, Query(max_length=36, description="Coordinators")] = None,
    gender: Annotated[str | None, Query(max_length=20, description="Coordinators")] = None,
    learner_id: Annotated[str | None, Query(max_length=36, description="Coordinators")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name, e-mail or organisation (coordinators)")] = None,
) -> ApplicationPage:
    """A learner gets their own applications (newest first); coordinators and admins get every
    application (oldest first: the review queue) with filters, and facet counts."""
    filters = service.ApplicationFilters(
        session_id=session_id,
        status=[s.value for s in status_ or []],
        country=country,
        organisation_id=organisation_id,
        gender=gender,
        learner_id=learner_id,
        q=q,
    )
    rows, total, facets = await service.search(session, principal=principal, filters=filters, params=page)
    return ApplicationPage(
        items=await views.to_reads(session, rows, principal, lang),
        total=total,
        limit=page.limit,
        offset=page.offset,
        facets=facets,
    )


@router.post("/bulk-transitions", response_model=BulkResult, summary="Decide on many applications at once")
async def bulk_transition(
    data: BulkTransitionIn, session: DBSession, principal: StaffPrincipal, settings: Settings, lang: ReaderLanguage
) -> BulkResult:
    """Coordinators and admins. All or nothing: if one application cannot take the action, none
    changes and the 409 lists each one at fault (`errors[].field` is its id)."""
    done = await service.bulk_act(
        session,
        application_ids=data.application_ids,
        principal=principal,
        action=data.action,
        message=data.message,
        settings=settings,
    )
    return BulkResult(action=data.action, items=await views.to_reads(session, done, principal, lang), total=len(done))


@router.get("/{application_id}", response_model=ApplicationDetail, summary="One application with its timeline")
async def read_application(
    application_id: str, session: DBSession, principal: CurrentPrincipal, lang: ReaderLanguage
) -> ApplicationDetail:
    """The applicant, coordinators and admins; anyone else gets 404."""
    app = await service.get_visible(session, application_id, principal)
    app = await service.expire_if_due(session, app)
    return await views.to_detail(session, app, principal, lang)


@router.post("/{application_id}/transitions", response_model=ApplicationDetail, summary="Move an application on")
async def transition(
    application_id: str,
    data: TransitionIn,
    session: DBSession,
    principal: CurrentPrincipal,
    settings: Settings,
    lang: ReaderLanguage,
) -> ApplicationDetail:
    """The applicant: submit, confirm, withdraw. Coordinators: review, accept, waitlist, reject,
    complete, no_show, withdraw. A move the status does not allow answers 409 with the allowed ones."""
    app = await service.act(
        session,
        application_id=application_id,
        principal=principal,
        action=data.action,
        message=data.message,
        settings=settings,
    )
    return await views.to_detail(session, app, principal, lang)


@router.put("/{application_id}/endorser", response_model=ApplicationDetail, summary="Name (another) endorser")
async def name_endorser(
    application_id: str,
    data: EndorserIn,
    session: DBSession,
    principal: CurrentPrincipal,
    settings: Settings,
    lang: ReaderLanguage,
) -> ApplicationDetail:
    """The applicant, while the application waits for its endorsement: a new link is sent and the
    previous one stops working."""
    app = await service.get_visible(session, application_id, principal)
    if not service.is_owner(app, principal):
        raise Forbidden("Only the applicant names their endorser.")
    run = await lock_session(session, app.session_id)
    await session.refresh(app)
    if app.status not in (Status.draft, Status.submitted):
        raise service.workflow.TransitionRefused("The endorsement can only change before a decision.")
    if app.status == Status.submitted and run.requires_endorsement:
        await endorsements.request(session, app=app, run=run, endorser=data, settings=settings)
    else:
        endorsement = await service._endorsement_of(session, app.id)
        if endorsement is None:
            session.add(
                endorsements.Endorsement(
                    application_id=app.id,
                    endorser_name=data.name,
                    endorser_email=data.email,
                    endorser_organisation=data.organisation,
                    endorser_role=data.role,
                )
            )
        else:
            endorsement.endorser_name, endorsement.endorser_email = data.name, data.email
            endorsement.endorser_organisation, endorsement.endorser_role = data.organisation, data.role
            session.add(endorsement)
    await session.flush()
    return await views.to_detail(session, app, principal, lang)


@router.post(
    "/{application_id}/attachments",
    response_model=AttachmentRead,
    status_code=status.HTTP_201_CREATED,
    summary="Attach a PDF (CV, letter of support, report)",
)
async def add_attachment(
    application_id: str,
    session: DBSession,
    principal: CurrentPrincipal,
    settings: Settings,
    kind: Annotated[Literal["cv", "letter", "report"], Form()],
    file: Annotated[UploadFile, File(description="A PDF document")],
) -> AttachmentRead:
    """The applicant (and coordinators). PDF only, checked by content (415 otherwise), at most
    ENROLLMENT_MAX_ATTACHMENT_BYTES (413 otherwise)."""
    app = await service.get_visible(session, application_id, principal)
    content = await attachments.read_limited(file, settings.max_attachment_bytes)
    attachment = await attachments.add(
        session, app=app, kind=kind, filename=file.filename, content=content, by=principal.subject
    )
    return AttachmentRead.model_validate(attachment)


@router.get(
    "/{application_id}/attachments/{attachment_id}",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
    summary="Download an attachment",
)
async def download_attachment(
    application_id: str, attachment_id: str, session: DBSession, principal: CurrentPrincipal
) -> Response:
    """The applicant, coordinators and admins."""
    app = await service.get_visible(session, application_id, principal)
    attachment = await attachments.get(session, app, attachment_id)
    return Response(
        attachment.content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{attachment.filename}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get(
    "/{application_id}/attendance-qr.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
    summary="The learner's attendance QR code",
)
async def attendance_qr(application_id: str, session: DBSession, principal: CurrentPrincipal) -> Response:
    """The applicant, coordinators and admins. The code holds an opaque token of this enrolment
    (nothing personal), scanned at the door: `POST /sessions/{id}/attendance/scan`."""
    app = await service.get_visible(session, application_id, principal)
    # A document of its own (an <img>'s source), hence with its namespace, unlike `svg_inline`; on
    # white, so that a camera reads it in a dark theme too.
    out = io.BytesIO()
    segno.make(app.attendance_token, error="m").save(out, kind="svg", scale=6, xmldecl=False, light="#fff")
    return Response(out.getvalue(), media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=300"})


@router.put("/{application_id}/placement", response_model=PlacementRead, summary="Record an internship or study trip")
async def put_placement(
    application_id: str, data: PlacementIn, session: DBSession, principal: StaffPrincipal
) -> PlacementRead:
    """Coordinators and admins: host, tutor and report of an internship or a study trip."""
    app = await service.get_visible(session, application_id, principal)
    if data.report_attachment_id is not None:
        attachment = await attachments.get(session, app, data.report_attachment_id)
        if attachment.kind != "report":
            raise service.ValidationFailed.on("report_attachment_id", "Attach the report as kind `report`.")
    placement = await session.get(Placement, app.id) or Placement(application_id=app.id, updated_by=principal.subject)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(placement, name, value)
    placement.updated_by = principal.subject
    placement.updated_at = utcnow()
    session.add(placement)
    await session.flush()
    return PlacementRead.model_validate(placement)
