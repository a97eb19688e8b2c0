"""``report.html``: one self-contained page (inline CSS and SVG, no script, no network) for an editor.

It opens with the archive's size and its findings per 1,000 words, then shows: findings per 1,000
words by family over time (by month, or by year for a long archive) and by section; the top
misspellings; the names written several ways across the archive with their articles per year (the
house-style decisions to make); the furniture lines with the first and last date they were seen
(a leak after a CMS migration shows as a block of recent dates); the bad rows; and, linked from
every row, examples in context with a link to the article.
"""

from __future__ import annotations

from html import escape
from typing import Any

from copylint.app.audit.charts import colour, line_chart, span_bar, stacked_bars

#: more months than this are shown by year
MAX_MONTHS = 36
#: rows of the misspelling and furniture tables (summary.json keeps more)
SHOWN_ROWS = 40
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#f6f5f2}
header{background:#1f2a36;color:#fff;padding:22px 32px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#c9d2dc;font-size:13px}
main{max-width:1000px;margin:0 auto;padding:12px 24px 48px}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:17px;margin:0 0 4px}
.note{color:#666;font-size:13px;margin:0 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:120px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:22px}
.card span{color:#666;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:middle}
th{color:#555;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:10px;border-radius:2px;margin-right:6px;vertical-align:middle}
.legend span{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.group{border-top:1px solid #eee;padding:8px 0}
.group h3{font-size:14px;margin:4px 0}
.heat{width:auto}
.heat td.y{text-align:center;min-width:42px}
td.d{white-space:nowrap}
mark{background:#ffe08a;padding:0 2px}
.ex{font-size:13px;margin:6px 0}
.ex .ctx{color:#444}
.examples h3{font-size:14px;margin:14px 0 4px}
a{color:#2a5db0}
code{font-size:12px}
.empty{color:#888;font-style:italic}
"""


def render_report(summary: dict[str, Any]) -> str:
    """The whole page for ``summary`` (the content of ``summary.json``)."""
    examples: list[str] = []
    body = [
        _cards(summary),
        _over_time(summary),
        _by_section(summary),
        _misspellings(summary, examples),
        _names(summary),
        _furniture(summary, examples),
        _bad_rows(summary),
        _codes(summary),
        f'<section class="examples" id="examples"><h2>Examples</h2>'
        f'<p class="note">The first articles, in archive order, where each row above was found.</p>'
        f'{"".join(examples) or _empty("no examples")}</section>',
    ]
    source = summary["source"].get("path", "")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Archive audit: {escape(str(source))}</title><style>{CSS}</style></head><body>"
            f"<header><h1>Archive audit: {escape(str(source))}</h1>"
            f"<p>copylint {escape(summary['copylint'])} · {summary['articles']:,} articles in "
            f"{summary['partitions']:,} partition{'' if summary['partitions'] == 1 else 's'}</p></header>"
            f"<main>{''.join(body)}</main></body></html>\n")


def _empty(text: str) -> str:
    return f'<p class="empty">{escape(text)}</p>'


def _cards(s: dict[str, Any]) -> str:
    cards = [(f"{s['articles']:,}", "articles"), (f"{s['words']:,}", "words"),
             (f"{s['findings_total']:,}", "findings"), (f"{s['findings_per_1000_words']:.2f}", "per 1,000 words"),
             (f"{s['bad_rows']:,}", "bad rows"), (f"{s['undated_articles']:,}", "articles without a date")]
    legend = "".join(f'<span><i style="background:{colour(f)}"></i>{escape(f)} {n:,}</span>'
                     for f, n in s["families"].items())
    return ('<div class="cards">' + "".join(f'<div class="card"><b>{v}</b><span>{escape(k)}</span></div>'
                                            for v, k in cards)
            + f'</div><div class="legend">{legend}</div>')


def _periods(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows by month, or merged by year when there are many months or only years."""
    if len(rows) <= MAX_MONTHS and all(len(r["period"]) == 7 for r in rows):
        return rows
    years: dict[str, dict[str, Any]] = {}
    for r in rows:
        y = years.setdefault(r["period"][:4], {"period": r["period"][:4], "words": 0, "findings": {}})
        y["words"] += r["words"]
        for f, n in r["findings"].items():
            y["findings"][f] = y["findings"].get(f, 0) + n
    return [years[k] for k in sorted(years)]


def _over_time(s: dict[str, Any]) -> str:
    rows = _periods(s["by_period"])
    head = '<section id="over-time"><h2>Findings per 1,000 words over time</h2>'
    if not rows:
        return head + _empty("no article has a date (name the date column with --date)") + "</section>"
    families = [f for f in s["families"] if any(r["findings"].get(f) for r in rows)]
    series = {f: [r["findings"].get(f, 0) * 1000 / r["words"] if r["words"] else 0 for r in rows] for f in families}
    return (head + f'<p class="note">By family, per {"month" if len(rows[0]["period"]) == 7 else "year"} of '
            f'publication; hover a point for its value.</p>'
            + line_chart([r["period"] for r in rows], series, unit="findings per 1,000 words") + "</section>")


def _by_section(s: dict[str, Any]) -> str:
    head = '<section id="by-section"><h2>Findings per 1,000 words by section</h2>'
    if not s["by_section"]:
        return head + _empty("no article has a section (name the section column with --section)") + "</section>"
    rows = [(f"{r['section']} ({r['articles']:,})", r["per_1000_words"]) for r in s["by_section"]]
    return (head + '<p class="note">The largest sections by words (articles in brackets), stacked by family.</p>'
            + stacked_bars(rows, unit="findings per 1,000 words") + "</section>")


def _bar(value: int, top: int, family: str) -> str:
    width = max(2, round(160 * value / top)) if top else 2
    return f'<span class="bar" style="width:{width}px;background:{colour(family)}"></span>'


def _example_block(anchor: str, title: str, rows: list[dict[str, Any]]) -> str:
    items = []
    for e in rows:
        where = escape(e["id"])
        if e.get("url") and str(e["url"]).startswith(("http://", "https://")):
            where = f'<a href="{escape(e["url"])}">{where}</a>'
        date = f' · {escape(e["date"])}' if e.get("date") else ""
        items.append(f'<div class="ex">{where}{date}, line {e["line"]}: <span class="ctx">'
                     f'…{escape(e["before"])}<mark>{escape(e["text"])}</mark>{escape(e["after"])}…</span></div>')
    return f'<h3 id="{anchor}">{escape(title)}</h3>{"".join(items)}'


def _misspellings(s: dict[str, Any], examples: list[str]) -> str:
    rows = s["misspellings"][:SHOWN_ROWS]
    head = '<section id="misspellings"><h2>Top misspellings</h2>'
    if not rows:
        return head + _empty("no misspellings found") + "</section>"
    top = rows[0]["count"]
    body = []
    for i, r in enumerate(rows):
        anchor = f"m-{i}"
        body.append(f'<tr><td><b>{escape(r["text"])}</b></td><td>{escape(r["suggestion"])}</td>'
                    f'<td class="n">{_bar(r["count"], top, "spelling")}{r["count"]:,}</td>'
                    f'<td class="n">{r["articles"]:,}</td><td><a href="#{anchor}">examples</a></td></tr>')
        examples.append(_example_block(anchor, f"Misspelling “{r['text']}”", r["examples"]))
    return (head + '<p class="note">Each non-word as written, the suggested spelling, how often and in how many '
            'articles.</p><table><tr><th>as written</th><th>suggestion</th><th>times</th><th>articles</th><th></th>'
            f'</tr>{"".join(body)}</table></section>')


def _names(s: dict[str, Any]) -> str:
    groups = s["name_variants"]
    head = ('<section id="names"><h2>Names written several ways</h2><p class="note">One name spelt differently '
            'across the archive, with the articles writing each form, by year: the house-style decisions to make '
            '(each form links to the first article that writes it).</p>')
    if not groups:
        return head + _empty("no name is written several ways in two or more articles each") + "</section>"
    blocks = []
    for i, g in enumerate(groups):
        years = sorted({y for f in g["forms"] for y in f["years"]}, key=lambda y: (not y, y))
        top = max((n for f in g["forms"] for n in f["years"].values()), default=1)
        title = " / ".join(f["form"] for f in g["forms"])
        rows = []
        for f in g["forms"]:
            link = escape(f["form"])
            ex = f["example"]
            target = ex.get("url") if str(ex.get("url") or "").startswith(("http://", "https://")) else None
            link = f'<a href="{escape(target)}">{link}</a>' if target else f'{link} <code>{escape(ex["id"])}</code>'
            cells = "".join(_heat(f["years"].get(y, 0), top) for y in years)
            rows.append(f'<tr><td>{link}</td><td class="n">{f["articles"]:,}</td>{cells}</tr>')
        shown_years = "".join(f'<th class="y">{escape(y or "undated")}</th>' for y in years)
        blocks.append(f'<div class="group" id="n-{i}"><h3>{escape(title)}</h3><table class="heat"><tr><th>form</th>'
                      f'<th>articles</th>{shown_years}</tr>{"".join(rows)}</table></div>')
    return head + "".join(blocks) + "</section>"


def _heat(n: int, top: int) -> str:
    alpha = 0.12 + 0.78 * n / top if n else 0
    style = f' style="background:rgba(217,154,30,{alpha:.2f})"' if n else ""
    return f'<td class="y mark"{style}>{n or ""}</td>' if n else '<td class="y"></td>'


def _furniture(s: dict[str, Any], examples: list[str]) -> str:
    rows = s["furniture"][:SHOWN_ROWS]
    head = '<section id="furniture"><h2>Furniture lines</h2>'
    if not rows:
        return head + _empty("no leftover web furniture found") + "</section>"
    days = [d for r in rows for d in (r["first"], r["last"]) if d]
    start, end = (min(days), max(days)) if days else ("", "")
    top = rows[0]["articles"]
    body = []
    for i, r in enumerate(rows):
        anchor = f"f-{i}"
        span = span_bar(r["first"], r["last"], start, end) if r["first"] else ""
        body.append(f'<tr><td>{escape(_cut(r["line"], 90))}</td><td><code>{r["code"]}</code></td>'
                    f'<td class="n">{_bar(r["articles"], top, "boilerplate")}{r["articles"]:,}</td>'
                    f'<td class="d">{escape(r["first"])}</td><td class="d">{escape(r["last"])}</td><td>{span}</td>'
                    f'<td><a href="#{anchor}">examples</a></td></tr>')
        examples.append(_example_block(anchor, f"Furniture “{_cut(r['line'], 60)}”", r["examples"]))
    note = (f"Web leftovers by the number of articles holding them, with the first and last date seen on the "
            f"archive's span ({escape(start)} to {escape(end)}): a leak after a migration starts late and runs on."
            if days else "Web leftovers by the number of articles holding them.")
    return (head + f'<p class="note">{note}</p><table><tr><th>line</th><th>rule</th><th>articles</th><th>first</th>'
            f'<th>last</th><th>when</th><th></th></tr>{"".join(body)}</table></section>')


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _bad_rows(s: dict[str, Any]) -> str:
    head = f'<section id="bad-rows"><h2>Bad rows: {s["bad_rows"]:,}</h2>'
    if not s["bad_rows"]:
        return head + _empty("every row of the export was read") + "</section>"
    rows = "".join(f'<tr><td><code>{escape(b["where"])}</code></td><td>{escape(b["id"] or "")}</td>'
                   f'<td>{escape(b["reason"])}</td></tr>' for b in s["bad_row_examples"])
    return (head + '<p class="note">Rows that could not be checked (the first ones; <code>bad_rows.jsonl</code> '
            f'lists every one).</p><table><tr><th>where</th><th>id</th><th>why</th></tr>{rows}</table></section>')


def _codes(s: dict[str, Any]) -> str:
    rows = "".join(f'<tr><td><code>{escape(code)}</code></td><td class="n">{n:,}</td></tr>'
                   for code, n in s["findings"].items())
    return ('<section id="codes"><h2>Findings by rule</h2>'
            + (f'<table><tr><th>code</th><th>findings</th></tr>{rows}</table>' if rows else _empty("no findings"))
            + "</section>")
