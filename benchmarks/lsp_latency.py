"""Latency of ``copylint lsp``: the time from a ``didChange`` on a 1,500-word Markdown document to
the ``publishDiagnostics`` for that version, measured by a real LSP client (pygls's) over stdio.

    python benchmarks/lsp_latency.py                  # 200 edits, the server's default debounce
    python benchmarks/lsp_latency.py --runs 3         # three servers one after the other: the spread
    python benchmarks/lsp_latency.py --debounce 0     # no debounce: the check and the messages alone
    python benchmarks/lsp_latency.py --save           # also write benchmarks/results/lsp-latency-<time>.json
    python benchmarks/lsp_latency.py --server-log F   # also the server's own split: timer to publication, check

The document is the news-modern-dev article (``../shared/corpus``, read in place) whose length is
closest to 1,500 words, written as Markdown (a heading, then one paragraph per line and a blank
line between paragraphs); without the corpus, the seed article's body repeated to 1,500 words. Each
edit types " yeae" at the end of a paragraph or takes it away again (so every edit changes the
findings), is sent as one incremental change, and waits for its own publication before the next:
an editor's change followed by a pause. Reported per run: p50, p99 and max of the whole latency,
and of the latency after the debounce (the whole latency less the debounce delay, which the server
waits on purpose), in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-modern-dev" / "news-modern-dev.jsonl"
SEED = ROOT / "seeds" / "kursk-north-korea.md"
WORDS = 1500
TYPO = " yeae"


def document() -> tuple[str, str]:
    """(Markdown text, where it came from)."""
    if CORPUS.is_file():
        with open(CORPUS, encoding="utf-8") as f:
            articles = [json.loads(line) for line in f]
        best = min(articles, key=lambda a: (abs(len(a["text"].split()) - WORDS), a["id"]))
        paragraphs = [p.strip() for p in best["text"].split("\n") if p.strip()]
        if paragraphs and paragraphs[0] == best["title"]:
            paragraphs = paragraphs[1:]
        return f"# {best['title']}\n\n" + "\n\n".join(paragraphs) + "\n", f"news-modern-dev {best['id']}"
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    text = body
    while len(text.split()) < WORDS:
        text += "\n\n" + body
    return text + "\n", "the seed article, repeated"


def utf16_position(text: str, offset: int) -> types.Position:
    line_start = max(text.rfind("\n", 0, offset) + 1, 0)
    return types.Position(line=text.count("\n", 0, offset),
                          character=len(text[line_start:offset].encode("utf-16-le")) // 2)


def nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


SERVER_TIMES = re.compile(r"published \S+ v\d+ ([\d.]+) ms after the debounce \(the check took ([\d.]+) ms\)")


async def one_run(text: str, edits: int, debounce_ms: int | None, server_log: str | None) -> list[float]:
    """Seconds from each didChange to its publication, for ``edits`` edits on one fresh server."""
    client = LanguageClient("copylint-lsp-latency", "1")
    arrived: dict[int, float] = {}
    signal = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            signal.set()

    args = ["--debounce", str(debounce_ms)] if debounce_ms is not None else []
    if server_log:
        args += ["--log-file", server_log, "--log-level", "debug"]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "XDG_CACHE_HOME": folder}
        await client.start_io(sys.executable, "-m", "copylint", "lsp", *args, cwd=folder, env=env)
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                             root_uri=Path(folder).as_uri()))
        client.initialized(types.InitializedParams())
        uri = (Path(folder) / "story.md").as_uri()

        async def published(version: int) -> None:
            while version not in arrived:
                signal.clear()
                await signal.wait()

        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        await asyncio.wait_for(published(1), 120)  # the first check loads the dictionaries
        ends = [m.start() for m in re.finditer(r"\S\n", text)]
        latencies = []
        current = text
        for i in range(edits):
            at = ends[(i // 2) % len(ends)] + 1
            if i % 2 == 0:
                change = types.TextDocumentContentChangePartial(
                    range=types.Range(start=utf16_position(current, at), end=utf16_position(current, at)), text=TYPO)
                current = current[:at] + TYPO + current[at:]
            else:
                change = types.TextDocumentContentChangePartial(
                    range=types.Range(start=utf16_position(current, at), end=utf16_position(current, at + len(TYPO))),
                    text="")
                current = current[:at] + current[at + len(TYPO):]
            version = i + 2
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change]))
            await asyncio.wait_for(published(version), 60)
            latencies.append(arrived[version] - sent)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return latencies


def summary(latencies: list[float], debounce_ms: float) -> dict:
    ms = [v * 1000 for v in latencies]
    after = [v - debounce_ms for v in ms]
    return {"edits": len(ms),
            "total_ms": {"p50": nearest_rank(ms, 0.5), "p99": nearest_rank(ms, 0.99), "max": max(ms)},
            "after_debounce_ms": {"p50": nearest_rank(after, 0.5), "p99": nearest_rank(after, 0.99),
                                  "max": max(after)}}


def main() -> int:
    from copylint.app.lsp.settings import DEFAULT_DEBOUNCE_MS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--runs", type=int, default=1, help="servers to measure one after the other")
    parser.add_argument("--debounce", type=int, default=None, metavar="MS",
                        help=f"the server's debounce (default: its own, {DEFAULT_DEBOUNCE_MS} ms)")
    parser.add_argument("--save", action="store_true", help="write the numbers to benchmarks/results/")
    parser.add_argument("--server-log", metavar="FILE",
                        help="have the server log to FILE (debug) and report its own timings from it")
    args = parser.parse_args()
    debounce = DEFAULT_DEBOUNCE_MS if args.debounce is None else args.debounce
    text, source = document()
    print(f"document: {source}, {len(text.split())} words; {args.edits} edits; debounce {debounce} ms")
    results = []
    for run in range(1, args.runs + 1):
        if args.server_log and os.path.exists(args.server_log):
            os.unlink(args.server_log)
        result = summary(asyncio.run(one_run(text, args.edits, args.debounce, args.server_log)), debounce)
        results.append(result)
        total, after = result["total_ms"], result["after_debounce_ms"]
        print(f"run {run}: didChange -> publishDiagnostics p50 {total['p50']:.1f} ms, p99 {total['p99']:.1f} ms, "
              f"max {total['max']:.1f} ms; after the debounce p50 {after['p50']:.1f} ms, "
              f"p99 {after['p99']:.1f} ms, max {after['max']:.1f} ms")
        if args.server_log:
            with open(args.server_log, encoding="utf-8") as f:
                times = [tuple(map(float, m.groups())) for m in SERVER_TIMES.finditer(f.read())][1:]  # 1: the open
            served, checks = [t[0] for t in times], [t[1] for t in times]
            print(f"       in the server: debounce timer -> publication p50 {nearest_rank(served, 0.5):.1f} ms, "
                  f"p99 {nearest_rank(served, 0.99):.1f} ms; the check p50 {nearest_rank(checks, 0.5):.1f} ms, "
                  f"p99 {nearest_rank(checks, 0.99):.1f} ms")
    if args.save:
        out = HERE / "results" / f"lsp-latency-{time.strftime('%Y%m%d-%H%M%S')}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps({"document": source, "words": len(text.split()), "debounce_ms": debounce,
                                   "runs": results}, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
