"""Whether an id names a verified expert: what catalogue needs to accept a trainer or speaker."""

from __future__ import annotations

from typing import Any

import httpx

from common.testing import TokenFactory

from .conftest import User, apply, bearer, create_expert


async def test_one_and_many(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User, token_factory: TokenFactory
) -> None:
    verified = await create_expert(client, coordinator, orcid=None)
    pending = await apply(client, learner, full_name="Awa Ba", email=None, orcid=None)
    integrator = bearer(token_factory.client("catalogue-service", scopes=["experts:read"]))

    one = await client.get(f"/experts/{verified['id']}/status", headers=integrator)
    assert one.status_code == 200
    assert one.json() == {"id": verified["id"], "resolved_id": verified["id"], "status": "verified", "verified": True}
    unknown = (await client.get("/experts/nobody/status", headers=integrator)).json()
    assert unknown == {"id": "nobody", "resolved_id": None, "status": "unknown", "verified": False}

    many = await client.post(
        "/experts/status-checks", json={"ids": [verified["id"], pending["id"], "nobody", verified["id"]]},
        headers=learner.headers,
    )  # fmt: skip
    assert many.status_code == 200
    items: list[dict[str, Any]] = many.json()["items"]
    assert [(i["id"], i["status"], i["verified"]) for i in items] == [
        (verified["id"], "verified", True),
        (pending["id"], "pending", False),
        ("nobody", "unknown", False),
    ]
    assert (await client.post("/experts/status-checks", json={"ids": []}, headers=learner.headers)).status_code == 422
    too_many = {"ids": [f"id-{n}" for n in range(101)]}
    assert (await client.post("/experts/status-checks", json=too_many, headers=learner.headers)).status_code == 422
    assert (await client.post("/experts/status-checks", json={"ids": ["x"]})).status_code == 401
    assert (await client.get(f"/experts/{verified['id']}/status")).status_code == 401
