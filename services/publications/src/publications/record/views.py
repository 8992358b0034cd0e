"""Record responses in the asked language, built from a RecordState (the record now, or a version)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from common.i18n import Lang, pick
from publications.identifiers import doi_url, orcid_url
from publications.record.schemas import (
    AuthorRead,
    FileRead,
    LicenceRead,
    RecordAction,
    RecordRead,
    ThemeRead,
)
from publications.record.state import RecordState
from publications.settings import PublicationsSettings
from publications.vocabulary import LICENCES, language_label, licence_label, theme_label, type_label

CITATION_FORMATS = ("bibtex", "ris", "csl")


def allowed_actions(status: str) -> list[RecordAction]:
    if status == "draft":
        return [RecordAction.publish]
    if status == "published":
        return [RecordAction.withdraw]
    return []


def to_title(snapshot: Mapping[str, Any], language: str) -> str:
    return str(pick(snapshot.get("title"), language) or "")


def available_languages(state: RecordState) -> list[str]:
    return sorted(set(state.title) | set(state.abstract))


def to_read(
    state: RecordState,
    lang: Lang,
    settings: PublicationsSettings,
    *,
    staff: bool,
    download_counts: Mapping[str, int] | None = None,
    removed_files: frozenset[str] = frozenset(),
) -> RecordRead:
    counts = download_counts or {}
    code = lang.code
    licence = LICENCES.get(state.licence)
    api = f"{settings.public_url}/api/publications/records/{state.id}"
    return RecordRead(
        id=state.id,
        type=state.type,
        type_label=type_label(state.type, code),
        title=pick(state.title, code) or "",
        abstract=pick(state.abstract, code),
        keywords=list(pick(state.keywords, code) or []),
        language=state.language,
        language_label=language_label(state.language, code),
        published_on=state.published_on,
        year=state.year,
        publisher=state.publisher,
        place=state.place,
        series=state.series,
        container_title=state.container_title,
        authors=[
            AuthorRead(**author, orcid_url=orcid_url(author["orcid"]) if author.get("orcid") else None)
            for author in state.authors
        ],
        themes=[ThemeRead(code=theme, label=theme_label(theme, code)) for theme in state.themes],
        licence=LicenceRead(
            id=state.licence, label=licence_label(state.licence, code), url=licence.url if licence else None
        ),
        doi=state.doi,
        doi_url=doi_url(state.doi) if state.doi else None,
        isbn=state.isbn,
        url=state.url,
        related_programme_ids=state.related_programme_ids,
        related_session_ids=state.related_session_ids,
        related_event_ids=state.related_event_ids,
        partner_ids=state.partner_ids,
        status=state.status,
        version=state.version,
        files=[
            FileRead(
                **f.model_dump(),
                url=settings.file_url(state.id, f.id),
                download_count=counts.get(f.id) if download_counts is not None else None,
                removed=f.id in removed_files,
            )
            for f in state.files
        ],
        download_count=sum(counts.get(f.id, 0) for f in state.files),
        page_url=settings.record_url(state.id),
        citation_urls={fmt: f"{api}/citation?format={fmt}" for fmt in CITATION_FORMATS},
        published_at=state.published_at,
        updated_at=state.updated_at,
        lang=code,
        available_languages=available_languages(state),
        translations={"title": state.title, "abstract": state.abstract, "keywords": state.keywords}
        if lang.all_variants
        else None,
        withdrawn_reason=state.withdrawn_reason if staff else None,
        withdrawn_at=state.withdrawn_at if staff else None,
        allowed_actions=allowed_actions(state.status) if staff else None,
    )
