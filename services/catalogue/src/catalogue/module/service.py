"""Modules of a programme: ordered units with hours and a delivery mode."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from catalogue.module.models import Module
from catalogue.module.schemas import ModuleCreate, ModuleRead, ModuleUpdate
from catalogue.programme.models import Programme
from catalogue.schemas import variants
from catalogue.session.models import CourseSession
from catalogue.timeutil import utcnow
from common.errors import Conflict, NotFound
from common.i18n import Lang, pick


async def of_programme(session: AsyncSession, programme_id: str) -> list[Module]:
    rows = await session.execute(
        select(Module).where(col(Module.programme_id) == programme_id).order_by(col(Module.position), col(Module.id))
    )
    return list(rows.scalars())


async def get(session: AsyncSession, programme: Programme, module_id: str) -> Module:
    module = await session.get(Module, module_id)
    if module is None or module.programme_id != programme.id:
        raise NotFound("This programme has no module with this id.")
    return module


def _renumber(modules: list[Module]) -> None:
    for position, module in enumerate(modules, start=1):
        module.position = position


async def create(session: AsyncSession, *, programme: Programme, data: ModuleCreate) -> Module:
    modules = await of_programme(session, programme.id)
    module = Module(
        programme_id=programme.id,
        title=variants(data.title),
        summary=variants(data.summary),
        hours=data.hours,
        delivery_mode=data.delivery_mode.value,
    )
    index = len(modules) if data.position is None else min(data.position - 1, len(modules))
    modules.insert(index, module)
    _renumber(modules)
    session.add(module)
    await session.flush()
    return module


async def update(session: AsyncSession, *, module: Module, data: ModuleUpdate) -> list[str]:
    """Apply the fields sent; returns the names of those that changed."""
    changed: list[str] = []
    fields = data.model_fields_set
    for name in ("title", "summary"):
        if name in fields:
            value = variants(getattr(data, name))
            if name == "title" and not value:
                continue  # a title cannot be removed (the schema refuses an empty one)
            if value != getattr(module, name):
                setattr(module, name, value)
                changed.append(name)
    if "hours" in fields and data.hours != module.hours:
        module.hours = data.hours
        changed.append("hours")
    if "delivery_mode" in fields and data.delivery_mode is not None and data.delivery_mode != module.delivery_mode:
        module.delivery_mode = data.delivery_mode.value
        changed.append("delivery_mode")
    if "position" in fields and data.position is not None and data.position != module.position:
        modules = [m for m in await of_programme(session, module.programme_id) if m.id != module.id]
        modules.insert(min(data.position - 1, len(modules)), module)
        _renumber(modules)
        changed.append("position")
    if changed:
        module.updated_at = utcnow()
    await session.flush()
    return changed


async def delete(session: AsyncSession, *, module: Module) -> None:
    used = (
        await session.execute(
            select(func.count()).select_from(CourseSession).where(col(CourseSession.module_id) == module.id)
        )
    ).scalar_one()
    if used:
        raise Conflict(f"{used} session(s) run this module: move or delete them first.")
    programme_id = module.programme_id
    await session.delete(module)
    await session.flush()
    _renumber(await of_programme(session, programme_id))
    await session.flush()


def to_read(module: Module, lang: Lang) -> ModuleRead:
    return ModuleRead(
        id=module.id,
        programme_id=module.programme_id,
        position=module.position,
        title=pick(module.title, lang.code),
        summary=pick(module.summary, lang.code),
        hours=module.hours,
        delivery_mode=module.delivery_mode,
        lang=lang.code,
        translations={"title": module.title, "summary": module.summary} if lang.all_variants else None,
    )
