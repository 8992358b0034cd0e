"""The merged OpenAPI document: the pure merge (as `make api-types` uses it) and the endpoint."""

# No `from __future__ import annotations` here: FastAPI must see the local classes of the test
# services' endpoints as real types, not as names to look up in this module.

import re
import time
from typing import Annotated, Any, Literal

import httpx
from fastapi import Depends, FastAPI
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from gateway.openapi import merge_openapi


def all_refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        for value in node.values():
            found += all_refs(value)
        return found
    if isinstance(node, list):
        return [ref for value in node for ref in all_refs(value)]
    return []


def resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def operations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    methods = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
    return [op for item in doc["paths"].values() for m, op in item.items() if m in methods]


# Two services that both have a `Page` and a `Thing` schema, of different shapes, both a
# `list_things` operation, and a discriminated union (whose mapping must be rewritten too).


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool


class Thing(BaseModel):
    id: int
    pet: Annotated[Cat | Dog, Field(discriminator="kind")]


class Page(BaseModel):
    items: list[Thing]
    total: int


class OtherThing(BaseModel):
    code: str


def service_a() -> dict[str, Any]:
    app = FastAPI(title="a")
    bearer = HTTPBearer(auto_error=False)

    @app.get("/things", response_model=Page, operation_id="list_things", tags=["things"])
    async def list_things() -> Page:
        return Page(items=[], total=0)

    @app.post("/things", response_model=Thing, tags=["things"])
    async def create_thing(
        thing: Thing, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> Thing:
        return thing

    return app.openapi()


def service_b() -> dict[str, Any]:
    app = FastAPI(title="b")

    class Page(BaseModel):  # same name, different shape
        entries: list[OtherThing]

    @app.get("/things/{code}", response_model=Page, operation_id="list_things", tags=["other"])
    async def list_things(code: str) -> Page:
        return Page(entries=[])

    return app.openapi()


def test_merge_prefixes_paths_operation_ids_and_components() -> None:
    merged = merge_openapi({"alpha": service_a(), "beta": service_b()})

    assert merged["openapi"].startswith("3.1")
    assert set(merged["paths"]) == {"/api/alpha/things", "/api/beta/things/{code}"}
    assert merged["paths"]["/api/alpha/things"]["get"]["operationId"] == "alpha_list_things"
    assert merged["paths"]["/api/beta/things/{code}"]["get"]["operationId"] == "beta_list_things"
    schemas = merged["components"]["schemas"]
    assert {"alpha_Page", "beta_Page", "alpha_Thing", "alpha_Cat", "beta_OtherThing"} <= set(schemas)
    assert "items" in schemas["alpha_Page"]["properties"]
    assert "entries" in schemas["beta_Page"]["properties"]
    op_ids = [op["operationId"] for op in operations(merged)]
    assert len(op_ids) == len(set(op_ids))


def test_every_ref_resolves_in_the_merged_document() -> None:
    merged = merge_openapi({"alpha": service_a(), "beta": service_b()})
    refs = all_refs(merged)

    assert refs
    for ref in refs:
        assert resolve(merged, ref) is not None
    assert "#/components/schemas/alpha_Page" in refs
    assert not any(ref.startswith("#/components/schemas/Page") for ref in refs)
    mapping = merged["components"]["schemas"]["alpha_Thing"]["properties"]["pet"]["discriminator"]["mapping"]
    assert mapping == {"cat": "#/components/schemas/alpha_Cat", "dog": "#/components/schemas/alpha_Dog"}


def test_security_requirements_keep_pointing_at_a_scheme() -> None:
    merged = merge_openapi({"alpha": service_a(), "beta": service_b()})
    schemes = merged["components"]["securitySchemes"]
    create = merged["paths"]["/api/alpha/things"]["post"]

    for requirement in create["security"]:
        for name in requirement:
            assert name in schemes
    assert "security" not in merged["paths"]["/api/alpha/things"]["get"]


def test_identical_bearer_schemes_are_shared_and_oauth_urls_anchored() -> None:
    def with_schemes(schemes: dict[str, Any]) -> dict[str, Any]:
        return {"openapi": "3.1.0", "paths": {}, "components": {"securitySchemes": schemes}}

    bearer = {"type": "http", "scheme": "bearer"}
    oauth = {"type": "oauth2", "flows": {"password": {"tokenUrl": "auth/login", "scopes": {}}}}
    merged = merge_openapi(
        {
            "identity": with_schemes({"HTTPBearer": bearer, "OAuth2": oauth}),
            "catalogue": with_schemes({"HTTPBearer": bearer, "OAuth2": oauth}),
        }
    )
    schemes = merged["components"]["securitySchemes"]

    assert schemes["HTTPBearer"] == bearer  # one token prompt for every service
    assert schemes["identity_OAuth2"]["flows"]["password"]["tokenUrl"] == "/api/identity/auth/login"
    assert schemes["catalogue_OAuth2"]["flows"]["password"]["tokenUrl"] == "/api/catalogue/auth/login"


def test_tags_are_kept() -> None:
    merged = merge_openapi({"alpha": service_a(), "beta": service_b()})
    assert merged["paths"]["/api/alpha/things"]["get"]["tags"] == ["things"]
    assert {t["name"] for t in merged["tags"]} == {"things", "other"}


def test_merge_does_not_modify_its_input() -> None:
    doc = service_a()
    before = repr(doc)
    merge_openapi({"alpha": doc})
    assert repr(doc) == before


def test_gateway_serves_the_merged_document(gateway: httpx.Client) -> None:
    response = gateway.get("/api/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    doc = response.json()
    assert "/api/identity/items/{item_id}" in doc["paths"]
    assert "/api/catalogue/items/{item_id}" in doc["paths"]
    assert "/api/health" in doc["paths"]
    assert {"identity_Item", "catalogue_Item", "identity_ItemPage"} <= set(doc["components"]["schemas"])
    for ref in all_refs(doc):
        resolve(doc, ref)
    assert "x-missing-services" not in doc


def test_a_stopped_service_is_named_as_missing(make_gateway: Any, refused_url: str) -> None:
    client = make_gateway(services=["identity", "catalogue", "experts"], experts_url=refused_url, openapi_ttl=0)
    started = time.monotonic()
    doc = client.get("/api/openapi.json").json()

    assert doc["x-missing-services"] == ["experts"]
    assert not any(path.startswith("/api/experts/") for path in doc["paths"])
    assert "/api/catalogue/items" in doc["paths"]
    assert time.monotonic() - started < 2


def test_docs_page_loads_nothing_from_elsewhere(gateway: httpx.Client) -> None:
    page = gateway.get("/api/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")

    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    # Every script, style and icon comes from this gateway, none from a CDN.
    assert all(a.startswith("/api/") for a in assets), assets
    for asset in assets:
        assert gateway.get(asset).status_code == 200, asset

    bundle = gateway.get(
        next(a for a in assets if a.endswith("swagger-ui-bundle.js")),
        headers={"Accept-Encoding": "gzip"},
    )
    assert bundle.headers["content-encoding"] == "gzip"
    assert "immutable" in bundle.headers["cache-control"]
    assert b"SwaggerUIBundle" in bundle.content  # httpx decompressed it: real gzip
    init = next(a for a in assets if a.endswith("init.js"))
    assert b'"/api/openapi.json"' in gateway.get(init).content
