"""`make run`: the whole platform on this machine, on SQLite files under var/. Ctrl-C stops it."""

from __future__ import annotations

import os
import secrets
import signal
import sys
import threading
from pathlib import Path

from common.settings import REPO_ROOT
from common.testing.processes import free_port, port_is_free
from devstack.stack import Stack, StackError, default_ports

DEMO_ACCOUNTS = ("admin@example.org", "coordinator@example.org", "learner@example.org", "expert@example.org")


def main() -> int:
    var_dir = Path(os.environ.get("ALGA_VAR_DIR", REPO_ROOT / "var"))
    demo_password = os.environ.get("ALGA_DEMO_PASSWORD") or _remembered_demo_password(var_dir)
    stack = Stack(
        var_dir=var_dir,
        ports=default_ports(),
        nats_url=os.environ.get("NATS_URL") or None,
        nats_port=_nats_port(),
        env={"ALGA_ENV": os.environ.get("ALGA_ENV", "development")},
        demo_password=demo_password,
        log_to_files=False,
    )
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        stack.start()
    except StackError as exc:
        print(f"\n{exc}\n", file=sys.stderr)
        stack.stop()
        return 1
    except KeyboardInterrupt:
        stack.stop()
        return 130
    line = "=" * 72
    print(
        f"\n{line}\n ALGA Campus is running: {stack.gateway_url}\n"
        f" API docs: {stack.gateway_url}/api/docs\n\n"
        f" Demo accounts (demo mode only, never in production), password: {demo_password}"
    )
    for email in DEMO_ACCOUNTS:
        print(f"   {email}")
    print(f"\n Data: {var_dir}   Stop: Ctrl-C\n{line}\n", flush=True)
    try:
        while not stopping.wait(0.5):
            if any(p.popen.poll() is not None for p in stack.processes):
                dead = [p.name for p in stack.processes if p.popen.poll() is not None]
                print(f"\nstopped unexpectedly: {', '.join(dead)}; shutting down", file=sys.stderr)
                stack.stop()
                return 1
    except KeyboardInterrupt:
        pass
    print("\nstopping…", flush=True)
    stack.stop()
    return 0


def _nats_port() -> int:
    """NATS_PORT if given; else 4222, or a free port when 4222 is taken. Only our own processes
    talk to this NATS, so moving it is harmless; these machines often run a NATS on 4222."""
    if "NATS_PORT" in os.environ:
        return int(os.environ["NATS_PORT"])
    if os.environ.get("NATS_URL") or port_is_free(4222):
        return 4222
    port = free_port()
    print(
        f"port 4222 is busy (another NATS server?): starting the bundled NATS on {port} instead "
        f"(set NATS_PORT to choose, or NATS_URL to use an existing server)",
        flush=True,
    )
    return port


def _remembered_demo_password(var_dir: Path) -> str:
    """A random demo password, kept in var/ so it stays the same from one run to the next."""
    path = var_dir / "demo-password"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    password = "alga-" + secrets.token_urlsafe(9)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


if __name__ == "__main__":
    raise SystemExit(main())
