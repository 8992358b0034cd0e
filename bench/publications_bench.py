"""The library at scale: faceted full-text search and a full OAI-PMH harvest, through the gateway.

    python bench/publications_bench.py                        # 100,000 records, SQLite and PostgreSQL
    python bench/publications_bench.py --records 20000 --queries 200 --backend sqlite   # a quick look

For each backend: a database migrated by the service's own migrations is filled with generated
records (titles, abstracts and keywords in French and English, 1-3 authors out of a few thousand,
1-3 of the 18 themes, 8 types, 20 years, four languages), written straight into the tables the
service maintains, as the service writes them (the search row with its folded text and author
keys, the author rows); the full-text index is kept by the database (FTS5 triggers on SQLite; on
PostgreSQL a GIN index on the text's vector, and triggers copying the vectors used for ranking).
Then the publications service and the gateway run as separate uvicorn processes (one worker each,
uvloop, httptools, no access log), and:

- `--queries` faceted full-text searches go through the gateway, one at a time on a kept-alive
  connection: `GET /api/publications/records?q=…` with 0-2 filters (theme, type, year, language),
  every facet computed (type, theme, language, year, author) and the total counted. p50/p95/p99
  of the client-measured latency; target p95 < 100 ms;
- a full OAI-PMH `ListRecords` harvest (oai_dc) through the gateway, following resumption tokens
  to the end: its time, pages and records per second.

PostgreSQL: `--pg-url` (default TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres);
a fresh database is created and dropped. Results go to bench/results/publications.json and .md.
Only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from devstack.benchmarking import LoadSampler, cpu_check_ms, percentile

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
TARGET_P95_MS = 100.0
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"

# ------------------------------------------------------------------ generated library

TOPICS_FR = [
    ("budget participatif", "participatory budgeting"),
    ("finances locales", "local finance"),
    ("fiscalité locale", "local taxation"),
    ("décentralisation", "decentralisation"),
    ("gouvernance urbaine", "urban governance"),
    ("services de base", "basic services"),
    ("eau et assainissement", "water and sanitation"),
    ("gestion des déchets", "waste management"),
    ("quartiers d'habitat spontané", "informal settlements"),
    ("planification spatiale", "spatial planning"),
    ("développement économique local", "local economic development"),
    ("coopération transfrontalière", "cross-border cooperation"),
    ("coopération décentralisée", "decentralised cooperation"),
    ("migrations et diaspora", "migration and diaspora"),
    ("femmes élues", "women elected officials"),
    ("budget sensible au genre", "gender-sensitive budgeting"),
    ("ressources humaines territoriales", "local government human resources"),
    ("communication publique", "public communication"),
    ("partenariat public-privé", "public-private partnership"),
    ("leadership local", "local leadership"),
    ("transition climatique", "climate transition"),
    ("mobilité urbaine", "urban mobility"),
    ("foncier urbain", "urban land"),
    ("associations nationales de collectivités", "national associations of local governments"),
    ("intercommunalité", "inter-municipal cooperation"),
    ("marchés publics", "public procurement"),
    ("santé communautaire", "community health"),
    ("éducation de base", "basic education"),
    ("numérique et e-gouvernement", "digital government"),
    ("résilience aux catastrophes", "disaster resilience"),
]
FORMS = [
    ("{a} : leçons de {place}", "{a}: lessons from {place}"),
    ("{a} et {b} en Afrique", "{a} and {b} in Africa"),
    ("Guide pratique : {a}", "A practical guide to {a}"),
    ("{a} dans les villes secondaires", "{a} in secondary cities"),
    ("Réformer {a} : le cas de {place}", "Reforming {a}: the case of {place}"),
    ("{a}, {b} et redevabilité", "{a}, {b} and accountability"),
]
PLACES = [
    "Dakar",
    "Abidjan",
    "Rabat",
    "Marrakech",
    "Kisumu",
    "Nairobi",
    "Accra",
    "Kumasi",
    "Lagos",
    "Kano",
    "Douala",
    "Yaoundé",
    "Cotonou",
    "Lomé",
    "Ouagadougou",
    "Bamako",
    "Niamey",
    "Kigali",
    "Kampala",
    "Dar es Salaam",
    "Maputo",
    "Lusaka",
    "Harare",
    "Durban",
    "Johannesburg",
    "Addis-Abeba",
    "Tunis",
    "Alger",
    "Saint-Louis",
    "Praia",
]
GIVEN = [
    "Aminata",
    "Fatou",
    "Mariam",
    "Aïssatou",
    "Grace",
    "Amina",
    "Nadia",
    "Khadija",
    "Awa",
    "Chantal",
    "Esther",
    "Kofi",
    "Issa",
    "Moussa",
    "Youssef",
    "Jean-Baptiste",
    "Tendai",
    "Olusegun",
    "Kwame",
    "Samuel",
    "Ibrahima",
    "Abdoulaye",
    "Thandiwe",
    "Naledi",
    "Hélène",
    "Pierre",
    "Joseph",
    "Rachid",
    "Salma",
    "Ousmane",
]
FAMILY = [
    "Diallo",
    "Ndiaye",
    "Touré",
    "Traoré",
    "Koné",
    "Mensah",
    "Sawadogo",
    "Ouédraogo",
    "Nkurunziza",
    "Moyo",
    "Wanjiru",
    "Otieno",
    "El Amrani",
    "Benali",
    "Okafor",
    "Adeyemi",
    "Mbeki",
    "Dlamini",
    "Kamara",
    "Sow",
    "Diop",
    "Ba",
    "Camara",
    "Keita",
    "Coulibaly",
    "Nguema",
    "Mukamana",
    "Haidara",
    "Bah",
    "Cissé",
    "Banda",
    "Phiri",
    "Mwangi",
    "Achieng",
    "Owusu",
    "Boateng",
    "Asante",
    "Tshabalala",
    "Zulu",
    "Sithole",
]
THEMES = [
    "local_leadership",
    "territorial_coaching",
    "participatory_budgeting",
    "gender_sensitive_budgeting",
    "sustainable_inclusive_cities",
    "informal_settlements",
    "women_local_government",
    "public_private_partnership",
    "local_hr_management",
    "local_communication",
    "local_finance",
    "local_economic_development",
    "international_relations",
    "migration_diaspora",
    "cross_border_cooperation",
    "basic_services_access",
    "spatial_planning",
    "national_associations",
]
TYPES = [
    ("report", 30),
    ("policy_brief", 25),
    ("article", 15),
    ("book", 8),
    ("proceedings", 6),
    ("toolkit", 6),
    ("presentation", 6),
    ("video", 4),
]
LANGUAGES = [("fr", 55), ("en", 35), ("pt", 5), ("ar", 5)]
LICENCES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0", "all-rights-reserved"]
#: What readers type: topics (a few % of the library each), places, authors, and broader words.
SEARCH_WORDS = [
    "budget participatif",
    "participatory",
    "finances locales",
    "fiscalite",
    "decentralisation",
    "gouvernance",
    "water",
    "assainissement",
    "dechets",
    "waste",
    "habitat spontane",
    "informal settlements",
    "planification",
    "spatial planning",
    "economic development",
    "transfrontaliere",
    "cross-border",
    "cooperation decentralisee",
    "migration",
    "diaspora",
    "women",
    "femmes elues",
    "genre",
    "ressources humaines",
    "human resources",
    "communication",
    "partenariat public",
    "leadership",
    "climat",
    "climate",
    "mobilite",
    "urban land",
    "foncier",
    "procurement",
    "sante communautaire",
    "education",
    "digital",
    "resilience",
    "intercommunalite",
    "dakar",
    "accra",
    "kisumu",
    "rabat",
    "kigali",
    "douala",
    "diallo",
    "mensah",
    "traore",
    "wanjiru",
    "guide",
    "lessons",
    "reform",
    "budget",
    "local",
    "villes",
    "africa",
    "cities",
]


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _abstract(rng: random.Random, a: tuple[str, str], b: tuple[str, str], place: str) -> dict[str, str]:
    verbs_fr = ("analyse", "compare", "documente", "évalue", "retrace", "examine")
    verbs_en = ("analyses", "compares", "documents", "assesses", "traces", "examines")
    who_fr = ("des communes", "des régions", "des villes intermédiaires", "des métropoles", "des communes rurales")
    who_en = ("municipalities", "regions", "intermediate cities", "metropolitan areas", "rural municipalities")
    v, w = rng.randrange(len(verbs_fr)), rng.randrange(len(who_fr))
    year = rng.randrange(2005, 2025)
    return {
        "fr": f"Cette publication {verbs_fr[v]} l'expérience {who_fr[w]} en matière de {a[0]} à {place} depuis "
        f"{year}, et ses liens avec {b[0]}.",
        "en": f"This publication {verbs_en[v]} the experience of {who_en[w]} with {a[1]} in {place} since {year}, "
        f"and how it relates to {b[1]}.",
    }


def generate_rows(n: int, seed: int = 2026) -> Iterator[tuple[dict[str, Any], list[str], list[dict[str, Any]]]]:
    """(record row, themes, authors) for n records, deterministic for a given seed."""
    from common.text import search_document
    from publications.search.text import author_key
    from publications.vocabulary import themes as vocabulary_themes

    theme_bits = {code: 1 << i for i, code in enumerate(vocabulary_themes())}
    rng = random.Random(seed)  # noqa: S311 - generated test data, not secrets
    authors_pool = [
        {
            "name": f"{g} {f}",
            "family": f,
            "given": g,
            "organisation": False,
            "orcid": None,
            "expert_id": str(uuid.UUID(int=rng.getrandbits(128))) if rng.random() < 0.3 else None,
        }
        for g in GIVEN
        for f in FAMILY
    ] + [
        {"name": name, "family": None, "given": None, "organisation": True, "orcid": None, "expert_id": None}
        for name in ("UCLG Africa", "African Local Governments Academy (ALGA)", "Université Cadi Ayyad")
    ]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(n):
        a, b = rng.sample(TOPICS_FR, 2)
        place = rng.choice(PLACES)
        form_fr, form_en = rng.choice(FORMS)
        title = {
            "fr": form_fr.format(a=a[0][0].upper() + a[0][1:], b=b[0], place=place),
            "en": form_en.format(a=a[1][0].upper() + a[1][1:], b=b[1], place=place),
        }
        abstract = _abstract(rng, a, b, place)
        keywords = {"fr": [a[0], b[0]], "en": [a[1], b[1]]}
        authors = rng.sample(authors_pool, rng.choice((1, 1, 2, 2, 3)))
        themes = rng.sample(THEMES, rng.choice((1, 1, 2, 2, 3)))
        published_on = date(2005, 1, 1) + timedelta(days=rng.randrange(20 * 365))
        status = "withdrawn" if rng.random() < 0.01 else "published"
        datestamp = start + timedelta(seconds=i * 30 + rng.randrange(30))
        row = {
            "key": i + 1,
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "type": _weighted(rng, TYPES),
            "status": status,
            "title": title,
            "abstract": abstract,
            "keywords": keywords,
            "language": _weighted(rng, LANGUAGES),
            "published_on": published_on,
            "year": published_on.year,
            "theme_mask": sum(theme_bits[t] for t in themes),
            "publisher": rng.choice(("UCLG Africa", "Université Cadi Ayyad", None)),
            "place": rng.choice(("Rabat", "Marrakech", None)),
            "series": None,
            "container_title": None,
            "authors": authors,
            "themes": themes,
            "licence": rng.choice(LICENCES),
            "doi": f"10.5555/bench.{i}" if rng.random() < 0.2 else None,
            "isbn": None,
            "url": None,
            "related_programme_ids": [],
            "related_session_ids": [],
            "related_event_ids": [],
            "withdrawn_reason": "Superseded" if status == "withdrawn" else None,
            "version": 1,
            "search_text": search_document(title, abstract, keywords, [a["name"] for a in authors]),
            "author_keys": [author_key(a["name"]) for a in authors],
            "created_at": datestamp,
            "created_by": "bench",
            "updated_at": datestamp,
            "updated_by": "bench",
            "published_at": datestamp,
            "withdrawn_at": datestamp if status == "withdrawn" else None,
            "datestamp": datestamp,
        }
        author_rows = [
            {
                "record_key": i + 1,
                "position": p,
                "author_key": author_key(a["name"]),
                "name": a["name"],
                "expert_id": a["expert_id"],
                "orcid": None,
            }
            for p, a in enumerate(authors)
        ]
        yield row, themes, author_rows


def fill(url: str, n: int, batch: int = 5000) -> float:
    """Write n generated records into a migrated database; returns the seconds it took."""
    from sqlalchemy import create_engine, insert, text
    from sqlalchemy.pool import NullPool

    from common.db import sync_url
    from publications.models import metadata

    tables = metadata.tables
    engine = create_engine(sync_url(url), poolclass=NullPool)
    started = time.perf_counter()
    records: list[dict[str, Any]] = []
    search_rows: list[dict[str, Any]] = []
    authors: list[dict[str, Any]] = []

    def flush(conn: Any) -> None:
        if records:
            conn.execute(insert(tables["record"]), records)
            conn.execute(insert(tables["record_search"]), search_rows)
            conn.execute(insert(tables["record_author"]), authors)
        records.clear()
        search_rows.clear()
        authors.clear()

    record_columns = set(tables["record"].columns.keys())
    search_columns = set(tables["record_search"].columns.keys())
    with engine.begin() as conn:
        for row, _themes, author_rows in generate_rows(n):
            records.append({k: v for k, v in row.items() if k in record_columns})
            search_rows.append({k: v for k, v in row.items() if k in search_columns})
            authors.extend(author_rows)
            if len(records) >= batch:
                flush(conn)
        flush(conn)
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('record', 'key'), (SELECT max(key) FROM record))"))
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


# ------------------------------------------------------------------ processes


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
            if response.status == 200:
                return
        time.sleep(0.1)
    raise TimeoutError(f"{url} not ready after {timeout}s")


@contextlib.contextmanager
def started(args: list[str], env: dict[str, str], ready_url: str) -> Iterator[int]:
    process = subprocess.Popen(args, env=env, cwd=REPO)
    try:
        wait_ready(ready_url, process)
        yield process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def uvicorn_cmd(app: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
    ]


@contextlib.contextmanager
def stack(database_url: str, var_dir: Path) -> Iterator[str]:
    """publications + gateway on free loopback ports; yields the gateway's URL."""
    service_port, gateway_port = free_port(), free_port()
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GATEWAY_", "PUBLICATIONS_", "NATS_"))}
    service_env = {
        **base,
        "ALGA_ENV": "test",
        "ALGA_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        "PUBLICATIONS_PORT": str(service_port),
        "PUBLICATIONS_DATABASE_URL": database_url,
        "PUBLICATIONS_PUBLIC_URL": f"http://127.0.0.1:{gateway_port}",
        "IDENTITY_JWKS_URL": f"http://127.0.0.1:{free_port()}/.well-known/jwks.json",
    }
    gateway_env = {
        **base,
        "GATEWAY_SERVICES": "publications",
        "PUBLICATIONS_URL": f"http://127.0.0.1:{service_port}",
        "IDENTITY_JWKS_URL": service_env["IDENTITY_JWKS_URL"],
        "LOG_LEVEL": "WARNING",
    }
    with (
        started(
            uvicorn_cmd("publications.main:app", service_port), service_env, f"http://127.0.0.1:{service_port}/ready"
        ),
        started(
            uvicorn_cmd("gateway.main:app", gateway_port), gateway_env, f"http://127.0.0.1:{gateway_port}/api/health"
        ),
    ):
        yield f"http://127.0.0.1:{gateway_port}"


