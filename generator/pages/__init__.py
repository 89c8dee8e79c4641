"""Catalog → pages, one builder module per page family (cards, sheets, paths, index pages, the
explorer). Each returns `Page`s whose context is a typed dataclass: what its template receives.
Pure: no disk, no Jinja. `plan.py` puts the families together.
"""

from .page import Context, Page, Tag

__all__ = ["Context", "Page", "Tag"]
