"""CLI subcommands: one module each, found automatically.

A module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int`` (the exit
status). ``copylint.app.cli`` builds the parser from every module here.
"""
