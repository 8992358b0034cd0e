"""The library through the gateway, with every process real: a coordinator creates a record,
uploads a small real PDF and publishes it; a visitor finds it by theme, downloads the very same
bytes, takes its BibTeX (read back by a real parser, bibtexparser) and harvests it with OAI-PMH
GetRecord; a withdrawal leaves a tombstone.

Other tests share the stack (and the seeded sample library), so these tests find their own record
by a word of its own and compare facet counts with the results they announce, not with totals.
"""

from __future__ import annotations

import uuid
from typing import Any

import bibtexparser
import httpx
import pytest
from lxml import etree

from devstack.journeys import bearer
from devstack.stack import Stack
from publications.seed_pdf import one_page_pdf

pytestmark = pytest.mark.system

OAI = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}
IDENTIFIER = "{http://www.openarchives.org/OAI/2.0/oai-identifier}"


def _facet(page: dict[str, Any], name: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in page["facets"][name]}


def _oai(http: httpx.Client, **params: str) -> etree._Element:
    response = http.get("/api/publications/oai", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/xml")
    root = etree.fromstring(response.content)
    assert root.find("oai:error", OAI) is None, response.text
    return root


def test_a_coordinator_publishes_a_brief_that_a_visitor_finds_downloads_cites_and_harvests(
    live_stack: Stack,
) -> None:
    word = f"tamarind{uuid.uuid4().hex[:8]}"
    title = f"Note d'orientation {word} : la fiscalité transfrontalière"
    pdf = one_page_pdf(title, ["Académie Africaine des Collectivités Territoriales", word])
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        coordinator = bearer(http, "coordinator@example.org", live_stack.demo_password or "")
        learner = bearer(http, "learner@example.org", live_stack.demo_password or "")
        body = {
            "type": "policy_brief",
            "language": "fr",
            "title": {"fr": title, "en": f"Policy brief {word}: cross-border taxation"},
            "abstract": {"fr": "Comment les communes frontalières partagent leurs recettes."},
            "authors": [{"name": "Ouédraogo, Mariam"}, {"name": "CGLU Afrique", "organisation": True}],
            "themes": ["cross_border_cooperation", "local_finance"],
            "keywords": {"fr": ["fiscalité", word]},
            "licence": "CC-BY-4.0",
            "published_on": "2026-11-20",
            "publisher": "CGLU Afrique",
            "place": "Rabat",
        }

        # Only coordinators write; the API's field errors name the fields (the SPA's form shows them).
        assert http.post("/api/publications/records", json=body).status_code == 401
        assert http.post("/api/publications/records", json=body, headers=learner).status_code == 403
        bad = http.post("/api/publications/records", json={**body, "doi": "not-a-doi"}, headers=coordinator)
        assert bad.status_code == 422, bad.text
        assert [e["field"] for e in bad.json()["errors"]] == ["doi"]

        created = http.post("/api/publications/records", json=body, headers=coordinator)
        assert created.status_code == 201, created.text
        record = created.json()
        record_id = record["id"]
        assert record["status"] == "draft" and record["allowed_actions"] == ["publish"]
        # A draft is the coordinators' alone.
        assert http.get(f"/api/publications/records/{record_id}").status_code == 404
        assert http.get("/api/publications/records", params={"q": word}).json()["total"] == 0

        # Files are checked by content: a text file called .pdf is refused (415), a real PDF taken.
        files = f"/api/publications/records/{record_id}/files"
        fake = http.post(
            files, files={"file": ("brief.pdf", b"just text, not a PDF", "application/pdf")}, headers=coordinator
        )
        assert fake.status_code == 415, fake.text
        assert [e["field"] for e in fake.json()["errors"]] == ["file"]
        uploaded = http.post(
            files,
            files={"file": (f"{word}.pdf", pdf, "application/pdf")},
            data={"label": "Version française"},
            headers=coordinator,
        )
        assert uploaded.status_code == 201, uploaded.text
        file = uploaded.json()
        assert (file["media_type"], file["size_bytes"], file["label"]) == (
            "application/pdf",
            len(pdf),
            "Version française",
        )

        transitions = f"/api/publications/records/{record_id}/transitions"
        assert http.post(transitions, json={"action": "publish"}, headers=learner).status_code == 403
        published = http.post(transitions, json={"action": "publish"}, headers=coordinator)
        assert published.status_code == 200, published.text
        assert published.json()["status"] == "published"

        # A visitor finds it by theme (and the theme's count is the total announced).
        found = http.get(
            "/api/publications/records",
            params=[("theme", "cross_border_cooperation"), ("type", "policy_brief"), ("limit", 100)],
        )
        assert found.status_code == 200, found.text
        page = found.json()
        assert record_id in [r["id"] for r in page["items"]]
        assert _facet(page, "theme")["cross_border_cooperation"] == page["total"]
        assert _facet(page, "type")["policy_brief"] == page["total"]
        by_word = http.get("/api/publications/records", params={"q": word, "lang": "en"}).json()
        (item,) = by_word["items"]
        assert item["title"] == f"Policy brief {word}: cross-border taxation"
        assert {f["value"]: f["label"] for f in by_word["facets"]["type"]} == {"policy_brief": "Policy brief"}
        assert _facet(by_word, "year") == {"2026": 1}

        # The record page's data: its file, its JSON-LD.
        detail = http.get(f"/api/publications/records/{record_id}").json()
        assert detail["json_ld"]["@type"] == "Report"
        (listed,) = detail["files"]
        assert listed["id"] == file["id"]

        # The download is the very file uploaded, served as a PDF.
        download = http.get(f"{files}/{file['id']}")
        assert download.status_code == 200
        assert download.headers["content-type"].startswith("application/pdf")
        assert download.headers["content-disposition"].startswith("attachment")
        assert download.content == pdf

        # "Cite": BibTeX that a real parser reads back.
        cited = http.get(f"/api/publications/records/{record_id}/citation", params={"format": "bibtex"})
        assert cited.status_code == 200, cited.text
        library = bibtexparser.parse_string(cited.text)
        assert not library.failed_blocks
        (entry,) = library.entries
        fields = {f.key: f.value for f in entry.fields}
        assert word in fields["title"]
        assert fields["year"] == "2026"
        assert "Ouédraogo" in fields["author"] and "CGLU Afrique" in fields["author"]

        # OAI-PMH GetRecord answers for it, through the gateway.
        identify = _oai(http, verb="Identify")
        repository = identify.find(f".//{IDENTIFIER}repositoryIdentifier")
        assert repository is not None and repository.text
        identifier = f"oai:{repository.text}:{record_id}"
        got = _oai(http, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
        header = got.find("oai:GetRecord/oai:record/oai:header", OAI)
        assert header is not None and header.get("status") is None
        assert header.findtext("oai:identifier", namespaces=OAI) == identifier
        sets = {s.text for s in header.findall("oai:setSpec", OAI)}
        assert {"type:policy_brief", "theme:cross_border_cooperation"} <= sets
        dc_titles = [t.text for t in got.iterfind(".//dc:title", OAI)]
        assert title in dc_titles

        # Withdrawn with a reason: a 410 tombstone for readers, a deleted record for harvesters.
        withdrawn = http.post(
            transitions,
            json={"action": "withdraw", "reason": "Remplacée par une édition révisée."},
            headers=coordinator,
        )
        assert withdrawn.status_code == 200, withdrawn.text
        gone = http.get(f"/api/publications/records/{record_id}")
        assert gone.status_code == 410
        assert gone.json()["reason"] == "Remplacée par une édition révisée."
        deleted = _oai(http, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
        header = deleted.find("oai:GetRecord/oai:record/oai:header", OAI)
        assert header is not None and header.get("status") == "deleted"
