"""RFC 9457 problem details: one shape for every error any service (or the gateway) returns.

Domain code raises a `DomainError` subclass; one handler renders it. Validation errors name the
fields at fault. Unexpected exceptions still answer problem+json (500) and are logged with the
request id, so no error ever leaves as HTML or a bare string.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://alga-campus.org/problems/"

log = logging.getLogger("alga.errors")


def problem_body(
    status: int,
    title: str | None = None,
    detail: str | None = None,
    *,
    type: str = "about:blank",
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": type,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
    }
    if detail is not None:
        body["detail"] = detail
    if instance is not None:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    body.update(extra)
    return body


def problem_response(
    status: int,
    title: str | None = None,
    detail: str | None = None,
    *,
    headers: dict[str, str] | None = None,
    **kwargs: Any,
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, title, detail, **kwargs),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def field_error(field: str, message: str, code: str = "invalid") -> dict[str, str]:
    return {"field": field, "message": message, "code": code}


class DomainError(Exception):
    """Base of every error a service raises on purpose. Subclasses set status/title/slug."""

    status: int = 400
    title: str = "Bad request"
    slug: str = "bad-request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers
        self.extra = extra

    @property
    def type(self) -> str:
        return TYPE_BASE + self.slug


class NotFound(DomainError):
    status, title, slug = 404, "Not found", "not-found"


class Conflict(DomainError):
    status, title, slug = 409, "Conflict", "conflict"


class Unauthorized(DomainError):
    status, title, slug = 401, "Authentication required", "unauthorized"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": 'Bearer realm="alga"'})
        super().__init__(detail, **kwargs)


class Forbidden(DomainError):
    status, title, slug = 403, "Forbidden", "forbidden"


class ValidationFailed(DomainError):
    """A rule the schema cannot express (end after start, a real country code…)."""

    status, title, slug = 422, "Validation failed", "validation-failed"

    @classmethod
    def on(cls, field: str, message: str, code: str = "invalid") -> ValidationFailed:
        return cls(message, errors=[field_error(field, message, code)])


class TooManyRequests(DomainError):
    status, title, slug = 429, "Too many requests", "too-many-requests"


class ServiceUnavailable(DomainError):
    status, title, slug = 503, "Service unavailable", "service-unavailable"


def _loc_to_field(loc: tuple[Any, ...] | list[Any]) -> str:
    # FastAPI locations start with where the value came from ("body", "query", …); the field
    # path a client fixes is what follows.
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.title,
            exc.detail,
            type=exc.type,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
            **exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            message = str(err.get("msg", "invalid value"))
            # pydantic prefixes custom validator messages with "Value error, "; users need the rest.
            message = message.removeprefix("Value error, ")
            errors.append(field_error(_loc_to_field(err.get("loc", ())), message, err.get("type", "invalid")))
        fields = ", ".join(dict.fromkeys(e["field"] for e in errors))
        return problem_response(
            422,
            "Validation failed",
            f"Some fields are not valid: {fields}",
            type=TYPE_BASE + "validation-failed",
            instance=request.url.path,
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(
            exc.status_code,
            None,
            detail,
            instance=request.url.path,
            headers=getattr(exc, "headers", None),
        )

    # The database is a dependency like any other: when it cannot be reached, or every pooled
    # connection is busy for longer than the pool waits, the caller gets a 503 it can retry,
    # not a 500 that says the request itself was wrong.
    @app.exception_handler(sa_exc.TimeoutError)
    async def _pool_exhausted(request: Request, exc: sa_exc.TimeoutError) -> JSONResponse:
        log.warning("database pool exhausted on %s %s: %s", request.method, request.url.path, exc)
        return problem_response(
            503,
            "Service busy",
            "Every database connection is in use; nothing was changed. Try again in a moment.",
            type=TYPE_BASE + "service-busy",
            instance=request.url.path,
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(sa_exc.OperationalError)
    async def _database_error(request: Request, exc: sa_exc.OperationalError) -> JSONResponse:
        if not database_unreachable(exc):
            return await _unexpected(request, exc)
        log.error("database unreachable on %s %s: %s", request.method, request.url.path, exc)
        return problem_response(
            503,
            "Database unavailable",
            "This service cannot reach its database; nothing was changed. Try again later.",
            type=TYPE_BASE + "database-unavailable",
            instance=request.url.path,
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(
            500,
            "Internal server error",
            "Something went wrong on our side; the error was logged with this request's id.",
            instance=request.url.path,
        )


def database_unreachable(exc: sa_exc.OperationalError) -> bool:
    """A failure to reach the database (refused, gone away), as opposed to a bad statement.

    SQLite reports both kinds as OperationalError ("no such table" is a bug, not an outage), so
    only connection-level failures count: an invalidated connection, or psycopg's own
    OperationalError (which it raises for connection problems, not for SQL errors).
    """
    if exc.connection_invalidated:
        return True
    return type(exc.orig).__module__.startswith("psycopg") and type(exc.orig).__name__ == "OperationalError"
