"""Files: recognised by content (a renamed executable is refused), size-limited, stored once per
checksum, downloaded with the right type and name, every download counted."""

from __future__ import annotations

import asyncio
import hashlib
import io
import zipfile
from pathlib import Path

import httpx
import pytest

from publications.settings import PublicationsSettings

from .conftest import create_record

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50 + b"PE\x00\x00" + b"\x00" * 200


def docx() -> bytes:
    """A minimal but real Word document (the OOXML parts in the order Word writes them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><document>Budget participatif</document>')
    return buffer.getvalue()


def upload(content: bytes, name: str, media_type: str = "application/octet-stream", **data: str) -> dict[str, object]:
    return {"files": {"file": (name, content, media_type)}, "data": data}


async def test_upload_and_download_a_pdf(
    client: httpx.AsyncClient, coordinator: dict[str, str], settings: PublicationsSettings
) -> None:
    record = await create_record(client, coordinator)
    # The client's type says text/plain: the content decides.
    sent = await client.post(
        f"/records/{record['id']}/files",
        headers=coordinator,
        **upload(PDF, "Note d'orientation n°3 — Économie.pdf", "text/plain", label="Version française"),
    )
    assert sent.status_code == 201, sent.text
    body = sent.json()
    checksum = hashlib.sha256(PDF).hexdigest()
    assert body["media_type"] == "application/pdf" and body["size_bytes"] == len(PDF)
    assert body["sha256"] == checksum and body["label"] == "Version française"
    assert body["filename"] == "Note d'orientation n°3 — Économie.pdf"
    assert body["url"] == f"https://campus.example.org/api/publications/records/{record['id']}/files/{body['id']}"
    stored = settings.storage_dir / checksum[:2] / checksum[2:4] / checksum
    assert stored.read_bytes() == PDF

    path = f"/records/{record['id']}/files/{body['id']}"
    for _ in range(3):
        download = await client.get(path)
        assert download.status_code == 200 and download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    disposition = download.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "filename*=utf-8''Note%20d%27orientation" in disposition
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["etag"] == f'"{checksum}"'
    # A resumed download (Range past the start) is not a new download.
    partial = await client.get(path, headers={"Range": "bytes=10-"})
    assert partial.status_code == 206 and partial.content == PDF[10:]
    read = (await client.get(f"/records/{record['id']}")).json()
    assert read["files"][0]["download_count"] == 3 and read["download_count"] == 3
    assert (await client.get(f"/records/{record['id']}/files/{'0' * 8}-0000-0000-0000-{'0' * 12}")).status_code == 404


async def test_downloads_are_counted_atomically(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator)
    sent = (await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(PDF, "a.pdf"))).json()
    path = f"/records/{record['id']}/files/{sent['id']}"
    responses = await asyncio.gather(*(client.get(path) for _ in range(20)))
    assert {r.status_code for r in responses} == {200}
    read = (await client.get(f"/records/{record['id']}")).json()
    assert read["files"][0]["download_count"] == 20


async def test_office_documents_are_recognised(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator, publish=False)
    sent = await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(docx(), "boite.docx"))
    assert sent.status_code == 201, sent.text
    assert sent.json()["media_type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    download = await client.get(f"/records/{record['id']}/files/{sent.json()['id']}", headers=coordinator)
    assert download.headers["content-type"] == sent.json()["media_type"]
    # Drafts' files are for staff only.
    assert (await client.get(f"/records/{record['id']}/files/{sent.json()['id']}")).status_code == 404


@pytest.mark.parametrize(
    ("content", "name", "what"),
    [
        (ELF, "rapport.pdf", "application/x-executable"),
        (PE, "boite-a-outils.docx", "application/x-msdownload"),
        (b"Ceci est un simple texte, pas un PDF.\n", "note.pdf", "not a known document"),
        (b"#!/bin/sh\nrm -rf /\n", "script.pdf", "not a known document"),
        (PDF, "note.docx", "name ends in '.docx'"),
        (docx(), "note.pdf", "name ends in '.pdf'"),
        (PDF, "note", "no extension"),
        (b"PK\x03\x04" + b"\x00" * 100, "archive.docx", "application/zip"),
    ],
)
async def test_content_that_is_not_what_it_claims_is_refused(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    settings: PublicationsSettings,
    content: bytes,
    name: str,
    what: str,
) -> None:
    record = await create_record(client, coordinator)
    refused = await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(content, name))
    assert refused.status_code == 415, refused.text
    problem = refused.json()
    assert refused.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in problem["errors"]] == ["file"]
    assert what in problem["detail"]
    assert _stored_files(settings.storage_dir) == []
    assert (await client.get(f"/records/{record['id']}")).json()["version"] == 1


def _stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


async def test_size_limit(
    client: httpx.AsyncClient, coordinator: dict[str, str], settings: PublicationsSettings
) -> None:
    record = await create_record(client, coordinator)
    limit = settings.max_upload_bytes
    exactly = PDF + b"\x00" * (limit - len(PDF))
    accepted = await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(exactly, "full.pdf"))
    assert accepted.status_code == 201 and accepted.json()["size_bytes"] == limit
    # One byte more: refused while it streams in (the announced length is within the envelope).
    over = await client.post(
        f"/records/{record['id']}/files", headers=coordinator, **upload(exactly + b"\x00", "big.pdf")
    )
    assert over.status_code == 413
    assert over.json()["errors"][0]["field"] == "file" and over.json()["max_bytes"] == limit
    # Far more: refused from its Content-Length, before the body is read.
    huge = await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(exactly * 4, "huge.pdf"))
    assert huge.status_code == 413
    assert len(_stored_files(settings.storage_dir)) == 1  # no partial upload left behind


async def test_malformed_uploads(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator)
    path = f"/records/{record['id']}/files"
    as_json = await client.post(path, headers=coordinator, json={"file": "JVBERi0="})
    assert as_json.status_code == 415 and as_json.json()["errors"][0]["field"] == "file"
    no_file = await client.post(path, headers=coordinator, data={"label": "x"}, files={"other": ("a.pdf", PDF)})
    assert no_file.status_code == 422 and no_file.json()["errors"][0]["field"] == "file"
    empty = await client.post(path, headers=coordinator, **upload(b"", "empty.pdf"))
    assert empty.status_code == 422 and empty.json()["errors"][0]["code"] == "empty"
    two = await client.post(
        path,
        headers=coordinator,
        files=[("file", ("a.pdf", PDF, "application/pdf")), ("file", ("b.pdf", PDF, "application/pdf"))],
    )
    assert two.status_code == 422
    traversal = await client.post(path, headers=coordinator, **upload(PDF, "../../etc/passwd.pdf"))
    assert traversal.status_code == 201 and traversal.json()["filename"] == "passwd.pdf"


async def test_content_is_stored_once_and_deleted_when_unused(
    client: httpx.AsyncClient, coordinator: dict[str, str], settings: PublicationsSettings
) -> None:
    first = await create_record(client, coordinator, publish=False)
    second = await create_record(client, coordinator, publish=False)
    for record in (first, second):
        sent = await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(PDF, "same.pdf"))
        assert sent.status_code == 201
    assert len(_stored_files(settings.storage_dir)) == 1
    assert (await client.delete(f"/records/{first['id']}", headers=coordinator)).status_code == 204
    assert len(_stored_files(settings.storage_dir)) == 1  # the second record still uses it
    listed = (await client.get(f"/records/{second['id']}", headers=coordinator)).json()["files"]
    removed = await client.delete(f"/records/{second['id']}/files/{listed[0]['id']}", headers=coordinator)
    assert removed.status_code == 204
    assert _stored_files(settings.storage_dir) == []


async def test_withdrawn_records_take_no_files(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator)
    await client.post(
        f"/records/{record['id']}/transitions", json={"action": "withdraw", "reason": "x"}, headers=coordinator
    )
    refused = await client.post(f"/records/{record['id']}/files", headers=coordinator, **upload(PDF, "a.pdf"))
    assert refused.status_code == 409
