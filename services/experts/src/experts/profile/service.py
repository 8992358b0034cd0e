"""Profiles: creating (applying to join, or by a coordinator), editing, and what they look like
in events. Functions flush, never commit (the request's DBSession commits).

The multi-valued fields that the directory filters and counts (themes, languages, countries)
live in their own tables; `write_children` is the one place that writes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import ValidationFailed, field_error
from common.text import search_document
from experts import events
from experts.errors import AccountTaken, AlreadyApplied, ProfileClosed, ProfileNotFound
from experts.identifiers import primary_language
from experts.profile.models import ExpertCountry, ExpertLanguage, ExpertProfile, ExpertTheme
from experts.profile.schemas import LanguageSkill, ProfileCreate, ProfileUpdate, StaffProfileCreate
from experts.text import name_key, sort_key
from experts.timeutil import aware, utcnow
from experts.vocabulary import THEMES, ProfileStatus

S = ProfileStatus
#: Profiles the expert (or a coordinator) can still edit.
EDITABLE = frozenset({S.pending, S.verified})
#: Fields that are never empty.
REQUIRED = ("full_name", "country", "availability", "public_listing_consent")
#: Plain columns set from the schema as they are.
SCALARS = (
    "full_name",
    "title",
    "position",
    "organisation",
    "country",
    "orcid",
    "years_of_experience",
    "availability",
    "available_from",
    "available_until",
    "public_listing_consent",
    "email",
    "phone",
)
CHILDREN = ("themes", "languages", "work_countries")


@dataclass
class Children:
    """The multi-valued fields of some profiles, by profile id."""

    themes: dict[str, list[str]] = field(default_factory=dict)
    languages: dict[str, list[ExpertLanguage]] = field(default_factory=dict)
    work_countries: dict[str, list[str]] = field(default_factory=dict)


async def get(session: AsyncSession, profile_id: str) -> ExpertProfile:
    profile = await session.get(ExpertProfile, profile_id)
    if profile is None:
        raise ProfileNotFound("No expert profile with this id.")
    return profile


async def by_user(session: AsyncSession, user_id: str) -> ExpertProfile | None:
    return (
        await session.execute(select(ExpertProfile).where(col(ExpertProfile.user_id) == user_id))
    ).scalar_one_or_none()


async def children_of(session: AsyncSession, ids: Iterable[str]) -> Children:
    wanted = list(dict.fromkeys(ids))
    out = Children(
        themes={i: [] for i in wanted}, languages={i: [] for i in wanted}, work_countries={i: [] for i in wanted}
    )
    if not wanted:
        return out
    order = {code: n for n, code in enumerate(THEMES)}
    for profile_id, theme in (
        await session.execute(
            select(col(ExpertTheme.profile_id), col(ExpertTheme.theme)).where(col(ExpertTheme.profile_id).in_(wanted))
        )
    ).all():
        out.themes[profile_id].append(theme)
    for themes in out.themes.values():
        themes.sort(key=lambda code: order.get(code, len(order)))
    languages = (
        await session.execute(
            select(ExpertLanguage)
            .where(col(ExpertLanguage.profile_id).in_(wanted))
            .order_by(col(ExpertLanguage.position), col(ExpertLanguage.tag))
        )
    ).scalars()
    for language in languages:
        out.languages[language.profile_id].append(language)
    for profile_id, country in (
        await session.execute(
            select(col(ExpertCountry.profile_id), col(ExpertCountry.country))
            .where(col(ExpertCountry.profile_id).in_(wanted), col(ExpertCountry.is_work))
            .order_by(col(ExpertCountry.country))
        )
    ).all():
        out.work_countries[profile_id].append(country)
    return out


async def write_children(
    session: AsyncSession,
    profile: ExpertProfile,
    *,
    themes: Sequence[str],
    languages: Sequence[LanguageSkill | tuple[str, str]],
    work_countries: Sequence[str],
) -> None:
    """Replace the profile's themes, languages and countries (residence included) with these."""
    pid = profile.id
    for model in (ExpertTheme, ExpertLanguage, ExpertCountry):
        await session.execute(delete(model).where(col(model.profile_id) == pid))
    session.add_all(ExpertTheme(profile_id=pid, theme=t) for t in dict.fromkeys(themes))
    seen: set[str] = set()
    for position, skill in enumerate(languages):
        if isinstance(skill, LanguageSkill):
            tag, level = skill.tag, skill.level.value
        else:
            tag, level = skill
        if tag in seen:
            continue
        seen.add(tag)
        session.add(
            ExpertLanguage(profile_id=pid, tag=tag, language=primary_language(tag), level=level, position=position)
        )
    countries = {c: ExpertCountry(profile_id=pid, country=c, is_work=True) for c in work_countries}
    residence = countries.get(profile.country) or ExpertCountry(profile_id=pid, country=profile.country)
    residence.is_residence = True
    countries[profile.country] = residence
    session.add_all(countries.values())
    await session.flush()


