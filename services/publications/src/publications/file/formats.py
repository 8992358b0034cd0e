"""Which files the library takes, recognised by their first bytes (magic numbers), never by their name.

A renamed executable (ELF, PE), a script or a text file called `report.pdf` has no PDF signature and
is refused. The name's extension must also agree with the content, so that what a reader
downloads opens in the program its name promises.
"""

from __future__ import annotations

from dataclasses import dataclass

import filetype
from filetype.types import archive, document

#: Bytes read from the start of a file to recognise it (OOXML needs a few kilobytes: it looks past
#: the first entries of the ZIP archive).
HEAD_BYTES = 8192


@dataclass(frozen=True)
class DocumentFormat:
    media_type: str
    extensions: tuple[str, ...]
    name: str


_MATCHERS = {
    archive.Pdf: DocumentFormat("application/pdf", ("pdf",), "PDF document"),
    document.Docx: DocumentFormat(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",), "Word document"
    ),
    document.Xlsx: DocumentFormat(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",), "Excel workbook"
    ),
    document.Pptx: DocumentFormat(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ("pptx",),
        "PowerPoint presentation",
    ),
    document.Doc: DocumentFormat("application/msword", ("doc",), "Word 97-2003 document"),
    document.Xls: DocumentFormat("application/vnd.ms-excel", ("xls",), "Excel 97-2003 workbook"),
    document.Ppt: DocumentFormat("application/vnd.ms-powerpoint", ("ppt", "pps"), "PowerPoint 97-2003 presentation"),
    document.Odt: DocumentFormat("application/vnd.oasis.opendocument.text", ("odt",), "OpenDocument text"),
    document.Ods: DocumentFormat(
        "application/vnd.oasis.opendocument.spreadsheet", ("ods",), "OpenDocument spreadsheet"
    ),
    document.Odp: DocumentFormat(
        "application/vnd.oasis.opendocument.presentation", ("odp",), "OpenDocument presentation"
    ),
    archive.Rtf: DocumentFormat("application/rtf", ("rtf",), "RTF document"),
    archive.Epub: DocumentFormat("application/epub+zip", ("epub",), "EPUB book"),
}
_INSTANCES = [matcher() for matcher in _MATCHERS]

ACCEPTED = ", ".join(sorted({ext for fmt in _MATCHERS.values() for ext in fmt.extensions}))


class Refused(ValueError):
    """The content is not a document the library takes; the message says what it looks like."""


def recognise(head: bytes, filename: str) -> DocumentFormat:
    found = filetype.match(head, matchers=_INSTANCES)
    if found is None:
        other = filetype.guess(head)
        what = f"its content is {other.mime}" if other is not None else "its content is not a known document format"
        raise Refused(f"This file cannot be taken: {what}. Accepted: {ACCEPTED}.")
    fmt = _MATCHERS[type(found)]
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in fmt.extensions:
        raise Refused(
            f"The file's content is a {fmt.name} but its name ends in '.{extension}'"
            if extension
            else f"The file's content is a {fmt.name} but its name has no extension"
        )
    return fmt
