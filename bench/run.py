"""`make bench`: synthetic guides of growing size, each built by Déclic and, from the same Markdown,
by plain mkdocs-material; one table of times, sizes and memory in bench/results.md and .json.

    python bench/run.py                       # 100 and 1,000 cards, a few minutes on 2 cores
    python bench/run.py --full                # and 10,000 cards
    make bench SIZES=100,1000,10000           # any sizes (make passes SIZES in the environment)

Each build runs in its own process so that its peak memory is its own. Guides are written to
bench/out/ (git-ignored) and rebuilt from scratch on each run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from first_page import first_page
from measure import EDITED_IRRITANT
from page_weight import explorer_answers, first_views, largest_pages
from preview_latency import preview_latency
from reference import REFERENCE, compare
from search_cost import folder_bytes, search_cost
from synth import write_guide, write_plain_config

STAGES = ("load", "validate", "link", "plan", "render", "write")
DEFAULT_SIZES = "100,1000"
FULL_SIZES = "100,1000,10000"
TARGETS = {
    "declic_share": 0.10,
    "ratio": 1.15,
    "regenerate_seconds": 1.0,
    "peak_mb": 1024,
    "preview_default_seconds": 1.0,  # edit to page in `declic serve`, the default guide
    "preview_1000_seconds": 2.0,  # the same at 1,000 cards
    "first_page_seconds": 5.0,  # `declic serve` started to its first page served, the default guide (issue 25)
    "page_kb": 300,  # the largest HTML page, raw, at any size
    "first_view_gzip_kb": 150,  # HTML, scripts and data of a page's first view, gzipped
    "declic_cards_per_second": 1000,  # Déclic's own stages: they must not regress
    "explorer_seconds": 2.0,  # a filter answered in the explorer, Chromium's CPU throttled 4×
    # Whole build's CPU ÷ plain mkdocs-material's, from 1,000 cards on. Issue 18 asked ≤ 1.0×; issue 26
    # retired it: plain builds the same Markdown and runs none of Déclic's stages.
    "plain_cpu_ratio": 1.10,
    "reference_cpu_ratio": 0.85,  # whole build's CPU ÷ that of commit REFERENCE, from 1,000 cards on
}
# Builds of each version per size for the reference comparison, turn about: the machine's load
# moves CPU times by a tenth from one run to the next.
REFERENCE_RUNS = {1000: 5, 10000: 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=os.environ.get("SIZES") or DEFAULT_SIZES,
        help=f"comma-separated numbers of cards (default {DEFAULT_SIZES}, or $SIZES)",
    )
    parser.add_argument("--full", action="store_true", help=f"sizes {FULL_SIZES}")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where the synthetic guides go")
    args = parser.parse_args()
    sizes = [int(size) for size in (FULL_SIZES if args.full else args.sizes).split(",")]

    rows = []
    for size in sizes:
        print(f"· {size} cartes…", file=sys.stderr, flush=True)
        rows.append(measure_size(size, args.out))
    print("· aperçu du guide par défaut…", file=sys.stderr, flush=True)
    default_guide = _default_guide_copy(args.out / "default-guide")
    preview = preview_latency(default_guide, "relancer-factures-impayees")
    print("· démarrage de l'aperçu du guide par défaut…", file=sys.stderr, flush=True)
    started = first_page(default_guide)
    results = {
        "environment": _environment(),
        "targets": TARGETS,
        "rows": rows,
        "default_guide_preview": preview,
        "default_guide_first_page": started,
    }
    table = markdown(results)
    print(table)
    (HERE / "results.md").write_text(table, encoding="utf-8")
    (HERE / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _default_guide_copy(folder: Path) -> Path:
    """The shipped default guide in a folder of its own, so that its files can be edited."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "usecases", "personas", "overrides"):
        source = HERE.parent / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    return folder / "mkdocs.yml"


