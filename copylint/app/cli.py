"""The ``copylint`` command: argument parsing and dispatch only; the work is in the API."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from types import ModuleType

import copylint.app.commands as commands_pkg
from copylint.core.errors import CopylintError
from copylint.core.version import __version__

EXIT_CLEAN, EXIT_ERROR = 0, 2


def _commands(only: str | None = None) -> list[ModuleType]:
    """The command modules, in their listing order; with ``only`` (a command's name), just that
    one when a module of that name exists, so ``copylint check`` does not import what ``audit``,
    ``learn`` or ``serve`` need (their imports are a good part of a pre-commit run's start-up)."""
    names = [info.name for info in pkgutil.iter_modules(commands_pkg.__path__)]
    if only in names:
        mod = importlib.import_module(f"{commands_pkg.__name__}.{only}")
        if mod.NAME == only:
            return [mod]
    mods = [importlib.import_module(f"{commands_pkg.__name__}.{name}") for name in names]
    return sorted(mods, key=lambda m: getattr(m, "ORDER", 50))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, given the ``command`` that will run, of that one only
    (an unknown name still gets every command, so the usage error lists them)."""
    parser = argparse.ArgumentParser(
        prog="copylint", description="A copy-editing linter for articles: typos, inconsistent "
        "names, leftover web boilerplate and (with LanguageTool) grammar.")
    parser.add_argument("--version", action="version", version=f"copylint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in _commands(command):
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.__doc__)
        mod.add_arguments(p)
        p.set_defaults(run=mod.run)
    return parser


def _tolerant_output() -> None:
    """Write what cannot be encoded (a file name that is not UTF-8) as escapes, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


def main(argv: list[str] | None = None) -> int:
    _tolerant_output()
    args_in = sys.argv[1:] if argv is None else argv
    parser = build_parser(next((a for a in args_in if not a.startswith("-")), None))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.run(args))
    except CopylintError as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("copylint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except OSError as exc:  # anything the commands did not name themselves: still one line, exit 2
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"copylint: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
