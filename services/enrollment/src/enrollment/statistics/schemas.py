from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from common.statistics import Breakdown, Cell, PeriodRead


class Queue(BaseModel):
    """What waits for a coordinator (shown to coordinators and admins only)."""

    #: Submitted, endorsed or under review: to decide.
    to_review: Cell
    #: Accepted, waiting for the learner to confirm the seat.
    awaiting_confirmation: Cell
    waitlisted: Cell


class SessionFill(BaseModel):
    session_id: str
    title: str
    starts_at: datetime | None
    capacity: int
    seats_taken: Cell
    waitlisted: Cell
    #: seats taken / capacity (0 to 1); null when the seats are suppressed or there is no capacity.
    fill_rate: float | None


class UpcomingFill(BaseModel):
    """How full the soonest upcoming sessions are (at most 20, earliest first)."""

    sessions: list[SessionFill]
    capacity: int
    seats_taken: Breakdown
    waitlisted: Breakdown
    fill_rate: float | None


class LearnersTrained(BaseModel):
    """Completed participations in the period (one per learner and session): each breakdown adds
    up to the same total; `people` counts each learner once."""

    people: Cell
    by_country: Breakdown
    by_gender: Breakdown
    by_position: Breakdown
    by_programme: Breakdown
    #: By month of completion, earliest first (keys `YYYY-MM`): the dashboard's trend line.
    by_month: Breakdown


class SessionsHeld(BaseModel):
    """Sessions that took place (not cancelled, ended or completed), starting in the period."""

    by_mode: Breakdown
    #: The venue's country; `null`: online.
    by_country: Breakdown


class EnrollmentOverview(BaseModel):
    period: PeriodRead
    partner: str | None
    filters: dict[str, str | None]
    #: Applications made in the period, by where they stand now.
    applications_by_status: Breakdown
    #: Applications made in the period, by month made, earliest first (keys `YYYY-MM`).
    applications_by_month: Breakdown
    queue: Queue | None
    upcoming: UpcomingFill
    learners_trained: LearnersTrained
    sessions_held: SessionsHeld
