"""What one child process of the benchmark measures; run by `run.py`, one process per build so
that each peak memory is its own. Prints one JSON object on its last line of output.

    python bench/measure.py declic path/to/mkdocs.yml   # Déclic build, then a one-file edit
    python bench/measure.py plain path/to/mkdocs.yml    # plain mkdocs build of the same Markdown
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path
from time import perf_counter, process_time

import yaml

EDITED_IRRITANT = "irritant-00000"


def measure_declic(config_file: Path) -> dict:
    from declic import urls
    from declic.build import build, generate
    from declic.site.project import load_project

    project = load_project(config_file)
    search_index = _time_search_index()
    search_peaks = _watch_search_memory()
    site_cpu = _time_site_cpu()
    started, cpu, all_cpu = perf_counter(), process_time(), _cpu_with_children()
    generated = build(project, strict=True)
    total, total_cpu = perf_counter() - started, process_time() - cpu
    build_cpu = _cpu_with_children() - all_cpu
    result = {
        "cards": len(generated.catalog.cards),
        "pages": len(generated.pages),
        "stages": {**generated.timings, "search_index": sum(search_index)},
        "total": total,
        # CPU seconds of this process outside mkdocs: Déclic's own work, whatever else runs on the machine.
        "declic_cpu": total_cpu - sum(site_cpu),
        "mkdocs_cpu": sum(site_cpu),  # mkdocs, in this process (Pagefind runs as a child)
        "build_cpu": build_cpu,
        **_peak_memory(),  # the build's: read before the regeneration below adds its own
        "search_peak_mb": max(search_peaks, default=0),
    }

    # The serve loop: one irritant's description is edited, the docs folder is regenerated.
    edited = project.root / "usecases" / "irritants" / f"{EDITED_IRRITANT}.yaml"
    original = edited.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["description"] += " Une phrase ajoutée pendant l'aperçu."
    edited.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    started, cpu = perf_counter(), process_time()
    again = generate(project)
    result["regenerate"], result["regenerate_cpu"] = perf_counter() - started, process_time() - cpu
    result["regenerate_stages"] = again.timings
    result["regenerate_written"] = sorted(again.report.written)
    # The pages that print this description: its cards and its own irritant page.
    result["regenerate_expected"] = sorted(
        [urls.card(card.trade_id, card.irritant_id) for card in again.catalog.cards_of_irritant(EDITED_IRRITANT)]
        + [urls.irritant(EDITED_IRRITANT)]
    )
    # Put the docs folder back as it was built, for the plain build of the same Markdown.
    edited.write_text(original, encoding="utf-8")
    generate(project)
    return result | {"serve_peak_mb": _peak_memory()["peak_mb"]}


def _time_site_cpu() -> list[float]:
    """CPU seconds of this process spent in `build_site` (mkdocs, and waiting for Pagefind)."""
    from declic import build

    seconds: list[float] = []
    build_site = build.build_site

    def timed(*args, **kwargs):
        started = process_time()
        try:
            return build_site(*args, **kwargs)
        finally:
            seconds.append(process_time() - started)

    build.build_site = timed
    return seconds


def _time_search_index() -> list[float]:
    """Times of the Pagefind indexing that `build_site` runs after mkdocs (inside its timing)."""
    from declic.site import mkdocs_build as site

    seconds: list[float] = []
    index = getattr(site, "index_for_search", None)
    if index is None:
        return seconds

    def timed(*args, **kwargs):
        started = perf_counter()
        try:
            return index(*args, **kwargs)
        finally:
            seconds.append(perf_counter() - started)

    site.index_for_search = timed
    return seconds


def _watch_search_memory() -> list[float]:
    """Peak memory in MB of each Pagefind run. A child's own peak cannot be read from here: Linux
    counts in it the memory of this process when it forked (600 MB at 10,000 cards). So each run
    goes through a small launcher, this file's `peak` mode, which reads its child's with wait4."""
    import subprocess

    from declic.site import mkdocs_build as site

    peaks: list[float] = []
    run = subprocess.run

    def launched(command, *args, **kwargs):
        result = run([sys.executable, __file__, "peak", *command], *args, **kwargs)
        text = result.stderr if isinstance(result.stderr, str) else ""
        peak, _, rest = text.partition("\n")
        peaks.append(float(peak))
        result.stderr = rest
        return result

    site.subprocess = type("Subprocess", (), {"run": staticmethod(launched)})
    return peaks


def _launch_and_report_peak(command: list[str]) -> int:
    """`peak` mode: run `command`; its peak memory in MB on the first line of stderr, then its own.
    This process is small and has no other child: its children's peak is that command's."""
    import subprocess

    result = subprocess.run(command, capture_output=True, check=False)
    sys.stdout.buffer.write(result.stdout)
    sys.stderr.write(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}\n")
    sys.stderr.buffer.write(result.stderr)
    return result.returncode


def measure_plain(config_file: Path) -> dict:
    """mkdocs alone, as anyone would run it: no Déclic module is imported."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started, cpu, all_cpu = perf_counter(), process_time(), _cpu_with_children()
    config = load_config(str(config_file), strict=False)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    result = {
        "total": perf_counter() - started,
        "cpu": process_time() - cpu,
        "build_cpu": _cpu_with_children() - all_cpu,
    }
    assert "generator" not in sys.modules, "the plain build must not run Déclic code"
    return result | _peak_memory()


def _cpu_with_children() -> float:
    """CPU seconds of this process and of the processes it waited for (Pagefind)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_memory() -> dict:
    """Peak resident memory in MB of this process, and of its children (pagefind runs as one)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": own, "children_peak_mb": children}


if __name__ == "__main__":
    if sys.argv[1] == "peak":
        sys.exit(_launch_and_report_peak(sys.argv[2:]))
    kind, config = sys.argv[1], Path(sys.argv[2])
    result = {"declic": measure_declic, "plain": measure_plain}[kind](config)
    print(json.dumps(result))
