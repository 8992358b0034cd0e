"""Schemas every catalogue domain uses: translatable texts in, facets and pages out."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from common.pagination import Page

T = TypeVar("T")


class _Translations(BaseModel):
    """One text per language; unknown languages are refused (they name the field: `title.xx`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    def variants(self) -> dict[str, Any]:
        return {code: value for code, value in self.model_dump().items() if value}


class Title(_Translations):
    fr: str | None = Field(None, max_length=300)
    en: str | None = Field(None, max_length=300)
    ar: str | None = Field(None, max_length=300)
    pt: str | None = Field(None, max_length=300)

    @model_validator(mode="after")
    def _one_language_at_least(self) -> Title:
        if not self.variants():
            raise ValueError("Give the title in one language at least (fr, en, ar or pt).")
        return self


class ShortText(_Translations):
    fr: str | None = Field(None, max_length=300)
    en: str | None = Field(None, max_length=300)
    ar: str | None = Field(None, max_length=300)
    pt: str | None = Field(None, max_length=300)


class Text(_Translations):
    fr: str | None = Field(None, max_length=4000)
    en: str | None = Field(None, max_length=4000)
    ar: str | None = Field(None, max_length=4000)
    pt: str | None = Field(None, max_length=4000)


class LongText(_Translations):
    fr: str | None = Field(None, max_length=20000)
    en: str | None = Field(None, max_length=20000)
    ar: str | None = Field(None, max_length=20000)
    pt: str | None = Field(None, max_length=20000)


class TextList(_Translations):
    """A list per language (objectives)."""

    fr: list[str] | None = Field(None, max_length=30)
    en: list[str] | None = Field(None, max_length=30)
    ar: list[str] | None = Field(None, max_length=30)
    pt: list[str] | None = Field(None, max_length=30)

    def variants(self) -> dict[str, Any]:
        out = {}
        for code, items in self.model_dump().items():
            cleaned = [i.strip()[:1000] for i in items or [] if i and i.strip()]
            if cleaned:
                out[code] = cleaned
        return out


def variants(value: _Translations | None) -> dict[str, Any]:
    return {} if value is None else value.variants()


class FacetValue(BaseModel):
    value: str
    count: int
    #: A readable name in the asked language, where the value is a code (themes, countries, languages).
    label: str | None = None


class FacetedPage(Page[T], Generic[T]):
    """A page of results with, per facet, how many results each value would give. The counts of
    one facet apply every other filter but its own, so alternatives stay visible."""

    facets: dict[str, list[FacetValue]]
