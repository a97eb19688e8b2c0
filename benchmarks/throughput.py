"""Speed and memory of copylint on real news copy (``../shared/corpus/news-dev``, read in place).

    python benchmarks/throughput.py              # every measurement, one table
    python benchmarks/throughput.py --quick      # fewer repetitions
    python benchmarks/throughput.py --save       # also write benchmarks/results/throughput-<time>.json

Measures: words/s and articles/s for all default rules and per rule family (each in a fresh process
on one core: the first pass, with per-word caches empty, and the best warm pass); Linter latency
for a CMS (after Linter.warm_up(), with and without its gc.freeze(): 1,000 distinct ~1,000-word
articles seen once, then again: p50, p99, max per call and per 1,000 words); CLI cold start on the seed article;
linear scaling (one article repeated 1x, 10x, 100x); peak RSS of the CLI on the whole corpus and of
a Linter over 10,000 calls; and, on the same files in the same run, codespell and harper-py when
they are installed, so ratios hold on a noisy machine (--quick: the first 200 articles for the
side-by-side, as harper-py takes about a minute on the whole corpus). The CLI's default ``--jobs``
is compared with ``--jobs 1`` (wall and CPU of the whole process tree) on the corpus and on a few
files, as a pre-commit hook sees them. It ends with issue 17's targets, each as measured here.

Every CLI process runs with its bytecode already compiled (one untimed run first, with
``PYTHONDONTWRITEBYTECODE`` unset), as after ``pip install``: otherwise each run would compile
copylint's sources again and the cold start would measure the compiler.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-dev" / "news-dev.jsonl"
SEED = ROOT / "seeds" / "kursk-north-korea.txt"
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")  # the evaluation harness's word count
FAMILIES = {"all default rules": None, "spelling CL1": ("CL1",), "names CL2": ("CL2",),
            "boilerplate CL3": ("CL3",)}


def words(text: str) -> int:
    return len(WORD_RE.findall(text))


def load_articles() -> list[str]:
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def cli_env() -> dict[str, str]:
    """The environment of the timed CLI processes: bytecode may be written (and so is reused)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, of the whole process tree) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=cli_env())
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def copylint_exe() -> str:
    return shutil.which("copylint", path=str(Path(sys.executable).parent)) or "copylint"


def codespell_exe() -> str | None:
    return shutil.which("codespell", path=str(Path(sys.executable).parent)) or shutil.which("codespell")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _family(label: str, select: tuple[str, ...] | None, repeat: int) -> dict:
    """One rule family in this (fresh) process: the first pass over the corpus, with the per-word
    caches still empty (what one CLI process sees), and the best of the warm passes after it (a CMS)."""
    from copylint import Config, Linter

    articles = load_articles()
    total_words = sum(words(a) for a in articles)
    linter = Linter(Config(select=select))
    t0 = time.perf_counter()
    linter.check(articles[0])  # loads resources
    load_s = time.perf_counter() - t0
    t0 = time.process_time()
    findings = sum(len(linter.check(a)) for a in articles)
    first = time.process_time() - t0
    warm = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for a in articles:
            linter.check(a)
        warm = min(warm, time.process_time() - t0)
    return {"what": label, "words_per_s": round(total_words / first), "articles_per_s": round(len(articles) / first),
            "warm_words_per_s": round(total_words / warm), "first_call_s": round(load_s, 3), "findings": findings}


def throughput(repeat: int) -> list[dict]:
    """Each family in a fresh process, so no family finds another's caches warm."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    rows = []
    for label, select in FAMILIES.items():
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            rows.append(pool.submit(_family, label, select, repeat).result())
    return rows


def article_of(n_words: int, articles: list[str], start: int) -> str:
    parts, count, i = [], 0, start
    while count < n_words:
        a = articles[i % len(articles)]
        parts.append(a)
        count += words(a)
        i += 1
    return "\n\n".join(parts)


def _latency(calls: int, freeze_gc: bool) -> dict:
    """A CMS in this (fresh) process: one Linter, ``warm_up()`` at start (timed: the cold cost),
    then ``calls`` distinct ~1,000-word articles once (their rare words mostly unseen, as new copy
    is) and the same articles again (every word judged before). Milliseconds per call and per
    1,000 words."""
    from copylint import Config, Linter

    articles = load_articles()
    docs = [article_of(1000, articles, i * 3) for i in range(calls)]
    linter = Linter(Config())
    warm_up = linter.warm_up(articles[-1], freeze_gc=freeze_gc)
    out: dict = {"calls": calls, "mean_words": round(statistics.mean(words(d) for d in docs)),
                 "freeze_gc": freeze_gc, "warm_up_s": round(warm_up, 3)}
    for label in ("new", "again"):
        times, per_1k = [], []
        for d in docs:
            t0 = time.perf_counter()
            linter.check(d)
            ms = (time.perf_counter() - t0) * 1000
            times.append(ms)
            per_1k.append(ms * 1000 / words(d))
        for name, values in (("ms", times), ("ms_per_1k", per_1k)):
            values.sort()
            out[f"{label}_{name}"] = {"p50": round(values[len(values) // 2], 2),
                                      "p99": round(values[int(len(values) * 0.99)], 2),
                                      "max": round(values[-1], 2)}
    return out


def latency(calls: int) -> list[dict]:
    """With and without gc.freeze() after the warm-up, each in a fresh process."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    rows = []
    for freeze_gc in (True, False):
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            rows.append(pool.submit(_latency, calls, freeze_gc).result())
    return rows


