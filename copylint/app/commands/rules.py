"""List every rule: code, name, category, default severity, whether it is on by default."""

from __future__ import annotations

import argparse

NAME = "rules"
HELP = "list the rules"
ORDER = 30


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--options", action="store_true", help="list the options rules read, with defaults")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from copylint.engine.registry import PLUGIN_PROBLEMS, all_rules

    console = Console(highlight=False)
    rules = all_rules()
    if args.options:
        readers: dict[str, list[str]] = {}
        defaults: dict[str, object] = {}
        for code, cls in rules.items():
            for key, default in cls.options.items():
                readers.setdefault(key, []).append(code)
                defaults.setdefault(key, default)
        table = Table("option", "default", "read by", show_edge=False)
        for key, codes in sorted(readers.items()):
            table.add_row(key, repr(defaults[key]), ", ".join(codes))
        console.print(table)
        return 0
    table = Table("code", "name", "category", "severity", "default", "summary", show_edge=False)
    for code, cls in rules.items():
        table.add_row(code, cls.name, cls.category, cls.severity, "on" if cls.default_enabled else "off",
                      cls.summary())
    console.print(table)
    for p in PLUGIN_PROBLEMS:
        console.print(f"copylint: notice: {p}", style="yellow")
    return 0
