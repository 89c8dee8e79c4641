"""What speed at scale depends on, checked on the benchmark's synthetic guides (bench/synth.py):
an edit rewrites only the pages it changes, a card page does not grow with the catalog, the
search option picks the engine, and the lookups that replaced linear scans give the same answers.
No timing is asserted here: times are measured by `make bench`."""

from __future__ import annotations

import importlib.util
import posixpath
import re
import sys
from itertools import pairwise

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, soup
from declic.build import build, generate, load_and_link
from declic.catalog.prompt_text import VARIABLE, fill
from declic.pages import Context, Page
from declic.pages.page import RELATED_LIMIT
from declic.pages.plan import plan
from declic.pages.render import render
from declic.site.project import load_project
from declic.urls import relative as relative_path


def _bench_module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synth = _bench_module("synth")
CARD_ADDRESS = re.compile(r"^cas-usage/[^/]+/[^/]+/$")


def docs_bytes(docs):
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in docs.rglob("*") if path.is_file()}


def test_an_edit_rewrites_only_the_files_whose_bytes_change(tmp_path):
    project = load_project(synth.write_guide(tmp_path / "guide", 200))
    generate(project)
    before = docs_bytes(project.docs_dir)
    times = {path: (project.docs_dir / path).stat().st_mtime_ns for path in before}
    edited = project.root / "usecases" / "irritants" / "irritant-00003.yaml"
    data = yaml.safe_load(edited.read_text(encoding="utf-8"))
    data["description"] += " Une phrase ajoutée."
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    report = generate(project).report
    after = docs_bytes(project.docs_dir)
    changed = {path for path in after if after[path] != before.get(path)}
    assert set(report.written) == changed
    assert changed and len(changed) < len(after) / 10
    assert all("Une phrase ajoutée." in after[path].decode() for path in changed)
    # mkdocs serve rebuilds on any modification time: an untouched file keeps its own.
    assert all((project.docs_dir / path).stat().st_mtime_ns == times[path] for path in after if path not in changed)


@pytest.fixture(scope="module")
def card_pages(tmp_path_factory):
    """The same card's page in a built guide of 20 cards and in one of 200."""
    pages = {}
    for cards in (20, 200):
        project = load_project(synth.write_guide(tmp_path_factory.mktemp(f"scale-{cards}") / "guide", cards))
        build(project, strict=True)
        address = f"cas-usage/metier-00000/{_first_irritant(project)}/"
        pages[cards] = (address, soup(project.site_dir / address / "index.html"))
    return pages


def addresses(here: str, links) -> list[str]:
    """Site addresses of the links of a page (anchors within the page left out)."""
    hrefs = [a["href"].split("#")[0] for a in links]
    return [posixpath.normpath(posixpath.join(here, href)) + "/" for href in hrefs if href and "://" not in href]


def _first_irritant(project) -> str:
    trade = yaml.safe_load((project.root / "usecases" / "trades" / "metier-00000.yaml").read_text(encoding="utf-8"))
    return trade["irritants"][0]


def test_the_navigation_of_a_card_does_not_grow_with_the_catalog(card_pages):
    navigation = {
        cards: addresses(here, page.select("nav.md-nav a[href]")) for cards, (here, page) in card_pages.items()
    }
    assert navigation[20] == navigation[200]
    assert not [address for address in navigation[200] if CARD_ADDRESS.match(address)]


def test_a_card_links_to_a_bounded_number_of_other_cards(card_pages):
    here, page = card_pages[200]
    cards = {address for address in addresses(here, page.select("article a[href]")) if CARD_ADDRESS.match(address)}
    assert 0 < len(cards - {here}) <= 2 * RELATED_LIMIT


@pytest.mark.parametrize(
    "engine, present, absent",
    [
        ("pagefind", "pagefind/pagefind.js", "search/search_index.json"),
        ("mkdocs", "search/search_index.json", "pagefind"),
    ],
)
def test_the_search_option_picks_the_engine(mini, engine, present, absent):
    config = yaml.safe_load(mini.read_text(encoding="utf-8"))
    config["extra"]["declic"]["search"] = engine
    mini.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    project = load_project(mini)
    build(project, strict=True)
    assert (project.site_dir / present).exists()
    assert not (project.site_dir / absent).exists()


