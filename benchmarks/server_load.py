"""Load on the copy-desk server: concurrent clients sending ~800-word articles over loopback.

    python benchmarks/server_load.py                        # 16 clients, 2,000 requests to /v2/check
    python benchmarks/server_load.py --runs 3               # three fresh servers: the spread
    python benchmarks/server_load.py --workers 2 --api json # two worker processes, /api/v1/check
    python benchmarks/server_load.py --clients 1            # one client: the time of one request alone
    python benchmarks/server_load.py --save                 # also write benchmarks/results/server-load-*.json

Starts ``copylint serve --isolated`` (this checkout's, from this Python) on a free 127.0.0.1 port,
waits for /healthz, then runs the clients: each keeps one HTTP/1.1 connection open and sends
requests one after another until the request count is reached or the time bound passes. Reports
errors (any answer but 200 with the expected body, and any failed connection), requests/s, latency
(p50, p90, p99, max, from the client: queueing in the server included) and the server's RSS (all
its processes) after start-up and after each quarter of the load. First it checks the same articles
with a Linter in this process, without HTTP: the cost of the check itself, for comparison (on a
shared machine, measured in the same minutes as the load). Articles are the 600-1,000-word ones of
``../shared/corpus/news-modern-dev`` (read in place), sent round robin, so each is seen several
times as copy is re-checked while being edited; without the corpus, the seed article repeated to
~800 words. Speed is noisy on a shared machine: compare runs made together, and read the spread.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-modern-dev" / "news-modern-dev.jsonl"
SEED = ROOT / "seeds" / "kursk-north-korea.txt"
WORDS = (600, 1000)
STARTUP_SECONDS = 120


def articles() -> tuple[list[str], str]:
    """The texts to send, and where they come from."""
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        texts = [r["text"] for r in rows if WORDS[0] <= r["words"] <= WORDS[1]]
        return texts, f"{len(texts)} articles of {WORDS[0]}-{WORDS[1]} words from {CORPUS.parent.name}"
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")
    text = seed + "\n\n" + "\n\n".join(paragraphs[1:8])
    return [text], "the seed article repeated to ~800 words (../shared/corpus is absent)"


def word_count(text: str) -> int:
    return len(text.split())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """RSS of ``pid`` and its child processes (uvicorn's workers), in MiB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1)


class Server:
    """``copylint serve`` in a child process, on a free port, its log in a temporary file."""

    def __init__(self, workers: int, threads: int) -> None:
        self.port = free_port()
        self.log = tempfile.TemporaryFile("w+")
        command = [sys.executable, "-m", "copylint", "serve", "--isolated", "--host", "127.0.0.1",
                   "--port", str(self.port), "--workers", str(workers), "--threads", str(threads)]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise SystemExit(f"copylint serve exited:\n{self.log.read()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    connection.close()
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit("copylint serve did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def request_for(api: str, text: str) -> tuple[str, bytes, dict[str, str]]:
    if api == "lt":
        body = urllib.parse.urlencode({"text": text, "language": "en-GB"}).encode()
        return "/v2/check", body, {"Content-Type": "application/x-www-form-urlencoded"}
    return "/api/v1/check", json.dumps({"text": text}).encode(), {"Content-Type": "application/json"}


def load(port: int, pid: int, texts: list[str], api: str, clients: int, total: int, seconds: float) -> dict:
    """``clients`` threads sending ``total`` requests between them (or until ``seconds`` pass); the
    server's RSS is sampled after every quarter of them."""
    prepared = [request_for(api, t) for t in texts]
    key = "matches" if api == "lt" else "findings"
    latencies: list[float] = []
    errors: list[str] = []
    rss: dict[int, float] = {}
    quarter = max(1, total // 4)
    lock = threading.Lock()
    next_request = iter(range(total))
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                n = next(next_request, None)
            if n is None:
                break
            path, body, headers = prepared[n % len(prepared)]
            started = time.perf_counter()
            try:
                connection.request("POST", path, body, headers)
                response = connection.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - started
                ok = response.status == 200 and key in json.loads(data)
                problem = None if ok else f"HTTP {response.status}: {data[:200]!r}"
            except (OSError, http.client.HTTPException, ValueError) as exc:
                elapsed, problem = time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                latencies.append(elapsed)
                if problem:
                    errors.append(problem)
                done = len(latencies)
            if done % quarter == 0:
                rss[done] = rss_mb(pid)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, int(len(ms) * p))], 1) if ms else 0.0

    return {"requests": len(ms), "errors": len(errors), "first_errors": errors[:3], "wall_s": round(wall, 2),
            "requests_per_s": round(len(ms) / wall, 1) if wall else 0.0, "p50_ms": pct(0.50), "p90_ms": pct(0.90),
            "p99_ms": pct(0.99), "max_ms": round(ms[-1], 1) if ms else 0.0,
            "mean_ms": round(statistics.fmean(ms), 1) if ms else 0.0,
            "rss_mb_after_requests": dict(sorted(rss.items()))}


def check_alone(texts: list[str], count: int) -> dict:
    """The same articles checked by a warmed-up Linter in this process, one after another, without
    HTTP: what a request would cost if the server added nothing and nothing waited."""
    from copylint import Config
    from copylint.app.server.linters import Linters

    linters = Linters(Config())
    linters.warm_up()
    ms = []
    for n in range(count):
        started = time.perf_counter()
        linters.base.check(texts[n % len(texts)])
        ms.append((time.perf_counter() - started) * 1000)
    linters.close()
    ms.sort()
    return {"checks": count, "p50_ms": round(ms[count // 2], 1), "p90_ms": round(ms[int(count * 0.9)], 1),
            "p99_ms": round(ms[int(count * 0.99)], 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=600, help="time bound of one run (default 600)")
    parser.add_argument("--workers", type=int, default=1, help="copylint serve --workers (default 1)")
    parser.add_argument("--threads", type=int, default=4, help="copylint serve --threads (default 4)")
    parser.add_argument("--api", choices=["lt", "json"], default="lt", help="/v2/check (lt) or /api/v1/check")
    parser.add_argument("--runs", type=int, default=1, help="fresh servers, one after another (default 1)")
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/server-load-<time>.json")
    args = parser.parse_args(argv)

    texts, source = articles()
    words = statistics.fmean(word_count(t) for t in texts)
    print(f"copylint serve --workers {args.workers} --threads {args.threads}; {args.clients} clients, "
          f"{args.requests} requests to {'/v2/check' if args.api == 'lt' else '/api/v1/check'}; "
          f"{source}, {words:.0f} words on average; {os.cpu_count()} cores")
    alone = check_alone(texts, min(args.requests, 500))
    print(f"  check alone (a Linter in this process, no HTTP, {alone['checks']} checks): p50 {alone['p50_ms']} ms, "
          f"p90 {alone['p90_ms']} ms, p99 {alone['p99_ms']} ms")
    runs = []
    for run in range(1, args.runs + 1):
        server = Server(args.workers, args.threads)
        try:
            before = rss_mb(server.process.pid)
            result = load(server.port, server.process.pid, texts, args.api, args.clients, args.requests, args.seconds)
            result.update(rss_before_mb=before, rss_after_mb=rss_mb(server.process.pid))
        finally:
            server.stop()
        runs.append(result)
        print(f"  run {run}: {result['requests']} requests, {result['errors']} errors, "
              f"{result['requests_per_s']} requests/s; latency p50 {result['p50_ms']} ms, "
              f"p90 {result['p90_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; "
              f"RSS {result['rss_before_mb']} -> {result['rss_after_mb']} MiB (after "
              + ", ".join(f"{n}: {mb}" for n, mb in result["rss_mb_after_requests"].items()) + ")")
        for problem in result["first_errors"]:
            print(f"    error: {problem}")
    if len(runs) > 1:
        for key in ("requests_per_s", "p50_ms", "p99_ms"):
            values = [r[key] for r in runs]
            print(f"  {key}: min {min(values)}, median {round(statistics.median(values), 1)}, max {max(values)}")
    summary = {"clients": args.clients, "requests": args.requests, "workers": args.workers,
               "threads": args.threads, "api": args.api, "source": source, "mean_words": round(words),
               "check_alone": alone, "runs": runs}
    if args.save:
        out = HERE / "results"
        out.mkdir(exist_ok=True)
        path = out / f"server-load-{time.strftime('%Y%m%d-%H%M%S')}.json"
        path.write_text(json.dumps(summary, indent=1), encoding="utf-8")
        print(f"saved {path}")
    print(json.dumps({k: v for k, v in summary.items() if k not in ("runs", "check_alone")} |
                     {"errors": sum(r["errors"] for r in runs)}))
    return 1 if any(r["errors"] for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
