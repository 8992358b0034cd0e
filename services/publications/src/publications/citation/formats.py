"""The citation formats offered, their media types and file names."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from publications.citation import bibtex, csl, ris
from publications.record.state import RecordState


class CitationFormat(StrEnum):
    bibtex = "bibtex"
    ris = "ris"
    csl = "csl"


@dataclass(frozen=True)
class Format:
    media_type: str
    extension: str
    render: Callable[[Iterable[tuple[RecordState, str]], str], str]


FORMATS: dict[CitationFormat, Format] = {
    CitationFormat.bibtex: Format("application/x-bibtex; charset=utf-8", "bib", bibtex.render),
    CitationFormat.ris: Format("application/x-research-info-systems; charset=utf-8", "ris", ris.render),
    CitationFormat.csl: Format("application/vnd.citationstyles.csl+json; charset=utf-8", "json", csl.render),
}
