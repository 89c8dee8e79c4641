"""The real site: built with mkdocs (strict), read as HTML with a parser, as a reader would see it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import ROOT, soup, varies_between_runs
from declic.build import build
from declic.site.project import load_project


def yaml_files(folder: str) -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / folder).glob("*.yaml"))
    }


def test_every_connected_trade_irritant_pair_has_a_card(default_site, default_catalog):
    """A pair has a card when one of the irritant's prompts is not excluded for the trade."""
    prompts, trades = yaml_files("usecases/prompts"), yaml_files("usecases/trades")
    expected = {
        f"{trade_id}/{irritant}"
        for trade_id, trade in trades.items()
        for irritant in trade["irritants"]
        if any(
            irritant in prompt["irritants"]
            and trade_id not in prompt.get("excluded_trades", ())
            and prompt_id not in trade.get("excluded_prompts", ())
            for prompt_id, prompt in prompts.items()
        )
    }
    cards = {page["id"] for page in default_catalog["pages"] if page["kind"] == "card"}
    assert cards == expected
    for card in expected:
        assert (default_site / "cas-usage" / card / "index.html").is_file()


def test_a_card_shows_its_prompt_filled_for_the_trade(default_site):
    trades = yaml_files("usecases/trades")
    for page in sorted((default_site / "cas-usage").glob("*/*/index.html")):
        trade = trades[page.parent.parent.name]
        html = soup(page)
        prompts = html.select(".declic-prompt pre code")
        assert prompts, page
        for block in prompts:
            text = block.get_text()
            assert not re.search(r"\{[a-z][a-z0-9_]*\}", text), f"{page}: variable left unfilled"
            # A fact about the reader (their structure) is a blank with the trade's value as its example.
            marks = block.select("mark.declic-blank")
            used = {mark["data-variable"] for mark in marks if not mark.has_attr("data-about-reader")}
            assert not used & set(trade["context"]), f"{page}: a trade variable is left blank"
            assert all(mark.has_attr("data-about-reader") for mark in marks if mark["data-variable"] == "structure")
        assert html.select_one(".admonition.danger"), f"{page}: no data-safety rule"


def test_a_path_shows_four_non_empty_stages(default_site, default_catalog):
    paths = [page for page in default_catalog["pages"] if page["kind"] == "path"]
    roles = set(default_catalog["entities"]["roles"])
    personas = set(default_catalog["entities"]["personas"])
    assert {page["id"] for page in paths} == roles | personas
    for page in paths:
        html = soup(default_site / page["url"] / "index.html")
        stages = html.select(".declic-stage")
        assert [stage["data-stage"] for stage in stages] == ["interest", "quick-wins", "skills", "consolidation"]
        assert all(stage.select("li") for stage in stages), page["url"]
        assert "pour apprendre, en étapes de" in html.get_text()


def test_the_navigation_lists_sections_not_cards(default_site):
    html = soup(default_site / "index.html")
    nav_links = [a["href"] for a in html.select("nav.md-nav a[href]")]
    assert any("cas-usage/" in link for link in nav_links)
    assert not [link for link in nav_links if re.search(r"cas-usage/[^/]+/[^/]+/", link)]


def test_the_home_page_shows_live_figures(default_site, default_catalog):
    text = soup(default_site / "index.html").get_text(" ")
    assert str(default_catalog["counts"]["cards"]) in text
    assert "{{" not in text and "{%" not in text


def test_catalogue_json_describes_every_page(default_site, default_catalog):
    assert default_catalog["schema_version"] == 1
    assert {page["kind"] for page in default_catalog["pages"]} == {"card", "sheet", "path", "index"}
    for page in default_catalog["pages"]:
        assert (default_site / page["url"] / "index.html").is_file(), page["url"]
    assert set(default_catalog["entities"]) >= {"irritants", "trades", "personas", "prompts"}


def test_every_internal_link_and_anchor_resolves(default_site):
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in default_site.rglob("*.html"):
        if page.name == "404.html":  # served at any depth, so its links are absolute by design
            continue
        for anchor in soup(page).select("a[href]"):
            href = anchor["href"]
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            parts = urlsplit(unquote(href))  # a query (the workshop kit's) is not part of the file
            path, fragment = parts.path, parts.fragment
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(default_site)} → {href}")
            elif fragment and target.suffix == ".html":
                known = ids.setdefault(target, {tag["id"] for tag in soup(target).select("[id]")})
                if fragment not in known:
                    broken.append(f"{page.relative_to(default_site)} → {href} (ancre)")
    assert broken == []


def test_prompt_text_survives_markdown_and_macros(mini):
    project = load_project(mini)
    build(project, strict=True)
    html = soup(project.site_dir / "cas-usage" / "plombier" / "relancer-factures" / "index.html")
    text = html.select_one(".declic-prompt code").get_text()
    assert "{{ jinja }}" in text and "*Pas de gras*" in text
    assert "Je suis plombier et mes clients sont des particuliers." in text
    assert "[Numéro de facture]" in text


@pytest.mark.parametrize("page", ["index.html", "cas-usage/index.html"])
def test_the_site_is_in_french(default_site, page):
    html = soup(default_site / page)
    assert html.html["lang"] == "fr"


def test_the_cards_spreadsheet_has_one_row_per_card(default_site, default_catalog):
    import csv

    text = (default_site / "cas-usage.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    cards = [page for page in default_catalog["pages"] if page["kind"] == "card"]
    assert len(rows) == len(cards)
    assert {row["adresse"] for row in rows} == {page["url"] for page in cards}
    assert all(row["métier"] and row["irritant"] and int(row["durée (min)"]) <= 20 for row in rows)


def test_pagefind_given_only_the_indexed_part_of_each_page_makes_the_same_index(default_site, tmp_path):
    """The search index is built from each page's head and `data-pagefind-body` (site.py), which is
    cheaper to parse: it must be the index Pagefind makes from the whole pages, file for file (its
    files are named after their content)."""
    from declic.site.search_index import INDEX_PARTS, _run_pagefind

    whole = tmp_path / "pages"
    for page in default_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-pagefind-body" in text and "pagefind" not in page.relative_to(default_site).parts:
            copy = whole / page.relative_to(default_site)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(text.replace("\u2019", "'"), encoding="utf-8")
    _run_pagefind(whole, tmp_path / "index")

    def files(folder: Path) -> set[str]:
        return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}

    varies = varies_between_runs  # Pagefind's filter files: compared by count
    built = files(default_site / "pagefind") - {INDEX_PARTS}
    again = files(tmp_path / "index")
    assert len(built) > 100
    assert {name for name in again if not varies(name)} == {name for name in built if not varies(name)}
    assert len([name for name in again if varies(name)]) == len([name for name in built if varies(name)])
