"""Counts of the bad-input corpus: how many cases, and how many of their problems give a line, a
field and a suggestion. Run it from the repository: `.venv/bin/python tests/errors/summary.py`.

Each case is checked the way `declic check` does (in memory, nothing written); the exact messages
are compared with `expected.txt` by tests/catalog/test_errors.py, not here.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(TESTS.parent), str(TESTS)]

from conftest import MINI, copy_guide
from declic.build import prepare
from declic.errors import CatalogError, Issue
from declic.site.project import load_project
from guides import CASES, lay_over


def case_issues(case: Path) -> tuple[Issue, ...]:
    with tempfile.TemporaryDirectory() as folder:
        config_file = copy_guide(MINI, Path(folder) / "guide")
        lay_over(case, config_file.parent)
        try:
            prepare(load_project(config_file))
        except CatalogError as error:
            return error.issues
    return ()


def main() -> None:
    cases = {case.name: case_issues(case) for case in sorted(CASES.iterdir()) if case.is_dir()}
    issues = [issue for found in cases.values() for issue in found]
    silent = [name for name, found in cases.items() if not found]

    def share(test) -> str:
        every = sum(1 for found in cases.values() if found and all(test(issue) for issue in found))
        return (
            f"{every} cases (all their problems), {sum(1 for issue in issues if test(issue))} of {len(issues)} problems"
        )

    print(f"cases: {len(cases)}, problems printed: {len(issues)}, cases with no problem found: {len(silent)} {silent}")
    print(f"file and line: {share(lambda issue: issue.line is not None)}")
    print(f"field:         {share(lambda issue: bool(issue.field))}")
    print(f"suggestion:    {share(lambda issue: bool(issue.hint))}")
    print("without a line (problems of a whole file):")
    for issue in issues:
        if issue.line is None:
            print(f"  {issue.format()}")


if __name__ == "__main__":
    main()
