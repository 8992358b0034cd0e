"""schema.org JSON-LD of a record, for search engines and aggregators (Google Scholar reads it too)."""

from __future__ import annotations

from typing import Any

from publications.identifiers import doi_url, orcid_url
from publications.record.schemas import RecordRead
from publications.record.state import RecordState
from publications.vocabulary import LICENCES, TYPE_LABELS

CONTEXT = "https://schema.org"

#: schema.org has no type for a policy brief, a toolkit or proceedings: the nearest one, with the
#: exact kind in `genre`.
SCHEMA_TYPES = {
    "book": "Book",
    "report": "Report",
    "policy_brief": "Report",
    "article": "ScholarlyArticle",
    "proceedings": "Book",
    "toolkit": "CreativeWork",
    "presentation": "PresentationDigitalDocument",
    "video": "VideoObject",
}

ACADEMY = {
    "@type": "EducationalOrganization",
    "name": "African Local Governments Academy (ALGA)",
    "alternateName": "Académie Africaine des Collectivités Territoriales",
    "parentOrganization": {"@type": "Organization", "name": "UCLG Africa / CGLU Afrique"},
}


def _person(author: dict[str, Any]) -> dict[str, Any]:
    if author.get("organisation"):
        return {"@type": "Organization", "name": author["name"]}
    person: dict[str, Any] = {"@type": "Person", "name": author["name"]}
    if author.get("family"):
        person["familyName"] = author["family"]
    if author.get("given"):
        person["givenName"] = author["given"]
    if author.get("orcid"):
        person["@id"] = orcid_url(author["orcid"])
        person["sameAs"] = orcid_url(author["orcid"])
    return person


def document(state: RecordState, read: RecordRead) -> dict[str, Any]:
    kind = SCHEMA_TYPES.get(state.type, "CreativeWork")
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": kind,
        "@id": read.page_url,
        "url": read.page_url,
        "name": read.title,
        "inLanguage": state.language,
        "genre": TYPE_LABELS[state.type]["en"],
        "sourceOrganization": ACADEMY,
    }
    others = [title for code, title in state.title.items() if title != read.title]
    if others:
        doc["alternateName"] = others
    if read.abstract:
        doc["description"] = read.abstract
    if state.published_on:
        doc["datePublished"] = state.published_on.isoformat()
    if state.authors:
        doc["author"] = [_person(a) for a in state.authors]
    if state.publisher:
        doc["publisher"] = {"@type": "Organization", "name": state.publisher}
    if read.keywords:
        doc["keywords"] = read.keywords
    if read.themes:
        doc["about"] = [{"@type": "DefinedTerm", "termCode": t.code, "name": t.label} for t in read.themes]
    licence = LICENCES.get(state.licence)
    if licence and licence.url:
        doc["license"] = licence.url
    identifiers = []
    if state.doi:
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": state.doi})
        doc["sameAs"] = doi_url(state.doi)
    if state.isbn:
        identifiers.append({"@type": "PropertyValue", "propertyID": "ISBN", "value": state.isbn})
        if kind == "Book":
            doc["isbn"] = state.isbn
    if identifiers:
        doc["identifier"] = identifiers
    if state.container_title:
        doc["isPartOf"] = {
            "@type": "Periodical" if state.type == "article" else "CreativeWork",
            "name": state.container_title,
        }
    if state.series and kind == "Book":
        doc["isPartOf"] = {"@type": "BookSeries", "name": state.series}
    if state.type == "video" and state.url:
        doc["contentUrl"] = state.url
    elif state.url:
        doc["sameAs"] = [doc["sameAs"], state.url] if "sameAs" in doc else state.url
    if read.files:
        doc["encoding"] = [
            {
                "@type": "MediaObject",
                "contentUrl": f.url,
                "encodingFormat": f.media_type,
                "contentSize": f.size_bytes,
                "name": f.filename,
            }
            for f in read.files
        ]
    if state.status == "withdrawn":
        doc["creativeWorkStatus"] = "Withdrawn"
    return doc