def measure_size(size: int, out: Path) -> dict:
    started = perf_counter()
    guide = out / f"guide-{size}"
    config = write_guide(guide, size)
    synth_seconds = perf_counter() - started
    os.sync()  # the previous run's deleted guide is flushed now, not during the measured build
    declic = _child("declic", config)
    plain_folder = out / f"plain-{size}"
    plain = _child("plain", write_plain_config(plain_folder, guide / "build" / "docs", plain_folder / "site"))

    site, plain_site = guide / "site", plain_folder / "site"
    cards = declic["cards"]
    declic_seconds = declic["total"] - declic["stages"]["mkdocs"]
    search_index_seconds = declic["stages"]["search_index"]
    search = search_cost(site)
    site_bytes = folder_bytes(site)
    written, expected = set(declic["regenerate_written"]), set(declic["regenerate_expected"])
    preview = preview_latency(config, EDITED_IRRITANT)
    runs = max((count for cards, count in REFERENCE_RUNS.items() if size >= cards), default=0)
    return {
        "reference": compare(size, out, runs) if runs else None,
        "preview": preview,
        "largest_pages": largest_pages(site),
        "first_views": first_views(site),
        "explorer_answers": explorer_answers(site),
        "mkdocs_cpu_ms_per_page": 1000 * declic["mkdocs_cpu"] / declic["pages"],
        "cards": cards,
        "pages": declic["pages"],
        "synth_seconds": synth_seconds,
        "stages": {stage: declic["stages"].get(stage, 0.0) for stage in STAGES},
        "declic_seconds": declic_seconds,
        "declic_cpu_seconds": declic["declic_cpu"],
        "cards_per_second": cards / declic["declic_cpu"],
        "declic_share": declic_seconds / declic["total"],
        "mkdocs_seconds": declic["stages"]["mkdocs"] - search_index_seconds,
        "search_index_seconds": search_index_seconds,
        "total_seconds": declic["total"],
        "plain_seconds": plain["total"],
        "ratio": declic["total"] / plain["total"],
        "cpu_ratio": declic["build_cpu"] / plain["build_cpu"],
        "ms_per_card": 1000 * declic["total"] / cards,
        "peak_mb": declic["peak_mb"],
        "search_peak_mb": declic["search_peak_mb"],  # the largest of Pagefind's runs, each a process
        "serve_peak_mb": declic["serve_peak_mb"],  # once the regeneration after an edit has run too
        "plain_peak_mb": max(plain["peak_mb"], plain["children_peak_mb"]),
        "site_bytes": site_bytes,
        "bytes_per_card": site_bytes / cards,
        "plain_site_bytes": folder_bytes(plain_site),
        "card_page_bytes": _mean_card_page(site),
        "plain_card_page_bytes": _mean_card_page(plain_site),
        "search": search,
        "plain_search": search_cost(plain_site),
        "regenerate_seconds": declic["regenerate"],
        "regenerate_cpu_seconds": declic["regenerate_cpu"],
        "regenerate_stages": declic["regenerate_stages"],
        "regenerate_written": len(written),
        "regenerate_expected": len(expected),
        "regenerate_exact": written == expected,
    }


def _child(kind: str, config: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(HERE.parent)}
    done = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), kind, str(config)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )
    if done.returncode:
        sys.exit(f"the {kind} build of {config} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mean_card_page(site: Path) -> float:
    pages = list(site.glob("cas-usage/*/*/index.html"))
    return sum(page.stat().st_size for page in pages) / len(pages) if pages else 0.0


def _environment() -> dict:
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], check=False, capture_output=True, text=True, cwd=HERE
    )
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit.stdout.strip(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
    }


def _query(search: dict) -> str:
    return "?" if search["query_bytes"] is None else f"{search['query_bytes'] / 1024:,.0f} KB"


def _edit(row: dict) -> str:
    counts = f"{row['regenerate_written']}/{row['regenerate_expected']}"
    return f"{row['regenerate_seconds']:.2f} ({row['regenerate_cpu_seconds']:.2f} CPU), {counts}" + (
        "" if row["regenerate_exact"] else " (differs)"
    )


