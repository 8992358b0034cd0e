"""How much the gateway costs: the same request sent to a service directly and through the gateway.

    python bench/gateway_bench.py            # or: make bench
    python bench/gateway_bench.py --duration 5 --runs 1   # a quick look

A small service (FastAPI, one uvicorn worker with uvloop and httptools) answers 20 small JSON
objects to callers holding a valid RS256 token (verified by `common.auth.TokenVerifier` with a
static JWKS, through the same `CurrentPrincipal` dependency the real services use); the gateway
(`gateway.main:app`, same server options) stands in front of it. For each configuration,
interleaved and repeated (median of the runs):

- throughput at 32 connections (requests/s), and the CPU time each process spent per request;
- p50/p99 latency at 1 connection.

The load comes from `wrk` when it is installed (`apt-get install -y wrk`), else from an aiohttp
loop in this process (which competes for the same 2 cores, so its figures are lower and noisier).
Results go to bench/results/gateway.json and bench/results/gateway.md.

Targets: through the gateway, at least 60% of direct throughput at 32 connections, and less than
0.7 ms added to p50 at 1 connection. Access logs are off in both processes (they cost the same
CPU in both and are not what is being measured).
"""

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
ISSUER = "alga-identity"
AUDIENCE = "alga"
TARGET_RATIO = 0.60
TARGET_ADDED_P50_MS = 0.7


# ------------------------------------------------------------------ the service under test


def service_app(jwks: dict[str, Any]) -> Any:
    from fastapi import FastAPI
    from pydantic import BaseModel

    from common.auth import TokenVerifier
    from common.errors import install_problem_handlers
    from common.security import CurrentPrincipal

    class Programme(BaseModel):
        id: int
        code: str
        title: str
        language: str
        seats: int
        open: bool

    items = [
        Programme(id=i, code=f"ALGA-{i:03d}", title=f"College {i}", language="fr", seats=20 + i, open=True)
        for i in range(20)
    ]
    app = FastAPI(title="bench service")
    app.state.verifier = TokenVerifier(issuer=ISSUER, audience=AUDIENCE, static_jwks=jwks)
    install_problem_handlers(app)

    @app.get("/programmes", response_model=list[Programme])
    async def programmes(principal: CurrentPrincipal) -> list[Programme]:
        return items

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/.well-known/jwks.json")
    async def jwks_document() -> dict[str, Any]:
        return jwks

    return app


def run_service(port: int, jwks_file: Path) -> None:
    import uvicorn

    app = service_app(json.loads(jwks_file.read_text()))
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_level="warning",
    )


# ------------------------------------------------------------------ processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 - loopback
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
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of the full line (11 and 12 after the command name).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------ load generators


