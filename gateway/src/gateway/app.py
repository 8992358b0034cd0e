"""The gateway as one plain ASGI application.

Not FastAPI: its routing and request/response objects cost ~0.3 ms a request, about as much as
the whole forwarding path here (ENVIRONMENT.md, "Gateway proxy speed"). Everything on the
forwarded path works on the raw ASGI scope and the raw header lists, and the upstream client is
one shared, pooled `aiohttp.ClientSession` (httpx costs ~10x the CPU per request).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from common.auth import ACCESS_COOKIE, InvalidToken, JWKSUnavailable, TokenVerifier
from gateway import dashboard, docs
from gateway.problem import Headers, Send, send_bytes, send_json, send_problem
from gateway.settings import KNOWN_SERVICES, Settings
from gateway.static import IMMUTABLE, REVALIDATE, FileResponder, spa_file
from gateway.tokens import CachedVerifier
from gateway.upstream import OpenAPIStore, check_health

log = logging.getLogger("gateway")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]

# RFC 9110 §7.6.1: meaningful for one connection only, never forwarded. Proxy-Authorization and
# Proxy-Authenticate are addressed to a proxy, i.e. to us. Trailers are not relayed, so neither
# is the header announcing them.
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-connection",
        b"te",
        b"transfer-encoding",
        b"upgrade",
        b"trailer",
        b"proxy-authorization",
        b"proxy-authenticate",
    }
)
# Request headers the gateway sets itself (Host and Content-Length come from aiohttp; uvicorn
# already dealt with Expect: 100-continue on the client side).
_REQUEST_OWN = HOP_BY_HOP | {
    b"host",
    b"content-length",
    b"expect",
    b"x-request-id",
    b"x-forwarded-for",
    b"x-forwarded-proto",
    b"x-forwarded-host",
    b"authorization",
}
# Response headers the gateway sets itself: uvicorn adds Date and Server, we add the request id,
# and CORS is the gateway's decision alone ("configured origins only").
_RESPONSE_OWN = HOP_BY_HOP | {b"date", b"server", b"x-request-id"}

_ACCESS_COOKIE = ACCESS_COOKIE.encode()
_REQUEST_ID = re.compile(rb"[A-Za-z0-9._-]{1,128}")
_GATEWAY_PATHS = {
    "/api/health": {
        "get": {
            "tags": ["gateway"],
            "summary": "State of every service behind the gateway",
            "operationId": "gateway_health",
            "responses": {
                "200": {"description": "Every service is up"},
                "503": {"description": "At least one service is down; it is named"},
            },
        }
    },
    "/api/openapi.json": {
        "get": {
            "tags": ["gateway"],
            "summary": "This document",
            "operationId": "gateway_openapi",
            "responses": {"200": {"description": "The merged OpenAPI document"}},
        }
    },
    **dashboard.OPENAPI_PATHS,
}


class ClientGone(Exception):
    """The client disconnected while we were reading its request body."""


class UpstreamBroken(Exception):
    """The upstream failed after the response had started: the only honest thing left is to
    drop the connection so the client sees a truncated transfer, not a complete one."""


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


def _header_text(value: bytes) -> str:
    # aiohttp writes header values back as UTF-8, so decoding them as UTF-8 gives the service
    # the very bytes the client sent (cookies and names often carry UTF-8). Bytes that are not
    # UTF-8 (rare obs-text) cannot make that round trip and are replaced.
    try:
        return value.decode()
    except UnicodeDecodeError:
        return value.decode(errors="replace")


def _cookie(cookie_header: bytes, name: bytes) -> str | None:
    for part in cookie_header.split(b";"):
        key, sep, value = part.strip().partition(b"=")
        if sep and key == name:
            value = value.strip()
            if value[:1] == b'"' and value[-1:] == b'"':
                value = value[1:-1]
            return value.decode("latin-1") or None
    return None


class Gateway:
    def __init__(self, settings: Settings, *, token_verifier: TokenVerifier | None = None) -> None:
        self.settings = settings
        self._urls = settings.service_urls()
        self._known = frozenset(KNOWN_SERVICES)
        self._cors_origins = frozenset(o.encode() for o in settings.cors_origins)
        self._spa_root = Path(settings.spa_dir).resolve()
        self._files = FileResponder()
        self._buffer_limit = settings.buffer_limit
        self._upstream_timeout = settings.upstream_timeout
        self._given_verifier = token_verifier
        self._session: aiohttp.ClientSession | None = None
        self._tokens: CachedVerifier | None = None
        self._openapi: OpenAPIStore | None = None
        self._dashboard = dashboard.Dashboard(
            lambda: self._session,
            self._urls,
            lambda: self._tokens,
            timeout=settings.dashboard_timeout,
            connect_timeout=settings.connect_timeout,
        )
        # Raw-path prefixes, so the upstream target keeps the client's percent-encoding.
        self._service_prefix = {name: f"/api/{name}".encode() for name in self._urls}

    # ---------------------------------------------------------------- lifecycle

    async def startup(self) -> None:
        if self._session is not None:
            return
        s = self.settings
        connector = aiohttp.TCPConnector(
            limit=0,
            limit_per_host=s.pool_per_host,
            # Below uvicorn's 5 s keep-alive, so we drop an idle connection before the service
            # does; otherwise a POST may be written into a socket the service just closed.
            keepalive_timeout=4.0,
            ttl_dns_cache=300,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            # The client negotiated the encoding with the service; we relay bytes untouched.
            auto_decompress=False,
            cookie_jar=aiohttp.DummyCookieJar(),
            # Only what the client sent: an added Accept-Encoding would get compressed bodies
            # back for clients that never asked for them.
            skip_auto_headers=("Accept", "Accept-Encoding", "User-Agent", "Content-Type"),
            timeout=aiohttp.ClientTimeout(
                total=None,
                connect=s.upstream_timeout,  # includes waiting for a free pooled connection
                sock_connect=s.connect_timeout,
                sock_read=s.upstream_timeout,
            ),
            trust_env=False,
        )
        verifier = self._given_verifier or TokenVerifier(
            issuer=s.jwt_issuer, audience=s.jwt_audience, jwks_url=s.jwks_url()
        )
        self._tokens = CachedVerifier(verifier, max_size=s.token_cache_size)
        self._openapi = OpenAPIStore(
            lambda: self._session,
            self._urls,
            ttl=s.openapi_ttl,
            timeout=aiohttp.ClientTimeout(total=max(5.0, s.connect_timeout), sock_connect=s.connect_timeout),
        )
        self._openapi.prefetch()

    async def shutdown(self) -> None:
        if self._openapi is not None:
            await self._openapi.aclose()
        if self._tokens is not None:
            await self._tokens.aclose()
        if self._session is not None:
            await self._session.close()
        self._session = None

    # ---------------------------------------------------------------- ASGI entry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            if self._session is None:  # served without lifespan (e.g. an ASGI test transport)
                await self.startup()
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)
        else:  # websockets are not proxied
            await send({"type": "websocket.close", "code": 1003})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.startup()
                except Exception as exc:
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = origin = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                request_id = value
            elif name == b"origin":
                origin = value
        if request_id is None or not _REQUEST_ID.fullmatch(request_id):
            request_id = uuid.uuid4().hex.encode()

        extra: Headers = [(b"x-request-id", request_id)]
        if self._cors_origins:
            extra.append((b"vary", b"Origin"))
            if origin is not None and origin in self._cors_origins:
                extra += [
                    (b"access-control-allow-origin", origin),
                    (b"access-control-allow-credentials", b"true"),
                    (b"access-control-expose-headers", b"X-Request-ID"),
                ]
        if (
            scope["method"] == "OPTIONS"
            and origin is not None
            and _header(scope, b"access-control-request-method") is not None
        ):
            await self._preflight(scope, send, origin, request_id)
            return

        path: str = scope["path"]
        if path.startswith("/api/") or path == "/api":
            service, _, _ = path[5:].partition("/")
            if service in self._urls:
                await self._forward(scope, receive, send, service, request_id, extra)
            else:
                await self._gateway_endpoint(scope, send, path, service, extra)
        else:
            await self._spa(scope, send, path, extra)

    # ---------------------------------------------------------------- forwarding

    async def _forward(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        service: str,
        request_id: bytes,
        extra: Headers,
    ) -> None:
        method: str = scope["method"]
        path: str = scope["path"]
        rest = path[5 + len(service) :] or "/"

        authorization = cookie = host = forwarded_for = content_length = None
        chunked = False
        connection_tokens: set[bytes] = set()
        headers: list[tuple[str, str]] = []
        for name, value in scope["headers"]:
            if name in _REQUEST_OWN:
                if name == b"authorization":
                    authorization = value
                elif name == b"host":
                    host = value
                elif name == b"x-forwarded-for":
                    forwarded_for = value
                elif name == b"content-length":
                    content_length = value
                elif name == b"transfer-encoding":
                    chunked = True
                elif name == b"connection":
                    connection_tokens.update(t.strip().lower() for t in value.split(b","))
                continue
            if name == b"cookie":
                cookie = value
            headers.append((name.decode("latin-1"), _header_text(value)))
        if connection_tokens:
            # Headers named in Connection are hop-by-hop too (RFC 9110 §7.6.1).
            headers = [(n, v) for n, v in headers if n.encode() not in connection_tokens]

        # ---- token: explicit header first, else the browser's HttpOnly cookie.
        token = from_cookie = None
        if authorization is not None:
            scheme, _, credentials = authorization.partition(b" ")
            if scheme.lower() == b"bearer":
                token = credentials.strip().decode("latin-1")
            else:  # e.g. HTTP Basic for OAuth2 client credentials: the service's business
                headers.append(("Authorization", _header_text(authorization)))
        elif cookie is not None:
            from_cookie = _cookie(cookie, _ACCESS_COOKIE)
        tokens = self._tokens
        assert tokens is not None
        candidate = token if token is not None else from_cookie
        if candidate is not None:
            try:
                await tokens.verify(candidate)
            except InvalidToken as exc:
                # A stale cookie must not block public calls, above all /auth/refresh and
                # /auth/login which are how the browser gets a fresh one; a token sent
                # explicitly is a client bug worth a clear 401 every time.
                if token is not None or await self._protected(service, method, rest):
                    await self._unauthorized(send, path, exc.reason, extra, invalid=True)
                    return
                from_cookie = None
            except JWKSUnavailable:
                await send_problem(
                    send,
                    503,
                    "Tokens cannot be checked right now (identity's keys are unavailable); try again shortly.",
                    extra,
                    instance=path,
                )
                return
            else:
                headers.append(("Authorization", f"Bearer {candidate}"))
        if token is None and from_cookie is None and await self._protected(service, method, rest):
            await self._unauthorized(send, path, "Log in, or send an access token in the Authorization header.", extra)
            return

        # ---- forwarding headers
        client = scope.get("client")
        client_ip = client[0] if client else "unknown"
        headers.append(("X-Request-ID", request_id.decode()))
        headers.append(
            (
                "X-Forwarded-For",
                f"{_header_text(forwarded_for)}, {client_ip}" if forwarded_for else client_ip,
            )
        )
        headers.append(("X-Forwarded-Proto", scope.get("scheme", "http")))
        if host is not None:
            headers.append(("X-Forwarded-Host", _header_text(host)))

        # ---- URL: keep the client's percent-encoding byte for byte.
        raw_path: bytes | None = scope.get("raw_path")
        prefix = self._service_prefix[service]
        if raw_path is not None and raw_path.startswith(prefix):
            target = raw_path[len(prefix) :].decode("latin-1") or "/"
        else:
            target = quote(rest)
        query: bytes = scope.get("query_string", b"")
        if query:
            target = f"{target}?{query.decode('latin-1')}"
        url = URL(self._urls[service] + target, encoded=True)

        # ---- body: small ones whole, big or unsized ones streamed.
        data: bytes | AsyncIterator[bytes] | None = None
        if content_length is not None:
            size = int(content_length) if content_length.isdigit() else -1
            if 0 <= size <= self._buffer_limit:
                if size:
                    try:
                        data = await _read_body(receive)
                    except ClientGone:
                        return
            else:
                if size > 0:
                    headers.append(("Content-Length", content_length.decode()))
                data = _stream_body(receive)
        elif chunked:
            data = _stream_body(receive)
        # else: HTTP/1.1 without Content-Length or Transfer-Encoding has no body.

        session = self._session
        assert session is not None
        started = time.monotonic()
        try:
            response = await session.request(method, url, headers=headers, data=data, allow_redirects=False)
        except ClientGone:
            return
        except aiohttp.ClientConnectorError as exc:
            log.warning("%s refuses connections (%s) [%s]", service, exc, request_id.decode())
            await send_problem(send, 503, f"{service} is unavailable", extra, instance=path)
            return
        except aiohttp.ConnectionTimeoutError:
            await send_problem(
                send,
                503,
                f"{service} is unavailable (no connection within {self.settings.connect_timeout:g} s)",
                extra,
                instance=path,
            )
            return
        except (aiohttp.SocketTimeoutError, TimeoutError):
            log.warning(
                "%s did not answer %s %s within %.1f s [%s]",
                service,
                method,
                rest,
                time.monotonic() - started,
                request_id.decode(),
            )
            await send_problem(
                send,
                504,
                f"{service} did not answer within {self._upstream_timeout:g} s",
                extra,
                instance=path,
            )
            return
        except aiohttp.ClientError as exc:
            log.warning("%s failed: %r [%s]", service, exc, request_id.decode())
            await send_problem(
                send,
                502,
                f"{service} gave no valid answer ({type(exc).__name__})",
                extra,
                instance=path,
            )
            return

        try:
            # A streamed request body may still be reading `receive`; nobody else may then.
            watch = receive if data is None or isinstance(data, bytes) else None
            await self._relay(response, method, watch, send, extra, service, path)
        finally:
            response.release()

    async def _relay(
        self,
        response: aiohttp.ClientResponse,
        method: str,
        receive: Receive | None,
        send: Send,
        extra: Headers,
        service: str,
        path: str,
    ) -> None:
        out: Headers = []
        length = -1
        for name, value in response.raw_headers:
            name = name.lower()
            if name in _RESPONSE_OWN or name.startswith(b"access-control-"):
                continue
            if name == b"content-length" and value.isdigit():
                length = int(value)
            out.append((name, value))
        out += extra
        status = response.status

        if method == "HEAD" or status in (204, 304) or 0 <= length <= self._buffer_limit:
            try:
                body = await response.read() if method != "HEAD" else b""
            except TimeoutError:
                await send_problem(
                    send,
                    504,
                    f"{service} did not finish its answer within {self._upstream_timeout:g} s",
                    extra,
                    instance=path,
                )
                return
            except aiohttp.ClientError as exc:
                await send_problem(
                    send,
                    502,
                    f"{service} broke off its answer ({type(exc).__name__})",
                    extra,
                    instance=path,
                )
                return
            await send({"type": "http.response.start", "status": status, "headers": out})
            await send({"type": "http.response.body", "body": body})
            return

        # Large or unsized (file downloads, streams): pass chunks on as they come. uvicorn
        # silently drops writes once the client has gone, so watch for that ourselves rather
        # than pull the rest of a large file from the service for nobody.
        await send({"type": "http.response.start", "status": status, "headers": out})
        gone = asyncio.ensure_future(_disconnected(receive)) if receive is not None else None
        content = response.content
        try:
            while chunk := await content.readany():
                if gone is not None and gone.done():
                    response.close()
                    return
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise UpstreamBroken(f"{service} broke off a streamed answer: {exc!r}") from exc
        finally:
            if gone is not None:
                gone.cancel()
        await send({"type": "http.response.body", "body": b""})

    async def _protected(self, service: str, method: str, rest: str) -> bool:
        assert self._openapi is not None
        index = await self._openapi.index_for(service)
        return index is not None and index.requires_token(method, rest)

    async def _unauthorized(self, send: Send, path: str, detail: str, extra: Headers, *, invalid: bool = False) -> None:
        challenge = b'Bearer realm="alga"'
        if invalid:
            challenge += b', error="invalid_token"'
        await send_problem(
            send,
            401,
            detail,
            extra,
            instance=path,
            headers=[(b"www-authenticate", challenge)],
        )

    # ---------------------------------------------------------------- CORS preflight

    async def _preflight(self, scope: Scope, send: Send, origin: bytes, request_id: bytes) -> None:
        vary = (b"vary", b"Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
        if origin not in self._cors_origins:
            await send_problem(
                send,
                403,
                f"Origin {origin.decode('latin-1')} is not allowed to call this API.",
                [(b"x-request-id", request_id), vary],
                instance=scope["path"],
            )
            return
        headers: Headers = [
            (b"access-control-allow-origin", origin),
            (b"access-control-allow-credentials", b"true"),
            (b"access-control-allow-methods", b"GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"),
            (b"access-control-max-age", b"600"),
            (b"x-request-id", request_id),
            vary,
        ]
        requested = _header(scope, b"access-control-request-headers")
        if requested:
            headers.append((b"access-control-allow-headers", requested))
        await send_bytes(send, 204, headers, b"")

    # ---------------------------------------------------------------- the gateway's own endpoints

    async def _gateway_endpoint(self, scope: Scope, send: Send, path: str, service: str, extra: Headers) -> None:
        method = scope["method"]
        composed = path in dashboard.PATHS
        own = composed or path in ("/api/health", "/api/openapi.json", "/api/docs", "/api/docs/")
        own = own or path.startswith("/api/docs/")
        if not own:
            if service == "dashboard":
                detail = f"The dashboard answers {' and '.join(sorted(dashboard.PATHS))}."
            elif service in self._known:
                detail = f"The {service} service is not enabled on this gateway (GATEWAY_SERVICES)."
            elif service:
                detail = (
                    f"There is no service named {service!r}; the API is /api/<service>/… with "
                    f"one of: {', '.join(self._urls)}."
                )
            else:
                detail = f"The API is /api/<service>/… with one of: {', '.join(self._urls)}."
            await send_problem(send, 404, detail, extra, instance=path)
            return
        if method not in ("GET", "HEAD"):
            await send_problem(
                send,
                405,
                f"{path} only answers GET.",
                extra,
                instance=path,
                headers=[(b"allow", b"GET, HEAD")],
            )
            return
        head = method == "HEAD"
        assert self._session is not None and self._openapi is not None

        if composed:
            await self._dashboard.handle(scope, send, path, extra, head=head)
        elif path == "/api/health":
            status, payload = await check_health(self._session, self._urls, self.settings.health_timeout)
            await send_json(send, status, payload, [(b"cache-control", b"no-store"), *extra])
        elif path == "/api/openapi.json":
            body = await self._openapi.merged(_GATEWAY_PATHS)
            await send_bytes(
                send,
                200,
                [(b"content-type", b"application/json"), (b"cache-control", b"no-cache"), *extra],
                body,
                head=head,
            )
        elif path in ("/api/docs", "/api/docs/"):
            if docs.SWAGGER_DIR is not None:
                page = docs.swagger_page()
            else:
                page = docs.plain_page(docs.parse_json(await self._openapi.merged(_GATEWAY_PATHS)))
            await send_bytes(
                send,
                200,
                [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"cache-control", b"no-cache"),
                    (b"x-content-type-options", b"nosniff"),
                    *extra,
                ],
                page,
                head=head,
            )
        elif path == docs.INIT_JS:
            await send_bytes(
                send,
                200,
                [
                    (b"content-type", b"text/javascript; charset=utf-8"),
                    (b"cache-control", IMMUTABLE),
                    *extra,
                ],
                docs.INIT_SCRIPT,
                head=head,
            )
        else:
            asset = docs.asset_path(path)
            sent = asset is not None and await self._files.send(
                send,
                asset,
                accept_encoding=(_header(scope, b"accept-encoding") or b"").decode("latin-1"),
                if_none_match=None,
                cache_control=IMMUTABLE,
                extra=[(b"x-content-type-options", b"nosniff"), *extra],
                head=head,
            )
            if not sent:
                await send_problem(send, 404, "No such documentation file.", extra, instance=path)

    # ---------------------------------------------------------------- the SPA

    async def _spa(self, scope: Scope, send: Send, path: str, extra: Headers) -> None:
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            await send_problem(
                send,
                405,
                "The web app only answers GET; the API is under /api/.",
                extra,
                instance=path,
                headers=[(b"allow", b"GET, HEAD")],
            )
            return
        accept = (_header(scope, b"accept") or b"").decode("latin-1")
        wants_html = "text/html" in accept
        root = self._spa_root
        target, built = spa_file(root, path)
        if not built:
            if path == "/" or wants_html:
                await send_bytes(
                    send,
                    503,
                    [
                        (b"content-type", b"text/html; charset=utf-8"),
                        (b"cache-control", b"no-store"),
                        *extra,
                    ],
                    _not_built_page(root),
                    head=method == "HEAD",
                )
            else:
                await send_problem(send, 404, "The web app is not built.", extra, instance=path)
            return

        accept_encoding = (_header(scope, b"accept-encoding") or b"").decode("latin-1")
        if_none_match = (_header(scope, b"if-none-match") or b"").decode("latin-1") or None
        file_extra = [(b"x-content-type-options", b"nosniff"), *extra]

        async def send_file(target: Path, cache_control: bytes) -> bool:
            return await self._files.send(
                send,
                target,
                accept_encoding=accept_encoding,
                if_none_match=if_none_match,
                cache_control=cache_control,
                extra=file_extra,
                head=method == "HEAD",
            )

        if target is not None:
            # Vite puts content-hashed names under /assets/: a changed file gets a new URL, so
            # these never need revalidating. Everything else may change under the same name.
            cache = IMMUTABLE if path.startswith("/assets/") else REVALIDATE
            if await send_file(target, cache):
                return
        if wants_html and not path.startswith("/assets/"):
            # History fallback: the client-side router owns every other page URL.
            await send_file(root / "index.html", REVALIDATE)
            return
        await send_problem(send, 404, f"No file at {path}.", extra, instance=path)


def _not_built_page(root: Path) -> bytes:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ALGA Campus: web app not built</title></head>
<body style="font:16px system-ui,sans-serif;margin:2rem;max-width:40rem">
<h1>The web app is not built yet</h1>
<p>The gateway serves the single-page app from <code>{root}</code>, which has no
<code>index.html</code>. Build the frontend (<code>cd frontend &amp;&amp; npm ci &amp;&amp;
npm run build</code>) or point <code>GATEWAY_SPA_DIR</code> at a built copy.</p>
<p>The API works meanwhile: <a href="/api/docs">/api/docs</a>,
<a href="/api/health">/api/health</a>.</p>
</body></html>""".encode()


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _stream_body(receive: Receive) -> AsyncIterator[bytes]:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        body = message.get("body", b"")
        if body:
            yield body
        if not message.get("more_body"):
            return
