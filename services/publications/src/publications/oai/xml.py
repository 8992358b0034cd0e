"""OAI-PMH documents, built with lxml: UTF-8, the protocol's namespaces and schema locations."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from publications.oai.protocol import format_datestamp
from publications.timeutil import aware, utcnow

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Characters XML 1.0 cannot carry at all (a control character pasted into an abstract).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: Any) -> str:
    return _NOT_XML.sub("", str(text))


def sub(parent: etree._Element, tag: str, text: Any = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: _clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def envelope(base_url: str, arguments: dict[str, str] | None) -> etree._Element:
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} {OAI_SCHEMA}")
    sub(root, f"{{{OAI}}}responseDate", format_datestamp(utcnow()))
    sub(root, f"{{{OAI}}}request", base_url, **(arguments or {}))
    return root


def error(root: etree._Element, code: str, message: str) -> None:
    sub(root, f"{{{OAI}}}error", message, code=code)


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=False)


def header(parent: etree._Element, *, identifier: str, datestamp: Any, sets: list[str], deleted: bool) -> None:
    element = sub(parent, f"{{{OAI}}}header", **({"status": "deleted"} if deleted else {}))
    sub(element, f"{{{OAI}}}identifier", identifier)
    sub(element, f"{{{OAI}}}datestamp", format_datestamp(aware(datestamp)))
    for spec in sets:
        sub(element, f"{{{OAI}}}setSpec", spec)


def dublin_core(parent: etree._Element, fields: list[tuple[str, str, str | None]]) -> None:
    """`<oai_dc:dc>` with (element, value, xml:lang or None) in order."""
    metadata = sub(parent, f"{{{OAI}}}metadata")
    dc = etree.SubElement(metadata, f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {OAI_DC_SCHEMA}")
    for name, value, language in fields:
        element = sub(dc, f"{{{DC}}}{name}", value)
        if language:
            element.set(XML_LANG, language)


def oai_identifier_description(parent: etree._Element, *, repository_identifier: str, sample: str) -> None:
    description = sub(parent, f"{{{OAI}}}description")
    ident = etree.SubElement(
        description, f"{{{OAI_IDENTIFIER}}}oai-identifier", nsmap={None: OAI_IDENTIFIER, "xsi": XSI}
    )
    ident.set(f"{{{XSI}}}schemaLocation", f"{OAI_IDENTIFIER} {OAI_IDENTIFIER_SCHEMA}")
    sub(ident, f"{{{OAI_IDENTIFIER}}}scheme", "oai")
    sub(ident, f"{{{OAI_IDENTIFIER}}}repositoryIdentifier", repository_identifier)
    sub(ident, f"{{{OAI_IDENTIFIER}}}delimiter", ":")
    sub(ident, f"{{{OAI_IDENTIFIER}}}sampleIdentifier", sample)