@dataclass
class Measure:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not match:
        raise ValueError(f"cannot read wrk latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def wrk_measure(url: str, script: Path, connections: int, duration: float) -> Measure:
    out = subprocess.run(
        [
            shutil.which("wrk") or "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{duration:g}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(g) for g in m.groups())
    return Measure(rps, p50, p99, total, errors)


def aiohttp_measure(url: str, token: str, connections: int, duration: float) -> Measure:
    import aiohttp

    async def main() -> Measure:
        latencies: list[float] = []
        errors = 0
        connector = aiohttp.TCPConnector(limit=connections)
        headers = {"Authorization": f"Bearer {token}"}
        async with aiohttp.ClientSession(connector=connector) as session:
            deadline = time.perf_counter() + duration

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < deadline:
                    started = time.perf_counter()
                    async with session.get(url, headers=headers) as response:
                        await response.read()
                        if response.status != 200:
                            errors += 1
                    latencies.append((time.perf_counter() - started) * 1000)

            began = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(connections)))
            elapsed = time.perf_counter() - began
        latencies.sort()
        return Measure(
            len(latencies) / elapsed,
            latencies[len(latencies) // 2],
            latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
            len(latencies),
            errors,
        )

    return asyncio.run(main())


# ------------------------------------------------------------------ the benchmark


def check(url: str, token: str | None, expect: int) -> bytes:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url)  # noqa: S310 - loopback
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    if status != expect:
        raise RuntimeError(f"GET {url} answered {status}, expected {expect}: {body[:200]!r}")
    return body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--loader", choices=("auto", "wrk", "aiohttp"), default="auto")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    loader = args.loader
    if loader == "auto":
        loader = "wrk" if shutil.which("wrk") else "aiohttp"
    if loader == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk)")

    sys.path.insert(0, str(REPO / "services" / "common" / "src"))
    from common.testing import TokenFactory

    tokens = TokenFactory(issuer=ISSUER, audience=AUDIENCE)
    now = int(time.time())
    token = tokens.sign(tokens.claims("bench-user", roles=["learner"], exp=now + 6 * 3600))

    service_port, gateway_port = free_port(), free_port()
    service = f"http://127.0.0.1:{service_port}"
    gateway = f"http://127.0.0.1:{gateway_port}"
    targets = {
        "direct": f"{service}/programmes",
        "gateway": f"{gateway}/api/catalogue/programmes",
    }

    with tempfile.TemporaryDirectory(prefix="alga-bench-") as tmp:
        jwks_file = Path(tmp) / "jwks.json"
        jwks_file.write_text(json.dumps(tokens.jwks))
        script = Path(tmp) / "auth.lua"
        script.write_text(f'wrk.headers["Authorization"] = "Bearer {token}"\n')

        env = {k: v for k, v in os.environ.items() if not k.startswith(("GATEWAY_", "CATALOGUE_"))}
        gateway_env = {
            **env,
            "GATEWAY_SERVICES": "catalogue",
            "CATALOGUE_URL": service,
            "IDENTITY_JWKS_URL": f"{service}/.well-known/jwks.json",
            "JWT_ISSUER": ISSUER,
            "JWT_AUDIENCE": AUDIENCE,
        }
        service_cmd = [
            sys.executable,
            __file__,
            "_service",
            "--port",
            str(service_port),
            "--jwks-file",
            str(jwks_file),
        ]
        gateway_cmd = [
            sys.executable,
            "-m",
            "uvicorn",
            "gateway.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(gateway_port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        with (
            started(service_cmd, env, f"{service}/health") as service_pid,
            started(gateway_cmd, gateway_env, f"{gateway}/api/health") as gateway_pid,
        ):
            direct_body = check(targets["direct"], token, 200)
            if check(targets["gateway"], token, 200) != direct_body:
                raise RuntimeError("the gateway's answer differs from the service's")
            if len(json.loads(direct_body)) != 20:
                raise RuntimeError("the service should answer 20 objects")
            check(targets["gateway"], None, 401)

            def measure(name: str, connections: int) -> Measure:
                if loader == "wrk":
                    return wrk_measure(targets[name], script, connections, args.duration)
                return aiohttp_measure(targets[name], token, connections, args.duration)

            for name in targets:  # warm both paths (pools, caches, JIT-less but still)
                if loader == "wrk":
                    wrk_measure(targets[name], script, args.connections, args.warmup)
                else:
                    aiohttp_measure(targets[name], token, args.connections, args.warmup)

            runs: list[dict[str, Any]] = []
            for run in range(args.runs):
                # Alternate which configuration goes first, so drift (thermal, other load)
                # does not always favour the same one.
                order = list(targets) if run % 2 == 0 else list(reversed(targets))
                for name in order:
                    before = {
                        "service": cpu_seconds(service_pid),
                        "gateway": cpu_seconds(gateway_pid),
                    }
                    wide = measure(name, args.connections)
                    cpu = {
                        proc: (cpu_seconds(pid) - before[proc]) / max(wide.requests, 1) * 1000
                        for proc, pid in (("service", service_pid), ("gateway", gateway_pid))
                    }
                    narrow = measure(name, 1)
                    runs.append(
                        {
                            "run": run + 1,
                            "target": name,
                            "concurrent": asdict(wide),
                            "single": asdict(narrow),
                            "cpu_ms_per_request": cpu,
                        }
                    )
                    print(
                        f"run {run + 1} {name:8s} {wide.requests_per_s:8.0f} req/s @{args.connections}"
                        f"  p50 {narrow.p50_ms:.3f} ms  p99 {narrow.p99_ms:.3f} ms @1"
                        f"  cpu/req gateway {cpu['gateway']:.3f} ms service {cpu['service']:.3f} ms"
                        f"  errors {wide.errors + narrow.errors}",
                        flush=True,
                    )

    def median(name: str, section: str, key: str) -> float:
        return statistics.median(r[section][key] for r in runs if r["target"] == name)

    def median_cpu(name: str, proc: str) -> float:
        return statistics.median(r["cpu_ms_per_request"][proc] for r in runs if r["target"] == name)

    summary = {
        name: {
            "requests_per_s": median(name, "concurrent", "requests_per_s"),
            "p50_ms": median(name, "single", "p50_ms"),
            "p99_ms": median(name, "single", "p99_ms"),
            "gateway_cpu_ms_per_request": median_cpu(name, "gateway"),
            "service_cpu_ms_per_request": median_cpu(name, "service"),
            "errors": sum(r["concurrent"]["errors"] + r["single"]["errors"] for r in runs if r["target"] == name),
        }
        for name in targets
    }
    ratio = summary["gateway"]["requests_per_s"] / summary["direct"]["requests_per_s"]
    added_p50 = summary["gateway"]["p50_ms"] - summary["direct"]["p50_ms"]
    added_p99 = summary["gateway"]["p99_ms"] - summary["direct"]["p99_ms"]
    verdict = {
        "throughput_ratio": round(ratio, 3),
        "added_p50_ms": round(added_p50, 3),
        "added_p99_ms": round(added_p99, 3),
        "throughput_target_met": ratio >= TARGET_RATIO,
        "latency_target_met": added_p50 < TARGET_ADDED_P50_MS,
    }
    result = {
        "benchmark": "gateway",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "settings": {
            "loader": loader,
            "duration_s": args.duration,
            "runs": args.runs,
            "connections": args.connections,
            "server": "uvicorn, 1 worker, uvloop, httptools, no access log",
            "request": "GET, Bearer RS256 token, 20 small JSON objects",
        },
        "targets": {"throughput_ratio": TARGET_RATIO, "added_p50_ms": TARGET_ADDED_P50_MS},
        "summary": summary,
        "verdict": verdict,
        "runs": runs,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "gateway.json").write_text(json.dumps(result, indent=2) + "\n")
    (args.out / "gateway.md").write_text(markdown(result))
    print(markdown(result))
    return 0


