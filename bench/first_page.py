"""Start-up of `declic serve`: from the command's start to the first page served, the way a user waits
for it, and when the address was printed (it must not be before the page answers).

    .venv/bin/python bench/first_page.py path/to/mkdocs.yml [--runs 3]

Prints one JSON object: each run's seconds to the address printed and to the first page served, their
medians, and the CPU seconds the serve process had used by then (which other work on the machine does
not inflate: on a quiet machine, the first page comes about that long after the start).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
import urllib.request
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from preview_latency import _free_port, start_preview


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def first_page_once(config: Path, repo: Path = HERE.parent, timeout: float = 300.0) -> dict:
    port = _free_port()
    started = time.perf_counter()
    process = start_preview(config, port, repo)
    printed: list[float] = []
    output: list[str] = []

    def read() -> None:
        for line in process.stdout:
            if "Aperçu sur" in line and not printed:
                printed.append(time.perf_counter() - started)
            output.append(line)

    threading.Thread(target=read, daemon=True).start()
    try:
        while not _answers(f"http://127.0.0.1:{port}/"):
            if time.perf_counter() - started > timeout or process.poll() is not None:
                raise SystemExit(f"declic serve did not answer:\n{''.join(output)[-3000:]}")
            time.sleep(0.02)
        served = time.perf_counter() - started
        cpu = _cpu_seconds(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=60)
    return {"printed_seconds": printed[0] if printed else None, "served_seconds": served, "cpu_seconds": cpu}


def first_page(config: Path, runs: int = 3, repo: Path = HERE.parent) -> dict:
    results = [first_page_once(config, repo) for _ in range(runs)]
    served = [run["served_seconds"] for run in results]
    return {
        "runs": results,
        "median_seconds": median(served),
        "median_cpu_seconds": median(run["cpu_seconds"] for run in results),
        # the address shown a second or more before the page answered: the fault of issue 25
        "printed_early": any(
            run["printed_seconds"] is None or run["served_seconds"] - run["printed_seconds"] > 1.0 for run in results
        ),
        "load_average": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repo", type=Path, default=HERE.parent)
    args = parser.parse_args()
    print(json.dumps(first_page(args.config.resolve(), args.runs, args.repo.resolve())))


if __name__ == "__main__":
    main()
