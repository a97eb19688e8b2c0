"""Speed and memory of ``copylint audit`` on news-dev repeated to ~5M words (read in place, never copied
into the repository: the repeated export is written to a temporary folder).

    python benchmarks/audit_throughput.py                 # 5M words, each command once
    python benchmarks/audit_throughput.py --repeat 3      # medians of three runs each, taking turns
    python benchmarks/audit_throughput.py --words 1000000 # a quicker look

Measures, on the same export in the same run, the commands taking turns (so ratios hold on a noisy,
shared machine): wall time, words/s and CPU seconds (the whole process tree, sampled from /proc:
what the machine spent, less sensitive to other users than wall time) of
``audit --jobs 2`` (the local process pool) and ``audit --engine dask --jobs 2`` (a Dask
LocalCluster with two worker processes on loopback), and of ``check --jobs 2 --format json`` on
the same articles written one per file (the baseline the Dask path's overhead is measured against);
peak RSS of the client process and of the largest worker (sampled from /proc every 0.1 s), at half
the size and at the full size, to show whether memory grows with the archive.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-dev" / "news-dev.jsonl"


def build_export(folder: Path, target_words: int) -> tuple[Path, Path, int]:
    """news-dev repeated until ``target_words`` (as JSONL, and as one file per article)."""
    from copylint.app.audit.aggregate import count_words

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    export, files = folder / f"news-{target_words}.jsonl", folder / f"files-{target_words}"
    files.mkdir()
    words = articles = 0
    with export.open("w", encoding="utf-8") as out:
        rep = 0
        while words < target_words:
            for r in rows:
                rid = f"{r['id']}-r{rep}"
                out.write(json.dumps({"id": rid, "text": r["text"], "section": r["category"]}) + "\n")
                (files / f"{rid}.txt").write_text(r["text"], encoding="utf-8")
                words += count_words(r["text"])
                articles += 1
            rep += 1
    return export, files, words


class TreeSampler:
    """Peak RSS and CPU time of a process and of each of its descendants, read from /proc every 0.1 s
    (the rusage of reaped children misses workers a fork server starts)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self._tick = os.sysconf("SC_CLK_TCK")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = [self.pid], [self.pid]
        while frontier:
            frontier = [p for p, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    self.cpu[pid] = (int(fields[11]) + int(fields[12])) / self._tick
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("VmRSS:"):
                                mb = int(line.split()[1]) / 1024
                                self.peak[pid] = max(self.peak.get(pid, 0.0), mb)
                except OSError:
                    continue
            self._stop.wait(0.1)

    def stop(self) -> tuple[float, float, float]:
        """(client peak MB, largest worker peak MB, CPU seconds of the whole tree)."""
        self._stop.set()
        self._thread.join()
        client = self.peak.get(self.pid, 0.0)
        workers = [mb for pid, mb in self.peak.items() if pid != self.pid]
        return round(client, 1), round(max(workers, default=0.0), 1), round(sum(self.cpu.values()), 2)


def timed(cmd: list[str]) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    client, worker, cpu = sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    return {"wall_s": round(wall, 2), "cpu_s": cpu, "client_rss_mb": client,
            "worker_rss_mb": worker}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=5_000_000, help="archive size in words (default 5M)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each engine (default 1)")
    ap.add_argument("--save", action="store_true", help="write the results under benchmarks/results/")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"audit_throughput: {CORPUS} is absent; nothing to measure")
        return 0
    exe = shutil.which("copylint", path=str(Path(sys.executable).parent)) or "copylint"
    results: dict = {"cores": os.cpu_count(), "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes = [args.words // 2, args.words]
        for size in sizes:
            export, files, words = build_export(folder, size)
            full = size == args.words
            print(f"\narchive: {words:,} words ({export.stat().st_size / 1e6:.0f} MB of JSONL), "
                  f"{os.cpu_count()} cores")
            commands = {"audit --jobs 2 (local pool)": [exe, "audit", str(export), "--isolated", "--jobs", "2"],
                        "audit --engine dask --jobs 2": [exe, "audit", str(export), "--isolated", "--engine", "dask",
                                                         "--jobs", "2"]}
            if full:
                commands["check --jobs 2 --format json"] = [exe, "check", str(files), "--isolated", "--jobs", "2",
                                                            "--format", "json"]
            runs: dict[str, list[dict]] = {label: [] for label in commands}
            for k in range(args.repeat if full else 1):
                for label, cmd in commands.items():  # taking turns, so a busy minute hits them all
                    out = folder / f"out-{size}-{k}"
                    runs[label].append(timed(cmd + (["--out", str(out)] if cmd[1] == "audit" else [])))
                    shutil.rmtree(out, ignore_errors=True)
            for label, done in runs.items():
                walls, cpus = [r["wall_s"] for r in done], [r["cpu_s"] for r in done]
                row = {"what": label, "words": words, "median_wall_s": statistics.median(walls),
                       "walls_s": walls, "median_cpu_s": statistics.median(cpus), "cpus_s": cpus,
                       "words_per_s": round(words / statistics.median(walls)),
                       "words_per_cpu_s": round(words / statistics.median(cpus)),
                       "client_rss_mb": max(r["client_rss_mb"] for r in done),
                       "worker_rss_mb": max(r["worker_rss_mb"] for r in done)}
                results["runs"].append(row)
                print(f"  {label:<30} wall {row['median_wall_s']:>6.1f} s (runs {walls})  "
                      f"{row['words_per_s']:>7,} words/s  CPU {row['median_cpu_s']:>6.1f} s (runs {cpus})  "
                      f"peak RSS client {row['client_rss_mb']:.0f} MB, largest worker {row['worker_rss_mb']:.0f} MB")
            shutil.rmtree(files)
    full_rows = {r["what"]: r for r in results["runs"] if r["words"] >= args.words}
    check = full_rows["check --jobs 2 --format json"]
    for label in ("audit --jobs 2 (local pool)", "audit --engine dask --jobs 2"):
        wall = full_rows[label]["median_wall_s"] / check["median_wall_s"] - 1
        cpu = full_rows[label]["median_cpu_s"] / check["median_cpu_s"] - 1
        results[f"overhead vs check: {label}"] = {"wall": round(wall, 3), "cpu": round(cpu, 3)}
        print(f"{label}: {wall:+.1%} wall time, {cpu:+.1%} CPU time against check --jobs 2")
    if args.save:
        path = HERE / "results" / f"audit-throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
