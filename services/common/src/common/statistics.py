"""What every service's statistics share: who may read them, the period, and small-count suppression.

This file is the same, to the letter, in the `statistics` package of identity, catalogue,
enrollment, experts and publications (a test in each keeps the copies identical). It is
domain-free and belongs in `common`; it lives here until the kit is next opened
(docs/decisions/0007-statistics-and-donor-reporting.md).

Who may read statistics:
- coordinators and admins: everything; the overview gives them exact figures;
- integrator clients holding the `statistics:read` scope: everything, small counts suppressed;
- the focal point of a partner institution: the figures of that partner's activities only
  (`partner=<organisation id>`), small counts suppressed. identity lists the partners a user is the
  focal point of in the access token's `focal_point_of` claim, so no service has to ask identity.
Donor reports (`/statistics/report`) are suppressed for every reader: they are made to be handed on.

Suppression (counts of people; counts of sessions or documents are never suppressed): a count from
1 to threshold - 1 is shown as "< 5". The total of a breakdown is known (another breakdown of the
same people usually gives it away), so the suppressed cells of a breakdown must not be worked out by
subtraction: they come at least two together, and their sum leaves each of them at least two
possible values; other cells are suppressed with them, smallest first ("≥ 5"), until that holds.
When it cannot hold, or the total itself is small, the breakdown is withheld: only its total is given
(and where its cells sit in another table, they are all shown as "*").
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from common.auth import ACCESS_COOKIE, Principal, TokenVerifier
from common.errors import Forbidden, ValidationFailed
from common.security import CurrentPrincipal

SCOPE = "statistics:read"
FOCAL_POINT_CLAIM = "focal_point_of"
DEFAULT_THRESHOLD = 5
LANGUAGES = ("fr", "en")


# ---------------------------------------------------------------------------- counts


class Cell(BaseModel):
    """A count. `value` is null when it is suppressed; `display` is what to print ("12", "< 5")."""

    value: int | None
    suppressed: bool = False
    display: str


class Row(BaseModel):
    #: The code counted (a country, a status, an id…); null for "not stated".
    key: str | None
    label: str
    count: Cell


class Breakdown(BaseModel):
    total: Cell
    rows: list[Row]
    #: The rows could not be shown without giving a small count away: only the total is given.
    withheld: bool = False


def cell(n: int, threshold: int | None = None) -> Cell:
    """`n`, or "< threshold" when it counts from 1 to threshold - 1 (threshold None: exact)."""
    if threshold is not None and 0 < n < threshold:
        return Cell(value=None, suppressed=True, display=f"< {threshold}")
    return Cell(value=n, display=str(n))


def _hidden(threshold: int) -> Cell:
    # A cell at or above the threshold, suppressed so that a small one cannot be worked out.
    return Cell(value=None, suppressed=True, display=f"≥ {threshold}")


def _protected(values: Sequence[int], hidden: set[int], threshold: int) -> bool:
    """Given the total, each hidden cell keeps at least two possible values."""
    if len(hidden) < 2:
        return False
    small = [i for i in hidden if values[i] < threshold]
    large = len(hidden) - len(small)
    hidden_sum = sum(values[i] for i in hidden)
    # Small cells lie in [1, threshold - 1]; the others in [threshold, ∞).
    if hidden_sum <= len(small) + large * threshold:
        return False
    return large > 0 or hidden_sum < len(small) * (threshold - 1)


def breakdown(items: Iterable[tuple[str | None, str, int]], threshold: int | None = None) -> Breakdown:
    """Rows of (key, label, count), counted by the database, with the total; suppressed when
    `threshold` is given (see the module's docstring for the rule)."""
    rows = [(key, label, int(n)) for key, label, n in items if n]
    values = [n for _, _, n in rows]
    total = sum(values)
    exact = [Row(key=key, label=label, count=cell(n)) for key, label, n in rows]
    if threshold is None:
        return Breakdown(total=cell(total), rows=exact)
    small = {i for i, n in enumerate(values) if n < threshold}
    if not small:
        return Breakdown(total=cell(total), rows=exact)
    if total < threshold:
        return Breakdown(total=cell(total, threshold), rows=[], withheld=True)
    hidden = set(small)
    by_size = sorted((n, i) for i, n in enumerate(values) if i not in hidden)
    while not _protected(values, hidden, threshold):
        if not by_size:
            return Breakdown(total=cell(total), rows=[], withheld=True)
        hidden.add(by_size.pop(0)[1])
    return Breakdown(
        total=cell(total),
        rows=[
            Row(
                key=key,
                label=label,
                count=(cell(n, threshold) if n < threshold else _hidden(threshold)) if i in hidden else cell(n),
            )
            for i, (key, label, n) in enumerate(rows)
        ],
    )


def cells_of(figures: Breakdown, keys: Iterable[str | None]) -> dict[str | None, Cell]:
    """Each key's cell, to show next to other columns (a row per session, say). A key without a row
    counted 0; when the breakdown is withheld, every cell is, zeros included ("*"): a zero shown
    next to hidden cells would tell that those are not."""
    if figures.withheld:
        return {key: Cell(value=None, suppressed=True, display="*") for key in keys}
    found = {row.key: row.count for row in figures.rows}
    return {key: found.get(key) or cell(0) for key in keys}


async def counted(session: AsyncSession, query: Any) -> list[tuple[Any, ...]]:
    """The rows of a GROUP BY query ending in its count, largest count first, then by key."""
    rows = [tuple(row) for row in (await session.execute(query)).all()]
    return sorted(rows, key=lambda row: (-int(row[-1] or 0), str(row[0] or "")))


# ---------------------------------------------------------------------------- the period


class PeriodRead(BaseModel):
    #: First and last day counted (inclusive); null: unbounded.
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None

    @property
    def since(self) -> datetime | None:
        return None if self.start is None else datetime.combine(self.start, time.min, tzinfo=UTC)

    @property
    def before(self) -> datetime | None:
        """The first instant after the period (exclusive bound)."""
        return None if self.end is None else datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=UTC)

    def instants(self, column: Any) -> list[Any]:
        """Conditions putting a date-time `column` in the period."""
        conditions = []
        if self.since is not None:
            conditions.append(column >= self.since)
        if self.before is not None:
            conditions.append(column < self.before)
        return conditions

    def days(self, column: Any) -> list[Any]:
        """Conditions putting a date `column` in the period."""
        conditions = []
        if self.start is not None:
            conditions.append(column >= self.start)
        if self.end is not None:
            conditions.append(column <= self.end)
        return conditions

    def read(self) -> PeriodRead:
        return PeriodRead(start=self.start, end=self.end)


