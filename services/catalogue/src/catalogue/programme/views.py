"""Programme responses in the asked language, with modules, upcoming sessions and JSON-LD."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from catalogue import jsonld
from catalogue.module import service as modules
from catalogue.programme import partners, service
from catalogue.programme.models import Programme
from catalogue.programme.schemas import ProgrammeDetail, ProgrammeRead
from catalogue.session.schemas import SessionRead
from catalogue.theme import service as themes
from catalogue.timeutil import aware, aware_or_none
from common.i18n import Lang, pick


def programme_url(public_url: str, programme_id: str) -> str:
    return f"{public_url}/programmes/{programme_id}"


async def to_reads(
    session: AsyncSession, programmes: Sequence[Programme], lang: Lang, *, staff: bool, public_url: str
) -> list[ProgrammeRead]:
    ids = [p.id for p in programmes]
    audiences = await service.audiences_of(session, ids)
    partner_ids = await partners.partners_of(session, ids)
    totals = await service.module_totals(session, ids)
    theme_titles = await themes.titles(session) if any(p.theme_code for p in programmes) else {}
    reads = []
    for p in programmes:
        count, hours = totals.get(p.id, (0, None))
        reads.append(
            ProgrammeRead(
                id=p.id,
                code=p.code,
                kind=p.kind,
                theme=p.theme_code,
                theme_title=pick(theme_titles.get(p.theme_code), lang.code) if p.theme_code else None,
                status=p.status,
                title=pick(p.title, lang.code) or "",
                summary=pick(p.summary, lang.code),
                duration=pick(p.duration, lang.code),
                audiences=audiences.get(p.id, []),
                partner_institutions=list(p.partner_institutions or []),
                partner_ids=partner_ids.get(p.id, []),
                fee_amount=p.fee_amount,
                fee_currency=p.fee_currency,
                module_count=count,
                total_hours=hours,
                url=programme_url(public_url, p.id),
                published_at=aware_or_none(p.published_at),
                updated_at=aware(p.updated_at),
                lang=lang.code,
                available_languages=sorted(p.title),
                translations={name: getattr(p, name) for name in service.TRANSLATABLE} if lang.all_variants else None,
                allowed_actions=service.allowed_actions(p) if staff else None,
            )
        )
    return reads


async def to_detail(
    session: AsyncSession,
    programme: Programme,
    lang: Lang,
    *,
    staff: bool,
    public_url: str,
    upcoming: list[SessionRead],
) -> ProgrammeDetail:
    (read,) = await to_reads(session, [programme], lang, staff=staff, public_url=public_url)
    module_reads = [modules.to_read(m, lang) for m in await modules.of_programme(session, programme.id)]
    detail = ProgrammeDetail(
        **read.model_dump(),
        description=pick(programme.description, lang.code),
        objectives=pick(programme.objectives, lang.code) or [],
        prerequisites=pick(programme.prerequisites, lang.code),
        fees=pick(programme.fees, lang.code),
        scholarships=pick(programme.scholarships, lang.code),
        modules=module_reads,
        upcoming_sessions=upcoming,
        json_ld={},
    )
    detail.json_ld = jsonld.programme_document(read=detail, public_url=public_url, theme_title=read.theme_title)
    return detail
