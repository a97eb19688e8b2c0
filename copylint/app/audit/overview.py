"""The archive at a glance: the merged summary turned into ``summary.json`` (what the report shows).

Sorted, cut to the top rows, and with the names written several ways grouped across the archive
(:func:`copylint.checks.names.archive.variant_groups`). Nothing here depends on time or on the
engine, so the same input, configuration and version give the same bytes.
"""

from __future__ import annotations

from typing import Any

from copylint.app.audit.aggregate import FAMILY_NAMES, ArchiveSummary, family_of
from copylint.checks.names.archive import FormStats, variant_groups
from copylint.core.config import Config
from copylint.core.finding import SCHEMA_VERSION
from copylint.core.rule import SHARED_RESOURCES, Context
from copylint.core.version import __version__

TOP_MISSPELLINGS = 100
TOP_FURNITURE = 100
TOP_NAME_GROUPS = 50
TOP_SECTIONS = 40


def per_1000(findings: int, words: int) -> float:
    return round(findings * 1000 / words, 3) if words else 0.0


def _rate_rows(table: dict[str, dict[str, Any]], label: str) -> list[dict[str, Any]]:
    rows = []
    for key, row in table.items():
        findings = {f: row["findings"].get(f, 0) for f in FAMILY_NAMES if row["findings"].get(f)}
        rows.append({label: key, "articles": row["articles"], "words": row["words"], "findings": findings,
                     "per_1000_words": {f: per_1000(n, row["words"]) for f, n in findings.items()}})
    return rows


def overview(summary: ArchiveSummary, config: Config, source: dict[str, Any], partitions: int,
             min_name_articles: int = 2) -> dict[str, Any]:
    """The content of ``summary.json``."""
    families: dict[str, int] = {}
    for code, n in summary.by_code.items():
        families[family_of(code)] = families.get(family_of(code), 0) + n
    periods = sorted(_rate_rows({k: v for k, v in summary.by_period.items() if k}, "period"),
                     key=lambda r: r["period"])
    sections = sorted(_rate_rows({k: v for k, v in summary.by_section.items() if k}, "section"),
                      key=lambda r: (-r["words"], r["section"]))[:TOP_SECTIONS]
    misspellings = sorted(({"text": t, **row} for t, row in summary.misspellings.items()),
                          key=lambda r: (-r["count"], -r["articles"], r["text"]))[:TOP_MISSPELLINGS]
    furniture = sorted(({"key": k, **row} for k, row in summary.furniture.items()),
                       key=lambda r: (-r["articles"], -r["count"], r["key"]))[:TOP_FURNITURE]
    return {
        "copylint": __version__, "schema_version": SCHEMA_VERSION, "source": source, "partitions": partitions,
        "articles": summary.articles, "words": summary.words,
        "findings": dict(sorted(summary.by_code.items())), "findings_total": summary.findings,
        "findings_per_1000_words": per_1000(summary.findings, summary.words),
        "families": {f: families[f] for f in FAMILY_NAMES if f in families},
        "bad_rows": summary.bad_rows, "bad_row_examples": summary.bad_examples,
        "undated_articles": summary.by_period.get("", {}).get("articles", 0),
        "by_period": periods, "by_section": sections,
        "misspellings": misspellings, "furniture": furniture,
        "name_variants": name_variants(summary.names, config, min_name_articles),
    }


def name_variants(names: dict[str, dict[str, Any]], config: Config, min_articles: int) -> list[dict[str, Any]]:
    """Groups of forms of one name, the weightiest decisions first (most articles outside the main form)."""
    stats = {form: FormStats(row["articles"], set(row["company"])) for form, row in names.items()}
    groups = []
    for members in variant_groups(stats, Context(config, SHARED_RESOURCES), min_articles):
        forms = sorted(({"form": m, "articles": names[m]["articles"],
                         "years": dict(sorted(names[m]["years"].items())), "example": names[m]["example"]}
                        for m in members), key=lambda f: (-f["articles"], f["form"]))
        groups.append({"forms": forms, "articles": sum(f["articles"] for f in forms),
                       "minority_articles": sum(f["articles"] for f in forms[1:])})
    groups.sort(key=lambda g: (-g["minority_articles"], -g["articles"], g["forms"][0]["form"]))
    return groups[:TOP_NAME_GROUPS]