# (heading, cell of a row): the columns of the table, in order.
COLUMNS = (
    ("cards", lambda row: f"{row['cards']:,}"),
    ("pages", lambda row: f"{row['pages']:,}"),
    *((stage, lambda row, stage=stage: f"{row['stages'][stage]:.3f}") for stage in STAGES),
    ("Déclic", lambda row: f"{row['declic_seconds']:.2f}"),
    ("Déclic CPU", lambda row: f"{row['declic_cpu_seconds']:.2f}"),
    ("cards/s", lambda row: f"{row['cards_per_second']:,.0f}"),
    ("share", lambda row: f"{row['declic_share']:.1%}"),
    ("mkdocs", lambda row: f"{row['mkdocs_seconds']:.1f}"),
    ("search index", lambda row: f"{row['search_index_seconds']:.1f}"),
    ("total", lambda row: f"{row['total_seconds']:.1f}"),
    ("plain mkdocs", lambda row: f"{row['plain_seconds']:.1f}"),
    ("ratio (CPU)", lambda row: f"{row['ratio']:.2f}× ({row['cpu_ratio']:.2f}×)"),
    (f"CPU vs {REFERENCE}", lambda row: _reference(row["reference"])),
    ("ms/card", lambda row: f"{row['ms_per_card']:.1f}"),
    ("peak MB (search)", lambda row: f"{row['peak_mb']:,.0f} ({row['search_peak_mb']:,.0f})"),
    ("site MB", lambda row: f"{row['site_bytes'] / 2**20:,.1f}"),
    ("KB/card", lambda row: f"{row['bytes_per_card'] / 1024:,.1f}"),
    (
        "card page KB (plain)",
        lambda row: f"{row['card_page_bytes'] / 1024:.1f} ({row['plain_card_page_bytes'] / 1024:.1f})",
    ),
    ("search files", lambda row: f"{row['search']['engine']} {row['search']['index_bytes'] / 2**20:,.1f} MB"),
    ("query loads", lambda row: _query(row["search"])),
    ("1 edit: s, written/expected", _edit),
    ("preview: edit to page s (max)", lambda row: _preview(row["preview"])),
    ("mkdocs CPU ms/page", lambda row: f"{row['mkdocs_cpu_ms_per_page']:.1f}"),
    ("largest page KB (gz)", lambda row: _largest(row["largest_pages"])),
    ("first view KB gz, max", lambda row: _first_view(row["first_views"])),
    ("explorer 4× slower CPU: shown, trade, across s", lambda row: _explorer(row["explorer_answers"])),
)


def _reference(reference: dict | None) -> str:
    if not reference:
        return "n/a"
    return f"{reference['ratio']:.2f}× ({reference['today']:.1f} / {reference['reference']:.1f} s)"


def _explorer(answers: dict | None) -> str:
    if not answers:
        return "n/a"
    return f"{answers['first_view']:.2f}, {answers['trade_filter']:.2f}, {answers['filter_across_trades']:.2f}"


def _largest(largest: dict) -> str:
    kind, page = max(largest.items(), key=lambda item: item[1]["bytes"])
    return f"{page['bytes'] / 1024:,.0f} ({page['gzip_bytes'] / 1024:,.0f}) {kind}"


def _first_view(views: dict | None) -> str:
    if not views:
        return "n/a"
    url, size = max(views.items(), key=lambda item: item[1])
    return f"{size / 1024:,.0f} {url or 'home'}"


def _preview(preview: dict) -> str:
    return f"{preview['median_seconds']:.2f} ({preview['max_seconds']:.2f})"


def markdown(results: dict) -> str:
    env, rows = results["environment"], results["rows"]
    lines = [
        "# Déclic benchmark",
        "",
        (
            f"Run {env['date']} on commit {env['commit']}, Python {env['python']}, {env['cpus']} CPUs, "
            f"load average {env['load_average']:.1f} at start. Times are wall-clock seconds unless marked CPU."
        ),
        "Command: `make bench` (sizes 100, 1,000) or `make bench SIZES=100,1000,10000`.",
        "",
        "| " + " | ".join(heading for heading, _ in COLUMNS) + " |",
        "|" + "---:|" * len(COLUMNS),
        *("| " + " | ".join(cell(row) for _, cell in COLUMNS) + " |" for row in rows),
    ]
    default = results["default_guide_preview"]
    lines += [
        "",
        f"Preview of the shipped default guide (`declic serve`, one irritant's title edited {len(default['edits'])} "
        f"times): edit to page {_preview(default)} s, median (max); rebuilds in the 5 s after: "
        f"{default['rebuilds_when_idle']}.",
    ]
    if (started := results.get("default_guide_first_page")) is not None:
        lines += [
            "",
            f"First page served by `declic serve` on the default guide, from the command's start "
            f"(bench/first_page.py, {len(started['runs'])} runs): {started['median_seconds']:.1f} s median, "
            f"{started['median_cpu_seconds']:.1f} s of CPU by then (load average {started['load_average']:.1f}); "
            f"address printed before the page answered: {'yes' if started['printed_early'] else 'no'}.",
        ]
    lines += ["", *_verdicts(results), "", *_legend()]
    return "\n".join(lines) + "\n"


