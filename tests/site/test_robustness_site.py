"""Catalog text reaches the built site as text: HTML, scripts, `javascript:` links, Markdown link
tricks and Jinja written in any YAML text field show literally and run nothing — in the page body,
the <title>, the meta description, the tags, both search indexes and the data files. External
links are https only. Two builds of the same input give the same bytes.

The tiny guide is built with Déclic's own theme overrides (the ones every guide gets).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import MINI, copy_guide, soup, varies_between_runs
from declic.build import build
from declic.site.project import load_project
from guides import ATTACKS, MARK, attacked_guide

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster")
DATE_STAMPED = {"sitemap.xml", "sitemap.xml.gz"}  # mkdocs writes the build date into them


@pytest.fixture(scope="module", params=["pagefind", "mkdocs"])
def attacked(request, tmp_path_factory) -> tuple[Path, Path]:
    """(guide, site) of the tiny guide with an attack in every text field, built with each search."""
    config_file = attacked_guide(tmp_path_factory.mktemp("attacked") / "guide", request.param)
    project = load_project(config_file)
    build(project)
    return config_file.parent, project.site_dir


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def visible_text(page: BeautifulSoup) -> str:
    return " ".join(page.get_text(" ").split())


def test_nothing_from_the_catalog_runs(attacked):
    _, site = attacked
    for path in pages(site):
        page = soup(path)
        for element in page.find_all(True):
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert not name.lower().startswith("on"), (path, element.name, name, value)
                if name.lower() in URL_ATTRIBUTES:
                    scheme = re.sub(r"[\x00-\x20]", "", value).lower()
                    assert not scheme.startswith(("javascript:", "vbscript:")), (path, value)
        for script in page.find_all("script"):
            if script.get("type") == "application/json":
                json.loads(script.string or "null")  # data for our JavaScript: it parses, it stays data
            else:
                assert MARK not in (script.string or "") + script.get("src", ""), (path, script)
        assert not page.find_all(["iframe", "object", "embed", "svg"], onload=True)


def test_catalog_text_shows_literally(attacked):
    guide, site = attacked
    shown = " ".join(visible_text(soup(path)) for path in pages(site))
    for text in ATTACKS:
        assert " ".join(text.split()) in shown, text
    irritant = yaml.safe_load((guide / "usecases" / "irritants" / "relancer-factures.yaml").read_text(encoding="utf-8"))
    page = soup(site / "irritants" / "relancer-factures" / "index.html")
    assert visible_text(page.h1) == " ".join(irritant["title"].split())
    # The prompt block of a card: the prompt's own text, and a blank's example kept in an attribute.
    prompt = yaml.safe_load((guide / "usecases" / "prompts" / "relance-facture.yaml").read_text(encoding="utf-8"))
    original = yaml.load(
        (MINI / "usecases" / "prompts" / "relance-facture.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    block = soup(site / "cas-usage" / "plombier" / "relancer-factures" / "index.html").select_one(".declic-prompt")
    assert prompt["text"].removeprefix(original["text"]).strip() in block.get_text()
    blank = block.find("mark", attrs={"data-variable": "numero"})
    assert blank["data-example"] == prompt["variables"]["numero"]["example"]


def test_the_head_of_each_page_holds_the_text_literally(attacked):
    guide, site = attacked
    config = yaml.safe_load((guide / "mkdocs.yml").read_text(encoding="utf-8"))
    irritant = yaml.safe_load((guide / "usecases" / "irritants" / "relancer-factures.yaml").read_text(encoding="utf-8"))
    page = soup(site / "irritants" / "relancer-factures" / "index.html")
    # Line separators in a title read as spaces: the heading it comes from is one line.
    assert page.title.string.split() == f"{irritant['title']} - {config['site_name']}".split()
    card = soup(site / "cas-usage" / "plombier" / "relancer-factures" / "index.html")
    assert card.find("meta", attrs={"name": "description"})["content"] == irritant["quote"]


def test_tags_show_literally(attacked):
    guide, site = attacked
    trade = yaml.safe_load((guide / "usecases" / "trades" / "plombier.yaml").read_text(encoding="utf-8"))
    card = soup(site / "cas-usage" / "plombier" / "relancer-factures" / "index.html")
    tags = [visible_text(tag) for tag in card.select(".md-tag")]
    assert " ".join(trade["name"].split()) in tags


def test_search_indexes_hold_text_that_their_interface_cannot_run(attacked):
    guide, site = attacked
    irritant = yaml.safe_load((guide / "usecases" / "irritants" / "relancer-factures.yaml").read_text(encoding="utf-8"))
    if (site / "search" / "search_index.json").exists():  # Material's search inserts these as HTML
        documents = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        for document in documents:
            for field in ("title", "text"):
                assert not re.search(r"<\s*/?\s*(script|img|svg|a|iframe|title)\b", document[field], re.IGNORECASE), (
                    document
                )
        titles = [
            BeautifulSoup(document["title"], "lxml").get_text()
            for document in documents
            if document["location"] == "irritants/relancer-factures/"
        ]
        assert irritant["title"] in titles
    else:  # Pagefind stores plain text and its interface escapes it
        fragments = [
            json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")
        ]
        fragment = next(item for item in fragments if item["url"].endswith("irritants/relancer-factures/"))
        assert fragment["meta"]["title"].split() == irritant["title"].split()
        assert " ".join(irritant["description"].split()) in " ".join(fragment["content"].split())


def test_data_files_give_the_exact_text_and_no_spreadsheet_formula(attacked):
    guide, site = attacked
    irritant = yaml.safe_load((guide / "usecases" / "irritants" / "relancer-factures.yaml").read_text(encoding="utf-8"))
    catalog = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    titles = {page["title"] for page in catalog["pages"] if page["id"] == "relancer-factures"}
    assert irritant["title"] in titles
    if (site / "cas-usage.csv").exists():
        rows = list(csv.reader(io.StringIO((site / "cas-usage.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


def test_links_that_leave_the_site_are_https(attacked):
    _, site = attacked
    catalog = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    generated = [site / page["url"] / "index.html" for page in catalog["pages"]]
    external = []
    for path in generated:
        for link in soup(path).find_all("a", href=True):
            href = re.sub(r"[\x00-\x20]", "", link["href"])
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("//"):
                external.append(href)
                assert href.startswith("https://"), (path, href)
    assert "https://example.org/livre_blanc?a=1&b=*XSS-15*_x_" in external  # Markdown read nothing in it


def test_two_builds_of_the_same_input_give_the_same_bytes(tmp_path):
    sites = []
    for name in ("first", "second"):  # two folders: no absolute path may leak into the site
        project = load_project(copy_guide(MINI, tmp_path / name))
        build(project)
        sites.append(
            {
                path.relative_to(project.site_dir).as_posix(): path.read_bytes()
                for path in sorted(project.site_dir.rglob("*"))
                if path.is_file()
            }
        )
    first, second = sites
    varies = {name for name in (*first, *second) if varies_between_runs(name)}
    assert first.keys() - varies == second.keys() - varies
    assert len(first.keys() & varies) == len(second.keys() & varies)
    differing = sorted(name for name in first.keys() - varies if first[name] != second[name])
    assert set(differing) <= DATE_STAMPED, differing
