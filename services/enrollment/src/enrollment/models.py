"""Every enrollment table, imported in one place (Alembic and the tests read the metadata here)."""

from enrollment.application.models import Application, ApplicationTransition, Attachment, IdempotencyKey, Placement
from enrollment.attendance.models import Attendance
from enrollment.bulk.models import ImportJob
from enrollment.certificate.models import Certificate
from enrollment.db import EnrollmentModel, OutboxEvent, ProcessedEvent
from enrollment.endorsement.models import Endorsement
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession, SessionPartner

metadata = EnrollmentModel.metadata

__all__ = [
    "Application",
    "ApplicationTransition",
    "Attachment",
    "Attendance",
    "Certificate",
    "CourseSession",
    "Endorsement",
    "IdempotencyKey",
    "ImportJob",
    "Learner",
    "OutboxEvent",
    "Placement",
    "ProcessedEvent",
    "SessionPartner",
    "metadata",
]
