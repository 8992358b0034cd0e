from __future__ import annotations

from fastapi import APIRouter, Response

from common.db import DBSession
from common.i18n import ReaderLanguage, names_language
from common.pagination import Pagination
from common.security import CurrentPrincipal, StaffPrincipal
from experts.countries import country_name, language_name
from experts.dependencies import DirectoryQuery, Settings
from experts.directory import export, service
from experts.directory.repository import listed_rows, search_directory
from experts.profile import service as profiles
from experts.profile import views
from experts.profile.schemas import ExpertDetail, ExpertStatus, ExpertSummary, StatusCheck, StatusList
from experts.schemas import FacetedPage, FacetValue
from experts.vocabulary import label, theme_title

router = APIRouter(prefix="/experts", tags=["directory"])


def _labelled(counts: dict[str, list[tuple[str, int]]], lang: str) -> dict[str, list[FacetValue]]:
    names_in = names_language(lang)
    namers = {
        "theme": lambda v: theme_title(v, names_in),
        "country": lambda v: country_name(v, names_in),
        "language": lambda v: language_name(v, names_in),
        "availability": lambda v: label(v, names_in),
    }
    return {
        facet: [FacetValue(value=v, count=n, label=namers[facet](v)) for v, n in values]
        for facet, values in counts.items()
    }


@router.get("", response_model=FacetedPage[ExpertSummary], summary="Find experts")
async def list_experts(
    session: DBSession,
    page: Pagination,
    filters: DirectoryQuery,
    lang: ReaderLanguage,
    settings: Settings,
    response: Response,
) -> FacetedPage[ExpertSummary]:
    """Public: verified experts who consented to be listed. Full-text `q` (accents and case
    ignored, every word a prefix) and filters, with facet counts; by name."""
    rows, total, counts = await search_directory(session, filters, limit=page.limit, offset=page.offset)
    related = await views.related(session, rows)
    response.headers["Content-Language"] = lang
    return FacetedPage[ExpertSummary](
        items=[views.to_summary(r, related, lang, public_url=settings.public_url) for r in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
        facets=_labelled(counts, lang),
    )


@router.get(
    "/export.csv",
    response_class=Response,
    summary="The directory as CSV",
    responses={200: {"content": {"text/csv": {}}, "description": "UTF-8 CSV, one row per listed expert"}},
)
async def export_directory(
    session: DBSession, _: StaffPrincipal, filters: DirectoryQuery, settings: Settings
) -> Response:
    """Coordinators and admins: the listed experts (same filters as the directory) with their
    public fields and e-mail; never the phone or unlisted profiles."""
    rows = await listed_rows(session, filters, max_rows=settings.export_max_rows)
    children = await profiles.children_of(session, [r.id for r in rows])
    body = export.render(rows, children, public_url=settings.public_url)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="alga-experts.csv"', "Cache-Control": "no-store"},
    )


@router.post("/status-checks", response_model=StatusList, summary="Are these ids verified experts?")
async def check_statuses(data: StatusCheck, session: DBSession, _: CurrentPrincipal) -> StatusList:
    """Any valid token (a service naming trainers, a coordinator): for each id, whether it names
    a verified expert, following merges."""
    return StatusList(items=[await service.status_of(session, i) for i in dict.fromkeys(data.ids)])


@router.get("/{profile_id}/status", response_model=ExpertStatus, summary="Is this id a verified expert?")
async def read_status(profile_id: str, session: DBSession, _: CurrentPrincipal) -> ExpertStatus:
    """Any valid token. An unknown id answers `unknown` (200), so one call tells everything."""
    return await service.status_of(session, profile_id)


@router.get("/{profile_id}", response_model=ExpertDetail, summary="One expert's public profile")
async def read_expert(
    profile_id: str, session: DBSession, lang: ReaderLanguage, settings: Settings, response: Response
) -> ExpertDetail:
    """Public, with schema.org `Person` JSON-LD. A profile that is not listed (not verified, or
    no consent) is not found, whoever asks."""
    profile = await service.listed_profile(session, profile_id)
    related = await views.related(session, [profile], with_engagements=True, public=True)
    response.headers["Content-Language"] = lang
    return views.to_detail(profile, related, lang, public_url=settings.public_url)
