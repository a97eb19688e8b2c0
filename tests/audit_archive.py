"""A small newsroom archive made by the tests: dated, sectioned articles with typos, a name spelt
three ways across the years, a furniture line that appears after a "migration", and bad rows."""

from __future__ import annotations

import json
from pathlib import Path

SECTIONS = ("politics", "business", "sport")
NEWSLETTER = "Sign up for our morning newsletter and get BBC News in your inbox."


def article(i: int) -> dict:
    year = 2019 + i % 5
    month = 1 + i % 12
    name = ("Zelensky", "Zelenskyy", "Zelenskiy")[0 if year < 2021 else (1 if i % 3 else 2)]
    typo = " The goverment said it would reply." if i % 4 == 0 else ""
    leader = "Kim Jong-un" if i % 2 else "Kim Jong Un"
    body = (f"Talks in round {i}\n\n"
            f"President Volodymyr {name} met envoys in the capital on day {i} of the talks.{typo} "
            f"Officials said {name} wanted more air defences before the winter.\n\n"
            f"Analysts in Seoul said {leader} was watching the talks closely, and the ministry "
            f"expected a statement within the week.\n")
    if i % 10 == 1:  # one name written two ways in one article (CL201)
        body += "\nKim Jong Un met envoys. Later, Kim Jong-un's army moved. Kim Jong Un left.\n"
    if year >= 2022:
        body += f"\n{NEWSLETTER}\n"
    return {"id": f"story-{i:03d}", "text": body, "published": f"{year}-{month:02d}-{1 + i % 28:02d}",
            "desk": SECTIONS[i % 3], "byline": ["A. Writer", "B. Editor"][: 1 + i % 2],
            "link": f"https://news.example/story-{i:03d}"}


def articles(n: int) -> list[dict]:
    return [article(i) for i in range(n)]


#: bad rows of a JSONL export (raw lines) and how many of them there are
BAD_JSONL_LINES = [
    b'{"id": "no-text", "published": "2020-01-01"}',
    b'{"id": "empty", "text": "   "}',
    b'{"id": "number", "text": 42}',
    b'{"id": "latin1", "text": "caf\xe9"}',
    b'{"id": "broken", "text": ',
]


def write_jsonl(path: Path, rows: list[dict], bad: bool = False) -> Path:
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in rows]
    if bad:
        for k, line in enumerate(BAD_JSONL_LINES):  # spread through the export
            lines.insert(3 + k * 7, line)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


#: the columns of the archive above, as `copylint audit` options
COLUMNS = ["--date", "published", "--section", "desk", "--author", "byline", "--url", "link"]
