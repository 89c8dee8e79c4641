"""A running `declic serve` for the tests that drive it (tests/commands/test_serve.py and the
browser's preview tests): a free port, the lines it prints, pages fetched until a condition holds."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail("timed out")


class Served:
    """A running `declic serve`, with what it printed so far."""

    def __init__(self, config: Path, env: dict[str, str] | None = None, bare_port: bool = False):
        self.port = free_port()
        site_url = yaml.safe_load(config.read_text(encoding="utf-8")).get("site_url") or "/"
        self.base = f"http://127.0.0.1:{self.port}{urlparse(site_url).path}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "declic.cli",
                "serve",
                "-f",
                str(config),
                "-a",
                f"{self.port}" if bare_port else f"127.0.0.1:{self.port}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def count(self, text: str) -> int:
        return sum(text in line for line in self.lines)


@contextmanager
def serving(config: Path, env: dict[str, str] | None = None, bare_port: bool = False) -> Iterator[Served]:
    served = Served(config, env, bare_port)
    try:
        yield served
    finally:
        served.process.terminate()
        served.process.wait(timeout=10)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
