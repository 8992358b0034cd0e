"""Settings from the environment, with the embedded defaults."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from pydantic import ValidationError

from gateway.settings import KNOWN_SERVICES, Settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in KNOWN_SERVICES:
        monkeypatch.delenv(f"{name.upper()}_URL", raising=False)
        monkeypatch.delenv(f"{name.upper()}_PORT", raising=False)
    for name in ("SERVICES", "CORS_ORIGINS", "UPSTREAM_TIMEOUT", "PORT", "HOST"):
        monkeypatch.delenv(f"GATEWAY_{name}", raising=False)
    monkeypatch.delenv("IDENTITY_JWKS_URL", raising=False)


def test_defaults() -> None:
    settings = Settings()
    assert settings.port == 8000
    assert settings.host == "127.0.0.1"
    assert settings.upstream_timeout == 15
    assert settings.connect_timeout == 2
    assert settings.cors_origins == []
    assert settings.service_urls() == {
        "identity": "http://127.0.0.1:8001",
        "catalogue": "http://127.0.0.1:8002",
        "enrollment": "http://127.0.0.1:8003",
        "experts": "http://127.0.0.1:8004",
        "publications": "http://127.0.0.1:8005",
        "notifications": "http://127.0.0.1:8006",
    }
    assert settings.jwks_url() == "http://127.0.0.1:8001/.well-known/jwks.json"
    assert settings.spa_dir.parts[-2:] == ("frontend", "dist")


def test_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_CORS_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("GATEWAY_SERVICES", "identity,catalogue")
    monkeypatch.setenv("GATEWAY_UPSTREAM_TIMEOUT", "3.5")
    monkeypatch.setenv("CATALOGUE_PORT", "9102")
    monkeypatch.setenv("IDENTITY_URL", "http://127.0.0.2:7000/")

    settings = Settings()

    assert settings.cors_origins == ["https://a.example", "https://b.example"]
    assert settings.upstream_timeout == 3.5
    assert settings.service_urls() == {
        "identity": "http://127.0.0.2:7000",
        "catalogue": "http://127.0.0.1:9102",
    }
    assert settings.jwks_url() == "http://127.0.0.2:7000/.well-known/jwks.json"


def test_unknown_service_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_SERVICES", "identity,payments")
    with pytest.raises(ValidationError, match="payments"):
        Settings()


def test_busy_port_names_the_variable_to_change() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "gateway"],
            env={**os.environ, "GATEWAY_PORT": str(port), "GATEWAY_HOST": "127.0.0.1"},
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert "GATEWAY_PORT" in result.stderr
    assert str(port) in result.stderr
