from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from pydantic import SecretStr, ValidationError

from common.auth import InvalidToken, JWKSUnavailable, TokenVerifier
from common.settings import ServiceSettings, dev_secret
from common.testing import TokenFactory
from common.testing.processes import free_port


class DemoSettings(ServiceSettings):
    service_name: ClassVar[str] = "identity"
    signing_secret: SecretStr = dev_secret("dev-only")


def test_dev_secret_default_only_in_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALGA_ENV", raising=False)
    assert DemoSettings().signing_secret.get_secret_value() == "dev-only"
    for env in ("test", "production"):
        with pytest.raises(ValidationError, match="SIGNING_SECRET must be set"):
            DemoSettings(env=env)
    assert DemoSettings(env="production", signing_secret="a-real-one").env == "production"


def test_defaults_follow_the_documented_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDENTITY_PORT", "9101")
    monkeypatch.setenv("ALGA_VAR_DIR", "/tmp/alga-x")
    settings = DemoSettings()
    assert settings.database_url == "sqlite:////tmp/alga-x/identity.db"
    assert settings.identity_jwks_url == "http://127.0.0.1:9101/.well-known/jwks.json"


class _JWKSServer:
    def __init__(self) -> None:
        self.jwks: dict = {"keys": []}  # type: ignore[type-arg]
        self.hits = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits += 1
                body = json.dumps(outer.jwks).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/.well-known/jwks.json"


@pytest.fixture
def jwks_server() -> Iterator[_JWKSServer]:
    server = _JWKSServer()
    yield server
    server.server.shutdown()


async def test_verifier_fetches_keys_and_refetches_on_an_unknown_kid(jwks_server: _JWKSServer) -> None:
    first, second = TokenFactory(), TokenFactory()
    jwks_server.jwks = first.jwks
    verifier = TokenVerifier(
        issuer=first.issuer, audience=first.audience, jwks_url=jwks_server.url, min_refresh_interval=0
    )
    try:
        principal = await verifier.verify(first.user("u-1", roles=["coordinator"]))
        assert principal.subject == "u-1" and principal.is_staff
        assert jwks_server.hits == 1
        await verifier.verify(first.user("u-1"))
        assert jwks_server.hits == 1  # cached

        # identity rotated: the new key appears in the JWKS next to the old one.
        jwks_server.jwks = {"keys": first.jwks["keys"] + second.jwks["keys"]}
        assert (await verifier.verify(second.user("u-2"))).subject == "u-2"
        assert jwks_server.hits == 2
    finally:
        await verifier.aclose()


async def test_verifier_rate_limits_refetches_for_forged_kids(jwks_server: _JWKSServer) -> None:
    factory = TokenFactory()
    jwks_server.jwks = factory.jwks
    verifier = TokenVerifier(
        issuer=factory.issuer, audience=factory.audience, jwks_url=jwks_server.url, min_refresh_interval=60
    )
    try:
        await verifier.verify(factory.user())
        for _ in range(20):
            with pytest.raises(InvalidToken):
                await verifier.verify(TokenFactory().user())
        assert jwks_server.hits == 1
    finally:
        await verifier.aclose()


async def test_every_bad_token_is_refused() -> None:
    factory = TokenFactory()
    verifier = TokenVerifier(issuer=factory.issuer, audience=factory.audience, static_jwks=factory.jwks)
    for name, token in factory.bad_tokens().items():
        with pytest.raises(InvalidToken):
            await verifier.verify(token)
            pytest.fail(f"{name} was accepted")


async def test_unreachable_jwks_is_reported_as_unavailable() -> None:
    factory = TokenFactory()
    verifier = TokenVerifier(
        issuer=factory.issuer,
        audience=factory.audience,
        jwks_url=f"http://127.0.0.1:{free_port()}/jwks.json",
        http_timeout=1,
    )
    with pytest.raises(JWKSUnavailable):
        await verifier.verify(factory.user())
    await verifier.aclose()
