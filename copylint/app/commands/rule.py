"""Explain one rule: what it checks, why, its options and examples."""

from __future__ import annotations

import argparse
import sys

NAME = "rule"
HELP = "explain one rule (by code or name)"
ORDER = 31


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", metavar="CODE", help="a rule code such as CL101, or its name")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.markdown import Markdown

    from copylint.engine.registry import all_rules
    from copylint.report.explain import explain

    rules = all_rules()
    cls = rules.get(args.rule.upper()) or next((c for c in rules.values() if c.name == args.rule), None)
    if cls is None:
        print(f"copylint: error: no rule {args.rule!r} (see `copylint rules`)", file=sys.stderr)
        return 2
    Console(highlight=False).print(Markdown(explain(cls)))
    return 0
