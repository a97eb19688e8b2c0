"""Baselines: record today's findings so an archive can adopt copylint without fixing history first.

A baseline entry is (path, code, text, the stripped source line): it survives lines moving up and
down, and stops matching once the flagged text or its line is edited. Entries are counted, so two
identical findings need two entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from copylint.core.errors import ConfigError
from copylint.core.finding import Finding

BASELINE_VERSION = 1

Key = tuple[str, str, str, str]


def _key(f: Finding, source: str | None) -> Key:
    line = ""
    if source is not None:
        s = source.rfind("\n", 0, f.start) + 1
        e = source.find("\n", f.start)
        line = source[s:e if e >= 0 else len(source)].strip()
    return (os.path.normpath(f.path).replace(os.sep, "/"), f.code, f.text, line)


def write_baseline(path: str, findings: list[Finding], sources: dict[str, str]) -> None:
    entries = [dict(zip(("path", "code", "text", "line"), _key(f, sources.get(f.path)), strict=True))
               for f in findings]
    data = {"copylint-baseline": BASELINE_VERSION, "findings": entries}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_baseline(path: str) -> Counter[Key]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("copylint-baseline") != BASELINE_VERSION:
            raise ValueError(f"not a copylint baseline of version {BASELINE_VERSION}")
        return Counter((e["path"], e["code"], e["text"], e["line"]) for e in data["findings"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(path, f"cannot use as a baseline: {exc}") from None


def filter_baseline(findings: list[Finding], baseline: Counter[Key],
                    sources: dict[str, str]) -> list[Finding]:
    """Findings not covered by the baseline."""
    left = Counter(baseline)
    out = []
    for f in findings:
        k = _key(f, sources.get(f.path))
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out
