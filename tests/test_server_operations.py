"""Operating the server: bad input (each a JSON error naming the problem, and the server keeps
answering), size and time limits, API keys, CORS, the access log, shutdown and the command line."""

from __future__ import annotations

import json
import logging
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from lt_fake_server import FakeLanguageTool
from server_support import SEED, ServeProcess, ServerThread

from copylint.app.cli import build_parser, main
from copylint.app.server.settings import ServerSettings


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    with ServerThread(ServerSettings(isolated=True, max_request_bytes=20_000)) as running:
        yield running


def still_answers(server: ServerThread) -> None:
    answer = requests.post(server.url + "/v2/check", data={"text": "Last yeae.", "language": "en-GB"}, timeout=30)
    assert answer.status_code == 200
    assert [m["offset"] for m in answer.json()["matches"]] == [5]


def assert_error(response: requests.Response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status
    for word in words:
        assert word in body["error"], body["error"]


LT_BAD = [
    ({"language": "en-GB"}, "no text"),
    ({"text": "a", "data": '{"text": "a"}', "language": "en-GB"}, "not both"),
    ({"data": "{not json", "language": "en-GB"}, "bad JSON in 'data'"),
    ({"data": "[1, 2]", "language": "en-GB"}, "bad annotation"),
    ({"data": '{"annotation": "text"}', "language": "en-GB"}, "bad annotation", "list"),
    ({"data": '{"annotation": [{"text": "a", "markup": "<b>"}]}', "language": "en-GB"}, "part 0", "both"),
    ({"data": '{"annotation": [{"text": "a"}, {"markup": 3}]}', "language": "en-GB"}, "part 1", "strings"),
    ({"data": '{"annotation": [{"txt": "a"}]}', "language": "en-GB"}, "part 0", "unknown keys"),
    ({"data": '{"annotation": [{"text": "a", "interpretAs": "b"}]}', "language": "en-GB"}, "interpretAs"),
    ({"text": "Hallo Welt", "language": "de-DE"}, "unknown language 'de-DE'", "en-GB"),
    ({"text": "Hello"}, "no language"),
    ({"text": "Hello", "language": "en-GB", "enabledOnly": "true"}, "enabledOnly=true needs"),
    ({"text": "Hello", "language": "en-GB", "level": "extreme"}, "unknown level"),
]


@pytest.mark.parametrize(("form", "words"), [(f, w) for f, *w in LT_BAD], ids=[w[0] for _, *w in LT_BAD])
def test_bad_languagetool_requests_are_400_naming_the_problem(server: ServerThread, form: dict, words: list) -> None:
    assert_error(requests.post(server.url + "/v2/check", data=form, timeout=30), 400, *words)
    still_answers(server)


def test_other_bad_bodies_for_v2_check(server: ServerThread) -> None:
    url = server.url + "/v2/check"
    assert_error(requests.post(url, json={"text": "a", "language": "en-GB"}, timeout=30), 400, "/api/v1/check")
    assert_error(requests.post(url, files={"text": ("t", "a")}, data={"language": "en-GB"}, timeout=30),
                 415, "urlencoded")
    assert_error(requests.post(url, data=b"text=%FF%FE&language=en-GB", timeout=30), 400, "UTF-8")
    assert_error(requests.post(url, data=b"text=\xff&language=en-GB", timeout=30), 400, "not UTF-8")
    still_answers(server)


JSON_BAD = [
    (b"{not json", "bad JSON"),
    (b"\xff\xfe", "bad JSON"),
    (b"[1]", "must be an object"),
    (b"{}", "no text"),
    (b'{"text": 3}', "'text' must be a string"),
    (b'{"text": "a", "colour": 1}', "unknown field 'colour'"),
    (b'{"text": "a", "unsafe": true}', "unknown field 'unsafe'"),
    (b'{"text": "a", "format": "docx"}', "unknown format 'docx'"),
    (b'{"text": "a", "words": "Zelenskyy"}', "'words' must be a list"),
    (b'{"text": "a", "config": []}', "'config' must be an object"),
    (b'{"text": "a", "config": {"dialect": "en-AU"}}', "unknown dialect 'en-AU'"),
    (b'{"text": "a", "config": {"house": "bbc"}}', "unknown config key 'house'"),
    (b'{"text": "a", "config": {"house-style": 1}}', "'house-style' must be a string"),
    (b'{"text": "a", "config": {"select": "CL1"}}', "'select' must be a list"),
    (b'{"text": "a", "config": {"ignore": ["E501"]}}', "'E501' in 'ignore' is not a rule code"),
]


@pytest.mark.parametrize(("body", "words"), JSON_BAD, ids=[w for _, w in JSON_BAD])
def test_bad_json_requests_are_400_naming_the_problem(server: ServerThread, body: bytes, words: str) -> None:
    response = requests.post(server.url + "/api/v1/check", data=body, timeout=30,
                             headers={"Content-Type": "application/json"})
    assert_error(response, 400, words)
    still_answers(server)


def test_fix_rejects_a_non_boolean_unsafe(server: ServerThread) -> None:
    assert_error(requests.post(server.url + "/api/v1/fix", json={"text": "a", "unsafe": "yes"}, timeout=30),
                 400, "'unsafe' must be true or false")


def test_unknown_paths_and_methods_are_json_errors(server: ServerThread) -> None:
    assert_error(requests.get(server.url + "/v3/check", timeout=30), 404, "not found: /v3/check")
    assert_error(requests.get(server.url + "/api/v1/check", timeout=30), 405, "GET is not allowed")
    still_answers(server)


def test_bodies_over_the_limit_get_413(server: ServerThread) -> None:
    big = "Last yeae. " * 3_000  # 33,000 bytes; the limit is 20,000
    assert_error(requests.post(server.url + "/v2/check", data={"text": big, "language": "en-GB"}, timeout=30),
                 413, "20,000 bytes")
    assert_error(requests.post(server.url + "/api/v1/check", json={"text": big}, timeout=30), 413, "limit")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the server counts while reading
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 1_000
        yield b'"}'

    assert_error(requests.post(server.url + "/api/v1/check", data=chunks(), timeout=30,
                               headers={"Content-Type": "application/json"}), 413, "limit")
    still_answers(server)


def test_the_default_limit_is_one_megabyte() -> None:
    assert ServerSettings().max_request_bytes == 1_000_000


# ---------------------------------------------------------------------------- time
@pytest.fixture(scope="module")
def slow_lt() -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool(delay=3, slow_paths=("/v2/check",)) as fake:
        yield fake


def grammar_config(tmp_path: Path, lt: FakeLanguageTool) -> str:
    config = tmp_path / ".copylint.toml"
    config.write_text(f'languagetool = {{ url = "{lt.url}", timeout = 8 }}\n', encoding="utf-8")
    return str(config)


def test_a_request_over_the_time_limit_gets_503_and_others_are_not_held_up(
        slow_lt: FakeLanguageTool, tmp_path: Path) -> None:
    settings = ServerSettings(config=grammar_config(tmp_path, slow_lt), time_limit=1.0)
    with ServerThread(settings) as running:
        started = time.monotonic()
        slow = requests.post(running.url + "/v2/check", data={"text": "He go home.", "language": "en-GB"},
                             timeout=30)
        assert_error(slow, 503, "longer than this server's limit of 1 s")
        assert time.monotonic() - started < 2.5
        # while a check waits for the slow grammar server, checks that need no grammar are answered
        results: dict[str, float] = {}

        def slow_request() -> None:
            requests.post(running.url + "/api/v1/check", json={"text": "She go home."}, timeout=30)
            results["slow"] = time.monotonic()

        waiting = threading.Thread(target=slow_request)
        waiting.start()
        time.sleep(0.2)
        fast = requests.post(running.url + "/api/v1/check", json={"text": "Last yeae.", "config": {"select": ["CL1"]}},
                             timeout=30)
        results["fast"] = time.monotonic()
        assert fast.status_code == 200 and [f["text"] for f in fast.json()["findings"]] == ["yeae"]
        assert requests.get(running.url + "/healthz", timeout=5).status_code == 200
        waiting.join()
        assert results["fast"] < results["slow"]


# ---------------------------------------------------------------------------- keys
@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerThread]:
    keys = tmp_path_factory.mktemp("keys") / "keys.txt"
    keys.write_text("# newsroom clients\nsecret-one\n\nsecret-two\n", encoding="utf-8")
    with ServerThread(ServerSettings(isolated=True, api_key_file=str(keys))) as running:
        yield running


