"""Docs folder → site folder, with mkdocs, swapped in only when the build succeeded.

mkdocs empties its site_dir before building, so it builds into a fresh folder beside the site;
the two are then exchanged in one atomic step. A killed or failed build leaves the old site whole.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class SiteBuildError(Exception):
    """mkdocs refused to build (a warning in strict mode, a broken link, a macro error)."""


def build_site(config_file: Path, site_dir: Path, strict: bool = True) -> None:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(fresh), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, BuildError, ConfigurationError) as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SiteBuildError(str(error)) from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap_in(fresh, site_dir)


def swap_in(fresh: Path, site_dir: Path) -> None:
    """Put `fresh` at `site_dir`; the old site is exchanged out atomically, then deleted."""
    if site_dir.exists() and _exchange(fresh, site_dir):
        shutil.rmtree(fresh, ignore_errors=True)  # `fresh` now holds the old site
        return
    if site_dir.exists():  # no atomic exchange here: the old site goes aside for a moment
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        fresh.rename(site_dir)


def _exchange(first: Path, second: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swaps two paths at once. False where unavailable."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _remove_leftovers(site_dir: Path) -> None:
    """Clean what a killed build left; an old site set aside without its successor is put back."""
    for old in sorted(site_dir.parent.glob(f".{site_dir.name}.old-*")):
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(site_dir)
    for leftover in site_dir.parent.glob(f".{site_dir.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
