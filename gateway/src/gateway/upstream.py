"""What the gateway learns from the services themselves: their OpenAPI documents (for the merged
document and the table of protected operations) and their health."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from gateway.openapi import merge_openapi
from gateway.protection import OperationIndex

log = logging.getLogger("gateway.upstream")

# After a failed fetch, requests go on without the early token check (the service still checks)
# instead of each trying to fetch again; this is how long until the next try.
# Short: `make run` starts the gateway and the services together, so the first fetch often
# fails only because the service is still starting.
_RETRY_AFTER_FAILURE = 0.5
# How long a request waits for a service's first document. A service that is up answers in
# milliseconds; one that hangs must not make every anonymous request wait the full fetch timeout
# on top of its own (the fetch goes on in the background).
_LOOKUP_WAIT = 1.0


@dataclass
class _Entry:
    doc: dict[str, Any] | None = None
    index: OperationIndex | None = None
    fetched_at: float = float("-inf")
    failed_at: float = float("-inf")
    error: str | None = None
    inflight: asyncio.Task[None] | None = field(default=None, repr=False)


class OpenAPIStore:
    def __init__(
        self,
        session_getter: Any,
        urls: dict[str, str],
        *,
        ttl: float,
        timeout: aiohttp.ClientTimeout,
    ) -> None:
        self._session = session_getter
        self._urls = urls
        self._ttl = ttl
        self._timeout = timeout
        self._entries = {name: _Entry() for name in urls}
        self._merged: tuple[tuple[float, ...], bytes] | None = None

    async def _fetch(self, service: str) -> None:
        entry = self._entries[service]
        try:
            async with self._session().get(
                f"{self._urls[service]}/openapi.json",
                timeout=self._timeout,
                headers={"Accept": "application/json", "Accept-Encoding": "identity"},
                allow_redirects=False,
            ) as response:
                if response.status != 200:
                    raise ValueError(f"/openapi.json answered {response.status}")
                doc = json.loads(await response.read())
            if not isinstance(doc, dict):
                raise ValueError("/openapi.json is not a JSON object")
            entry.index = OperationIndex(doc)
            entry.doc = doc
            entry.fetched_at = time.monotonic()
            entry.error = None
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            entry.failed_at = time.monotonic()
            entry.error = str(exc) or type(exc).__name__
            # Forget a document we can no longer confirm: the merged document must name a
            # stopped service as missing rather than keep serving what it said long ago.
            entry.doc = None
            log.info("cannot fetch the OpenAPI document of %s: %s", service, entry.error)
        finally:
            entry.inflight = None

    def _refresh(self, service: str) -> asyncio.Task[None]:
        entry = self._entries[service]
        if entry.inflight is None:
            entry.inflight = asyncio.create_task(self._fetch(service))
        return entry.inflight

    async def index_for(self, service: str) -> OperationIndex | None:
        """The protected-operation table of `service`, or None when it is not known (yet)."""
        entry = self._entries[service]
        now = time.monotonic()
        if entry.index is not None:
            if now - entry.fetched_at > self._ttl:
                self._refresh(service)  # in the background: the request keeps the table it has
            return entry.index
        if now - entry.failed_at < _RETRY_AFTER_FAILURE:
            return None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._refresh(service)), _LOOKUP_WAIT)
        return entry.index

    def prefetch(self) -> None:
        """Start fetching every document now, so the first requests find them ready."""
        for service in self._entries:
            self._refresh(service)

    async def documents(self) -> tuple[dict[str, dict], dict[str, str]]:
        """Fresh documents of every service that answers, and why the others are missing."""
        now = time.monotonic()
        stale = [s for s, e in self._entries.items() if now - e.fetched_at > self._ttl]
        if stale:
            await asyncio.gather(*(asyncio.shield(self._refresh(s)) for s in stale))
        docs = {s: e.doc for s, e in self._entries.items() if e.doc is not None}
        missing = {s: e.error or "unknown" for s, e in self._entries.items() if e.doc is None}
        return docs, missing

    async def merged(self, extra_paths: dict[str, Any]) -> bytes:
        docs, missing = await self.documents()
        key = (*(self._entries[s].fetched_at for s in docs), len(missing))
        if self._merged is not None and self._merged[0] == key:
            return self._merged[1]
        merged = merge_openapi(docs)
        merged["paths"] = {**extra_paths, **merged["paths"]}
        if missing:
            merged["x-missing-services"] = sorted(missing)
            merged["info"]["description"] += (
                f"\n\nNot answering when this document was built, so not listed: {', '.join(sorted(missing))}."
            )
        body = json.dumps(merged, separators=(",", ":"), ensure_ascii=False).encode()
        self._merged = (key, body)
        return body

    async def aclose(self) -> None:
        tasks = [e.inflight for e in self._entries.values() if e.inflight is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def check_health(
    session: aiohttp.ClientSession, urls: dict[str, str], probe_timeout: float
) -> tuple[int, dict[str, Any]]:
    """Every enabled service's `/health`, asked concurrently; 200 when all are up, else 503."""

    async def probe(name: str, url: str) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            async with session.get(
                f"{url}/health",
                timeout=aiohttp.ClientTimeout(total=probe_timeout),
                headers={"Accept": "application/json", "Accept-Encoding": "identity"},
                allow_redirects=False,
            ) as response:
                await response.read()
                latency = round((time.perf_counter() - started) * 1000, 1)
                if response.status == 200:
                    return {"status": "up", "latency_ms": latency}
                return {
                    "status": "down",
                    "detail": f"{name} /health answered {response.status}",
                    "latency_ms": latency,
                }
        except TimeoutError:
            return {"status": "down", "detail": f"{name} did not answer within {probe_timeout:g} s"}
        except aiohttp.ClientConnectorError:
            return {"status": "down", "detail": f"{name} refuses connections at {url}"}
        except aiohttp.ClientError as exc:
            return {"status": "down", "detail": f"{name}: {type(exc).__name__}: {exc}"}

    results = await asyncio.gather(*(probe(name, url) for name, url in urls.items()))
    services = dict(zip(urls, results, strict=True))
    all_up = all(r["status"] == "up" for r in results)
    return (200 if all_up else 503), {
        "status": "ok" if all_up else "degraded",
        "services": services,
    }
