import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field

from publications.db import PublicationsModel
from publications.timeutil import utcnow


def new_id() -> str:
    return str(uuid.uuid4())


class Record(PublicationsModel, table=True):
    """A document of the library: its metadata in every language, its status and its current version.

    `key` is an internal integer (the search row's key, the full-text index's rowid); `id` is the
    public identifier in URLs, OAI identifiers and events.
    """

    __tablename__ = "record"
    __table_args__ = (
        # OAI-PMH pages through records in datestamp order (selective harvesting by date).
        Index("ix_record_datestamp_key", "datestamp", "key"),
    )

    key: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    id: str = Field(default_factory=new_id, max_length=36, unique=True)
    type: str = Field(max_length=30)
    status: str = Field(default="draft", max_length=20)
    title: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    abstract: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: {"fr": ["budget participatif", …], "en": ["participatory budgeting", …]}
    keywords: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: The document's language (ISO 639-1).
    language: str = Field(max_length=8)
    published_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    publisher: str | None = Field(default=None, max_length=300)
    place: str | None = Field(default=None, max_length=200)
    series: str | None = Field(default=None, max_length=300)
    #: The journal of an article, the volume a chapter or paper is part of.
    container_title: str | None = Field(default=None, max_length=500)
    #: [{"name", "family", "given", "organisation", "orcid", "expert_id"}], in citation order.
    authors: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    themes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    licence: str = Field(max_length=40)
    doi: str | None = Field(default=None, max_length=200, unique=True)
    isbn: str | None = Field(default=None, max_length=20, unique=True)
    #: Where the document lives outside the library (the video of a `video` record).
    url: str | None = Field(default=None, max_length=1000)
    related_programme_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    related_session_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    related_event_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    #: Partner institutions that took part (identity organisation ids); `record_partner` indexes them.
    partner_ids: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default=text("'[]'"))
    )
    withdrawn_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    #: Number of the latest published version (0 while the record has never been published).
    version: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str | None = Field(default=None, max_length=100)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_by: str | None = Field(default=None, max_length=100)
    published_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    withdrawn_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    #: The last change harvesters must see (publication, a published edit, withdrawal): OAI-PMH's
    #: datestamp. None while the record is a draft that was never published.
    datestamp: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class RecordSearch(PublicationsModel, table=True):
    """A record as the search sees it: one narrow row per record, kept by the service on every change.

    Filters, facets and the full-text index read this row instead of the wide record (titles,
    abstracts and authors as JSON), so a search touching tens of thousands of records reads little.
    `theme_mask` holds the record's themes as bits (bit i = the i-th theme of the vocabulary, whose
    order is therefore append-only); `search_text` is every searchable text, folded
    (common.text), which the full-text index covers (search/fulltext.py); `author_keys` the
    folded names of its authors (`record_author.author_key`, in order), which the author facet
    counts without a join (a text[] on PostgreSQL, a JSON array on SQLite)."""

    __tablename__ = "record_search"
    __table_args__ = (Index("ix_record_search_status_published_on", "status", "published_on", "key"),)

    key: int = Field(
        sa_column=Column(Integer, ForeignKey("record.key", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    )
    status: str = Field(max_length=20)
    type: str = Field(max_length=30)
    language: str = Field(max_length=8)
    year: int | None = Field(default=None)
    published_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    theme_mask: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    author_keys: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSON().with_variant(ARRAY(Text()), "postgresql"), nullable=False),
    )


class RecordAuthor(PublicationsModel, table=True):
    """One row per author of a record: the author filter and facet, by name, expert id or ORCID."""

    __tablename__ = "record_author"
    __table_args__ = (
        # The author filter (an author's records) and the author facet's labels (an author's
        # names in order, each with its record, to skip those the caller may not list).
        Index("ix_record_author_author_key_name", "author_key", "name", "record_key"),
    )

    record_key: int = Field(sa_column=Column(Integer, ForeignKey("record.key", ondelete="CASCADE"), primary_key=True))
    position: int = Field(sa_column=Column(Integer, primary_key=True))
    #: The folded name: "Aminata Diallo" and "aminata DIALLO" are one author in the facet.
    author_key: str = Field(max_length=300)
    name: str = Field(max_length=300)
    expert_id: str | None = Field(default=None, max_length=36, index=True)
    orcid: str | None = Field(default=None, max_length=19, index=True)


class RecordVersion(PublicationsModel, table=True):
    """What the public saw: a snapshot of the record at each published change (1, 2, …)."""

    __tablename__ = "record_version"

    record_id: str = Field(sa_column=Column(String(36), ForeignKey("record.id", ondelete="CASCADE"), primary_key=True))
    number: int = Field(sa_column=Column(Integer, primary_key=True))
    #: published | updated | withdrawn
    change: str = Field(max_length=20)
    snapshot: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str | None = Field(default=None, max_length=100)


class RecordPartner(PublicationsModel, table=True):
    """One row per partner institution of a record (kept from `record.partner_ids` by the service):
    the partner filter of the search and the partner's figures."""

    __tablename__ = "record_partner"

    record_key: int = Field(sa_column=Column(Integer, ForeignKey("record.key", ondelete="CASCADE"), primary_key=True))
    organisation_id: str = Field(primary_key=True, max_length=36, index=True)


class DownloadDay(PublicationsModel, table=True):
    """How many times a record's files were downloaded on one day (UTC): downloads in a period.
    The files' own counters hold the totals since the beginning."""

    __tablename__ = "download_day"

    record_id: str = Field(sa_column=Column(String(36), ForeignKey("record.id", ondelete="CASCADE"), primary_key=True))
    day: date = Field(sa_column=Column(Date, primary_key=True))
    downloads: int = Field(default=0, sa_column=Column(Integer, nullable=False))
