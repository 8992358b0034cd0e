"""identity's figures, counted by the database (GROUP BY): accounts by role, country and gender."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from common.statistics import Period, Viewer, breakdown, cell, counted
from identity.organisation.countries import country_name
from identity.organisation.models import Organisation
from identity.statistics.schemas import IdentityOverview, UserFigures
from identity.user.models import Role, User, UserRole

LABELS: dict[str, dict[str, str]] = {
    "admin": {"fr": "Administrateurs", "en": "Admins"},
    "coordinator": {"fr": "Coordinateurs", "en": "Coordinators"},
    "expert": {"fr": "Experts", "en": "Experts"},
    "learner": {"fr": "Apprenants", "en": "Learners"},
    "female": {"fr": "Femmes", "en": "Women"},
    "male": {"fr": "Hommes", "en": "Men"},
    "other": {"fr": "Autre", "en": "Other"},
    "undisclosed": {"fr": "Préfère ne pas dire", "en": "Prefers not to say"},
    "": {"fr": "Non renseigné", "en": "Not stated"},
}
#: Higher wins: an account is counted once, under the highest role it holds.
ROLE_RANK = {Role.learner.value: 1, Role.expert.value: 2, Role.coordinator.value: 3, Role.admin.value: 4}


def label(code: str | None, language: str) -> str:
    return LABELS.get(code or "", {}).get(language) or str(code)


def _conditions(viewer: Viewer, country: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [col(User.is_active).is_(True)]
    if country:
        conditions.append(col(User.country) == country.upper())
    if viewer.partner:
        conditions.append(col(User.organisation_id) == viewer.partner)
    return conditions


async def _figures(session: AsyncSession, conditions: list[ColumnElement[bool]], viewer: Viewer) -> UserFigures:
    lang, threshold = viewer.language, viewer.threshold
    rank = case(*((col(UserRole.role) == role, n) for role, n in ROLE_RANK.items()), else_=0)
    top_role = (
        select(col(UserRole.user_id).label("user_id"), func.max(rank).label("rank"))
        .group_by(col(UserRole.user_id))
        .subquery()
    )
    ranked = func.coalesce(top_role.c.rank, 1)
    by_rank = await counted(
        session,
        select(ranked, func.count())
        .select_from(User)
        .outerjoin(top_role, top_role.c.user_id == col(User.id))
        .where(*conditions)
        .group_by(ranked),
    )
    names = {n: role for role, n in ROLE_RANK.items()}
    by_country = await counted(
        session, select(col(User.country), func.count()).where(*conditions).group_by(col(User.country))
    )
    by_gender = await counted(
        session, select(col(User.gender), func.count()).where(*conditions).group_by(col(User.gender))
    )
    return UserFigures(
        by_role=breakdown(((names[r], label(names[r], lang), n) for r, n in by_rank), threshold),
        by_country=breakdown(((c, country_name(c, lang), n) for c, n in by_country), threshold),
        by_gender=breakdown(((g, label(g, lang), n) for g, n in by_gender), threshold),
    )


async def overview(session: AsyncSession, *, viewer: Viewer, period: Period, country: str | None) -> IdentityOverview:
    conditions = _conditions(viewer, country)
    partners = select(func.count()).select_from(Organisation).where(col(Organisation.is_partner).is_(True))
    without = partners.where(col(Organisation.focal_point_user_id).is_(None))
    return IdentityOverview(
        period=period.read(),
        partner=viewer.partner,
        filters={"country": country.upper() if country else None},
        users=await _figures(session, conditions, viewer),
        registrations=await _figures(session, [*conditions, *period.instants(col(User.created_at))], viewer),
        partners=cell(int((await session.execute(partners)).scalar_one())),
        partners_without_focal_point=cell(int((await session.execute(without)).scalar_one())),
    )
