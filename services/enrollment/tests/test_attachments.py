"""Attachments are PDFs checked by content and size; only the applicant and staff reach them."""

from __future__ import annotations

import httpx

from common.db import Database

from .conftest import Person, apply, publish_session

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


async def test_pdf_is_stored_and_served(
    client: httpx.AsyncClient, db: Database, learner: Person, other_learner: Person, coordinator: Person
) -> None:
    app = await apply(client, learner, (await publish_session(db))["session_id"])
    uploaded = await client.post(
        f"/applications/{app['id']}/attachments",
        data={"kind": "cv"},
        files={"file": ("../../mon cv.pdf", PDF, "application/pdf")},
        headers=learner.headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    attachment = uploaded.json()
    assert attachment["kind"] == "cv" and attachment["size"] == len(PDF) and attachment["filename"] == "mon cv.pdf"
    path = f"/applications/{app['id']}/attachments/{attachment['id']}"
    for who in (learner, coordinator):
        got = await client.get(path, headers=who.headers)
        assert got.status_code == 200 and got.content == PDF and got.headers["content-type"] == "application/pdf"
    assert (await client.get(path, headers=other_learner.headers)).status_code == 404
    detail = (await client.get(f"/applications/{app['id']}", headers=learner.headers)).json()
    assert [a["id"] for a in detail["attachments"]] == [attachment["id"]]


async def test_not_a_pdf_is_415_whatever_its_name(client: httpx.AsyncClient, db: Database, learner: Person) -> None:
    app = await apply(client, learner, (await publish_session(db))["session_id"])
    for content in (b"MZ\x90\x00 not a pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, b"%PDF-1.4 truncated"):
        response = await client.post(
            f"/applications/{app['id']}/attachments",
            data={"kind": "letter"},
            files={"file": ("letter.pdf", content, "application/pdf")},
            headers=learner.headers,
        )
        assert response.status_code == 415, content
        assert response.headers["content-type"] == "application/problem+json"


async def test_too_large_is_413(client: httpx.AsyncClient, db: Database, learner: Person) -> None:
    app = await apply(client, learner, (await publish_session(db))["session_id"])
    big = b"%PDF-1.4\n" + b"0" * (70 * 1024) + b"\n%%EOF\n"  # the test limit is 64 KiB
    response = await client.post(
        f"/applications/{app['id']}/attachments",
        data={"kind": "cv"},
        files={"file": ("cv.pdf", big, "application/pdf")},
        headers=learner.headers,
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    # A declared Content-Length far over the limit is refused before the body is read.
    huge = await client.post(
        f"/applications/{app['id']}/attachments",
        content=b"x" * (300 * 1024),
        headers={**learner.headers, "Content-Type": "multipart/form-data; boundary=x"},
    )
    assert huge.status_code == 413 and huge.json()["status"] == 413