def test_grouped_lookups_match_a_scan_of_every_card(tmp_path):
    catalog = load_and_link(load_project(synth.write_guide(tmp_path / "guide", 100)))
    for trade_id in catalog.trades:
        assert catalog.cards_of_trade(trade_id) == tuple(c for c in catalog.cards if c.trade_id == trade_id)
    for irritant_id in catalog.irritants:
        assert catalog.cards_of_irritant(irritant_id) == tuple(c for c in catalog.cards if c.irritant_id == irritant_id)
    for prompt_id in catalog.prompts:
        assert catalog.cards_of_prompt(prompt_id) == tuple(c for c in catalog.cards if prompt_id in c.prompt_ids)
    for trade_id in catalog.trades:
        assert catalog.personas_of_trade(trade_id) == tuple(
            p for p, persona in catalog.personas.items() if persona.trade == trade_id
        )
    for obstacle_id in catalog.obstacles:
        assert catalog.personas_with_obstacle(obstacle_id) == tuple(
            p for p, persona in catalog.personas.items() if obstacle_id in persona.obstacles
        )


PART = st.sampled_from(["cas-usage", "plombier", "fiches", "index.md", "relance.md", "a"])


@given(target=st.lists(PART, min_size=1, max_size=4).map("/".join), start=st.lists(PART, max_size=3).map("/".join))
def test_relative_links_are_those_of_posixpath_relpath(target, start):
    assert relative_path(target, start) == posixpath.relpath(target, start or ".")


NAME = st.sampled_from(["metier", "clients", "numero"])
PROMPT = st.lists(st.one_of(st.text(alphabet="ab {}_\n", max_size=6), NAME.map("{{{}}}".format)), max_size=8).map(
    "".join
)


@given(text=PROMPT, values=st.dictionaries(NAME, st.text(alphabet="xy{}", max_size=3)))
def test_a_filled_prompt_reads_as_the_text_with_its_values(text, values):
    segments = fill(text, values)
    shown = "".join(f"{{{segment.text}}}" if segment.variable else segment.text for segment in segments)
    assert shown == VARIABLE.sub(lambda match: values.get(match.group(1), match.group(0)), text)
    literals = [segment.variable is None for segment in segments]
    assert not any(first and second for first, second in pairwise(literals))  # neighbours merged
    assert all(segment.text for segment in segments)


def test_shared_blocks_print_what_each_page_would_print_alone(tmp_path):
    project = load_project(synth.write_guide(tmp_path / "guide", 120))
    pages = plan(load_and_link(project))
    extra = {"data_rules": ["Une règle de la maison."]}
    blocks: dict = {}
    for page in pages:
        assert render(page, extra, shared_blocks=blocks) == render(page, extra)
    assert len(blocks) > 50  # the blocks were in fact shared, not rendered anew each time


def test_a_shared_block_that_links_into_its_own_folder_is_not_reused(tmp_path):
    (tmp_path / "_shared.md.j2").write_text(
        "{% macro probe(target) %}[index]({{ link(target) }}){% endmacro %}", encoding="utf-8"
    )
    (tmp_path / "probe.md.j2").write_text('{{ shared("probe", "same key", "cas-usage/a/index.md") }}', encoding="utf-8")
    blocks: dict = {}
    page = Page("cas-usage/a/x.md", "probe.md.j2", "card", "x", "x", (), Context())
    other = Page("cas-usage/b/y.md", "probe.md.j2", "card", "y", "y", (), Context())
    assert render(page, overrides=tmp_path, shared_blocks=blocks) == "[index](index.md)"
    assert render(other, overrides=tmp_path, shared_blocks=blocks) == "[index](../a/index.md)"
    assert not blocks
