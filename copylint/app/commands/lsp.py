"""Run the copylint language server for editors, over standard input and output.

    pip install 'copylint[lsp]'
    copylint lsp

Editors start it themselves (see the README for VS Code, Neovim, Helix, Zed and Emacs). It checks
Markdown, HTML and plain-text documents as you type, with each file's own configuration, offers
fixes and explains each finding on hover. Exit status: 0 after the editor's shutdown and exit, 1
when the editor exits without shutting it down first, 2 on usage errors or without the extra.
"""

from __future__ import annotations

import argparse
import logging
import sys

from copylint.app.lsp.settings import DEFAULT_DEBOUNCE_MS, MAX_DEBOUNCE_MS, ServerSettings, docs_url_problem

NAME = "lsp"
HELP = "run the language server for editors (LSP over standard input and output)"
ORDER = 60
LOG_LEVELS = ("debug", "info", "warning", "error")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdio", action="store_true",
                   help="talk over standard input and output (the default and only transport; accepted "
                        "because some clients pass it)")
    p.add_argument("--log-file", metavar="FILE",
                   help="append the server's log to FILE (default: warnings to standard error)")
    p.add_argument("--log-level", choices=LOG_LEVELS, default="info",
                   help="how much --log-file gets (default: info; debug shows every message and check)")
    p.add_argument("--config", metavar="FILE", help="use this config file for every document")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--debounce", type=int, default=DEFAULT_DEBOUNCE_MS, metavar="MS",
                   help=f"milliseconds from the last change to the check (default: {DEFAULT_DEBOUNCE_MS})")
    p.add_argument("--docs-url", metavar="TEMPLATE",
                   help="link diagnostics to this URL, with {code} and {name} for the rule's "
                        "(default: pages the server writes to the user's cache folder)")


def _missing_extra() -> str | None:
    """Why the server cannot run here (None: it can)."""
    try:
        from pygls.lsp.server import LanguageServer  # noqa: F401
    except ImportError:
        return "copylint lsp needs the lsp extra: pip install 'copylint[lsp]'"
    from importlib.metadata import version

    found = version("pygls")
    if int(found.split(".")[0]) < 2:
        return f"copylint lsp needs pygls 2 (found {found}): pip install 'copylint[lsp]'"
    return None


def run(args: argparse.Namespace) -> int:
    problem = _missing_extra()
    if problem is None and not 0 <= args.debounce <= MAX_DEBOUNCE_MS:
        problem = f"--debounce must be from 0 to {MAX_DEBOUNCE_MS} milliseconds, not {args.debounce}"
    if problem is None and args.docs_url is not None:
        problem = docs_url_problem(args.docs_url)
    if problem is not None:
        print(f"copylint: error: {problem}", file=sys.stderr)
        return 2
    if args.config:
        from copylint.core.config import load_config_file
        from copylint.engine.registry import rule_options

        load_config_file(args.config, rule_options())  # a config error is the CLI's one line and exit 2
    handler: logging.Handler
    if args.log_file:
        try:
            handler = logging.FileHandler(args.log_file, encoding="utf-8")
        except OSError as exc:
            print(f"copylint: error: --log-file {args.log_file}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        level = getattr(logging, args.log_level.upper())
    else:
        handler, level = logging.StreamHandler(sys.stderr), logging.WARNING
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.getLogger("markdown_it").setLevel(max(level, logging.INFO))  # one line per block rule tried

    from copylint.app.lsp.handlers import serve

    settings = ServerSettings(debounce=args.debounce / 1000, config_file=args.config, isolated=args.isolated,
                              docs_url=args.docs_url)
    return serve(settings)
