"""The directory as CSV, for coordinators (donor reports, mailings to the community).

Decision (services/experts/README.md): the export holds the directory's rows (verified experts who
consented to be listed) with their public fields, plus the e-mail, because coordinators export the
directory to contact its members; the endpoint is for coordinators and admins only. The phone, the
vetting notes and unlisted profiles are never in it. Cells that a spreadsheet would read as a
formula are prefixed with a quote (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from experts.countries import country_name
from experts.profile.models import ExpertProfile
from experts.profile.service import Children
from experts.profile.views import profile_url

COLUMNS = (
    "id",
    "full_name",
    "title",
    "position",
    "organisation",
    "country",
    "country_name",
    "work_countries",
    "languages",
    "themes",
    "keywords",
    "orcid",
    "years_of_experience",
    "availability",
    "available_from",
    "available_until",
    "verified_at",
    "profile_url",
    "email",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(rows: Iterable[ExpertProfile], children: Children, *, public_url: str) -> str:
    buffer = io.StringIO()
    # A byte-order mark: spreadsheet programs then read the accents (Aïssatou, Côte d'Ivoire) as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in rows:
        writer.writerow(
            _cell(v)
            for v in (
                p.id,
                p.full_name,
                p.title,
                p.position,
                p.organisation,
                p.country,
                country_name(p.country, "en"),
                "; ".join(children.work_countries.get(p.id, [])),
                "; ".join(f"{lang.tag} ({lang.level})" for lang in children.languages.get(p.id, [])),
                "; ".join(children.themes.get(p.id, [])),
                "; ".join(p.keywords),
                p.orcid,
                p.years_of_experience,
                p.availability,
                p.available_from.isoformat() if p.available_from else None,
                p.available_until.isoformat() if p.available_until else None,
                p.verified_at.date().isoformat() if p.verified_at else None,
                profile_url(public_url, p.id),
                p.email,
            )
        )
    return buffer.getvalue()
