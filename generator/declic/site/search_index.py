"""A built site → its Pagefind index, written into it (`pagefind/`, then `pagefind-2/`… for a large site).

Takes the fresh site folder before it is swapped in; raises SiteBuildError when Pagefind fails.
Reads only each page's head and indexed body; changes no page.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from pagefind.service import get_executable

from declic.site.errors import SiteBuildError

# Pagefind holds every page it indexes in memory, about a quarter of a megabyte each (2.9 GB for
# 11,500 pages): a larger site is indexed in parts, one after the other, which the search box
# queries together (Pagefind's `mergeIndex`). Each part costs a reader some 80 KB more per search,
# and a part that has never seen one word of a query answers with the pages that have the others.
PAGES_PER_INDEX = 3000
INDEX_PARTS = "declic-index-parts.json"  # in the main index's folder: the other parts, for declic.js


def index_for_search(site: Path) -> None:
    """Pagefind's index, written into the site: `pagefind/`, then `pagefind-2/`… past
    PAGES_PER_INDEX pages. As Pagefind itself does, once some pages mark their body
    (`data-pagefind-body`), the others are left out: the explorer, the tags, redirects."""
    pages = sorted(site.rglob("*.html"))
    indexed = [page for page in pages if b"data-pagefind-body" in page.read_bytes()] or pages
    parts = [indexed[start : start + PAGES_PER_INDEX] for start in range(0, len(indexed), PAGES_PER_INDEX)]
    names = ["pagefind", *(f"pagefind-{number}" for number in range(2, len(parts) + 1))]
    for name, part in zip(names, parts, strict=True):
        # Named after the fresh site (`.site.new-…-pagefind-…`): if the build is killed, the next
        # one removes this folder with the fresh site's other leftovers.
        with tempfile.TemporaryDirectory(prefix=f"{site.name}-pagefind-", dir=site.parent) as folder:
            _copy_for_pagefind(site, part, Path(folder))
            _run_pagefind(Path(folder), site / name)
    (site / "pagefind" / INDEX_PARTS).write_text(json.dumps([f"{name}/" for name in names[1:]]), encoding="utf-8")


def _copy_for_pagefind(site: Path, pages: list[Path], folder: Path) -> None:
    """What Pagefind reads of each page: the page's head and its body (`data-pagefind-body`) alone,
    the only part it indexes (parsing the theme's navigation around it was a fifth of its time;
    the index comes out the same, file for file). Pagefind splits words on the straight apostrophe
    only, so the copy has « l'équipe » where the page has « l’équipe »: then « équipe » finds it."""
    for page in pages:
        copy = folder / page.relative_to(site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(_indexed_part(page.read_text(encoding="utf-8")).replace("\u2019", "'"), encoding="utf-8")


_BODY = "<div data-pagefind-body>"


def _indexed_part(html: str) -> str:
    """The head and the indexed body of a page built with Déclic's theme (main.html wraps the
    content in `_BODY`, inside Material's `<article>`); another page whole."""
    head_end, body = html.find("<body"), html.find(_BODY)
    end = html.find("</article>", body)
    if head_end < 0 or body < 0 or end < 0:
        return html
    return f"{html[:head_end]}<body>{html[body:end]}</body></html>"


def _run_pagefind(pages: Path, output: Path) -> None:
    executable = get_executable()  # run directly: `python -m pagefind` costs a Python start each time
    if executable is None:
        raise SiteBuildError("Pagefind est introuvable : réinstallez Déclic (make site) ou choisissez search: mkdocs")
    result = subprocess.run(
        [
            str(executable),
            "--site",
            str(pages),
            "--output-path",
            str(output),
            "--exclude-selectors",
            ".headerlink",
        ],  # the « ¶ » after each heading is no word
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SiteBuildError(f"l'index de recherche Pagefind n'a pas pu être construit : {result.stderr.strip()}")
