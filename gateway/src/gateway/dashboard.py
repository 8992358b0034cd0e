"""The coordinators' dashboard and the donor report, composed from the services' own statistics.

`GET /api/dashboard/overview` and `GET /api/dashboard/report` ask every service's `/statistics/…`
at once, each call with its own deadline (`GATEWAY_DASHBOARD_TIMEOUT`, 3 s), with the caller's
token. A service that is down, slow or failing does not hold the others back: the answer is 200
with the parts that came, each part with its status, and the missing ones named in `missing`.

The gateway computes nothing: every figure (and its suppression) comes from the service that owns
the data (docs/decisions/0007). It only checks who may ask (the token's roles, scopes and, for a
partner's focal point, its `focal_point_of` claim), puts the parts together, and writes the report
as JSON, CSV or a printable page.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp

from common.auth import ACCESS_COOKIE, InvalidToken, JWKSUnavailable, Principal
from common.errors import PROBLEM_JSON
from gateway import report_page
from gateway.problem import Headers, Send, send_bytes, send_json, send_problem
from gateway.tokens import CachedVerifier

log = logging.getLogger("gateway.dashboard")

Scope = MutableMapping[str, Any]

OVERVIEW = "/api/dashboard/overview"
REPORT = "/api/dashboard/report"
PATHS = frozenset({OVERVIEW, REPORT})
#: Whose statistics make the overview, and the donor report (in the order they are shown).
OVERVIEW_SERVICES = ("identity", "catalogue", "enrollment", "experts", "publications")
REPORT_SERVICES = ("enrollment", "experts", "publications")
SCOPE = "statistics:read"
FOCAL_POINT_CLAIM = "focal_point_of"
FORMATS = ("json", "csv", "html")
#: The report's own parameter; everything else in the query goes to the services as it came.
OWN_PARAMS = frozenset({"format"})
CSV_COLUMNS = (
    "part",
    "section",
    "section_title",
    "unit",
    "dimension",
    "dimension_label",
    "key",
    "label",
    "value",
    "display",
)


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


_FILTERS = [
    _query("from", "First day counted (YYYY-MM-DD, UTC)", {"type": "string", "format": "date"}),
    _query("to", "Last day counted, inclusive", {"type": "string", "format": "date"}),
    _query("programme", "A catalogue programme (id)"),
    _query("theme", "A theme code"),
    _query("country", "ISO 3166-1 alpha-2: the learner's or expert's country for people, the venue's for sessions"),
    _query("language", "A teaching or document language"),
    _query("partner", "Only the activities of this partner institution (organisation id); required for focal points"),
    _query("lang", "Language of labels: fr or en", {"type": "string", "enum": ["fr", "en"]}),
]
_ERRORS = {
    "401": {"description": "No token, or not a valid one"},
    "403": {"description": "Not a coordinator, admin, statistics:read integrator or the partner's focal point"},
    "503": {"description": "No service answered"},
}
#: The dashboard's paths in the gateway's merged OpenAPI document.
OPENAPI_PATHS: dict[str, Any] = {
    OVERVIEW: {
        "get": {
            "tags": ["dashboard"],
            "summary": "The coordinators' dashboard, from every service's statistics",
            "description": (
                "Every service's `/statistics/overview`, asked at once, each within GATEWAY_DASHBOARD_TIMEOUT. "
                "`parts.<service>.status` is ok, timeout, unavailable or error; `missing` names the parts "
                "that did not come. Counts are `{value, suppressed, display}`."
            ),
            "operationId": "dashboard_overview",
            "parameters": _FILTERS,
            "security": [{"HTTPBearer": []}],
            "responses": {"200": {"description": "The parts that came, and which are missing"}, **_ERRORS},
        }
    },
    REPORT: {
        "get": {
            "tags": ["dashboard"],
            "summary": "The donor report for a period: JSON, CSV or a page to print",
            "description": (
                "People trained, sessions held, experts mobilised, publications issued and downloaded: "
                "aggregates only, small counts of people suppressed by the services."
            ),
            "operationId": "dashboard_report",
            "parameters": [
                *_FILTERS,
                _query("format", "json (default), csv or html", {"type": "string", "enum": list(FORMATS)}),
            ],
            "security": [{"HTTPBearer": []}],
            "responses": {
                "200": {
                    "description": "The report",
                    "content": {"application/json": {}, "text/csv": {}, "text/html": {}},
                },
                **_ERRORS,
            },
        }
    },
}


@dataclass
class Part:
    """One service's answer: `ok` with its data, or why it is missing."""

    service: str
    status: str  # ok | timeout | unavailable | error
    data: Any = None
    http_status: int | None = None
    detail: str | None = None
    latency_ms: float | None = None

    def as_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"status": self.status}
        if self.status == "ok":
            body["data"] = self.data
        else:
            body["detail"] = self.detail
            if self.http_status is not None:
                body["http_status"] = self.http_status
        if self.latency_ms is not None:
            body["latency_ms"] = self.latency_ms
        return body