@pytest.mark.parametrize(("method", "path"), [("POST", "/v2/check"), ("GET", "/v2/languages"), ("GET", "/v2/info"),
                                              ("GET", "/v2/configinfo"), ("POST", "/api/v1/check"),
                                              ("POST", "/api/v1/fix"), ("GET", "/api/v1/options"),
                                              ("GET", "/openapi.json")])
def test_every_endpoint_but_healthz_needs_the_key(keyed: ServerThread, method: str, path: str) -> None:
    body = {"data": {"text": "Last yeae.", "language": "en-GB"}} if path.startswith("/v2/check") else \
        {"json": {"text": "Last yeae."}} if method == "POST" else {}
    response = requests.request(method, keyed.url + path, timeout=30, **body)
    assert_error(response, 401, "API key")
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = requests.request(method, keyed.url + path, timeout=30, headers={"Authorization": "Bearer nope"}, **body)
    assert_error(wrong, 401)
    right = requests.request(method, keyed.url + path, timeout=30, headers={"Authorization": "Bearer secret-two"},
                             **body)
    assert right.status_code == 200


def test_languagetool_clients_can_send_the_key_as_apikey(keyed: ServerThread) -> None:
    form = {"text": "Last yeae.", "language": "en-GB", "apiKey": "secret-one"}
    assert requests.post(keyed.url + "/v2/check", data=form, timeout=30).status_code == 200
    assert requests.get(keyed.url + "/v2/check", params=form, timeout=30).status_code == 200
    assert requests.get(keyed.url + "/v2/languages", params={"apiKey": "secret-one"}, timeout=30).status_code == 200
    assert requests.post(keyed.url + "/api/v1/check?apiKey=secret-one", json={"text": "a"}, timeout=30).ok


