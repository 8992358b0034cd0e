from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from common.i18n import RequestLanguage
from publications.vocabulary import LICENCES, RecordType, licence_label, theme_label, themes, type_label


class Term(BaseModel):
    code: str
    label: str
    url: str | None = None


class Vocabularies(BaseModel):
    types: list[Term]
    themes: list[Term]
    licences: list[Term]
    lang: str


router = APIRouter(tags=["vocabularies"])


@router.get("/vocabularies", response_model=Vocabularies, summary="Record types, themes and licences")
async def vocabularies(lang: RequestLanguage) -> Vocabularies:
    """Public: the codes a record uses, named in the asked language (for forms and filters)."""
    code = lang.code
    return Vocabularies(
        types=[Term(code=t.value, label=type_label(t.value, code)) for t in RecordType],
        themes=[Term(code=theme, label=theme_label(theme, code)) for theme in themes()],
        licences=[Term(code=key, label=licence_label(key, code), url=value.url) for key, value in LICENCES.items()],
        lang=code,
    )
