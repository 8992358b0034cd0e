"""OAI-PMH 2.0 requests: verbs and their arguments, dates, resumption tokens, the protocol's errors.

http://www.openarchives.org/OAI/openarchivesprotocol.html — errors are answered inside an HTTP 200
document (`<error code="…">`), as the protocol requires, never as problem+json.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

METADATA_PREFIX = "oai_dc"
# The arguments each verb takes (besides `verb`): required, optional, exclusive.
VERBS: dict[str, tuple[frozenset[str], frozenset[str], str | None]] = {
    "Identify": (frozenset(), frozenset(), None),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"}), None),
    "ListSets": (frozenset(), frozenset(), "resumptionToken"),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset(), None),
    "ListIdentifiers": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"}), "resumptionToken"),
    "ListRecords": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"}), "resumptionToken"),
}
SET_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class OAIError(Exception):
    """One of the protocol's error conditions; `code` is its name in the specification."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def echoes_arguments(self) -> bool:
        # The spec: after badVerb or badArgument the <request> element carries no attributes.
        return self.code not in ("badVerb", "badArgument")


@dataclass(frozen=True)
class OAIRequest:
    verb: str
    arguments: dict[str, str]


def parse(pairs: Iterable[tuple[str, str]]) -> OAIRequest:
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    verbs = grouped.pop("verb", [])
    if not verbs:
        raise OAIError("badVerb", "The verb argument is missing.")
    if len(verbs) > 1:
        raise OAIError("badVerb", "The verb argument is repeated.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OAIError("badVerb", f"'{verb}' is not an OAI-PMH verb.")
    required, optional, exclusive = VERBS[verb]
    repeated = sorted(k for k, values in grouped.items() if len(values) > 1)
    if repeated:
        raise OAIError("badArgument", f"Repeated argument: {', '.join(repeated)}.")
    arguments = {key: values[0] for key, values in grouped.items()}
    allowed = required | optional | ({exclusive} if exclusive else set())
    illegal = sorted(set(arguments) - allowed)
    if illegal:
        raise OAIError("badArgument", f"{verb} does not take: {', '.join(illegal)}.")
    empty = sorted(k for k, v in arguments.items() if not v.strip())
    if empty:
        raise OAIError("badArgument", f"Empty argument: {', '.join(empty)}.")
    if exclusive and exclusive in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", f"{exclusive} is an exclusive argument: send it alone with the verb.")
        return OAIRequest(verb, arguments)
    missing = sorted(required - set(arguments))
    if missing:
        raise OAIError("badArgument", f"{verb} needs: {', '.join(missing)}.")
    return OAIRequest(verb, arguments)


# ---------------------------------------------------------------------------- dates


def format_datestamp(moment: datetime) -> str:
    """UTC, to the second: the repository's granularity (YYYY-MM-DDThh:mm:ssZ)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datestamp(value: str, name: str) -> tuple[datetime, str]:
    """(the instant, its granularity: "day" or "second"); badArgument when it is neither form."""
    try:
        if _DAY.match(value):
            return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC), "day"
        if _SECONDS.match(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), "second"
    except ValueError:
        pass
    raise OAIError("badArgument", f"'{name}' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), not '{value}'.")


def date_range(arguments: dict[str, str]) -> tuple[datetime | None, datetime | None]:
    """(inclusive lower bound, exclusive upper bound) from `from` and `until` (both inclusive in OAI)."""
    lower = upper = None
    granularities = set()
    if "from" in arguments:
        lower, granularity = parse_datestamp(arguments["from"], "from")
        granularities.add(granularity)
    if "until" in arguments:
        until, granularity = parse_datestamp(arguments["until"], "until")
        granularities.add(granularity)
        upper = until + (timedelta(days=1) if granularity == "day" else timedelta(seconds=1))
    if len(granularities) > 1:
        raise OAIError("badArgument", "'from' and 'until' must have the same granularity.")
    if lower is not None and upper is not None and lower >= upper:
        raise OAIError("badArgument", "'from' is after 'until'.")
    return lower, upper


# ---------------------------------------------------------------------------- resumption tokens


@dataclass(frozen=True)
class Cursor:
    """Where a list request stands: its original arguments, and the last item already sent.

    Stateless: the whole cursor travels in the token, so any replica can answer the next page and
    nothing expires. `upper` is frozen at the first page, so a record changed during the harvest
    is not sent twice and `total` (completeListSize) stays true."""

    verb: str
    set: str | None
    lower: str | None  # ISO 8601 instants, exact (microseconds)
    upper: str
    after_datestamp: str | None
    after_key: int | None
    position: int  # items sent before this page (the `cursor` attribute)
    total: int


def encode_token(cursor: Cursor) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(asdict(cursor), separators=(",", ":")).encode()).rstrip(b"=")
    check = hashlib.sha256(payload).hexdigest()[:12]
    return f"{payload.decode()}.{check}"


def decode_token(token: str, verb: str) -> Cursor:
    bad = OAIError("badResumptionToken", "The resumption token is not valid (it was not issued by this repository).")
    payload, _, check = token.partition(".")
    if not payload or hashlib.sha256(payload.encode()).hexdigest()[:12] != check:
        raise bad
    try:
        data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        cursor = Cursor(**data)
        for instant in (cursor.lower, cursor.upper, cursor.after_datestamp):
            if instant is not None:
                datetime.fromisoformat(instant)
    except (ValueError, TypeError):
        raise bad from None
    if cursor.verb != verb:
        raise OAIError("badResumptionToken", f"This resumption token continues a {cursor.verb} request, not {verb}.")
    if (cursor.after_datestamp is None) != (cursor.after_key is None) or cursor.position < 0 or cursor.total < 0:
        raise bad
    return cursor
