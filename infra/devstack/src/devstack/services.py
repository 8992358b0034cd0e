"""The services the local stack runs. A new service joins by adding one line here.

Convention every service follows: `<name>.main:app` is its ASGI app, and `python -m <name>.cli`
offers `migrate` (Alembic upgrade head) and `seed` (idempotent starting data).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceSpec:
    name: str

    @property
    def app(self) -> str:
        return f"{self.name}.main:app"

    @property
    def cli(self) -> str:
        return f"{self.name}.cli"

    @property
    def env_prefix(self) -> str:
        return self.name.upper()


SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec("identity"),
    ServiceSpec("catalogue"),
    ServiceSpec("enrollment"),
    ServiceSpec("experts"),
    ServiceSpec("publications"),
    ServiceSpec("notifications"),
)
