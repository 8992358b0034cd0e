"""`alga-catalogue`: operator commands for the catalogue service.

alga-catalogue migrate     apply the migrations (CATALOGUE_DATABASE_URL)
alga-catalogue seed        themes, the Executive Master, the Colleges, the expert seminars; example
                           sessions too unless ALGA_ENV=production (CATALOGUE_SEED_SAMPLE_SESSIONS)
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from catalogue import seed
from catalogue.settings import CatalogueSettings
from common import migrations
from common.db import Database


def alembic_ini() -> Path:
    """services/catalogue/alembic.ini: next to the sources in a checkout, or under the working
    directory in an installed image (the Dockerfile copies it there)."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "alembic.ini",
        Path.cwd() / "services" / "catalogue" / "alembic.ini",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("alembic.ini of catalogue not found; run from the repository or image root")


async def run_seed(settings: CatalogueSettings) -> seed.SeedReport:
    database = Database(settings.database_url)
    try:
        async with database.session() as session:
            report = await seed.seed(session, sample_sessions=settings.seeds_sample_sessions)
            await session.commit()
            return report
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="alga-catalogue", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    args = parser.parse_args(argv)
    settings = CatalogueSettings()
    if args.command == "migrate":
        migrations.upgrade(alembic_ini(), settings.database_url)
        return 0
    if args.command == "seed":
        report = asyncio.run(run_seed(settings))
        print(f"catalogue seed: {report}")
        return 0
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
