"""experts' shared request dependencies: settings, the calling user, directory filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from common.auth import Principal
from common.errors import Forbidden, ValidationFailed
from common.security import CurrentPrincipal
from experts.directory.repository import DirectoryFilters
from experts.identifiers import InvalidIdentifier, normalise_language_tag, primary_language
from experts.settings import ExpertsSettings
from experts.vocabulary import THEMES, Availability


def _settings(request: Request) -> ExpertsSettings:
    settings: ExpertsSettings = request.app.state.settings
    return settings


Settings = Annotated[ExpertsSettings, Depends(_settings)]


async def _user(principal: CurrentPrincipal) -> Principal:
    if principal.kind != "user":
        raise Forbidden("Integrator clients have no expert profile: log in as a person.")
    return principal


#: A person (not an integrator client) with a valid token.
UserPrincipal = Annotated[Principal, Depends(_user)]


def _themes(values: list[str] | None) -> list[str]:
    codes = [v.strip() for v in values or [] if v.strip()]
    unknown = [c for c in codes if c not in THEMES]
    if unknown:
        raise ValidationFailed.on("theme", f"Unknown theme code(s): {', '.join(unknown)}.", "unknown_theme")
    return codes


def _countries(values: list[str] | None) -> list[str]:
    codes = [v.strip().upper() for v in values or [] if v.strip()]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise ValidationFailed.on("country", "Use ISO 3166-1 alpha-2 country codes (SN, MA…).")
    return codes


def _languages(values: list[str] | None) -> list[str]:
    out = []
    for value in values or []:
        if not value.strip():
            continue
        try:
            out.append(primary_language(normalise_language_tag(value)))
        except InvalidIdentifier as exc:
            raise ValidationFailed.on("language", str(exc)) from None
    return list(dict.fromkeys(out))


async def directory_filters(
    q: Annotated[
        str | None,
        Query(max_length=200, description="Words to find in names, titles, positions, organisations, keywords, bios"),
    ] = None,
    theme: Annotated[list[str] | None, Query(description="Catalogue theme codes (repeat for several)")] = None,
    country: Annotated[
        list[str] | None, Query(description="ISO 3166-1 alpha-2: country of residence or of work")
    ] = None,
    language: Annotated[
        list[str] | None,
        Query(description="Languages the expert works in (fr, en, ar, sw…; a tag counts by its language)"),
    ] = None,
    availability: Annotated[list[Availability] | None, Query()] = None,
) -> DirectoryFilters:
    return DirectoryFilters(
        q=q,
        theme=_themes(theme),
        country=_countries(country),
        language=_languages(language),
        availability=[a.value for a in availability or []],
    )


DirectoryQuery = Annotated[DirectoryFilters, Depends(directory_filters)]
