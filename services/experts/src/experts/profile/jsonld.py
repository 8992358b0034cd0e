"""schema.org `Person` JSON-LD for a public profile (search engines, aggregators, VIVO-like finders).

Built from the public view only, so nothing private can leak into it."""

from __future__ import annotations

from typing import Any

from experts.profile.schemas import ExpertDetail

CONTEXT = "https://schema.org"


def person_document(detail: ExpertDetail, *, public_url: str) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Person",
        "@id": detail.url,
        "url": detail.url,
        "name": detail.full_name,
    }
    if detail.title:
        doc["honorificPrefix"] = detail.title
    if detail.position:
        doc["jobTitle"] = detail.position
    if detail.organisation:
        doc["worksFor"] = {"@type": "Organization", "name": detail.organisation}
    doc["homeLocation"] = {
        "@type": "Place",
        "name": detail.country_name,
        "address": {"@type": "PostalAddress", "addressCountry": detail.country},
    }
    if detail.bio:
        doc["description"] = detail.bio
    if detail.languages:
        doc["knowsLanguage"] = [
            {"@type": "Language", "name": lang.name, "alternateName": lang.tag} for lang in detail.languages
        ]
    about = [theme.name for theme in detail.themes] + list(detail.keywords)
    if about:
        doc["knowsAbout"] = about
    same_as = ([detail.orcid_url] if detail.orcid_url else []) + [link.url for link in detail.links]
    if same_as:
        doc["sameAs"] = same_as
    if detail.orcid:
        doc["identifier"] = {"@type": "PropertyValue", "propertyID": "ORCID", "value": detail.orcid}
    doc["memberOf"] = {
        "@type": "Organization",
        "name": "ALGA Community of Experts and Practitioners",
        "parentOrganization": {
            "@type": "EducationalOrganization",
            "name": "African Local Governments Academy (ALGA)",
            "url": public_url,
        },
    }
    return doc
