"""The Community of Experts through the gateway, with every process real: a person applies to
join, a coordinator verifies them, identity grants the `expert` role from the event it receives
over NATS (seen in the next login's token), and the public directory finds them by theme and
country without ever showing their e-mail or phone.

Other tests share the stack (and the seeded demo experts), so these tests find their own expert by
a word of its own and compare facet counts with the results they announce, not with fixed totals.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from jose import jwt

from devstack.journeys import sign_in, until
from devstack.stack import Stack

pytestmark = pytest.mark.system

PASSWORD = "une phrase de passe solide 2027"


def _login(http: httpx.Client, email: str, password: str) -> tuple[dict[str, str], dict[str, Any]]:
    """A Bearer header for the account, and the claims of its access token."""
    token = sign_in(http, email, password)["access_token"]
    return {"Authorization": f"Bearer {token}"}, jwt.get_unverified_claims(token)


def _facet(page: dict[str, Any], name: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in page["facets"][name]}


def _application(word: str) -> dict[str, Any]:
    return {
        "full_name": f"Mariam Ouédraogo {word.capitalize()}",
        "title": "Dr",
        "position": "Directrice de la décentralisation",
        "organisation": "Association des municipalités du Bénin",
        "country": "BJ",
        "work_countries": ["TG", "NE"],
        "languages": [{"tag": "fr", "level": "native"}, {"tag": "en", "level": "professional"}],
        "themes": ["cross_border_cooperation", "local_finance"],
        "keywords": [word, "intercommunalité"],
        "bio": {"fr": f"Spécialiste de la coopération transfrontalière ({word}).", "en": "Cross-border cooperation."},
        "phone": "+229 21 30 00 00",
        "availability": "limited",
        "public_listing_consent": True,
    }


def test_an_applicant_is_verified_gets_the_expert_role_and_is_listed(live_stack: Stack) -> None:
    word = f"kapok{uuid.uuid4().hex[:8]}"
    email = f"expert-{word}@example.org"
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        registered = http.post(
            "/api/identity/auth/register",
            json={"email": email, "password": PASSWORD, "full_name": "Mariam Ouédraogo", "country": "BJ"},
        )
        assert registered.status_code == 201, registered.text
        user_id = registered.json()["id"]
        applicant, claims = _login(http, email, PASSWORD)
        assert "expert" not in claims["roles"]
        coordinator, _ = _login(http, "coordinator@example.org", live_stack.demo_password or "")
        learner, _ = _login(http, "learner@example.org", live_stack.demo_password or "")

        # Applying needs an account; the API's field errors name the fields (the join form shows them).
        body = _application(word)
        assert http.post("/api/experts/applications", json=body).status_code == 401
        invalid = http.post(
            "/api/experts/applications",
            json={**body, "orcid": "0000-0002-1825-0098", "languages": [{"tag": "xx-QQ", "level": "fluent"}]},
            headers=applicant,
        )
        assert invalid.status_code == 422, invalid.text
        assert invalid.headers["content-type"].startswith("application/problem+json")
        assert {e["field"] for e in invalid.json()["errors"]} == {"orcid", "languages.0.tag"}

        applied = http.post("/api/experts/applications", json=body, headers=applicant)
        assert applied.status_code == 201, applied.text
        profile = applied.json()
        assert profile["status"] == "pending"
        assert profile["user_id"] == user_id
        assert profile["email"] == email  # the account's, by default
        assert http.post("/api/experts/applications", json=body, headers=applicant).status_code == 409

        # Pending: not in the public directory, not even by its id.
        assert http.get("/api/experts/experts", params={"q": word}).json()["total"] == 0
        assert http.get(f"/api/experts/experts/{profile['id']}").status_code == 404

        # The vetting queue is for coordinators; it lists the application with its contact details.
        assert http.get("/api/experts/applications", headers=learner).status_code == 403
        queue = http.get("/api/experts/applications", params={"q": word}, headers=coordinator)
        assert queue.status_code == 200, queue.text
        (queued,) = queue.json()["items"]
        assert queued["id"] == profile["id"] and queued["phone"] == "+229 21 30 00 00"
        transition = f"/api/experts/profiles/{profile['id']}/transitions"
        assert http.post(transition, json={"action": "verify"}, headers=learner).status_code == 403
        verified = http.post(transition, json={"action": "verify", "note": "Bienvenue."}, headers=coordinator)
        assert verified.status_code == 200, verified.text
        assert verified.json()["status"] == "verified"

        # identity hears `experts.profile.verified` over NATS and grants the role; the token in
        # hand still says what it said when issued, the next login's says expert.
        def has_role() -> bool:
            me = http.get("/api/identity/users/me", headers=applicant)
            return me.status_code == 200 and "expert" in me.json()["roles"]

        until(has_role, what="the expert role granted by identity")
        applicant, claims = _login(http, email, PASSWORD)
        assert claims["sub"] == user_id
        assert {"expert", "learner"} <= set(claims["roles"])

        # The expert reads their own profile whole: status, note, contact details.
        mine = http.get("/api/experts/me", headers=applicant).json()
        assert (mine["status"], mine["vetting_note"], mine["phone"]) == ("verified", "Bienvenue.", "+229 21 30 00 00")

        # A visitor finds them by theme and by country (of residence, or of work).
        public: list[httpx.Response] = []
        for theme, country in (("cross_border_cooperation", "BJ"), ("local_finance", "TG")):
            found = http.get("/api/experts/experts", params={"theme": theme, "country": country, "limit": 100})
            assert found.status_code == 200, found.text
            public.append(found)
            page = found.json()
            assert profile["id"] in [e["id"] for e in page["items"]], (theme, country)
            # Each chosen value's count (over the other filters) is what the search announces.
            assert _facet(page, "theme")[theme] == page["total"]
            assert _facet(page, "country")[country] == page["total"]
        found = http.get("/api/experts/experts", params={"q": word}, headers={"Accept-Language": "en"})
        public.append(found)
        by_word = found.json()
        (entry,) = by_word["items"]
        assert entry["country_name"] == "Benin"
        assert [t["code"] for t in entry["themes"]] == ["local_finance", "cross_border_cooperation"]
        assert _facet(by_word, "availability") == {"limited": 1}
        assert _facet(by_word, "language") == {"en": 1, "fr": 1}
        assert _facet(by_word, "country") == {"BJ": 1, "NE": 1, "TG": 1}

        detail = http.get(f"/api/experts/experts/{profile['id']}", params={"lang": "fr"})
        assert detail.status_code == 200, detail.text
        public.append(detail)
        person = detail.json()["json_ld"]
        assert person["@type"] == "Person" and person["name"] == body["full_name"]

        # Private fields are absent from every public answer: no key, no value.
        for response in public:
            text = response.text
            assert email not in text and "21 30 00 00" not in text and "Bienvenue" not in text
            for item in [response.json(), *response.json().get("items", [])]:
                assert not {"email", "phone", "vetting_note", "user_id"} & set(item)
        assert "email" not in json.dumps(person)

        # The CSV export is for coordinators, and carries the e-mail (to contact members).
        assert http.get("/api/experts/experts/export.csv", headers=learner).status_code == 403
        export = http.get("/api/experts/experts/export.csv", params={"q": word}, headers=coordinator)
        assert export.status_code == 200
        assert export.headers["content-type"].startswith("text/csv")
        assert email in export.text and "21 30 00 00" not in export.text


def test_sessions_name_verified_experts_only(live_stack: Stack) -> None:
    """catalogue checks the trainers a coordinator names against experts' vetting (its copy fed by
    experts' events, or experts itself for an id it has not heard of yet: docs/decisions/0008)."""
    word = f"baobab{uuid.uuid4().hex[:8]}"
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        coordinator, _ = _login(http, "coordinator@example.org", live_stack.demo_password or "")

        def expert(name: str, status: str) -> str:
            body = {"full_name": f"{name} {word}", "country": "SN", "status": status}
            created = http.post("/api/experts/profiles", json=body, headers=coordinator)
            assert created.status_code == 201, created.text
            return str(created.json()["id"])

        verified, pending = expert("Awa Ndiaye", "verified"), expert("Kwame Asante", "pending")
        event = {
            "title": {"fr": f"Table ronde {word}", "en": f"Round table {word}"},
            "event_kind": "round_table",
            "theme": "local_finance",
            "audiences": ["elected_official"],
            "delivery_mode": "webinar",
            "language": "fr",
            "starts_at": "2027-03-01T10:00:00",
            "ends_at": "2027-03-01T12:00:00",
            "timezone": "Africa/Dakar",
            "capacity": 100,
        }

        refused = http.post(
            "/api/catalogue/sessions",
            json={**event, "trainer_ids": [verified, pending, str(uuid.uuid4())]},
            headers=coordinator,
        )
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert {e["field"]: e["code"] for e in refused.json()["errors"]} == {
            "trainer_ids.1": "expert_pending",
            "trainer_ids.2": "expert_unknown",
        }

        created = http.post("/api/catalogue/sessions", json={**event, "trainer_ids": [verified]}, headers=coordinator)
        assert created.status_code == 201, created.text
        session = created.json()
        assert session["trainer_ids"] == [verified]

        # Once verified, the other expert can be named too.
        done = http.post(f"/api/experts/profiles/{pending}/transitions", json={"action": "verify"}, headers=coordinator)
        assert done.status_code == 200, done.text
        both = http.patch(
            f"/api/catalogue/sessions/{session['id']}", json={"trainer_ids": [verified, pending]}, headers=coordinator
        )
        assert both.status_code == 200, both.text
        assert both.json()["trainer_ids"] == [verified, pending]
