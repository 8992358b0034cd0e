"""`alga-enrollment`: operator commands for the enrollment service.

alga-enrollment migrate     apply the migrations (ENROLLMENT_DATABASE_URL)
alga-enrollment seed        nothing to seed: sessions and learners arrive as events
alga-enrollment sweep       release the seats of offers not confirmed in time, once
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from common import migrations
from common.db import Database
from enrollment import sweeper
from enrollment.settings import EnrollmentSettings


def alembic_ini() -> Path:
    """services/enrollment/alembic.ini: next to the sources in a checkout, or under the working
    directory in an installed image (the Dockerfile copies it there)."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "alembic.ini",
        Path.cwd() / "services" / "enrollment" / "alembic.ini",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("alembic.ini of enrollment not found; run from the repository or image root")


async def _sweep(settings: EnrollmentSettings) -> int:
    database = Database(settings.database_url)
    try:
        return await sweeper.sweep(database)
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="alga-enrollment", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    sub.add_parser("sweep")
    args = parser.parse_args(argv)
    settings = EnrollmentSettings()
    if args.command == "migrate":
        migrations.upgrade(alembic_ini(), settings.database_url)
        return 0
    if args.command == "seed":
        print("enrollment seed: nothing to seed (sessions and learners come from catalogue's and identity's events)")
        return 0
    if args.command == "sweep":
        print(f"enrollment sweep: {asyncio.run(_sweep(settings))} offers expired")
        return 0
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
