"""The URL contract: written in generator/declic/urls.py only, and the addresses it makes."""

from __future__ import annotations

import posixpath
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from conftest import ROOT
from declic import urls

CONTRACT = re.compile(r"\b(cas-usage|fiches|parcours|irritants|freins)/")


def test_the_page_folders_are_named_in_urls_py_alone():
    """Renaming a folder of the contract is one edit: no template, script or other module spells it."""
    sources = [
        path
        for folder in ("generator", "overrides")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".j2", ".js", ".html")
        and "default_guide" not in path.parts
        and path != ROOT / "generator" / "declic" / "urls.py"
    ]
    assert len(sources) > 40
    spelled = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in sources
        for match in CONTRACT.finditer(path.read_text())
    ]
    assert spelled == []


@pytest.mark.parametrize(
    ("docs_path", "address"),
    [
        ("index.md", ""),
        ("charte.md", "charte/"),
        (urls.card("plombier", "relancer-factures"), "cas-usage/plombier/relancer-factures/"),
        (urls.trade("plombier"), "cas-usage/plombier/"),
        (urls.sheet("relance-facture"), "fiches/relance-facture/"),
        ("cas-usage/x/index.html", "cas-usage/x/"),
        ("cas-usage.csv", "cas-usage.csv"),
        (urls.explorer_part("plombier"), "explorer/donnees/plombier.js"),
    ],
)
def test_a_docs_file_is_served_where_mkdocs_serves_it(docs_path, address):
    assert urls.address(docs_path) == address


def test_an_absolute_address_needs_the_site_address():
    assert urls.absolute("https://exemple.fr/guide/", urls.path("paul")) == "https://exemple.fr/guide/parcours/paul/"
    assert urls.absolute("https://exemple.fr/guide", urls.path("paul")) == "https://exemple.fr/guide/parcours/paul/"
    assert urls.absolute("", urls.path("paul")) == ""


@pytest.mark.parametrize(
    ("target", "start"),
    [("a/b/c.md", "a/b"), ("a/b/c.md", "a/d"), ("x.md", "a/b"), ("a/b/c.md", ""), ("a", "a")],
)
def test_relative_paths_are_those_of_posixpath(target, start):
    assert urls.relative(target, start) == posixpath.relpath(target, start or ".")


def test_templates_get_the_addresses_and_no_module():
    names = vars(urls.for_templates())
    assert names["sheet"]("x") == "fiches/x.md" and names["SOURCES_PAGE"] == "sources/index.md"
    assert not any(type(value).__name__ == "module" for value in names.values())


def test_detail_pages_stay_out_of_the_navigation():
    assert "/cas-usage/*/" in urls.NOT_IN_NAV and "/fiches/*.md" in urls.NOT_IN_NAV


DOCS_PAGE = st.builds(
    lambda folders, name: "/".join([*folders, name]),
    st.lists(st.sampled_from(["cas-usage", "plombier", "fiches", "sources"]), max_size=3),
    st.sampled_from(["index.md", "relance.md", "charte.md"]),
)


@given(target=DOCS_PAGE, start=DOCS_PAGE, directory_urls=st.booleans())
def test_a_link_written_as_html_is_the_one_mkdocs_writes_for_markdown(target, start, directory_urls):
    """Lists of links are written as HTML, which mkdocs leaves alone: their addresses must be those it
    gives a Markdown link between the same two pages, with directory URLs and offline. Between pages
    of different top folders, the page's way up to the root then the target's address is the same."""
    expected = get_relative_url(urls.served(target, directory_urls), urls.served(start, directory_urls))
    assert urls.href(target, start, directory_urls) == expected
    served = urls.served(target, directory_urls)
    if "/" in start and target.split("/")[0] != start.split("/")[0] and served != "./":
        assert urls.to_root(start, directory_urls) + served == expected
