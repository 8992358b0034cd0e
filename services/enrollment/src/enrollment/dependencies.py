"""enrollment's shared request dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from common.auth import Principal
from common.errors import Forbidden
from common.security import CurrentPrincipal
from enrollment.settings import EnrollmentSettings


def _settings(request: Request) -> EnrollmentSettings:
    return request.app.state.settings


Settings = Annotated[EnrollmentSettings, Depends(_settings)]


async def _user(principal: CurrentPrincipal) -> Principal:
    if principal.kind != "user":
        raise Forbidden("This is done by a person (learner or coordinator), not by an integrator client.")
    return principal


#: A person (learner, coordinator…) with a valid token; integrator clients are refused.
UserPrincipal = Annotated[Principal, Depends(_user)]
