"""notifications' shared request dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from notifications.settings import NotificationsSettings


def _settings(request: Request) -> NotificationsSettings:
    settings: NotificationsSettings = request.app.state.settings
    return settings


Settings = Annotated[NotificationsSettings, Depends(_settings)]
