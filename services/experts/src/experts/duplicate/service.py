"""Duplicate detection and resolution.

A profile is compared, when it is created, applied with or changed (e-mail, ORCID iD, name or
country), with every other profile not already merged away: the same e-mail (case-insensitive),
the same ORCID iD (canonical form), or the same name and country of residence, the name compared
folded (accents and case off) with its words sorted ("DIALLO Aïssatou" = "aissatou diallo").
Each match is a candidate pair a coordinator resolves: merge one into the other, or keep both
(then the pair is never flagged again).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import ValidationFailed
from experts import events
from experts.duplicate.models import DuplicateCandidate, DuplicateReason, DuplicateStatus
from experts.engagement.models import Engagement
from experts.errors import DuplicateNotFound, DuplicateResolved
from experts.profile import service as profiles
from experts.profile.models import ExpertProfile
from experts.timeutil import utcnow
from experts.vocabulary import ProfileStatus

S = ProfileStatus
#: Scalars a merge copies from the merged profile where the remaining one has none.
FILL_IN = (
    "title",
    "position",
    "organisation",
    "orcid",
    "email",
    "phone",
    "years_of_experience",
    "available_from",
    "available_until",
)


def reasons_between(profile: ExpertProfile, other: ExpertProfile) -> list[str]:
    reasons = []
    if profile.email and profile.email == other.email:
        reasons.append(DuplicateReason.email.value)
    if profile.orcid and profile.orcid == other.orcid:
        reasons.append(DuplicateReason.orcid.value)
    if profile.name_key and profile.name_key == other.name_key and profile.country == other.country:
        reasons.append(DuplicateReason.name_country.value)
    return reasons


async def detect(session: AsyncSession, profile: ExpertProfile) -> list[DuplicateCandidate]:
    """Flag the profiles `profile` may duplicate; returns the pairs that are open now."""
    P = ExpertProfile
    matches = [and_(col(P.name_key) == profile.name_key, col(P.country) == profile.country)]
    if profile.email:
        matches.append(col(P.email) == profile.email)
    if profile.orcid:
        matches.append(col(P.orcid) == profile.orcid)
    others = (
        (
            await session.execute(
                select(P).where(col(P.id) != profile.id, col(P.status) != S.merged.value, or_(*matches))
            )
        )
        .scalars()
        .all()
    )
    if not others:
        return []
    ids = [o.id for o in others]
    D = DuplicateCandidate
    pairs = (
        (
            await session.execute(
                select(D).where(
                    or_(
                        and_(col(D.profile_id) == profile.id, col(D.other_id).in_(ids)),
                        and_(col(D.other_id) == profile.id, col(D.profile_id).in_(ids)),
                    )
                )
            )
        )
        .scalars()
        .all()
    )
    existing = {(p.other_id if p.profile_id == profile.id else p.profile_id): p for p in pairs}
    open_pairs = []
    for other in others:
        reasons = reasons_between(profile, other)
        if not reasons:
            continue
        pair = existing.get(other.id)
        if pair is None:
            pair = DuplicateCandidate(profile_id=profile.id, other_id=other.id, reasons=reasons)
            session.add(pair)
        elif pair.status == DuplicateStatus.open:
            pair.reasons = sorted(set(pair.reasons) | set(reasons))
            session.add(pair)
        else:
            continue  # dismissed ("keep both") or closed: not flagged again
        open_pairs.append(pair)
    await session.flush()
    return open_pairs


async def get(session: AsyncSession, candidate_id: str) -> DuplicateCandidate:
    candidate = await session.get(DuplicateCandidate, candidate_id)
    if candidate is None:
        raise DuplicateNotFound("No duplicate candidate with this id.")
    return candidate


async def open_for(session: AsyncSession, profile_ids: list[str]) -> dict[str, list[tuple[DuplicateCandidate, str]]]:
    """Open pairs involving each profile: {profile id: [(pair, the other profile's id)]}."""
    D = DuplicateCandidate
    out: dict[str, list[tuple[DuplicateCandidate, str]]] = {i: [] for i in profile_ids}
    if not profile_ids:
        return out
    rows = (
        (
            await session.execute(
                select(D)
                .where(
                    col(D.status) == DuplicateStatus.open.value,
                    or_(col(D.profile_id).in_(profile_ids), col(D.other_id).in_(profile_ids)),
                )
                .order_by(col(D.created_at), col(D.id))
            )
        )
        .scalars()
        .all()
    )
    for pair in rows:
        if pair.profile_id in out:
            out[pair.profile_id].append((pair, pair.other_id))
        if pair.other_id in out:
            out[pair.other_id].append((pair, pair.profile_id))
    return out


async def resolve(
    session: AsyncSession, *, candidate: DuplicateCandidate, action: str, into: str | None, by: str
) -> DuplicateCandidate:
    if candidate.status != DuplicateStatus.open:
        raise DuplicateResolved(f"This pair was already resolved ({candidate.status}).")
    if action == "keep_both":
        candidate.status = DuplicateStatus.dismissed.value
    else:
        target_id = into or candidate.other_id
        if target_id not in (candidate.profile_id, candidate.other_id):
            raise ValidationFailed.on("into", "Merge into one of the two profiles of the pair.")
        source_id = candidate.profile_id if target_id == candidate.other_id else candidate.other_id
        source = await profiles.get(session, source_id)
        target = await profiles.get(session, target_id)
        await merge(session, source=source, target=target, by=by, resolving=candidate.id)
        candidate.status = DuplicateStatus.merged.value
        candidate.merged_into_id = target.id
    candidate.resolved_at = utcnow()
    candidate.resolved_by = by
    session.add(candidate)
    await session.flush()
    return candidate


def _union(first: list[Any], second: list[Any], key: Any = lambda v: v) -> list[Any]:
    out: dict[Any, Any] = {}
    for value in [*first, *second]:
        out.setdefault(key(value), value)
    return list(out.values())


async def merge(
    session: AsyncSession, *, source: ExpertProfile, target: ExpertProfile, by: str, resolving: str | None = None
) -> None:
    """Fold `source` into `target`: the target keeps what it has and gains what only the source
    had; the source's engagements and account move over; the source stays as a `merged` row
    pointing at the target, so its id still resolves (a catalogue session may name it)."""
    if S.merged in (source.status, target.status):
        raise DuplicateResolved("One of these profiles was already merged into another.")
    now = utcnow()
    before = await profiles.snapshot(session, target)
    source_kids = await profiles.snapshot(session, source)
    was_verified = target.status == S.verified
    source_was_verified = source.status == S.verified

    for name in FILL_IN:
        if getattr(target, name) in (None, "") and getattr(source, name) not in (None, ""):
            setattr(target, name, getattr(source, name))
    target.bio = {**source.bio, **target.bio}
    target.keywords = _union(list(target.keywords), list(source.keywords), key=lambda k: k.casefold())
    target.links = _union(list(target.links), list(source.links), key=lambda link: link.get("url"))
    if target.user_id is None and source.user_id is not None:
        user_id, source.user_id = source.user_id, None
        session.add(source)
        await session.flush()  # the account is unique: free it before the target takes it
        target.user_id = user_id
    if source_was_verified and not was_verified:
        # The person was vetted already (under the other profile).
        target.status, target.verified_at, target.verified_by = S.verified.value, now, by
        target.rejected_at = target.archived_at = None

    E = Engagement
    kept = {
        (kind, source_id)
        for kind, source_id in (
            await session.execute(select(col(E.kind), col(E.source_id)).where(col(E.profile_id) == target.id))
        ).all()
    }
    for engagement in (await session.execute(select(E).where(col(E.profile_id) == source.id))).scalars().all():
        if (engagement.kind, engagement.source_id) in kept:
            await session.delete(engagement)
        else:
            engagement.profile_id = target.id
            session.add(engagement)
    # Profiles merged into the source earlier now point at the target directly.
    await session.execute(
        update(ExpertProfile).where(col(ExpertProfile.merged_into_id) == source.id).values(merged_into_id=target.id)
    )
    D = DuplicateCandidate
    await session.execute(
        update(D)
        .where(
            col(D.status) == DuplicateStatus.open.value,
            or_(col(D.profile_id) == source.id, col(D.other_id) == source.id),
            col(D.id) != (resolving or ""),
        )
        .values(status=DuplicateStatus.superseded.value, resolved_at=now, resolved_by=by)
    )

    source.status = S.merged.value
    source.merged_into_id = target.id
    source.public_listing_consent = False
    source.revision += 1
    source.updated_at = now
    session.add(source)

    profiles.refresh_search(target)
    session.add(target)
    await session.flush()
    await profiles.write_children(
        session,
        target,
        themes=_union(before["themes"], source_kids["themes"]),
        languages=_union(before["languages"], source_kids["languages"], key=lambda lang: lang[0]),
        work_countries=_union(before["work_countries"], source_kids["work_countries"]),
    )
    after = await profiles.snapshot(session, target)
    changed = [name for name in after if before.get(name) != after[name]]
    target.revision += 1
    target.updated_at = now
    session.add(target)
    await session.flush()

    if source_was_verified:
        events.record(
            session,
            events.PROFILE_ARCHIVED,
            {**await profiles.event_data(session, source), "reason": "merged", "merged_into": target.id},
        )
    if target.status == S.verified and not was_verified:
        events.record(session, events.PROFILE_VERIFIED, await profiles.event_data(session, target))
    elif target.status == S.verified:
        public = [name for name in changed if name not in ("email", "phone")]
        events.record(
            session,
            events.PROFILE_UPDATED,
            {**await profiles.event_data(session, target), "changed": public, "merged_from": source.id},
        )
    await detect(session, target)
