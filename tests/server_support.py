"""Starting the copy-desk server for tests, on 127.0.0.1 and a free port: in this process (uvicorn in a
thread, for most tests) or as a real ``copylint serve`` process (for signals and the command line)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the server tests need the server extra: pip install -e '.[server]'")
import uvicorn

from copylint.app.server.app import create_app
from copylint.app.server.settings import ServerSettings

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-north-korea.txt").read_text(encoding="utf-8")
#: what the seed's six findings flag, in order
SEED_FLAGS = ("we’ll be bringing you the very latest updates, pictures and video on this breaking news story.",
              "Kim Jong-un", "yeae", "Ukranian", "Share.", "Exit mobile version")
STARTUP_SECONDS = 60


class ServerThread:
    """``with ServerThread(settings) as server: server.url`` serves the app until the block ends."""

    def __init__(self, settings: ServerSettings | None = None) -> None:
        self.app = create_app(settings or ServerSettings(isolated=True))
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._server = uvicorn.Server(uvicorn.Config(self.app, log_config=None, access_log=False,
                                                     lifespan="on", timeout_graceful_shutdown=5))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()


class ServeProcess:
    """``copylint serve --port 0 ARGS...`` as a child process; ``url`` is read from its log."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
        command = [sys.executable, "-m", "copylint", "serve", "--host", "127.0.0.1", "--port", "0", *args]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, **(env or {})}, cwd=cwd or ROOT)
        self.log: list[str] = []
        self.url = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.rstrip("\n"))

    def wait_started(self) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            for line in list(self.log):
                m = re.search(r"Uvicorn running on (http://\S+)", line)
                if m and self._healthy(m.group(1)):  # with workers, it listens once they are up
                    self.url = m.group(1)
                    return self.url
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("copylint serve did not start:\n" + "\n".join(self.log))

    @staticmethod
    def _healthy(url: str) -> bool:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._reader.join(timeout=5)
        return code

    def __enter__(self) -> ServeProcess:
        self.wait_started()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
