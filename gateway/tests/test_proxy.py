"""Forwarding /api/<service>/<rest> to the service, over real HTTP on both sides."""

from __future__ import annotations

import hashlib
import re
import socket
import time
import uuid
from typing import Any

import httpx


def header_values(echo: dict[str, Any], name: str) -> list[str]:
    return [v for k, v in echo["headers"] if k == name]


def test_forwards_method_path_query_and_body(gateway: httpx.Client) -> None:
    response = gateway.post(
        "/api/identity/echo/a%2Fb/c d?x=1&x=2&q=caf%C3%A9&empty=",
        json={"email": "amina@example.org", "password": "s3cret!"},
    )

    assert response.status_code == 200
    echo = response.json()
    assert echo["service"] == "identity"
    assert echo["method"] == "POST"
    # The service sees its own path, with the client's percent-encoding untouched.
    assert echo["raw_path"] == "/echo/a%2Fb/c%20d"
    assert echo["query"] == "x=1&x=2&q=caf%C3%A9&empty="
    assert echo["body"] == '{"email":"amina@example.org","password":"s3cret!"}'
    assert header_values(echo, "content-type") == ["application/json"]


def test_each_service_gets_its_own_requests(gateway: httpx.Client) -> None:
    assert gateway.get("/api/identity/echo/x").json()["service"] == "identity"
    assert gateway.get("/api/catalogue/echo/x").json()["service"] == "catalogue"


def test_other_methods_and_status_codes_pass_through(gateway: httpx.Client) -> None:
    for method in ("PUT", "PATCH", "DELETE"):
        response = gateway.request(method, "/api/catalogue/echo/thing?status=418")
        assert response.status_code == 418
        assert response.json()["method"] == method


def test_head_gets_headers_without_body(gateway: httpx.Client) -> None:
    response = gateway.head("/api/catalogue/echo/head")
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_response_headers_and_every_set_cookie_come_back(gateway: httpx.Client) -> None:
    response = gateway.get("/api/identity/echo/cookies")

    assert response.headers["x-upstream"] == "identity"
    cookies = response.headers.get_list("set-cookie")
    assert len(cookies) == 2
    assert cookies[0].startswith("first=1;") and "HttpOnly" in cookies[0]
    assert cookies[1].startswith("second=2;") and "Path=/api" in cookies[1]
    # One Date and one Server header, not the service's next to uvicorn's.
    assert len(response.headers.get_list("date")) == 1


def test_forwarding_headers_are_set_and_hop_by_hop_ones_dropped(gateway: httpx.Client) -> None:
    response = gateway.get(
        "/api/identity/echo/headers",
        headers={
            "X-Custom": "kept",
            "X-Forwarded-For": "203.0.113.9",
            "Connection": "keep-alive, X-Secret-Hop",
            "X-Secret-Hop": "must not travel",
            "Keep-Alive": "timeout=5",
            "Proxy-Authorization": "Basic Zm9vOmJhcg==",
        },
    )
    echo = response.json()
    names = {k for k, _ in echo["headers"]}

    assert header_values(echo, "x-custom") == ["kept"]
    assert header_values(echo, "x-forwarded-for") == ["203.0.113.9, 127.0.0.1"]
    assert header_values(echo, "x-forwarded-proto") == ["http"]
    assert header_values(echo, "x-forwarded-host") == [gateway.base_url.netloc.decode()]
    assert not names & {"x-secret-hop", "keep-alive", "proxy-authorization"}
    # Host is the service's own, not the gateway's.
    assert header_values(echo, "host") != [gateway.base_url.netloc.decode()]


def test_non_ascii_header_bytes_arrive_unchanged(gateway: httpx.Client) -> None:
    name = "Aïssatou Bâ".encode()
    response = gateway.get(
        "/api/identity/echo/utf8", headers=[(b"X-Display-Name", name), (b"Cookie", b"city=F\xc3\xa8s")]
    )
    echo = response.json()
    assert header_values(echo, "x-display-name") == ["Aïssatou Bâ"]
    assert header_values(echo, "cookie") == ["city=Fès"]


def test_accept_encoding_is_not_invented(gateway: httpx.Client) -> None:
    """A client that did not ask for gzip must not get gzip (the gateway does not decompress)."""
    plain = gateway.get("/api/identity/compressed", headers={"Accept-Encoding": "identity"})
    assert plain.content == b"plain"
    assert "content-encoding" not in plain.headers

    raw = gateway.build_request("GET", "/api/identity/compressed")
    raw.headers["Accept-Encoding"] = "gzip"
    relayed = gateway.send(raw, stream=True)
    assert relayed.headers["content-encoding"] == "gzip"
    assert b"".join(relayed.iter_raw()) == b"\x1f\x8bfake"  # relayed as is, not decompressed
    relayed.close()


def test_large_upload_is_streamed_through(gateway: httpx.Client) -> None:
    body = bytes(range(256)) * 8192  # 2 MiB, above the buffering limit
    response = gateway.put("/api/catalogue/echo/upload", content=body, headers={"Content-Type": "application/pdf"})
    assert response.status_code == 200
    assert response.json()["body_length"] == len(body)


