"""ORCID iDs (ISO 7064 MOD 11-2 check digit, usual ways of writing them), BCP 47 language tags
and ISO 3166 countries: validated, and stored in their canonical form."""

from __future__ import annotations

import httpx
import pytest

from experts.identifiers import InvalidIdentifier, normalise_language_tag, normalise_orcid, orcid_check_digit

from .conftest import User, profile_body


@pytest.mark.parametrize(
    "written",
    [
        "0000-0002-1825-0097",
        "0000000218250097",
        "0000 0002 1825 0097",
        "https://orcid.org/0000-0002-1825-0097",
        "http://orcid.org/0000-0002-1825-0097",
        "https://www.orcid.org/0000-0002-1825-0097/",
        "orcid.org/0000-0002-1825-0097",
        "ORCID: 0000-0002-1825-0097",
        "  0000-0002-1825-0097 ",
        "0000\u20110002\u20111825\u20110097",  # non-breaking hyphens, as pasted from a PDF
    ],
)
def test_orcid_formatted_variants(written: str) -> None:
    assert normalise_orcid(written) == "0000-0002-1825-0097"


def test_orcid_check_digit_x() -> None:
    assert orcid_check_digit("000000021694233") == "X"
    assert normalise_orcid("0000-0002-1694-233x") == "0000-0002-1694-233X"
    assert normalise_orcid("0000-0001-5109-3700") == "0000-0001-5109-3700"


@pytest.mark.parametrize(
    "written",
    [
        "0000-0002-1825-0098",  # wrong check digit
        "0000-0002-1825-009X",
        "0000-0002-1694-2330",
        "0000-0002-1825-009",  # too short
        "0000-0002-1825-00977",
        "0000-0002-1825-00A7",
        "https://example.org/0000-0002-1825-0097",
        "",
    ],
)
def test_orcid_refused(written: str) -> None:
    with pytest.raises(InvalidIdentifier):
        normalise_orcid(written)


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("fr", "fr"),
        ("FR-sn", "fr-SN"),
        ("en_GB", "en-GB"),
        ("fra", "fr"),  # the two-letter code where there is one
        ("wol", "wo"),
        ("fuc-Latn-SN", "fuc-Latn-SN"),
        ("ar-arab-ma", "ar-Arab-MA"),
        ("ar-015", "ar-015"),
        ("sw", "sw"),
    ],
)
def test_language_tags(tag: str, canonical: str) -> None:
    assert normalise_language_tag(tag) == canonical


@pytest.mark.parametrize("tag", ["xx", "fr-QQ", "french", "fr-SN-x-private", "zh-yue", "i-klingon", "fr-Qqqq", ""])
def test_language_tags_refused(tag: str) -> None:
    with pytest.raises(InvalidIdentifier):
        normalise_language_tag(tag)


async def test_the_api_stores_the_canonical_forms(client: httpx.AsyncClient, learner: User) -> None:
    created = await client.post(
        "/applications",
        json=profile_body(orcid="orcid.org/0000000216942 33x", languages=[{"tag": "FRA-sn", "level": "fluent"}],
                          country="sn", work_countries=["ml", "ML", "bf"]),
        headers=learner.headers,
    )  # fmt: skip
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["orcid"] == "0000-0002-1694-233X" and body["orcid_url"] == "https://orcid.org/0000-0002-1694-233X"
    assert [lang["tag"] for lang in body["languages"]] == ["fr-SN"]
    assert body["country"] == "SN" and [c["code"] for c in body["work_countries"]] == ["BF", "ML"]


async def test_the_api_names_every_bad_field(client: httpx.AsyncClient, learner: User) -> None:
    response = await client.post(
        "/applications",
        json=profile_body(
            orcid="0000-0002-1825-0098",
            languages=[{"tag": "klingon"}],
            country="XX",
            work_countries=["SN", "QQ"],
            themes=["local_finance", "astrology"],
            links=[{"url": "javascript:alert(1)"}],
            email="not-an-email",
            phone="call me",
            years_of_experience=-1,
            availability="sometimes",
        ),
        headers=learner.headers,
    )
    assert response.status_code == 422
    fields = {e["field"].split(".")[0] for e in response.json()["errors"]}
    assert fields == {
        "orcid", "languages", "country", "work_countries", "themes", "links", "email", "phone",
        "years_of_experience", "availability",
    }  # fmt: skip
    orcid_error = next(e for e in response.json()["errors"] if e["field"] == "orcid")
    assert "check digit" in orcid_error["message"]
