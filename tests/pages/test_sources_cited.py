"""A document the hand-written pages cite is named by its id, through the `source("id")` macro, which
prints its kind and title from usecases/sources/ and links to its entry on the sources page; no
citation in plain text is left. Each source says who published it and where to read it, or why it
cannot be read online; and the sources page lists the pages that cite it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import ROOT, soup
from declic.catalog.schema import Source
from declic.errors import CatalogError
from declic.pages.macros import PageMacros, asks_for_macros, cited_sources, fill_macros

SPACE = "[ \u00a0\u202f]"
# A citation written out: « livre blanc « Du clic… » », « article « … » ».
CITED = re.compile(rf"(?i)\b(?:livre blanc|article|guide|enquête){SPACE}+«{SPACE}*(.+?){SPACE}*»")
# « (source : » and what follows it, up to the next 40 characters.
SOURCE_NOTE = re.compile(rf"\(sources?{SPACE}*:{SPACE}*(.{{0,40}})")
MACRO = re.compile(r"""\{\{-?\s*source\(\s*["']([^"']*)["']\s*\)\s*-?\}\}""")
DATA = {"entities": {}, "pages": [], "counts": {}, "schema_version": 1}


def _sources() -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "usecases" / "sources").glob("*.yaml"))
    }


def _pages() -> dict[Path, str]:
    return {page: page.read_text(encoding="utf-8") for page in sorted((ROOT / "content").glob("**/*.md"))}


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _source(**fields) -> Source:
    return Source(
        **{"title": "Du clic au déclic : le rôle du formateur", "year": 2025, "kind": "livre blanc", **fields}
    )


# The macro


def test_the_macro_names_the_kind_and_title_and_links_to_the_entry():
    sources = {
        "livre-blanc": _source(),
        "cma": _source(title="Livre blanc IA", author="CMA France"),
        "crochets": _source(title="Un [titre] *étoilé*", kind="article"),
    }
    macros = PageMacros(DATA, sources=sources)
    assert macros.render("methode/index.md", '{{ source("livre-blanc") }}') == (
        "[livre blanc « Du clic au déclic : le rôle du formateur »](../sources/index.md#livre-blanc)"
    )
    # From the top folder; a title that starts with its kind is not preceded by it again.
    assert macros.render("charte.md", '{{ source("cma") }}') == "[« Livre blanc IA »](sources/index.md#cma)"
    # The title is text: Markdown in it does not become a link or emphasis.
    assert macros.render("a/b/c.md", '{{ source("crochets") }}') == (
        "[article « Un &#91;titre&#93; &#42;étoilé&#42; »](../../sources/index.md#crochets)"
    )


def test_an_unknown_source_is_a_problem_of_the_page_with_its_line_and_the_closest_id(tmp_path: Path):
    page = tmp_path / "guide.md"
    page.write_text('---\nrender_macros: true\n---\n# Guide\n\nTexte (source : {{ source("livre-blan") }}).\n')
    sources = {"livre-blanc": _source(), "article-pme": _source(kind="article", title="PME")}
    with pytest.raises(CatalogError) as error:
        fill_macros({"guide.md": page}, DATA, tmp_path, sources=sources)
    (issue,) = error.value.issues
    assert (issue.file, issue.line) == ("guide.md", 6)
    assert "document « livre-blan » introuvable (usecases/sources/)" in issue.message
    assert "vouliez-vous dire « livre-blanc » ?" in issue.message
    assert "sources connues : article-pme, livre-blanc" in issue.message
    assert "source(…)" in issue.hint


def test_the_citations_are_read_from_the_pages_before_they_are_rendered(tmp_path: Path):
    pages = {
        "methode/index.md": '---\nrender_macros: true\n---\n# La méthode { #haut }\n\n{{ source("a") }} et {{ source("b") }}, {{ source("a") }}.\n',
        "charte.md": '---\nrender_macros: true\ntitle: La charte\n---\n# Autre titre\n\n{# {{ source("b") }} #}{{ source("b") }}\n',
        "ignoree.md": '# Sans macros\n\n{{ source("a") }}\n',
        "brouillon.md": '---\nrender_macros: true\n---\n{% raw %}{{ source("a") }}{% endraw %}\n',
        "cassee.md": '---\nrender_macros: true\n---\n{{ source("a") \n',
    }
    files = {}
    for docs_path, text in pages.items():
        files[docs_path] = tmp_path / docs_path.replace("/", "-")
        files[docs_path].write_text(text, encoding="utf-8")
    cited = cited_sources(files)
    assert {source_id: [(c.path, c.title) for c in found] for source_id, found in cited.items()} == {
        "a": [("methode/index.md", "La méthode")],
        "b": [("charte.md", "La charte"), ("methode/index.md", "La méthode")],
    }


# The default guide's pages and sources


def test_no_citation_is_left_in_plain_text():
    """Each « (source : » opens on the macro, and no title is written out: the macro prints them."""
    titles = [" ".join(source["title"].split()) for source in _sources().values()]
    wrong = []
    for page, text in _pages().items():
        for note in SOURCE_NOTE.finditer(text):
            if not note.group(1).startswith("{{ source("):
                wrong.append(f"{page.name}: (source : {note.group(1)}…")
        wrong += [f"{page.name}: « {match.group(1)} »" for match in CITED.finditer(text)]
        wrong += [f"{page.name}: {title}" for title in titles if title in _words(text)]
        wrong += [f"{page.name}: Mame-Mor Fall" for _ in re.finditer("Mame-Mor", text)]
    assert wrong == []


def test_every_cited_id_is_a_source_and_its_page_asks_for_macros():
    sources = _sources()
    cited, wrong = 0, []
    for page, text in _pages().items():
        ids = MACRO.findall(text)
        cited += len(ids)
        wrong += [f"{page.name}: {source_id}" for source_id in ids if source_id not in sources]
        if ids and not asks_for_macros(text):
            wrong.append(f"{page.name}: sans render_macros: true")
    assert wrong == []
    assert cited > 70
    assert all(text.count("source(") == len(MACRO.findall(text)) for text in _pages().values())


def test_each_source_says_who_when_and_where_to_read_it():
    sources = _sources()
    for source_id, source in sources.items():
        Source(**source)  # valid
        assert source.get("year"), source_id
        assert bool(source.get("url")) != bool(source.get("offline")), source_id
    # The two documents whose text names no one: their files say so, and the page says « auteur non indiqué ».
    unsigned = {
        source_id for source_id, source in sources.items() if not (source.get("author") or source.get("publisher"))
    }
    assert unsigned == {"article-on-a-lance-l-ia", "livre-blanc-du-clic-au-declic"}
    for source_id in unsigned:
        assert "author" in (ROOT / "usecases" / "sources" / f"{source_id}.yaml").read_text(encoding="utf-8").lower()
    assert (
        sources["article-conduite-du-changement"]["url"] == "https://face-up.fr/blog/conduite-changement-ia-formation"
    )
    assert str(sources["article-conduite-du-changement"]["published_on"]) == "2026-01-30"
    assert sources["guide-formation-ia-entreprise"]["url"] == "https://algos-ai.com/?p=989976"
    assert sources["article-competences-ia-pme"]["url"].startswith(
        "https://brixon.ai/fr/developper-la-competence-en-ia"
    )
    assert all(
        sources[name].get("publisher") for name in ("article-conduite-du-changement", "article-competences-ia-pme")
    )


def test_a_source_has_an_address_or_says_why_not_never_both():
    with pytest.raises(ValueError, match="soit une adresse en ligne"):
        _source(url="https://example.org/a.pdf", offline="document non publié en ligne")


# The built site


def _follow(page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(unquote(href))
    target = (page.parent / parts.path).resolve() if parts.path else page
    return (target / "index.html" if target.is_dir() else target), parts.fragment


def test_a_citation_links_to_its_entry_on_the_sources_page(default_site: Path):
    page = default_site / "methode" / "index.html"
    links = [a for a in soup(page).select("article a[href]") if "sources/#" in a["href"]]
    assert len(links) > 20
    entries = soup(default_site / "sources" / "index.html")
    for link in links:
        target, fragment = _follow(page, link["href"])
        assert target == default_site / "sources" / "index.html", link["href"]
        heading = entries.find(id=fragment)
        assert heading is not None and heading.name == "h2", link["href"]
        # The link's text is the kind and the title the entry's heading shows.
        title = _words(heading.get_text().removesuffix("¶"))
        assert _words(link.get_text()).endswith(f"« {title} »"), link.get_text()
    assert any(_words(a.get_text()).startswith("livre blanc « Du clic au déclic") for a in links)


def test_the_sources_page_lists_the_pages_that_cite_each_source(default_site: Path):
    page = default_site / "sources" / "index.html"
    article = soup(page).select_one("article")
    heading = article.find(id="livre-blanc-du-clic-au-declic")
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        section.append(sibling)
    text = _words(" ".join(tag.get_text(" ") for tag in section))
    assert "Aucune copie en ligne connue." in text and "auteur non indiqué" in text
    assert re.search(r"En tout, \d+ cas d'usage montrent un chiffre tiré de ce document\.", text)
    links = {}
    for tag in section:
        for a in tag.select("a[href]"):
            target, _ = _follow(page, a["href"])
            assert target.is_file(), a["href"]
            links[target.relative_to(default_site).as_posix()] = _words(a.get_text())
    # Hand-written pages (through the macro), sheets and irritants (through their figures' source).
    assert links["methode/index.html"] == "La méthode : du clic au déclic"
    assert links["guide-formateur/index.html"] == "Guide du formateur"
    assert "fiches/relance-facture-cordiale/index.html" in links
    assert "irritants/relancer-factures-impayees/index.html" in links
    # A page that does not cite it is not listed.
    assert "organisations/index.html" not in links
