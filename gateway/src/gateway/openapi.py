"""Merge the services' OpenAPI documents into the one the gateway publishes.

Pure functions, no I/O: `make api-types` calls `merge_openapi` offline on the documents produced by
each service's `app.openapi()`, and the gateway calls it on the documents it fetched.

Every service serves its routes at its root and the gateway exposes them under `/api/<service>`, so
paths are prefixed; component names and operationIds are prefixed with `<service>_` because two
services are free to both have a `Page` schema or a `list_items` operation.
"""

from __future__ import annotations

import copy
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Component sections whose entries are referenced by `$ref` (securitySchemes are referenced by
# name from security requirements instead, handled separately).
_REF_SECTIONS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "links",
    "callbacks",
    "pathItems",
)


def merge_openapi(docs: dict[str, dict]) -> dict:
    """One OpenAPI 3.1 document from `{service_name: that service's document}`.

    - paths become `/api/<service><path>`;
    - component names become `<service>_<Name>` and every `$ref` (and discriminator mapping)
      pointing at them is rewritten, so the result resolves on its own;
    - operationIds become `<service>_<operationId>`;
    - security schemes defined identically by every service that uses them keep their name
      (so Swagger UI asks for the token once), others are prefixed like the other components;
      relative OAuth2 flow URLs are anchored at the service's prefix;
    - tags are kept (first description wins) and listed once.
    """
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "ALGA Campus API",
            "version": "1.0.0",
            "description": "Every ALGA Campus service behind the gateway; each service's "
            "operations are under `/api/{service}/`.",
        },
        "paths": {},
        "components": {},
    }
    copies = {service: copy.deepcopy(source) for service, source in docs.items()}
    for service, doc in copies.items():
        _anchor_oauth_urls(doc, service)
    shared_schemes = _shared_security_schemes(copies)
    tags: dict[str, dict] = {}

    for service, doc in copies.items():
        prefix = f"{service}_"
        components = doc.get("components") or {}

        renames = {
            section: {name: prefix + name for name in (components.get(section) or {})} for section in _REF_SECTIONS
        }
        scheme_renames = {
            name: name if name in shared_schemes else prefix + name
            for name in (components.get("securitySchemes") or {})
        }

        def rewrite_ref(ref: str, renames: dict[str, dict[str, str]] = renames) -> str:
            if not ref.startswith("#/components/"):
                # A discriminator mapping may name a schema without a pointer; a $ref never
                # matches this since its names carry no "#/".
                return renames["schemas"].get(ref, ref) if "/" not in ref else ref
            parts = ref.split("/", 3)
            if len(parts) != 4:
                return ref
            _, _, section, name = parts
            new_name = renames.get(section, {}).get(_unescape(name))
            if new_name is None:
                return ref
            return f"#/components/{section}/{_escape(new_name)}"

        _rewrite_refs(doc, rewrite_ref)

        default_security = doc.get("security")
        for path, item in (doc.get("paths") or {}).items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                if "operationId" in operation:
                    operation["operationId"] = prefix + operation["operationId"]
                security = operation.get("security", default_security)
                if security is not None:
                    operation["security"] = _rename_security(security, scheme_renames)
            merged["paths"][f"/api/{service}{path}"] = item

        for section, section_renames in renames.items():
            for name, new_name in section_renames.items():
                merged["components"].setdefault(section, {})[new_name] = components[section][name]
        for name, new_name in scheme_renames.items():
            merged["components"].setdefault("securitySchemes", {})[new_name] = components["securitySchemes"][name]

        for tag in doc.get("tags") or []:
            if isinstance(tag, dict) and "name" in tag:
                tags.setdefault(tag["name"], tag)
        for item in (doc.get("paths") or {}).values():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if isinstance(operation, dict):
                    for name in operation.get("tags") or []:
                        tags.setdefault(name, {"name": name})

    if tags:
        merged["tags"] = list(tags.values())
    if not merged["components"]:
        del merged["components"]
    return merged


def _anchor_oauth_urls(doc: dict[str, Any], service: str) -> None:
    """OAuth2 flow URLs are often relative (FastAPI's `tokenUrl="auth/login"`), i.e. relative to
    the service's root; in the merged document that root is /api/<service>/."""
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}
    for scheme in schemes.values():
        for flow in (scheme.get("flows") or {}).values() if isinstance(scheme, dict) else ():
            for key in ("tokenUrl", "authorizationUrl", "refreshUrl"):
                url = flow.get(key) if isinstance(flow, dict) else None
                if isinstance(url, str) and url and "://" not in url and not url.startswith("/api/"):
                    flow[key] = f"/api/{service}/{url.lstrip('/')}"


def _shared_security_schemes(docs: dict[str, dict]) -> set[str]:
    seen: dict[str, list[Any]] = {}
    for doc in docs.values():
        for name, scheme in ((doc.get("components") or {}).get("securitySchemes") or {}).items():
            seen.setdefault(name, []).append(scheme)
    return {name for name, defs in seen.items() if all(d == defs[0] for d in defs)}


def _rename_security(security: list[dict], renames: dict[str, str]) -> list[dict]:
    return [{renames.get(name, name): scopes for name, scopes in req.items()} for req in security]


def _rewrite_refs(node: Any, rewrite: Any) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            node["$ref"] = rewrite(ref)
        discriminator = node.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
            mapping = discriminator["mapping"]
            for key, target in mapping.items():
                if isinstance(target, str):
                    mapping[key] = rewrite(target)
        for value in node.values():
            if isinstance(value, dict | list):
                _rewrite_refs(value, rewrite)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, dict | list):
                _rewrite_refs(value, rewrite)


def _unescape(token: str) -> str:
    # JSON Pointer (RFC 6901) escaping
    return token.replace("~1", "/").replace("~0", "~")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