def test_chunked_upload_without_length(gateway: httpx.Client) -> None:
    def chunks() -> Any:
        for _ in range(10):
            yield b"x" * 1000

    response = gateway.post("/api/catalogue/echo/chunked", content=chunks())
    assert response.json()["body_length"] == 10_000


def test_large_download_is_streamed_and_complete(gateway: httpx.Client, download: bytes) -> None:
    with gateway.stream("GET", "/api/catalogue/download") as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        digest = hashlib.sha256()
        pieces = 0
        for chunk in response.iter_raw():
            digest.update(chunk)
            pieces += 1
    assert digest.hexdigest() == hashlib.sha256(download).hexdigest()
    assert pieces > 1  # it arrived in pieces, not as one buffered blob


def test_download_stops_when_the_client_goes_away(gateway: httpx.Client, catalogue: Any) -> None:
    with gateway.stream("GET", "/api/catalogue/endless") as response:
        assert response.status_code == 200
        next(response.iter_raw())
    # The client hung up: the gateway must stop pulling from the service, not drain it forever.
    assert catalogue.stream_stopped.wait(timeout=10)


def test_request_id_is_generated_sent_upstream_and_returned(gateway: httpx.Client, catalogue: Any) -> None:
    path = f"/echo/{uuid.uuid4().hex}"
    response = gateway.get(f"/api/catalogue{path}")

    request_id = response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert header_values(response.json(), "x-request-id") == [request_id]
    assert [r["request_id"] for r in catalogue.seen if r["path"] == path] == [request_id]


def test_sane_request_id_is_kept_and_insane_one_replaced(gateway: httpx.Client) -> None:
    kept = gateway.get("/api/catalogue/echo/x", headers={"X-Request-ID": "web-42.a_B"})
    assert kept.headers["x-request-id"] == "web-42.a_B"
    assert header_values(kept.json(), "x-request-id") == ["web-42.a_B"]

    for bad in ("a" * 129, "has space", "semi;colon", "ünïcode"):
        response = gateway.get("/api/catalogue/echo/x", headers={b"X-Request-ID": bad.encode()})
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"]), bad


def test_request_id_on_errors_too(gateway: httpx.Client) -> None:
    response = gateway.get("/api/nosuchservice/x", headers={"X-Request-ID": "trace-me"})
    assert response.status_code == 404
    assert response.headers["x-request-id"] == "trace-me"


def test_unknown_service_is_a_404_problem(gateway: httpx.Client) -> None:
    response = gateway.get("/api/payments/invoices")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert problem["title"] == "Not found"
    assert problem["type"].endswith("/not-found")
    assert "payments" in problem["detail"]
    assert problem["instance"] == "/api/payments/invoices"


def test_known_but_disabled_service_is_a_404_saying_so(gateway: httpx.Client) -> None:
    response = gateway.get("/api/experts/experts")
    assert response.status_code == 404
    assert "not enabled" in response.json()["detail"]


def test_stopped_service_answers_503_quickly(make_gateway: Any, refused_url: str) -> None:
    client = make_gateway(services=["identity", "catalogue", "experts"], experts_url=refused_url)
    started = time.monotonic()
    response = client.get("/api/experts/experts")
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "experts is unavailable"
    assert response.json()["title"] == "Service unavailable"
    assert response.headers["x-request-id"]
    assert elapsed < 1.0


def test_hanging_service_answers_504_within_the_timeout(make_gateway: Any, silent_url: str, tokens: Any) -> None:
    client = make_gateway(
        services=["identity", "catalogue", "publications"],
        publications_url=silent_url,
        upstream_timeout=1.0,
    )
    started = time.monotonic()
    # With a token the gateway needs no OpenAPI lookup: this times the forward alone.
    response = client.post(
        "/api/publications/records",
        json={"title": "x"},
        headers={"Authorization": f"Bearer {tokens.user()}"},
    )
    elapsed = time.monotonic() - started

    assert response.status_code == 504
    assert response.headers["content-type"] == "application/problem+json"
    assert "publications did not answer within 1 s" in response.json()["detail"]
    assert 0.9 <= elapsed < 3.0


def test_hanging_service_anonymous_call_is_bounded_too(make_gateway: Any, silent_url: str) -> None:
    """Without a token the gateway first looks up whether the operation is protected; a hanging
    service must not make that lookup wait much longer than the forward itself."""
    client = make_gateway(
        services=["identity", "catalogue", "publications"],
        publications_url=silent_url,
        upstream_timeout=1.0,
    )
    started = time.monotonic()
    response = client.get("/api/publications/records")
    elapsed = time.monotonic() - started

    assert response.status_code == 504
    assert elapsed < 3.5


def test_service_that_breaks_the_connection_gives_502(make_gateway: Any) -> None:
    # A "service" that reads the request, then closes without answering.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(5)
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    client = make_gateway(services=["identity", "catalogue", "enrollment"], enrollment_url=url)

    import threading

    def rude() -> None:
        for _ in range(3):  # the client library may retry once on a fresh connection
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.close()

    thread = threading.Thread(target=rude, daemon=True)
    thread.start()
    response = client.post("/api/enrollment/applications", json={})
    server.close()
    thread.join(timeout=5)

    assert response.status_code == 502
    assert response.headers["content-type"] == "application/problem+json"
    assert "enrollment" in response.json()["detail"]
