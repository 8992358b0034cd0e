"""schema.org JSON-LD for search engines and aggregators: `Course` for a programme,
`CourseInstance` for a run of one, `Event` for a standalone event (`EventSeries` for a series)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from catalogue.vocabulary import DeliveryMode, ProgrammeKind, SessionStatus, label

CONTEXT = "https://schema.org"


def academy(public_url: str) -> dict[str, Any]:
    return {
        "@type": "EducationalOrganization",
        "name": "African Local Governments Academy (ALGA)",
        "alternateName": "Académie Africaine des Collectivités Territoriales",
        "url": public_url,
        "parentOrganization": {"@type": "Organization", "name": "UCLG Africa / CGLU Afrique"},
    }


def _attendance(mode: str, online: bool) -> tuple[str, str]:
    """(eventAttendanceMode, courseMode)."""
    if mode == DeliveryMode.hybrid:
        return "https://schema.org/MixedEventAttendanceMode", "blended"
    if online:
        return "https://schema.org/OnlineEventAttendanceMode", "online"
    return "https://schema.org/OfflineEventAttendanceMode", "onsite"


def _person(trainer: Any, public_url: str) -> dict[str, Any]:
    """A trainer as schema.org Person: the name when known, the directory page when public."""
    person: dict[str, Any] = {"@type": "Person", "identifier": trainer.id}
    if trainer.name:
        person["name"] = trainer.name
    if trainer.listed:
        person["url"] = f"{public_url}/experts/{trainer.id}"
    return person


def session_document(
    *,
    read: Any,
    programme_kind: str | None,
    programme_url: str | None,
    programme_title: str | None,
    fee_amount: int | None,
    fee_currency: str | None,
    public_url: str,
    trainers: Sequence[Any] = (),
) -> dict[str, Any]:
    is_course_run = programme_kind in (ProgrammeKind.executive_master, ProgrammeKind.college)
    attendance, course_mode = _attendance(read.delivery_mode, read.online)
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "CourseInstance" if is_course_run else "Event",
        "@id": read.url,
        "url": read.url,
        "name": read.title,
        "startDate": read.starts_at.isoformat(),
        "endDate": read.ends_at.isoformat(),
        "inLanguage": read.language,
        "eventStatus": "https://schema.org/EventCancelled"
        if read.status == SessionStatus.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance,
        "maximumAttendeeCapacity": read.capacity,
        "organizer": academy(public_url),
    }
    if read.summary:
        doc["description"] = read.summary
    locations: list[dict[str, Any]] = []
    if read.venue is not None and (read.venue.city or read.venue.country):
        address = {"@type": "PostalAddress", "addressLocality": read.venue.city, "addressCountry": read.venue.country}
        if read.venue.address:
            address["streetAddress"] = read.venue.address
        locations.append({"@type": "Place", "name": read.venue.city, "address": address})
    if read.online:
        locations.append({"@type": "VirtualLocation", "url": read.url})
    if locations:
        doc["location"] = locations[0] if len(locations) == 1 else locations
    people = [_person(trainer, public_url) for trainer in trainers]
    if is_course_run:
        doc["courseMode"] = course_mode
        if people:
            doc["instructor"] = people
        if programme_url:
            doc["about"] = {"@type": "Course", "@id": programme_url, "name": programme_title}
    else:
        if people:
            doc["performer"] = people
        if read.event_kind:
            doc["keywords"] = label(read.event_kind, "en")
        if programme_url:
            doc["superEvent"] = {"@type": "EventSeries", "@id": programme_url, "name": programme_title}
    if read.applications_open_at or read.applications_close_at or fee_amount is not None:
        offer: dict[str, Any] = {"@type": "Offer", "url": read.url, "category": "application"}
        if fee_amount is not None:
            offer["price"] = fee_amount
            offer["priceCurrency"] = fee_currency
        if read.applications_open_at:
            offer["availabilityStarts"] = read.applications_open_at.isoformat()
        if read.applications_close_at:
            offer["availabilityEnds"] = read.applications_close_at.isoformat()
        doc["offers"] = offer
    return doc


def programme_document(*, read: Any, public_url: str, theme_title: str | None) -> dict[str, Any]:
    if read.kind == ProgrammeKind.event_series:
        doc: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "EventSeries",
            "@id": read.url,
            "url": read.url,
            "name": read.title,
            "organizer": academy(public_url),
        }
        if read.summary:
            doc["description"] = read.summary
        doc["subEvent"] = [_instance(s) for s in read.upcoming_sessions]
        return doc
    doc = {
        "@context": CONTEXT,
        "@type": "Course",
        "@id": read.url,
        "url": read.url,
        "name": read.title,
        "courseCode": read.code,
        "provider": academy(public_url),
    }
    if read.summary:
        doc["description"] = read.summary
    if theme_title:
        doc["about"] = {"@type": "Thing", "name": theme_title}
    if read.audiences:
        doc["audience"] = [
            {"@type": "Audience", "audienceType": label(a, read.lang if read.lang in ("fr", "en") else "en")}
            for a in read.audiences
        ]
    if read.objectives:
        doc["teaches"] = read.objectives
    if read.prerequisites:
        doc["coursePrerequisites"] = read.prerequisites
    if read.total_hours:
        doc["timeRequired"] = f"PT{read.total_hours}H"
    if read.partner_institutions:
        doc["contributor"] = [{"@type": "CollegeOrUniversity", "name": name} for name in read.partner_institutions]
    if read.fee_amount is not None:
        doc["offers"] = {
            "@type": "Offer",
            "price": read.fee_amount,
            "priceCurrency": read.fee_currency,
            "category": "Fees",
        }
    if read.modules:
        doc["hasPart"] = [
            {"@type": "Course", "name": m.title, **({"timeRequired": f"PT{m.hours}H"} if m.hours else {})}
            for m in read.modules
        ]
    doc["hasCourseInstance"] = [_instance(s) for s in read.upcoming_sessions]
    return doc


def _instance(read: Any) -> dict[str, Any]:
    attendance, course_mode = _attendance(read.delivery_mode, read.online)
    instance: dict[str, Any] = {
        "@type": "CourseInstance" if read.kind != "event_series" else "Event",
        "@id": read.url,
        "name": read.title,
        "startDate": read.starts_at.isoformat(),
        "endDate": read.ends_at.isoformat(),
        "inLanguage": read.language,
        "eventAttendanceMode": attendance,
    }
    if read.kind != "event_series":
        instance["courseMode"] = course_mode
    if read.venue is not None and read.venue.city:
        instance["location"] = {
            "@type": "Place",
            "name": read.venue.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": read.venue.city,
                "addressCountry": read.venue.country,
            },
        }
    return instance
