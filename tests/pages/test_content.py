"""The default catalog as a reader meets it: complete sections, sourced figures, data-safety rules,
French text written anew (no English, no placeholder, no sentence lifted from the source texts)."""

from __future__ import annotations

import copy
import re
import unicodedata

import pytest
import yaml

from conftest import ROOT, soup

SEEDS = ROOT.parent / "shared" / "seeds"
SHINGLE = 10  # words in a row that, found in a source text too, mean a copied sentence
MOTTO = "je fais avec de l'aide, je comprends ce que je fais, je sais le refaire seul"


def pages(site, pattern: str = "**/*.html"):
    return [page for page in sorted(site.glob(pattern)) if page.name != "404.html"]


def article(page):
    return soup(page).select_one("article.md-content__inner")


def test_no_section_is_empty(default_site):
    empty = []
    for page in pages(default_site):
        body = article(page)
        for heading in body.select("h2"):
            sibling = heading.find_next_sibling()
            if sibling is None or sibling.name in ("h1", "h2"):
                empty.append(f"{page.relative_to(default_site)}: « {heading.get_text(strip=True)} »")
    assert empty == []


def test_no_index_page_is_empty(default_site, default_catalog):
    for entry in default_catalog["pages"]:
        body = article(default_site / entry["url"] / "index.html")
        if entry["id"] == "sources":
            assert len(body.select("h2")) == len(default_catalog["entities"]["sources"])
        elif entry["kind"] == "index" and entry["id"] not in ("explorer", "atelier", "reference"):
            assert body.select("li a[href]"), entry["url"]


def test_every_figure_names_its_source(default_site):
    """Each fact is followed by its origin: its source's link and passage, or « estimation »."""
    unsourced = []
    for page in pages(default_site):
        for fact in article(page).select(".declic-fact"):
            origin = fact.find_next_sibling(class_="declic-origin")
            text = origin.get_text(" ") if origin else ""
            linked = origin is not None and origin.select_one('a[href*="sources/"]') is not None
            if not ((linked and "«" in text) or text.startswith("(estimation de ")):
                unsourced.append(f"{page.relative_to(default_site)}: {fact.get_text()}")
        for meta in article(page).select(".declic-meta"):
            if "Temps gagné" in meta.get_text() and not meta.select(".declic-origin"):
                unsourced.append(f"{page.relative_to(default_site)}: temps gagné sans origine")
    assert unsourced == []


def test_cards_whose_prompt_takes_client_data_say_what_to_remove(default_site):
    prompts = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (ROOT / "usecases" / "prompts").glob("*.yaml")
    }
    for page in pages(default_site, "cas-usage/*/*/index.html"):
        html = article(page)
        for block in html.select(".declic-prompt"):
            prompt = prompts[block["data-prompt"]]
            rule = block.find_next("div", class_="danger")
            assert rule is not None, page
            if prompt["personal_data"]:
                for item in prompt["never_paste"]:
                    assert " ".join(_words(item)) in " ".join(_words(rule.get_text())), f"{page}: « {item} »"


ENGLISH = re.compile(r"\b(the|and|with|your|this|that|from|which|should|click|here)\b")
# « À compléter » is what `declic new` writes; prompts may ask the assistant to mark « à compléter ».
PLACEHOLDERS = re.compile(r"(?i:lorem|ipsum)|\b(?:TODO|TBD|FIXME|XXX)\b|À compléter")


@pytest.mark.parametrize("check", ["english", "placeholder", "template"])
def test_pages_read_as_finished_french(default_site, check):
    found = []
    for page in pages(default_site):
        # The whole page for English (the theme's own words too), the article for the rest.
        whole = soup(page).body if check == "english" else article(page)
        body = copy.copy(whole)  # parsed pages are shared between tests: change a copy
        if check != "template":  # prompts speak to the assistant: « à compléter » is an instruction there
            for code in body.select("pre, code"):
                code.extract()
        text = body.get_text(" ")
        if check == "english":
            hits = ENGLISH.findall(text)
        elif check == "placeholder":
            hits = PLACEHOLDERS.findall(text)
        else:
            hits = re.findall(r"\{\{|\{%|%\}|\}\}", text)
        if hits:
            found.append(f"{page.relative_to(default_site)}: {sorted(set(hits))}")
    assert found == []


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return re.findall(r"[\w']+", text)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[index : index + SHINGLE]) for index in range(len(words) - SHINGLE + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (../shared/seeds) are not beside this clone")
def test_no_sentence_is_copied_from_the_source_texts():
    sources = set()
    for seed in SEEDS.glob("0*.txt"):
        sources |= _shingles(_words(seed.read_text(encoding="utf-8")))
    # Quoted on purpose: the documents' titles, and the method's own motto.
    quoted = [
        yaml.safe_load(path.read_text(encoding="utf-8"))["title"] for path in ROOT.glob("usecases/sources/*.yaml")
    ]
    for phrase in (*quoted, MOTTO):
        sources -= _shingles(_words(phrase))
    # Source files are left out: they quote the documents' titles on purpose.
    ours = [
        path
        for path in (*ROOT.glob("usecases/*/*.yaml"), *ROOT.glob("personas/*/*.yaml"), *ROOT.glob("content/**/*.md"))
        if path.parent.name != "sources"
    ]
    copied = []
    for path in ours:
        shared = _shingles(_words(path.read_text(encoding="utf-8"))) & sources
        copied += [f"{path.relative_to(ROOT)}: « {' '.join(shingle)} »" for shingle in sorted(shared)[:3]]
    assert copied == []
