from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from catalogue.schemas import Text, Title
from catalogue.vocabulary import DeliveryMode


class ModuleCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    summary: Text | None = None
    hours: int | None = Field(None, gt=0, le=5000)
    delivery_mode: DeliveryMode
    #: Place in the programme, from 1; omitted: after the last module. Later modules move down.
    position: int | None = Field(None, ge=1, le=1000)


class ModuleUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    summary: Text | None = None
    hours: int | None = Field(None, gt=0, le=5000)
    delivery_mode: DeliveryMode | None = None
    position: int | None = Field(None, ge=1, le=1000)


class ModuleRead(BaseModel):
    id: str
    programme_id: str
    position: int
    title: str
    summary: str | None
    hours: int | None
    delivery_mode: DeliveryMode
    lang: str
    translations: dict[str, dict[str, Any]] | None = None
