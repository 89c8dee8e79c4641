"""Stage 2, Catalog → Markdown pages and the site's data files.

In: the Catalog. Out: `Page`s (plan.py: one builder per family — card, sheet, path, indexes,
explorer, group, retired, reference), their Markdown (render.py, templates in templates/), and the
exports (catalogue.json, CSV, explorer parts, redirects, calendars). Knows nothing of the disk,
mkdocs or commands. A card's layout is templates/card.md.j2, its data pages/card.py.
"""

from declic.pages.page import Context, Page, Tag

__all__ = ["Context", "Page", "Tag"]
