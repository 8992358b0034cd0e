"""Run NATS, every service and the gateway as local processes.

Used by `make run` (fixed, configurable ports; output on the terminal) and by the system and
end-to-end tests (free ports, a temporary var/ directory, logs in files).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from common.settings import REPO_ROOT, SERVICE_PORTS
from common.testing.processes import free_port, nats_server_binary, port_is_free, wait_for_port
from devstack.services import SERVICES, ServiceSpec


class StackError(RuntimeError):
    """Something the person starting the stack must fix; the message says what."""


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: IO[bytes] | None = None


@dataclass
class Stack:
    var_dir: Path
    ports: dict[str, int]
    nats_url: str | None = None
    nats_port: int = 4222
    env: dict[str, str] = field(default_factory=dict)
    demo_password: str | None = None
    spa_dir: Path = REPO_ROOT / "frontend" / "dist"
    log_to_files: bool = True
    processes: list[Process] = field(default_factory=list)
    services: tuple[ServiceSpec, ...] = SERVICES

    @classmethod
    def for_tests(cls, var_dir: Path, **kwargs: object) -> Stack:
        ports = {name: free_port() for name in ["gateway", *[s.name for s in SERVICES]]}
        env = {
            "ALGA_ENV": "test",
            "IDENTITY_KEY_ENCRYPTION_SECRET": secrets.token_urlsafe(32),
            # Every journey of a test run logs in from 127.0.0.1 to one stack: the per-address
            # limit (tested on its own in identity's tests) would otherwise stop the later ones.
            "IDENTITY_LOGIN_MAX_ATTEMPTS_PER_IP": "100000",
            # Signs enrollment's endorsement links (dev secrets are refused outside development).
            "ENROLLMENT_LINK_SECRET": secrets.token_urlsafe(32),
        }
        return cls(
            var_dir=var_dir,
            ports=ports,
            nats_port=free_port(),
            env=env,
            demo_password=secrets.token_urlsafe(12) + "-Demo9",
            **kwargs,  # type: ignore[arg-type]
        )

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['gateway']}"

    def url_of(self, service: str) -> str:
        return f"http://127.0.0.1:{self.ports[service]}"

    # -- environment shared by every process ---------------------------------------------------
    def process_env(self) -> dict[str, str]:
        env = {**os.environ, **self.env}
        env["ALGA_VAR_DIR"] = str(self.var_dir)
        env["PYTHONUNBUFFERED"] = "1"
        for name, port in self.ports.items():
            env[f"{name.upper()}_PORT"] = str(port)
        for spec in self.services:
            env.pop(f"{spec.env_prefix}_URL", None)
        env["NATS_URL"] = self.nats_url or f"nats://127.0.0.1:{self.nats_port}"
        env["GATEWAY_SERVICES"] = ",".join(s.name for s in self.services)
        env["GATEWAY_SPA_DIR"] = str(self.spa_dir)
        env["IDENTITY_PUBLIC_URL"] = f"{self.gateway_url}/api/identity"
        # Links the services write into calendars, JSON-LD, e-mails and certificate QR codes must
        # reach this stack's gateway, whatever port it was given (unless the user names a public
        # address of their own, e.g. behind a proxy).
        env.setdefault("ALGA_PUBLIC_URL", self.gateway_url)
        if self.demo_password:
            env["ALGA_DEMO"] = "1"
            env["ALGA_DEMO_PASSWORD"] = self.demo_password
        return env

    # -- checks ---------------------------------------------------------------------------------
    def check_ports(self) -> None:
        busy = []
        for name, port in self.ports.items():
            if not port_is_free(port):
                busy.append(f"port {port} is busy: set {name.upper()}_PORT to a free port")
        if self.nats_url is None and not port_is_free(self.nats_port):
            busy.append(
                f"port {self.nats_port} is busy (a NATS server may already run there): reuse it with "
                f"NATS_URL=nats://127.0.0.1:{self.nats_port} (it needs JetStream), or set NATS_PORT "
                f"to a free port"
            )
        if busy:
            raise StackError("Cannot start ALGA Campus:\n  - " + "\n  - ".join(busy))

    # -- processes ------------------------------------------------------------------------------
    def _spawn(self, name: str, args: list[str]) -> Process:
        log: IO[bytes] | None = None
        if self.log_to_files:
            (self.var_dir / "logs").mkdir(parents=True, exist_ok=True)
            log = open(self.var_dir / "logs" / f"{name}.log", "ab")
            popen = subprocess.Popen(
                args,
                env=self.process_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=REPO_ROOT,
                start_new_session=True,
            )
        else:
            popen = subprocess.Popen(
                args,
                env=self.process_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                cwd=REPO_ROOT,
                start_new_session=True,
            )
            threading.Thread(target=_prefix_output, args=(name, popen), daemon=True).start()
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def _run_once(self, name: str, args: list[str]) -> None:
        result = subprocess.run(
            args, env=self.process_env(), cwd=REPO_ROOT, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise StackError(f"{name} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
        if not self.log_to_files and result.stdout.strip():
            for line in result.stdout.strip().splitlines():
                print(f"{name:>14} | {line}", flush=True)

    def _uvicorn(self, name: str, app: str, port: int) -> Process:
        return self._spawn(
            name,
            [
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
                "--timeout-graceful-shutdown",
                "5",
            ],
        )

    def start(self) -> None:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.check_ports()
        if self.nats_url is None:
            store = self.var_dir / "nats"
            store.mkdir(parents=True, exist_ok=True)
            nats = self._spawn(
                "nats", [nats_server_binary(), "-a", "127.0.0.1", "-p", str(self.nats_port), "-js", "-sd", str(store)]
            )
            wait_for_port(self.nats_port, process=nats.popen)
        for spec in self.services:
            self._run_once(f"{spec.name} migrate", [sys.executable, "-m", spec.cli, "migrate"])
            self._run_once(f"{spec.name} seed", [sys.executable, "-m", spec.cli, "seed"])
        for spec in self.services:
            self._uvicorn(spec.name, spec.app, self.ports[spec.name])
        self._uvicorn("gateway", "gateway.main:app", self.ports["gateway"])
        for spec in self.services:
            self._wait_healthy(spec.name, self.url_of(spec.name) + "/ready")
        self._wait_healthy("gateway", self.gateway_url + "/api/health")

    def _wait_healthy(self, name: str, url: str, timeout: float = 60.0) -> None:
        process = next(p for p in self.processes if p.name == name)
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if process.popen.poll() is not None:
                raise StackError(
                    f"{name} stopped with exit code {process.popen.returncode}; "
                    f"see {self.var_dir / 'logs' / (name + '.log')}"
                )
            with contextlib.suppress(httpx.HTTPError):
                response = httpx.get(url, timeout=2)
                if response.status_code == 200:
                    return
                last = f"{response.status_code} {response.text[:200]}"
            time.sleep(0.1)
        raise StackError(f"{name} did not become ready at {url} within {timeout}s ({last})")

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.popen.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.popen.pid, signal.SIGTERM)
        for process in reversed(self.processes):
            try:
                process.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.popen.pid, signal.SIGKILL)
                process.popen.wait()
            if process.log is not None:
                process.log.close()
        self.processes.clear()

    def stop_one(self, name: str) -> None:
        """Stop one process (tests of what happens when a service is down)."""
        for process in self.processes:
            if process.name == name and process.popen.poll() is None:
                os.killpg(process.popen.pid, signal.SIGTERM)
                process.popen.wait(timeout=10)

    def start_one(self, name: str) -> None:
        """Start a service stopped with `stop_one` again, on its port, and wait until it is ready."""
        self.processes = [p for p in self.processes if p.name != name]
        spec = next(s for s in self.services if s.name == name)
        self._uvicorn(spec.name, spec.app, self.ports[spec.name])
        self._wait_healthy(spec.name, self.url_of(spec.name) + "/ready")

    @contextlib.contextmanager
    def running(self) -> Iterator[Stack]:
        try:
            self.start()
            yield self
        finally:
            self.stop()


def _prefix_output(name: str, popen: subprocess.Popen[bytes]) -> None:
    assert popen.stdout is not None
    for raw in iter(popen.stdout.readline, b""):
        sys.stdout.write(f"{name:>14} | {raw.decode(errors='replace')}")
        sys.stdout.flush()


def default_ports() -> dict[str, int]:
    return {
        name: int(os.environ.get(f"{name.upper()}_PORT", default))
        for name, default in SERVICE_PORTS.items()
        if name == "gateway" or any(s.name == name for s in SERVICES)
    }
