"""Schemas every experts domain uses: translatable texts in, facets and pages out (the catalogue's shapes)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from common.pagination import Page

T = TypeVar("T")


class Bio(BaseModel):
    """The bio, one text per language; unknown languages are refused (they name the field: `bio.xx`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    fr: str | None = Field(None, max_length=5000)
    en: str | None = Field(None, max_length=5000)
    ar: str | None = Field(None, max_length=5000)
    pt: str | None = Field(None, max_length=5000)

    def variants(self) -> dict[str, Any]:
        return {code: value for code, value in self.model_dump().items() if value}


class FacetValue(BaseModel):
    value: str
    count: int
    #: A readable name in the asked language (themes, countries, languages, availability).
    label: str | None = None


class FacetedPage(Page[T], Generic[T]):
    """A page of results with, per facet, how many results each value would give. The counts of
    one facet apply every other filter but its own, so alternatives stay visible."""

    facets: dict[str, list[FacetValue]]
