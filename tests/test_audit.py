"""`copylint audit`: exports in, findings tables, summary and report out; the same whichever engine."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_archive import BAD_JSONL_LINES, COLUMNS, NEWSLETTER, articles, write_jsonl, write_parquet

from copylint import Config, Linter
from copylint.app.cli import main

pq = pytest.importorskip("pyarrow.parquet")

OUTPUTS = ("findings.parquet", "articles.parquet", "bad_rows.jsonl", "summary.json", "report.html")


def audit(source: Path, out: Path, *extra: str) -> dict:
    assert main(["audit", str(source), "--out", str(out), "--isolated", *COLUMNS, *extra]) == 0
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("archive")
    rows = articles(60)
    return {"jsonl": write_jsonl(folder / "export.jsonl", rows, bad=True),
            "clean_jsonl": write_jsonl(folder / "clean.jsonl", rows),
            "parquet": write_parquet(folder / "export.parquet", rows)}


@pytest.fixture(scope="module")
def local_run(archive: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    audit(archive["jsonl"], out, "--jobs", "2", "--partition-size", "10")
    return out


def test_summary_counts_articles_words_findings_and_bad_rows(local_run: Path) -> None:
    summary = json.loads((local_run / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 60
    assert summary["bad_rows"] == len(BAD_JSONL_LINES)
    assert summary["words"] > 60 * 40
    table = pq.read_table(local_run / "findings.parquet").to_pylist()
    assert summary["findings_total"] == len(table)
    assert summary["findings"] == {code: sum(1 for r in table if r["code"] == code)
                                   for code in sorted({r["code"] for r in table})}
    bad = [json.loads(line) for line in (local_run / "bad_rows.jsonl").read_text(encoding="utf-8").splitlines()]
    reasons = {b["id"]: b["reason"] for b in bad}
    assert reasons["no-text"].startswith("no text") and reasons["empty"] == "empty text"
    assert "holds a int" in reasons["number"]
    assert [b["reason"].split(" (")[0] for b in bad if b["id"] is None] == ["not valid UTF-8", "not valid JSON"]
    assert all(b["where"].startswith("export.jsonl:") for b in bad)


def test_findings_rows_are_the_json_schema_with_the_articles_metadata(local_run: Path, archive) -> None:
    table = pq.read_table(local_run / "findings.parquet").to_pylist()
    linter = Linter(Config())
    rows = [json.loads(line) for line in archive["clean_jsonl"].read_text(encoding="utf-8").splitlines()]
    expected = []
    for r in rows:
        for f in linter.check(r["text"], path=r["id"]):
            d = f.to_dict()
            d["data"] = json.dumps(d["data"], ensure_ascii=False, sort_keys=True) if "data" in d else None
            expected.append({"article_id": r["id"], "date": r["published"], "section": r["desk"],
                             "author": ", ".join(r["byline"]), "url": r["link"], **d})
    assert table == expected
    assert {"CL101", "CL201", "CL301"} <= {r["code"] for r in table}
    texts = {r["id"]: r["text"] for r in rows}
    for row in table:
        assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]


def test_articles_table_counts_each_article(local_run: Path) -> None:
    rows = pq.read_table(local_run / "articles.parquet").to_pylist()
    assert [r["id"] for r in rows] == [f"story-{i:03d}" for i in range(60)]
    findings = pq.read_table(local_run / "findings.parquet").to_pylist()
    for r in rows:
        mine = [f for f in findings if f["article_id"] == r["id"]]
        assert r["findings"] == len(mine)
        assert r["spelling"] == sum(1 for f in mine if f["code"].startswith("CL1"))
        assert r["boilerplate"] == sum(1 for f in mine if f["code"].startswith("CL3"))


def test_summary_shows_the_archive_wide_picture(local_run: Path) -> None:
    summary = json.loads((local_run / "summary.json").read_text(encoding="utf-8"))
    (group,) = [g for g in summary["name_variants"] if any(f["form"] == "Zelensky" for f in g["forms"])]
    forms = {f["form"]: f for f in group["forms"]}
    assert set(forms) == {"Zelensky", "Zelenskyy", "Zelenskiy"}
    assert set(forms["Zelensky"]["years"]) == {"2019", "2020"}
    assert set(forms["Zelenskyy"]["years"]) == {"2021", "2022", "2023"}
    assert sum(f["articles"] for f in group["forms"]) == 60
    assert any({f["form"] for f in g["forms"]} == {"Kim Jong-un", "Kim Jong Un"} for g in summary["name_variants"])
    (typo,) = [m for m in summary["misspellings"] if m["text"] == "goverment"]
    assert typo["count"] == 15 and typo["suggestion"] == "government"
    assert typo["examples"][0]["id"] == "story-000" and typo["examples"][0]["text"] == "goverment"
    (leak,) = [f for f in summary["furniture"] if f["line"] == NEWSLETTER]
    assert leak["articles"] == 24 and leak["first"].startswith("2022") and leak["last"].startswith("2023")
    assert {r["section"] for r in summary["by_section"]} == {"politics", "business", "sport"}
    assert [r["period"][:4] for r in summary["by_period"]] == sorted(r["period"][:4] for r in summary["by_period"])


def test_local_and_dask_cluster_write_identical_outputs(archive, local_run: Path, tmp_path: Path) -> None:
    """Local pool vs a Dask LocalCluster with 2 worker processes on loopback (started by the command,
    and one started here and named by --scheduler), from JSONL and from Parquet."""
    pytest.importorskip("distributed")
    dask_out = tmp_path / "dask"
    audit(archive["jsonl"], dask_out, "--engine", "dask", "--jobs", "2", "--partition-size", "10")
    assert outputs(dask_out) == outputs(local_run)
    local_pq, dask_pq = tmp_path / "local-pq", tmp_path / "dask-pq"
    audit(archive["parquet"], local_pq, "--jobs", "1", "--partition-size", "7")
    from distributed import LocalCluster

    # an existing cluster, reached through its scheduler's address as a remote one would be
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        audit(archive["parquet"], dask_pq, "--scheduler", cluster.scheduler_address, "--partition-size", "7")
    assert outputs(dask_pq) == outputs(local_pq)
    findings = pq.read_table(local_pq / "findings.parquet")
    assert findings.equals(pq.read_table(local_run / "findings.parquet"))  # same rows from either export


def test_csv_compressed_and_folder_sources(archive, local_run: Path, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in archive["clean_jsonl"].read_text(encoding="utf-8").splitlines()]
    with gzip.open(tmp_path / "export.csv.gz", "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "published", "desk", "byline", "link"])
        for r in rows:
            w.writerow([r["id"], r["text"], r["published"], r["desk"], ", ".join(r["byline"]), r["link"]])
    audit(tmp_path / "export.csv.gz", tmp_path / "csv", "--jobs", "1")
    assert pq.read_table(tmp_path / "csv" / "findings.parquet").equals(
        pq.read_table(local_run / "findings.parquet"))
    folder = tmp_path / "site"
    folder.mkdir()
    for r in rows[:5]:
        (folder / f"{r['id']}.md").write_text(r["text"], encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"caf\xe9\n")
    summary = audit(folder, tmp_path / "folder-out", "--jobs", "1")
    assert summary["articles"] == 5 and summary["bad_rows"] == 1
    ids = {r["article_id"] for r in pq.read_table(tmp_path / "folder-out" / "findings.parquet").to_pylist()}
    assert ids <= {f"{r['id']}.md" for r in rows[:5]}


def test_rerun_is_identical_and_new_settings_start_afresh(archive, local_run: Path, tmp_path: Path,
                                                          capsys) -> None:
    out = tmp_path / "again"
    audit(archive["jsonl"], out, "--jobs", "1", "--partition-size", "10")
    assert outputs(out) == outputs(local_run)
    capsys.readouterr()
    audit(archive["jsonl"], out, "--jobs", "1", "--partition-size", "10")
    assert "resumed: 7 of 7 partitions were already done" in capsys.readouterr().err
    assert outputs(out) == outputs(local_run)
    audit(archive["jsonl"], out, "--jobs", "1", "--partition-size", "10", "--select", "CL1")
    err = capsys.readouterr().err
    assert "started afresh" in err and "resumed" not in err
    codes = {r["code"] for r in pq.read_table(out / "findings.parquet").to_pylist()}
    assert codes == {"CL101"}


def test_a_killed_audit_resumes_where_it_stopped(tmp_path: Path) -> None:
    export = write_jsonl(tmp_path / "big.jsonl", articles(240))
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "copylint", "audit", str(export), "--out", str(out), "--isolated", *COLUMNS,
           "--jobs", "1", "--partition-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parts = out / "partitions"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(parts.glob("*.done"))) < 5 and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = len(list(parts.glob("*.done")))
    assert 5 <= done < 60 and not (out / "summary.json").exists(), "the audit was not stopped midway"
    resumed = subprocess.run(cmd, capture_output=True, text=True, check=True)
    reused = int(resumed.stderr.split("resumed: ")[1].split()[0])
    assert reused >= done
    fresh = tmp_path / "fresh"
    subprocess.run([*cmd[:cmd.index("--out") + 1], str(fresh), *cmd[cmd.index("--out") + 2:]], check=True,
                   capture_output=True)
    assert outputs(out) == outputs(fresh)


def test_without_the_extra_audit_names_the_install(archive, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["audit", str(archive["jsonl"]), "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "copylint: error: copylint audit needs pyarrow, which is not installed: pip install 'copylint[audit]'"


def test_dask_engine_without_distributed_names_the_install(archive, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["audit", str(archive["jsonl"]), "--out", str(tmp_path / "x"), "--engine", "dask"]) == 2
    assert capsys.readouterr().err.strip().endswith("pip install 'copylint[audit]'")


def test_user_errors_are_one_line(archive, tmp_path: Path, monkeypatch, capsys) -> None:
    from copylint.app.audit import dask_engine

    cases = [[str(tmp_path / "missing.jsonl")], [str(tmp_path), "--partition-size", "0"]]
    (tmp_path / "notes.docx").write_bytes(b"x")
    cases.append([str(tmp_path / "notes.docx")])
    cases.append([str(archive["parquet"]), "--text", "body"])
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    cases.append([str(archive["jsonl"]), "--scheduler", "tcp://127.0.0.1:9"])
    for case in cases:
        capsys.readouterr()
        assert main(["audit", *case, "--out", str(tmp_path / "out")]) == 2, case
        err = capsys.readouterr().err.strip()
        assert err.startswith("copylint: error: ") and "\n" not in err, err
        assert "Traceback" not in err


def test_learn_reads_exports_on_every_engine(archive, tmp_path: Path) -> None:
    packs = {}
    for label, extra in (("local", ["--jobs", "2"]), ("dask", ["--engine", "dask", "--jobs", "2"])):
        out = tmp_path / f"{label}.toml"
        assert main(["learn", str(archive["jsonl"]), "--out", str(out), "--partition-size", "9", *extra]) == 0
        packs[label] = out.read_text(encoding="utf-8")
    assert packs["local"] == packs["dask"]
    assert f"examples = [{json.dumps(NEWSLETTER)}]" in packs["local"]
    assert "# in 24 of 60 articles" in packs["local"]
    folder = tmp_path / "site"
    folder.mkdir()
    for r in articles(60):
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    assert main(["learn", str(folder), "--out", str(tmp_path / "folder.toml"), "--jobs", "1"]) == 0
    body = packs["local"].split("\n[pack]", 1)[1].split("\n", 3)[3]
    assert body == (tmp_path / "folder.toml").read_text(encoding="utf-8").split("\n[pack]", 1)[1].split("\n", 3)[3]


def test_report_renders_in_headless_chromium(local_run: Path, tmp_path: Path) -> None:
    """The page loads nothing from the network, and every chart and table has data marks."""
    from audit_browser import open_page

    with open_page(local_run / "report.html") as page:
        requests = page.requests
        marks = page.evaluate("""() => Object.fromEntries(
            ['#over-time', '#by-section', '#names', '#furniture'].map(id => [id,
              [...document.querySelectorAll(id + ' .mark')].filter(e => {
                  const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length]))""")
        assert marks["#over-time"] == 5 * 3  # five years, three families
        assert marks["#by-section"] >= 3 and marks["#names"] >= 6 and marks["#furniture"] >= 1
        first_link = page.evaluate("document.querySelector('#misspellings a').getAttribute('href')")
        assert page.evaluate(f"document.querySelector('{first_link}') !== null")
        assert "goverment" in page.evaluate(f"document.querySelector('{first_link}').nextElementSibling.innerText")
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
    assert {r.split(":", 1)[0] for r in requests} == {"file"}
    assert shot.stat().st_size > 20_000


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX system")
def test_progress_bar_only_on_a_terminal(archive, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "copylint", "audit", str(archive["clean_jsonl"]), "--out",
                             str(tmp_path / "o"), "--jobs", "1"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr.count("\n") == 1, result.stderr


def test_bad_rows_of_csv_and_parquet_exports(tmp_path: Path) -> None:
    import pyarrow as pa

    good = articles(3)
    header = b"id,text\n"
    body = b"".join(f'{r["id"]},"{r["text"]}"\n'.encode() for r in good)
    (tmp_path / "export.csv").write_bytes(header + body + b'bad-bytes,"caf\xe9"\nempty,""\n')
    summary = audit(tmp_path / "export.csv", tmp_path / "csv-out", "--jobs", "1")
    assert (summary["articles"], summary["bad_rows"]) == (3, 2)
    bad = (tmp_path / "csv-out" / "bad_rows.jsonl").read_text(encoding="utf-8")
    assert "not valid UTF-8" in bad and "empty text" in bad and "export.csv:" in bad
    texts = [r["text"].encode() for r in good] + [b"caf\xe9", None]
    table = pa.table({"id": ["a", "b", "c", "latin1", "null"], "text": pa.array(texts, pa.binary())})
    pq.write_table(table, tmp_path / "export.parquet")
    summary = audit(tmp_path / "export.parquet", tmp_path / "pq-out", "--jobs", "1")
    assert (summary["articles"], summary["bad_rows"]) == (3, 2)
    reasons = {b["id"]: b["reason"] for b in summary["bad_row_examples"]}
    assert reasons == {"latin1": "text column 'text' is not valid UTF-8",
                       "null": "no text (column 'text' is missing or null)"}
