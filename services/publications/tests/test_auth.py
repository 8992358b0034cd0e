"""Who may call what: staff endpoints refuse anonymous callers (401) and other roles (403); every
forged or unacceptable token is refused, on staff endpoints and on public ones alike."""

from __future__ import annotations

import httpx
import pytest

from common.testing import TokenFactory

from .conftest import bearer, create_record, record_body

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


async def _staff_calls(client: httpx.AsyncClient, record_id: str, headers: dict[str, str]) -> list[httpx.Response]:
    files = {"file": ("brief.pdf", PDF, "application/pdf")}
    return [
        await client.post("/records", json=record_body(), headers=headers),
        await client.patch(f"/records/{record_id}", json={"publisher": "X"}, headers=headers),
        await client.post(f"/records/{record_id}/transitions", json={"action": "publish"}, headers=headers),
        await client.delete(f"/records/{record_id}", headers=headers),
        await client.post(f"/records/{record_id}/files", files=files, headers=headers),
        await client.delete(f"/records/{record_id}/files/00000000-0000-0000-0000-000000000000", headers=headers),
    ]


async def test_staff_endpoints_need_a_coordinator_or_an_admin(
    client: httpx.AsyncClient, coordinator: dict[str, str], admin: dict[str, str], learner: dict[str, str]
) -> None:
    draft = await create_record(client, coordinator, publish=False)
    for response in await _staff_calls(client, draft["id"], {}):
        assert response.status_code == 401, response.request.url
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
    for response in await _staff_calls(client, draft["id"], learner):
        assert response.status_code == 403, response.request.url
    expert = bearer(TokenFactory().user(roles=["expert"]))  # another key: 401, not 403
    assert (await client.post("/records", json=record_body(), headers=expert)).status_code == 401
    created = await client.post("/records", json=record_body(), headers=admin)
    assert created.status_code == 201


async def test_every_bad_token_is_refused(
    client: httpx.AsyncClient, token_factory: TokenFactory, coordinator: dict[str, str]
) -> None:
    published = await create_record(client, coordinator)
    for reason, token in token_factory.bad_tokens().items():
        headers = bearer(token)
        staff = await client.post("/records", json=record_body(), headers=headers)
        assert staff.status_code == 401, reason
        # A public endpoint still refuses a bad token rather than ignoring it.
        public = await client.get(f"/records/{published['id']}", headers=headers)
        assert public.status_code == 401, reason
        assert public.headers["content-type"] == "application/problem+json"
    assert (await client.get(f"/records/{published['id']}")).status_code == 200


@pytest.mark.parametrize("path", ["/records?status=draft", "/records?status=withdrawn", "/records?lang=all"])
async def test_staff_views_of_public_lists(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: dict[str, str], path: str
) -> None:
    assert (await client.get(path)).status_code == 403
    assert (await client.get(path, headers=learner)).status_code == 403
    assert (await client.get(path, headers=coordinator)).status_code == 200
