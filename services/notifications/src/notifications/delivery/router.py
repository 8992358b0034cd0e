from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from common.db import DBSession
from common.pagination import Page, Pagination
from common.security import StaffPrincipal
from notifications.delivery import service
from notifications.delivery.schemas import DeliveryRead
from notifications.notification.models import Status

router = APIRouter(prefix="/deliveries", tags=["deliveries"])


@router.get("", response_model=Page[DeliveryRead], summary="E-mails by delivery status")
async def list_deliveries(
    session: DBSession,
    principal: StaffPrincipal,
    page: Pagination,
    status: Literal["pending", "sent", "failed"] = "failed",
) -> Page[DeliveryRead]:
    """Coordinators and admins: e-mails that failed (default), are waiting (`pending`) or went out (`sent`)."""
    rows, total = await service.list_deliveries(session, status=Status(status), params=page)
    return Page(items=[DeliveryRead.of(r) for r in rows], total=total, limit=page.limit, offset=page.offset)


@router.post("/{delivery_id}/retry", response_model=DeliveryRead, summary="Send a failed e-mail again")
async def retry(delivery_id: str, session: DBSession, principal: StaffPrincipal) -> DeliveryRead:
    """Coordinators and admins, after fixing what made it fail (the address, the SMTP settings)."""
    return DeliveryRead.of(await service.retry(session, notification_id=delivery_id))
