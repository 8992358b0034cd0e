"""Settings shared by every service: read from the environment, with embedded defaults.

Each service subclasses `ServiceSettings` with its own env prefix (`IDENTITY_`, `CATALOGUE_`…).
Variables that are the same for every service (`ALGA_ENV`, `NATS_URL`, `JWT_*`) carry no prefix.

Secrets are declared with `dev_secret(...)`: their default only works in development; in test
and production the service refuses to start until a real value is given, so a forgotten
variable can never ship a known secret.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The repository root (…/services/common/src/common/settings.py → four levels up).
REPO_ROOT = Path(__file__).resolve().parents[4]

SERVICE_PORTS = {
    "gateway": 8000,
    "identity": 8001,
    "catalogue": 8002,
    "enrollment": 8003,
    "experts": 8004,
    "publications": 8005,
    "notifications": 8006,
}


def dev_secret(default: str, **kwargs: Any) -> Any:
    """A secret whose default is refused outside development."""
    extra = dict(kwargs.pop("json_schema_extra", None) or {})
    extra["dev_secret"] = True
    return Field(default=SecretStr(default), json_schema_extra=extra, **kwargs)


def service_port(name: str) -> int:
    return int(os.environ.get(f"{name.upper()}_PORT", SERVICE_PORTS[name]))


def service_url(name: str) -> str:
    return os.environ.get(f"{name.upper()}_URL", f"http://127.0.0.1:{service_port(name)}")


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", env_file=None, populate_by_name=True)

    service_name: ClassVar[str] = "service"

    env: Literal["development", "test", "production"] = Field("development", validation_alias=AliasChoices("ALGA_ENV"))
    host: str = "127.0.0.1"
    port: int = 0
    database_url: str = ""
    var_dir: Path = Field(REPO_ROOT / "var", validation_alias=AliasChoices("ALGA_VAR_DIR"))
    nats_url: str | None = Field(None, validation_alias=AliasChoices("NATS_URL"))
    jwt_issuer: str = Field("alga-identity", validation_alias=AliasChoices("JWT_ISSUER"))
    jwt_audience: str = Field("alga", validation_alias=AliasChoices("JWT_AUDIENCE"))
    identity_jwks_url: str = Field("", validation_alias=AliasChoices("IDENTITY_JWKS_URL"))
    log_level: str = Field("INFO", validation_alias=AliasChoices("LOG_LEVEL"))

    @model_validator(mode="after")
    def _fill_defaults_and_refuse_dev_secrets(self) -> ServiceSettings:
        if not self.port:
            self.port = SERVICE_PORTS.get(self.service_name, 8080)
        if not self.database_url:
            self.database_url = f"sqlite:///{self.var_dir / (self.service_name + '.db')}"
        if not self.identity_jwks_url:
            self.identity_jwks_url = service_url("identity") + "/.well-known/jwks.json"
        if self.env != "development":
            for name, info in type(self).model_fields.items():
                extra = info.json_schema_extra
                if isinstance(extra, dict) and extra.get("dev_secret"):
                    value = getattr(self, name)
                    default = info.default
                    if (
                        isinstance(value, SecretStr)
                        and isinstance(default, SecretStr)
                        and (value.get_secret_value() == default.get_secret_value())
                    ):
                        env_name = (self.model_config.get("env_prefix") or "") + name
                        raise ValueError(f"{env_name.upper()} must be set to a real secret when ALGA_ENV={self.env}")
        return self
