"""Attachments are PDFs, checked by their content (not their name or declared type) and size."""

from __future__ import annotations

import hashlib
import re

import filetype
from fastapi import UploadFile
from sqlalchemy.ext.asyncio import AsyncSession

from common.errors import DomainError, NotFound
from enrollment.application.models import Application, Attachment
from enrollment.timeutil import utcnow

KINDS = ("cv", "letter", "report")
CHUNK = 64 * 1024


class PayloadTooLarge(DomainError):
    status, title, slug = 413, "File too large", "file-too-large"


class UnsupportedMediaType(DomainError):
    status, title, slug = 415, "Not a PDF", "unsupported-media-type"


async def read_limited(upload: UploadFile, limit: int) -> bytes:
    data = bytearray()
    while chunk := await upload.read(CHUNK):
        data.extend(chunk)
        if len(data) > limit:
            raise PayloadTooLarge(f"Attachments are at most {limit // 1024} KiB.", max_bytes=limit)
    return bytes(data)


def check_pdf(content: bytes) -> None:
    kind = filetype.guess(content[:8192]) if content else None
    looks_pdf = kind is not None and kind.mime == "application/pdf" and content.startswith(b"%PDF-")
    # A PDF ends with %%EOF (maybe followed by a few bytes): a truncated upload does not.
    if not looks_pdf or b"%%EOF" not in content[-2048:]:
        raise UnsupportedMediaType("Attachments must be PDF documents.", accepted=["application/pdf"])


def safe_filename(name: str | None, kind: str) -> str:
    base = re.sub(r"[^A-Za-z0-9._ -]+", "_", (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(" .")
    base = base[:150] or kind
    return base if base.lower().endswith(".pdf") else base + ".pdf"


async def add(
    db: AsyncSession, *, app: Application, kind: str, filename: str | None, content: bytes, by: str
) -> Attachment:
    check_pdf(content)
    attachment = Attachment(
        application_id=app.id,
        kind=kind,
        filename=safe_filename(filename, kind),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by=by,
        uploaded_at=utcnow(),
    )
    db.add(attachment)
    await db.flush()
    return attachment


async def get(db: AsyncSession, app: Application, attachment_id: str) -> Attachment:
    attachment = await db.get(Attachment, attachment_id)
    if attachment is None or attachment.application_id != app.id:
        raise NotFound("No attachment with this id.")
    return attachment
