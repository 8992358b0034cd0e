"""GET /api/dashboard/overview and /api/dashboard/report: every service's statistics asked at once,
each within the deadline; a stopped, silent or failing service is a missing part, not a failure;
the gateway checks who may ask; the report as JSON, CSV (parsed back here) and a printable page.

The services are real uvicorn servers (test doubles of their `/statistics/…` endpoints)."""

from __future__ import annotations

import contextlib
import csv
import io
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from common.testing import TokenFactory

SERVICES = ("identity", "catalogue", "enrollment", "experts", "publications")
PARTNER = "0e7c2b1a-5d4f-4c3b-9a8e-7f6d5c4b3a21"
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


def count(value: int | None, display: str | None = None) -> dict[str, Any]:
    return {"value": value, "suppressed": value is None, "display": display or str(value)}


def dimension(name: str, label: str, rows: list[tuple[str | None, str, dict[str, Any]]], total: dict[str, Any]) -> Any:
    return {
        "dimension": name,
        "label": label,
        "total": total,
        "rows": [{"key": k, "label": lab, "count": c} for k, lab, c in rows],
        "withheld": False,
    }


REPORTS: dict[str, list[dict[str, Any]]] = {
    "enrollment": [
        {
            "id": "people_trained",
            "title": "Participants formés",
            "unit": "people",
            "total": count(8),
            "breakdowns": [
                dimension(
                    "country",
                    "Par pays",
                    [("SN", "Sénégal", count(None, "≥ 5")), ("CI", "Côte d'Ivoire", count(None, "< 5"))],
                    count(8),
                ),
                {**dimension("position", "Par fonction", [], count(8)), "withheld": True},
            ],
        }
    ],
    "experts": [
        {
            "id": "experts_mobilised",
            "title": "Experts mobilisés <b>",
            "unit": "experts",
            "total": count(6),
            "breakdowns": [dimension("country", "Par pays", [("MA", "Maroc", count(6))], count(6))],
        }
    ],
    "publications": [
        {
            "id": "publications_issued",
            "title": "Publications parues",
            "unit": "publications",
            "total": count(2),
            "breakdowns": [dimension("type", "Par type", [("report", "Rapport", count(2))], count(2))],
        }
    ],
}


def statistics_double(service: str, seen: list[dict[str, Any]], *, status: int = 200) -> FastAPI:
    """A service's `/statistics/overview` and `/statistics/report`, recording what they were sent."""
    app = FastAPI(title=f"{service} statistics (test double)")

    def answer(request: Request, body: dict[str, Any]) -> JSONResponse:
        seen.append(
            {
                "service": service,
                "path": request.url.path,
                "query": dict(request.query_params),
                "authorization": request.headers.get("authorization"),
                "request_id": request.headers.get("x-request-id"),
                "accept_language": request.headers.get("accept-language"),
            }
        )
        if status != 200:
            problem = {"type": "about:blank", "title": "Oops", "status": status, "detail": f"{service} says no"}
            return JSONResponse(problem, status_code=status, media_type="application/problem+json")
        return JSONResponse(body)

    @app.get("/statistics/overview")
    async def overview(request: Request) -> JSONResponse:
        return answer(request, {"service": service, "figure": len(service)})

    @app.get("/statistics/report")
    async def report(request: Request) -> JSONResponse:
        return answer(
            request,
            {
                "service": service,
                "period": {"start": "2026-01-01", "end": "2026-12-31"},
                "partner": None,
                "threshold": 5,
                "language": "fr",
                "sections": REPORTS.get(service, []),
            },
        )

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


@pytest.fixture(scope="module")
def seen() -> list[dict[str, Any]]:
    return []


@pytest.fixture(scope="module")
def statistics(serve: Any, seen: list[dict[str, Any]]) -> Iterator[dict[str, str]]:
    """Every service's statistics, up and answering."""
    with contextlib.ExitStack() as stack:
        yield {name: stack.enter_context(serve(statistics_double(name, seen))).url for name in SERVICES}


@pytest.fixture
def dashboard(make_gateway: Any, statistics: dict[str, str], identity: Any) -> Any:
    """A gateway in front of the five services; `urls` replaces some of them."""

    def start(**overrides: Any) -> httpx.Client:
        urls = {**statistics, **overrides.pop("urls", {})}
        return make_gateway(
            services=list(SERVICES),
            identity_jwks_url=f"{identity.url}/.well-known/jwks.json",
            **{f"{name}_url": url for name, url in urls.items()},
            **overrides,
        )

    return start


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def coordinator(tokens: TokenFactory) -> dict[str, str]:
    return bearer(tokens.user(roles=["learner", "coordinator"]))


