"""Small database helpers that differ by backend."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


async def insert_ignore(db: AsyncSession, model: Any, values: dict[str, Any], index_elements: list[str]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: two requests creating the same row never fail each other."""
    bind = db.bind
    dialect = bind.dialect.name if bind is not None else "sqlite"
    module: Any = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(model).values(**values).on_conflict_do_nothing(index_elements=index_elements)
    await db.execute(statement)


def pin(db: AsyncSession, obj: Any) -> Any:
    """Keep `obj` in the session's identity map until the session ends (the map holds clean objects
    weakly): a later `db.get` of it in the same request costs no query."""
    db.info.setdefault("enrollment_pinned", []).append(obj)
    return obj
