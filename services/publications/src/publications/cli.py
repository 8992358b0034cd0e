"""`alga-publications`: operator commands for the publications service.

alga-publications migrate     apply the migrations (PUBLICATIONS_DATABASE_URL)
alga-publications seed        the sample library (a dozen published records, some with a PDF), unless
                              ALGA_ENV=production (PUBLICATIONS_SEED_SAMPLE_RECORDS); idempotent
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from common import migrations
from common.db import Database
from publications import seed
from publications.file.storage import FileStore
from publications.settings import PublicationsSettings


def alembic_ini() -> Path:
    """services/publications/alembic.ini: next to the sources in a checkout, or under the working
    directory in an installed image (the Dockerfile copies it there)."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "alembic.ini",
        Path.cwd() / "services" / "publications" / "alembic.ini",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("alembic.ini of publications not found; run from the repository or image root")


async def run_seed(settings: PublicationsSettings) -> seed.SeedReport:
    database = Database(settings.database_url)
    try:
        async with database.session() as session:
            report = await seed.seed(session, settings=settings, store=FileStore(settings.storage_dir))
            await session.commit()
            return report
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="alga-publications", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    args = parser.parse_args(argv)
    settings = PublicationsSettings()
    if args.command == "migrate":
        migrations.upgrade(alembic_ini(), settings.database_url)
        return 0
    if args.command == "seed":
        if not settings.seeds_sample_records:
            print("publications seed: nothing to do (no sample records in production)")
            return 0
        print(f"publications seed: {asyncio.run(run_seed(settings))}")
        return 0
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
