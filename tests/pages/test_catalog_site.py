"""The default catalog as a trainer reads it (issue 16): each card in its own trade's words, excluded
pairs left out, sensitive trades' rules on each of their cards, paths that start from the person,
the law and the charter's words, one word for one thing."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, soup
from declic.build import load_and_link
from declic.catalog.link import card_example, excluded_pairs
from declic.catalog.paths import learners, learning_path, step_limit
from declic.site.project import load_project

# Trades whose work touches special-category data (health, minors, social situation, disability).
# Trades whose work meets health, minors, social situations or disability (GDPR art. 9).
SENSITIVE_TRADES = {
    "educateur-specialise",
    "responsable-rh",
    "secretaire-de-mairie",
    "agent-de-collectivite",
    "coordinateur-d-association",  # children and families
    "boulanger-patissier",  # allergies
    "boucher-charcutier-traiteur",  # allergies
    "hotelier",  # a guest's health or disability
    "coiffeur",  # allergies, health
    "fleuriste",  # bereavement
}
# What each persona's story promises, and the irritant of its trade that keeps the promise.
PROMISES = {
    "anna-drh": ("faire résumer", "resumer-document-long"),
    "christelle-educatrice": ("écrits professionnels", "rediger-compte-rendu-reunion"),
    "fabien-ingenieur-projet": ("présentation", "preparer-presentation"),
    "fabrice-electricien": ("rapports", "rediger-rapport-intervention"),
    "harry-logisticien": ("client inquiet pour sa livraison", "repondre-emails-clients"),
    "ines-controleuse-de-gestion": ("commentaire des écarts", "analyser-tableau-de-bord"),
    "julien-plombier-chauffagiste": ("relance de facture", "relancer-factures-impayees"),
    "karim-comptable": ("résumer", "resumer-document-long"),
    "lea-conseillere-relation-client": ("très en colère", "gerer-client-mecontent"),
    "markus-dsi": ("interroger les procédures", "retrouver-information-qualite"),
    "martine-epiciere": ("avis injuste", "repondre-avis-en-ligne"),
    "nadia-secretaire-de-mairie": ("courriers", "rediger-courrier-administratif"),
    "samia-coordinatrice-associative": ("demande de subvention", "demander-une-subvention"),
    "sebastien-peintre-a-son-compte": ("facture électronique", "passer-a-la-facture-electronique"),
    "sophie-assistante-commerciale": ("relance de devis", "relancer-devis-sans-reponse"),
    "thomas-constructeur-de-machines": ("expliquer sans jargon", "repondre-emails-clients"),
}


@pytest.fixture(scope="module")
def catalog():
    return load_and_link(load_project(ROOT / "mkdocs.yml"))


def _article(page: Path):
    return soup(page).select_one("article.md-content__inner")


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return " ".join(re.findall(r"[\w']+", text))


def _card_pages(site: Path):
    for page in sorted(site.glob("cas-usage/*/*/index.html")):
        yield page.parent.parent.name, page.parent.name, page


def test_no_card_shows_an_example_from_another_trade(default_site, catalog):
    checked, wrong = 0, []
    for trade_id, _, page in _card_pages(default_site):
        for block in _article(page).select(".declic-prompt"):
            prompt = catalog.prompts[block["data-prompt"]]
            for mark in block.select("mark.declic-blank"):
                variable = prompt.variables[mark["data-variable"]]
                checked += 1
                expected = card_example(variable, trade_id, catalog.trades[trade_id].context.get(mark["data-variable"]))
                foreign = variable.example_for and trade_id not in variable.example_for
                if expected is None or mark["data-example"] != expected:
                    wrong.append(f"{page.relative_to(default_site)}: {mark['data-variable']}")
                elif foreign and mark["data-example"] == variable.example:
                    wrong.append(f"{page.relative_to(default_site)}: {mark['data-variable']} (another trade's)")
    assert wrong == []
    assert checked > 400


def test_no_card_writes_the_readers_team_size_into_its_prompt(default_site, catalog):
    """Issue 28: « de cinq personnes » is a fact about the reader, a blank whose example is the
    trade's, never words the copied prompt says for them (a plumber may work alone)."""
    blanks, written = 0, []
    for trade_id, _, page in _card_pages(default_site):
        structure = catalog.trades[trade_id].context.get("structure")
        for block in _article(page).select(".declic-prompt"):
            marks = block.select('mark.declic-blank[data-variable="structure"]')
            for mark in marks:
                blanks += 1
                assert mark["data-example"] == structure, page
                mark.decompose()
            if structure and _words(structure) in _words(block.get_text()):
                written.append(f"{page.relative_to(default_site)}: {block['data-prompt']}")
    assert written == []
    assert blanks > 300


def test_every_trade_specific_example_has_a_value_for_each_trade_that_shows_it(catalog):
    """`declic check` lists none for the default catalog: prompts whose example belongs to some trades
    carry the other trades' own values."""
    assert catalog.notices == ()
    by_trade = sum(
        len(variable.by_trade) for prompt in catalog.prompts.values() for variable in prompt.variables.values()
    )
    assert by_trade > 150


