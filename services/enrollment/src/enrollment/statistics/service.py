"""enrollment's figures, counted by the database (GROUP BY over applications, the learner and
session read models): applications by status, how full the upcoming sessions are, learners
trained by country, gender, position and programme, sessions held by mode and country."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import distinct, extract, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from common.i18n import pick
from common.statistics import (
    Breakdown,
    Filters,
    Period,
    ReportPart,
    ReportSection,
    Viewer,
    breakdown,
    cell,
    cells_of,
    counted,
    dimension,
    report_part,
)
from enrollment.application.models import PENDING, Application, Status
from enrollment.countries import country_name
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession, SessionPartner
from enrollment.statistics.schemas import (
    EnrollmentOverview,
    LearnersTrained,
    Queue,
    SessionFill,
    SessionsHeld,
    UpcomingFill,
)
from enrollment.timeutil import aware_or_none, utcnow

A, T, L = Application, CourseSession, Learner
#: Sessions still to come that the public sees.
UPCOMING = ("published", "applications_open", "applications_closed")
#: How many upcoming sessions the fill rates list.
FILL_LIST = 20
#: The venue's country, read from the session copy's JSON by each database.
VENUE_COUNTRY = col(T.venue)["country"].as_string()
LABELS: dict[str, dict[str, str]] = {
    # application statuses
    "draft": {"fr": "Brouillons", "en": "Drafts"},
    "submitted": {"fr": "Soumises", "en": "Submitted"},
    "endorsed": {"fr": "Appuyées", "en": "Endorsed"},
    "under_review": {"fr": "En examen", "en": "Under review"},
    "accepted": {"fr": "Acceptées", "en": "Accepted"},
    "waitlisted": {"fr": "En liste d'attente", "en": "Waitlisted"},
    "rejected": {"fr": "Refusées", "en": "Rejected"},
    "confirmed": {"fr": "Confirmées", "en": "Confirmed"},
    "completed": {"fr": "Terminées", "en": "Completed"},
    "withdrawn": {"fr": "Retirées", "en": "Withdrawn"},
    "no_show": {"fr": "Absences", "en": "No-shows"},
    "expired": {"fr": "Offres expirées", "en": "Offers expired"},
    "cancelled": {"fr": "Annulées", "en": "Cancelled"},
    # genders
    "female": {"fr": "Femmes", "en": "Women"},
    "male": {"fr": "Hommes", "en": "Men"},
    "other": {"fr": "Autre", "en": "Other"},
    "undisclosed": {"fr": "Préfère ne pas dire", "en": "Prefers not to say"},
    # delivery modes
    "residential_seminar": {"fr": "Séminaire résidentiel", "en": "Residential seminar"},
    "e_learning": {"fr": "Formation en ligne", "en": "E-learning"},
    "study_trip": {"fr": "Voyage d'étude", "en": "Study trip"},
    "internship": {"fr": "Stage pratique", "en": "Practical internship"},
    "webinar": {"fr": "Webinaire", "en": "Webinar"},
    "hybrid": {"fr": "Hybride", "en": "Hybrid"},
}
NOT_STATED = {"fr": "Non renseigné", "en": "Not stated"}
ONLINE = {"fr": "En ligne, sans lieu", "en": "Online, no venue"}
NO_PROGRAMME = {"fr": "Événements hors programme", "en": "Events outside a programme"}
OTHER_POSITIONS = {"fr": "Autres fonctions", "en": "Other positions"}
OTHER_POSITIONS_KEY = "other"
TEXTS: dict[str, dict[str, str]] = {
    "people_trained": {"fr": "Participants formés (sessions terminées)", "en": "Participants trained (completed)"},
    "people": {"fr": "Personnes formées (chacune une fois)", "en": "People trained (each counted once)"},
    "sessions_held": {"fr": "Sessions tenues", "en": "Sessions held"},
    "country": {"fr": "Par pays", "en": "By country"},
    "gender": {"fr": "Par genre", "en": "By gender"},
    "position": {"fr": "Par fonction", "en": "By position"},
    "programme": {"fr": "Par programme", "en": "By programme"},
    "mode": {"fr": "Par modalité", "en": "By delivery mode"},
    "venue_country": {"fr": "Par pays du lieu", "en": "By country of the venue"},
}


def _label(code: str | None, language: str, default: dict[str, str] = NOT_STATED) -> str:
    if not code:
        return default[language]
    return LABELS.get(code, {}).get(language) or code


def _country(code: str | None, language: str, default: dict[str, str] = NOT_STATED) -> str:
    return country_name(code, language) if code else default[language]


def _sessions(filters: Filters, viewer: Viewer) -> list[ColumnElement[bool]]:
    """Conditions on the session copy: programme, theme, language, partner."""
    where: list[ColumnElement[bool]] = []
    if filters.programme:
        where.append(col(T.programme_id) == filters.programme)
    if filters.theme:
        where.append(col(T.theme) == filters.theme)
    if filters.language:
        where.append(col(T.language) == filters.language)
    if viewer.partner:
        where.append(
            col(T.id).in_(
                select(col(SessionPartner.session_id)).where(col(SessionPartner.organisation_id) == viewer.partner)
            )
        )
    return where


def _applications(filters: Filters, viewer: Viewer) -> list[ColumnElement[bool]]:
    """Conditions on applications joined to their session and learner."""
    where = _sessions(filters, viewer)
    if filters.country:
        where.append(func.coalesce(col(A.country), col(L.country)) == filters.country)
    return where


def _joined(*columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(A)
        .join(T, col(T.id) == col(A.session_id))
        .outerjoin(L, col(L.user_id) == col(A.learner_id))
    )


async def _applications_by_status(
    session: AsyncSession, where: list[ColumnElement[bool]], period: Period, viewer: Viewer
) -> Breakdown:
    rows = await counted(
        session,
        _joined(col(A.status), func.count()).where(*where, *period.instants(col(A.created_at))).group_by(col(A.status)),
    )
    return breakdown(((s, _label(s, viewer.language), n) for s, n in rows), viewer.threshold)


async def _by_month(
    session: AsyncSession, where: list[ColumnElement[bool]], column: Any, threshold: int | None
) -> Breakdown:
    """Applications matching `where`, by the month of `column` (UTC), earliest first: `YYYY-MM`."""
    year, month = extract("year", column), extract("month", column)
    rows = (await session.execute(_joined(year, month, func.count()).where(*where).group_by(year, month))).all()
    months = sorted((f"{int(y):04d}-{int(m):02d}", int(n)) for y, m, n in rows if y is not None and m is not None)
    return breakdown(((key, key, n) for key, n in months), threshold)


async def _queue(session: AsyncSession, where: list[ColumnElement[bool]]) -> Queue:
    waiting = (*PENDING, Status.accepted, Status.waitlisted)
    rows = dict(
        (
            await session.execute(
                _joined(col(A.status), func.count()).where(*where, col(A.status).in_(waiting)).group_by(col(A.status))
            )
        ).all()
    )
    return Queue(
        to_review=cell(sum(rows.get(s, 0) for s in PENDING)),
        awaiting_confirmation=cell(rows.get(Status.accepted, 0)),
        waitlisted=cell(rows.get(Status.waitlisted, 0)),
    )


async def _upcoming(
    session: AsyncSession, filters: Filters, viewer: Viewer, period: Period, now: datetime
) -> UpcomingFill:
    waiting = (
        select(col(A.session_id).label("session_id"), func.count().label("n"))
        .where(col(A.status) == Status.waitlisted)
        .group_by(col(A.session_id))
        .subquery()
    )
    where = [*_sessions(filters, viewer), col(T.status).in_(UPCOMING), col(T.starts_at) >= now]
    where += period.instants(col(T.starts_at))
    if filters.country:
        where.append(VENUE_COUNTRY == filters.country)
    rows = (
        await session.execute(
            select(
                col(T.id),
                col(T.title),
                col(T.starts_at),
                col(T.capacity),
                col(T.seats_taken),
                func.coalesce(waiting.c.n, 0),
            )
            .outerjoin(waiting, waiting.c.session_id == col(T.id))
            .where(*where)
            .order_by(col(T.starts_at), col(T.id))
            .limit(FILL_LIST)
        )
    ).all()
    lang, threshold = viewer.language, viewer.threshold
    titles = {sid: pick(title, lang) or sid for sid, title, *_ in rows}
    seats = breakdown(((sid, titles[sid], taken) for sid, _, _, _, taken, _ in rows), threshold)
    waitlisted = breakdown(((sid, titles[sid], n) for sid, *_, n in rows), threshold)
    seat_cells = cells_of(seats, titles)
    waiting_cells = cells_of(waitlisted, titles)
    capacity = sum(int(c) for _, _, _, c, _, _ in rows)
    fills = [
        SessionFill(
            session_id=sid,
            title=titles[sid],
            starts_at=aware_or_none(starts_at),
            capacity=int(seat_capacity),
            seats_taken=seat_cells[sid],
            waitlisted=waiting_cells[sid],
            fill_rate=_rate(seat_cells[sid].value, int(seat_capacity)),
        )
        for sid, _, starts_at, seat_capacity, _, _ in rows
    ]
    return UpcomingFill(
        sessions=fills,
        capacity=capacity,
        seats_taken=seats,
        waitlisted=waitlisted,
        fill_rate=_rate(seats.total.value, capacity),
    )


def _rate(taken: int | None, capacity: int) -> float | None:
    if taken is None or capacity <= 0:
        return None
    return round(taken / capacity, 3)


async def _programme_titles(session: AsyncSession, ids: list[str], language: str) -> dict[str, str]:
    if not ids:
        return {}
    # One session copy per programme carries its title (JSON: not groupable on every database).
    first = (
        select(col(T.programme_id).label("programme_id"), func.min(col(T.id)).label("session_id"))
        .where(col(T.programme_id).in_(ids))
        .group_by(col(T.programme_id))
        .subquery()
    )
    rows = await session.execute(
        select(first.c.programme_id, col(T.programme_title), col(T.programme_code)).join(
            T, col(T.id) == first.c.session_id
        )
    )
    return {pid: pick(title, language) or code or pid for pid, title, code in rows.all()}


async def _trained(
    session: AsyncSession, where: list[ColumnElement[bool]], period: Period, viewer: Viewer
) -> LearnersTrained:
    lang, threshold = viewer.language, viewer.threshold
    done = [*where, col(A.status) == Status.completed, *period.instants(col(A.completed_at))]
    country = func.coalesce(col(A.country), col(L.country))
    position = func.coalesce(func.nullif(func.trim(col(A.position)), ""), func.nullif(func.trim(col(L.position)), ""))
    # Positions are typed by people: "Directrice financière" and "directrice financière" are one.
    position_key = func.lower(position)
    by_country = await counted(session, _joined(country, func.count()).where(*done).group_by(country))
    by_gender = await counted(session, _joined(col(L.gender), func.count()).where(*done).group_by(col(L.gender)))
    by_position = await counted(
        session, _joined(position_key, func.min(position), func.count()).where(*done).group_by(position_key)
    )
    by_programme = await counted(
        session, _joined(col(T.programme_id), func.count()).where(*done).group_by(col(T.programme_id))
    )
    people = (await session.execute(_joined(func.count(distinct(col(A.learner_id)))).where(*done))).scalar_one()
    titles = await _programme_titles(session, [p for p, _ in by_programme if p], lang)
    return LearnersTrained(
        people=cell(int(people), threshold),
        by_country=breakdown(((c, _country(c, lang), n) for c, n in by_country), threshold),
        by_gender=breakdown(((g, _label(g, lang), n) for g, n in by_gender), threshold),
        by_position=breakdown(_positions(by_position, lang, threshold), threshold),
        by_programme=breakdown(
            ((p, titles.get(p, p) if p else NO_PROGRAMME[lang], n) for p, n in by_programme), threshold
        ),
        by_month=await _by_month(session, done, col(A.completed_at), threshold),
    )


def _positions(rows: list[tuple[Any, ...]], language: str, threshold: int | None) -> list[tuple[Any, str, int]]:
    """Positions are free text: one held by few people can name them ("Maire de Dakar"). For a
    suppressed reader the positions under the threshold are pooled into one row before suppression,
    so a rare title is never printed."""
    shown = [(key, label or NOT_STATED[language], int(n)) for key, label, n in rows]
    if threshold is None:
        return shown
    pooled = sum(n for key, _, n in shown if key and n < threshold)
    kept = [row for row in shown if not row[0] or row[2] >= threshold]
    return [*kept, *([(OTHER_POSITIONS_KEY, OTHER_POSITIONS[language], pooled)] if pooled else [])]


async def _held(session: AsyncSession, filters: Filters, viewer: Viewer, period: Period, now: datetime) -> SessionsHeld:
    lang = viewer.language
    where = [
        *_sessions(filters, viewer),
        col(T.status) != "cancelled",
        or_(col(T.status) == "completed", col(T.ends_at) < now),
        *period.instants(col(T.starts_at)),
    ]
    if filters.country:
        where.append(VENUE_COUNTRY == filters.country)
    by_mode = await counted(
        session, select(col(T.delivery_mode), func.count()).where(*where).group_by(col(T.delivery_mode))
    )
    by_country = await counted(session, select(VENUE_COUNTRY, func.count()).where(*where).group_by(VENUE_COUNTRY))
    # Sessions are not people: never suppressed.
    return SessionsHeld(
        by_mode=breakdown((m, _label(m, lang), n) for m, n in by_mode),
        by_country=breakdown((c, _country(c, lang, ONLINE), n) for c, n in by_country),
    )


async def overview(
    session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters, now: datetime | None = None
) -> EnrollmentOverview:
    now = now or utcnow()
    where = _applications(filters, viewer)
    staff = viewer.threshold is None
    return EnrollmentOverview(
        period=period.read(),
        partner=viewer.partner,
        filters=filters.echo(),
        applications_by_status=await _applications_by_status(session, where, period, viewer),
        applications_by_month=await _by_month(
            session, [*where, *period.instants(col(A.created_at))], col(A.created_at), viewer.threshold
        ),
        # The queue is a coordinator's work list, not a figure to publish.
        queue=await _queue(session, where) if staff else None,
        upcoming=await _upcoming(session, filters, viewer, period, now),
        learners_trained=await _trained(session, where, period, viewer),
        sessions_held=await _held(session, filters, viewer, period, now),
    )


async def report(
    session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters, now: datetime | None = None
) -> ReportPart:
    now = now or utcnow()
    lang = viewer.language
    trained = await _trained(session, _applications(filters, viewer), period, viewer)
    held = await _held(session, filters, viewer, period, now)

    def text(key: str) -> str:
        return TEXTS[key][lang]

    sections = [
        ReportSection(
            id="people_trained",
            title=text("people_trained"),
            unit="people",
            total=trained.by_country.total,
            breakdowns=[
                dimension("country", text("country"), trained.by_country),
                dimension("gender", text("gender"), trained.by_gender),
                dimension("position", text("position"), trained.by_position),
                dimension("programme", text("programme"), trained.by_programme),
            ],
        ),
        ReportSection(id="people", title=text("people"), unit="people", total=trained.people, breakdowns=[]),
        ReportSection(
            id="sessions_held",
            title=text("sessions_held"),
            unit="sessions",
            total=held.by_mode.total,
            breakdowns=[
                dimension("mode", text("mode"), held.by_mode),
                dimension("country", text("venue_country"), held.by_country),
            ],
        ),
    ]
    return report_part("enrollment", viewer, period, sections)
