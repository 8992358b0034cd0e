"""Browser fixtures for the end-to-end journeys: the system Chromium driven by Playwright.

Playwright must never download a browser here (closed network), so it launches the Chromium
that the machine provides, told to resolve nothing but the loopback.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium still looks up some hosts of its own; the app must load nothing from outside anyway.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

ARTIFACTS = Path(__file__).resolve().parents[2] / "frontend" / "test-results"


def _chromium_path() -> str | None:
    path = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
    return path if Path(path).is_file() and os.access(path, os.X_OK) else shutil.which(path)


def _unavailable(reason: str) -> None:
    # CI sets E2E_REQUIRED=1: there a missing browser is a broken setup, not a reason to skip.
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"E2E_REQUIRED=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    executable = _chromium_path()
    if executable is None:
        _unavailable("no Chromium found (set CHROME_PATH or install the chromium package)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def base_url(live_stack: object) -> str:
    """Where the gateway serves the built SPA and /api (`live_stack`: tests/conftest.py)."""
    # The devstack `Stack` names it `gateway_url`; any object with a `base_url` works too.
    url = getattr(live_stack, "base_url", None) or getattr(live_stack, "gateway_url")  # noqa: B009
    return str(url).rstrip("/")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pluggy.Result[pytest.TestReport], None]:
    # Keeps each phase's outcome on the test: the page fixture screenshots failed tests only.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (no cookies, no storage) and page; a screenshot if the test fails."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        yield page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        context.close()
