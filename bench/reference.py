"""Whole-build CPU of today's Déclic against a reference commit (issue 18: at most 0.85× of e9bb374),
each on a synthetic guide of the same size written by its own bench/synth.py, and built by its own
bench/measure.py, turn about so that the machine's load falls on both alike.

    python bench/reference.py 1000 --runs 3          # against REFERENCE
    python bench/reference.py 1000 --commit abc1234

The reference is checked out once in bench/out/ (a git worktree) and runs in a virtual environment
of its own, made once beside it with the dependencies its pyproject.toml names (the reference's
mkdocs-macros-plugin is no longer one of today's).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = "e9bb374"  # the commit issue 18 measures against


def compare(size: int, out: Path, runs: int, commit: str = REFERENCE) -> dict:
    """CPU seconds of `runs` whole builds each (Déclic, mkdocs, Pagefind), turn about; medians and ratio."""
    reference = _checkout(commit, out)
    reference_python = _environment(reference, out / f"venv-{commit}")
    reference_guide = _write_guide(reference, reference_python, out / f"reference-{size}", size)
    today_guide = _write_guide(HERE.parent, sys.executable, out / f"today-{size}", size)
    cpu: dict[str, list[float]] = {"reference": [], "today": []}
    versions = (
        ("reference", reference, reference_python, reference_guide),
        ("today", HERE.parent, sys.executable, today_guide),
    )
    for _ in range(runs):
        for name, root, python, guide in versions:
            for generated in ("build", "site"):  # each run builds from nothing, as the first did
                shutil.rmtree(guide.parent / generated, ignore_errors=True)
            cpu[name].append(_build_cpu(root, python, guide))
    medians = {name: statistics.median(values) for name, values in cpu.items()}
    return {"commit": commit, "runs": cpu, **medians, "ratio": medians["today"] / medians["reference"]}


def _checkout(commit: str, out: Path) -> Path:
    folder = out / f"commit-{commit}"
    if not (folder / "generator").is_dir():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(["git", "-C", str(HERE.parent), "worktree", "prune"], check=True)
        subprocess.run(
            ["git", "-C", str(HERE.parent), "worktree", "add", "--detach", str(folder), commit],
            check=True,
            capture_output=True,
        )
    return folder


def _environment(checkout: Path, folder: Path) -> str:
    """A Python with the checkout's own dependencies, made once (pip reaches PyPI)."""
    python = folder / "bin" / "python"
    if not (folder / ".installed").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(checkout)], check=True)
        (folder / ".installed").touch()
    return str(python)


def _write_guide(root: Path, python: str, folder: Path, size: int) -> Path:
    code = "import sys, pathlib, synth; print(synth.write_guide(pathlib.Path(sys.argv[1]), int(sys.argv[2])))"
    done = subprocess.run(
        [python, "-c", code, str(folder), str(size)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(root),
        cwd=root / "bench",
    )
    return Path(done.stdout.strip().splitlines()[-1])


def _build_cpu(root: Path, python: str, guide: Path) -> float:
    done = subprocess.run(
        [python, str(root / "bench" / "measure.py"), "declic", str(guide)],
        capture_output=True,
        text=True,
        env=_env(root),
        cwd=guide.parent,
        check=False,
    )
    if done.returncode:
        sys.exit(f"the build of {guide} ({root.name}) failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["build_cpu"]


def _env(root: Path) -> dict[str, str]:
    # `generator/` holds the package `declic` since the layout by stage; the reference commit's package
    # `generator` is found at the root.
    # (a source folder only where it holds `declic`: an old commit's generator/select.py would shadow
    # the standard library's `select`)
    source = root / "generator"
    paths = (root, source, root / "bench") if (source / "declic").is_dir() else (root, root / "bench")
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join(map(str, paths))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--commit", default=REFERENCE)
    args = parser.parse_args()
    print(json.dumps(compare(args.size, HERE / "out", args.runs, args.commit), indent=1))


if __name__ == "__main__":
    main()
