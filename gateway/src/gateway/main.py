"""Entry point: `uvicorn gateway.main:app --port $GATEWAY_PORT --loop uvloop --http httptools`."""

from __future__ import annotations

from common.auth import TokenVerifier
from gateway.app import Gateway
from gateway.settings import Settings


def create_app(settings: Settings | None = None, *, token_verifier: TokenVerifier | None = None) -> Gateway:
    """A gateway for `settings` (read from the environment when omitted).

    `token_verifier` replaces the one built from the settings (tests and the benchmark hand in
    one with fixed keys).
    """
    return Gateway(settings or Settings(), token_verifier=token_verifier)


app = create_app()
