"""Every page's browser tab, navigation and search result read its heading, not its file name
(« Relancer factures impayees »), and no two pages share a tab title."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import soup
from declic.pages.render import with_title

SITE_NAME = " - Déclic · l'IA au travail, pas à pas"


def _plain(text: str) -> str:
    """Jinja's `striptags` folds every space, non-breaking ones included: compare words alone."""
    return " ".join(text.split())


def _heading(page: Path) -> str | None:
    h1 = soup(page).select_one("article h1")
    if h1 is None:
        return None
    h1 = BeautifulSoup(str(h1), "lxml").h1
    for anchor in h1.select("a.headerlink"):
        anchor.decompose()
    return _plain(h1.get_text())


def test_every_tab_title_is_the_pages_heading(default_site: Path):
    # The home page's tab is the site's name alone, as Material writes it.
    pages = [page for page in sorted(default_site.rglob("*.html")) if page.name != "404.html"]
    pages.remove(default_site / "index.html")
    titles, wrong, headed = {}, [], 0
    for page in pages:
        heading = _heading(page)
        if heading is None:
            continue  # redirects of retired addresses
        headed += 1
        title = _plain(soup(page).title.get_text())
        titles[page] = title
        if not title.startswith(heading):
            wrong.append(f"{page.relative_to(default_site)}: <title> {title!r}, <h1> {heading!r}")
    assert wrong == []
    assert headed > 300
    shared = {title: count for title, count in Counter(titles.values()).items() if count > 1}
    assert shared == {}
    # What the sitemap lists is a page with a heading and its own title (Pagefind, the search, takes
    # each page's h1 as its title). Empty unless the guide sets site_url.
    listed = re.findall(r"<loc>([^<]*)</loc>", (default_site / "sitemap.xml").read_text(encoding="utf-8"))
    root = min(listed, key=len, default="")
    missing = [address for address in listed if default_site / address.removeprefix(root) / "index.html" not in titles]
    assert missing == []


def test_a_title_from_the_heading_goes_into_the_front_matter():
    assert with_title("[a](b) · [c](d)\n\n# Relancer l&#39;impayé &#40;PME&#41;\n\ntexte\n") == (
        '---\ntitle: "Relancer l\'impayé (PME)"\n---\n[a](b) · [c](d)\n\n# Relancer l&#39;impayé &#40;PME&#41;\n\ntexte\n'
    )
    page = '---\ndescription: "x"\n---\n\n# Titre < 1 {: #ancre }\n'
    assert with_title(page) == '---\ntitle: "Titre &lt; 1"\ndescription: "x"\n---\n\n# Titre < 1 {: #ancre }\n'
    kept = '---\ntitle: "Le mien"\n---\n# Autre\n'
    assert with_title(kept) == kept
    assert with_title("pas de titre\n") == "pas de titre\n"
