"""Receiving an upload: multipart/form-data parsed as it arrives, written to disk, size-limited.

Nothing is held in memory but the first kilobytes (to recognise the format) and the small text
fields. A body announced larger than the limit is refused before it is read; one that grows past
it is refused as soon as it does, and its partial file removed. The SHA-256 is computed on the
way, so the bytes are read once.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from common.errors import ValidationFailed, field_error
from publications.errors import PayloadTooLarge, UnsupportedMediaType
from publications.file.formats import HEAD_BYTES
from publications.file.storage import FileStore

FILE_FIELD = "file"
TEXT_FIELDS = ("label",)
#: Room for the multipart envelope and the small text fields around the file itself.
ENVELOPE_BYTES = 64 * 1024
MAX_TEXT_FIELD = 2000
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def clean_filename(raw: str) -> str:
    """The last path component, without control or path characters, at most 200 characters."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME.sub("_", unicodedata.normalize("NFC", name)).strip(" .")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:200]
    return name or "document"


@dataclass
class Upload:
    filename: str
    temporary: Path
    size: int
    sha256: str
    head: bytes
    fields: dict[str, str] = field(default_factory=dict)


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"The file is larger than the limit of {limit:,} bytes.",
        errors=[field_error(FILE_FIELD, f"At most {limit:,} bytes.", "too_large")],
        max_bytes=limit,
    )


class _Receiver:
    """The parser's callbacks: route each part's bytes to the temporary file or a text field."""

    def __init__(self, store: FileStore, limit: int) -> None:
        self.store = store
        self.limit = limit
        self.header_field = bytearray()
        self.header_value = bytearray()
        self.headers: dict[bytes, bytes] = {}
        self.current: str | None = None  # "file", a text field name, or None (ignored part)
        self.text = bytearray()
        self.fields: dict[str, str] = {}
        self.filename: str | None = None
        self.temporary: Path | None = None
        self.handle: BinaryIO | None = None
        self.size = 0
        self.digest = hashlib.sha256()
        self.head = bytearray()
        self.files_seen = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": lambda data, start, end: self.header_field.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self.header_value.extend(data[start:end]),
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self.headers = {}
        self.current = None
        self.text = bytearray()

    def header_end(self) -> None:
        self.headers[bytes(self.header_field).strip().lower()] = bytes(self.header_value).strip()
        self.header_field.clear()
        self.header_value.clear()

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if name == FILE_FIELD and b"filename" in options:
            self.files_seen += 1
            if self.files_seen > 1:
                raise ValidationFailed.on(FILE_FIELD, "Send one file per request.")
            self.filename = clean_filename(options[b"filename"].decode("utf-8", "replace"))
            self.temporary, self.handle = self.store.open_temporary()
            self.current = FILE_FIELD
        elif name in TEXT_FIELDS:
            self.current = name

    def part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self.current == FILE_FIELD:
            assert self.handle is not None
            self.size += len(chunk)
            if self.size > self.limit:
                raise _too_large(self.limit)
            if len(self.head) < HEAD_BYTES:
                self.head.extend(chunk[: HEAD_BYTES - len(self.head)])
            self.digest.update(chunk)
            self.handle.write(chunk)
        elif self.current is not None:
            self.text.extend(chunk)
            if len(self.text) > MAX_TEXT_FIELD:
                raise ValidationFailed.on(self.current, f"At most {MAX_TEXT_FIELD} characters.")

    def part_end(self) -> None:
        if self.current == FILE_FIELD and self.handle is not None:
            self.handle.close()
            self.handle = None
        elif self.current is not None:
            self.fields[self.current] = self.text.decode("utf-8", "replace").strip()
        self.current = None

    def abandon(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None


async def receive(request: Request, store: FileStore, limit: int) -> Upload:
    """Read a multipart upload with one `file` part (and optional text fields) into the store's tmp/."""
    content_type, options = parse_options_header(request.headers.get("content-type"))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise UnsupportedMediaType(
            "Send the file as multipart/form-data, in a part named 'file'.",
            errors=[field_error(FILE_FIELD, "Expected a multipart/form-data upload.", "not_multipart")],
        )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + ENVELOPE_BYTES:
        raise _too_large(limit)
    receiver = _Receiver(store, limit)
    parser = MultipartParser(boundary, receiver.callbacks())  # type: ignore[arg-type]
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError:
        receiver.abandon()
        raise ValidationFailed.on(FILE_FIELD, "The multipart body is malformed.", "malformed") from None
    except BaseException:
        receiver.abandon()
        raise
    if receiver.temporary is None or receiver.filename is None or receiver.handle is not None:
        with contextlib.suppress(Exception):
            receiver.abandon()
        raise ValidationFailed.on(FILE_FIELD, "Attach the file in a part named 'file'.", "required")
    if receiver.size == 0:
        receiver.abandon()
        raise ValidationFailed.on(FILE_FIELD, "The file is empty.", "empty")
    return Upload(
        filename=receiver.filename,
        temporary=receiver.temporary,
        size=receiver.size,
        sha256=receiver.digest.hexdigest(),
        head=bytes(receiver.head),
        fields=receiver.fields,
    )
