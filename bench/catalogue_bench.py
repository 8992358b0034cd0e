"""Catalogue search latency through the gateway: faceted full-text queries over 10,000 sessions and
1,000 programmes, on SQLite and on PostgreSQL.

    python bench/catalogue_bench.py                       # or: make bench
    python bench/catalogue_bench.py --requests 50         # a quick look
    python bench/catalogue_bench.py --backends sqlite     # one database only

For each database: a fresh catalogue (migrations and the seed: 18 themes, the Master, the 18
Colleges, the expert seminars), then 980 more programmes and 10,000 sessions generated and written
straight into its tables (as the service writes them: the same folded search document, so the same
full-text index), then the catalogue service and the gateway started as `make run` starts them
(one uvicorn worker each, uvloop, httptools). PostgreSQL: a database `bench_catalogue_…` is made on
`BENCH_DATABASE_URL` (else `TEST_DATABASE_URL`, else postgresql://postgres@127.0.0.1:5432/postgres)
and dropped after.

The load: one client on one connection (what a visitor waits for, not throughput), each query of
the set in turn, `--requests` times each after a warm-up; every answer is checked (status,
the facets asked). Latency is measured by the client: gateway and service included.

Target (issue 3, ADR 0006): p95 under 50 ms for a faceted full-text query. Results go to
bench/results/catalogue.json and bench/results/catalogue.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from catalogue.countries import country_name
from catalogue.programme.models import Programme, ProgrammeAudience
from catalogue.session.models import CourseSession, SessionAudience
from catalogue.theme.models import Theme
from catalogue.vocabulary import IN_PERSON_MODES, LABELS, Audience, DeliveryMode, EventKind, audience_bits
from common.db import sync_url
from common.settings import REPO_ROOT
from common.testing import create_postgres_database, drop_postgres_database
from common.text import search_document
from devstack.benchmarking import LoadSampler, cpu_check_ms, percentile
from devstack.services import ServiceSpec
from devstack.stack import Stack

RESULTS = REPO_ROOT / "bench" / "results"
TARGET_P95_MS = 50.0
SESSIONS = 10_000
PROGRAMMES = 1_000
SEED = 20261129

#: (name, query string, full-text with facets: what the target is about)
QUERIES: list[tuple[str, str, bool]] = [
    ("q=finances & theme=local_finance", "q=finances&theme=local_finance", True),
    ("q=gouvernance locale & language=fr & open=true", "q=gouvernance%20locale&language=fr&open=true", True),
    (
        "q=budget & mode=residential_seminar & country=SN,CI & from=today",
        "q=budget&mode=residential_seminar&country=SN&country=CI&from={today}",
        True,
    ),
    (
        "q=water (English words) & audience=technical_director & lang=en",
        "q=water&audience=technical_director&lang=en",
        True,
    ),
    ("country=SN & audience=finance_director (facets, no words)", "country=SN&audience=finance_director", False),
    ("no filter: every session, every facet counted", "", False),
]
PROGRAMME_QUERY = ("programmes: q=finances", "q=finances")

# ------------------------------------------------------------------ generated data

PLACES: dict[str, tuple[list[str], str]] = {
    "SN": (["Dakar", "Saint-Louis", "Thiès"], "Africa/Dakar"),
    "MA": (["Rabat", "Marrakech", "Casablanca", "Fès"], "Africa/Casablanca"),
    "CI": (["Abidjan", "Yamoussoukro", "Bouaké"], "Africa/Abidjan"),
    "CM": (["Yaoundé", "Douala"], "Africa/Douala"),
    "BJ": (["Cotonou", "Porto-Novo"], "Africa/Porto-Novo"),
    "BF": (["Ouagadougou", "Bobo-Dioulasso"], "Africa/Ouagadougou"),
    "ML": (["Bamako"], "Africa/Bamako"),
    "TG": (["Lomé"], "Africa/Lome"),
    "GH": (["Accra", "Kumasi"], "Africa/Accra"),
    "NG": (["Lagos", "Abuja"], "Africa/Lagos"),
    "KE": (["Nairobi", "Mombasa", "Kisumu"], "Africa/Nairobi"),
    "RW": (["Kigali"], "Africa/Kigali"),
    "TN": (["Tunis", "Sfax"], "Africa/Tunis"),
    "ZA": (["Johannesburg", "Cape Town", "Durban"], "Africa/Johannesburg"),
    "ET": (["Addis Ababa"], "Africa/Addis_Ababa"),
    "CD": (["Kinshasa", "Lubumbashi"], "Africa/Kinshasa"),
    "GA": (["Libreville"], "Africa/Libreville"),
    "MG": (["Antananarivo"], "Indian/Antananarivo"),
}

WORDS_FR = (
    "gouvernance locale décentralisation finances budget fiscalité recettes dépenses marchés publics "
    "urbanisme foncier cadastre eau assainissement déchets mobilité transport climat résilience "
    "énergie genre jeunesse participation citoyenne transparence redevabilité partenariat coopération "
    "migration diaspora santé éducation état civil numérique données planification aménagement "
    "quartiers habitat emploi développement économique tourisme patrimoine culture agriculture "
    "intercommunalité élus cadres ressources humaines communication leadership éthique"
).split()
WORDS_EN = (
    "local governance decentralisation finance budget taxation revenue spending procurement urban "
    "planning land registry water sanitation waste mobility transport climate resilience energy gender "
    "youth citizen participation transparency accountability partnership cooperation migration diaspora "
    "health education civil registration digital data planning housing jobs economic development "
    "tourism heritage culture agriculture elected officials staff human resources communication "
    "leadership ethics"
).split()
LEVELS = [
    ("initiation", "introduction"),
    ("approfondissement", "advanced course"),
    ("atelier régional", "regional workshop"),
    ("formation des formateurs", "training of trainers"),
    ("cycle de perfectionnement", "professional development cycle"),
    ("séminaire pratique", "practical seminar"),
]


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


@dataclass
class Generated:
    programmes: int
    sessions: int
    seconds: float


def generate(url: str, *, programmes: int, sessions: int, seed: int = SEED) -> Generated:
    """Programmes and sessions written straight into the catalogue's tables, with the search
    document the service would write (ADR 0006), so the database's own index sees the same text."""
    rng = random.Random(seed)  # noqa: S311 - made-up data, the same on every run
    began = time.perf_counter()
    engine: Engine = create_engine(sync_url(url), poolclass=NullPool)
    now = datetime.now(UTC).replace(microsecond=0)
    audiences = [a.value for a in Audience]
    modes = [m.value for m in DeliveryMode]
    event_kinds = [k.value for k in EventKind]
    countries = list(PLACES)
    with engine.begin() as conn:
        themes = {row.code: row.title for row in conn.execute(select(Theme.__table__.c.code, Theme.__table__.c.title))}
        existing = int(conn.execute(select(func.count()).select_from(Programme.__table__)).scalar_one())
        theme_codes = list(themes)

        programme_rows: list[dict[str, Any]] = []
        programme_audiences: list[dict[str, Any]] = []
        programme_info: dict[str, tuple[str, str | None, dict[str, str], list[str]]] = {}
        for n in range(max(0, programmes - existing)):
            kind = rng.choices(["college", "executive_master", "event_series"], weights=[85, 5, 10])[0]
            theme = rng.choice(theme_codes) if kind == "college" or rng.random() < 0.5 else None
            level_fr, level_en = rng.choice(LEVELS)
            base_fr = themes[theme]["fr"] if theme else "Gouvernance locale"
            base_en = themes[theme]["en"] if theme else "Local governance"
            prefix = {
                "college": ("Collège ALGA", "ALGA College"),
                "executive_master": ("Master exécutif", "Executive Master"),
                "event_series": ("Séminaires", "Seminars"),
            }[kind]
            title = {
                "fr": f"{prefix[0]} : {base_fr} — {level_fr} {n + 1}",
                "en": f"{prefix[1]}: {base_en} — {level_en} {n + 1}",
            }
            summary = {
                "fr": _sentence(rng, WORDS_FR, rng.randint(14, 24)),
                "en": _sentence(rng, WORDS_EN, rng.randint(14, 24)),
            }
            objectives = {
                "fr": [_sentence(rng, WORDS_FR, 8) for _ in range(3)],
                "en": [_sentence(rng, WORDS_EN, 8) for _ in range(3)],
            }
            status = rng.choices(["published", "draft", "archived"], weights=[90, 6, 4])[0]
            pid = str(uuid.UUID(int=rng.getrandbits(128)))
            code = f"bench-{kind.replace('_', '-')}-{n + 1}"
            partners = ["Université Cadi Ayyad"] if rng.random() < 0.6 else []
            chosen = sorted(rng.sample(audiences, rng.randint(2, 4)))
            programme_rows.append(
                {
                    "id": pid,
                    "code": code,
                    "kind": kind,
                    "theme_code": theme,
                    "status": status,
                    "title": title,
                    "summary": summary,
                    "description": {},
                    "objectives": objectives,
                    "prerequisites": {},
                    "duration": {},
                    "fees": {},
                    "scholarships": {},
                    "fee_amount": None,
                    "fee_currency": None,
                    "partner_institutions": partners,
                    "search_text": search_document(
                        code.replace("-", " "),
                        title,
                        summary,
                        objectives,
                        partners,
                        themes[theme] if theme else None,
                        LABELS.get(kind),
                    ),
                    "published_at": now - timedelta(days=rng.randint(1, 400)) if status != "draft" else None,
                    "archived_at": now if status == "archived" else None,
                    "created_at": now,
                    "updated_at": now,
                    "created_by": "bench",
                    "updated_by": "bench",
                }
            )
            programme_audiences.extend({"programme_id": pid, "audience": a} for a in chosen)
            if status != "archived":
                programme_info[pid] = (kind, theme, title, chosen)
        if programme_rows:
            conn.execute(insert(Programme.__table__), programme_rows)
            conn.execute(insert(ProgrammeAudience.__table__), programme_audiences)

        session_rows: list[dict[str, Any]] = []
        session_audiences: list[dict[str, Any]] = []
        runnable = list(programme_info.items())
        for _ in range(sessions):
            standalone = rng.random() < 0.1 or not runnable
            mode = rng.choice(modes)
            online = mode in ("e_learning", "webinar", "hybrid")
            country = rng.choice(countries) if mode in {m.value for m in IN_PERSON_MODES} or mode == "hybrid" else None
            cities, zone = (
                PLACES[country]
                if country
                else ([], rng.choice(["UTC", "Africa/Dakar", "Africa/Nairobi", "Africa/Casablanca"]))
            )
            city = rng.choice(cities) if country else None
            language = rng.choices(["fr", "en", "pt"], weights=[55, 40, 5])[0]
            days = rng.randint(-180, 540)
            starts = (now + timedelta(days=days)).replace(hour=rng.choice([7, 8, 9, 13]), minute=0, second=0)
            ends = starts + (
                timedelta(hours=rng.choice([2, 3]))
                if mode == "webinar"
                else timedelta(days=rng.randint(1, 12), hours=8)
            )
            status = rng.choices(
                ["published", "applications_open", "applications_closed", "completed", "cancelled", "draft"],
                weights=[30, 40, 15, 10, 3, 2],
            )[0]
            if days < 0 and status in ("published", "applications_open"):
                status = "completed"
            opens = starts - timedelta(days=rng.randint(30, 90))
            closes = starts - timedelta(days=rng.randint(2, 20))
            sid = str(uuid.UUID(int=rng.getrandbits(128)))
            own_summary = {
                "fr": _sentence(rng, WORDS_FR, rng.randint(8, 16)),
                "en": _sentence(rng, WORDS_EN, rng.randint(8, 16)),
            }
            if standalone:
                event_kind = rng.choice(event_kinds)
                theme = rng.choice(theme_codes) if rng.random() < 0.7 else None
                own_title = {
                    "fr": f"{LABELS[event_kind]['fr']} : {_sentence(rng, WORDS_FR, 5)[:-1]}",
                    "en": f"{LABELS[event_kind]['en']}: {_sentence(rng, WORDS_EN, 5)[:-1]}",
                }
                kind, programme_id, programme_title = "event", None, None
                chosen = sorted(rng.sample(audiences, rng.randint(1, 4)))
            else:
                programme_id, (kind, theme, programme_title, chosen) = rng.choice(runnable)
                event_kind = None
                own_title = (
                    {}
                    if rng.random() < 0.7
                    else {
                        "fr": f"{programme_title['fr']} ({city or 'en ligne'})",
                        "en": f"{programme_title['en']} ({city or 'online'})",
                    }
                )
            session_rows.append(
                {
                    "id": sid,
                    "programme_id": programme_id,
                    "module_id": None,
                    "kind": kind,
                    "event_kind": event_kind,
                    "theme_code": theme,
                    "title": own_title,
                    "summary": own_summary,
                    "delivery_mode": mode,
                    "language": language,
                    "starts_at": starts,
                    "ends_at": ends,
                    "timezone": zone,
                    "venue_city": city,
                    "venue_country": country,
                    "venue_address": None,
                    "online": online,
                    "online_url": None,
                    "capacity": rng.randint(15, 300),
                    "applications_open_at": opens,
                    "applications_close_at": closes,
                    "trainer_ids": [],
                    "status": status,
                    "cancellation_reason": "Reportée." if status == "cancelled" else None,
                    "revision": 0 if status == "draft" else 1,
                    # Given with the row, as the service does (the triggers then have nothing to do).
                    "audience_mask": audience_bits(chosen),
                    "search_text": search_document(
                        own_title,
                        own_summary,
                        None,
                        programme_title,
                        themes[theme] if theme else None,
                        city,
                        [country_name(country, "fr"), country_name(country, "en")] if country else None,
                        [LABELS.get(code) for code in (mode, event_kind) if code],
                    ),
                    "published_at": now - timedelta(days=30) if status != "draft" else None,
                    "created_at": now,
                    "updated_at": now,
                    "created_by": "bench",
                    "updated_by": "bench",
                }
            )
            session_audiences.extend({"session_id": sid, "audience": a} for a in chosen)
        for start in range(0, len(session_rows), 2000):
            conn.execute(insert(CourseSession.__table__), session_rows[start : start + 2000])
        for start in range(0, len(session_audiences), 5000):
            conn.execute(insert(SessionAudience.__table__), session_audiences[start : start + 5000])
        total_programmes = int(conn.execute(select(func.count()).select_from(Programme.__table__)).scalar_one())
        total_sessions = int(conn.execute(select(func.count()).select_from(CourseSession.__table__)).scalar_one())
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return Generated(total_programmes, total_sessions, time.perf_counter() - began)


