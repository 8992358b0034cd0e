"""Every experts table, imported in one place (Alembic and the tests read the metadata here)."""

from experts.db import ExpertsModel, OutboxEvent, ProcessedEvent
from experts.duplicate.models import DuplicateCandidate
from experts.engagement.models import Engagement, SessionPartner
from experts.profile.models import ExpertCountry, ExpertLanguage, ExpertProfile, ExpertTheme

metadata = ExpertsModel.metadata

__all__ = [
    "DuplicateCandidate",
    "Engagement",
    "ExpertCountry",
    "ExpertLanguage",
    "ExpertProfile",
    "ExpertTheme",
    "OutboxEvent",
    "ProcessedEvent",
    "SessionPartner",
    "metadata",
]
