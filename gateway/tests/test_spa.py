"""The built single-page app at /, with history fallback and cache headers."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway.static import spa_file

INDEX = b"<!doctype html><html><body><div id=root></div><script src=/assets/app-3f9a1c.js></script>"
APP_JS = b"console.log('ALGA Campus');\n" * 200  # big enough to be worth compressing
STYLE = b"body{margin:0}\n" * 200


@pytest.fixture
def spa_dir(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_bytes(INDEX)
    (root / "assets" / "app-3f9a1c.js").write_bytes(APP_JS)
    (root / "assets" / "style-77aa.css").write_bytes(STYLE)
    (root / "assets" / "style-77aa.css.br").write_bytes(b"pretend-brotli")
    (root / "favicon.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "robots.txt").write_bytes(b"User-agent: *\n")
    return root


@pytest.fixture
def spa(make_gateway: Any, spa_dir: Path) -> httpx.Client:
    return make_gateway(spa_dir=spa_dir)


def test_root_serves_index_revalidated_each_time(spa: httpx.Client) -> None:
    response = spa.get("/", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert response.content == INDEX
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-request-id"]


def test_client_side_routes_fall_back_to_index(spa: httpx.Client) -> None:
    response = spa.get("/programmes/executive-master/sessions", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.content == INDEX
    assert response.headers["cache-control"] == "no-cache"


def test_unknown_file_without_html_accept_is_404(spa: httpx.Client) -> None:
    response = spa.get("/missing.js", headers={"Accept": "*/*"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    # A missing hashed asset is a 404 even for a browser asking for HTML.
    assert spa.get("/assets/gone-123.js", headers={"Accept": "text/html"}).status_code == 404


def test_hashed_assets_are_cached_for_good_and_compressed(spa: httpx.Client) -> None:
    response = spa.get("/assets/app-3f9a1c.js", headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "gzip"
    assert response.content == APP_JS  # httpx undid the gzip
    assert int(response.headers["content-length"]) < len(APP_JS) // 5


def test_uncompressed_for_clients_that_do_not_accept_gzip(spa: httpx.Client) -> None:
    response = spa.get("/assets/app-3f9a1c.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in response.headers
    assert response.content == APP_JS


def test_precompressed_file_is_preferred(spa: httpx.Client) -> None:
    request = spa.build_request("GET", "/assets/style-77aa.css", headers={"Accept-Encoding": "br, gzip"})
    response = spa.send(request, stream=True)
    raw = b"".join(response.iter_raw())
    response.close()

    assert response.headers["content-encoding"] == "br"
    assert response.headers["content-type"] == "text/css; charset=utf-8"
    assert raw == b"pretend-brotli"
    assert "Accept-Encoding" in response.headers["vary"]


def test_other_files_get_their_content_type(spa: httpx.Client) -> None:
    svg = spa.get("/favicon.svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    robots = spa.get("/robots.txt")
    assert robots.headers["content-type"] == "text/plain; charset=utf-8"
    assert robots.headers["cache-control"] == "no-cache"


def test_etag_gives_304(spa: httpx.Client) -> None:
    first = spa.get("/", headers={"Accept": "text/html", "Accept-Encoding": "identity"})
    again = spa.get(
        "/",
        headers={
            "Accept": "text/html",
            "Accept-Encoding": "identity",
            "If-None-Match": first.headers["etag"],
        },
    )
    assert again.status_code == 304
    assert again.content == b""


def test_only_get_and_head(spa: httpx.Client) -> None:
    assert spa.post("/").status_code == 405
    head = spa.head("/", headers={"Accept": "text/html", "Accept-Encoding": "identity"})
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(INDEX))


def test_paths_cannot_leave_the_spa_directory(spa_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("no")
    root = spa_dir.resolve()
    assert spa_file(root, "/../secret.txt") == (None, True)
    assert spa_file(root, "/assets/../../secret.txt") == (None, True)
    assert spa_file(root, "/index.html\x00.js") == (None, True)
    (spa_dir / "link").symlink_to(tmp_path / "secret.txt")
    assert spa_file(root, "/link") == (None, True)
    assert spa_file(root, "/assets/app-3f9a1c.js") == (root / "assets" / "app-3f9a1c.js", True)


def test_traversal_over_http_is_refused(spa: httpx.Client) -> None:
    # httpx would normalise "..", so send the raw request line through the transport.
    with httpx.Client(base_url=str(spa.base_url), trust_env=False) as client:
        request = client.build_request("GET", "/")
        request.url = request.url.copy_with(raw_path=b"/assets/%2e%2e/%2e%2e/etc/passwd")
        response = client.send(request)
    assert response.status_code == 404


def test_missing_build_says_how_to_build(make_gateway: Any, tmp_path: Path) -> None:
    client = make_gateway(spa_dir=tmp_path / "not-built")
    response = client.get("/", headers={"Accept": "text/html"})

    assert response.status_code == 503
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "npm run build" in response.text
    assert "GATEWAY_SPA_DIR" in response.text
    # The API keeps working.
    assert client.get("/api/catalogue/items").status_code == 200


def test_gzip_output_is_deterministic(spa: httpx.Client) -> None:
    """The same file compresses to the same bytes (mtime=0), so caches and ETags agree."""
    request = spa.build_request("GET", "/assets/app-3f9a1c.js", headers={"Accept-Encoding": "gzip"})
    first = spa.send(request, stream=True)
    a = b"".join(first.iter_raw())
    first.close()
    second = spa.send(request, stream=True)
    b = b"".join(second.iter_raw())
    second.close()
    assert a == b and gzip.decompress(a) == APP_JS
