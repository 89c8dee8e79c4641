"""An organisation's own guide: `declic init`, then adapt, check and build it as an editor would."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, soup
from declic.cli import main

TRADE = """\
name: Agent d'accueil
sector: Collectivité territoriale
description: Accueille les habitants en mairie et répond à leurs demandes.
context:
  metier: agent d'accueil en mairie
  structure: commune de 3 000 habitants
  clients: les habitants de la commune
  documents: courriers, attestations, comptes rendus du conseil
  vocabulaire: état civil, conseil municipal, arrêté
  ton: courtois, clair, sans jargon administratif
irritants: [rediger-courrier-administratif, repondre-emails-clients]
"""
PERSONA = """\
name: Odile, agente d'accueil
profile: curieux-prudent
role: utilisateurs-operationnels
level: decouverte
trade: agent-accueil
starts_with: [rediger-courrier-administratif]
obstacles: [peur-de-mal-faire]
needs: [Un cadre clair sur ce qu'elle peut coller dans l'assistant]
story: Odile répond à une trentaine de courriers par semaine et craint de faire une erreur.
"""
SETTINGS = """\
    inherit_default_catalog: true
    hide:
      trades: [paysagiste]
    data_rules:
      - "Aucun nom d'administré dans un assistant."
    assistants:
      - {name: ChatGPT, url: "https://chatgpt.com/?q="}
      - {name: Le Chat, url: "https://chat.mistral.ai/chat?q="}
    colors: {primary: "#1d4e89"}
