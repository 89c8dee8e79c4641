"""`declic check`: every file loaded, validated and linked, every page drawn in memory; nothing written.

Takes a guide; returns its catalog and what it covers (the holes a maintainer should see), or raises
CatalogError with every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from declic.build import prepare
from declic.catalog.coverage import Coverage, coverage
from declic.catalog.model import Catalog
from declic.site.code_inventory import Code, code_of
from declic.site.project import Project


@dataclass(frozen=True)
class Checked:
    catalog: Catalog
    coverage: Coverage
    code: Code  # what in the guide runs: its maintainers' code, apart from its content


def check(project: Project) -> Checked:
    """Pages are drawn too, so that a guide's template errors and page clashes are found here."""
    catalog = prepare(project).catalog
    return Checked(catalog, coverage(catalog), code_of(project))
