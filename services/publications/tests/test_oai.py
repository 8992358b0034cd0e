"""OAI-PMH 2.0, checked with a real harvester (oaipmh-scythe) over real HTTP against the service in a
uvicorn server: full harvests through resumption tokens, sets, date ranges, deleted records, and
each error condition of the protocol."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from lxml import etree
from oaipmh_scythe import Scythe
from oaipmh_scythe.exceptions import (
    BadArgument,
    BadResumptionToken,
    BadVerb,
    CannotDisseminateFormat,
    IdDoesNotExist,
    NoRecordsMatch,
)
from oaipmh_scythe.iterator import OAIResponseIterator
from sqlalchemy import update
from sqlmodel import col

from common.db import Database
from common.testing import TokenFactory
from publications.oai.protocol import Cursor, encode_token
from publications.record import service
from publications.record.models import Record
from publications.record.schemas import RecordAction, RecordCreate
from publications.settings import PublicationsSettings

from .conftest import REPOSITORY, in_thread, record_body, serving

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
START = datetime(2025, 1, 1, tzinfo=UTC)
TYPES = ["policy_brief", "report", "book", "toolkit"]
THEMES = ["local_finance", "participatory_budgeting", "spatial_planning"]


@pytest.fixture
def oai_settings(settings: PublicationsSettings) -> PublicationsSettings:
    return settings.model_copy(update={"oai_repository_identifier": REPOSITORY})


async def build(
    db: Database, settings: PublicationsSettings, published: int, withdrawn: int, drafts: int
) -> list[Record]:
    """Records whose datestamps are START + i hours (i = their index), in one transaction."""
    made: list[Record] = []
    async with db.session() as session:
        for i in range(published + withdrawn + drafts):
            body = record_body(
                type=TYPES[i % 4],
                themes=[THEMES[i % 3]] + (["local_hr_management"] if i % 10 == 0 else []),
                title={"fr": f"Note n° {i} sur l'économie locale", "en": f"Brief no. {i} on local economy"},
                doi=f"10.5555/alga.oai.{i}",
            )
            record = await service.create(session, data=RecordCreate.model_validate(body), by="test")
            if i < published + withdrawn:
                await service.transition(
                    session, record=record, action=RecordAction.publish, reason=None, by="test", settings=settings
                )
            if published <= i < published + withdrawn:
                await service.transition(
                    session, record=record, action=RecordAction.withdraw, reason="Test", by="test", settings=settings
                )
            if record.datestamp is not None:
                await session.execute(
                    update(Record).where(col(Record.key) == record.key).values(datestamp=START + timedelta(hours=i))
                )
            made.append(record)
        await session.commit()
    return made


def identifier(record: Record) -> str:
    return f"oai:{REPOSITORY}:{record.id}"


async def test_full_harvest_with_resumption_tokens(
    db: Database, oai_settings: PublicationsSettings, token_factory: TokenFactory
) -> None:
    records = await build(db, oai_settings, published=260, withdrawn=5, drafts=3)
    with serving(oai_settings, token_factory) as base:

        def harvest() -> dict[str, Any]:
            with Scythe(f"{base}/oai", iterator=OAIResponseIterator) as scythe:
                pages = list(scythe.list_records(metadata_prefix="oai_dc"))
            with Scythe(f"{base}/oai") as scythe:
                items = list(scythe.list_records(metadata_prefix="oai_dc"))
                identifiers = list(scythe.list_identifiers(metadata_prefix="oai_dc", ignore_deleted=True))
                theme = list(scythe.list_identifiers(metadata_prefix="oai_dc", set_="theme:local_finance"))
                themed = list(scythe.list_identifiers(metadata_prefix="oai_dc", set_="theme"))
                reports = list(scythe.list_records(metadata_prefix="oai_dc", set_="type:report"))
                days = list(scythe.list_identifiers(metadata_prefix="oai_dc", from_="2025-01-02", until="2025-01-03"))
                hours = list(
                    scythe.list_identifiers(
                        metadata_prefix="oai_dc", from_="2025-01-01T05:00:00Z", until="2025-01-01T09:00:00Z"
                    )
                )
                since = list(scythe.list_identifiers(metadata_prefix="oai_dc", from_="2025-01-11T00:00:00Z"))
            return locals()

        got = await in_thread(harvest)

    # Three pages of 100, 100 and 65, each with completeListSize and cursor; the last token is empty.
    tokens = [page.xml.find(f".//{OAI}resumptionToken") for page in got["pages"]]
    assert [len(page.xml.findall(f".//{OAI}record")) for page in got["pages"]] == [100, 100, 65]
    assert [(t.get("completeListSize"), t.get("cursor")) for t in tokens] == [
        ("265", "0"),
        ("265", "100"),
        ("265", "200"),
    ]
    assert tokens[0].text and tokens[1].text and not tokens[2].text

    items = got["items"]
    by_id = {identifier(r): r for r in records}
    assert len(items) == 265 and len({i.header.identifier for i in items}) == 265
    assert {i.header.identifier for i in items} == {identifier(r) for r in records[:265]}  # never a draft
    deleted = [i for i in items if i.deleted]
    assert {i.header.identifier for i in deleted} == {identifier(r) for r in records[260:265]}
    assert all(i.xml.find(f"{OAI}metadata") is None for i in deleted)  # a deleted record has a header only
    sample = next(i for i in items if i.header.identifier == identifier(records[7]))
    assert sample.metadata["title"] == ["Note n° 7 sur l'économie locale", "Brief no. 7 on local economy"]
    assert "https://doi.org/10.5555/alga.oai.7" in sample.metadata["identifier"]
    assert sample.header.datestamp == "2025-01-01T07:00:00Z"
    assert sample.header.setSpecs == ["type:toolkit", "theme:participatory_budgeting"]
    assert [i.header.identifier for i in items] == [identifier(r) for r in records[:265]]  # datestamp order
    assert all(by_id[i.header.identifier].status != "draft" for i in items)

    assert len(got["identifiers"]) == 260  # ignore_deleted
    expected_theme = [r for r in records[:265] if "local_finance" in r.themes]
    assert len(got["theme"]) == len(expected_theme) == 89
    assert len(got["themed"]) == 265
    assert len(got["reports"]) == len([r for r in records[:265] if r.type == "report"]) == 66
    assert len(got["days"]) == 48  # 2025-01-02 and 2025-01-03, whole days, hour by hour
    assert [h.identifier for h in got["hours"]] == [identifier(r) for r in records[5:10]]
    assert len(got["since"]) == 265 - 240


def xml_of(response: httpx.Response) -> etree._Element:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    root: etree._Element = etree.fromstring(response.content)
    assert root.tag == f"{OAI}OAI-PMH"
    assert root.get(f"{XSI}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )
    return root


def error_code(response: httpx.Response) -> str:
    root = xml_of(response)
    errors = root.findall(f"{OAI}error")
    assert len(errors) == 1, response.text
    return str(errors[0].get("code"))


async def test_each_bad_request_gets_its_oai_error(
    db: Database, oai_settings: PublicationsSettings, token_factory: TokenFactory
) -> None:
    records = await build(db, oai_settings, published=3, withdrawn=0, drafts=1)
    draft = records[3]
    listing_token = encode_token(
        Cursor("ListIdentifiers", None, None, "2030-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00", 1, 1, 3)
    )
    cases: list[tuple[str, str]] = [
        ("", "badVerb"),
        ("verb=Explode", "badVerb"),
        ("verb=Identify&verb=ListSets", "badVerb"),
        ("verb=Identify&set=theme", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&colour=blue", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-13-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=01/01/2025", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-02-01T00:00:00Z", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-01&until=2025-01-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&set=not a set", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument"),
        ("verb=ListRecords&metadataPrefix=", "badArgument"),
        ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&resumptionToken=garbage", "badResumptionToken"),
        ("verb=ListRecords&resumptionToken=" + listing_token[:-1] + "0", "badResumptionToken"),
        ("verb=ListRecords&resumptionToken=" + listing_token, "badResumptionToken"),  # another verb's token
        ("verb=ListSets&resumptionToken=anything", "badResumptionToken"),
        ("verb=ListRecords&metadataPrefix=marcxml", "cannotDisseminateFormat"),
        (f"verb=GetRecord&metadataPrefix=mods&identifier={identifier(records[0])}", "cannotDisseminateFormat"),
        (f"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:{records[0].id}", "idDoesNotExist"),
        (f"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(draft)}", "idDoesNotExist"),
        (f"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:{REPOSITORY}:not-a-uuid", "idDoesNotExist"),
        (f"verb=ListMetadataFormats&identifier=oai:{REPOSITORY}:{draft.id}", "idDoesNotExist"),
        ("verb=ListRecords&metadataPrefix=oai_dc&set=theme:astrology", "noRecordsMatch"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme:local_hr_management&from=2025-01-02", "noRecordsMatch"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01", "noRecordsMatch"),
    ]
    with serving(oai_settings, token_factory) as base:
        async with httpx.AsyncClient(base_url=base) as http:
            for query, code in cases:
                response = await http.get(f"/oai?{query}")
                assert error_code(response) == code, query
                request = xml_of(response).find(f"{OAI}request")
                assert request is not None and request.text == oai_settings.oai_base_url
                if code in ("badVerb", "badArgument"):
                    assert dict(request.attrib) == {}, query  # the spec: no echo of a bad request
                # The same request as a form POST gets the same answer.
                posted = await http.post(
                    "/oai", content=query.encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
                )
                assert error_code(posted) == code, query

        def with_harvester() -> None:
            with Scythe(f"{base}/oai") as scythe:
                for call, exception in [
                    (lambda: list(scythe.list_records(from_="2025-13-01")), BadArgument),
                    (lambda: list(scythe.list_records(metadata_prefix="marcxml")), CannotDisseminateFormat),
                    (lambda: list(scythe.list_records(set_="type:encyclopedia")), NoRecordsMatch),
                    (lambda: list(scythe.list_records(resumption_token="x.y")), BadResumptionToken),
                    (lambda: scythe.get_record(identifier="oai:x:y", metadata_prefix="oai_dc"), IdDoesNotExist),
                    (lambda: scythe.harvest({"verb": "Harvest"}), BadVerb),
                ]:
                    with pytest.raises(exception):
                        call()

        await in_thread(with_harvester)


async def test_identify_sets_formats_and_one_record(
    db: Database, oai_settings: PublicationsSettings, token_factory: TokenFactory
) -> None:
    records = await build(db, oai_settings, published=2, withdrawn=1, drafts=0)
    with serving(oai_settings, token_factory) as base:

        def ask() -> dict[str, Any]:
            with Scythe(f"{base}/oai") as scythe:
                identify = scythe.identify()
                sets = {s.setSpec: s.setName for s in scythe.list_sets()}
                formats = list(scythe.list_metadata_formats(identifier=identifier(records[0])))
                one = scythe.get_record(identifier=identifier(records[0]), metadata_prefix="oai_dc")
                gone = scythe.get_record(identifier=identifier(records[2]), metadata_prefix="oai_dc")
            return locals()

        got = await in_thread(ask)
        async with httpx.AsyncClient(base_url=base) as http:
            raw = xml_of(
                await http.get(
                    "/oai",
                    params={"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": identifier(records[0])},
                )
            )
            posted = xml_of(await http.post("/oai", data={"verb": "Identify"}))

    identify = got["identify"]
    assert identify.baseURL == oai_settings.oai_base_url == "https://campus.example.org/api/publications/oai"
    assert identify.protocolVersion == "2.0"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.deletedRecord == "persistent"
    assert identify.earliestDatestamp == "2025-01-01T00:00:00Z"
    assert posted.find(f"{OAI}Identify/{OAI}repositoryName") is not None

    sets = got["sets"]
    assert len(sets) == 2 + 8 + 18
    assert sets["type:policy_brief"] == "Policy brief / Note d'orientation"
    assert sets["theme:local_finance"] == "Local finance / Finances locales"
    assert [f.metadataPrefix for f in got["formats"]] == ["oai_dc"]
    assert got["formats"][0].schema == "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

    one = got["one"]
    assert one.header.identifier == identifier(records[0]) and not one.deleted
    assert one.metadata["creator"] == ["Aminata Diallo"]
    assert one.metadata["date"] == ["2024-05-12"] and one.metadata["language"] == ["fr"]
    assert one.metadata["rights"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert "Text" in one.metadata["type"] and "Policy brief" in one.metadata["type"]
    assert got["gone"].deleted and got["gone"].header.datestamp == "2025-01-01T02:00:00Z"

    dc = raw.find(".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc")
    assert dc is not None
    assert dc.get(f"{XSI}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    titles = {t.get("{http://www.w3.org/XML/1998/namespace}lang"): t.text for t in dc.findall(f"{DC}title")}
    assert titles == {"fr": "Note n° 0 sur l'économie locale", "en": "Brief no. 0 on local economy"}
    request = raw.find(f"{OAI}request")
    assert request is not None and request.get("verb") == "GetRecord" and request.get("metadataPrefix") == "oai_dc"
