"""The file store: a directory holding each distinct content once, under its SHA-256.

`<files_dir>/ab/cd/abcd…` (two levels keep directories small). An upload is written to
`<files_dir>/tmp/` while it arrives, then renamed into place, which is atomic on one filesystem:
a reader never sees half a file. Two records sharing the same PDF share its bytes.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"

    def path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def open_temporary(self) -> tuple[Path, BinaryIO]:
        self.tmp.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.tmp, prefix="upload-")
        return Path(name), os.fdopen(fd, "wb")

    def keep(self, temporary: Path, sha256: str) -> Path:
        """Move a finished upload into place (or drop it when the same content is already stored)."""
        target = self.path(sha256)
        if target.is_file():
            temporary.unlink(missing_ok=True)
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(temporary, 0o640)
        os.replace(temporary, target)
        return target

    def discard(self, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(sha256).unlink()

    def write_bytes(self, content: bytes, sha256: str) -> Path:
        """Store content already in memory (the seed's sample documents)."""
        temporary, handle = self.open_temporary()
        with handle:
            handle.write(content)
        return self.keep(temporary, sha256)
