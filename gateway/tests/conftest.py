"""Fixtures for the gateway tests: real uvicorn servers on free ports.

Upstreams are small FastAPI apps ("identity" and "catalogue") that echo what they receive and
record every request, so a test can tell whether the gateway called them at all. The gateway
itself runs in uvicorn too, and tests talk to it over real HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
import uvicorn
from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from common.testing import TokenFactory

TEST_ISSUER = "alga-identity"
TEST_AUDIENCE = "alga"


def _restore_gateway_package() -> None:
    # pytest's importlib mode names this file `gateway.tests.conftest` (its path from the repo
    # root) and, to make that name importable, registers the repository's gateway/ directory as
    # a namespace package called `gateway`, which hides the real package in gateway/src. Put the
    # real one back before anything imports from it.
    module = sys.modules.get("gateway")
    if module is not None and getattr(module, "__file__", None) is None:
        del sys.modules["gateway"]
        importlib.import_module("gateway")


_restore_gateway_package()

from gateway.main import create_app  # noqa: E402
from gateway.settings import Settings  # noqa: E402

DOWNLOAD_SIZE = 3 * 1024 * 1024 + 17


def download_bytes() -> bytes:
    return bytes(i % 251 for i in range(DOWNLOAD_SIZE))


class Item(BaseModel):
    id: int
    name: str


class ItemPage(BaseModel):
    items: list[Item]
    total: int


@dataclass
class Upstream:
    name: str
    app: FastAPI
    seen: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    stream_stopped: threading.Event = field(default_factory=threading.Event)

    def paths_seen(self) -> list[str]:
        return [r["path"] for r in self.seen]


_bearer = HTTPBearer(auto_error=False)


def make_upstream(name: str, jwks: dict[str, Any]) -> Upstream:
    app = FastAPI(title=f"{name} (test double)")
    upstream = Upstream(name, app)

    @app.middleware("http")
    async def record(request: Request, call_next: Any) -> Response:
        upstream.seen.append(
            {
                "path": request.url.path,
                "request_id": request.headers.get("x-request-id"),
                "authorization": request.headers.get("authorization"),
            }
        )
        return await call_next(request)

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/.well-known/jwks.json", tags=["auth"])
    async def jwks_document() -> dict[str, Any]:
        return jwks

    async def echo(request: Request, rest: str) -> Response:
        body = await request.body()
        status = int(request.query_params.get("status", "200"))
        response = JSONResponse(
            {
                "service": name,
                "method": request.method,
                "path": request.url.path,
                "raw_path": request.scope["raw_path"].decode("latin-1"),
                "query": request.scope["query_string"].decode("latin-1"),
                "headers": [[k.decode(), v.decode()] for k, v in request.scope["headers"]],
                "body_length": len(body),
                "body": body.decode("utf-8", "replace") if len(body) < 10_000 else None,
            },
            status_code=status,
            headers={"X-Upstream": name},
        )
        response.set_cookie("first", "1", httponly=True)
        response.set_cookie("second", "2", path="/api")
        return response

    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        app.add_api_route(
            "/echo/{rest:path}",
            echo,
            methods=[method],
            tags=["echo"],
            operation_id=f"echo_{method.lower()}",
        )

    @app.get("/items", tags=["items"], response_model=ItemPage)
    async def list_items() -> ItemPage:
        """Public."""
        return ItemPage(items=[Item(id=1, name="one")], total=1)

    @app.get("/items/mine", tags=["items"], response_model=ItemPage)
    async def my_items(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ItemPage:
        """Protected: declared before /items/{item_id} so it wins, as in the service."""
        return ItemPage(items=[], total=0)

    @app.get("/items/{item_id}", tags=["items"], response_model=Item)
    async def get_item(
        item_id: int,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Item:
        """Protected."""
        return Item(id=item_id, name="secret")

    @app.post("/items", tags=["items"], response_model=Item, status_code=201)
    async def create_item(
        item: Item,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Item:
        return item

    @app.get("/download", tags=["files"])
    async def download() -> StreamingResponse:
        data = download_bytes()

        async def chunks() -> Any:
            for start in range(0, len(data), 64 * 1024):
                yield data[start : start + 64 * 1024]

        return StreamingResponse(chunks(), media_type="application/pdf")

    @app.get("/endless", tags=["files"])
    async def endless() -> StreamingResponse:
        """Streams until the reader goes away; tells the test when it stopped."""
        upstream.stream_stopped.clear()

        async def chunks() -> Any:
            try:
                while True:
                    yield b"z" * 65536
                    await asyncio.sleep(0.005)  # a slow disk, say
            finally:
                upstream.stream_stopped.set()

        return StreamingResponse(chunks(), media_type="application/octet-stream")

    @app.get("/compressed", tags=["files"])
    async def compressed(request: Request) -> Response:
        # Pretends to be gzip-encoded when asked: the gateway must relay bytes untouched.
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(b"\x1f\x8bfake", headers={"Content-Encoding": "gzip"})
        return Response(b"plain")

    return upstream


class ThreadServer:
    """uvicorn serving `app` in a thread, on a socket bound to a free port."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            log_level="warning",
            lifespan="on",
            http="httptools",
            timeout_graceful_shutdown=2,
            # As at the edge: the client address is the socket's, whatever X-Forwarded-For says.
            proxy_headers=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@contextlib.contextmanager
