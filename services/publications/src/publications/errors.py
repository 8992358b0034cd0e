"""Domain errors of the publications service that the common kit has no class for."""

from __future__ import annotations

from common.errors import DomainError


class PayloadTooLarge(DomainError):
    status, title, slug = 413, "Payload too large", "payload-too-large"


class UnsupportedMediaType(DomainError):
    status, title, slug = 415, "Unsupported media type", "unsupported-media-type"


class Gone(DomainError):
    """The record was published, then withdrawn: the reason stays public (a tombstone)."""

    status, title, slug = 410, "Withdrawn", "withdrawn"
