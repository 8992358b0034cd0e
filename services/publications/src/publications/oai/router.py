from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Query, Request, Response

from common.db import DBSession
from publications.dependencies import Settings
from publications.oai import xml
from publications.oai.protocol import OAIError, OAIRequest, parse
from publications.oai.service import Harvest, response

router = APIRouter(tags=["oai-pmh"])

MEDIA_TYPE = "text/xml; charset=utf-8"
_XML_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"description": "An OAI-PMH 2.0 document (errors too)", "content": {"text/xml": {}}}
}
_FORM_BODY = {
    "requestBody": {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        name: {"type": "string"}
                        for name in ("verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken")
                    },
                }
            }
        }
    }
}


async def _answer(pairs: list[tuple[str, str]], session: DBSession, settings: Settings) -> Response:
    request: OAIRequest | None = None
    error: OAIError | None = None
    try:
        request = parse(pairs)
    except OAIError as exc:
        error = exc
    harvest = Harvest(session, settings)
    root = response(settings.oai_base_url, request, error)
    if request is not None:
        try:
            await harvest.answer(request, root)
        except OAIError as exc:
            # Errors replace the verb's element, and the request echo follows the spec's rule.
            error = exc
            root = response(settings.oai_base_url, request, error)
    if error is not None:
        xml.error(root, error.code, error.message)
    return Response(xml.serialise(root), media_type=MEDIA_TYPE)


@router.get("/oai", response_class=Response, responses=_XML_RESPONSE, summary="OAI-PMH 2.0")
async def oai_get(
    request: Request,
    session: DBSession,
    settings: Settings,
    verb: Annotated[str | None, Query(description="Identify, ListMetadataFormats, ListSets, GetRecord, …")] = None,
    identifier: str | None = None,
    metadataPrefix: str | None = None,
    from_: Annotated[str | None, Query(alias="from")] = None,
    until: str | None = None,
    set_: Annotated[str | None, Query(alias="set")] = None,
    resumptionToken: str | None = None,
) -> Response:
    """Public: the OAI-PMH 2.0 endpoint, `oai_dc` metadata, sets per type (`type:policy_brief`) and
    per theme (`theme:local_finance`), stateless resumption tokens. Withdrawn records are deleted
    records. Errors are OAI-PMH errors (`<error code="badArgument">`), with HTTP 200."""
    return await _answer(request.query_params.multi_items(), session, settings)


@router.post(
    "/oai",
    response_class=Response,
    responses=_XML_RESPONSE,
    summary="OAI-PMH 2.0 (form POST)",
    openapi_extra=_FORM_BODY,
)
async def oai_post(request: Request, session: DBSession, settings: Settings) -> Response:
    """Public: the same requests as GET, sent as application/x-www-form-urlencoded."""
    body = (await request.body()).decode("utf-8", "replace")
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        body = ""
    return await _answer(parse_qsl(body, keep_blank_values=True), session, settings)
