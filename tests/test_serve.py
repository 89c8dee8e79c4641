"""Live preview: `declic serve` regenerates the pages of an edited YAML file and serves them."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

import pytest
import yaml


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    pytest.fail("timed out")


def test_an_edited_irritant_is_regenerated_and_served(mini):
    port = free_port()
    site_url = yaml.safe_load(mini.read_text(encoding="utf-8")).get("site_url") or "/"
    base = urlparse(site_url).path  # mkdocs serves the site under the path of its address
    url = f"http://127.0.0.1:{port}{base}irritants/ecrire-devis/"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-f", str(mini), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert "Écrire le descriptif du devis" in wait_for(lambda: fetch(url))
        card = mini.parent / "build" / "docs" / "cas-usage" / "fleuriste" / "relancer-factures.md"
        untouched = card.stat().st_mtime_ns
        irritant = mini.parent / "usecases" / "irritants" / "ecrire-devis.yaml"
        irritant.write_text(
            irritant.read_text(encoding="utf-8").replace(
                "Écrire le descriptif du devis", "Rédiger le descriptif du devis"
            ),
            encoding="utf-8",
        )
        wait_for(lambda: "Rédiger le descriptif du devis" in (fetch(url) or ""))
        assert card.stat().st_mtime_ns == untouched  # a page of another irritant is not rewritten
    finally:
        process.terminate()
        process.wait(timeout=10)
