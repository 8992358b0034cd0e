"""Every publications table, imported in one place (Alembic and the tests read the metadata here)."""

from publications.db import OutboxEvent, ProcessedEvent, PublicationsModel
from publications.file.models import RecordFile
from publications.record.models import DownloadDay, Record, RecordAuthor, RecordPartner, RecordSearch, RecordVersion

metadata = PublicationsModel.metadata

__all__ = [
    "DownloadDay",
    "OutboxEvent",
    "ProcessedEvent",
    "Record",
    "RecordAuthor",
    "RecordFile",
    "RecordPartner",
    "RecordSearch",
    "RecordVersion",
    "metadata",
]
