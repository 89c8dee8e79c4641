"""The page builders, one page at a time: its address, its links, the data its template receives."""

from __future__ import annotations

from dataclasses import fields

import pytest

from declic.build import load_and_link
from declic.catalog.paths import learners, learning_path
from declic.pages.card import CardContext, card_page
from declic.pages.explorer import explorer_page
from declic.pages.indexes import ListingContext, index_pages
from declic.pages.path import PathContext, booklet_query, path_page
from declic.pages.plan import plan
from declic.pages.sheet import SheetContext, sheet_page
from declic.site.project import load_project


@pytest.fixture
def catalog(mini):
    return load_and_link(load_project(mini))


def test_a_card_page_fills_the_trades_words_and_links_what_it_shows(catalog):
    card = next(card for card in catalog.cards if card.id == "plombier/relancer-factures")
    page = card_page(catalog, card)
    assert (page.path, page.kind, page.id) == ("cas-usage/plombier/relancer-factures.md", "card", card.id)
    assert page.title == f"{card.irritant.title} · {card.trade.name}"
    context = page.context
    assert isinstance(context, CardContext)
    [prompt] = context.prompts
    text = "".join(segment.text for segment in prompt.segments if segment.variable is None)
    assert "Je suis plombier" in text  # from_trade values are filled from the trade's context
    assert [segment.variable for segment in prompt.segments if segment.variable] == ["numero", "accolades"]
    assert [other.id for other in context.same_irritant] == ["fleuriste/relancer-factures"]
    assert [other.id for other in context.same_trade] == ["plombier/ecrire-devis"]
    assert context.tags == [tag.label for tag in context.tag_links]
    assert {"plombier", "relancer-factures", "relance-facture", "paul-plombier"} <= set(page.links)


def test_a_sheet_page_leaves_every_blank_open_and_lists_the_cards_offering_it(catalog):
    page = sheet_page(catalog, "relance-facture")
    assert page.path == "fiches/relance-facture.md"
    assert isinstance(page.context, SheetContext)
    assert [s.variable for s in page.context.segments if s.variable] == ["metier", "clients", "numero", "accolades"]
    assert [card.id for card in page.context.cards] == ["fleuriste/relancer-factures", "plombier/relancer-factures"]
    assert [rendezvous.days for rendezvous in page.context.follow_up if rendezvous.sheet_note] == [15, 30]


def test_a_path_page_prints_its_own_steps_as_a_booklet(catalog):
    learner = next(learner for learner in learners(catalog) if learner.id == "paul-plombier")
    learning = learning_path(catalog, learner)
    page = path_page(catalog, learning)
    assert page.path == "parcours/paul-plombier.md"
    assert isinstance(page.context, PathContext)
    steps = [step for stage in learning.stages for step in stage.steps]
    cards = tuple(dict.fromkeys(step.ref for step in steps if step.kind == "card"))
    sheets = tuple(dict.fromkeys(step.ref for step in steps if step.kind == "sheet"))
    assert cards  # the mini guide's two prompts are both cards of Paul's trade: no step repeats one as a sheet
    assert page.context.booklet == booklet_query("paul-plombier", cards, sheets)
    assert page.context.booklet.startswith("parcours=paul-plombier&cartes=plombier/")
    assert [follow_up.days for follow_up in page.context.follow_ups] == [15, 30, 30]


def test_index_pages_group_their_entries_and_drop_empty_groups(catalog):
    pages = {page.path: page for page in index_pages(catalog, ())}
    trade = pages["cas-usage/plombier/index.md"]
    assert isinstance(trade.context, ListingContext)
    [group] = trade.context.groups
    assert [entry.target for entry in group.entries] == [
        "cas-usage/plombier/relancer-factures.md",
        "cas-usage/plombier/ecrire-devis.md",
    ]
    assert trade.context.booklet == "cartes=plombier/relancer-factures,plombier/ecrire-devis"
    paths_index = pages["parcours/index.md"].context
    assert paths_index.groups == []  # no path given: no group is left empty on the page


def test_the_explorer_offers_only_the_choices_some_card_has(catalog):
    context = explorer_page(catalog).context
    assert context.total == len(catalog.cards)
    assert [trade for trade, _ in context.trades] == ["fleuriste", "plombier"]
    assert context.addresses["card"] == "cas-usage/"


def test_every_page_has_a_distinct_address_and_a_typed_context(catalog):
    pages = plan(catalog)
    assert len({page.path for page in pages}) == len(pages)
    for page in pages:
        assert fields(page.context) or page.template == "workshop.md.j2"


def test_every_field_of_the_reference_page_has_a_french_label():
    """Issue 28: the reference page names each field in plain French, its YAML name after it."""
    from declic.pages.reference import LABELS, field_label, reference_page

    context = reference_page().context
    documented = [field for kind in context.kinds for field in kind.fields] + list(context.settings)
    assert len(documented) > 100
    for field in documented:
        assert field.label and field.label != field.name.rsplit(".", 1)[-1], field.name
    assert field_label("former_ids") == "Anciens identifiants"
    assert field_label("sheet.quiz[].answer") == "Réponse"
    used = {field.name.rsplit(".", 1)[-1].removesuffix("[]") for field in documented}
    assert set(LABELS) == used  # no label left for a field that is gone