def _period(
    start: Annotated[date | None, Query(alias="from", description="First day counted (YYYY-MM-DD, UTC)")] = None,
    end: Annotated[date | None, Query(alias="to", description="Last day counted, inclusive (YYYY-MM-DD, UTC)")] = None,
) -> Period:
    if start is not None and end is not None and end < start:
        raise ValidationFailed.on("to", "The period ends before it starts.")
    return Period(start, end)


PeriodQuery = Annotated[Period, Depends(_period)]


# ---------------------------------------------------------------------------- who is reading


@dataclass(frozen=True)
class Viewer:
    principal: Principal
    #: Every figure is limited to this partner institution's activities (an organisation id).
    partner: str | None
    #: Counts of people from 1 to threshold - 1 are suppressed; None: exact figures.
    threshold: int | None
    #: The language of labels and titles (fr or en).
    language: str


def _language(lang: str | None, accept_language: str | None) -> str:
    if lang in LANGUAGES:
        return lang
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "fr"


async def _focal_point_of(request: Request) -> list[str]:
    """The partners the caller is the focal point of, from the (already verified) access token."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    token = value.strip() if scheme.lower() == "bearer" else request.cookies.get(ACCESS_COOKIE)
    if not token:
        return []
    verifier: TokenVerifier = request.app.state.verifier
    claims = await verifier.verify_claims(token)
    found = claims.get(FOCAL_POINT_CLAIM) or []
    return [str(v) for v in found] if isinstance(found, list) else []


async def _viewer(
    request: Request, principal: Principal, partner: str | None, language: str, *, report: bool
) -> Viewer:
    if partner is not None:
        try:
            partner = str(uuid.UUID(partner))
        except ValueError:
            raise ValidationFailed.on("partner", "Not an organisation id.") from None
    threshold = int(getattr(request.app.state.settings, "suppression_threshold", DEFAULT_THRESHOLD))
    if principal.is_staff:
        return Viewer(principal, partner, threshold if report else None, language)
    if SCOPE in principal.scopes:
        return Viewer(principal, partner, threshold, language)
    if partner is not None and partner in await _focal_point_of(request):
        return Viewer(principal, partner, threshold, language)
    raise Forbidden(
        "Statistics are for coordinators and admins, integrators with the statistics:read scope, "
        "and the focal point of a partner institution (with partner=<its organisation id>)."
    )


#: The filters a service applies where they make sense (each endpoint declares those it applies).
CountryQuery = Annotated[
    str | None, Query(min_length=2, max_length=2, pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")
]
ProgrammeQuery = Annotated[str | None, Query(max_length=36, description="A catalogue programme (id)")]
ThemeQuery = Annotated[str | None, Query(max_length=60, description="A theme code (GET /api/catalogue/themes)")]
LanguageQuery = Annotated[
    str | None, Query(min_length=2, max_length=8, description="A teaching or document language (fr, en…)")
]
PartnerQuery = Annotated[
    str | None, Query(max_length=36, description="Only the activities of this partner institution (organisation id)")
]
LangQuery = Annotated[str | None, Query(description="Language of labels: fr or en (else Accept-Language)")]


@dataclass(frozen=True)
class Filters:
    """The usual filters; what `country` means (a person's, a venue's) each service says."""

    programme: str | None = None
    theme: str | None = None
    country: str | None = None
    language: str | None = None

    def echo(self) -> dict[str, str | None]:
        return dataclasses.asdict(self)


def _filters(
    programme: ProgrammeQuery = None,
    theme: ThemeQuery = None,
    country: CountryQuery = None,
    language: LanguageQuery = None,
) -> Filters:
    return Filters(
        programme=programme,
        theme=theme,
        country=country.upper() if country else None,
        language=language.lower() if language else None,
    )


FiltersQuery = Annotated[Filters, Depends(_filters)]


async def overview_viewer(
    request: Request,
    principal: CurrentPrincipal,
    partner: PartnerQuery = None,
    lang: LangQuery = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> Viewer:
    return await _viewer(request, principal, partner, _language(lang, accept_language), report=False)


async def report_viewer(
    request: Request,
    principal: CurrentPrincipal,
    partner: PartnerQuery = None,
    lang: LangQuery = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> Viewer:
    return await _viewer(request, principal, partner, _language(lang, accept_language), report=True)


#: The reader of an overview: exact figures for coordinators and admins.
OverviewViewer = Annotated[Viewer, Depends(overview_viewer)]
#: The reader of a donor report: suppressed figures for everyone.
ReportViewer = Annotated[Viewer, Depends(report_viewer)]


# ---------------------------------------------------------------------------- donor reports


class Dimension(Breakdown):
    """A breakdown of a report section along one dimension (country, gender, mode…)."""

    dimension: str
    #: The dimension's name in the report's language ("By country").
    label: str


class ReportSection(BaseModel):
    """One part of a donor report: a total and its breakdowns, ready to print or export."""

    id: str
    title: str
    #: What is counted: people, sessions, experts, publications, downloads.
    unit: str
    total: Cell
    breakdowns: list[Dimension]


def dimension(name: str, label: str, figures: Breakdown) -> Dimension:
    return Dimension(dimension=name, label=label, **figures.model_dump())


class ReportPart(BaseModel):
    """A service's part of the donor report: aggregates only, no names."""

    service: str
    period: PeriodRead
    partner: str | None
    #: Counts of people below this are suppressed.
    threshold: int
    language: str
    sections: list[ReportSection]


def report_part(service: str, viewer: Viewer, period: Period, sections: list[ReportSection]) -> ReportPart:
    return ReportPart(
        service=service,
        period=period.read(),
        partner=viewer.partner,
        threshold=viewer.threshold or DEFAULT_THRESHOLD,
        language=viewer.language,
        sections=sections,
    )
