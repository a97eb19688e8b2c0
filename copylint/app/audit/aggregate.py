"""What an audit counts: per partition, then merged across the archive in partition order.

An :class:`ArchiveSummary` holds plain JSON data (counts by code, by period and section and
family; the misspellings, furniture lines and name forms with a few examples each), so a
partition's summary can be stored beside its tables, and merging the stored summaries in partition
order gives the same archive summary whichever engine checked them and in whatever order they
finished.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from copylint.app.audit.sources import Article, BadRow
from copylint.checks.boilerplate.learn import line_key
from copylint.checks.names.archive import MAX_COMPANY
from copylint.core.finding import Finding

#: code prefix -> family shown in the report
FAMILIES = {"CL0": "housekeeping", "CL1": "spelling", "CL2": "names", "CL3": "boilerplate", "CL4": "grammar"}
#: every family a finding can count in (a plug-in's own codes count as "other")
FAMILY_NAMES = (*FAMILIES.values(), "other")
#: examples kept per misspelling, furniture line or chart row (the first ones in archive order)
MAX_EXAMPLES = 3
#: bad rows shown in the summary and the report (bad_rows.jsonl lists every one)
MAX_BAD_EXAMPLES = 20
#: characters of context kept on each side of an example's flagged text
CONTEXT_CHARS = 60
MISSPELLING_CODES = ("CL101",)
FURNITURE_CODES = ("CL301", "CL302")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_YEAR = re.compile(r"(\d{4})\b")


def count_words(prose: str) -> int:
    """Words of the prose (runs of letters, with inner apostrophes and hyphens)."""
    return len(_WORD.findall(prose))


def family_of(code: str) -> str:
    return FAMILIES.get(code[:3], "other")


def period_of(date: str | None) -> str:
    """``YYYY-MM`` of an ISO date, ``YYYY`` of a bare year, ``""`` when there is no usable date."""
    if not date:
        return ""
    if m := _ISO_MONTH.match(date):
        return m.group(0) if 1 <= int(m.group(2)) <= 12 else m.group(1)
    if m := _ISO_YEAR.match(date):
        return m.group(1)
    return ""


def day_of(date: str | None) -> str:
    """The ISO day (or month, or year) an article's date gives, for first/last-seen dates."""
    period = period_of(date)
    return date[:10] if period and date and len(date) >= 10 and date[7:8] == "-" else period


def example_of(article: Article, source: str, f: Finding) -> dict[str, Any]:
    """Where an example finding is: the article and the flagged text in its context."""
    before = source[max(0, f.start - CONTEXT_CHARS):f.start]
    after = source[f.end:f.end + CONTEXT_CHARS]
    return {"id": article.id, "url": article.url, "date": article.date, "line": f.line,
            "before": before.rsplit("\n", 1)[-1], "text": f.text, "after": after.split("\n", 1)[0]}


def _rates() -> dict[str, Any]:
    return {"articles": 0, "words": 0, "findings": {}}


