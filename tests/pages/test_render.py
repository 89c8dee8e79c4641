"""Rendering one page: escaping, relative links, and shared blocks that cannot read the page."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from declic.build import load_and_link
from declic.pages import Context, Page
from declic.pages.card import card_page
from declic.pages.render import escape_text, render
from declic.site.project import load_project


@dataclass(frozen=True)
class Probe(Context):
    secret: str


def probe_page(path: str, secret: str = "") -> Page:
    return Page(path, "probe.md.j2", "card", "x", "x", (), Probe(secret))


def test_catalog_text_cannot_become_markup():
    assert escape_text("*gras* <b>[lien](x)</b>") == ("&#42;gras&#42; &#60;b&#62;&#91;lien&#93;&#40;x&#41;&#60;/b&#62;")
    assert escape_text("- liste") == "&#45; liste"  # a leading « - » would start a list


def test_a_card_renders_its_links_relative_to_its_own_folder(mini):
    catalog = load_and_link(load_project(mini))
    card = next(card for card in catalog.cards if card.id == "plombier/relancer-factures")
    text = render(card_page(catalog, card))
    assert "](../../fiches/relance-facture.md)" in text
    assert "](index.md)" in text  # its trade's page, in the same folder
    [block] = [line for line in text.splitlines() if line.startswith('<div class="declic-prompt"')]
    # One raw HTML line that Markdown keeps verbatim; braces as entities, so no macro reads them.
    assert "&#123;&#123; jinja &#125;&#125;" in block and "{{" not in block
    assert 'data-example="&#123;x&#125;"' in block


def test_a_shared_block_is_rendered_once_per_key_and_depth(tmp_path):
    (tmp_path / "_shared.md.j2").write_text("{% macro probe(value) %}{{ value }}{% endmacro %}", encoding="utf-8")
    (tmp_path / "probe.md.j2").write_text('{{ shared("probe", "key", secret) }}', encoding="utf-8")
    blocks: dict = {}
    assert render(probe_page("a/x.md", "premier"), overrides=tmp_path, shared_blocks=blocks) == "premier"
    # Same key, same depth: the block is the one of the first page, by the promise of its key.
    assert render(probe_page("b/y.md", "second"), overrides=tmp_path, shared_blocks=blocks) == "premier"
    assert render(probe_page("a/b/z.md", "second"), overrides=tmp_path, shared_blocks=blocks) == "second"


def test_a_shared_macro_sees_its_objects_and_not_the_pages_data(tmp_path):
    (tmp_path / "_shared.md.j2").write_text("{% macro probe() %}{{ secret }}{% endmacro %}", encoding="utf-8")
    (tmp_path / "probe.md.j2").write_text('{{ shared("probe", "key") }}', encoding="utf-8")
    with pytest.raises(Exception, match="secret"):
        render(probe_page("a/x.md", "du texte de la page"), overrides=tmp_path, shared_blocks={})