def _bearer(scope: Scope) -> str | None:
    """The caller's token: the Authorization header, else the browser's HttpOnly cookie."""
    authorization = cookie = None
    for name, value in scope["headers"]:
        if name == b"authorization":
            authorization = value
        elif name == b"cookie":
            cookie = value
    if authorization is not None:
        kind, _, credentials = authorization.partition(b" ")
        return credentials.strip().decode("latin-1") if kind.lower() == b"bearer" else None
    if cookie is not None:
        for part in cookie.split(b";"):
            key, sep, value = part.strip().partition(b"=")
            if sep and key == ACCESS_COOKIE.encode():
                return value.strip().strip(b'"').decode("latin-1") or None
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


class Dashboard:
    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession | None],
        urls: dict[str, str],
        tokens: Callable[[], CachedVerifier | None],
        *,
        timeout: float,
        connect_timeout: float,
    ) -> None:
        self._session = session
        self._urls = urls
        self._tokens = tokens
        self._timeout = timeout
        self._connect_timeout = min(connect_timeout, timeout)

    # ------------------------------------------------------------------ entry

    async def handle(self, scope: Scope, send: Send, path: str, extra: Headers, *, head: bool) -> None:
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=False)
        params = [(k, v) for k, v in query if k not in OWN_PARAMS]
        fmt = next((v for k, v in query if k == "format"), "json") if path == REPORT else "json"
        if fmt not in FORMATS:
            await send_problem(
                send,
                422,
                f"format must be one of: {', '.join(FORMATS)}.",
                extra,
                instance=path,
                title="Validation failed",
            )
            return
        token = _bearer(scope)
        if token is None:
            await send_problem(
                send,
                401,
                "Log in, or send an access token in the Authorization header.",
                extra,
                instance=path,
                headers=[(b"www-authenticate", b'Bearer realm="alga"')],
            )
            return
        refusal = await self._refusal(token, dict(params).get("partner"))
        if refusal is not None:
            status, detail = refusal
            challenge = [(b"www-authenticate", b'Bearer realm="alga", error="invalid_token"')] if status == 401 else []
            await send_problem(send, status, detail, extra, instance=path, headers=challenge)
            return

        services = [s for s in (OVERVIEW_SERVICES if path == OVERVIEW else REPORT_SERVICES) if s in self._urls]
        upstream_path = "/statistics/overview" if path == OVERVIEW else "/statistics/report"
        headers = {
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "Accept-Encoding": "identity",
            "X-Request-ID": dict(extra).get(b"x-request-id", b"").decode("latin-1"),
        }
        language = _header(scope, b"accept-language")
        if language:
            headers["Accept-Language"] = language
        parts = await self.gather(services, upstream_path, params, headers)
        ok = [p for p in parts if p.status == "ok"]
        no_store = [(b"cache-control", b"no-store"), *extra]
        if not ok:
            await self._nothing_came(send, path, parts, extra)
            return
        body = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "query": dict(params),
            "parts": {p.service: p.as_json() for p in parts},
            "missing": [p.service for p in parts if p.status != "ok"],
        }
        if path == OVERVIEW or fmt == "json":
            await send_json(send, 200, body, no_store)
        elif fmt == "csv":
            await send_bytes(
                send,
                200,
                [
                    (b"content-type", b"text/csv; charset=utf-8"),
                    (b"content-disposition", _attachment(params)),
                    *no_store,
                ],
                report_csv(parts),
                head=head,
            )
        else:
            page = report_page.render(body, language=_lang(params))
            await send_bytes(
                send,
                200,
                [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"x-content-type-options", b"nosniff"),
                    # The page is printed, never scripted: nothing runs, nothing is loaded.
                    (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'"),
                    *no_store,
                ],
                page,
                head=head,
            )

    # ------------------------------------------------------------------ who may ask

    async def _refusal(self, token: str, partner: str | None) -> tuple[int, str] | None:
        tokens = self._tokens()
        assert tokens is not None
        try:
            principal: Principal = await tokens.verify(token)
        except InvalidToken as exc:
            return 401, exc.reason
        except JWKSUnavailable:
            return 503, "Tokens cannot be checked right now (identity's keys are unavailable); try again shortly."
        if principal.is_staff or SCOPE in principal.scopes:
            return None
        if partner:
            # Only focal points get here: their claim is read from the token itself.
            claims = await tokens.verifier.verify_claims(token)
            partners = claims.get(FOCAL_POINT_CLAIM) or []
            if isinstance(partners, list) and partner.lower() in {str(p).lower() for p in partners}:
                return None
        return 403, (
            "The dashboard is for coordinators and admins, integrators with the statistics:read scope, "
            "and the focal point of a partner institution (with partner=<its organisation id>)."
        )

    # ------------------------------------------------------------------ the fan-out

    async def gather(
        self, services: list[str], path: str, params: list[tuple[str, str]], headers: dict[str, str]
    ) -> list[Part]:
        """Every service asked at once; each answer, or why it did not come, within the deadline."""
        query = urlencode(params)
        return list(
            await asyncio.gather(
                *(self._fetch(s, f"{self._urls[s]}{path}{'?' + query if query else ''}", headers) for s in services)
            )
        )

    async def _fetch(self, service: str, url: str, headers: dict[str, str]) -> Part:
        session = self._session()
        assert session is not None
        started = time.perf_counter()

        def elapsed() -> float:
            return round((time.perf_counter() - started) * 1000, 1)

        try:
            async with asyncio.timeout(self._timeout):
                async with session.get(
                    url,
                    headers=headers,
                    allow_redirects=False,
                    timeout=aiohttp.ClientTimeout(total=self._timeout, sock_connect=self._connect_timeout),
                ) as response:
                    raw = await response.read()
                    status = response.status
                    media_type = response.headers.get("content-type", "")
        except TimeoutError:
            log.warning("%s did not answer %s within %g s", service, url, self._timeout)
            return Part(service, "timeout", detail=f"{service} did not answer within {self._timeout:g} s")
        except aiohttp.ClientConnectorError:
            return Part(service, "unavailable", detail=f"{service} is unavailable (it refuses connections)")
        except aiohttp.ClientError as exc:
            return Part(service, "unavailable", detail=f"{service} gave no valid answer ({type(exc).__name__})")
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        if status == 200 and isinstance(body, dict):
            return Part(service, "ok", data=body, http_status=200, latency_ms=elapsed())
        detail = body.get("detail") if isinstance(body, dict) and media_type.startswith(PROBLEM_JSON) else None
        return Part(
            service,
            "error",
            http_status=status,
            detail=detail or f"{service} answered {status}",
            latency_ms=elapsed(),
        )

    async def _nothing_came(self, send: Send, path: str, parts: list[Part], extra: Headers) -> None:
        """No part: when every service refused the request the same way (a bad filter, a focal
        point asking about another partner), say so with their status; else 503."""
        statuses = {p.http_status for p in parts}
        if parts and len(statuses) == 1 and all(p.status == "error" for p in parts):
            (status,) = statuses
            if status is not None and 400 <= status < 500:
                await send_problem(send, status, parts[0].detail, extra, instance=path)
                return
        missing = ", ".join(f"{p.service} ({p.detail})" for p in parts) or "no service is enabled"
        await send_problem(send, 503, f"No service answered: {missing}.", extra, instance=path)


