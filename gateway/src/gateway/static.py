"""Serving files: the built SPA (with history fallback) and the Swagger UI assets for /api/docs.

Users are often on slow, metered connections, so: hashed assets are cached for a year, index.html
is revalidated on every visit, text is sent compressed (a precompressed .br/.gz next to the file
when the build made one, else gzip done here once and remembered) and ETags turn repeat
visits into 304s.
"""

from __future__ import annotations

import asyncio
import gzip
import mimetypes
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from gateway.problem import Headers, Send, send_bytes

mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/css", ".css")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("application/wasm", ".wasm")

_COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/javascript",
    "image/svg+xml",
    "application/manifest+json",
    "application/wasm",
)
_MIN_GZIP = 1024
# Files bigger than this are streamed from disk in chunks instead of read whole.
_STREAM_ABOVE = 4 * 1024 * 1024
_CHUNK = 256 * 1024

IMMUTABLE = b"public, max-age=31536000, immutable"
REVALIDATE = b"no-cache"


def content_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/json", "application/manifest+json"):
        kind += "; charset=utf-8"
    return kind


def accepted_encodings(accept_encoding: str) -> set[str]:
    out = set()
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        if params.strip().replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        if name:
            out.add(name.strip().lower())
    return out


@dataclass(frozen=True)
class _Variant:
    path: Path
    size: int
    mtime_ns: int
    encoding: str | None


class FileResponder:
    """Sends files from disk with compression, ETags and cache headers."""

    def __init__(self) -> None:
        # (path, mtime_ns, size) -> gzip bytes; the files served are the app's own few assets.
        self._gzipped: dict[tuple[str, int, int], bytes] = {}

    def _variant(self, path: Path, encodings: set[str]) -> _Variant | None:
        # Plain stat calls on local files take microseconds: not worth a thread hop.
        try:
            st = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in encodings:
                try:
                    pre = os.stat(f"{path}{suffix}")
                except OSError:
                    continue
                # Only a precompressed file at least as new as the original: a stale .gz left by
                # an earlier build must not be served for a changed file.
                if pre.st_mtime_ns >= st.st_mtime_ns:
                    return _Variant(Path(f"{path}{suffix}"), pre.st_size, pre.st_mtime_ns, encoding)
        return _Variant(path, st.st_size, st.st_mtime_ns, None)

    async def send(
        self,
        send: Send,
        path: Path,
        *,
        accept_encoding: str,
        if_none_match: str | None,
        cache_control: bytes,
        extra: Headers,
        head: bool = False,
    ) -> bool:
        """Send `path`; False when it is not a regular file (nothing was sent)."""
        encodings = accepted_encodings(accept_encoding)
        variant = self._variant(path, encodings)
        if variant is None:
            return False
        kind = content_type(path)
        compressible = kind.startswith(_COMPRESSIBLE)
        gzip_here = (
            variant.encoding is None
            and compressible
            and "gzip" in encodings
            and _MIN_GZIP <= variant.size <= _STREAM_ABOVE
        )
        encoding = "gzip" if gzip_here else variant.encoding
        etag = f'"{variant.mtime_ns:x}-{variant.size:x}{"-" + encoding if encoding else ""}"'

        headers: Headers = [
            (b"content-type", kind.encode()),
            (b"cache-control", cache_control),
            (b"etag", etag.encode()),
        ]
        if compressible:
            headers.append((b"vary", b"Accept-Encoding"))
        if encoding:
            headers.append((b"content-encoding", encoding.encode()))
        headers.extend(extra)

        if if_none_match and etag in {t.strip() for t in if_none_match.split(",")}:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return True

        if gzip_here:
            key = (str(variant.path), variant.mtime_ns, variant.size)
            body = self._gzipped.get(key)
            if body is None:
                raw = await asyncio.to_thread(variant.path.read_bytes)
                body = await asyncio.to_thread(gzip.compress, raw, 6, mtime=0)
                self._gzipped[key] = body
            await send_bytes(send, 200, headers, body, head=head)
            return True

        if variant.size <= _STREAM_ABOVE or head:
            body = b"" if head else await asyncio.to_thread(variant.path.read_bytes)
            headers.append((b"content-length", str(variant.size).encode()))
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return True

        headers.append((b"content-length", str(variant.size).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        with variant.path.open("rb") as handle:
            while chunk := await asyncio.to_thread(handle.read, _CHUNK):
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
        return True


def spa_file(root: Path, url_path: str) -> tuple[Path | None, bool]:
    """The file under `root` for `url_path` (a directory means its index.html), or None when there
    is none or the path would leave `root` (`..`, symlinks out, NUL); and whether the SPA is built
    at all (`root/index.html` exists)."""
    if not os.path.isfile(root / "index.html"):
        return None, False
    if "\x00" in url_path:
        return None, True
    candidate = (root / url_path.lstrip("/")).resolve()
    if candidate != root and not candidate.is_relative_to(root):
        return None, True
    if os.path.isdir(candidate):
        candidate = candidate / "index.html"
    return (candidate if os.path.isfile(candidate) else None), True
