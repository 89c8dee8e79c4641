"""mkdocs.yml means the same to Déclic as to mkdocs: `!ENV` and `INHERIT` are read as mkdocs reads
them, so what Déclic checks and uses (the site address of the QR codes, its settings) is what the
built site gets."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, soup
from declic.build import build
from declic.errors import CatalogError
from declic.site.project import load_project


def test_a_site_address_from_the_environment_reaches_the_qr_codes_and_the_site(mini, monkeypatch):
    monkeypatch.setenv("DECLIC_ADRESSE", "https://formation.example.org/ia/")
    text = mini.read_text(encoding="utf-8")
    mini.write_text(re.sub(r"(?m)^site_url: .*$", "site_url: !ENV [DECLIC_ADRESSE, '']", text), encoding="utf-8")
    project = load_project(mini)
    assert project.site_url == "https://formation.example.org/ia/"
    build(project)
    card = soup(project.site_dir / "cas-usage" / "plombier" / "relancer-factures" / "index.html")
    assert (
        "https://formation.example.org/ia/cas-usage/plombier/relancer-factures/" in card.select_one(".declic-qr").text
    )
    assert card.find("link", rel="canonical")["href"].startswith("https://formation.example.org/ia/")


def test_settings_inherited_from_a_parent_file_are_the_ones_checked_and_used(mini):
    text = mini.read_text(encoding="utf-8")
    head, _, extra = text.partition("extra:\n")
    (mini.parent / "commun.yml").write_text(
        "extra:\n" + extra.replace("search: pagefind", "search: mkdocs"), encoding="utf-8"
    )
    mini.write_text("INHERIT: commun.yml\n" + head, encoding="utf-8")
    project = load_project(mini)
    assert project.settings.search == "mkdocs"
    assert [assistant.name for assistant in project.settings.assistants] == ["ChatGPT", "Perplexity", "Claude"]
    build(project)
    assert (project.site_dir / "search" / "search_index.json").is_file()  # mkdocs saw the same setting
    assert not (project.site_dir / "pagefind").exists()


def test_an_inherit_loop_or_a_missing_parent_is_reported(mini):
    text = mini.read_text(encoding="utf-8")
    mini.write_text("INHERIT: absent.yml\n" + text, encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_project(mini)
    assert error.value.issues[0].format().startswith("mkdocs.yml:1: INHERIT: « absent.yml » introuvable")
    (mini.parent / "a.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    mini.write_text("INHERIT: a.yml\n" + text, encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_project(mini)
    assert "boucle" in error.value.issues[0].message


def test_the_default_guide_takes_its_published_address_from_the_environment(monkeypatch):
    """The shipped guide names no address it does not own: whoever publishes it sets DECLIC_SITE_URL
    (an organisation writes its own `site_url`); without it, printed pages give the address in text."""
    monkeypatch.setenv("DECLIC_SITE_URL", "https://ia.example.fr/declic/")
    assert load_project(ROOT / "mkdocs.yml").site_url == "https://ia.example.fr/declic/"
    monkeypatch.delenv("DECLIC_SITE_URL")
    assert load_project(ROOT / "mkdocs.yml").site_url == ""


def test_a_project_gives_mkdocs_its_settings_more_than_once(mini, tmp_path):
    """`declic serve` builds one project twice (a quick build, then a full one): mkdocs takes the
    plugins' settings apart as it reads them, which must not leave the project's own emptied."""
    from declic.site.mkdocs_build import site_config

    project = load_project(mini)
    project.docs_dir.mkdir(parents=True)
    plugins = []
    for attempt in range(2):
        config = site_config(project, tmp_path / f"site-{attempt}")
        plugins.append(list(config.plugins))
    assert plugins[0] == plugins[1]
    assert project.config["plugins"] == [{"search": {"lang": "fr"}}]  # the project's own, whole