"""


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    folder = tmp_path_factory.mktemp("org") / "guide"
    run("init", str(folder), "--name", "Mairie de Saint-Exemple")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(r"    inherit_default_catalog: true\n(    #.*\n|    data_rules:\n(      .*\n)+)*", SETTINGS, text),
        encoding="utf-8",
    )
    prompt = yaml.safe_load((ROOT / "usecases/prompts/relance-facture-cordiale.yaml").read_text(encoding="utf-8"))
    prompt["title"] = "Relance de facture à la façon de la mairie"
    (folder / "usecases/prompts/relance-facture-cordiale.yaml").write_text(
        yaml.safe_dump(prompt, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (folder / "usecases/trades/agent-accueil.yaml").write_text(TRADE, encoding="utf-8")
    (folder / "personas/people/odile-accueil.yaml").write_text(PERSONA, encoding="utf-8")
    run("build", "-f", str(config))
    return folder


def test_init_creates_a_guide_with_its_own_folders_and_readme(guide):
    for path in (
        "mkdocs.yml",
        "README.md",
        "content/index.md",
        "usecases/irritants",
        "usecases/prompts",
        "personas/people",
        "schemas/irritants.schema.json",
        ".gitlab-ci.yml",
        ".github/workflows/pages.yml",
    ):
        assert (guide / path).exists(), path
    assert "Mairie de Saint-Exemple" in (guide / "README.md").read_text(encoding="utf-8")


def test_the_guide_shows_its_name_colour_and_home_page(guide):
    home = soup(guide / "site" / "index.html")
    assert "Mairie de Saint-Exemple" in home.title.get_text()
    assert "--md-primary-fg-color:#1d4e89" in "".join(style.get_text() for style in home.select("style"))
    assert "Le guide IA de Mairie de Saint-Exemple" in home.select_one("h1").get_text()


def test_the_overridden_prompt_replaces_the_default_one(guide):
    sheet = soup(guide / "site" / "fiches" / "relance-facture-cordiale" / "index.html")
    assert "Relance de facture à la façon de la mairie" in sheet.select_one("h1").get_text()


def test_a_hidden_trade_is_gone_and_an_added_one_is_there(guide):
    catalog = json.loads((guide / "site" / "catalogue.json").read_text(encoding="utf-8"))
    assert "paysagiste" not in catalog["entities"]["trades"]
    assert not (guide / "site" / "cas-usage" / "paysagiste").exists()
    assert not [page for page in catalog["pages"] if page["url"].startswith("cas-usage/paysagiste/")]
    assert "agent-accueil" in catalog["entities"]["trades"]
    card = soup(guide / "site" / "cas-usage" / "agent-accueil" / "rediger-courrier-administratif" / "index.html")
    prompt = card.select_one(".declic-prompt code").get_text()
    context = yaml.safe_load(TRADE)["context"]
    assert [value for value in context.values() if value in prompt], "no trade value filled in"
    assert "Aucun nom d'administré dans un assistant." in card.select_one(".admonition.danger").get_text()


def test_the_added_persona_has_its_path(guide):
    catalog = json.loads((guide / "site" / "catalogue.json").read_text(encoding="utf-8"))
    assert "odile-accueil" in catalog["entities"]["personas"]
    path = soup(guide / "site" / "parcours" / "odile-accueil" / "index.html")
    assert len(path.select(".declic-stage")) == 4


def test_only_the_allowed_assistants_are_offered(guide):
    card = soup(guide / "site" / "cas-usage" / "agent-accueil" / "rediger-courrier-administratif" / "index.html")
    config = json.loads(card.select_one("#declic-config").get_text())
    assert [assistant["name"] for assistant in config["assistants"]] == ["ChatGPT", "Le Chat"]


@pytest.mark.parametrize("kind", ["irritant", "trade", "persona", "prompt"])
def test_new_writes_a_valid_skeleton_with_every_field_commented(guide, kind):
    config = str(guide / "mkdocs.yml")
    run("new", kind, f"essai-{kind}", "-f", config)
    written = next(guide.rglob(f"essai-{kind}.yaml"))
    text = written.read_text(encoding="utf-8")
    try:
        assert "Catalogue valide" in run("check", "-f", config).output
        from declic.catalog.schema import KINDS_BY_COMMAND

        for field in KINDS_BY_COMMAND[kind].model.model_fields:
            assert re.search(rf"^#? ?{field}:", text, re.MULTILINE), field
    finally:
        written.unlink()


def test_check_reports_problems_of_the_guide_with_a_suggestion(guide):
    config = guide / "mkdocs.yml"
    broken = guide / "personas/people/odile-accueil.yaml"
    original = broken.read_text(encoding="utf-8")
    broken.write_text(original.replace("trade: agent-accueil", "trade: agent-acceuil"), encoding="utf-8")
    try:
        result = CliRunner().invoke(main, ["check", "-f", str(config)])
        assert result.exit_code == 1
        assert (
            "personas/people/odile-accueil.yaml:5: trade: métier « agent-acceuil » introuvable "
            "(vouliez-vous dire « agent-accueil » ?)"
        ) in result.stderr
    finally:
        broken.write_text(original, encoding="utf-8")


def _refused(args: list[str]) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()[0]


def test_new_never_writes_through_a_link(mini, tmp_path):
    """`declic new` at a file that is a link, or in a folder that a link leads out of the guide."""
    from conftest import MINI, copy_guide

    prompts = mini.parent / "usecases" / "prompts"
    link = prompts / "nouveau.yaml"
    link.symlink_to(mini)
    config_text = mini.read_text(encoding="utf-8")
    first = _refused(["new", "prompt", "nouveau", "-f", str(mini)])
    assert first.startswith(f"{link}: est un lien symbolique (vers {mini}) : ")
    assert mini.read_text(encoding="utf-8") == config_text

    other = copy_guide(MINI, tmp_path / "autre")
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    personas = other.parent / "personas" / "people"
    for path in personas.iterdir():
        path.rename(outside / path.name)
    personas.rmdir()
    personas.symlink_to(outside)
    before = sorted(outside.iterdir())
    first = _refused(["new", "persona", "nouvelle", "-f", str(other)])
    assert first.startswith(f"{personas}: est un lien symbolique vers {outside}, hors du guide")
    assert sorted(outside.iterdir()) == before


def test_init_never_writes_through_a_link(tmp_path):
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    folder = tmp_path / "guide"
    folder.symlink_to(elsewhere)
    first = _refused(["init", str(folder)])
    assert first.startswith(f"{folder}: est un lien symbolique (vers {elsewhere}) : ")
    assert list(elsewhere.iterdir()) == []
