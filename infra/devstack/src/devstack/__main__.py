"""`make run`: the whole platform on this machine, on SQLite files under var/. Ctrl-C stops it."""

from __future__ import annotations

import os
import secrets
import signal
import sys
import threading
from pathlib import Path

from common.settings import REPO_ROOT

from devstack.stack import Stack, StackError, default_ports

DEMO_ACCOUNTS = ("admin@example.org", "coordinator@example.org", "learner@example.org", "expert@example.org")


def main() -> int:
    var_dir = Path(os.environ.get("ALGA_VAR_DIR", REPO_ROOT / "var"))
    demo_password = os.environ.get("ALGA_DEMO_PASSWORD") or _remembered_demo_password(var_dir)
    stack = Stack(
        var_dir=var_dir,
        ports=default_ports(),
        nats_url=os.environ.get("NATS_URL") or None,
        nats_port=int(os.environ.get("NATS_PORT", "4222")),
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