def _verdicts(results: dict) -> list[str]:
    targets, rows = results["targets"], results["rows"]
    ok = lambda passed: "yes" if passed else "**no**"
    at = lambda cards: next((row for row in rows if row["cards"] == cards), None)
    lines = ["Targets, at every size measured:", ""]
    lines.append(
        f"- Déclic's stages ≥ {targets['declic_cards_per_second']:,} cards/s from 1,000 cards on (below, fixed "
        "costs dominate; the 5,000 target is retired, issue 18): "
        + ok(all(row["cards_per_second"] >= targets["declic_cards_per_second"] for row in rows if row["cards"] >= 1000))
    )
    lines.append(
        f"- Déclic's share of the build < {targets['declic_share']:.0%}: "
        + ok(all(row["declic_share"] < targets["declic_share"] for row in rows))
    )
    lines.append(
        f"- total ≤ {targets['ratio']}× plain mkdocs, in wall-clock time: "
        + ok(all(row["ratio"] <= targets["ratio"] for row in rows))
        + "; in CPU time: "
        + ok(all(row["cpu_ratio"] <= targets["ratio"] for row in rows))
    )
    compared = [row for row in rows if row["reference"]]
    lines.append(
        f"- whole build CPU ≤ {targets['plain_cpu_ratio']}× plain mkdocs-material's from 1,000 cards on: "
        + ok(all(row["cpu_ratio"] <= targets["plain_cpu_ratio"] for row in rows if row["cards"] >= 1000))
    )
    lines.append(
        f"- whole build CPU ≤ {targets['reference_cpu_ratio']}× commit {REFERENCE}'s from 1,000 cards on (median of "
        "the runs in the table): "
        + (
            ok(all(row["reference"]["ratio"] <= targets["reference_cpu_ratio"] for row in compared))
            if compared
            else "n/a"
        )
    )
    lines.append(
        f"- peak memory < {targets['peak_mb']:,} MB, the build's and the search indexer's: "
        + ok(all(max(row["peak_mb"], row["search_peak_mb"]) < targets["peak_mb"] for row in rows))
    )
    lines.append(
        "- a one-file edit rewrites exactly the pages that print it: "
        + ok(all(row["regenerate_exact"] for row in rows))
    )
    lines.append(
        "- card page no heavier than plain mkdocs-material's: "
        + ok(all(row["card_page_bytes"] <= row["plain_card_page_bytes"] for row in rows))
    )
    if (small := at(1000)) is not None:
        lines.append(
            f"- regeneration after one edit < {targets['regenerate_seconds']:.0f} s at 1,000 cards: "
            + ok(small["regenerate_seconds"] < targets["regenerate_seconds"])
        )
    lines.append(
        f"- no HTML page over {targets['page_kb']} KB: "
        + ok(
            all(
                max(page["bytes"] for page in row["largest_pages"].values()) <= targets["page_kb"] * 1024
                for row in rows
            )
        )
    )
    lines.append(
        f"- no first view over {targets['first_view_gzip_kb']} KB gzipped (explorer, cards index, home): "
        + ok(all(max((row["first_views"] or {"": 0}).values()) <= targets["first_view_gzip_kb"] * 1024 for row in rows))
    )
    if small is not None and small["explorer_answers"]:
        answers = small["explorer_answers"]
        lines.append(
            f"- explorer at 1,000 cards on a 4× slower CPU, shown and a first filter answered within "
            f"{targets['explorer_seconds']:.0f} s of opening it: "
            + ok(
                answers["first_view"] + max(answers["trade_filter"], answers["filter_across_trades"])
                < targets["explorer_seconds"]
            )
        )
    lines.append(
        f"- preview, edit to page < {targets['preview_default_seconds']:.0f} s on the default guide (median of 5): "
        + ok(results["default_guide_preview"]["median_seconds"] < targets["preview_default_seconds"])
    )
    if small is not None:
        lines.append(
            f"- preview, edit to page < {targets['preview_1000_seconds']:.0f} s at 1,000 cards (median of 5): "
            + ok(small["preview"]["median_seconds"] < targets["preview_1000_seconds"])
        )
    if (started := results.get("default_guide_first_page")) is not None:
        lines.append(
            f"- first page served ≤ {targets.get('first_page_seconds', 5.0):.0f} s after `declic serve` starts, "
            "default guide (median of the runs): "
            + ok(started["median_seconds"] <= targets.get("first_page_seconds", 5.0) and not started["printed_early"])
        )
    lines.append(
        "- the preview is idle after an edit (no rebuild within 5 s): "
        + ok(
            all(
                item["rebuilds_when_idle"] == 0
                for item in [results["default_guide_preview"], *(r["preview"] for r in rows)]
            )
        )
    )
    if small is not None and (large := at(10000)) is not None:
        growth = {key: large[key] / small[key] for key in ("ms_per_card", "bytes_per_card", "peak_mb")}
        lines.append(
            "- from 1,000 to 10,000 cards, per card: time ×{ms_per_card:.2f}, bytes ×{bytes_per_card:.2f}; "
            "peak memory ×{peak_mb:.2f} for ×10 cards".format(**growth)
        )
    return lines


