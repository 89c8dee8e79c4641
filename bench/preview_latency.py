"""Edit-to-page latency of `declic serve`: from the write of one irritant's file to its page served
with the new title, the way an editor sees it; then whether serve goes idle.

    .venv/bin/python bench/preview_latency.py path/to/mkdocs.yml IRRITANT_ID [--repo CHECKOUT]

`--repo` runs the `declic` of another checkout (an earlier commit, for a before/after figure).
Prints one JSON object: each edit's seconds, and the rebuilds seen in the 5 s after the last one.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
EDITS = 5
IDLE_SECONDS = 5.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> tuple[str, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.geturl(), response.read().decode("utf-8")
    except OSError:
        return "", ""


def start_preview(config: Path, port: int, repo: Path) -> subprocess.Popen:
    """`declic serve` of this checkout (its package is in generator/) on 127.0.0.1:port, output piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "declic.cli", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env={"PYTHONPATH": str(repo / "generator"), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def preview_latency(config: Path, irritant: str, repo: Path = HERE.parent, timeout: float = 300.0) -> dict:
    port = _free_port()
    process = start_preview(config, port, repo)
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        deadline = time.monotonic() + timeout
        base = ""
        while not base and time.monotonic() < deadline:
            base, _ = _fetch(f"http://127.0.0.1:{port}/")
            time.sleep(0.2)
        if not base:
            raise SystemExit(f"declic serve did not answer:\n{''.join(output)[-3000:]}")
        url = base + f"irritants/{irritant}/"
        source = config.parent / "usecases" / "irritants" / f"{irritant}.yaml"
        original = source.read_text(encoding="utf-8")
        time.sleep(3)  # the first full build of the background, if any, is done
        seconds = []
        try:
            for edit in range(EDITS):
                title = f"Titre modifié {edit} {time.time_ns()}"
                started = time.perf_counter()
                source.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", original), encoding="utf-8")
                while title not in _fetch(url)[1]:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"the edit never showed:\n{''.join(output)[-3000:]}")
                    time.sleep(0.02)
                seconds.append(time.perf_counter() - started)
                time.sleep(3)  # an editor reads the page before the next edit
            before = len(output)
            time.sleep(IDLE_SECONDS)
            after_idle = sum("Aperçu à jour" in line or "pages générées" in line for line in output[before:])
        finally:
            source.write_text(original, encoding="utf-8")
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "edits": seconds,
        "median_seconds": median(seconds),
        "max_seconds": max(seconds),
        "rebuilds_when_idle": after_idle,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("irritant")
    parser.add_argument("--repo", type=Path, default=HERE.parent)
    args = parser.parse_args()
    print(json.dumps(preview_latency(args.config.resolve(), args.irritant, args.repo.resolve())))


if __name__ == "__main__":
    main()
