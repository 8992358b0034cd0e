"""Profile responses in the asked language: the public directory views and the private view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from common.i18n import names_language, pick
from experts.countries import country_name, tag_name
from experts.duplicate.models import DuplicateCandidate
from experts.engagement import service as engagements
from experts.engagement.models import Engagement
from experts.identifiers import orcid_url
from experts.profile import jsonld
from experts.profile import service as profiles
from experts.profile.models import ExpertProfile
from experts.profile.schemas import (
    CodeName,
    DuplicateRef,
    EngagementRead,
    ExpertDetail,
    ExpertSummary,
    LanguageRead,
    LinkRead,
    ProfileRead,
)
from experts.timeutil import aware, aware_or_none
from experts.vocabulary import Availability, LanguageLevel, ProfileStatus, label, theme_title


def profile_url(public_url: str, profile_id: str) -> str:
    return f"{public_url}/experts/{profile_id}"


def engagement_url(public_url: str, row: Engagement) -> str:
    """The SPA's page of the session or record: `/sessions/{id}`, `/library/{id}`."""
    section = "sessions" if row.kind == "session" else "library"
    return f"{public_url}/{section}/{row.source_id}"


@dataclass
class Related:
    children: profiles.Children
    engagements: dict[str, list[Engagement]] = field(default_factory=dict)
    duplicates: dict[str, list[tuple[DuplicateCandidate, str]]] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)


async def related(
    session: AsyncSession,
    rows: list[ExpertProfile],
    *,
    with_engagements: bool = False,
    public: bool = True,
    staff: bool = False,
) -> Related:
    from experts.duplicate import service as duplicates

    ids = [r.id for r in rows]
    out = Related(children=await profiles.children_of(session, ids))
    if with_engagements:
        out.engagements = await engagements.of_profiles(session, ids, public=public)
    if staff:
        out.duplicates = await duplicates.open_for(session, ids)
        other_ids = {other for pairs in out.duplicates.values() for _, other in pairs}
        for other_id in other_ids:
            other = await session.get(ExpertProfile, other_id)
            if other is not None:
                out.names[other_id] = (other.full_name, other.status)
    return out


def _themes(codes: list[str], lang: str) -> list[CodeName]:
    return [CodeName(code=c, name=theme_title(c, names_language(lang))) for c in codes]


def _languages(rows: Any, lang: str) -> list[LanguageRead]:
    names_in = names_language(lang)
    return [
        LanguageRead(
            tag=r.tag,
            language=r.language,
            level=LanguageLevel(r.level),
            name=tag_name(r.tag, names_in),
            level_label=label(r.level, names_in),
        )
        for r in rows
    ]


def _countries(codes: list[str], lang: str) -> list[CodeName]:
    return [CodeName(code=c, name=country_name(c, names_language(lang))) for c in codes]


def _engagements(rows: list[Engagement], lang: str, public_url: str) -> list[EngagementRead]:
    names_in = names_language(lang)
    return [
        EngagementRead(
            kind=row.kind,
            id=row.source_id,
            role=row.role,
            title=pick(row.title, lang) or "",
            status=row.status,
            theme=row.theme,
            theme_title=theme_title(row.theme, names_in) if row.theme else None,
            starts_at=aware_or_none(row.starts_at),
            ends_at=aware_or_none(row.ends_at),
            year=row.year,
            details=dict(row.details or {}),
            url=engagement_url(public_url, row),
        )
        for row in rows
    ]


def to_summary(profile: ExpertProfile, rel: Related, lang: str, *, public_url: str) -> ExpertSummary:
    return ExpertSummary(
        id=profile.id,
        full_name=profile.full_name,
        title=profile.title,
        position=profile.position,
        organisation=profile.organisation,
        country=profile.country,
        country_name=country_name(profile.country, names_language(lang)),
        themes=_themes(rel.children.themes.get(profile.id, []), lang),
        languages=_languages(rel.children.languages.get(profile.id, []), lang),
        availability=Availability(profile.availability),
        url=profile_url(public_url, profile.id),
    )


def to_detail(profile: ExpertProfile, rel: Related, lang: str, *, public_url: str) -> ExpertDetail:
    summary = to_summary(profile, rel, lang, public_url=public_url)
    detail = ExpertDetail(
        **summary.model_dump(),
        work_countries=_countries(rel.children.work_countries.get(profile.id, []), lang),
        keywords=list(profile.keywords),
        bio=pick(profile.bio, lang),
        orcid=profile.orcid,
        orcid_url=orcid_url(profile.orcid) if profile.orcid else None,
        links=[LinkRead(url=link["url"], label=link.get("label")) for link in profile.links],
        years_of_experience=profile.years_of_experience,
        available_from=profile.available_from,
        available_until=profile.available_until,
        verified_at=aware_or_none(profile.verified_at),
        engagements=_engagements(rel.engagements.get(profile.id, []), lang, public_url),
        lang=lang,
        available_languages=sorted(profile.bio),
        json_ld={},
    )
    detail.json_ld = jsonld.person_document(detail, public_url=public_url)
    return detail


def to_read(profile: ExpertProfile, rel: Related, lang: str, *, public_url: str, staff: bool) -> ProfileRead:
    from experts.vetting.service import allowed_actions

    duplicates = None
    if staff:
        duplicates = [
            DuplicateRef(
                id=pair.id,
                other_profile_id=other,
                other_full_name=rel.names.get(other, ("", ""))[0],
                other_status=ProfileStatus(rel.names.get(other, ("", ProfileStatus.merged.value))[1]),
                reasons=list(pair.reasons),
                status=pair.status,
            )
            for pair, other in rel.duplicates.get(profile.id, [])
        ]
    return ProfileRead(
        id=profile.id,
        user_id=profile.user_id,
        status=ProfileStatus(profile.status),
        full_name=profile.full_name,
        title=profile.title,
        position=profile.position,
        organisation=profile.organisation,
        country=profile.country,
        country_name=country_name(profile.country, names_language(lang)),
        work_countries=_countries(rel.children.work_countries.get(profile.id, []), lang),
        languages=_languages(rel.children.languages.get(profile.id, []), lang),
        themes=_themes(rel.children.themes.get(profile.id, []), lang),
        keywords=list(profile.keywords),
        bio=pick(profile.bio, lang),
        bio_translations=dict(profile.bio),
        orcid=profile.orcid,
        orcid_url=orcid_url(profile.orcid) if profile.orcid else None,
        links=[LinkRead(url=link["url"], label=link.get("label")) for link in profile.links],
        years_of_experience=profile.years_of_experience,
        availability=Availability(profile.availability),
        available_from=profile.available_from,
        available_until=profile.available_until,
        public_listing_consent=profile.public_listing_consent,
        listed=profiles.is_listed(profile),
        email=profile.email,
        phone=profile.phone,
        vetting_note=profile.vetting_note,
        merged_into_id=profile.merged_into_id,
        submitted_at=aware_or_none(profile.submitted_at),
        verified_at=aware_or_none(profile.verified_at),
        rejected_at=aware_or_none(profile.rejected_at),
        archived_at=aware_or_none(profile.archived_at),
        created_at=aware(profile.created_at),
        updated_at=aware(profile.updated_at),
        revision=profile.revision,
        engagements=_engagements(rel.engagements.get(profile.id, []), lang, public_url),
        lang=lang,
        url=profile_url(public_url, profile.id),
        duplicate_candidates=duplicates,
        allowed_actions=allowed_actions(profile) if staff else None,
    )
