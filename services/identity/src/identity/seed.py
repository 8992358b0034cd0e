"""Data a fresh install starts with: organisations, and in demo mode one account per role.

Idempotent: running it again changes nothing. Separate from the migrations (schema only).
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from identity.organisation.models import Organisation, OrganisationKind
from identity.passwords import hash_password
from identity.user import service as users
from identity.user.models import Role, User, UserRole

log = logging.getLogger("identity.seed")

ORGANISATIONS = [
    ("CGLU-Afrique / UCLG Africa", OrganisationKind.other, "MA"),
    ("Université Cadi Ayyad", OrganisationKind.university, "MA"),
    (
        "Association Marocaine des Présidents des Conseils Communaux (AMPCC)",
        OrganisationKind.national_association,
        "MA",
    ),
    ("South African Local Government Association (SALGA)", OrganisationKind.national_association, "ZA"),
    ("Union des Associations d'Élus Locaux du Sénégal (UAEL)", OrganisationKind.national_association, "SN"),
    ("Association Nationale des Communes du Bénin (ANCB)", OrganisationKind.national_association, "BJ"),
    ("Uganda Local Governments Association (ULGA)", OrganisationKind.national_association, "UG"),
    ("Council of Governors", OrganisationKind.national_association, "KE"),
    ("Ville de Dakar", OrganisationKind.local_government, "SN"),
    ("Commune de Marrakech", OrganisationKind.local_government, "MA"),
    ("City of Johannesburg", OrganisationKind.local_government, "ZA"),
    ("Kampala Capital City Authority", OrganisationKind.local_government, "UG"),
    ("District d'Abidjan", OrganisationKind.local_government, "CI"),
    ("Nairobi City County", OrganisationKind.local_government, "KE"),
]

#: Partners of the academy named in the seed document (the 2018 framework agreement).
PARTNERS = {("Université Cadi Ayyad", "MA")}

#: Seeded organisations get ids made from their name and country, the same on every install, so
#: that other services' seeds can name them (catalogue's programmes name their partner
#: institutions) without asking identity. Organisations created later get random ids.
SEED_NAMESPACE = uuid.UUID("5d3b0e4c-6f1a-4b8e-9a57-2c1d7e0f4a10")


def seeded_organisation_id(name: str, country: str) -> str:
    return str(uuid.uuid5(SEED_NAMESPACE, f"{country}:{name}"))


DEMO_ACCOUNTS = [
    ("admin@example.org", "Amina Admin", Role.admin, "MA"),
    ("coordinator@example.org", "Kofi Coordinator", Role.coordinator, "GH"),
    ("learner@example.org", "Fatou Learner", Role.learner, "SN"),
    ("expert@example.org", "Jean Expert", Role.expert, "CM"),
]


async def seed_organisations(session: AsyncSession) -> int:
    rows = await session.execute(select(col(Organisation.name), col(Organisation.country)))
    existing = {(name, country) for name, country in rows.all()}
    added = 0
    for name, kind, country in ORGANISATIONS:
        if (name, country) not in existing:
            # A partner only when first added: running the seed again never undoes a coordinator's choice.
            session.add(
                Organisation(
                    id=seeded_organisation_id(name, country),
                    name=name,
                    kind=kind.value,
                    country=country,
                    is_partner=(name, country) in PARTNERS,
                )
            )
            added += 1
    await session.flush()
    return added


async def ensure_account(
    session: AsyncSession,
    *,
    email: str,
    full_name: str,
    password: str,
    roles: list[Role],
    country: str,
    reset_password: bool = False,
) -> User:
    """Create the account, or give an existing one the roles (and, if asked, the password)."""
    user = await users.by_email(session, email)
    if user is None:
        user = User(
            email=email.lower(),
            password_hash=hash_password(password),
            full_name=full_name,
            country=country,
            preferred_language="fr",
        )
        session.add(user)
        await session.flush()
    elif reset_password:
        user.password_hash = hash_password(password)
        session.add(user)
    current = set(await users.roles_of(session, user.id))
    for role in {Role.learner, *roles}:
        if role not in current:
            session.add(UserRole(user_id=user.id, role=role.value))
    await session.flush()
    return user


async def seed_demo_accounts(session: AsyncSession, password: str) -> None:
    for email, name, role, country in DEMO_ACCOUNTS:
        await ensure_account(
            session, email=email, full_name=name, password=password, roles=[role], country=country, reset_password=True
        )
