"""The seed: a handful of fictional, verified, listed experts from several countries with French
and English bios, so a fresh directory is not empty. Idempotent."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from common.db import Database
from experts import cli, seed
from experts.seed_data import DEMO_EXPERTS

from .conftest import outbox


async def test_seed_is_idempotent_and_fills_the_directory(client: httpx.AsyncClient, db: Database) -> None:
    async with db.session() as session:
        first = await seed.seed_demo_experts(session)
        await session.commit()
    async with db.session() as session:
        second = await seed.seed_demo_experts(session)
        await session.commit()
    assert first == len(DEMO_EXPERTS) >= 6 and second == 0
    assert [t for t, _ in await outbox(db)] == ["experts.profile.verified"] * len(DEMO_EXPERTS)

    directory = (await client.get("/experts", params={"limit": 100})).json()
    assert directory["total"] == len(DEMO_EXPERTS)
    countries = {item["country"] for item in directory["items"]}
    assert len(countries) >= 6
    assert {v["value"] for v in directory["facets"]["language"]} >= {"fr", "en"}
    for item in directory["items"]:
        assert item["id"] == seed.demo_id(next(k for k, f in DEMO_EXPERTS if f["full_name"] == item["full_name"]))
        detail = (await client.get(f"/experts/{item['id']}", params={"lang": "fr"})).json()
        assert "fictive" in detail["bio"]  # clearly fictional people
        english = (await client.get(f"/experts/{item['id']}", params={"lang": "en"})).json()
        assert "fictional" in english["bio"] or english["available_languages"] == ["fr"]
    # Seeded experts are not flagged as duplicates of one another.
    assert (await client.get("/experts", params={"q": "fictif"})).json()["total"] >= 1


def test_the_command_seeds_outside_production_only(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXPERTS_DATABASE_URL", database_url)
    monkeypatch.setenv("ALGA_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("ALGA_ENV", "production")
    assert cli.main(["seed"]) == 0
    assert "nothing to do" in capsys.readouterr().out
    monkeypatch.setenv("ALGA_ENV", "development")
    assert cli.main(["seed"]) == 0
    assert f"{len(DEMO_EXPERTS)} demo experts added" in capsys.readouterr().out
    assert cli.main(["seed"]) == 0
    assert "0 demo experts added" in capsys.readouterr().out
    assert cli.main(["migrate"]) == 0  # at head already: nothing to do, no error
