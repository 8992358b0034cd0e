"""`alga-identity`: operator commands for the identity service.

alga-identity migrate                      apply the migrations (IDENTITY_DATABASE_URL)
alga-identity seed                         organisations; demo accounts when ALGA_DEMO=1
alga-identity create-admin --email E --full-name N [--country MA]
                                           password from ALGA_ADMIN_PASSWORD, else asked
alga-identity rotate-keys                  new signing key; old tokens stay valid until expiry
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from common import migrations
from common.db import Database
from identity import seed
from identity.passwords import password_problem
from identity.settings import IdentitySettings
from identity.signing_key.service import rotate
from identity.user.models import Role

T = TypeVar("T")


def alembic_ini() -> Path:
    """services/identity/alembic.ini: next to the sources in a checkout, or under the working
    directory in an installed image (the Dockerfile copies services/identity/ there)."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "alembic.ini",
        Path.cwd() / "services" / "identity" / "alembic.ini",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("alembic.ini of identity not found; run from the repository or image root")


async def _with_session(settings: IdentitySettings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    database = Database(settings.database_url)
    try:
        async with database.session() as session:
            result = await work(session)
            await session.commit()
            return result
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="alga-identity", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    admin = sub.add_parser("create-admin")
    admin.add_argument("--email", required=True)
    admin.add_argument("--full-name", required=True)
    admin.add_argument("--country", default="MA")
    sub.add_parser("rotate-keys")
    args = parser.parse_args(argv)
    settings = IdentitySettings()

    if args.command == "migrate":
        migrations.upgrade(alembic_ini(), settings.database_url)
        return 0
    if args.command == "seed":

        async def do_seed(session: AsyncSession) -> int:
            added = await seed.seed_organisations(session)
            if settings.demo:
                if settings.env == "production":
                    raise SystemExit("Demo accounts are never created in production (ALGA_ENV=production).")
                if settings.demo_password is None:
                    raise SystemExit("ALGA_DEMO=1 needs ALGA_DEMO_PASSWORD.")
                await seed.seed_demo_accounts(session, settings.demo_password.get_secret_value())
            return added

        added = asyncio.run(_with_session(settings, do_seed))
        print(f"identity seed: {added} organisations added" + (", demo accounts ready" if settings.demo else ""))
        return 0
    if args.command == "create-admin":
        password = os.environ.get("ALGA_ADMIN_PASSWORD") or getpass.getpass("Password for the admin: ")
        problem = password_problem(password, user_inputs=[args.email, args.full_name])
        if problem:
            print(problem, file=sys.stderr)
            return 2
        asyncio.run(
            _with_session(
                settings,
                lambda s: seed.ensure_account(
                    s,
                    email=args.email,
                    full_name=args.full_name,
                    password=password,
                    roles=[Role.admin],
                    country=args.country.upper(),
                    reset_password=True,
                ),
            )
        )
        print(f"{args.email} is an admin.")
        return 0
    if args.command == "rotate-keys":
        key = asyncio.run(
            _with_session(settings, lambda s: rotate(s, settings.key_encryption_secret.get_secret_value()))
        )
        print(f"new signing key {key.kid}")
        return 0
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