def cold_start(runs: int) -> dict:
    """The CLI on the seed article, the pre-commit hook's common case, against codespell on the same
    file, interleaved: medians of wall and CPU time."""
    exe, codespell = copylint_exe(), codespell_exe()
    commands = {"json": [exe, "check", "--format", "json", str(SEED)],
                "text": [exe, "check", "--format", "text", str(SEED)]}  # text: what the pre-commit hook prints
    if codespell:
        commands["codespell"] = [codespell, str(SEED)]
    for cmd in commands.values():
        timed_run(cmd)  # untimed: compiles the bytecode once
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(runs):
        for what, cmd in commands.items():
            times[what].append(timed_run(cmd))
    imp = subprocess.run([sys.executable, "-X", "importtime", "-m", "copylint", "check", "--format", "text",
                          str(SEED)], capture_output=True, text=True, env=cli_env()).stderr
    rows = []
    for line in imp.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and not m.group(3):
            rows.append((int(m.group(2)), m.group(4)))
    rows.sort(reverse=True)
    out = {"runs": runs, "import_check_text_ms": round(sum(us for us, _ in rows) / 1000, 1),
           "top_imports": [f"{name} {us / 1000:.1f} ms" for us, name in rows[:5]]}
    for what, pairs in times.items():
        out[f"{what}_wall_s"] = round(statistics.median(w for w, _ in pairs), 3)
        out[f"{what}_cpu_s"] = round(statistics.median(c for _, c in pairs), 3)
    return out


def scaling(articles: list[str]) -> dict:
    from copylint import Config, Linter

    linter = Linter(Config())
    base = article_of(1000, articles, 7)
    linter.check(base)
    out = {}
    for k in (1, 10, 100):
        text = "\n\n".join([base] * k)
        t0 = time.process_time()
        linter.check(text)
        out[f"x{k}_s"] = round(time.process_time() - t0, 4)
    out["ratio_100_to_1"] = round(out["x100_s"] / out["x1_s"], 1) if out["x1_s"] else None
    return out