@dataclass
class ArchiveSummary:
    articles: int = 0
    words: int = 0
    findings: int = 0
    by_code: dict[str, int] = field(default_factory=dict)
    by_period: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_section: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: misspelt text -> count, articles, the first suggestion, examples
    misspellings: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: furniture line key -> the line as first written, count, articles, first and last day, examples
    furniture: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: name form -> articles, articles by year, name words written beside it, the first article
    names: dict[str, dict[str, Any]] = field(default_factory=dict)
    bad_rows: int = 0
    bad_examples: list[dict[str, Any]] = field(default_factory=list)

    # ------------------------------------------------------------------ one partition
    def add_article(self, article: Article, source: str, words: int, findings: list[Finding],
                    name_forms: dict[str, set[str]]) -> None:
        self.articles += 1
        self.words += words
        self.findings += len(findings)
        families: dict[str, int] = {}
        for f in findings:
            self.by_code[f.code] = self.by_code.get(f.code, 0) + 1
            family = family_of(f.code)
            families[family] = families.get(family, 0) + 1
        for table, key in ((self.by_period, period_of(article.date)), (self.by_section, article.section or "")):
            row = table.setdefault(key, _rates())
            row["articles"] += 1
            row["words"] += words
            for family, n in families.items():
                row["findings"][family] = row["findings"].get(family, 0) + n
        self._add_misspellings(article, source, findings)
        self._add_furniture(article, source, findings)
        year = period_of(article.date)[:4]
        for form, company in name_forms.items():
            row = self.names.setdefault(form, {"articles": 0, "years": {}, "company": [],
                                               "example": {"id": article.id, "url": article.url}})
            row["articles"] += 1
            row["years"][year] = row["years"].get(year, 0) + 1
            _add_company(row["company"], company)

    def _add_misspellings(self, article: Article, source: str, findings: list[Finding]) -> None:
        seen: set[str] = set()
        for f in findings:
            if f.code not in MISSPELLING_CODES:
                continue
            row = self.misspellings.setdefault(f.text, {"count": 0, "articles": 0,
                                                        "suggestion": f.suggestions[0] if f.suggestions else "",
                                                        "examples": []})
            row["count"] += 1
            if f.text not in seen:
                seen.add(f.text)
                row["articles"] += 1
                if len(row["examples"]) < MAX_EXAMPLES:
                    row["examples"].append(example_of(article, source, f))

    def _add_furniture(self, article: Article, source: str, findings: list[Finding]) -> None:
        seen: set[str] = set()
        day = day_of(article.date)
        for f in findings:
            if f.code not in FURNITURE_CODES:
                continue
            key = line_key(f.text) or f.text
            row = self.furniture.setdefault(key, {"line": f.text.strip(), "code": f.code, "count": 0, "articles": 0,
                                                  "first": "", "last": "", "examples": []})
            row["count"] += 1
            if key in seen:
                continue
            seen.add(key)
            row["articles"] += 1
            if day:
                row["first"] = min(row["first"] or day, day)
                row["last"] = max(row["last"], day)
            if len(row["examples"]) < MAX_EXAMPLES:
                row["examples"].append(example_of(article, source, f))

    def add_bad_rows(self, rows: tuple[BadRow, ...]) -> None:
        self.bad_rows += len(rows)
        room = MAX_BAD_EXAMPLES - len(self.bad_examples)
        self.bad_examples.extend(r.to_dict() for r in rows[:max(0, room)])

    # ------------------------------------------------------------------ across partitions
    def merge(self, other: ArchiveSummary) -> None:
        """Add a later partition's summary (examples and first spellings stay those seen first)."""
        self.articles += other.articles
        self.words += other.words
        self.findings += other.findings
        _add_counts(self.by_code, other.by_code)
        for mine, theirs in ((self.by_period, other.by_period), (self.by_section, other.by_section)):
            for key, row in theirs.items():
                into = mine.setdefault(key, _rates())
                into["articles"] += row["articles"]
                into["words"] += row["words"]
                _add_counts(into["findings"], row["findings"])
        for key, row in other.misspellings.items():
            into = self.misspellings.setdefault(key, {**row, "count": 0, "articles": 0, "examples": []})
            into["count"] += row["count"]
            into["articles"] += row["articles"]
            into["examples"].extend(row["examples"][:MAX_EXAMPLES - len(into["examples"])])
        for key, row in other.furniture.items():
            into = self.furniture.setdefault(key, {**row, "count": 0, "articles": 0, "first": "", "last": "",
                                                   "examples": []})
            into["count"] += row["count"]
            into["articles"] += row["articles"]
            if row["first"]:
                into["first"] = min(into["first"] or row["first"], row["first"])
                into["last"] = max(into["last"], row["last"])
            into["examples"].extend(row["examples"][:MAX_EXAMPLES - len(into["examples"])])
        for form, row in other.names.items():
            into = self.names.setdefault(form, {"articles": 0, "years": {}, "company": [],
                                                "example": row["example"]})
            into["articles"] += row["articles"]
            _add_counts(into["years"], row["years"])
            _add_company(into["company"], row["company"])
        self.bad_rows += other.bad_rows
        self.bad_examples.extend(other.bad_examples[:max(0, MAX_BAD_EXAMPLES - len(self.bad_examples))])

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArchiveSummary:
        return cls(**data)


def _add_counts(into: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        into[key] = into.get(key, 0) + n


def _add_company(into: list[str], names: Any) -> None:
    for name in sorted(names):
        if len(into) >= MAX_COMPANY:
            return
        if name not in into:
            into.append(name)
