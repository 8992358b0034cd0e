"""The six OAI-PMH verbs over the library, with `oai_dc` (Dublin Core) as the metadata format.

Identifiers are `oai:<repository identifier>:<record id>`. Sets: `type`, `type:<record type>`,
`theme`, `theme:<theme code>`. A withdrawn record stays harvestable as a deleted record
(`<header status="deleted">`, deletedRecord=persistent); drafts never appear. Datestamps are the
last change the public saw (publication, a published edit, withdrawal), to the second.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lxml import etree
from sqlalchemy.ext.asyncio import AsyncSession

from publications.file.models import RecordFile
from publications.identifiers import doi_url
from publications.oai import repository, xml
from publications.oai.protocol import (
    METADATA_PREFIX,
    SET_SPEC,
    Cursor,
    OAIError,
    OAIRequest,
    date_range,
    decode_token,
    encode_token,
    format_datestamp,
)
from publications.oai.xml import OAI
from publications.record import service as records
from publications.record.models import Record
from publications.settings import PublicationsSettings
from publications.timeutil import aware, utcnow
from publications.vocabulary import LICENCES, TYPE_LABELS, theme_label

#: Dublin Core's type vocabulary (DCMI Type) for each record type.
DCMI_TYPES = {"video": "MovingImage", "presentation": "Text"}


class Harvest:
    def __init__(self, session: AsyncSession, settings: PublicationsSettings) -> None:
        self.session = session
        self.settings = settings
        self.prefix = f"oai:{settings.oai_repository_identifier}:"

    def identifier(self, record: Record) -> str:
        return self.prefix + record.id

    async def answer(self, request: OAIRequest, root: etree._Element) -> None:
        handler = {
            "Identify": self.identify,
            "ListMetadataFormats": self.list_metadata_formats,
            "ListSets": self.list_sets,
            "GetRecord": self.get_record,
            "ListIdentifiers": self.list_items,
            "ListRecords": self.list_items,
        }[request.verb]
        await handler(request, root)

    # -- verbs --------------------------------------------------------------------------------

    async def identify(self, request: OAIRequest, root: etree._Element) -> None:
        earliest = await repository.earliest_datestamp(self.session)
        element = xml.sub(root, f"{{{OAI}}}Identify")
        xml.sub(element, f"{{{OAI}}}repositoryName", self.settings.oai_repository_name)
        xml.sub(element, f"{{{OAI}}}baseURL", self.settings.oai_base_url)
        xml.sub(element, f"{{{OAI}}}protocolVersion", "2.0")
        xml.sub(element, f"{{{OAI}}}adminEmail", self.settings.oai_admin_email)
        xml.sub(
            element,
            f"{{{OAI}}}earliestDatestamp",
            format_datestamp(aware(earliest)) if earliest else "2018-01-01T00:00:00Z",
        )
        xml.sub(element, f"{{{OAI}}}deletedRecord", "persistent")
        xml.sub(element, f"{{{OAI}}}granularity", "YYYY-MM-DDThh:mm:ssZ")
        xml.oai_identifier_description(
            element,
            repository_identifier=self.settings.oai_repository_identifier,
            sample=self.prefix + "3f2a9c1d-6b0e-4a55-9d7c-1e2f3a4b5c6d",
        )

    async def list_metadata_formats(self, request: OAIRequest, root: etree._Element) -> None:
        if "identifier" in request.arguments:
            await self._record(request.arguments["identifier"])
        formats = xml.sub(root, f"{{{OAI}}}ListMetadataFormats")
        fmt = xml.sub(formats, f"{{{OAI}}}metadataFormat")
        xml.sub(fmt, f"{{{OAI}}}metadataPrefix", METADATA_PREFIX)
        xml.sub(fmt, f"{{{OAI}}}schema", xml.OAI_DC_SCHEMA)
        xml.sub(fmt, f"{{{OAI}}}metadataNamespace", xml.OAI_DC)

    async def list_sets(self, request: OAIRequest, root: etree._Element) -> None:
        if "resumptionToken" in request.arguments:
            # The set list is short and sent whole: no token of ours can be pending.
            raise OAIError("badResumptionToken", "ListSets is answered in one response; there is nothing to resume.")
        element = xml.sub(root, f"{{{OAI}}}ListSets")
        for spec, name in repository.set_specs():
            item = xml.sub(element, f"{{{OAI}}}set")
            xml.sub(item, f"{{{OAI}}}setSpec", spec)
            xml.sub(item, f"{{{OAI}}}setName", name)

    async def get_record(self, request: OAIRequest, root: etree._Element) -> None:
        _check_prefix(request.arguments["metadataPrefix"])
        record = await self._record(request.arguments["identifier"])
        files = await records.files_of(self.session, [record.id])
        element = xml.sub(root, f"{{{OAI}}}GetRecord")
        self._write_record(element, record, files[record.id])

    async def list_items(self, request: OAIRequest, root: etree._Element) -> None:
        arguments = request.arguments
        with_metadata = request.verb == "ListRecords"
        if "resumptionToken" in arguments:
            cursor = decode_token(arguments["resumptionToken"], request.verb)
        else:
            cursor = await self._first_cursor(request.verb, arguments)
        set_cond = repository.set_condition(cursor.set) if cursor.set else None
        if cursor.set and set_cond is None:
            raise OAIError("badResumptionToken", "The set of this resumption token no longer exists.")
        lower = datetime.fromisoformat(cursor.lower) if cursor.lower else None
        upper = datetime.fromisoformat(cursor.upper)
        after = (
            (datetime.fromisoformat(cursor.after_datestamp), cursor.after_key)
            if cursor.after_datestamp is not None and cursor.after_key is not None
            else None
        )
        size = self.settings.oai_page_size
        rows = await repository.page(
            self.session, set_cond=set_cond, lower=lower, upper=upper, after=after, limit=size + 1
        )
        more = len(rows) > size
        rows = rows[:size]
        if not rows:
            if "resumptionToken" in arguments:
                raise OAIError("badResumptionToken", "This resumption token points past the end of the list.")
            raise OAIError("noRecordsMatch", "No records match these arguments.")
        element = xml.sub(root, f"{{{OAI}}}{request.verb}")
        files = await records.files_of(self.session, [r.id for r in rows]) if with_metadata else {}
        for record in rows:
            if with_metadata:
                self._write_record(element, record, files[record.id])
            else:
                self._write_header(element, record)
        if cursor.position == 0 and not more:
            return  # the whole list fits in this response: no token at all
        attributes = {"completeListSize": str(cursor.total), "cursor": str(cursor.position)}
        if more:
            last = rows[-1]
            assert last.datestamp is not None and last.key is not None
            following = Cursor(
                verb=cursor.verb,
                set=cursor.set,
                lower=cursor.lower,
                upper=cursor.upper,
                after_datestamp=aware(last.datestamp).isoformat(),
                after_key=last.key,
                position=cursor.position + len(rows),
                total=cursor.total,
            )
            xml.sub(element, f"{{{OAI}}}resumptionToken", encode_token(following), **attributes)
        else:
            # The last page of a list sent in parts: an empty token says it is complete.
            xml.sub(element, f"{{{OAI}}}resumptionToken", **attributes)

    # -- helpers ------------------------------------------------------------------------------

    async def _first_cursor(self, verb: str, arguments: dict[str, str]) -> Cursor:
        _check_prefix(arguments["metadataPrefix"])
        lower, upper = date_range(arguments)
        spec = arguments.get("set")
        set_cond = None
        if spec is not None:
            if not SET_SPEC.match(spec):
                raise OAIError("badArgument", f"'{spec}' is not a setSpec.")
            set_cond = repository.set_condition(spec)
            if set_cond is None:
                raise OAIError("noRecordsMatch", f"There is no set '{spec}' (see ListSets).")
        # Freeze the list's end now: changes made during the harvest wait for the next one.
        now = utcnow()
        upper = min(upper, now) if upper is not None else now
        total = await repository.count(self.session, set_cond=set_cond, lower=lower, upper=upper)
        return Cursor(
            verb=verb,
            set=spec,
            lower=lower.isoformat() if lower else None,
            upper=upper.isoformat(),
            after_datestamp=None,
            after_key=None,
            position=0,
            total=total,
        )

    async def _record(self, identifier: str) -> Record:
        record = None
        if identifier.startswith(self.prefix):
            record = await repository.find(self.session, identifier[len(self.prefix) :])
        if record is None:
            raise OAIError("idDoesNotExist", f"No item has the identifier '{identifier}'.")
        return record

    def _write_header(self, parent: etree._Element, record: Record) -> None:
        xml.header(
            parent,
            identifier=self.identifier(record),
            datestamp=record.datestamp,
            sets=repository.record_sets(record),
            deleted=record.status == "withdrawn",
        )

    def _write_record(self, parent: etree._Element, record: Record, files: list[RecordFile]) -> None:
        element = xml.sub(parent, f"{{{OAI}}}record")
        self._write_header(element, record)
        if record.status != "withdrawn":
            xml.dublin_core(element, self.dublin_core(record, files))

    def dublin_core(self, record: Record, files: list[RecordFile]) -> list[tuple[str, str, str | None]]:
        fields: list[tuple[str, str, str | None]] = []
        fields += [("title", text, lang) for lang, text in record.title.items()]
        fields += [("creator", author["name"], None) for author in record.authors]
        for code in record.themes:
            fields += [("subject", theme_label(code, lang), lang) for lang in ("en", "fr")]
        for lang, words in record.keywords.items():
            fields += [("subject", word, lang) for word in words]
        fields += [("description", text, lang) for lang, text in record.abstract.items()]
        if record.publisher:
            fields.append(("publisher", record.publisher, None))
        if record.published_on:
            fields.append(("date", record.published_on.isoformat(), None))
        fields.append(("type", DCMI_TYPES.get(record.type, "Text"), None))
        fields.append(("type", TYPE_LABELS[record.type]["en"], "en"))
        fields.append(("type", TYPE_LABELS[record.type]["fr"], "fr"))
        fields += [("format", media_type, None) for media_type in dict.fromkeys(f.media_type for f in files)]
        fields.append(("identifier", self.settings.record_url(record.id), None))
        if record.doi:
            fields.append(("identifier", doi_url(record.doi), None))
        if record.isbn:
            fields.append(("identifier", f"urn:isbn:{record.isbn.replace('-', '')}", None))
        if record.url:
            fields.append(("relation", record.url, None))
        if record.container_title:
            fields.append(("source", record.container_title, None))
        fields.append(("language", record.language, None))
        licence = LICENCES.get(record.licence)
        if licence is not None:
            fields.append(("rights", licence.url or licence.label["en"], None))
        return fields


def _check_prefix(prefix: str) -> None:
    if prefix != METADATA_PREFIX:
        raise OAIError("cannotDisseminateFormat", f"Only {METADATA_PREFIX} is disseminated, not '{prefix}'.")


def response(base_url: str, request: OAIRequest | None, error: OAIError | None) -> etree._Element:
    arguments: dict[str, Any] | None = None
    if request is not None and (error is None or error.echoes_arguments):
        arguments = {"verb": request.verb, **request.arguments}
    return xml.envelope(base_url, arguments)
