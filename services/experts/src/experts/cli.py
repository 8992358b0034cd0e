"""`alga-experts`: operator commands for the experts service.

alga-experts migrate      apply the migrations (EXPERTS_DATABASE_URL)
alga-experts seed         the demo experts (fictional people), except in production; idempotent
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from common import migrations
from common.db import Database
from experts import seed
from experts.settings import ExpertsSettings


def alembic_ini() -> Path:
    """services/experts/alembic.ini: next to the sources in a checkout, or under the working
    directory in an installed image (the Dockerfile copies services/experts/ there)."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "alembic.ini",
        Path.cwd() / "services" / "experts" / "alembic.ini",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("alembic.ini of experts not found; run from the repository or image root")


async def _seed(settings: ExpertsSettings) -> int:
    database = Database(settings.database_url)
    try:
        async with database.session() as session:
            added = await seed.seed_demo_experts(session)
            await session.commit()
            return added
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="alga-experts", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    args = parser.parse_args(argv)
    settings = ExpertsSettings()

    if args.command == "migrate":
        migrations.upgrade(alembic_ini(), settings.database_url)
        return 0
    if args.command == "seed":
        if not settings.seeds_demo_experts:
            print("experts seed: nothing to do (no demo experts in production; EXPERTS_SEED_DEMO_EXPERTS=1 forces)")
            return 0
        added = asyncio.run(_seed(settings))
        print(f"experts seed: {added} demo experts added")
        return 0
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
