from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from common.statistics import Breakdown, Cell, PeriodRead


class Issued(BaseModel):
    """Records published (in the library) whose publication date is in the period."""

    by_type: Breakdown
    #: A record with several themes counts under each: the rows may add up to more than the total.
    by_theme: Breakdown
    by_language: Breakdown


class RecentRecord(BaseModel):
    record_id: str
    title: str
    type: str
    published_on: date | None
    #: Since the record's files were first counted, and in the period.
    downloads: Cell
    downloads_in_period: Cell


class Downloads(BaseModel):
    #: Every download of the published records' files since counting began.
    total: Cell
    #: Downloads in the period (counted by day), by type of record.
    in_period: Breakdown
    #: The most recent publications (at most 10) and their downloads.
    recent: list[RecentRecord]


class PublicationsOverview(BaseModel):
    period: PeriodRead
    partner: str | None
    filters: dict[str, str | None]
    #: Every record by status; the drafts are the coordinators' queue.
    records_by_status: Breakdown
    drafts: Cell
    issued: Issued
    downloads: Downloads
