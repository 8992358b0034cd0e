"""Offset pagination: `?limit=&offset=` in, `{"items", "total", "limit", "offset"}` out."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

MAX_LIMIT = 100


class PageParams(BaseModel):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` one in its thread pool,
# two thread switches per request for nothing.
async def _page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 20,
    offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


Pagination = Annotated[PageParams, Depends(_page_params)]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


async def paginate(session: AsyncSession, query: Select[Any], params: PageParams) -> tuple[list[Any], int]:
    """Rows of one page and the total count, both computed in the database."""
    total = (await session.execute(select(func.count()).select_from(query.order_by(None).subquery()))).scalar_one()
    rows = (await session.execute(query.limit(params.limit).offset(params.offset))).scalars().all()
    return list(rows), int(total)