def _legend() -> list[str]:
    return [
        (
            "Columns: the six Déclic stages (`Generated.timings`); *Déclic* = whole build minus mkdocs "
            "(stages plus catalogue.json and the other data files), wall-clock; *Déclic CPU* = the same in CPU "
            "seconds of its one process, which other work on the machine does not inflate; *cards/s* = cards ÷ "
            "Déclic CPU; *share* = Déclic ÷ total; *mkdocs* = "
            "`mkdocs build` with the guide's config (theme overrides, tags, macros); *search index* = Pagefind "
            "indexing the built site, when the guide uses it (`extra.declic.search`); *plain mkdocs* = "
            "mkdocs-material alone (search plugin only, same Markdown extensions and nav) over the same docs "
            "folder, in its own process; *ratio* = total ÷ plain (the same in CPU seconds, Pagefind's "
            "included, which other work on the machine does not inflate); *peak MB* = resident memory of the build "
            "process (of the Pagefind indexer, a process of its own); *site MB* and *KB/card* = the whole site "
            "folder; *card page KB* = mean HTML of a card page, ours (plain); *query loads* = bytes a reader's "
            "browser downloads to search once, for « facture », a word of nearly every synthetic card (lunr: its "
            "whole index, gzipped; Pagefind: measured in Chromium through the site's search box, its script, "
            "engine, page list, index chunks and the fragments of the results shown; by kind in results.json); *1 edit* = `generate()` after one irritant's description changed, as "
            "`declic serve` runs it, pages written / pages that print that description; *preview* = in a running "
            "`declic serve`, from the write of one irritant's file to its page served with the new title "
            "(bench/preview_latency.py), median (max) of 5 edits; *mkdocs CPU ms/page* = CPU of the mkdocs build "
            "÷ pages; *largest page* = the heaviest HTML page, raw (gzipped), and its kind (every kind's in "
            "results.json); *first view* = in Chromium at 390 px, the gzipped HTML, scripts and data the explorer, "
            "the cards index and the home page load before they are idle: the heaviest of the three; *explorer 4× "
            "slower CPU* = Chromium with its CPU throttled 4× (DevTools), seconds to the explorer's first results, "
            "then to the answer of a trade filter and of a filter across trades (bench/page_weight.py); *CPU vs "
            f"{REFERENCE}* = CPU seconds of the whole build (Déclic, mkdocs, Pagefind) of today's code ÷ those of "
            f"commit {REFERENCE}, each on a guide of this size from its own bench/synth.py, built turn about "
            f"(bench/reference.py; {', '.join(f'{n} runs each from {c:,} cards' for c, n in REFERENCE_RUNS.items())}): "
            "median ratio (today's / the reference's median seconds)."
        )
    ]


if __name__ == "__main__":
    main()
