"""Run the copy-desk server: LanguageTool's HTTP API (/v2/check), copylint's JSON API (/api/v1/)
and a proofreading page at /.

    copylint serve                                  # http://127.0.0.1:8081/
    copylint serve --host 0.0.0.0 --port 8081 --config desk.toml --api-key-file keys.txt

Point LanguageTool clients (the browser extension's "Other server", LTeX's
ltex.languageToolHttpServerUri, the Obsidian plugin, language-tool-python) at http://HOST:PORT.
Needs the server extra: pip install 'copylint[server]'. Stops gracefully on SIGTERM or Ctrl-C
(requests in progress are answered first).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from typing import Any

NAME = "serve"
HELP = "run the copy-desk server (LanguageTool-compatible HTTP API, JSON API, proofreading page)"
ORDER = 60
EXTRA_MODULES = ("starlette", "uvicorn")
APP_FACTORY = "copylint.app.server.app:app_from_environment"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from copylint.app.server import settings as s

    p.add_argument("--host", default=s.DEFAULT_HOST, help=f"address to listen on (default {s.DEFAULT_HOST}; "
                   "0.0.0.0 for every interface)")
    p.add_argument("--port", type=int, default=s.DEFAULT_PORT, help=f"port (default {s.DEFAULT_PORT})")
    p.add_argument("--config", metavar="FILE", help="config file (default: the one found from the working folder)")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--api-key-file", metavar="FILE",
                   help="require one of the keys in FILE (one per line) on every API endpoint (not on "
                        "/healthz and the page's own files), as 'Authorization: Bearer KEY' or the apiKey "
                        "parameter")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN", dest="cors_origins",
                   help="let pages from ORIGIN (https://cms.example.org, or *) call the APIs (repeatable)")
    p.add_argument("--max-request-bytes", type=int, default=s.DEFAULT_MAX_REQUEST_BYTES, metavar="N",
                   help=f"largest request body (default {s.DEFAULT_MAX_REQUEST_BYTES:,}; larger gets 413)")
    p.add_argument("--time-limit", type=float, default=s.DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"longest a request may take, queueing included (default {s.DEFAULT_TIME_LIMIT:g}; "
                        "then 503)")
    p.add_argument("--threads", type=int, default=s.DEFAULT_THREADS, metavar="N",
                   help=f"check threads per worker (default {s.DEFAULT_THREADS})")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes, each with its own linters (default 1)")
    p.add_argument("--log-level", choices=["debug", "info", "warning", "error"], default="info",
                   help="log level (default info); the access log is at info")


def run(args: argparse.Namespace) -> int:
    missing = [m for m in EXTRA_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        print(f"copylint: error: copylint serve needs {' and '.join(missing)}: pip install 'copylint[server]'",
              file=sys.stderr)
        return 2
    import uvicorn

    from copylint.app.server.app import create_app
    from copylint.app.server.settings import ENV_VAR, ServerSettings

    settings = ServerSettings(host=args.host, port=args.port, config=args.config, isolated=args.isolated,
                              api_key_file=args.api_key_file, cors_origins=tuple(args.cors_origins),
                              max_request_bytes=args.max_request_bytes, time_limit=args.time_limit,
                              threads=args.threads, workers=args.workers)
    # reads the config and the keys now, so a bad one is one line and exit 2 (with several workers,
    # each builds its own app from the same settings; this one only checks them)
    app = create_app(settings)
    options: dict[str, Any] = {
        "host": settings.host, "port": settings.port, "log_config": log_config(args.log_level.upper()),
        "access_log": False, "server_header": False, "lifespan": "on",
        # requests in progress get their time limit to finish after SIGTERM
        "timeout_graceful_shutdown": int(settings.time_limit) + 1,
    }
    try:
        if settings.workers == 1:
            uvicorn.run(app, **options)
        else:
            os.environ[ENV_VAR] = settings.to_environment()
            uvicorn.run(APP_FACTORY, factory=True, workers=settings.workers, **options)
    except SystemExit as exc:  # uvicorn could not start (the port is taken, say) and has logged why
        if exc.code not in (0, None):
            return 2
        raise
    return 0


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's and copylint's loggers to standard error, one line each (workers get it too)."""
    handler = {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": handler},
        "loggers": {name: {"handlers": ["stderr"], "level": level, "propagate": False}
                    for name in ("uvicorn", "uvicorn.error", "copylint.server")},
    }
