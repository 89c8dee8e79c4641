"""A build killed at any moment (kill -9) leaves the previous site whole, and the next build, run
without cleaning anything by hand, succeeds and leaves no temporary folder behind.

`declic build` runs as a real process on a copy of the tiny guide; it is killed when the folders
it works in show that it reached a given stage, so that the moments do not depend on speed.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINI, copy_guide, varies_between_runs
from declic.site.lock import LOCK_FILE

DECLIC = Path(sys.executable).with_name("declic")
TITLE = "title: Relancer les factures impayées"


def snapshot(site: Path) -> dict[str, str]:
    """Each file's hash; Pagefind's files that vary between runs are counted, not named."""
    files = {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}
    shot = {
        name: hashlib.sha256(path.read_bytes()).hexdigest()
        for name, path in files.items()
        if not varies_between_runs(name)
    }
    return {**shot, "(pagefind, varies between runs)": str(sum(map(varies_between_runs, files)))}


def run_build(guide: Path) -> None:
    result = subprocess.run([DECLIC, "build", "-f", guide / "mkdocs.yml"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def set_version(guide: Path, version: int) -> None:
    """Two versions of the same guide, whose sites differ (an irritant's title)."""
    irritant = guide / "usecases" / "irritants" / "relancer-factures.yaml"
    text = (MINI / irritant.relative_to(guide)).read_text(encoding="utf-8")
    assert TITLE in text
    irritant.write_text(text.replace(TITLE, f"{TITLE} (version {version})"), encoding="utf-8")


def temporaries(guide: Path) -> list[str]:
    """Hidden files a build left behind; the lock file stays (a lock held by nobody is free)."""
    return sorted(path.name for path in guide.iterdir() if path.name.startswith(".") and path.name != LOCK_FILE)


def fresh_sites(guide: Path) -> list[Path]:
    return [path for path in guide.glob(".site.new-*") if path.is_dir() and "-pagefind-" not in path.name]


def html_count(guide: Path) -> int:
    return sum(1 for site in fresh_sites(guide) for _ in site.rglob("*.html"))


def swapped_in(guide: Path) -> bool:
    catalog = guide / "site" / "catalogue.json"
    try:
        return "(version 2)" in catalog.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False


# Moment → condition on the guide folder, checked every 2 ms while the build runs.
MOMENTS: dict[str, Callable[[Path], bool]] = {
    "at once": lambda guide: True,
    "mkdocs has started the new site": lambda guide: bool(fresh_sites(guide)),
    "half of the new site is written": lambda guide: html_count(guide) >= 10,
    "the search index is being written": lambda guide: any((site / "pagefind").exists() for site in fresh_sites(guide)),
    "the new site has just been swapped in": swapped_in,
}


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[int, dict[str, str]]:
    """The complete site of each version, built once without interruption."""
    sites = {}
    for version in (1, 2):
        guide = copy_guide(MINI, tmp_path_factory.mktemp(f"version{version}") / "guide").parent
        set_version(guide, version)
        run_build(guide)
        sites[version] = snapshot(guide / "site")
    assert sites[1] != sites[2]
    return sites


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_killed_build_leaves_a_whole_site_and_the_next_build_succeeds(tmp_path, versions, moment):
    guide = copy_guide(MINI, tmp_path / "guide").parent
    set_version(guide, 1)
    run_build(guide)
    assert snapshot(guide / "site") == versions[1]

    set_version(guide, 2)
    process = subprocess.Popen(
        [DECLIC, "build", "-f", guide / "mkdocs.yml"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while process.poll() is None and not MOMENTS[moment](guide):
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, f"the build ended before « {moment} »"

    # Whole: the old site, or after the swap the new one; never a file missing or half written.
    expected = versions[2] if moment == "the new site has just been swapped in" else versions[1]
    assert snapshot(guide / "site") == expected
    run_build(guide)  # no cleaning by hand
    assert snapshot(guide / "site") == versions[2]
    assert temporaries(guide) == []
