"""The ASGI app: routes, request limits, API keys, CORS, the access log, start-up and shutdown.

Checks run in a pool of threads, off the event loop, so a slow request (a long article, a slow
LanguageTool server) never holds up the others; each waits at most the time limit, queueing
included, and then gets 503 (a check still queued is cancelled). Every client error is a JSON
answer ``{"error": ..., "status": ...}``. The access log names the method, path, status, size and
time of each request, never the query string or the body, so no copy reaches the log.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import urllib.parse
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copylint.app.server import json_api, lt_protocol
from copylint.app.server.errors import ApiError
from copylint.app.server.linters import Linters, base_config, grammar_server
from copylint.app.server.openapi import openapi_document
from copylint.app.server.settings import ApiKeys, ServerSettings
from copylint.core.errors import CopylintError
from copylint.core.version import __version__

T = TypeVar("T")
log = logging.getLogger("copylint.server")
access_log = logging.getLogger("copylint.server.access")
STATIC_DIR = Path(__file__).resolve().parent / "static"
#: the page loads nothing but its own files and talks to nothing but this server
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
FORM = "application/x-www-form-urlencoded"


class Service:
    """What the handlers share: settings, API keys, linters and the threads that run checks."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.keys = ApiKeys.from_file(settings.api_key_file)
        config = base_config(settings.config, settings.isolated)
        #: the LanguageTool server grammar matches come from (None: no grammar)
        self.grammar = grammar_server(config)
        self.linters = Linters(config)
        self.pool = ThreadPoolExecutor(settings.threads, thread_name_prefix="copylint-check")

    async def run(self, work: Callable[[], T]) -> T:
        """``work()`` in a check thread, within the time limit (waiting for a thread included)."""
        future = asyncio.get_running_loop().run_in_executor(self.pool, work)
        try:
            return await asyncio.wait_for(future, self.settings.time_limit)
        except TimeoutError:
            raise ApiError(503, f"the check took longer than this server's limit of "
                                f"{self.settings.time_limit:g} s; try again, or send a shorter text") from None

    async def body(self, request: Request) -> bytes:
        """The request body, refused with 413 as soon as it is larger than the limit."""
        limit = self.settings.max_request_bytes
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise ApiError(400, f"bad Content-Length header {declared!r}")
            if int(declared) > limit:
                raise ApiError(413, f"the request body ({int(declared):,} bytes) is larger than this "
                                    f"server's limit of {limit:,} bytes")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ApiError(413, f"the request body is larger than this server's limit of {limit:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def authorize(self, request: Request, parameter: str | None = None) -> None:
        """Raise 401 unless the request carries an accepted key (``Authorization: Bearer KEY`` or
        the ``apiKey`` parameter), when this server needs one."""
        if not self.keys.required:
            return
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else None
        if not self.keys.accepts(key or parameter or request.query_params.get("apiKey")):
            raise ApiError(401, "this server needs an API key: send 'Authorization: Bearer KEY' "
                                "or the apiKey parameter")

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.linters.close()


def create_app(settings: ServerSettings) -> Starlette:
    """The app for ``settings`` (raises CopylintError for a config or key file it cannot use)."""
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        seconds = await asyncio.get_running_loop().run_in_executor(service.pool, service.linters.warm_up)
        log.info("copylint %s ready (warmed up in %.1f s; grammar %s; API key %s)", __version__, seconds,
                 f"from LanguageTool at {service.grammar}" if service.grammar else "off",
                 "required" if service.keys.required else "not required")
        yield
        log.info("copylint server stopping")
        service.close()

    async def lt_params(request: Request) -> dict[str, str]:
        """``/v2/check``'s parameters: the query string, then the form body (LTeX sends its form
        with a JSON content type, so any body but multipart is read as a form)."""
        params = _form(request.url.query, "query string")
        if request.method == "POST":
            body = await service.body(request)
            ctype = request.headers.get("content-type", "").partition(";")[0].strip().lower()
            if ctype == "multipart/form-data":
                raise ApiError(415, f"send the parameters as {FORM} (curl --data-urlencode), not multipart")
            if body.lstrip()[:1] == b"{":
                raise ApiError(400, "/v2/check takes form parameters (text=..., language=...); "
                                    "send JSON to /api/v1/check")
            try:
                params.update(_form(body.decode("utf-8"), "form body"))
            except UnicodeDecodeError:
                raise ApiError(400, "the form body is not UTF-8") from None
        return params

    async def lt_check(request: Request) -> Response:
        params = await lt_params(request)
        service.authorize(request, params.get("apiKey"))
        check = lt_protocol.parse_check(params, service.linters.base_config.dialect)
        return _json(await service.run(lambda: lt_protocol.check(service.linters.get(check.variant), check)))

    async def lt_languages(request: Request) -> Response:
        service.authorize(request)
        return _json(lt_protocol.languages())

    async def lt_info(request: Request) -> Response:
        service.authorize(request)
        return _json({"software": lt_protocol.software()})

    async def lt_config_info(request: Request) -> Response:
        service.authorize(request)
        # a character takes at most 9 bytes of a URL-encoded form (%E2%80%99), so this many always fit
        return _json(lt_protocol.config_info(settings.max_request_bytes // 9))

    async def api_check(request: Request) -> Response:
        service.authorize(request)
        body = json_api.parse_request(await service.body(request), fix=False)
        return _json(await service.run(lambda: json_api.check(service.linters.get(body.variant), body)))

    async def api_fix(request: Request) -> Response:
        service.authorize(request)
        body = json_api.parse_request(await service.body(request), fix=True)
        return _json(await service.run(lambda: json_api.fix(service.linters.get(body.variant), body)))

    async def api_options(request: Request) -> Response:
        service.authorize(request)
        return _json(json_api.options(service.linters.base_config, service.grammar is not None))

    async def openapi(request: Request) -> Response:
        service.authorize(request)
        return _json(openapi_document(service.keys.required))

    async def healthz(request: Request) -> Response:
        return _json({"status": "ok", "version": __version__})

    async def page(request: Request) -> Response:
        return FileResponse(STATIC_DIR / "index.html", headers=PAGE_HEADERS)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v2/check", lt_check, methods=["GET", "POST"]),
        Route("/v2/languages", lt_languages, methods=["GET"]),
        Route("/v2/info", lt_info, methods=["GET"]),
        Route("/v2/configinfo", lt_config_info, methods=["GET"]),
        Route("/api/v1/check", api_check, methods=["POST"]),
        Route("/api/v1/fix", api_fix, methods=["POST"]),
        Route("/api/v1/options", api_options, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    middleware = [Middleware(AccessLog)]
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"],
                                     max_age=3600))
    handlers = {ApiError: _api_error, HTTPException: _http_error, CopylintError: _copylint_error,
                Exception: _internal_error}
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     exception_handlers=handlers)  # type: ignore[arg-type]


def app_from_environment() -> Starlette:
    """The app factory uvicorn calls in each worker: settings from ``COPYLINT_SERVER_SETTINGS``."""
    return create_app(ServerSettings.from_environment())


def _form(text: str, where: str) -> dict[str, str]:
    try:
        return dict(urllib.parse.parse_qsl(text, keep_blank_values=True, errors="strict"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, f"the {where} is not valid URL-encoded UTF-8") from None


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status, headers, media_type="application/json")


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return _json(exc.to_json(), exc.status, headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = {404: f"not found: {request.url.path}",
               405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
    return _json({"error": message, "status": exc.status_code}, exc.status_code, exc.headers)


async def _copylint_error(request: Request, exc: Exception) -> Response:
    """A configuration a request asked for that cannot be used (an unknown house style, say)."""
    return _json({"error": str(exc), "status": 400}, 400)


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return _json({"error": f"internal error ({type(exc).__name__}); the server log has the details",
                  "status": 500}, 500)


class AccessLog:
    """One log line per request: client, method, path, status, bytes sent, milliseconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, sent = 500, 0

        async def counting_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            client = scope.get("client")
            access_log.info('%s "%s %s" %d %dB %.1fms', client[0] if client else "-", scope["method"],
                            scope["path"], status, sent, (time.perf_counter() - started) * 1000)
