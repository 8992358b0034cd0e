"""`GET /api/docs`: Swagger UI over the merged document, served from package data.

The machines are offline and users' connections are slow, so nothing comes from a CDN: the
assets ship in the `swagger-ui-bundle-v2` wheel (Swagger UI 5, which reads OpenAPI 3.1), go out
gzip-compressed and carry their version in the URL, so browsers cache them for good. Without
that package the page falls back to a plain list of operations built here.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

try:
    from swagger_ui_bundle import swagger_ui_path as _swagger_ui_path
except ImportError:  # pragma: no cover - the dependency is declared; this keeps /api/docs up
    _swagger_ui_path = None

from gateway.openapi import HTTP_METHODS

SWAGGER_DIR: Path | None = Path(str(_swagger_ui_path)) if _swagger_ui_path else None
ASSETS = ("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png")
# The version directory name (swagger-ui-5.31.0) makes the asset URLs change on upgrade.
ASSET_PREFIX = f"/api/docs/{SWAGGER_DIR.name}/" if SWAGGER_DIR else "/api/docs/assets/"
INIT_JS = ASSET_PREFIX + "init.js"

# Kept in a file of our own rather than inline so a strict Content-Security-Policy can forbid
# inline scripts.
INIT_SCRIPT = b"""window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "none",
    defaultModelsExpandDepth: 0,
    // The browser's alga_access cookie goes along with "Try it out" on the same origin.
    withCredentials: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
"""


def swagger_page() -> bytes:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ALGA Campus API</title>
<link rel="icon" href="{ASSET_PREFIX}favicon-32x32.png">
<link rel="stylesheet" href="{ASSET_PREFIX}swagger-ui.css">
</head>
<body>
<div id="swagger-ui"><noscript>This page needs JavaScript; the raw document is at
<a href="/api/openapi.json">/api/openapi.json</a>.</noscript></div>
<script src="{ASSET_PREFIX}swagger-ui-bundle.js"></script>
<script src="{INIT_JS}"></script>
</body>
</html>
""".encode()


def plain_page(merged: dict[str, Any]) -> bytes:
    """A light, script-free list of every operation, for when Swagger UI is not installed."""
    rows = []
    for path, item in merged.get("paths", {}).items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                lock = " 🔒" if op.get("security") else ""
                rows.append(
                    f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}"
                    f"</code>{lock}</td><td>{html.escape(op.get('summary', ''))}</td></tr>"
                )
    missing = merged.get("x-missing-services") or []
    note = f"<p>Not answering now: {html.escape(', '.join(missing))}.</p>" if missing else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ALGA Campus API</title>
<style>body{{font:15px system-ui,sans-serif;margin:2rem}}td{{padding:.2rem .6rem}}</style>
</head><body><h1>ALGA Campus API</h1>
<p>The full OpenAPI document: <a href="/api/openapi.json">/api/openapi.json</a>.</p>{note}
<table>{"".join(rows)}</table></body></html>""".encode()


def asset_path(url_path: str) -> Path | None:
    """The packaged file behind a `/api/docs/<version>/<name>` URL, if it is one we serve."""
    if SWAGGER_DIR is None or not url_path.startswith(ASSET_PREFIX):
        return None
    name = url_path[len(ASSET_PREFIX) :]
    return SWAGGER_DIR / name if name in ASSETS else None


def parse_json(body: bytes) -> dict[str, Any]:
    value = json.loads(body)
    return value if isinstance(value, dict) else {}
