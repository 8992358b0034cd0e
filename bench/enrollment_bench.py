"""Applications per second through the gateway: 50 learners at once on one session, on PostgreSQL,
with the seats checked never to be oversold.

    python bench/enrollment_bench.py                      # or: make bench
    python bench/enrollment_bench.py --duration 5         # a quick look

What runs: NATS, identity (SQLite: it only signs the learners' tokens), enrollment on a fresh
PostgreSQL database (`BENCH_DATABASE_URL`, else `TEST_DATABASE_URL`, else
postgresql://postgres@127.0.0.1:5432/postgres: a database `bench_enrollment_…` is made there and
dropped after) and the gateway, as `make run` starts them (one uvicorn worker each, uvloop,
httptools). The session is announced by publishing catalogue's event to NATS, so enrollment's read
model is what the learners apply against, in automatic admission (first come, first served) with
fewer seats than learners.

The load: 50 learners (registered through identity), each in a loop for `--duration` seconds:
apply (`POST /api/enrollment/applications`) then withdraw (`POST …/transitions`), so that the same
learners can apply again (one live application per learner and session). Every apply locks the
session's seat row; every withdrawal of a seated learner frees a seat and offers it to the first
waiting one. Meanwhile a watcher reads the session's seat count; at the end the database is
checked: the counter equals the applications holding a seat and neither ever exceeds capacity.

Results go to bench/results/enrollment.json and bench/results/enrollment.md. The load generator
(aiohttp, in this process) shares the machine's cores with the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import nats
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from common.db import sync_url
from common.testing import create_postgres_database, drop_postgres_database
from devstack.benchmarking import percentile
from devstack.services import ServiceSpec
from devstack.stack import Stack

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
PASSWORD = "bench passphrase solide 2027"  # noqa: S105  (throwaway accounts of a throwaway stack)


@dataclass
class Result:
    learners: int
    capacity: int
    duration_s: float
    applications: int
    applications_per_s: float
    withdrawals: int
    requests_per_s: float
    apply_p50_ms: float
    apply_p99_ms: float
    withdraw_p50_ms: float
    accepted_answers: int
    waitlisted_answers: int
    errors: int
    max_seats_seen: int
    enrollment_cpu_ms_per_request: float
    gateway_cpu_ms_per_request: float
    #: 1-minute load average when the load started: other work on the machine shows here.
    load_average: float
    final_seats_counter: int
    final_seats_held: int
    oversold: bool
    error_samples: list[str] = field(default_factory=list)


def server_url() -> str:
    return (
        os.environ.get("BENCH_DATABASE_URL")
        or os.environ.get("TEST_DATABASE_URL")
        or ("postgresql://postgres@127.0.0.1:5432/postgres")
    )


async def publish_session(nats_port: int, session_id: str, capacity: int) -> None:
    now = datetime.now(UTC)
    data = {
        "session_id": session_id,
        "programme_title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "title": {"fr": "Banc d'essai", "en": "Benchmark session"},
        "status": "applications_open",
        "language": "fr",
        "delivery_mode": "residential_seminar",
        "capacity": capacity,
        "starts_at": (now + timedelta(days=40)).isoformat(),
        "ends_at": (now + timedelta(days=44)).isoformat(),
        "timezone": "Africa/Dakar",
        "applications_open_at": (now - timedelta(days=1)).isoformat(),
        "applications_close_at": (now + timedelta(days=30)).isoformat(),
        "revision": 1,
    }
    event = {
        "id": str(uuid.uuid4()),
        "type": "catalogue.session.published",
        "source": "catalogue",
        "time": now.isoformat(),
        "data": data,
    }
    nc = await nats.connect(f"nats://127.0.0.1:{nats_port}")
    try:
        await nc.jetstream().publish(
            "alga.catalogue.session.published", json.dumps(event).encode(), headers={"Nats-Msg-Id": event["id"]}
        )
    finally:
        await nc.close()


def register_and_login(gateway: str, count: int) -> list[str]:
    tokens = []
    with httpx.Client(base_url=gateway, timeout=30) as http:
        for i in range(count):
            email = f"bench-{i}-{uuid.uuid4().hex[:6]}@example.org"
            registered = http.post(
                "/api/identity/auth/register",
                json={"email": email, "password": PASSWORD, "full_name": f"Bench Learner {i}", "country": "SN"},
            )
            registered.raise_for_status()
            login = http.post("/api/identity/auth/login", json={"email": email, "password": PASSWORD})
            login.raise_for_status()
            http.cookies.clear()
            tokens.append(login.json()["access_token"])
    return tokens


def coordinator_token(gateway: str, password: str) -> str:
    with httpx.Client(base_url=gateway, timeout=30) as http:
        response = http.post(
            "/api/identity/auth/login", json={"email": "coordinator@example.org", "password": password}
        )
        response.raise_for_status()
        return str(response.json()["access_token"])


def wait_for_session(gateway: str, session_id: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=gateway, timeout=5) as http:
        while time.monotonic() < deadline:
            if http.get(f"/api/enrollment/sessions/{session_id}").status_code == 200:
                return
            time.sleep(0.1)
    raise TimeoutError("the session never reached enrollment's read model")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def load(gateway: str, session_id: str, tokens: list[str], duration: float) -> dict[str, Any]:
    apply_ms: list[float] = []
    withdraw_ms: list[float] = []
    answers: dict[str, int] = {}
    errors: list[str] = []
    max_seats = 0
    stop_at = 0.0
    connector = aiohttp.TCPConnector(limit=len(tokens) + 10)
    async with aiohttp.ClientSession(base_url=gateway, connector=connector) as http:

        async def learner(token: str, index: int) -> None:
            headers = {"Authorization": f"Bearer {token}"}
            body = {"session_id": session_id, "motivation": f"Bench learner {index} applies."}
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                async with http.post("/api/enrollment/applications", json=body, headers=headers) as response:
                    payload = await response.json(content_type=None)
                    elapsed = (time.perf_counter() - started) * 1000
                if response.status != 201:
                    errors.append(f"apply {response.status}: {str(payload)[:200]}")
                    continue
                apply_ms.append(elapsed)
                answers[payload["status"]] = answers.get(payload["status"], 0) + 1
                started = time.perf_counter()
                async with http.post(
                    f"/api/enrollment/applications/{payload['id']}/transitions",
                    json={"action": "withdraw"},
                    headers=headers,
                ) as response:
                    await response.read()
                    if response.status != 200:
                        errors.append(f"withdraw {response.status}")
                        continue
                withdraw_ms.append((time.perf_counter() - started) * 1000)

        async def watcher() -> None:
            nonlocal max_seats
            while time.perf_counter() < stop_at:
                async with http.get(f"/api/enrollment/sessions/{session_id}") as response:
                    seats = (await response.json())["seats_taken"]
                max_seats = max(max_seats, seats)
                await asyncio.sleep(0.05)

        stop_at = time.perf_counter() + duration
        began = time.perf_counter()
        await asyncio.gather(watcher(), *[learner(t, i) for i, t in enumerate(tokens)])
        elapsed = time.perf_counter() - began
    return {
        "elapsed": elapsed,
        "apply_ms": apply_ms,
        "withdraw_ms": withdraw_ms,
        "answers": answers,
        "errors": errors,
        "max_seats": max_seats,
    }


def final_seats(database_url: str, session_id: str) -> tuple[int, int, int]:
    """(the seat counter, the applications actually holding a seat, capacity), read from the database."""
    engine = create_engine(sync_url(database_url), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            counter, capacity = conn.execute(
                text("SELECT seats_taken, capacity FROM course_session WHERE id = :id"), {"id": session_id}
            ).one()
            held = conn.execute(
                text(
                    "SELECT count(*) FROM application WHERE session_id = :id "
                    "AND status IN ('accepted', 'confirmed', 'completed', 'no_show')"
                ),
                {"id": session_id},
            ).scalar_one()
    finally:
        engine.dispose()
    return int(counter), int(held), int(capacity)


def write_results(result: Result) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S%z")
    (RESULTS / "enrollment.json").write_text(
        json.dumps(
            {"when": stamp, "cores": os.cpu_count(), "python": platform.python_version(), **asdict(result)}, indent=2
        )
        + "\n"
    )
    verdict = "never oversold" if not result.oversold else "OVERSOLD"
    lines = [
        "# Enrollment benchmark",
        "",
        f"{stamp}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        "Produced by `bench/enrollment_bench.py`.",
        "",
        f"{result.learners} learners at once on one session of {result.capacity} seats (automatic admission), "
        f"through the gateway, enrollment on PostgreSQL; each learner applies then withdraws, in a loop, for "
        f"{result.duration_s:.0f} s. NATS, identity, enrollment and the gateway: one uvicorn worker each (uvloop, "
        "httptools) on this machine, with the load generator (aiohttp) on the same cores.",
        "",
        "| | |",
        "|---|---:|",
        f"| applications accepted by the service (201) | {result.applications:,} |",
        f"| **applications per second** | **{result.applications_per_s:,.0f}** |",
        f"| withdrawals (each frees a seat or a waiting-list place) | {result.withdrawals:,} |",
        f"| all requests per second (apply + withdraw) | {result.requests_per_s:,.0f} |",
        f"| apply latency p50 / p99 | {result.apply_p50_ms:.1f} ms / {result.apply_p99_ms:.1f} ms |",
        f"| withdraw latency p50 | {result.withdraw_p50_ms:.1f} ms |",
        f"| answers: accepted / waitlisted | {result.accepted_answers:,} / {result.waitlisted_answers:,} |",
        f"| enrollment CPU per request (apply or withdraw) | {result.enrollment_cpu_ms_per_request:.1f} ms |",
        f"| gateway CPU per request | {result.gateway_cpu_ms_per_request:.2f} ms |",
        f"| machine load average (1 min) when the load started | {result.load_average:.1f} |",
        f"| errors | {result.errors} |",
        f"| most seats seen taken during the run | {result.max_seats_seen} of {result.capacity} |",
        f"| at the end: seat counter / applications holding a seat | {result.final_seats_counter} / "
        f"{result.final_seats_held} |",
        f"| seats | **{verdict}** |",
        "",
        "Every apply and every withdrawal takes the session's row lock (`SELECT … FOR UPDATE`) until its",
        "transaction commits, so the seat changes of one session are serialised in the database by design.",
        "The watcher polls the session's seat count every 50 ms during the run; the last two rows read the",
        "database after it. Throughput here is bound by the one enrollment worker's CPU (see CPU per request:",
        "one apply is about 18 SQL statements and the full application document in the answer), on a",
        "machine whose 2 cores also run PostgreSQL, NATS, identity, the gateway and the load generator.",
        "A load average above ~2 before the run means other work shared the cores, and the figures drop",
        "with it: compare runs made on a quiet machine.",
        "",
    ]
    (RESULTS / "enrollment.md").write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load (default 20)")
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=30)
    args = parser.parse_args(argv)

    db_name = f"bench_enrollment_{uuid.uuid4().hex[:8]}"
    database_url = create_postgres_database(server_url(), db_name)
    var_dir = Path(tempfile.mkdtemp(prefix="alga-bench-"))
    stack = Stack.for_tests(var_dir, services=(ServiceSpec("identity"), ServiceSpec("enrollment")))
    stack.env["ENROLLMENT_DATABASE_URL"] = database_url
    stack.env["LOG_LEVEL"] = "WARNING"
    # Every learner logs in from this one address: identity's per-address login limit would refuse most.
    stack.env["IDENTITY_LOGIN_MAX_ATTEMPTS_PER_IP"] = str(args.learners * 4)
    session_id = str(uuid.uuid4())
    try:
        print(f"starting NATS, identity, enrollment (PostgreSQL {db_name}) and the gateway in {var_dir} …", flush=True)
        stack.start()
        gateway = stack.gateway_url
        asyncio.run(publish_session(stack.nats_port, session_id, args.capacity))
        wait_for_session(gateway, session_id)
        staff = coordinator_token(gateway, stack.demo_password or "")
        httpx.patch(
            f"{gateway}/api/enrollment/sessions/{session_id}/settings",
            json={"admission_mode": "automatic"},
            headers={"Authorization": f"Bearer {staff}"},
            timeout=10,
        ).raise_for_status()
        print(f"registering {args.learners} learners …", flush=True)
        tokens = register_and_login(gateway, args.learners)
        print(f"load: {args.learners} learners for {args.duration:.0f} s …", flush=True)
        pids = {p.name: p.popen.pid for p in stack.processes}
        cpu_before = {name: cpu_seconds(pids[name]) for name in ("enrollment", "gateway")}
        load_average = os.getloadavg()[0]
        run = asyncio.run(load(gateway, session_id, tokens, args.duration))
        cpu = {name: cpu_seconds(pids[name]) - cpu_before[name] for name in ("enrollment", "gateway")}
        counter, held, capacity = final_seats(database_url, session_id)
    finally:
        stack.stop()
        drop_postgres_database(server_url(), db_name)
    applications = len(run["apply_ms"])
    withdrawals = len(run["withdraw_ms"])
    result = Result(
        learners=args.learners,
        capacity=capacity,
        duration_s=run["elapsed"],
        applications=applications,
        applications_per_s=applications / run["elapsed"],
        withdrawals=withdrawals,
        requests_per_s=(applications + withdrawals) / run["elapsed"],
        apply_p50_ms=statistics.median(run["apply_ms"]) if run["apply_ms"] else 0.0,
        apply_p99_ms=percentile(run["apply_ms"], 0.99),
        withdraw_p50_ms=statistics.median(run["withdraw_ms"]) if run["withdraw_ms"] else 0.0,
        accepted_answers=run["answers"].get("accepted", 0),
        waitlisted_answers=run["answers"].get("waitlisted", 0),
        errors=len(run["errors"]),
        max_seats_seen=run["max_seats"],
        enrollment_cpu_ms_per_request=1000 * cpu["enrollment"] / max(applications + withdrawals, 1),
        gateway_cpu_ms_per_request=1000 * cpu["gateway"] / max(applications + withdrawals, 1),
        load_average=load_average,
        final_seats_counter=counter,
        final_seats_held=held,
        oversold=run["max_seats"] > capacity or counter > capacity or held != counter,
        error_samples=run["errors"][:5],
    )
    write_results(result)
    print((RESULTS / "enrollment.md").read_text())
    if result.oversold or result.errors:
        print("FAILED: seats oversold or errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
