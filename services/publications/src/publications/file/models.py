from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Integer, String
from sqlmodel import Field

from publications.db import PublicationsModel
from publications.record.models import new_id
from publications.timeutil import utcnow


class RecordFile(PublicationsModel, table=True):
    """A file of a record. Its bytes are in the file store under their SHA-256 (file/storage.py).

    A file removed from a record that has been published keeps its row (`removed_at`): earlier
    versions still list it, and the checksum proves what was published."""

    __tablename__ = "record_file"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    record_id: str = Field(
        sa_column=Column(String(36), ForeignKey("record.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    position: int = Field(default=0)
    #: The name given at upload (cleaned); downloads are offered under it.
    filename: str = Field(max_length=255)
    #: Detected from the content, never taken from the client.
    media_type: str = Field(max_length=120)
    size_bytes: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str = Field(max_length=64, index=True)
    label: str | None = Field(default=None, max_length=300)
    uploaded_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    uploaded_by: str | None = Field(default=None, max_length=100)
    removed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    removed_by: str | None = Field(default=None, max_length=100)
    download_count: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