def test_excluded_pairs_make_no_card_and_nothing_links_to_them(default_site, catalog):
    pairs = excluded_pairs(catalog)
    assert ("rapport-intervention-dicte", "educateur-specialise") in pairs
    assert ("reponse-courrier-usager", "assistant-de-direction") in pairs
    links = {
        a["href"]
        for page in default_site.glob("**/*.html")
        for a in soup(page).select("a[href]")
        if "cas-usage/" in a["href"]
    }
    for prompt_id, trade_id in pairs:
        for card in catalog.cards_of_trade(trade_id):
            assert prompt_id not in card.prompt_ids
        for irritant_id in catalog.prompts[prompt_id].irritants:
            if not catalog.prompts_by_irritant[irritant_id] or any(
                card.irritant_id == irritant_id for card in catalog.cards_of_trade(trade_id)
            ):
                continue
            assert not (default_site / "cas-usage" / trade_id / irritant_id).exists()
            assert not [href for href in links if f"cas-usage/{trade_id}/{irritant_id}/" in href]


def test_sensitive_trades_carry_their_own_rules_on_every_card(default_site, catalog):
    checked = 0
    for trade_id in SENSITIVE_TRADES:
        assert catalog.trades[trade_id].never_paste, trade_id
    for trade_id, _, page in _card_pages(default_site):
        if trade_id not in SENSITIVE_TRADES:
            continue
        for block in _article(page).select(".declic-prompt"):
            rule = block.find_next("div", class_="danger")
            text = _words(rule.get_text(" "))
            for item in catalog.trades[trade_id].never_paste:
                checked += 1
                assert _words(item) in text, f"{page.relative_to(default_site)}: « {item} »"
    assert checked > 50


def test_each_persona_path_starts_from_its_story_and_fits_its_trade_role_and_pace(default_site, catalog):
    for learner in learners(catalog):
        path = learning_path(catalog, learner)
        limit = step_limit(catalog.profiles[learner.profile].step_minutes)
        for stage in path.stages[:3]:  # a skill its story names, or its level needs, may take longer
            assert all(s.minutes <= limit or s.prompt in path.beyond_pace for s in stage.steps), learner.id
        if learner.kind != "persona":
            continue
        first = path.stages[0].steps[0]
        assert first.target == f"cas-usage/{learner.trade}/{learner.starts_with[0]}.md", learner.id
        for prompt_id in path.prompt_ids:
            prompt = catalog.prompts[prompt_id]
            assert learner.role in prompt.roles, (learner.id, prompt_id)
            assert any(prompt_id in card.prompt_ids for card in catalog.cards_of_trade(learner.trade)), (
                learner.id,
                prompt_id,
            )
        html = _article(default_site / "parcours" / learner.id / "index.html")
        first_link = html.select_one(".declic-stage a[href], ol a[href], ul a[href]")
        assert f"cas-usage/{learner.trade}/{learner.starts_with[0]}/" in first_link["href"], learner.id


def test_each_persona_story_promises_only_what_the_catalog_has(catalog):
    assert set(PROMISES) == set(catalog.personas)
    for persona_id, (words, irritant_id) in PROMISES.items():
        persona = catalog.personas[persona_id]
        assert words in " ".join(persona.story.split()), persona_id
        assert irritant_id in persona.starts_with, persona_id
        assert any(card.irritant_id == irritant_id for card in catalog.cards_of_trade(persona.trade)), persona_id


def test_the_charter_says_what_the_law_says_and_what_pseudonymisation_is(default_site):
    text = _article(default_site / "charte" / "index.html").get_text(" ")
    for words in (
        "pseudonymisation",
        "n'est anonyme que si",
        "Ce que dit la loi (état au",
        "article 4, en vigueur depuis le 2 février 2025",
        "article 50, depuis le 2 août 2026",
        "haut risque",
        "FAFCEA",
        "AGEFICE",
        "FIF PL",
        "CNFPT",
        "OPCO",
    ):
        assert " ".join(words.split()) in " ".join(text.split()), words


FORBIDDEN = {
    "consigne": re.compile(r"(?i)\bconsignes?\b(?! de sécurité)(?! le résultat)"),
    "passeur numérique": re.compile(r"(?i)passeurs? numériques?"),
    "secrétaire de mairie": re.compile(r"(?i)secrétaires? de mairie"),
    "compte rendu du conseil": re.compile(r"(?i)comptes? rendus? du conseil"),
}


def test_one_word_for_one_thing_on_every_page(default_site):
    found = []
    for page in sorted(default_site.glob("**/index.html")):
        body = _article(page)
        if body is None:
            continue
        text = " ".join(body.get_text(" ").split())
        for name, pattern in FORBIDDEN.items():
            if pattern.search(text):
                found.append(f"{page.relative_to(default_site)}: {name}")
    assert found == []
