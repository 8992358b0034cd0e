from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, status

from common.db import DBSession
from common.i18n import names_language, negotiate
from common.pagination import Page, Pagination
from common.security import OptionalPrincipal, StaffPrincipal
from identity.organisation import service
from identity.organisation.countries import african_countries
from identity.organisation.models import Organisation, OrganisationKind
from identity.organisation.schemas import CountryList, OrganisationCreate, OrganisationRead, PartnershipUpdate

router = APIRouter(tags=["organisations"])


@router.get("/countries", response_model=CountryList, summary="The 54 African countries")
async def countries(
    lang: Literal["fr", "en"] | None = None, accept_language: Annotated[str | None, Header()] = None
) -> CountryList:
    """Public. Names in `?lang=` or Accept-Language (French by default), ISO 3166-1 codes."""
    items = african_countries(names_language(negotiate(lang, accept_language)))
    return CountryList.model_validate({"items": items, "total": len(items)})


def _read(organisation: Organisation, principal: OptionalPrincipal) -> OrganisationRead:
    read = OrganisationRead.model_validate(organisation)
    if principal is None or not principal.is_staff:
        read.focal_point_user_id = None
    return read


@router.get("/organisations", response_model=Page[OrganisationRead], summary="Search organisations")
async def list_organisations(
    session: DBSession,
    page: Pagination,
    principal: OptionalPrincipal,
    q: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    kind: OrganisationKind | None = None,
    partner: Annotated[bool | None, Query(description="true: partner institutions only; false: the others")] = None,
) -> Page[OrganisationRead]:
    """Public: local governments, national associations and partners users can belong to
    (focal points are shown to coordinators and admins)."""
    rows, total = await service.search(session, q=q, country=country, kind=kind, partner=partner, params=page)
    return Page(items=[_read(r, principal) for r in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/organisations/{organisation_id}", response_model=OrganisationRead, summary="One organisation")
async def read_organisation(organisation_id: str, session: DBSession, principal: OptionalPrincipal) -> OrganisationRead:
    """Public (the focal point is shown to coordinators and admins)."""
    return _read(await service.get(session, organisation_id), principal)


@router.put(
    "/organisations/{organisation_id}/partnership",
    response_model=OrganisationRead,
    summary="Make an organisation a partner and name its focal point",
)
async def put_partnership(
    organisation_id: str, data: PartnershipUpdate, session: DBSession, principal: StaffPrincipal
) -> OrganisationRead:
    """Coordinators and admins. The focal point sees the figures of the partner's activities from
    their next access token on (at most 15 minutes, or at once after logging in again)."""
    organisation = await service.get(session, organisation_id)
    await service.set_partnership(session, organisation=organisation, data=data, by=principal.subject)
    return _read(organisation, principal)


@router.post(
    "/organisations",
    response_model=OrganisationRead,
    status_code=status.HTTP_201_CREATED,
    summary="Register an organisation",
)
async def create_organisation(
    data: OrganisationCreate, session: DBSession, principal: StaffPrincipal
) -> OrganisationRead:
    """Coordinators and admins."""
    organisation = await service.create(session, data=data, by=principal.subject)
    return OrganisationRead.model_validate(organisation)
