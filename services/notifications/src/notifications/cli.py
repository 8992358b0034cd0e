"""`alga-notifications`: operator commands for the notifications service.

alga-notifications migrate      apply the migrations (NOTIFICATIONS_DATABASE_URL)
alga-notifications seed         nothing to seed (every row comes from events); kept for the launcher
alga-notifications send         send the e-mails that are due now, once, and say how it went
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from common import migrations
from common.db import Database
from notifications.delivery.sender import Sender, SendReport
from notifications.settings import NotificationsSettings


def alembic_ini() -> Path:
    """services/notifications/alembic.ini: next to the sources in a checkout, or under the working
    directory in an installed image (the Dockerfile copies services/notifications/ there)."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "alembic.ini",
        Path.cwd() / "services" / "notifications" / "alembic.ini",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("alembic.ini of notifications not found; run from the repository or image root")


async def _send(settings: NotificationsSettings) -> SendReport:
    database = Database(settings.database_url)
    try:
        return await Sender(database, settings).send_due()
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="alga-notifications", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    sub.add_parser("send")
    args = parser.parse_args(argv)
    settings = NotificationsSettings()

    if args.command == "migrate":
        migrations.upgrade(alembic_ini(), settings.database_url)
        return 0
    if args.command == "seed":
        print("notifications seed: nothing to do (recipients and messages come from events)")
        return 0
    if args.command == "send":
        report = asyncio.run(_send(settings))
        print(f"notifications send: {report.sent} sent, {report.retrying} to retry, {report.failed} failed")
        return 0 if report.failed == 0 else 1
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
