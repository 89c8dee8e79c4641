"""Bad input: each case in tests/errors/cases/ is a set of files laid over the tiny fixture guide,
and `expected.txt` holds exactly the problems `declic` must print (one per line, in order).

Every case must fail with exit code 1, no traceback, and nothing written: neither the docs
folder nor the site.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from declic.cli import main
from guides import CASES, lay_over

NAMES = sorted(case.name for case in CASES.iterdir() if case.is_dir())


@pytest.mark.parametrize("name", NAMES)
def test_bad_input_is_reported_and_nothing_is_written(mini, name):
    guide = mini.parent
    lay_over(CASES / name, guide)
    expected = (CASES / name / "expected.txt").read_text(encoding="utf-8").strip().splitlines()
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command, "-f", str(mini)])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        lines = result.stderr.strip().splitlines()
        assert lines[:-1] == expected
        assert lines[-1].endswith("rien n'a été écrit.")
    assert not (guide / "build").exists()
    assert not (guide / "site").exists()


def test_a_failed_build_leaves_the_previous_site_untouched(mini):
    guide = mini.parent
    assert CliRunner().invoke(main, ["build", "-f", str(mini)]).exit_code == 0
    before = {path: path.read_bytes() for path in (guide / "site").rglob("*") if path.is_file()}
    lay_over(CASES / NAMES[0], guide)
    assert CliRunner().invoke(main, ["build", "-f", str(mini)]).exit_code == 1
    after = {path: path.read_bytes() for path in (guide / "site").rglob("*") if path.is_file()}
    assert after == before
