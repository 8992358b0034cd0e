"""System and end-to-end tests: the real processes (NATS, services, gateway) on free ports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.stack import Stack


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The whole platform as `make run` starts it, in a temporary var/ directory."""
    stack = Stack.for_tests(tmp_path_factory.mktemp("stack"))
    try:
        stack.start()
    except Exception:
        _print_logs(stack.var_dir)
        stack.stop()
        raise
    yield stack
    stack.stop()


def _print_logs(var_dir: Path) -> None:
    for log in sorted((var_dir / "logs").glob("*.log")):
        print(f"----- {log.name} -----\n{log.read_text(errors='replace')[-4000:]}")