def memory(articles: list[str], calls: int) -> dict:
    from copylint import Config, Linter

    with tempfile.TemporaryDirectory() as tmp:
        for i, a in enumerate(articles):
            Path(tmp, f"{i:04d}.txt").write_text(a, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run([copylint_exe(), "check", "--format", "json", tmp], capture_output=True, env=cli_env())
        cli_wall = time.perf_counter() - t0
        cli_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    linter = Linter(Config())
    docs = [article_of(1000, articles, i) for i in range(20)]
    linter.check(docs[0])
    marks = {}
    for i in range(1, calls + 1):
        linter.check(docs[i % len(docs)])
        if i in (1000, calls):
            marks[i] = rss_mb()
    return {"cli_corpus_peak_rss_mb": round(max(cli_peak, before) / 1024, 1),
            "cli_corpus_wall_s": round(cli_wall, 2),
            "linter_rss_after_1k_mb": round(marks[1000], 1),
            f"linter_rss_after_{calls // 1000}k_mb": round(marks[calls], 1)}


def side_by_side(articles: list[str]) -> list[dict]:
    """codespell (CLI) and harper-py, on the same files, when installed; copylint both ways, and
    its CLI with the default ``--jobs`` and with ``--jobs 1`` on all the files and on three."""
    from copylint import Config, Linter

    rows = []
    total = sum(words(a) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        for i, a in enumerate(articles):
            Path(tmp, f"{i:04d}.txt").write_text(a, encoding="utf-8")
        exe = copylint_exe()
        few = [str(Path(tmp, f"{i:04d}.txt")) for i in range(3)]
        few_words = sum(words(a) for a in articles[:3])
        timed_run([exe, "check", "--format", "json", few[0]])  # untimed: compiles the bytecode once
        for files, n_words, label in (([tmp], total, "all files"), (few, few_words, "3 files")):
            for jobs, how in ((None, "default --jobs"), ("1", "--jobs 1"), ("2", "--jobs 2")):
                cmd = [exe, "check", "--format", "json", *files, *(["--jobs", jobs] if jobs else [])]
                runs = [timed_run(cmd) for _ in range(1 if files == [tmp] else 5)]
                wall = statistics.median(w for w, _ in runs)
                cpu = statistics.median(c for _, c in runs)
                rows.append({"tool": f"copylint CLI ({how}, {label})", "words_per_s": round(n_words / wall),
                             "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                             "note": f"wall {wall:.2f} s, CPU {cpu:.2f} s, process start included"})
        codespell = codespell_exe()
        if codespell:
            wall, cpu = timed_run([codespell, tmp])
            rows.append({"tool": "codespell CLI (all files)", "words_per_s": round(total / wall),
                         "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                         "note": f"wall {wall:.2f} s, CPU {cpu:.2f} s, process start included"})
    linter = Linter(Config())
    linter.check(articles[0])
    t0 = time.process_time()
    for a in articles:
        linter.check(a)
    ours = total / (time.process_time() - t0)
    rows.append({"tool": "copylint Linter.check (in process)", "words_per_s": round(ours),
                 "note": "CPU time, one warm pass"})
    try:
        import harper  # harper-py: pip install harper-py (not a copylint dependency)
    except ImportError:
        rows.append({"tool": "harper-py Linter.lint (in process)", "words_per_s": None,
                     "note": "not installed (pip install harper-py)"})
        return rows
    t0 = time.perf_counter()
    harper_linter = harper.Linter(harper.Dialect.BRITISH)
    build_s = time.perf_counter() - t0
    harper_linter.lint(articles[0], language=harper.Language.PLAINTEXT)
    t0 = time.process_time()
    for a in articles:
        harper_linter.lint(a, language=harper.Language.PLAINTEXT)
    theirs = total / (time.process_time() - t0)
    rows.append({"tool": "harper-py Linter.lint (in process)", "words_per_s": round(theirs),
                 "note": f"CPU time; Linter() built in {build_s:.2f} s; copylint is {ours / theirs:.1f}x"})
    return rows


def targets(results: dict) -> list[tuple[str, str, bool | None]]:
    """Issue 17's targets: (target, what was measured, met; None when it could not be measured)."""
    side = {r["tool"]: r for r in results["side_by_side"]}
    cs, lat, mem = results["cold_start"], results["latency"], results["memory"]
    codespell = side.get("codespell CLI (all files)")
    rows: list[tuple[str, str, bool | None]] = []
    ours = side["copylint CLI (default --jobs, all files)"]
    if codespell:
        ratio = ours["words_per_s"] / codespell["words_per_s"]
        rows.append(("whole CLI over news-dev, default options: >= 0.5x codespell's words/s",
                     f"{ours['words_per_s']:,} vs {codespell['words_per_s']:,} words/s = {ratio:.2f}x", ratio >= 0.5))
        wall, cpu = cs["text_wall_s"] / cs["codespell_wall_s"], cs["text_cpu_s"] / cs["codespell_cpu_s"]
        rows.append(("cold start on one article (--format text): <= 2x codespell's",
                     f"wall {cs['text_wall_s']} vs {cs['codespell_wall_s']} s = {wall:.1f}x; "
                     f"CPU {cs['text_cpu_s']} vs {cs['codespell_cpu_s']} s = {cpu:.1f}x", max(wall, cpu) <= 2))
    else:
        rows.append(("ratios against codespell", "codespell not installed", None))
    for label in ("all files", "3 files"):
        default, one = side[f"copylint CLI (default --jobs, {label})"], side[f"copylint CLI (--jobs 1, {label})"]
        wall, cpu = default["wall_s"] / one["wall_s"], default["cpu_s"] / one["cpu_s"]
        rows.append((f"default --jobs vs --jobs 1 ({label}): wall <= 1x, CPU <= 1.1x",
                     f"wall {wall:.2f}x, CPU {cpu:.2f}x", wall <= 1.0 and cpu <= 1.1))
    p99 = max(r["new_ms_per_1k"]["p99"] for r in lat)
    rows.append(("CMS p99 per 1,000 words, unseen articles after warm_up(): <= 5 ms",
                 f"{p99} ms (the worse of with and without gc.freeze())", p99 <= 5))
    peak = max(mem["cli_corpus_peak_rss_mb"], *(v for k, v in mem.items() if k.startswith("linter_rss")))
    rows.append(("peak RSS <= 150 MB", f"{peak} MB (CLI on the corpus, Linter over many calls)", peak <= 150))
    harper = side["harper-py Linter.lint (in process)"]
    if harper["words_per_s"]:
        ratio = side["copylint Linter.check (in process)"]["words_per_s"] / harper["words_per_s"]
        rows.append((">= 10x harper-py's words/s (in process)", f"{ratio:.1f}x", ratio >= 10))
    else:
        rows.append((">= 10x harper-py's words/s (in process)", "harper-py not installed", None))
    return rows


def print_targets(results: dict) -> None:
    print("\ntargets (issue 17), measured in this run")
    for target, measured, met in targets(results):
        verdict = "not measured" if met is None else "met" if met else "NOT met"
        print(f"  {target:<72} {measured:<64} {verdict}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--save", action="store_true", help="write the results as JSON under benchmarks/results/")
    ap.add_argument("--only", choices=["throughput", "latency", "cold", "scaling", "memory", "side"], action="append")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"throughput: {CORPUS} is absent; nothing to measure")
        return 0
    os.environ.setdefault("NO_COLOR", "1")
    articles = load_articles()
    print(f"news-dev: {len(articles)} articles, {sum(words(a) for a in articles):,} words; "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    only = set(args.only or ["throughput", "latency", "cold", "scaling", "memory", "side"])
    results: dict = {}
    if "throughput" in only:
        results["throughput"] = throughput(1 if args.quick else 3)
        print("\nthroughput (CPU time, each family in a fresh process: first pass with empty caches, "
              "best warm pass after it)")
        for r in results["throughput"]:
            print(f"  {r['what']:<20} {r['words_per_s']:>10,} words/s  {r['articles_per_s']:>6,} articles/s  "
                  f"warm {r['warm_words_per_s']:>9,} words/s  first call {r['first_call_s']:.3f} s  "
                  f"({r['findings']} findings)")
    if "latency" in only:
        results["latency"] = lat = latency(200 if args.quick else 1000)
        print(f"\nCMS latency, one Linter in a fresh process, {lat[0]['calls']} distinct "
              f"~{lat[0]['mean_words']}-word articles after Linter.warm_up() (the cold cost: "
              f"{lat[0]['warm_up_s']} s); p50 / p99 / max per call and per 1,000 words")
        for r in lat:
            for label, what in (("new", "first time"), ("again", "second time")):
                ms, k = r[f"{label}_ms"], r[f"{label}_ms_per_1k"]
                print(f"  {'gc.freeze()' if r['freeze_gc'] else 'no freeze':<12} {what:<12} "
                      f"{ms['p50']:>6} / {ms['p99']:>6} / {ms['max']:>6} ms   "
                      f"per 1,000 words {k['p50']:>5} / {k['p99']:>5} / {k['max']:>6} ms")
    if "cold" in only:
        results["cold_start"] = cs = cold_start(5 if args.quick else 10)
        print(f"\nCLI cold start on the seed, median of {cs['runs']}: --format text wall {cs['text_wall_s']} s, "
              f"CPU {cs['text_cpu_s']} s; --format json wall {cs['json_wall_s']} s, CPU {cs['json_cpu_s']} s"
              + (f"; codespell wall {cs['codespell_wall_s']} s, CPU {cs['codespell_cpu_s']} s"
                 if "codespell_wall_s" in cs else "; codespell not installed (pip install codespell)"))
        print(f"  imports of `copylint check --format text` {cs['import_check_text_ms']} ms; "
              f"top: {', '.join(cs['top_imports'])}")
    if "scaling" in only:
        results["scaling"] = sc = scaling(articles)
        print(f"\nscaling (one ~1,000-word article repeated): x1 {sc['x1_s']} s, x10 {sc['x10_s']} s, "
              f"x100 {sc['x100_s']} s; x100/x1 = {sc['ratio_100_to_1']}")
    if "memory" in only:
        results["memory"] = mem = memory(articles, 2000 if args.quick else 10000)
        print("\nmemory: " + ", ".join(f"{k} {v}" for k, v in mem.items()))
    if "side" in only:
        results["side_by_side"] = side = side_by_side(articles[:200] if args.quick else articles)
        print("\nside by side on the same files")
        for r in side:
            print(f"  {r['tool']:<36} {r['words_per_s'] or '-':>10} words/s  {r.get('note', '')}")
    if len(only) == 6:
        print_targets(results)
    if args.save:
        out = HERE / "results"
        out.mkdir(exist_ok=True)
        path = out / f"throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
        path.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"\nsaved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
