"""Shared fixtures: a copy of the tiny fixture guide, and the default guide built once per session."""

from __future__ import annotations

import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

from declic.build import build
from declic.site.project import load_project

# In CI, the same examples every run (a failure comes back on the next run), each failure printed
# with the blob that replays it (`@reproduce_failure`). On a developer's machine, new examples each
# run, and the failing ones kept in .hypothesis/ and tried first next time.
settings.register_profile("ci", derandomize=True, print_blob=True, database=None)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
MINI = TESTS / "fixtures" / "mini"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the current output")


def copy_guide(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("build", "site", ".site.*"))
    return target / "mkdocs.yml"


@pytest.fixture
def mini(tmp_path) -> Path:
    """A fresh copy of the tiny guide; returns its mkdocs.yml."""
    return copy_guide(MINI, tmp_path / "mini")


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> Path:
    """The shipped default guide, built once (strict) into a temporary folder; returns the site folder."""
    target = tmp_path_factory.mktemp("default")
    for name in ("mkdocs.yml", "content", "usecases", "personas", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    project = load_project(target / "mkdocs.yml")
    build(project, strict=True)
    return project.site_dir


@pytest.fixture(scope="session")
def default_catalog(default_site) -> dict:
    return json.loads((default_site / "catalogue.json").read_text(encoding="utf-8"))


@cache
def soup(path: Path) -> BeautifulSoup:
    """Parsed HTML of a built page; pages never change once built, so each is parsed once."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def varies_between_runs(name: str) -> bool:
    """Pagefind numbers the pages of a filter (`metier`, which puts the reader's trade first) in an
    order that changes from one run to the next, same pages or not: its filter files, the metadata
    file that names them and the entry file that lists them may differ. Everything else of a site
    built twice from the same input is the same, byte for byte. `name`: a path inside the site."""
    name = name.removeprefix("pagefind/")
    return name.startswith("filter/") or name.endswith(".pf_meta") or name == "pagefind-entry.json"
