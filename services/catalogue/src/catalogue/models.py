"""Every catalogue table, imported in one place (Alembic and the tests read the metadata here)."""

from catalogue.db import CatalogueModel, OutboxEvent, ProcessedEvent
from catalogue.expert.models import ExpertStatus
from catalogue.module.models import Module
from catalogue.programme.models import Programme, ProgrammeAudience, ProgrammePartner
from catalogue.session.models import CourseSession, SessionAudience
from catalogue.theme.models import Theme

metadata = CatalogueModel.metadata

__all__ = [
    "CourseSession",
    "ExpertStatus",
    "Module",
    "OutboxEvent",
    "ProcessedEvent",
    "Programme",
    "ProgrammeAudience",
    "ProgrammePartner",
    "SessionAudience",
    "Theme",
    "metadata",
]
