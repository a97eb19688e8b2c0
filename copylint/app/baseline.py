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
#: a line longer than this is not prose: its entry keeps the text around the finding only (a
#: baseline of a file that is one enormous line would otherwise repeat it for every finding)
MAX_LINE = 10_000
#: characters kept on each side of the finding from such a line
LONG_LINE_CONTEXT = 200


def _key(f: Finding, source: str | None) -> Key:
    line = ""
    if source is not None:
        s = f.start - f.column + 1  # the start of the finding's line
        e = source.find("\n", f.start, s + MAX_LINE + 1)
        if e < 0 and s + MAX_LINE < len(source):
            line = source[max(s, f.start - LONG_LINE_CONTEXT):f.end + LONG_LINE_CONTEXT].strip()
        else:
            line = source[s:e if e >= 0 else len(source)].strip()
    return (os.path.normpath(f.path).replace(os.sep, "/"), f.code, f.text, line)


def write_baseline(path: str, findings: list[Finding], sources: dict[str, str]) -> None:
    """Record ``findings`` in the baseline file ``path`` (an error naming it when it cannot be written)."""
    entries = [dict(zip(("path", "code", "text", "line"), _key(f, sources.get(f.path)), strict=True))
               for f in findings]
    data = {"copylint-baseline": BASELINE_VERSION, "findings": entries}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        Path(path).write_text(text, encoding="utf-8", errors="surrogateescape")
    except IsADirectoryError:
        raise ConfigError(path, "is a folder; give the baseline a file name (--write-baseline FILE)") from None
    except OSError as exc:
        raise ConfigError(path, f"cannot write the baseline: {exc.strerror or exc}") from None


def load_baseline(path: str) -> Counter[Key]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("copylint-baseline") != BASELINE_VERSION:
            raise ValueError(f"not a copylint baseline of version {BASELINE_VERSION}")
        return Counter((e["path"], e["code"], e["text"], e["line"]) for e in data["findings"])
    except IsADirectoryError:
        raise ConfigError(path, "cannot use as a baseline: it is a folder") from None
    except OSError as exc:
        raise ConfigError(path, f"cannot use as a baseline: {exc.strerror or exc}") from None
    except RecursionError:
        raise ConfigError(path, "cannot use as a baseline: its JSON is nested too deeply") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
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