# ---------------------------------------------------------------------- the report's CSV


def _lang(params: list[tuple[str, str]]) -> str:
    lang = dict(params).get("lang")
    return lang if lang in ("fr", "en") else "fr"


def _attachment(params: list[tuple[str, str]]) -> bytes:
    given = dict(params)
    period = "-".join(v for v in (given.get("from"), given.get("to")) if v and v.replace("-", "").isdigit()) or "all"
    return f'attachment; filename="alga-report-{period}.csv"'.encode()


def report_csv(parts: list[Part]) -> bytes:
    """One row per figure: each section's total, then every row of its breakdowns; a withheld
    breakdown is one row saying so; a missing part is one row saying why. UTF-8 with a BOM, so that
    spreadsheet programs read the accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for part in parts:
        if part.status != "ok":
            writer.writerow([part.service, "", "", "", "", "", "", "", "", f"missing: {part.detail}"])
            continue
        for section in part.data.get("sections", []):
            base = [part.service, section["id"], section["title"], section["unit"]]
            total = section["total"]
            writer.writerow([*base, "total", "", "", "", _value(total), total["display"]])
            for dimension in section.get("breakdowns", []):
                head = [*base, dimension["dimension"], dimension["label"]]
                if dimension.get("withheld"):
                    writer.writerow([*head, "", "", "", "*"])
                for row in dimension.get("rows", []):
                    count = row["count"]
                    writer.writerow([*head, row["key"] or "", row["label"], _value(count), count["display"]])
    return ("\ufeff" + out.getvalue()).encode()


def _value(count: dict[str, Any]) -> str:
    return "" if count.get("value") is None else str(count["value"])
