"""What Jinja's sandbox would cost Déclic's own templates: the render stage of one synthetic guide,
with the plain environment and with the sandboxed one, alternated twice in one process.

    .venv/bin/python bench/sandbox_cost.py 2000

Déclic sandboxes only a guide's own templates (`render.environment`); this measures the choice.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from jinja2 import Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment

from declic import render
from declic.build import prepare
from declic.site.project import load_project
from synth import write_guide


def main() -> None:
    cards = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    project = load_project(write_guide(HERE / "out" / f"sandbox-{cards}", cards))
    for label, kind in [("plain", Environment), ("sandbox", ImmutableSandboxedEnvironment)] * 2:
        render.environment.cache_clear()
        render.Environment = kind  # the class `environment()` builds when a guide has no templates
        timings: dict[str, float] = {}
        prepare(project, timings=timings)
        print(f"{label:8} render {timings['render']:.2f} s for {cards} cards")


if __name__ == "__main__":
    main()
