"""The experts service's domain errors (rendered as problem+json by common.errors)."""

from __future__ import annotations

from common.errors import Conflict, NotFound


class ProfileNotFound(NotFound):
    slug = "expert-profile-not-found"


class AlreadyApplied(Conflict):
    slug = "already-applied"


class TransitionNotAllowed(Conflict):
    slug = "transition-not-allowed"


class ProfileClosed(Conflict):
    """The profile was rejected, archived or merged: it cannot be edited any more."""

    slug = "profile-closed"


class AccountTaken(Conflict):
    slug = "account-has-profile"


class DuplicateNotFound(NotFound):
    slug = "duplicate-not-found"


class DuplicateResolved(Conflict):
    slug = "duplicate-already-resolved"
