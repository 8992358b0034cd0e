"""Password hashing (Argon2 via pwdlib) and the strength rule."""

from __future__ import annotations

from pwdlib import PasswordHash
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 128  # Argon2 does not need a cap, but a 1 MB "password" is a denial of service.
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"

hasher = PasswordHash.recommended()
# Verified when the e-mail is unknown, so that an unknown account costs the same time as a
# wrong password and timing tells nothing about which e-mails exist.
DUMMY_HASH = hasher.hash("not-a-real-password-only-for-constant-time")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return hasher.verify(password, password_hash)


def password_problem(password: str, *, user_inputs: list[str]) -> str | None:
    """Why a password is too weak, in words a user can act on; None when it is fine."""
    if len(password) < MIN_LENGTH:
        return f"The password must have at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"The password must have at most {MAX_LENGTH} characters."
    result = zxcvbn(password[:100], user_inputs=[u for u in user_inputs if u])
    if result["score"] < MIN_SCORE:
        feedback = result.get("feedback") or {}
        hint = feedback.get("warning") or ""
        suggestions = " ".join(feedback.get("suggestions") or [])
        return " ".join(p for p in ["This password is too easy to guess.", hint, suggestions] if p)
    return None