# ------------------------------------------------------------------ measuring


def measure(gateway: str, *, requests: int, warmup: int) -> dict[str, dict[str, Any]]:
    today = date.today().isoformat()
    targets = [(name, f"/api/catalogue/sessions?{qs.format(today=today)}", faceted) for name, qs, faceted in QUERIES]
    targets.append((PROGRAMME_QUERY[0], f"/api/catalogue/programmes?{PROGRAMME_QUERY[1]}", False))
    timings: dict[str, list[float]] = {name: [] for name, _, _ in targets}
    totals: dict[str, int] = {}
    with httpx.Client(base_url=gateway, timeout=30, headers={"Accept-Language": "fr"}) as http:
        for name, path, _ in targets:
            answer = http.get(path)
            if answer.status_code != 200:
                raise RuntimeError(f"GET {path} answered {answer.status_code}: {answer.text[:300]}")
            body = answer.json()
            if path.startswith("/api/catalogue/sessions") and set(body["facets"]) < {"theme", "country", "open"}:
                raise RuntimeError(f"GET {path}: facets missing ({sorted(body['facets'])})")
            totals[name] = body["total"]
            for _ in range(warmup):
                http.get(path)
        # Queries in turn, so drift (other load on the machine) spreads over all of them alike.
        for _ in range(requests):
            for name, path, _ in targets:
                began = time.perf_counter()
                answer = http.get(path)
                elapsed = (time.perf_counter() - began) * 1000
                if answer.status_code != 200:
                    raise RuntimeError(f"GET {path} answered {answer.status_code}")
                timings[name].append(elapsed)
    return {
        name: {
            "path": path,
            "faceted_full_text": faceted,
            "results": totals[name],
            "p50_ms": round(statistics.median(timings[name]), 2),
            "p95_ms": round(percentile(timings[name], 0.95), 2),
            "p99_ms": round(percentile(timings[name], 0.99), 2),
            "mean_ms": round(statistics.fmean(timings[name]), 2),
            "requests": len(timings[name]),
        }
        for name, path, faceted in targets
    }


