"""Persistent identifiers: DOI, ISBN, ORCID iD — checked and put in one canonical form.

Each `normalise_*` returns the canonical form or raises ValueError with a message for the user
(pydantic turns it into a 422 naming the field).
"""

from __future__ import annotations

import re

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.iso7064 import mod_11_2

# A DOI is "10.<registrant>/<suffix>"; the registrant code is digits (with optional dotted
# sub-parts), the suffix any printable characters but spaces (the DOI handbook, section 2.2).
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
_ORCID = re.compile(r"^\d{4}-?\d{4}-?\d{4}-?\d{3}[\dX]$")
_ORCID_PREFIXES = ("https://orcid.org/", "http://orcid.org/", "orcid.org/")


def normalise_doi(value: str) -> str:
    """`10.5555/alga.2024.01`, from itself or from its https://doi.org/ or doi: forms, lower-cased
    (DOIs are case-insensitive, so two spellings must not make two records)."""
    doi = value.strip()
    for prefix in _DOI_PREFIXES:
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix) :].strip()
            break
    if not _DOI.match(doi):
        raise ValueError("Not a DOI: expected 10.NNNN/suffix (or https://doi.org/10.NNNN/suffix).")
    return doi.lower()


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def normalise_isbn(value: str) -> str:
    """An ISBN-10 or ISBN-13 with a valid check digit, stored as a hyphenated ISBN-13."""
    try:
        compact = stdnum_isbn.validate(value)
    except StdnumError as exc:
        raise ValueError(f"Not a valid ISBN: {str(exc).rstrip('.').lower()}.") from None
    if len(compact) != 13 and len(compact) != 10:
        raise ValueError("Not a valid ISBN: give an ISBN-10 or an ISBN-13.")
    return str(stdnum_isbn.format(compact, convert=True))


def normalise_orcid(value: str) -> str:
    """`0000-0002-1825-0097`, from itself or its https://orcid.org/ form; the last character is an
    ISO 7064 MOD 11-2 check digit."""
    orcid = value.strip()
    for prefix in _ORCID_PREFIXES:
        if orcid.lower().startswith(prefix):
            orcid = orcid[len(prefix) :]
            break
    orcid = orcid.upper()
    if not _ORCID.match(orcid):
        raise ValueError("Not an ORCID iD: expected 0000-0000-0000-000X.")
    digits = orcid.replace("-", "")
    if not mod_11_2.is_valid(digits):
        raise ValueError("Not a valid ORCID iD: its check digit is wrong.")
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def orcid_url(orcid: str) -> str:
    return f"https://orcid.org/{orcid}"
