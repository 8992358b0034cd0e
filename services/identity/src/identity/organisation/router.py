from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, status

from common.db import DBSession
from common.pagination import Page, Pagination
from common.security import StaffPrincipal
from identity.organisation import service
from identity.organisation.countries import african_countries
from identity.organisation.models import OrganisationKind
from identity.organisation.schemas import CountryList, OrganisationCreate, OrganisationRead

router = APIRouter(tags=["organisations"])


def pick_language(lang: str | None, accept_language: str | None) -> str:
    if lang in ("fr", "en"):
        return lang
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in ("fr", "en"):
            return code
    return "fr"


@router.get("/countries", response_model=CountryList, summary="The 54 African countries")
async def countries(
    lang: Literal["fr", "en"] | None = None, accept_language: Annotated[str | None, Header()] = None
) -> CountryList:
    """Public. Names in `?lang=` or Accept-Language (French by default), ISO 3166-1 codes."""
    items = african_countries(pick_language(lang, accept_language))
    return CountryList.model_validate({"items": items, "total": len(items)})


@router.get("/organisations", response_model=Page[OrganisationRead], summary="Search organisations")
async def list_organisations(
    session: DBSession,
    page: Pagination,
    q: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    kind: OrganisationKind | None = None,
) -> Page[OrganisationRead]:
    """Public: local governments, national associations and partners users can belong to."""
    rows, total = await service.search(session, q=q, country=country, kind=kind, params=page)
    return Page(
        items=[OrganisationRead.model_validate(r) for r in rows], total=total, limit=page.limit, offset=page.offset
    )


@router.get("/organisations/{organisation_id}", response_model=OrganisationRead, summary="One organisation")
async def read_organisation(organisation_id: str, session: DBSession) -> OrganisationRead:
    """Public."""
    return OrganisationRead.model_validate(await service.get(session, organisation_id))


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
