"""identity's shared request dependencies: settings, key store, token issuer, client address."""

from __future__ import annotations

import ipaddress
from typing import Annotated

from fastapi import Depends, Request

from identity.auth.service import LoginThrottler, TokenIssuer
from identity.settings import IdentitySettings
from identity.signing_key.service import KeyStore


def _settings(request: Request) -> IdentitySettings:
    return request.app.state.settings


def _keys(request: Request) -> KeyStore:
    return request.app.state.keys


def _issuer(request: Request) -> TokenIssuer:
    return request.app.state.issuer


def _throttler(request: Request) -> LoginThrottler:
    return request.app.state.throttler


def client_address(request: Request) -> str:
    """The caller's address: X-Forwarded-For is believed only when the gateway (a trusted proxy)
    sent it, reading from the right past the trusted hops."""
    settings = _settings(request)
    peer = request.client.host if request.client else "unknown"
    if peer not in settings.trusted_proxies:
        return peer
    forwarded = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    for hop in reversed(forwarded):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break
        if hop not in settings.trusted_proxies:
            return hop
    return peer


Settings = Annotated[IdentitySettings, Depends(_settings)]
Keys = Annotated[KeyStore, Depends(_keys)]
Issuer = Annotated[TokenIssuer, Depends(_issuer)]
Throttler = Annotated[LoginThrottler, Depends(_throttler)]
ClientAddress = Annotated[str, Depends(client_address)]