def test_healthz_and_the_page_need_no_key(keyed: ServerThread) -> None:
    assert requests.get(keyed.url + "/healthz", timeout=30).json()["status"] == "ok"
    assert requests.get(keyed.url + "/", timeout=30).status_code == 200
    assert requests.get(keyed.url + "/static/app.js", timeout=30).status_code == 200


def test_the_openapi_document_names_the_key_schemes_when_keys_are_needed(keyed: ServerThread) -> None:
    document = requests.get(keyed.url + "/openapi.json", headers={"Authorization": "Bearer secret-one"},
                            timeout=30).json()
    assert document["paths"]["/v2/check"]["post"]["security"] == [{"bearer": []}, {"apiKeyParameter": []}]
    assert document["paths"]["/healthz"]["get"]["security"] == []


# ---------------------------------------------------------------------------- CORS and the log
def test_cors_answers_configured_origins_only() -> None:
    settings = ServerSettings(isolated=True, cors_origins=("https://cms.example.org",))
    with ServerThread(settings) as running:
        preflight = requests.options(running.url + "/v2/check", timeout=30, headers={
            "Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type"})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://cms.example.org"
        assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
        simple = requests.post(running.url + "/v2/check", data={"text": "a", "language": "en"}, timeout=30,
                               headers={"Origin": "https://cms.example.org"})
        assert simple.headers["access-control-allow-origin"] == "https://cms.example.org"
        other = requests.post(running.url + "/v2/check", data={"text": "a", "language": "en"}, timeout=30,
                              headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_no_cors_headers_unless_configured(server: ServerThread) -> None:
    response = requests.post(server.url + "/v2/check", data={"text": "a", "language": "en"}, timeout=30,
                             headers={"Origin": "https://cms.example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_the_access_log_names_each_request_but_never_the_copy(server: ServerThread,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    secret = "Confidential draft about the minister yeae"
    with caplog.at_level(logging.INFO, logger="copylint.server.access"):
        requests.post(server.url + "/v2/check", data={"text": secret, "language": "en-GB"}, timeout=30)
        requests.get(server.url + "/v2/check", params={"text": secret, "language": "en-GB"}, timeout=30)
        requests.post(server.url + "/api/v1/check", json={"text": secret}, timeout=30)
        time.sleep(0.1)
    lines = [r.getMessage() for r in caplog.records if r.name == "copylint.server.access"]
    assert any('"POST /v2/check" 200' in line for line in lines)
    assert any('"GET /v2/check" 200' in line for line in lines)
    assert any('"POST /api/v1/check" 200' in line for line in lines)
    assert not any("Confidential" in r.getMessage() or "text=" in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------------------- the process
def test_sigterm_lets_the_request_in_progress_finish(slow_lt: FakeLanguageTool, tmp_path: Path) -> None:
    with ServeProcess("--config", grammar_config(tmp_path, slow_lt)) as serve:
        result: dict[str, requests.Response] = {}

        def request() -> None:
            result["answer"] = requests.post(serve.url + "/v2/check", timeout=30,
                                             data={"text": "He go home. Last yeae.", "language": "en-GB"})

        in_progress = threading.Thread(target=request)
        in_progress.start()
        time.sleep(1.0)  # the check now waits for the slow grammar server
        # uvicorn finishes the requests in progress, shuts the app down, then ends by the signal
        # itself, so that a supervisor sees a clean stop by SIGTERM
        assert serve.stop(signal.SIGTERM) in (0, -signal.SIGTERM)
        in_progress.join()
    answer = result["answer"]
    assert answer.status_code == 200
    assert [m["rule"]["id"] for m in answer.json()["matches"]] == ["CL401", "CL101_SPELLER_RULE"]
    log = "\n".join(serve.log)
    assert "copylint server stopping" in log and "Finished server process" in log


def test_two_workers_serve_the_same_answers() -> None:
    with ServeProcess("--isolated", "--workers", "2") as serve:
        for _ in range(4):
            answer = requests.post(serve.url + "/v2/check", data={"text": SEED, "language": "en-GB"}, timeout=60)
            assert len(answer.json()["matches"]) == 6
    assert sum("ready (warmed up" in line for line in serve.log) == 2


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'copylint[server]'" in err


@pytest.mark.parametrize(("args", "words"), [
    (["--api-key-file", "/nonexistent/keys.txt"], "cannot read"),
    (["--port", "70000"], "--port must be between"),
    (["--workers", "0"], "--workers must be at least 1"),
    (["--time-limit", "0"], "--time-limit must be a positive"),
])
def test_bad_settings_are_one_line_and_exit_2(args: list[str], words: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["serve", "--isolated", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err


def test_an_empty_key_file_and_a_bad_config_are_one_line_and_exit_2(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("# no keys yet\n", encoding="utf-8")
    assert main(["serve", "--isolated", "--api-key-file", str(keys)]) == 2
    assert "no keys in it" in capsys.readouterr().err
    config = tmp_path / ".copylint.toml"
    config.write_text("dialect = 'en-AU'\n", encoding="utf-8")
    assert main(["serve", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "dialect" in err and str(config) in err


def test_settings_travel_to_workers_through_the_environment() -> None:
    settings = ServerSettings(port=9000, cors_origins=("*",), time_limit=3.5, api_key_file="k.txt")
    assert ServerSettings.from_environment({"COPYLINT_SERVER_SETTINGS": settings.to_environment()}) == settings
    assert json.loads(settings.to_environment())["cors_origins"] == ["*"]


def test_the_base_command_line_never_imports_the_server_stack() -> None:
    code = ("import sys; from copylint.app.cli import main; main(['rules']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_the_readme_systemd_unit_and_container_run_copylint_serve_with_options_it_accepts() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    unit = re.search(r"```ini\n(.*?)```", readme, re.S).group(1)  # type: ignore[union-attr]
    exec_start = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1).split()  # type: ignore[union-attr]
    dockerfile = re.search(r"```dockerfile\n(.*?)```", readme, re.S).group(1)  # type: ignore[union-attr]
    command = json.loads(re.search(r"^CMD (.*)$", dockerfile, re.M).group(1))  # type: ignore[union-attr]
    assert exec_start[0].endswith("/bin/copylint") and command[0] == "copylint"
    for argv in (exec_start[1:], command[1:]):
        args = build_parser().parse_args(argv)
        assert args.command == "serve" and args.host == "0.0.0.0" and args.port == 8081


def test_a_port_in_use_is_one_logged_line_and_exit_2() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        done = subprocess.run([sys.executable, "-m", "copylint", "serve", "--isolated", "--port", port],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "address already in use" in errors[0]
    assert "Traceback" not in done.stderr
