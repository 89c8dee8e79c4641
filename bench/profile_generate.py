"""Profile Déclic's own stages (`generate()`, no mkdocs) on a synthetic guide, with pyinstrument.

    .venv/bin/pip install pyinstrument        # a profiling tool, not a dependency of Déclic
    .venv/bin/python bench/profile_generate.py 10000 [--html bench/out/profile.html]

The guide is written to bench/out/profile-<cards>/; the stage timings and the call tree are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from pyinstrument import Profiler

from declic.build import generate
from declic.site.project import load_project
from synth import write_guide


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cards", type=int)
    parser.add_argument("--html", type=Path, help="also write pyinstrument's interactive HTML here")
    args = parser.parse_args()
    project = load_project(write_guide(HERE / "out" / f"profile-{args.cards}", args.cards))
    profiler = Profiler(interval=0.001)
    with profiler:
        generated = generate(project)
    stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in generated.timings.items())
    print(f"{len(generated.catalog.cards)} cards, {len(generated.pages)} pages: {stages}")
    print(profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False))
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main()