def markdown(result: dict[str, Any]) -> str:
    s, v, cfg = result["summary"], result["verdict"], result["settings"]
    d, g = s["direct"], s["gateway"]

    def ok(flag: bool) -> str:
        return "met" if flag else "**missed**"

    target_ratio = result["targets"]["throughput_ratio"]
    target_p50 = result["targets"]["added_p50_ms"]
    rows = [
        (
            f"requests/s at {cfg['connections']} connections",
            f"{d['requests_per_s']:,.0f}",
            f"{g['requests_per_s']:,.0f}",
            f"{v['throughput_ratio']:.0%} of direct (target ≥ {target_ratio:.0%}: {ok(v['throughput_target_met'])})",
        ),
        (
            "p50 at 1 connection",
            f"{d['p50_ms']:.3f} ms",
            f"{g['p50_ms']:.3f} ms",
            f"+{v['added_p50_ms']:.3f} ms (target < {target_p50} ms: {ok(v['latency_target_met'])})",
        ),
        ("p99 at 1 connection", f"{d['p99_ms']:.3f} ms", f"{g['p99_ms']:.3f} ms", f"+{v['added_p99_ms']:.3f} ms"),
        ("gateway CPU per request", "n/a", f"{g['gateway_cpu_ms_per_request']:.3f} ms", ""),
        (
            "service CPU per request",
            f"{d['service_cpu_ms_per_request']:.3f} ms",
            f"{g['service_cpu_ms_per_request']:.3f} ms",
            "",
        ),
        ("errors", str(d["errors"]), str(g["errors"]), ""),
    ]
    table = "\n".join(f"| {' | '.join(row)} |" for row in rows)
    return f"""# Gateway benchmark

{result["when"]}, {result["machine"]["cpus"]} cores, Python {result["machine"]["python"]}.
{cfg["request"]}; {cfg["server"]} for both the service and the gateway. Load from
`{cfg["loader"]}`, {cfg["duration_s"]:g} s per measurement, configurations interleaved, median of
{cfg["runs"]} runs. Produced by `bench/gateway_bench.py` (`make bench`).

| | direct | through the gateway | |
|---|---:|---:|---|
{table}

The gateway's CPU time per forwarded request is the steadier figure: the throughput ratio also
depends on how cheap the service is, and both processes share the same cores with the load
generator.
"""


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_service":
        sub = argparse.ArgumentParser()
        sub.add_argument("_service")
        sub.add_argument("--port", type=int, required=True)
        sub.add_argument("--jwks-file", type=Path, required=True)
        ns = sub.parse_args()
        run_service(ns.port, ns.jwks_file)
    else:
        sys.exit(main())
