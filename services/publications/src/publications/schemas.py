"""Schemas every publications domain uses: translatable texts in, facets and pages out."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from common.pagination import Page

T = TypeVar("T")


class Variants(BaseModel):
    """One value per language; an unknown language is refused and named (`title.xx`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    def variants(self) -> dict[str, Any]:
        return {code: value for code, value in self.model_dump().items() if value}


class TitleText(Variants):
    fr: str | None = Field(None, max_length=500)
    en: str | None = Field(None, max_length=500)
    ar: str | None = Field(None, max_length=500)
    pt: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def _at_least_one(self) -> TitleText:
        if not self.variants():
            raise ValueError("Give the title in one language at least (fr, en, ar or pt).")
        return self


class AbstractText(Variants):
    fr: str | None = Field(None, max_length=10000)
    en: str | None = Field(None, max_length=10000)
    ar: str | None = Field(None, max_length=10000)
    pt: str | None = Field(None, max_length=10000)


class KeywordLists(Variants):
    fr: list[str] | None = Field(None, max_length=40)
    en: list[str] | None = Field(None, max_length=40)
    ar: list[str] | None = Field(None, max_length=40)
    pt: list[str] | None = Field(None, max_length=40)

    def variants(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for code, words in self.model_dump().items():
            kept = list(dict.fromkeys(w.strip()[:100] for w in words or [] if w and w.strip()))
            if kept:
                out[code] = kept
        return out


class FacetValue(BaseModel):
    value: str
    count: int
    #: A readable name in the asked language (types, themes, languages, authors).
    label: str | None = None


class FacetedPage(Page[T], Generic[T]):
    """A page of results with, per facet, how many results each value would give. The counts of one
    facet apply every filter but its own, so the alternatives to a chosen value stay visible."""

    facets: dict[str, list[FacetValue]]