def refresh_search(profile: ExpertProfile) -> None:
    """The folded search document: name, title, position, organisation, keywords, bio (every language)."""
    profile.name_key = name_key(profile.full_name)[:200]
    profile.sort_name = sort_key(profile.full_name)
    profile.search_text = search_document(
        profile.full_name, profile.title, profile.position, profile.organisation, profile.keywords, profile.bio
    )


def _apply_scalars(profile: ExpertProfile, data: ProfileCreate | ProfileUpdate, fields: Iterable[str]) -> None:
    for name in fields:
        if name in SCALARS:
            value = getattr(data, name)
            setattr(profile, name, value.value if hasattr(value, "value") else value)
        elif name == "keywords":
            profile.keywords = list(data.keywords or [])
        elif name == "links":
            profile.links = [
                {"url": str(link.url), **({"label": link.label} if link.label else {})} for link in data.links or []
            ]
        elif name == "bio":
            profile.bio = data.bio.variants() if data.bio is not None else {}


def _check_dates(profile: ExpertProfile) -> None:
    if profile.available_from and profile.available_until and profile.available_until < profile.available_from:
        raise ValidationFailed.on("available_until", "available_until must not be before available_from.")


async def create(
    session: AsyncSession,
    *,
    data: ProfileCreate,
    user_id: str | None,
    status: ProfileStatus,
    by: str | None,
    note: str | None = None,
    profile_id: str | None = None,
) -> ExpertProfile:
    """A new profile in `status` (pending or verified), with its duplicates flagged.
    `profile_id`: the seed's fixed ids."""
    from experts.duplicate import service as duplicates  # duplicates reads profiles: import at use

    if user_id is not None and await by_user(session, user_id) is not None:
        raise AccountTaken("This account already has an expert profile.")
    now = utcnow()
    profile = ExpertProfile(
        user_id=user_id,
        status=status.value,
        created_by=by,
        full_name=data.full_name,
        country=data.country,
        name_key="",
        sort_name="",
    )
    if profile_id is not None:
        profile.id = profile_id
    _apply_scalars(profile, data, type(data).model_fields)
    profile.consent_changed_at = now if profile.public_listing_consent else None
    profile.vetting_note = note
    profile.submitted_at = now
    if status == S.verified:
        profile.verified_at, profile.verified_by = now, by
    refresh_search(profile)
    session.add(profile)
    try:
        await session.flush()
    except IntegrityError:
        # Two requests for one account at once: the unique user_id let only one through.
        raise AccountTaken("This account already has an expert profile.") from None
    await write_children(
        session,
        profile,
        themes=data.themes or [],
        languages=data.languages or [],
        work_countries=data.work_countries or [],
    )
    await duplicates.detect(session, profile)
    if status == S.verified:
        events.record(session, events.PROFILE_VERIFIED, await event_data(session, profile))
    else:
        events.record(session, events.PROFILE_SUBMITTED, await event_data(session, profile))
    return profile


