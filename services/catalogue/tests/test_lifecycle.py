"""Programmes and sessions move through their statuses; an illegal move is a 409 problem."""

from __future__ import annotations

import httpx
import pytest

from .conftest import act, create_programme, create_session, local, session_body

pytestmark = pytest.mark.usefixtures("themes")


def _problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()


async def test_a_session_from_draft_to_completed(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    programme = await create_programme(client, coordinator)
    # Already running (started yesterday), so that it can be completed at the end.
    draft = await create_session(
        client,
        coordinator,
        programme["id"],
        status="draft",
        starts_at=local(-1),
        ends_at=local(2, 17),
        applications_open_at=local(-30),
        applications_close_at=local(-2),
    )
    assert draft["status"] == "draft" and draft["allowed_actions"] == ["publish"]

    published = (await act(client, coordinator, draft["id"], "publish")).json()
    assert published["status"] == "published"
    assert published["allowed_actions"] == ["open_applications", "cancel", "complete"]
    assert published["published_at"] is not None

    # Opening needs a closing date in the future: this one has passed.
    problem = _problem(await act(client, coordinator, draft["id"], "open_applications"), 422)
    assert [e["field"] for e in problem["errors"]] == ["applications_close_at"]

    completed = (await act(client, coordinator, draft["id"], "complete")).json()
    assert completed["status"] == "completed" and completed["allowed_actions"] == []
    for action in ("publish", "open_applications", "close_applications", "cancel", "complete"):
        problem = _problem(await act(client, coordinator, draft["id"], action, reason="x"), 409)
        assert problem["status_now"] == "completed"
    edit = await client.patch(f"/sessions/{draft['id']}", json={"capacity": 10}, headers=coordinator)
    _problem(edit, 409)


async def test_applications_open_and_close(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    programme = await create_programme(client, coordinator)
    run = await create_session(
        client, coordinator, programme["id"], applications_open_at=local(5), applications_close_at=local(30)
    )
    assert run["applications_open"] is False
    _problem(await act(client, coordinator, run["id"], "close_applications"), 409)

    opened = (await act(client, coordinator, run["id"], "open_applications")).json()
    assert opened["status"] == "applications_open" and opened["applications_open"] is True
    # Opening early moves the window's start to now.
    assert opened["applications_open_at"] < local(1)
    _problem(await act(client, coordinator, run["id"], "open_applications"), 409)

    closed = (await act(client, coordinator, run["id"], "close_applications")).json()
    assert closed["status"] == "applications_closed" and closed["applications_open"] is False
    assert closed["applications_close_at"] < local(1)  # closed now, not on the planned date

    # Reopening is allowed once a closing date in the future is set again.
    _problem(await act(client, coordinator, run["id"], "open_applications"), 422)
    edited = await client.patch(
        f"/sessions/{run['id']}", json={"applications_close_at": local(20)}, headers=coordinator
    )
    assert edited.status_code == 200, edited.text
    assert (await act(client, coordinator, run["id"], "open_applications")).json()["applications_open"] is True


async def test_cancel_needs_a_reason_and_is_final(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    programme = await create_programme(client, coordinator)
    run = await create_session(client, coordinator, programme["id"], status="applications_open")
    problem = _problem(await act(client, coordinator, run["id"], "cancel"), 422)
    assert [e["field"] for e in problem["errors"]] == ["reason"]

    cancelled = await act(client, coordinator, run["id"], "cancel", reason="Le lieu n'est plus disponible.")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["cancellation_reason"] == "Le lieu n'est plus disponible."
    # The public still sees it (those who applied must learn it is cancelled).
    public = (await client.get(f"/sessions/{run['id']}")).json()
    assert public["status"] == "cancelled" and public["applications_open"] is False
    _problem(await act(client, coordinator, run["id"], "publish"), 409)
    _problem(await client.patch(f"/sessions/{run['id']}", json={"capacity": 5}, headers=coordinator), 409)


async def test_a_draft_cannot_be_cancelled_or_completed_but_can_be_deleted(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    programme = await create_programme(client, coordinator)
    run = await create_session(client, coordinator, programme["id"], status="draft")
    _problem(await act(client, coordinator, run["id"], "cancel", reason="x"), 409)
    _problem(await act(client, coordinator, run["id"], "complete"), 409)
    _problem(await act(client, coordinator, run["id"], "open_applications"), 409)
    unknown = await act(client, coordinator, run["id"], "archive")
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "action"

    assert (await client.delete(f"/sessions/{run['id']}", headers=coordinator)).status_code == 204
    assert (await client.get(f"/sessions/{run['id']}", headers=coordinator)).status_code == 404

    published = await create_session(client, coordinator, programme["id"])
    _problem(await client.delete(f"/sessions/{published['id']}", headers=coordinator), 409)


async def test_a_session_that_has_not_started_cannot_be_completed(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    programme = await create_programme(client, coordinator)
    run = await create_session(client, coordinator, programme["id"])
    problem = _problem(await act(client, coordinator, run["id"], "complete"), 409)
    assert "not started" in problem["detail"]


async def test_sessions_of_a_draft_programme_wait_for_it(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    programme = await create_programme(client, coordinator, publish=False)
    run = await create_session(client, coordinator, programme["id"], status="draft")
    problem = _problem(await act(client, coordinator, run["id"], "publish"), 409)
    assert "programme" in problem["detail"]
    await client.post(f"/programmes/{programme['id']}/transitions", json={"action": "publish"}, headers=coordinator)
    assert (await act(client, coordinator, run["id"], "publish")).status_code == 200


async def test_programme_lifecycle(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    programme = await create_programme(client, coordinator, publish=False)
    assert programme["status"] == "draft" and programme["allowed_actions"] == ["publish"]
    url = f"/programmes/{programme['id']}/transitions"
    _problem(await client.post(url, json={"action": "archive"}, headers=coordinator), 409)
    published = (await client.post(url, json={"action": "publish"}, headers=coordinator)).json()
    assert published["status"] == "published" and published["allowed_actions"] == ["archive"]
    _problem(await client.post(url, json={"action": "publish"}, headers=coordinator), 409)
    _problem(await client.delete(f"/programmes/{programme['id']}", headers=coordinator), 409)

    archived = (await client.post(url, json={"action": "archive"}, headers=coordinator)).json()
    assert archived["status"] == "archived"
    # Archived: no edits, no new sessions; the page stays (links keep working), the list drops it.
    _problem(
        await client.patch(f"/programmes/{programme['id']}", json={"duration": {"fr": "3 jours"}}, headers=coordinator),
        409,
    )
    _problem(await client.post("/sessions", json=session_body(programme["id"]), headers=coordinator), 409)
    assert (await client.get(f"/programmes/{programme['id']}")).json()["status"] == "archived"
    assert (await client.get("/programmes")).json()["total"] == 0
    assert (await client.get("/programmes", params={"status": "archived"})).json()["total"] == 1
    # And it can come back.
    assert (await client.post(url, json={"action": "publish"}, headers=coordinator)).json()["status"] == "published"


async def test_a_draft_programme_without_sessions_can_be_deleted(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    programme = await create_programme(client, coordinator, publish=False)
    await create_session(client, coordinator, programme["id"], status="draft")
    _problem(await client.delete(f"/programmes/{programme['id']}", headers=coordinator), 409)
    other = await create_programme(client, coordinator, publish=False, code="college-to-delete")
    assert (await client.delete(f"/programmes/{other['id']}", headers=coordinator)).status_code == 204
    assert (await client.get(f"/programmes/{other['id']}", headers=coordinator)).status_code == 404


async def test_modules_are_kept_in_order(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    programme = await create_programme(client, coordinator, kind="executive_master", theme=None)
    url = f"/programmes/{programme['id']}/modules"
    titles = ["Séminaires en résidentiel", "Cours en ligne", "Voyages d'étude"]
    modes = ["residential_seminar", "e_learning", "study_trip"]
    ids = []
    for title, mode in zip(titles, modes, strict=True):
        created = await client.post(
            url, json={"title": {"fr": title}, "hours": 40, "delivery_mode": mode}, headers=coordinator
        )
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    inserted = await client.post(
        url,
        json={"title": {"fr": "Stages pratiques"}, "hours": 100, "delivery_mode": "internship", "position": 2},
        headers=coordinator,
    )
    listed = (await client.get(url)).json()
    assert [m["title"] for m in listed["items"]] == [titles[0], "Stages pratiques", titles[1], titles[2]]
    assert [m["position"] for m in listed["items"]] == [1, 2, 3, 4]

    moved = await client.patch(f"{url}/{ids[2]}", json={"position": 1}, headers=coordinator)
    assert moved.status_code == 200 and moved.json()["position"] == 1
    assert [m["title"] for m in (await client.get(url)).json()["items"]] == [
        "Voyages d'étude",
        titles[0],
        "Stages pratiques",
        titles[1],
    ]
    # A module a session runs stays; one no session runs can go.
    run = await create_session(client, coordinator, programme["id"], module_id=ids[0])
    assert run["module_title"] == titles[0]
    assert run["title"] == f"{programme['title']} — {titles[0]}"  # no title of its own
    _problem(await client.delete(f"{url}/{ids[0]}", headers=coordinator), 409)
    assert (await client.delete(f"{url}/{inserted.json()['id']}", headers=coordinator)).status_code == 204
    detail = (await client.get(f"/programmes/{programme['id']}")).json()
    assert [m["position"] for m in detail["modules"]] == [1, 2, 3]
    assert detail["total_hours"] == 120 and detail["module_count"] == 3
    assert (await client.patch(f"{url}/not-a-module", json={"hours": 3}, headers=coordinator)).status_code == 404
