from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ThemeRead(BaseModel):
    code: str
    position: int
    title: str
    summary: str | None
    #: Published programmes (Colleges…) on this theme.
    programme_count: int
    #: The language asked for; a text missing in it is given in fr, else en (see available_languages).
    lang: str
    available_languages: list[str]
    #: Every stored variant (`?lang=all`, staff only).
    translations: dict[str, dict[str, Any]] | None = None