def test_the_overview_puts_every_service_together(
    dashboard: Any, coordinator: dict[str, str], seen: list[dict[str, Any]]
) -> None:
    gateway = dashboard()
    seen.clear()
    response = gateway.get(
        "/api/dashboard/overview",
        params={**YEAR, "country": "SN", "lang": "en"},
        headers={**coordinator, "X-Request-ID": "dash-1", "Accept-Language": "en"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store" and response.headers["x-request-id"] == "dash-1"
    body = response.json()
    assert body["missing"] == []
    assert list(body["parts"]) == list(SERVICES)
    for name in SERVICES:
        part = body["parts"][name]
        assert part["status"] == "ok" and part["data"] == {"service": name, "figure": len(name)}
    assert body["query"] == {**YEAR, "country": "SN", "lang": "en"}
    # Each service was asked once, with the caller's token, the filters and the request id.
    assert sorted(s["service"] for s in seen) == sorted(SERVICES)
    for call in seen:
        assert call["path"] == "/statistics/overview"
        assert call["query"] == {**YEAR, "country": "SN", "lang": "en"}
        assert call["authorization"] == coordinator["Authorization"]
        assert call["request_id"] == "dash-1" and call["accept_language"] == "en"


def test_a_stopped_service_is_a_missing_part(dashboard: Any, coordinator: dict[str, str], refused_url: str) -> None:
    gateway = dashboard(urls={"publications": refused_url})
    response = gateway.get("/api/dashboard/overview", headers=coordinator)
    assert response.status_code == 200
    body = response.json()
    assert body["missing"] == ["publications"]
    assert body["parts"]["publications"] == {
        "status": "unavailable",
        "detail": "publications is unavailable (it refuses connections)",
    }
    assert all(body["parts"][name]["status"] == "ok" for name in SERVICES[:-1])


def test_silent_services_are_waited_for_at_once_and_only_until_the_deadline(
    dashboard: Any, coordinator: dict[str, str], silent_url: str
) -> None:
    gateway = dashboard(urls={"experts": silent_url, "catalogue": silent_url}, dashboard_timeout=0.6)
    started = time.monotonic()
    response = gateway.get("/api/dashboard/overview", headers=coordinator)
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    body = response.json()
    assert body["missing"] == ["catalogue", "experts"]
    assert body["parts"]["experts"] == {"status": "timeout", "detail": "experts did not answer within 0.6 s"}
    assert body["parts"]["enrollment"]["status"] == "ok"
    # Two silent services cost one deadline, not two: they are asked concurrently.
    assert 0.6 <= elapsed < 1.1


def test_a_failing_service_is_a_missing_part_with_its_reason(
    dashboard: Any, serve: Any, coordinator: dict[str, str]
) -> None:
    with serve(statistics_double("enrollment", [], status=500)) as failing:
        response = dashboard(urls={"enrollment": failing.url}).get("/api/dashboard/overview", headers=coordinator)
    assert response.status_code == 200
    part = response.json()["parts"]["enrollment"]
    assert part["status"] == "error" and part["http_status"] == 500 and part["detail"] == "enrollment says no"


def test_when_nothing_answers_it_is_503_or_the_services_own_refusal(
    dashboard: Any, serve: Any, coordinator: dict[str, str], refused_url: str
) -> None:
    down = dashboard(urls={name: refused_url for name in SERVICES})
    response = down.get("/api/dashboard/overview", headers=coordinator)
    assert response.status_code == 503 and response.headers["content-type"] == "application/problem+json"
    assert "identity" in response.json()["detail"] and "publications" in response.json()["detail"]

    with contextlib.ExitStack() as stack:
        refusing = {name: stack.enter_context(serve(statistics_double(name, [], status=422))).url for name in SERVICES}
        response = dashboard(urls=refusing).get("/api/dashboard/overview", headers=coordinator)
    assert response.status_code == 422 and response.json()["detail"] == "identity says no"


@pytest.mark.parametrize(
    ("who", "params", "status"),
    [
        ("nobody", {}, 401),
        ("garbage", {}, 401),
        ("learner", {}, 403),
        ("expert", {}, 403),
        ("client without the scope", {}, 403),
        ("focal point", {}, 403),
        ("focal point", {"partner": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}, 403),
        ("focal point", {"partner": PARTNER}, 200),
        ("coordinator", {}, 200),
        ("admin", {}, 200),
        ("client with statistics:read", {}, 200),
    ],
)
def test_who_may_ask(
    dashboard: Any, tokens: TokenFactory, seen: list[dict[str, Any]], who: str, params: dict[str, str], status: int
) -> None:
    token = {
        "nobody": None,
        "garbage": "not.a.token",
        "learner": tokens.user(roles=["learner"]),
        "expert": tokens.user(roles=["learner", "expert"]),
        "client without the scope": tokens.client(scopes=["catalogue:read"]),
        "focal point": tokens.user(roles=["learner"], focal_point_of=[PARTNER]),
        "coordinator": tokens.user(roles=["coordinator"]),
        "admin": tokens.user(roles=["admin"]),
        "client with statistics:read": tokens.client(scopes=["statistics:read"]),
    }[who]
    gateway = dashboard()
    seen.clear()
    for path in ("/api/dashboard/overview", "/api/dashboard/report"):
        response = gateway.get(path, params=params, headers=bearer(token) if token else {})
        assert response.status_code == status, (path, response.text)
        if status != 200:
            assert response.headers["content-type"] == "application/problem+json"
    if status != 200:
        assert seen == []  # refused at the gateway: no service was asked
    if who == "nobody":
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_the_browser_cookie_is_enough(dashboard: Any, tokens: TokenFactory) -> None:
    gateway = dashboard()
    gateway.cookies.set("alga_access", tokens.user(roles=["coordinator"]))
    try:
        assert gateway.get("/api/dashboard/overview").status_code == 200
    finally:
        gateway.cookies.clear()


def test_the_report_as_json(dashboard: Any, coordinator: dict[str, str], seen: list[dict[str, Any]]) -> None:
    seen.clear()
    response = dashboard().get("/api/dashboard/report", params=YEAR, headers=coordinator)
    assert response.status_code == 200
    body = response.json()
    # The report asks only the services that have one.
    assert list(body["parts"]) == ["enrollment", "experts", "publications"]
    assert {s["path"] for s in seen} == {"/statistics/report"}
    sections = body["parts"]["enrollment"]["data"]["sections"]
    assert sections[0]["breakdowns"][0]["rows"][1]["count"] == {"value": None, "suppressed": True, "display": "< 5"}


def test_the_report_as_csv_reads_back(
    dashboard: Any, coordinator: dict[str, str], refused_url: str, seen: list[dict[str, Any]]
) -> None:
    gateway = dashboard(urls={"publications": refused_url})
    seen.clear()
    response = gateway.get("/api/dashboard/report", params={**YEAR, "format": "csv"}, headers=coordinator)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="alga-report-2026-01-01-2026-12-31.csv"'
    assert [call["query"] for call in seen] == [YEAR, YEAR]  # `format` is the gateway's own
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == [
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
    ]
    table = [(r["part"], r["section"], r["dimension"], r["key"], r["value"], r["display"]) for r in rows]
    assert table == [
        ("enrollment", "people_trained", "total", "", "8", "8"),
        ("enrollment", "people_trained", "country", "SN", "", "≥ 5"),
        ("enrollment", "people_trained", "country", "CI", "", "< 5"),
        ("enrollment", "people_trained", "position", "", "", "*"),
        ("experts", "experts_mobilised", "total", "", "6", "6"),
        ("experts", "experts_mobilised", "country", "MA", "6", "6"),
        ("publications", "", "", "", "", "missing: publications is unavailable (it refuses connections)"),
    ]
    assert rows[2]["label"] == "Côte d'Ivoire" and rows[1]["section_title"] == "Participants formés"


def test_the_report_as_a_page_to_print(dashboard: Any, coordinator: dict[str, str], refused_url: str) -> None:
    gateway = dashboard(urls={"experts": refused_url})
    response = gateway.get(
        "/api/dashboard/report", params={**YEAR, "format": "html", "lang": "en"}, headers=coordinator
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src" not in response.headers["content-security-policy"]
    page = response.text
    assert page.startswith("<!doctype html>") and '<html lang="en">' in page
    assert "Period: 2026-01-01 \u2013 2026-12-31" in page
    assert "<caption>Par pays</caption>" in page and '<td class="n">&lt; 5</td>' in page
    assert "Missing part: Community of Experts" in page
    assert "<script" not in page and "<b>" not in page  # every value escaped
    assert "Too few cases to break down" in page


def test_the_report_format_must_be_known(dashboard: Any, coordinator: dict[str, str]) -> None:
    response = dashboard().get("/api/dashboard/report", params={"format": "pdf"}, headers=coordinator)
    assert response.status_code == 422 and "json, csv, html" in response.json()["detail"]


def test_only_get(dashboard: Any, coordinator: dict[str, str]) -> None:
    response = dashboard().post("/api/dashboard/overview", headers=coordinator)
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"
    elsewhere = dashboard().get("/api/dashboard/elsewhere", headers=coordinator)
    assert elsewhere.status_code == 404 and "/api/dashboard/overview" in elsewhere.json()["detail"]


def test_the_dashboard_is_in_the_merged_document(dashboard: Any) -> None:
    doc = dashboard().get("/api/openapi.json").json()
    assert doc["paths"]["/api/dashboard/overview"]["get"]["operationId"] == "dashboard_overview"
    report = doc["paths"]["/api/dashboard/report"]["get"]
    assert {p["name"] for p in report["parameters"]} >= {"from", "to", "format", "partner", "country"}
