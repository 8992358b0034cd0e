from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import SettingsConfigDict

from common.settings import ServiceSettings, dev_secret


class IdentitySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="IDENTITY_", extra="ignore", populate_by_name=True)
    service_name: ClassVar[str] = "identity"

    #: Encrypts the RSA private keys stored in the database (Fernet, key derived from it).
    key_encryption_secret: SecretStr = dev_secret("development-only-key-encryption-secret")
    access_token_ttl_seconds: int = Field(900, ge=60, le=3600)
    refresh_token_ttl_seconds: int = Field(30 * 24 * 3600, ge=3600)
    client_token_ttl_seconds: int = Field(3600, ge=60, le=24 * 3600)
    #: `Secure` cookies: on in production unless set; off elsewhere (plain-HTTP local runs).
    cookie_secure: bool | None = None
    refresh_cookie_path: str = "/api/identity/auth"
    #: The public URL of identity as seen through the gateway (for the discovery document).
    public_url: str = Field("http://127.0.0.1:8000/api/identity", validation_alias=AliasChoices("IDENTITY_PUBLIC_URL"))
    #: Peers allowed to tell us the client's address in X-Forwarded-For (the gateway).
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]
    login_max_failures_per_account: int = 5
    login_max_attempts_per_ip: int = 30
    login_window_seconds: int = 15 * 60
    #: Demo mode (make run): seed one account per role with ALGA_DEMO_PASSWORD. Never in production.
    demo: bool = Field(False, validation_alias=AliasChoices("ALGA_DEMO"))
    demo_password: SecretStr | None = Field(None, validation_alias=AliasChoices("ALGA_DEMO_PASSWORD"))
    #: Counts of people below this are shown as "< N" in statistics (docs/decisions/0007).
    suppression_threshold: int = Field(5, ge=2, validation_alias=AliasChoices("ALGA_SUPPRESSION_THRESHOLD"))

    @property
    def secure_cookies(self) -> bool:
        return self.env == "production" if self.cookie_secure is None else self.cookie_secure


def get_settings() -> IdentitySettings:
    return IdentitySettings()
