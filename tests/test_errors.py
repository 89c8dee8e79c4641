"""Bad input: each case in tests/errors/cases/ is a set of files laid over the tiny fixture guide,
and `expected.txt` holds exactly the problems `declic` must print (one per line, in order).

Every case must fail with exit code 1, no traceback, and nothing written: neither the docs
folder nor the site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from declic.cli import main

CASES = Path(__file__).parent / "errors" / "cases"
NAMES = sorted(case.name for case in CASES.iterdir() if case.is_dir())


CONTROL_FILES = ("expected.txt", "delete.txt", "grow.txt", "declic.yaml")


def lay_over(case: Path, guide: Path) -> None:
    """Copy the case's files over the guide; `delete.txt` lists paths to remove, `grow.txt` lines
    `path size` pad a file with comment lines up to `size` bytes (a huge file, kept small in git), and
    `declic.yaml` holds settings merged into the guide's `extra.declic`."""
    for source in case.rglob("*"):
        relative = source.relative_to(case)
        if source.is_file() and relative.as_posix() not in CONTROL_FILES:
            (guide / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, guide / relative)
    if (case / "delete.txt").exists():
        for line in (case / "delete.txt").read_text(encoding="utf-8").split():
            (guide / line).unlink()
    if (case / "declic.yaml").exists():
        config = yaml.safe_load((guide / "mkdocs.yml").read_text(encoding="utf-8"))
        config["extra"]["declic"].update(yaml.safe_load((case / "declic.yaml").read_text(encoding="utf-8")))
        (guide / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    if (case / "grow.txt").exists():
        for line in (case / "grow.txt").read_text(encoding="utf-8").splitlines():
            path, size = line.split()
            with (guide / path).open("ab") as stream:
                padding = b"# " + b"remplissage " * 8 + b"\n"
                stream.write(padding * (int(size) // len(padding) + 1))


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
