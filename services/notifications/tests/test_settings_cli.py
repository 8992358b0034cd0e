"""Settings that protect production, and the operator commands the launcher and images rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.pool import NullPool

from notifications import cli
from notifications.settings import DEFAULT_MAIL_FROM, NotificationsSettings


def test_defaults_write_files_under_the_var_directory(tmp_path: Path) -> None:
    settings = NotificationsSettings(var_dir=tmp_path)
    assert settings.port == 8006
    assert not settings.uses_smtp and settings.mail_directory == tmp_path / "mail"
    assert settings.database_url == f"sqlite:///{tmp_path / 'notifications.db'}"
    assert settings.smtp_password is None  # no default secret at all


def test_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALGA_PUBLIC_URL", "https://campus.example.org")
    monkeypatch.setenv("NOTIFICATIONS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NOTIFICATIONS_SMTP_PORT", "465")
    monkeypatch.setenv("NOTIFICATIONS_SMTP_SSL", "true")
    monkeypatch.setenv("NOTIFICATIONS_SMTP_PASSWORD", "from-the-vault")
    monkeypatch.setenv("NOTIFICATIONS_MAIL_DIR", str(tmp_path / "elsewhere"))
    settings = NotificationsSettings()
    assert settings.public_url == "https://campus.example.org"
    assert settings.uses_smtp and settings.smtp_port == 465
    assert settings.smtp_ssl and not settings.smtp_starttls  # implicit TLS: no STARTTLS on top
    assert settings.smtp_password is not None and settings.smtp_password.get_secret_value() == "from-the-vault"
    assert "from-the-vault" not in repr(settings)
    assert settings.mail_directory == tmp_path / "elsewhere"


def test_production_needs_a_real_sender_address_to_send() -> None:
    with pytest.raises(ValueError, match="NOTIFICATIONS_MAIL_FROM"):
        NotificationsSettings(env="production", smtp_host="smtp.example.org")
    NotificationsSettings(env="production", smtp_host="smtp.example.org", mail_from="ALGA <no-reply@uclga.org>")
    # Without SMTP nothing leaves the machine: the placeholder does no harm.
    NotificationsSettings(env="production", mail_from=DEFAULT_MAIL_FROM)


def test_cli_migrate_seed_and_send(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("NOTIFICATIONS_DATABASE_URL", url)
    monkeypatch.setenv("ALGA_VAR_DIR", str(tmp_path))
    assert cli.main(["migrate"]) == 0
    engine = create_engine(url, poolclass=NullPool)
    assert "notification" in inspect(engine).get_table_names()
    engine.dispose()
    assert cli.main(["seed"]) == 0
    assert cli.main(["send"]) == 0
    out = capsys.readouterr().out
    assert "nothing to do" in out and "0 sent, 0 to retry, 0 failed" in out
