"""experts' figures, counted by the database (GROUP BY): profiles by vetting status, experts
mobilised in sessions (from the engagement history catalogue's events keep) by country, theme
and role."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from common.statistics import (
    Breakdown,
    Filters,
    Period,
    ReportPart,
    ReportSection,
    Viewer,
    breakdown,
    cell,
    counted,
    dimension,
    report_part,
)
from experts.countries import country_name
from experts.engagement.models import Engagement, SessionPartner
from experts.engagement.service import HIDDEN_STATUSES
from experts.profile.models import ExpertLanguage, ExpertProfile, ExpertTheme
from experts.statistics.schemas import ExpertsOverview, Mobilised
from experts.vocabulary import EngagementKind, ProfileStatus, theme_title

E, P = Engagement, ExpertProfile
LABELS: dict[str, dict[str, str]] = {
    "pending": {"fr": "À examiner", "en": "To vet"},
    "verified": {"fr": "Vérifiés", "en": "Verified"},
    "rejected": {"fr": "Refusés", "en": "Rejected"},
    "archived": {"fr": "Archivés", "en": "Archived"},
    "trainer": {"fr": "Formateurs", "en": "Trainers"},
    "speaker": {"fr": "Intervenants", "en": "Speakers"},
}
NOT_STATED = {"fr": "Non renseigné", "en": "Not stated"}
TEXTS: dict[str, dict[str, str]] = {
    "experts_mobilised": {"fr": "Experts mobilisés", "en": "Experts mobilised"},
    "mobilisations": {
        "fr": "Mobilisations (un expert dans une session)",
        "en": "Mobilisations (one expert in one session)",
    },
    "country": {"fr": "Par pays de résidence", "en": "By country of residence"},
    "theme": {"fr": "Par thème", "en": "By theme"},
    "role": {"fr": "Par rôle", "en": "By role"},
}


def _label(code: str | None, language: str) -> str:
    if not code:
        return NOT_STATED[language]
    return LABELS.get(code, {}).get(language) or code


def _profiles(filters: Filters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [col(P.status) != ProfileStatus.merged]
    if filters.country:
        where.append(col(P.country) == filters.country)
    if filters.theme:
        where.append(col(P.id).in_(select(col(ExpertTheme.profile_id)).where(col(ExpertTheme.theme) == filters.theme)))
    if filters.language:
        where.append(
            col(P.id).in_(
                select(col(ExpertLanguage.profile_id)).where(col(ExpertLanguage.language) == filters.language)
            )
        )
    return where


def _engagements(filters: Filters, viewer: Viewer, period: Period) -> list[ColumnElement[bool]]:
    details = col(E.details)
    where: list[ColumnElement[bool]] = [
        col(E.kind) == EngagementKind.session,
        col(E.status).not_in(sorted(HIDDEN_STATUSES)),
        *period.instants(col(E.starts_at)),
    ]
    if filters.country:
        where.append(col(P.country) == filters.country)
    if filters.theme:
        where.append(col(E.theme) == filters.theme)
    if filters.language:
        where.append(details["language"].as_string() == filters.language)
    if filters.programme:
        where.append(details["programme_id"].as_string() == filters.programme)
    if viewer.partner:
        where.append(
            col(E.source_id).in_(
                select(col(SessionPartner.session_id)).where(col(SessionPartner.organisation_id) == viewer.partner)
            )
        )
    return where


def _joined(*columns: Any) -> Any:
    return select(*columns).select_from(E).join(P, col(P.id) == col(E.profile_id))


async def _mobilised(session: AsyncSession, filters: Filters, viewer: Viewer, period: Period) -> Mobilised:
    lang, threshold = viewer.language, viewer.threshold
    where = _engagements(filters, viewer, period)
    experts = await counted(
        session, _joined(col(P.country), func.count(distinct(col(E.profile_id)))).where(*where).group_by(col(P.country))
    )
    themes = await counted(session, _joined(col(E.theme), func.count()).where(*where).group_by(col(E.theme)))
    roles = await counted(session, _joined(col(E.role), func.count()).where(*where).group_by(col(E.role)))
    return Mobilised(
        experts_by_country=breakdown(
            ((c, country_name(c, lang) if c else NOT_STATED[lang], n) for c, n in experts), threshold
        ),
        engagements_by_theme=breakdown(
            ((t, theme_title(t, lang) if t else NOT_STATED[lang], n) for t, n in themes), threshold
        ),
        engagements_by_role=breakdown(((r, _label(r, lang), n) for r, n in roles), threshold),
    )


async def overview(session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters) -> ExpertsOverview:
    lang, threshold = viewer.language, viewer.threshold
    # A partner's focal point sees the experts of its sessions, not the whole registry.
    statuses: Breakdown = breakdown([], threshold)
    to_vet = None
    if viewer.partner is None:
        rows = await counted(
            session, select(col(P.status), func.count()).where(*_profiles(filters)).group_by(col(P.status))
        )
        statuses = breakdown(((s, _label(s, lang), n) for s, n in rows), threshold)
        if threshold is None:
            to_vet = cell(dict(rows).get(ProfileStatus.pending.value, 0))
    return ExpertsOverview(
        period=period.read(),
        partner=viewer.partner,
        filters=filters.echo(),
        experts_by_status=statuses,
        to_vet=to_vet,
        mobilised=await _mobilised(session, filters, viewer, period),
    )


async def report(session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters) -> ReportPart:
    lang = viewer.language
    mobilised = await _mobilised(session, filters, viewer, period)

    def text(key: str) -> str:
        return TEXTS[key][lang]

    sections = [
        ReportSection(
            id="experts_mobilised",
            title=text("experts_mobilised"),
            unit="experts",
            total=mobilised.experts_by_country.total,
            breakdowns=[dimension("country", text("country"), mobilised.experts_by_country)],
        ),
        ReportSection(
            id="mobilisations",
            title=text("mobilisations"),
            unit="engagements",
            total=mobilised.engagements_by_theme.total,
            breakdowns=[
                dimension("theme", text("theme"), mobilised.engagements_by_theme),
                dimension("role", text("role"), mobilised.engagements_by_role),
            ],
        ),
    ]
    return report_part("experts", viewer, period, sections)