# ------------------------------------------------------------------ measurements


def load_average() -> list[float]:
    """1, 5 and 15-minute load averages, rounded."""
    return [round(x, 2) for x in os.getloadavg()]


def search_queries(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311 - generated test data, not secrets
    queries = []
    for _ in range(count):
        params: dict[str, Any] = {"q": rng.choice(SEARCH_WORDS), "limit": 20}
        for _ in range(rng.choice((0, 1, 1, 2))):
            facet = rng.choice(("theme", "type", "year", "language"))
            if facet == "theme":
                params["theme"] = rng.choice(THEMES)
            elif facet == "type":
                params["type"] = rng.choice([t for t, _ in TYPES])
            elif facet == "year":
                params["year"] = rng.randrange(2005, 2025)
            else:
                params["language"] = _weighted(rng, LANGUAGES)
        queries.append(params)
    return queries


def measure_search(gateway: str, queries: list[dict[str, Any]], warmup: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    totals: list[int] = []
    with httpx.Client(base_url=gateway, timeout=30) as http:
        for params in queries[:warmup]:
            http.get("/api/publications/records", params=params).raise_for_status()
        for params in queries:
            began = time.perf_counter()
            response = http.get("/api/publications/records", params=params)
            latencies.append((time.perf_counter() - began) * 1000)
            response.raise_for_status()
            body = response.json()
            assert set(body["facets"]) == {"type", "theme", "language", "year", "author"}
            totals.append(body["total"])
    return {
        "queries": len(latencies),
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "max_ms": round(max(latencies), 2),
        "hits_median": int(statistics.median(totals)),
        "hits_max": max(totals),
        "target_p95_ms": TARGET_P95_MS,
        "target_met": percentile(latencies, 0.95) < TARGET_P95_MS,
    }


def measure_harvest(gateway: str) -> dict[str, Any]:
    import httpx
    from lxml import etree

    ns = "{http://www.openarchives.org/OAI/2.0/}"
    pages = records = deleted = 0
    params: dict[str, str] = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    began = time.perf_counter()
    complete = None
    with httpx.Client(base_url=gateway, timeout=60) as http:
        while True:
            response = http.get("/api/publications/oai", params=params)
            response.raise_for_status()
            root = etree.fromstring(response.content)
            if root.find(f"{ns}error") is not None:
                raise RuntimeError(response.text[:500])
            pages += 1
            for header in root.iter(f"{ns}header"):
                records += 1
                deleted += header.get("status") == "deleted"
            token = root.find(f".//{ns}resumptionToken")
            if token is None or not token.text:
                if token is not None:
                    complete = int(token.get("completeListSize", "0"))
                break
            params = {"verb": "ListRecords", "resumptionToken": token.text}
    seconds = time.perf_counter() - began
    if complete is not None and complete != records:
        raise RuntimeError(f"harvested {records} records, completeListSize said {complete}")
    return {
        "seconds": round(seconds, 2),
        "pages": pages,
        "records": records,
        "deleted": deleted,
        "records_per_s": round(records / seconds, 1),
        "ms_per_page": round(seconds * 1000 / pages, 2),
    }


# ------------------------------------------------------------------ one backend


def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    from common import migrations
    from common.testing import create_postgres_database, drop_postgres_database

    alembic_ini = REPO / "services" / "publications" / "alembic.ini"
    with tempfile.TemporaryDirectory(prefix="alga-pubbench-") as tmp:
        pg_name = None
        if backend == "sqlite":
            url = f"sqlite:///{Path(tmp) / 'publications.db'}"
        else:
            pg_name = f"bench_publications_{uuid.uuid4().hex[:8]}"
            url = create_postgres_database(args.pg_url, pg_name)
        try:
            migrations.upgrade(alembic_ini, url)
            print(f"[{backend}] generating {args.records:,} records…", flush=True)
            fill_seconds = fill(url, args.records)
            print(f"[{backend}] filled in {fill_seconds:.1f} s; starting publications + gateway", flush=True)
            with stack(url, Path(tmp)) as gateway:
                load: dict[str, Any] = {"search_start": load_average(), "cpu_check_ms_before": cpu_check_ms()}
                with LoadSampler() as sampler:
                    search = measure_search(gateway, search_queries(args.queries), args.warmup)
                load |= {
                    "search_end": load_average(),
                    "search_1min_during": sampler.summary(),
                    "cpu_check_ms_after": cpu_check_ms(),
                }
                print(f"[{backend}] search: {search}", flush=True)
                with LoadSampler() as sampler:
                    harvest = measure_harvest(gateway)
                load |= {"harvest_end": load_average(), "harvest_1min_during": sampler.summary()}
                print(f"[{backend}] harvest: {harvest}", flush=True)
        finally:
            if pg_name is not None:
                drop_postgres_database(args.pg_url, pg_name)
    return {
        "records": args.records,
        "fill_seconds": round(fill_seconds, 1),
        # 1, 5 and 15-minute load averages when each measurement began and ended (and the 1-minute
        # figure read every 2 s during it): above `machine.cpus`, other work shared the cores.
        "load_average": load,
        "search": search,
        "harvest": harvest,
    }


def markdown(result: dict[str, Any]) -> str:
    rows = []
    for backend, r in result["backends"].items():
        s, h = r["search"], r["harvest"]
        verdict = "met" if s["target_met"] else "**missed**"
        rows.append(
            f"| {backend} | {r['records']:,} | {s['p50_ms']:.1f} ms | {s['p95_ms']:.1f} ms ({verdict}) | "
            f"{s['p99_ms']:.1f} ms | {s['hits_median']:,} | {h['seconds']:.1f} s ({h['pages']} pages, "
            f"{h['records_per_s']:,.0f} records/s) |"
        )
    table = "\n".join(rows)
    loads = "\n".join(
        f"- {backend}: searches {r['load_average']['search_start'][0]:.2f} → {r['load_average']['search_end'][0]:.2f} "
        f"(mean {r['load_average']['search_1min_during']['mean']:.2f}, max "
        f"{r['load_average']['search_1min_during']['max']:.2f}, read every 2 s), harvest → "
        f"{r['load_average']['harvest_end'][0]:.2f} (mean {r['load_average']['harvest_1min_during']['mean']:.2f}, "
        f"max {r['load_average']['harvest_1min_during']['max']:.2f}); CPU check "
        f"{r['load_average']['cpu_check_ms_before']:.0f} ms before the searches, "
        f"{r['load_average']['cpu_check_ms_after']:.0f} ms after."
        for backend, r in result["backends"].items()
    )
    cfg = result["settings"]
    return f"""# Publications benchmark

{result["when"]}, {result["machine"]["cpus"]} cores, Python {result["machine"]["python"]}. Produced by
`bench/publications_bench.py` ({cfg["command"]}).

Generated library of {cfg["records"]:,} records (1% withdrawn), written into a database built by the
service's migrations. The publications service and the gateway run as separate uvicorn processes (one
worker each, uvloop, httptools). {cfg["queries"]} faceted full-text searches through the gateway
(`GET /api/publications/records?q=…`, 0-2 filters among theme/type/year/language, every facet and the
total computed by the database), one at a time, after {cfg["warmup"]} warm-up requests; then one full
OAI-PMH `ListRecords` harvest (oai_dc, {cfg["oai_page_size"]} records a page) through the gateway.

| backend | records | search p50 | search p95 (target < {TARGET_P95_MS:.0f} ms) | p99 | median hits | full harvest |
|---|---:|---:|---:|---:|---:|---|
{table}

Machine load (1-minute load average on {result["machine"]["cpus"]} CPUs; above {result["machine"]["cpus"]} means other
work shared the cores and the figures rise with it). The CPU check is the time of a fixed pure-Python
loop (best of 3): on this virtual machine it varies by half from one minute to the next even at a low
load average, with the host's other work; the latencies vary with it:

- whole run: {result["load_average_start"][0]:.2f} when it began, {result["load_average_end"][0]:.2f} when it ended;
{loads}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg-url", default=os.environ.get("TEST_DATABASE_URL") or PG_DEFAULT)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    load_start = load_average()
    result: dict[str, Any] = {
        "benchmark": "publications",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": {
            "command": "python bench/publications_bench.py " + " ".join(sys.argv[1:]),
            "records": args.records,
            "queries": args.queries,
            "warmup": args.warmup,
            "oai_page_size": 100,
            "server": "uvicorn, 1 worker, uvloop, httptools, no access log",
        },
        "load_average_start": load_start,
        "backends": {backend: run_backend(backend, args) for backend in backends},
    }
    result["load_average_end"] = load_average()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "publications.json").write_text(json.dumps(result, indent=2) + "\n")
    (args.out / "publications.md").write_text(markdown(result))
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
