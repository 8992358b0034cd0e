"""How an e-mail leaves: an SMTP server when one is configured, else a `.eml` file per message.

Messages are built with the standard library's `email` package (RFC 5322, MIME multipart/alternative
with a text and an HTML part), so a mail client opens the files as it would a received e-mail.
"""

from __future__ import annotations

import asyncio
import os
import smtplib
import ssl
import tempfile
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Protocol

from notifications.settings import NotificationsSettings


class TransportError(Exception):
    """The message did not go out. `permanent`: retrying cannot help (the server refused it for good)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Transport(Protocol):
    description: str

    async def send(self, message: EmailMessage, *, name: str) -> None:
        """Deliver `message`; `name` is its stable id (the same on every attempt)."""


def message_id_domain(mail_from: str) -> str:
    address = parseaddr(mail_from)[1]
    return address.rpartition("@")[2] or "alga-campus.invalid"


def build_message(
    *,
    message_id: str,
    mail_from: str,
    to_address: str,
    to_name: str | None,
    subject: str,
    language: str,
    kind: str,
    created_at: datetime,
    text: str,
    html: str | None,
) -> EmailMessage:
    """The e-mail of one notification. Raises TransportError (permanent) on an unusable address."""
    message = EmailMessage(policy=policy.SMTP)
    try:
        recipient = Address(display_name=(to_name or "").strip(), addr_spec=to_address.strip())
        message["To"] = recipient
        message["From"] = mail_from
    except (ValueError, IndexError) as exc:
        raise TransportError(f"not a usable e-mail address: {exc}", permanent=True) from exc
    message["Subject"] = subject
    message["Date"] = format_datetime(created_at)
    # Stable across attempts: if a server accepted a message whose success we failed to record,
    # the copy sent on the retry carries the same Message-ID and mail systems see it as one.
    message["Message-ID"] = f"<{message_id}@{message_id_domain(mail_from)}>"
    # RFC 3834: a machine wrote this; auto-responders must not answer it.
    message["Auto-Submitted"] = "auto-generated"
    message["X-ALGA-Notification"] = kind
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    # After the content: set_content and add_alternative clear or move the Content-* headers.
    message["Content-Language"] = language
    return message


class FileTransport:
    """Writes each message as `<name>.eml` in a directory (the embedded default: `var/mail/`).

    The file is written under a temporary name and renamed into place, so a reader never sees half a
    message, and a second attempt for the same message replaces the file instead of adding one."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.description = f"files in {directory}"

    async def send(self, message: EmailMessage, *, name: str) -> None:
        await asyncio.to_thread(self._write, message.as_bytes(policy=policy.SMTP), name)

    def _write(self, data: bytes, name: str) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, self.directory / f"{name}.eml")
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise TransportError(f"cannot write to {self.directory}: {exc}") from exc


def _permanent(code: int | None) -> bool:
    # 5xx is a refusal for good (unknown mailbox, policy); 4xx says "try again later".
    return code is not None and 500 <= code < 600


class SmtpTransport:
    """One SMTP session per message (the volume is small; no connection to keep alive or lose)."""

    def __init__(self, settings: NotificationsSettings) -> None:
        assert settings.smtp_host
        self.host = settings.smtp_host
        self.port = settings.smtp_port
        self.user = settings.smtp_user
        self.password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
        self.starttls = settings.smtp_starttls
        self.implicit_tls = settings.smtp_ssl
        self.timeout = settings.smtp_timeout_seconds
        self.helo_name = settings.smtp_helo_name
        mode = "TLS" if self.implicit_tls else ("STARTTLS" if self.starttls else "plain")
        self.description = f"SMTP {self.host}:{self.port} ({mode})"

    async def send(self, message: EmailMessage, *, name: str) -> None:
        await asyncio.to_thread(self._send, message)

    def _connect(self) -> smtplib.SMTP:
        if self.implicit_tls:
            return smtplib.SMTP_SSL(
                self.host,
                self.port,
                local_hostname=self.helo_name,
                timeout=self.timeout,
                context=ssl.create_default_context(),
            )
        return smtplib.SMTP(self.host, self.port, local_hostname=self.helo_name, timeout=self.timeout)

    def _send(self, message: EmailMessage) -> None:
        try:
            with self._connect() as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.user:
                    smtp.login(self.user, self.password)
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            raise TransportError(
                f"recipient refused: {exc.recipients}", permanent=all(_permanent(c) for c in codes)
            ) from exc
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            raise TransportError(
                f"refused ({exc.smtp_code}): {exc.smtp_error!r}", permanent=_permanent(exc.smtp_code)
            ) from exc
        except smtplib.SMTPException as exc:
            # Authentication, a missing STARTTLS, a dropped connection: the configuration or the
            # server must change; the message waits for that.
            raise TransportError(f"{exc.__class__.__name__}: {exc}") from exc
        except (OSError, TimeoutError) as exc:
            raise TransportError(f"cannot reach {self.host}:{self.port}: {exc}") from exc


def transport_for(settings: NotificationsSettings) -> Transport:
    if settings.uses_smtp:
        return SmtpTransport(settings)
    return FileTransport(settings.mail_directory)
