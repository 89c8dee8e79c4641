"""« prompt » is explained where a reader meets it: in one sentence on the home page, and in a tooltip
on the heading of every prompt of a card or a sheet."""

from __future__ import annotations

from pathlib import Path

from conftest import soup

DEFINITION = "Un prompt, c'est la demande que vous écrivez à l'assistant d'IA"


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_home_page_defines_prompt_where_it_first_says_it(default_site: Path):
    article = soup(default_site / "index.html").select_one("article")
    first = next(p for p in article.select("p") if "prompt" in p.get_text())
    assert _words(DEFINITION) in _words(first.get_text())


def test_every_prompt_heading_explains_the_word(default_site: Path):
    pages = sorted(default_site.glob("cas-usage/*/*/index.html")) + sorted(default_site.glob("fiches/*/index.html"))
    missing = []
    for page in pages:
        headings = [h for h in soup(page).select("article h2, article h3") if h.get_text().startswith("Le prompt")]
        if not headings or any(not h.select_one('abbr[title*="demande"]') for h in headings):
            missing.append(page.relative_to(default_site).as_posix())
    assert missing == []
    assert len(pages) > 200
