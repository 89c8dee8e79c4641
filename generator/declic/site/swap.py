"""A fresh site folder → the guide's site folder, in one atomic exchange; what a killed build left is cleaned.

Never removes a folder that does not carry Déclic's marker (`folders.MARKER`): a `.site.new-*` folder
someone else made is left alone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


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


def remove_leftovers(site_dir: Path) -> None:
    """Clean what a killed build left; an old site set aside without its successor is put back."""
    for old in sorted(site_dir.parent.glob(f".{site_dir.name}.old-*")):
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(site_dir)
    for leftover in site_dir.parent.glob(f".{site_dir.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
