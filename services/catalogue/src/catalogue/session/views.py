"""Session responses: the row, its programme/module/theme, in the asked language."""

from __future__ import annotations

from datetime import datetime

from catalogue import jsonld
from catalogue.countries import country_name
from catalogue.expert.service import Trainer
from catalogue.session import service
from catalogue.session.models import CourseSession
from catalogue.session.schemas import SessionDetail, SessionRead, TrainerRead, VenueRead
from catalogue.timeutil import local, utcnow
from common.i18n import Lang, pick


def session_url(public_url: str, session_id: str) -> str:
    return f"{public_url}/sessions/{session_id}"


def session_ical_url(public_url: str, session_id: str) -> str:
    return f"{public_url}/api/catalogue/sessions/{session_id}/calendar.ics"


def to_read(
    run: CourseSession,
    rel: service.Related,
    lang: Lang,
    *,
    staff: bool,
    public_url: str,
    now: datetime | None = None,
) -> SessionRead:
    programme = rel.programmes.get(run.programme_id) if run.programme_id else None
    module = rel.modules.get(run.module_id) if run.module_id else None
    title = service.effective_title(run, programme, module)
    zone = run.timezone
    country_language = lang.code if lang.code in ("fr", "en") else "en"
    venue = None
    if run.venue_city or run.venue_country or run.venue_address:
        venue = VenueRead(
            city=run.venue_city,
            country=run.venue_country,
            country_name=country_name(run.venue_country, country_language) if run.venue_country else None,
            address=run.venue_address,
        )
    return SessionRead(
        id=run.id,
        programme_id=run.programme_id,
        programme_code=programme.code if programme else None,
        programme_title=pick(programme.title, lang.code) if programme else None,
        module_id=run.module_id,
        module_title=pick(module.title, lang.code) if module else None,
        kind=run.kind,
        event_kind=run.event_kind,
        theme=run.theme_code,
        theme_title=pick(rel.theme_titles.get(run.theme_code), lang.code) if run.theme_code else None,
        title=pick(title, lang.code) or "",
        summary=pick(service.effective_summary(run, programme, module), lang.code),
        delivery_mode=run.delivery_mode,
        language=run.language,
        starts_at=local(run.starts_at, zone),
        ends_at=local(run.ends_at, zone),
        timezone=zone,
        venue=venue,
        online=run.online,
        online_url=run.online_url if staff else None,
        capacity=run.capacity,
        applications_open_at=local(run.applications_open_at, zone) if run.applications_open_at else None,
        applications_close_at=local(run.applications_close_at, zone) if run.applications_close_at else None,
        applications_open=service.applications_open_now(run, now or utcnow()),
        trainer_ids=list(run.trainer_ids or []),
        audiences=rel.audiences.get(run.id, []),
        status=run.status,
        cancellation_reason=run.cancellation_reason,
        revision=run.revision,
        url=session_url(public_url, run.id),
        ical_url=session_ical_url(public_url, run.id),
        published_at=local(run.published_at, zone) if run.published_at else None,
        updated_at=local(run.updated_at, zone),
        lang=lang.code,
        available_languages=sorted(title),
        translations={"title": run.title, "summary": run.summary} if lang.all_variants else None,
        allowed_actions=service.allowed_actions(run) if staff else None,
    )


def to_detail(
    run: CourseSession,
    rel: service.Related,
    lang: Lang,
    *,
    trainers: list[Trainer],
    staff: bool,
    public_url: str,
) -> SessionDetail:
    read = to_read(run, rel, lang, staff=staff, public_url=public_url)
    people = [TrainerRead(id=t.id, name=t.name, listed=t.listed) for t in trainers]
    programme = rel.programmes.get(run.programme_id) if run.programme_id else None
    document = jsonld.session_document(
        read=read,
        programme_kind=programme.kind if programme else None,
        programme_url=f"{public_url}/programmes/{programme.id}" if programme else None,
        programme_title=read.programme_title,
        fee_amount=programme.fee_amount if programme else None,
        fee_currency=programme.fee_currency if programme else None,
        public_url=public_url,
        trainers=people,
    )
    return SessionDetail(**read.model_dump(), trainers=people, json_ld=document)
