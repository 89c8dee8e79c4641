"""Each fact once, each person where they belong: on every card, sheet and irritant page of the
default guide."""

from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup

from conftest import ROOT
from declic.build import load_and_link
from declic.site.project import load_project


def pages(site, kind):
    folder = {"card": "cas-usage/*/*", "sheet": "fiches/*", "irritant": "irritants/*"}[kind]
    return [path for path in site.glob(f"{folder}/index.html") if path.parent.name != "index"]


def read(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


def test_no_fact_is_shown_twice_on_a_page(default_site):
    checked = 0
    for kind in ("card", "sheet"):
        for path in pages(default_site, kind):
            facts = Counter(fact.get_text(" ", strip=True) for fact in read(path).select(".declic-fact"))
            assert [text for text, count in facts.items() if count > 1] == [], path
            checked += 1
    assert checked > 150


def test_pour_qui_lists_at_most_four_people_of_the_trade_or_who_live_the_irritant(default_site):
    catalog = load_and_link(load_project(ROOT / "mkdocs.yml"))
    listed = 0
    for path in pages(default_site, "card"):
        trade_id, irritant_id = path.parent.parent.name, path.parent.name
        heading = next((h for h in read(path).select("h2") if h.get_text(strip=True).startswith("Pour qui")), None)
        if heading is None:
            continue
        links = heading.find_next_sibling("ul").select("a")
        assert 1 <= len(links) <= 4, path
        for link in links:
            persona = catalog.personas[link["href"].rstrip("/").rsplit("/", 1)[-1]]
            assert persona.trade == trade_id or irritant_id in catalog.trades[persona.trade].irritants, (path, link)
            listed += 1
    assert listed > 100


def test_an_irritant_page_quotes_its_irritant_once(default_site):
    for path in pages(default_site, "irritant"):
        article = read(path)
        quote = article.select_one("p").get_text(" ", strip=True).split("»")[0] + "»"
        assert article.get_text(" ", strip=True).count(quote) == 1, path
