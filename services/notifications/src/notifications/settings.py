from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from common.settings import ServiceSettings

#: A placeholder: refused in production when e-mails really leave (they would bounce or look forged).
DEFAULT_MAIL_FROM = "ALGA Campus <no-reply@example.org>"


class NotificationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_", extra="ignore", populate_by_name=True)
    service_name: ClassVar[str] = "notifications"

    #: The address users open (the gateway serving the SPA): the links in the messages.
    public_url: str = Field(
        "http://127.0.0.1:8000",
        validation_alias=AliasChoices("NOTIFICATIONS_PUBLIC_URL", "ALGA_PUBLIC_URL", "public_url"),
    )

    # ---- e-mail: SMTP when a host is given, else one .eml file per message under mail_dir ----
    smtp_host: str | None = None
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_user: str | None = None
    #: No default at all: a server that needs a login gets its password from the environment.
    smtp_password: SecretStr | None = None
    #: Upgrade the connection with STARTTLS (port 587); refuse to send if the server cannot.
    smtp_starttls: bool = True
    #: TLS from the first byte instead (port 465). Exclusive with STARTTLS.
    smtp_ssl: bool = False
    smtp_timeout_seconds: float = Field(15.0, gt=0, le=300)
    #: The name we give in EHLO; unset: this machine's fully qualified name.
    smtp_helo_name: str | None = None
    #: The From header: `Name <address>` or a bare address.
    mail_from: str = DEFAULT_MAIL_FROM
    #: Where messages are written when no SMTP server is configured (default: <ALGA_VAR_DIR>/mail).
    mail_dir: Path | None = None

    # ---- the sender: pending e-mails, retried with exponential backoff ----
    #: Run the sender in the app (tests drive it by hand instead).
    sender_enabled: bool = True
    #: How often the sender looks for messages whose retry time has come (it is also woken at once
    #: when a new message is committed).
    send_interval_seconds: float = Field(5.0, gt=0)
    send_batch_size: int = Field(50, ge=1, le=1000)
    #: Attempts before a message is marked failed (staff see it at GET /deliveries).
    max_attempts: int = Field(12, ge=1)
    retry_base_seconds: float = Field(30.0, gt=0)
    retry_max_seconds: float = Field(6 * 3600.0, gt=0)
    #: A claimed message whose sender died is retried after this long (longer than any SMTP exchange).
    claim_seconds: float = Field(300.0, gt=0)

    @model_validator(mode="after")
    def _mail_settings(self) -> NotificationsSettings:
        if self.smtp_ssl and self.smtp_starttls:
            # Implicit TLS wins: STARTTLS on an already encrypted connection makes no sense.
            self.smtp_starttls = False
        if self.mail_dir is None:
            self.mail_dir = self.var_dir / "mail"
        if self.env == "production" and self.uses_smtp and self.mail_from == DEFAULT_MAIL_FROM:
            raise ValueError("NOTIFICATIONS_MAIL_FROM must be set to the academy's sender address in production")
        return self

    @property
    def uses_smtp(self) -> bool:
        return bool(self.smtp_host)

    @property
    def mail_directory(self) -> Path:
        assert self.mail_dir is not None  # set by the validator
        return self.mail_dir


def get_settings() -> NotificationsSettings:
    return NotificationsSettings()
