"""The events publications publishes (subject `alga.publications.<entity>.<verb>`).

`publications.record.published|updated|withdrawn`, data:

    {"record_id", "title": {"fr": …, "en": …}, "type", "themes": [theme codes], "published_on": "YYYY-MM-DD",
     "author_expert_ids": [expert ids, in author order], "status", "version", "language", "doi", "url",
     "withdrawn_reason"}

The experts service shows authorship from them: each event carries the whole current list of
author expert ids, so a consumer replaces what it holds for the record (an expert removed from
the authors disappears on the next `updated`). Drafts publish nothing. Fields are added, never
renamed or removed (docs/decisions/0002-domain-events.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from common.events import Event, record_event
from publications.db import OutboxEvent

RECORD_PUBLISHED = "publications.record.published"
RECORD_UPDATED = "publications.record.updated"
RECORD_WITHDRAWN = "publications.record.withdrawn"


def record(session: AsyncSession, type: str, data: dict[str, Any]) -> Event:
    return record_event(session, OutboxEvent, type, data)
