from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, StringConstraints
from sqlalchemy import func, select
from sqlmodel import col

from common.db import DBSession
from common.errors import NotFound
from common.i18n import ReaderLanguage, pick
from common.pagination import Page, Pagination
from common.security import CurrentPrincipal, StaffPrincipal
from enrollment.certificate import pdf, service
from enrollment.certificate.models import Certificate
from enrollment.dependencies import Settings

router = APIRouter(prefix="/certificates", tags=["certificates"])

Code = Annotated[str, Path(min_length=8, max_length=40, description="The code printed on the certificate")]


class CertificateVerification(BaseModel):
    """The public answer: holder, programme, session, date and status, and nothing else."""

    code: str
    holder: str
    programme: str | None
    session: str | None
    date: date
    status: Literal["valid", "revoked"]


class CertificateRead(BaseModel):
    code: str
    application_id: str
    learner_id: str
    session_id: str
    holder: str
    programme: str | None
    session: str | None
    session_starts_at: datetime | None = None
    completed_on: date
    status: str
    issued_at: datetime
    revoked_at: datetime | None
    revocation_reason: str | None
    verification_url: str
    pdf_url: str


class Revocation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]


def _read(cert: Certificate, lang: str, public_url: str) -> CertificateRead:
    code = service.display_code(cert.code)
    return CertificateRead(
        code=code,
        application_id=cert.application_id,
        learner_id=cert.learner_id,
        session_id=cert.session_id,
        holder=cert.holder_name,
        programme=pick(cert.programme_title, lang),
        session=pick(cert.session_title, lang),
        session_starts_at=cert.session_starts_at,
        completed_on=cert.completed_on,
        status=cert.status,
        issued_at=cert.issued_at,
        revoked_at=cert.revoked_at,
        revocation_reason=cert.revocation_reason,
        verification_url=service.verification_url(public_url, cert.code),
        pdf_url=f"/certificates/{code}/pdf",
    )


@router.get("", response_model=Page[CertificateRead], summary="Certificates: a learner's own, or all")
async def list_certificates(
    session: DBSession,
    principal: CurrentPrincipal,
    page: Pagination,
    lang: ReaderLanguage,
    settings: Settings,
    session_id: Annotated[str | None, Query(max_length=36)] = None,
) -> Page[CertificateRead]:
    """A learner gets their own certificates; coordinators and admins get all of them."""
    query = select(Certificate)
    if not principal.is_staff:
        query = query.where(col(Certificate.learner_id) == principal.subject)
    if session_id:
        query = query.where(col(Certificate.session_id) == session_id)
    total = int((await session.execute(select(func.count()).select_from(query.subquery()))).scalar_one())
    rows = (
        await session.execute(
            query.order_by(col(Certificate.issued_at).desc(), col(Certificate.id)).limit(page.limit).offset(page.offset)
        )
    ).scalars()
    return Page(
        items=[_read(c, lang, settings.public_url) for c in rows], total=total, limit=page.limit, offset=page.offset
    )


@router.get("/{code}", response_model=CertificateVerification, summary="Verify a certificate")
async def verify(code: Code, session: DBSession, lang: ReaderLanguage, response: Response) -> CertificateVerification:
    """Public: anyone holding the code (printed on the certificate, in its QR code) sees who holds
    it, for which programme and session, since when, and whether it is valid or revoked."""
    cert = await service.by_code(session, code)
    response.headers["Cache-Control"] = "no-store"
    return CertificateVerification(
        code=service.display_code(cert.code),
        holder=cert.holder_name,
        programme=pick(cert.programme_title, lang),
        session=pick(cert.session_title, lang),
        date=cert.completed_on,
        status="revoked" if cert.status == "revoked" else "valid",
    )


@router.get(
    "/{code}/pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
    summary="Download a certificate (PDF with a verification QR code)",
)
async def download(
    code: Code, session: DBSession, principal: CurrentPrincipal, settings: Settings, lang: ReaderLanguage
) -> Response:
    """The holder, coordinators and admins (anyone else: 404)."""
    cert = await service.by_code(session, code)
    if not (principal.is_staff or cert.learner_id == principal.subject):
        raise NotFound("No certificate with this code.")
    body = pdf.render(cert, public_url=settings.public_url, language=lang)
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="certificate-{service.display_code(cert.code)}.pdf"'},
    )


@router.post("/{code}/revoke", response_model=CertificateRead, summary="Revoke a certificate")
async def revoke(
    code: Code,
    data: Revocation,
    session: DBSession,
    principal: StaffPrincipal,
    settings: Settings,
    lang: ReaderLanguage,
) -> CertificateRead:
    """Coordinators and admins; verification then answers `revoked`."""
    cert = await service.by_code(session, code)
    cert = await service.revoke(session, certificate=cert, reason=data.reason, by=principal.subject)
    return _read(cert, lang, settings.public_url)