def server_url() -> str:
    return (
        os.environ.get("BENCH_DATABASE_URL")
        or os.environ.get("TEST_DATABASE_URL")
        or "postgresql://postgres@127.0.0.1:5432/postgres"
    )


def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    var_dir = Path(tempfile.mkdtemp(prefix=f"alga-bench-catalogue-{backend}-"))
    db_name = f"bench_catalogue_{uuid.uuid4().hex[:8]}"
    if backend == "postgresql":
        url = create_postgres_database(server_url(), db_name)
    else:
        url = f"sqlite:///{var_dir / 'catalogue.db'}"
    stack = Stack.for_tests(var_dir, services=(ServiceSpec("catalogue"),))
    stack.env.update(
        {
            "CATALOGUE_DATABASE_URL": url,
            # The seed's 20 programmes and no example sessions: the generated data is the catalogue.
            "CATALOGUE_SEED_SAMPLE_SESSIONS": "false",
            "LOG_LEVEL": "WARNING",
        }
    )
    env = stack.process_env()
    try:
        for command in ("migrate", "seed"):
            subprocess.run(
                [sys.executable, "-m", "catalogue.cli", command],
                env=env,
                cwd=REPO_ROOT,
                check=True,
                capture_output=True,
            )
        print(f"[{backend}] generating {args.programmes:,} programmes and {args.sessions:,} sessions …", flush=True)
        generated = generate(url, programmes=args.programmes, sessions=args.sessions)
        print(
            f"[{backend}] {generated.programmes:,} programmes, {generated.sessions:,} sessions written in "
            f"{generated.seconds:.1f} s; starting catalogue and the gateway …",
            flush=True,
        )
        stack.start()
        load_start, cpu_start = os.getloadavg(), cpu_check_ms()
        with LoadSampler() as load:
            results = measure(stack.gateway_url, requests=args.requests, warmup=args.warmup)
        load_end, cpu_end = os.getloadavg(), cpu_check_ms()
    finally:
        stack.stop()
        if backend == "postgresql":
            drop_postgres_database(server_url(), db_name)
    for name, r in results.items():
        print(
            f"[{backend}] {name:70s} p50 {r['p50_ms']:7.2f} ms  p95 {r['p95_ms']:7.2f} ms  ({r['results']} results)",
            flush=True,
        )
    return {
        "programmes": generated.programmes,
        "sessions": generated.sessions,
        "generation_s": round(generated.seconds, 1),
        # 1, 5 and 15-minute load averages when the measurement began and ended: on a machine of
        # `machine.cpus` cores, a load above that count means the figures shared the cores.
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in load_end],
        "load_average_1min_during": load.summary(),
        "cpu_check_ms": {"start": cpu_start, "end": cpu_end},
        "queries": results,
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Catalogue search benchmark",
        "",
        f"{result['when']}, {result['machine']['cpus']} cores, Python {result['machine']['python']}. "
        "Produced by `bench/catalogue_bench.py`.",
        "",
        f"{result['settings']['sessions']:,} sessions and {result['settings']['programmes']:,} programmes "
        "(generated, written straight into the catalogue's tables with the service's search document), "
        "queried through the gateway by one client on one connection: catalogue and gateway one uvicorn "
        f"worker each (uvloop, httptools), on the same cores as the client. {result['settings']['requests']} "
        f"requests per query after {result['settings']['warmup']} of warm-up, the queries in turn. "
        f"Target: p95 under {TARGET_P95_MS:g} ms for a faceted full-text query (marked ✱).",
        "",
    ]
    backends = list(result["backends"])
    header = "| query | " + " | ".join(f"{b} p50 / p95" for b in backends) + " | results |"
    lines += [header, "|---|" + "---:|" * len(backends) + "---:|"]
    names = list(result["backends"][backends[0]]["queries"])
    for name in names:
        cells = []
        for b in backends:
            r = result["backends"][b]["queries"][name]
            p95 = (
                f"**{r['p95_ms']:.1f}**"
                if r["faceted_full_text"] and r["p95_ms"] >= TARGET_P95_MS
                else f"{r['p95_ms']:.1f}"
            )
            cells.append(f"{r['p50_ms']:.1f} / {p95} ms")
        first = result["backends"][backends[0]]["queries"][name]
        mark = " ✱" if first["faceted_full_text"] else ""
        lines.append(f"| `{name}`{mark} | " + " | ".join(cells) + f" | {first['results']:,} |")
    lines.append("")
    lines.append(
        f"Machine load (1-minute load average on {result['machine']['cpus']} CPUs; above "
        f"{result['machine']['cpus']} means other work shared the cores). The CPU check is the time of a "
        "fixed pure-Python loop (best of 3): on this virtual machine it varies by half from one minute to "
        "the next even at a low load average, with the host's other work; the latencies vary with it:"
    )
    lines.append("")
    lines.append(
        f"- whole run: {result['load_average_start'][0]:.2f} when it began, {result['load_average_end'][0]:.2f} "
        "when it ended;"
    )
    for b in backends:
        data = result["backends"][b]
        lines.append(
            f"- {b} measurement: {data['load_average_start'][0]:.2f} when it began, "
            f"{data['load_average_end'][0]:.2f} when it ended (mean {data['load_average_1min_during']['mean']:.2f}, "
            f"max {data['load_average_1min_during']['max']:.2f}, read every 2 s); CPU check "
            f"{data['cpu_check_ms']['start']:.0f} ms before, {data['cpu_check_ms']['end']:.0f} ms after."
        )
    lines.append("")
    for b in backends:
        v = result["verdict"][b]
        state = "met" if v["target_met"] else "**missed**"
        lines.append(
            f"- {b}: worst p95 of the faceted full-text queries {v['worst_faceted_p95_ms']:.1f} ms: target {state}."
        )
    lines += [
        "",
        "Every session query answers one page (20) with its total and the counts of every facet (theme,",
        "kind, event kind, mode, language, country, audience, open), computed by the database in one",
        "statement (ADR 0006). The unfiltered listing counts every facet over every session; it is not a",
        "full-text query. Figures vary with the machine's other load (the load averages are noted above).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per query (default 200)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--programmes", type=int, default=PROGRAMMES)
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]

    load_start = os.getloadavg()
    per_backend = {backend: run_backend(backend, args) for backend in backends}
    verdict = {}
    for backend, data in per_backend.items():
        faceted = [q["p95_ms"] for q in data["queries"].values() if q["faceted_full_text"]]
        verdict[backend] = {"worst_faceted_p95_ms": max(faceted), "target_met": max(faceted) < TARGET_P95_MS}
    result = {
        "benchmark": "catalogue",
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": {
            "sessions": args.sessions,
            "programmes": args.programmes,
            "requests": args.requests,
            "warmup": args.warmup,
            "client": "httpx, one connection, sequential",
            "server": "catalogue and gateway: uvicorn, 1 worker each, uvloop, httptools",
        },
        "target_p95_ms": TARGET_P95_MS,
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "backends": per_backend,
        "verdict": verdict,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "catalogue.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (args.out / "catalogue.md").write_text(markdown(result))
    print(markdown(result))
    # A missed target is a figure to read, not a failure: `make bench` goes on to the next one.
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
