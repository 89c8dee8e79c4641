"""A path's steps and what a path and the exports say of them."""

from __future__ import annotations

import csv
import io
import json

from conftest import ROOT
from declic.build import load_and_link
from declic.catalog.follow_up import SCHEDULE
from declic.catalog.paths import learners, learning_path
from declic.pages.export import cards_csv, catalog_json, dump
from declic.pages.plan import plan
from declic.site.project import load_project


def test_a_paths_stages_come_in_the_methods_order_and_add_up(mini):
    catalog = load_and_link(load_project(mini))
    for learner in learners(catalog):
        path = learning_path(catalog, learner)
        assert [stage.key for stage in path.stages] == ["interest", "quick-wins", "skills", "consolidation"]
        assert path.minutes == sum(step.minutes for stage in path.stages for step in stage.steps)
        follow_ups = path.stages[-1].steps
        assert [(step.days, step.months) for step in follow_ups] == [(r.days, r.months) for r in SCHEDULE]
        for step in (step for stage in path.stages[:-1] for step in stage.steps):
            assert step.target and step.ref, step


def test_a_persona_with_a_trade_starts_on_its_trades_card(mini):
    catalog = load_and_link(load_project(mini))
    paul = next(learner for learner in learners(catalog) if learner.id == "paul-plombier")
    first = learning_path(catalog, paul).stages[0].steps[0]
    assert first.kind == "card" and first.ref.startswith("plombier/")
    assert first.target == f"cas-usage/{first.ref}.md"


def test_catalogue_json_gives_each_page_its_address_and_each_card_its_facets(mini):
    catalog = load_and_link(load_project(mini))
    pages = plan(catalog)
    data = json.loads(dump(catalog_json(catalog, pages)))
    entry = next(page for page in data["pages"] if page["id"] == "plombier/relancer-factures")
    assert entry["url"] == "cas-usage/plombier/relancer-factures/"
    assert entry["file"] == "cas-usage/plombier/relancer-factures.md"
    assert entry["facets"]["trade"] == "plombier"
    assert data["counts"]["cards"] == 3 and data["counts"]["trades"] == 2
    assert list(data["entities"]) == list(data["counts"])[:-3]  # every kind, in the registry's order


def test_the_spreadsheet_keeps_a_formula_looking_title_as_text(mini):
    guide = mini.parent
    irritant = guide / "usecases" / "irritants" / "ecrire-devis.yaml"
    text = irritant.read_text(encoding="utf-8").replace("title: ", "title: =HYPERLINK(x) ", 1)
    irritant.write_text(text, encoding="utf-8")
    rows = list(
        csv.reader(io.StringIO(cards_csv(load_and_link(load_project(mini))).decode("utf-8-sig")), delimiter=";")
    )
    titles = [row[1] for row in rows[1:]]
    assert any(title.startswith("'=HYPERLINK") for title in titles)
    assert rows[1][-1].startswith("cas-usage/")


def test_j15_redoes_exactly_what_the_paths_cards_and_sheets_taught():
    """An irritant's page only shows a prompt; a card or a sheet teaches it. J+15 lists those."""
    catalog = load_and_link(load_project(ROOT / "mkdocs.yml"))
    for learner in learners(catalog):
        path = learning_path(catalog, learner)
        steps = [step for stage in path.stages[:-1] for step in stage.steps]
        taught = dict.fromkeys(step.prompt for step in steps if step.kind in ("card", "sheet"))
        assert all(step.prompt for step in steps if step.kind in ("card", "sheet"))
        j15 = path.stages[-1].steps[0]
        titles = ", ".join(f"«\u00a0{catalog.prompts[prompt_id].title}\u00a0»" for prompt_id in taught)
        assert j15.days == 15 and j15.note == f"Refaites seul, sans la fiche\u00a0: {titles}.", learner.id
