"""The directory as CSV, for coordinators: listed experts only, public fields plus the e-mail
(documented decision: services/experts/README.md), never the phone; safe in a spreadsheet."""

from __future__ import annotations

import csv
import io

import httpx

from .conftest import PRIVATE_PHONE, User, apply, create_expert


async def test_coordinators_export_the_directory(
    client: httpx.AsyncClient, coordinator: dict[str, str], admin: dict[str, str], learner: User
) -> None:
    listed = await create_expert(client, coordinator, email="listed@example.org", orcid=None)
    await create_expert(
        client, coordinator, full_name="Hors Annuaire", email="hidden@example.org", public_listing_consent=False
    )
    await apply(client, learner, full_name="En Attente", email="pending@example.org", orcid=None)
    formula = await create_expert(
        client,
        coordinator,
        full_name='=HYPERLINK("http://evil.example")',
        country="KE",
        email="formula@example.org",
        keywords=["+cmd", "@sum"],
        orcid="0000-0002-1694-233X",
    )

    response = await client.get("/experts/export.csv", headers=coordinator)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == [listed["id"], formula["id"]]  # by name, accents and signs aside
    row = rows[0]
    assert row["full_name"] == "Aïssatou Diallo" and row["email"] == "listed@example.org"
    assert row["country"] == "SN" and row["country_name"] == "Senegal"
    assert row["work_countries"] == "GN; ML"
    assert row["languages"] == "fr-SN (native); en (professional)"
    assert row["themes"] == "participatory_budgeting; local_finance"
    assert row["profile_url"] == f"https://campus.example.org/experts/{listed['id']}"
    assert "phone" not in row and PRIVATE_PHONE not in text
    assert "hidden@example.org" not in text and "pending@example.org" not in text
    # Formula injection: the cells a spreadsheet would evaluate start with a quote.
    assert rows[1]["full_name"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1]["keywords"] == "'+cmd; @sum"
    assert rows[1]["orcid"] == "0000-0002-1694-233X"

    # The directory's filters apply.
    kenya = await client.get("/experts/export.csv", params={"country": "KE"}, headers=admin)
    assert [r["id"] for r in csv.DictReader(io.StringIO(kenya.text.removeprefix("\ufeff")))] == [formula["id"]]


async def test_only_coordinators_export(client: httpx.AsyncClient, learner: User) -> None:
    assert (await client.get("/experts/export.csv")).status_code == 401
    assert (await client.get("/experts/export.csv", headers=learner.headers)).status_code == 403