def serving(app: Any) -> Iterator[ThreadServer]:
    server = ThreadServer(app).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def serve() -> Any:
    """`with serve(app) as server:` runs any ASGI app in uvicorn on a free port (`server.url`)."""
    return serving


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A URL whose port is bound but not listening: connections are refused, and no other
    process can take the port while the test runs."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A URL that accepts connections (the kernel's backlog does) and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


@pytest.fixture
def late_service(tokens: TokenFactory) -> Iterator[tuple[Upstream, ThreadServer]]:
    """A service whose port is reserved but which starts only when the test says so
    (`server.start()`), like a service still booting when the gateway comes up."""
    upstream = make_upstream("catalogue", tokens.jwks)
    server = ThreadServer(upstream.app)
    upstream.url = server.url
    try:
        yield upstream, server
    finally:
        if server.thread.is_alive():
            server.stop()
        else:
            server.sock.close()


@pytest.fixture(scope="session")
def download() -> bytes:
    """What the services' /download answers."""
    return download_bytes()


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:  # the kit's signer: same claims and forgeries as identity's tests
    return TokenFactory()


@pytest.fixture(scope="session")
def identity(tokens: TokenFactory) -> Iterator[Upstream]:
    upstream = make_upstream("identity", tokens.jwks)
    with serving(upstream.app) as server:
        upstream.url = server.url
        yield upstream


@pytest.fixture(scope="session")
def catalogue(tokens: TokenFactory) -> Iterator[Upstream]:
    upstream = make_upstream("catalogue", tokens.jwks)
    with serving(upstream.app) as server:
        upstream.url = server.url
        yield upstream


def gateway_settings(identity: Upstream, catalogue: Upstream, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "services": ["identity", "catalogue"],
        "identity_url": identity.url,
        "catalogue_url": catalogue.url,
        "jwt_issuer": TEST_ISSUER,
        "jwt_audience": TEST_AUDIENCE,
        "spa_dir": Path("/nonexistent-alga-spa"),
        "openapi_ttl": 30,
    }
    values.update(overrides)
    return Settings(**values)


@contextlib.contextmanager
def running_gateway(settings: Settings) -> Iterator[httpx.Client]:
    with (
        serving(create_app(settings)) as server,
        httpx.Client(base_url=server.url, timeout=20, trust_env=False) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def gateway(identity: Upstream, catalogue: Upstream) -> Iterator[httpx.Client]:
    """The gateway in front of identity and catalogue, over real HTTP."""
    with running_gateway(gateway_settings(identity, catalogue)) as client:
        yield client


@pytest.fixture
def make_gateway(identity: Upstream, catalogue: Upstream) -> Iterator[Any]:
    """Start a gateway with other settings; stopped at the end of the test."""
    stack = contextlib.ExitStack()

    def start(**overrides: Any) -> httpx.Client:
        return stack.enter_context(running_gateway(gateway_settings(identity, catalogue, **overrides)))

    with stack:
        yield start