async def apply(session: AsyncSession, *, user_id: str, email: str | None, data: ProfileCreate) -> ExpertProfile:
    """A logged-in user applies to join: their profile, pending. One per account."""
    if await by_user(session, user_id) is not None:
        raise AlreadyApplied("You already have an expert profile: see GET /me.")
    if data.email is None and email:
        data = data.model_copy(update={"email": email.lower()})
    return await create(session, data=data, user_id=user_id, status=S.pending, by=user_id)


async def create_by_staff(session: AsyncSession, *, data: StaffProfileCreate, by: str) -> ExpertProfile:
    fields = ProfileCreate.model_validate(data.model_dump(include=set(ProfileCreate.model_fields)))
    return await create(
        session, data=fields, user_id=data.user_id, status=ProfileStatus(data.status), by=by, note=data.note
    )


async def update(session: AsyncSession, *, profile: ExpertProfile, data: ProfileUpdate, by: str) -> list[str]:
    """Apply the fields sent; returns the names of those that changed."""
    from experts.duplicate import service as duplicates

    ensure_editable(profile)
    sent = data.model_fields_set
    errors = [
        field_error(name, "This field cannot be empty.", "missing")
        for name in REQUIRED
        if name in sent and getattr(data, name) is None
    ]
    if errors:
        raise ValidationFailed("Some fields cannot be empty.", errors=errors)
    before = await snapshot(session, profile)
    _apply_scalars(profile, data, sent)
    _check_dates(profile)
    refresh_search(profile)
    themes: Sequence[str] = before["themes"]
    languages: Sequence[LanguageSkill | tuple[str, str]] = before["languages"]
    work_countries: Sequence[str] = before["work_countries"]
    if "themes" in sent:
        themes = data.themes or []
    if "languages" in sent:
        languages = data.languages or []
    if "work_countries" in sent:
        work_countries = data.work_countries or []
    await write_children(session, profile, themes=themes, languages=languages, work_countries=work_countries)
    after = await snapshot(session, profile)
    changed = [name for name in after if before.get(name) != after[name]]
    if not changed:
        return []
    if "public_listing_consent" in changed:
        profile.consent_changed_at = utcnow()
    profile.revision += 1
    profile.updated_at = utcnow()
    session.add(profile)
    await session.flush()
    if {"email", "orcid", "full_name", "country"} & set(changed):
        await duplicates.detect(session, profile)
    if profile.status == S.verified:
        public = [name for name in changed if name not in ("email", "phone")]
        if public:
            events.record(session, events.PROFILE_UPDATED, {**await event_data(session, profile), "changed": public})
    return changed


async def snapshot(session: AsyncSession, profile: ExpertProfile) -> dict[str, Any]:
    """Every field a person can change, as comparable values."""
    kids = await children_of(session, [profile.id])
    state: dict[str, Any] = {name: getattr(profile, name) for name in SCALARS}
    state.update(keywords=list(profile.keywords), links=list(profile.links), bio=dict(profile.bio))
    state["themes"] = kids.themes[profile.id]
    state["languages"] = [(lang.tag, lang.level) for lang in kids.languages[profile.id]]
    state["work_countries"] = kids.work_countries[profile.id]
    return state


def ensure_editable(profile: ExpertProfile) -> None:
    if profile.status not in EDITABLE:
        raise ProfileClosed(f"A {profile.status} profile cannot be changed.")


async def event_data(session: AsyncSession, profile: ExpertProfile) -> dict[str, Any]:
    """What other services keep of a profile: public fields only (no e-mail, phone or notes)."""
    kids = await children_of(session, [profile.id])
    return {
        "profile_id": profile.id,
        "user_id": profile.user_id,
        "full_name": profile.full_name,
        "title": profile.title,
        "status": profile.status,
        "listed": is_listed(profile),
        "country": profile.country,
        "work_countries": kids.work_countries[profile.id],
        "themes": kids.themes[profile.id],
        "languages": [lang.tag for lang in kids.languages[profile.id]],
        "orcid": profile.orcid,
        "availability": profile.availability,
        "verified_at": aware(profile.verified_at).isoformat() if profile.verified_at else None,
        "revision": profile.revision,
    }


def is_listed(profile: ExpertProfile) -> bool:
    return profile.status == S.verified and bool(profile.public_listing_consent)
