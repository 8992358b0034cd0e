"""Drafts are invisible to the public (404, never listed) and visible to coordinators."""

from __future__ import annotations

import httpx
import pytest

from .conftest import create_programme, create_session

pytestmark = pytest.mark.usefixtures("themes")


async def test_draft_programme_and_session(
    client: httpx.AsyncClient, coordinator: dict[str, str], admin: dict[str, str], learner: dict[str, str]
) -> None:
    programme = await create_programme(client, coordinator, publish=False)
    run = await create_session(client, coordinator, programme["id"], status="draft")
    paths = [
        f"/programmes/{programme['id']}",
        f"/programmes/{programme['code']}",
        f"/programmes/{programme['id']}/modules",
        f"/programmes/{programme['id']}/calendar.ics",
        f"/sessions/{run['id']}",
        f"/sessions/{run['id']}/calendar.ics",
    ]
    for path in paths:
        for headers in ({}, learner):
            hidden = await client.get(path, headers=headers)
            assert hidden.status_code == 404, path
            assert hidden.headers["content-type"].startswith("application/problem+json")
        for headers in (coordinator, admin):
            assert (await client.get(path, headers=headers)).status_code == 200, path
    assert (await client.get("/programmes", headers=learner)).json()["total"] == 0
    assert (await client.get("/sessions")).json()["total"] == 0
    assert (await client.get("/themes")).json()["items"][10]["programme_count"] == 0
    # Unknown ids answer exactly the same way.
    assert (await client.get("/sessions/00000000-0000-0000-0000-000000000000")).json()["detail"] == (
        await client.get(f"/sessions/{run['id']}")
    ).json()["detail"]


async def test_staff_only_fields(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: dict[str, str]
) -> None:
    programme = await create_programme(client, coordinator)
    run = await create_session(
        client,
        coordinator,
        programme["id"],
        delivery_mode="hybrid",
        online_url="https://meet.example.org/alga-finances",
    )
    staff_view = (await client.get(f"/sessions/{run['id']}", headers=coordinator)).json()
    assert staff_view["online_url"] == "https://meet.example.org/alga-finances"
    assert staff_view["allowed_actions"] == ["open_applications", "cancel", "complete"]
    for headers in ({}, learner):
        public_view = (await client.get(f"/sessions/{run['id']}", headers=headers)).json()
        assert public_view["online_url"] is None and public_view["allowed_actions"] is None
        assert public_view["online"] is True
