"""The one live call catalogue makes to another service: experts' `POST /experts/status-checks`,
for trainer ids the event-fed copy cannot settle (docs/decisions/0008). Short timeout; any failure
is `ExpertsUnreachable`, which the caller turns into a 503 naming the fields."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

log = logging.getLogger("catalogue.experts")

#: experts answers at most this many ids per call (its StatusCheck schema).
BATCH = 100


class ExpertsUnreachable(Exception):
    """experts did not answer in time, or not with a usable answer."""


@dataclass(frozen=True)
class LiveStatus:
    #: pending | verified | rejected | archived | merged | unknown
    status: str
    #: The profile that stands for the person now (another id after a merge); None when unknown.
    resolved_id: str | None


class ExpertsClient:
    """Asks experts about ids on behalf of the caller, with the caller's own access token (any
    valid token may ask): catalogue holds no credentials of its own for this."""

    def __init__(self, base_url: str, *, timeout: float, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Tests hand in an ASGI transport to reach a real experts app without a socket.
        self.transport = transport

    async def statuses(self, ids: Sequence[str], *, token: str) -> dict[str, LiveStatus]:
        if not ids:
            return {}
        # httpx's timeout bounds each phase (connect, write, read); this bounds the whole call.
        try:
            async with asyncio.timeout(self.timeout):
                return await self._ask(ids, token)
        except TimeoutError as exc:
            log.warning("experts at %s did not answer within %ss", self.base_url, self.timeout)
            raise ExpertsUnreachable("timeout") from exc

    async def _ask(self, ids: Sequence[str], token: str) -> dict[str, LiveStatus]:
        found: dict[str, LiveStatus] = {}
        # A new client per call: this is the rare fallback path, not worth a pool to manage.
        async with httpx.AsyncClient(
            base_url=self.base_url, timeout=httpx.Timeout(self.timeout), transport=self.transport
        ) as http:
            for start in range(0, len(ids), BATCH):
                chunk = list(ids[start : start + BATCH])
                try:
                    response = await http.post(
                        "/experts/status-checks",
                        json={"ids": chunk},
                        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                    )
                except httpx.HTTPError as exc:
                    log.warning("experts at %s unreachable: %s", self.base_url, exc.__class__.__name__)
                    raise ExpertsUnreachable(exc.__class__.__name__) from exc
                if response.status_code != 200:
                    log.warning("experts at %s answered %s to a status check", self.base_url, response.status_code)
                    raise ExpertsUnreachable(f"HTTP {response.status_code}")
                try:
                    for item in response.json()["items"]:
                        found[str(item["id"])] = LiveStatus(str(item["status"]), item.get("resolved_id"))
                except (ValueError, KeyError, TypeError) as exc:
                    raise ExpertsUnreachable("unreadable answer") from exc
        return found
