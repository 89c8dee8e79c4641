"""`declic import`: a CSV of prompts → draft prompt YAML files that `declic check` accepts once
their to-do fields are filled; the report of what was skipped or renamed; bad CSVs refused by row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT
from declic.cli import main
from declic.commands.import_csv import blanks

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result


def _prompts(config: Path) -> Path:
    return config.parent / "usecases" / "prompts"


def _fill(path: Path) -> None:
    """What an editor writes in the to-do fields, with the mini guide's ids."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(
        irritants=["relancer-factures"],
        roles=["gerants"],
        level="debutant",
        duration_minutes=10,
        steps=["Copiez le prompt.", "Relisez la réponse."],
        check=["Le ton est juste."],
        personal_data=False,
        time_saved={"minutes": 10, "per": "relance", "estimate": {"by": "l'équipe", "method": "20 min seul, 10 avec"}},
        sheet={
            "objective": "Écrire vite.",
            "experience": "Une tâche attend.",
            "observation": "La réponse est claire.",
            "principle": "Donnez le contexte.",
            "mistakes": ["Tout coller."],
            "quiz": [{"question": f"Question {n} ?", "answer": "Réponse."} for n in range(3)],
            "redo_alone": "Refaites-le seul.",
        },
    )
    for variable in data.get("variables", {}).values():
        variable.update(description="À remplir.", example="un exemple")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_public_lists_format_is_imported_with_a_report(mini):
    result = run("import", str(FIXTURES / "liste-publique.csv"), "-f", str(mini))
    lines = result.output.splitlines()
    assert lines[0] == f"4 prompts importés dans {_prompts(mini)}."
    assert "  rangée 5 : « relance-de-facture » existe déjà, enregistré sous « relance-de-facture-2 »" in lines
    assert "  rangée 4 : rangée vide" in lines
    assert "  rangée 6 : doublon de la rangée 3" in lines
    written = sorted(path.name for path in _prompts(mini).glob("*.yaml"))
    assert written == [
        "compte-rendu-de-chantier.yaml",
        "descriptif-devis.yaml",
        "relance-de-facture-2.yaml",
        "relance-de-facture.yaml",
        "relance-facture.yaml",
        "reponse-a-un-avis-client.yaml",
    ]
    first = yaml.safe_load((_prompts(mini) / "relance-de-facture.yaml").read_text(encoding="utf-8"))
    assert first["status"] == "brouillon"
    assert first["text"] == (
        "Tu es l'assistant d'un artisan. Rédige une relance polie pour la facture {numero} envoyée à "
        "{nom_du_client}, en rappelant la date d'échéance {date_d_echeance}."
    )
    assert {name: variable["label"] for name, variable in first["variables"].items()} == {
        "numero": "Numero",
        "nom_du_client": "Nom du client",
        "date_d_echeance": "Date d'échéance",
    }
    report = yaml.safe_load((_prompts(mini) / "compte-rendu-de-chantier.yaml").read_text(encoding="utf-8"))
    assert report["text"] == (  # quotes and line breaks inside the cell kept
        'Voici mes notes de chantier :\n\n{notes}\n\nFais-en un compte rendu clair, en trois parties : "fait", '
        '"à faire", "à signaler".'
    )


def test_check_names_each_to_do_field_then_passes_once_they_are_filled(mini):
    run("import", str(FIXTURES / "liste-publique.csv"), "-f", str(mini))
    result = run("check", "-f", str(mini), code=1)
    assert "usecases/prompts/relance-de-facture.yaml:6: irritants: valeur vide (Irritants que ce prompt résout.)" in (
        result.output
    )
    assert "relance-de-facture.yaml:15: variables.numero.description: valeur vide" in result.output
    assert "relance-de-facture.yaml:40: sheet.quiz: valeur vide (Trois questions d'auto-évaluation.)" in result.output
    for name in ("relance-de-facture", "relance-de-facture-2", "compte-rendu-de-chantier", "reponse-a-un-avis-client"):
        _fill(_prompts(mini) / f"{name}.yaml")
    assert run("check", "-f", str(mini)).output.startswith("Catalogue valide : 2 irritants, 2 métiers, 6 prompts")


def test_a_custom_csv_is_imported_with_its_column_mapping(mini):
    csv_file = FIXTURES / "bibliotheque-maison.csv"  # `;`, a BOM, CRLF, as a French spreadsheet saves it
    run("import", str(csv_file), "-f", str(mini), code=1)  # the public list's columns are not there
    result = run(
        "import", str(csv_file), "--title", "Nom", "--text", "Consigne", "--owner", "Responsable", "-f", str(mini)
    )
    assert result.output.startswith("2 prompts importés")
    note = yaml.safe_load((_prompts(mini) / "note-de-synthese.yaml").read_text(encoding="utf-8"))
    assert note["owner"] == "Service qualité"
    assert note["text"] == "Résume ce document en cinq points pour {destinataire} : {document}"
    agenda = yaml.safe_load((_prompts(mini) / "ordre-du-jour.yaml").read_text(encoding="utf-8"))
    assert agenda["text"] == "Propose un ordre du jour pour la réunion du {date} sur le thème {theme}."
    for name in ("note-de-synthese", "ordre-du-jour"):
        _fill(_prompts(mini) / f"{name}.yaml")
    run("check", "-f", str(mini))
    assert "Léa Martin" in run("review", "-f", str(mini)).output  # drafts, listed for their owner


def test_nothing_is_overwritten_without_force(mini):
    run("import", str(FIXTURES / "liste-publique.csv"), "-f", str(mini))
    edited = _prompts(mini) / "relance-de-facture.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# revu par Léa\n", encoding="utf-8")
    again = run("import", str(FIXTURES / "liste-publique.csv"), "-f", str(mini))
    assert again.output.startswith("0 prompt importé")
    assert "  rangée 2 : usecases/prompts/relance-de-facture.yaml existe déjà (--force pour le remplacer)" in (
        again.output.splitlines()
    )
    assert edited.read_text(encoding="utf-8").endswith("# revu par Léa\n")
    forced = run("import", str(FIXTURES / "liste-publique.csv"), "--force", "-f", str(mini))
    assert forced.output.startswith("4 prompts importés")
    assert "revu par Léa" not in edited.read_text(encoding="utf-8")


def test_a_prompt_inherited_from_the_default_catalog_is_not_replaced_but_the_import_renamed(tmp_path):
    guide = tmp_path / "guide"
    run("init", str(guide), "--name", "Mairie")
    source = tmp_path / "une.csv"
    source.write_text('act,prompt\nCompte rendu réunion,"Résume [notes]."\n', encoding="utf-8")
    result = run("import", str(source), "-f", str(guide / "mkdocs.yml"))
    assert "  rangée 2 : « compte-rendu-reunion » existe déjà, enregistré sous « compte-rendu-reunion-2 »" in (
        result.output.splitlines()
    )
    assert (guide / "usecases/prompts/compte-rendu-reunion-2.yaml").is_file()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "windows-1252.csv",
            "windows-1252.csv:3: rangée 3: le fichier n'est pas en UTF-8 (octet 0xE9 illisible) (dans le tableur, "
            "enregistrez-le en « CSV UTF-8 », ou convertissez-le : iconv -f WINDOWS-1252 -t UTF-8 windows-1252.csv "
            "> windows-1252-utf8.csv)",
        ),
        (
            "sans-colonne-prompt.csv",
            "sans-colonne-prompt.csv:1: rangée 1: colonne « prompt » introuvable (colonnes trouvées : « act », "
            "« texte ») (indiquez la bonne colonne avec --text NOM)",
        ),
        (
            "guillemet-ouvert.csv",
            "guillemet-ouvert.csv:3: rangée 3: guillemet ouvert jamais refermé : la cellule court jusqu'à la fin du "
            'fichier (dans une cellule, un guillemet s\'écrit doublé : "")',
        ),
    ],
)
def test_a_bad_csv_gets_a_clear_error_with_its_row_and_nothing_is_written(mini, name, expected):
    before = sorted(_prompts(mini).iterdir())
    result = run("import", str(FIXTURES / name), "-f", str(mini), code=1)
    assert result.output.splitlines()[0] == expected
    assert sorted(_prompts(mini).iterdir()) == before


def test_a_ten_megabyte_cell_is_an_error_and_a_long_prompt_is_skipped(mini, tmp_path):
    huge = tmp_path / "enorme.csv"
    huge.write_text('act,prompt\nA,court\n"B","' + "x" * 10_000_000 + '"\nC,fin\n', encoding="utf-8")
    result = run("import", str(huge), "-f", str(mini), code=1)
    assert result.output.splitlines()[0] == (
        "enorme.csv:3: rangée 3: une cellule dépasse 131\u202f072 caractères (un prompt tient en quelques milliers "
        "de caractères : vérifiez qu'un guillemet n'est pas resté ouvert)"
    )
    long = tmp_path / "long.csv"
    long.write_text('act,prompt\nLong,"' + "mot " * 5_000 + '"\nCourt,Écris une relance.\n', encoding="utf-8")
    result = run("import", str(long), "-f", str(mini))
    assert "  rangée 2 : prompt trop long : 19\u202f999 caractères, 10\u202f000 au plus" in result.output.splitlines()
    assert result.output.startswith("1 prompt importé")


def test_blanks_in_the_three_conventions_become_variables():
    text, labels = blanks(
        "Pour {client}, écris à [nom du contact] avant `date limite` ; [lien](https://x.fr) {{ x }} [42]"
    )
    assert text == "Pour {client}, écris à {nom_du_contact} avant {date_limite} ; [lien](https://x.fr) {{ x }} [42]"
    assert labels == {"client": "Client", "nom_du_contact": "Nom du contact", "date_limite": "Date limite"}


def test_import_force_never_writes_through_a_link_and_writes_nothing(mini):
    """A prompt file that is a link to mkdocs.yml: `--force` once replaced mkdocs.yml with a skeleton."""
    config_text = mini.read_text(encoding="utf-8")
    link = _prompts(mini) / "relance-de-facture.yaml"
    link.symlink_to(mini)
    before = sorted(_prompts(mini).iterdir())
    result = run("import", str(FIXTURES / "liste-publique.csv"), "--force", "-f", str(mini), code=1)
    assert result.output.splitlines()[0].startswith(f"{link}: est un lien symbolique (vers {mini}) : ")
    assert "1 problème : rien n'a été écrit." in result.output
    assert mini.read_text(encoding="utf-8") == config_text
    assert sorted(_prompts(mini).iterdir()) == before  # not even the other rows


def test_import_refuses_a_prompt_folder_that_a_link_leads_out_of_the_guide(mini, tmp_path):
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    prompts = _prompts(mini)
    for path in prompts.iterdir():
        path.rename(outside / path.name)
    prompts.rmdir()
    prompts.symlink_to(outside)
    result = run("import", str(FIXTURES / "liste-publique.csv"), "-f", str(mini), code=1)
    assert result.output.splitlines()[0].startswith(f"{prompts}: est un lien symbolique vers {outside}, hors du guide")
    assert sorted(path.name for path in outside.iterdir()) == ["descriptif-devis.yaml", "relance-facture.yaml"]


def test_only_declared_blanks_become_variables_the_rest_stays_as_written():
    """`{% raw %}`, JSON and code were once turned into variables: only a name or a few words are blanks."""
    kept = '{% raw %}{{ x }}{% endraw %} ; {"nom": "Léa", "age": 3} ; {a: 1} ; `print(x)` ; `ls -la` ; [ ] ; {#}'
    assert blanks(kept) == (kept, {})
    text, labels = blanks(kept + " pour [nom du client] avant `date d'échéance`")
    assert text == kept + " pour {nom_du_client} avant {date_d_echeance}"
    assert labels == {"nom_du_client": "Nom du client", "date_d_echeance": "Date d'échéance"}


def test_import_keeps_a_prompts_braces_as_written(mini, tmp_path):
    source = tmp_path / "gabarit.csv"
    prompt = 'Réponds en JSON {"client": "[nom]", "total": 3} sans {% raw %}{{ balise }}{% endraw %}.'
    source.write_text('act,prompt\nJSON,"' + prompt.replace('"', '""') + '"\n', encoding="utf-8")
    run("import", str(source), "-f", str(mini))
    data = yaml.safe_load((_prompts(mini) / "json.yaml").read_text(encoding="utf-8"))
    assert data["text"] == prompt.replace("[nom]", "{nom}")
    assert list(data["variables"]) == ["nom"]


def test_eight_thousand_rows_of_one_title_get_numbered_ids_and_a_short_report(mini, tmp_path):
    source = tmp_path / "meme-titre.csv"
    source.write_text("act,prompt\n" + "".join(f"Même titre,Texte {n}.\n" for n in range(8_000)), encoding="utf-8")
    lines = run("import", str(source), "-f", str(mini)).output.splitlines()
    assert lines[0] == f"8\u202f000 prompts importés dans {_prompts(mini)}."
    assert lines[1:3] == [
        "  rangée 3 : « meme-titre » existe déjà, enregistré sous « meme-titre-2 »",
        "  rangée 4 : « meme-titre » existe déjà, enregistré sous « meme-titre-3 »",
    ]
    assert lines[11] == "  … et 7\u202f989 autres rangées renommées"
    assert len(lines) == 13  # the count, ten renamed rows, the others counted, what to do next
    ids = {path.stem for path in _prompts(mini).glob("meme-titre*.yaml")}
    assert ids == {"meme-titre"} | {f"meme-titre-{n}" for n in range(2, 8_001)}
    last = yaml.safe_load((_prompts(mini) / "meme-titre-8000.yaml").read_text(encoding="utf-8"))
    assert last["text"] == "Texte 7999."


def test_half_a_million_empty_rows_are_counted_not_listed(mini, tmp_path):
    source = tmp_path / "vide.csv"
    source.write_text("act,prompt\n" + ",\n" * 500_000 + "Un titre,Un texte.\n", encoding="utf-8")
    before = sorted(_prompts(mini).iterdir())
    lines = run("import", str(source), "-f", str(mini)).output.splitlines()
    assert lines[0] == f"1 prompt importé dans {_prompts(mini)}."
    assert lines[1] == "500\u202f000 rangées ignorées (vide : 500\u202f000) :"
    assert lines[2:12] == [f"  rangée {n} : rangée vide" for n in range(2, 12)]
    assert lines[12] == "  … et 499\u202f990 autres rangées ignorées"
    assert len(lines) == 14
    assert sorted(_prompts(mini).iterdir()) == sorted([*before, _prompts(mini) / "un-titre.yaml"])
    assert not list(mini.parent.glob(".declic-import-*"))  # the staging folder is gone


def test_control_characters_are_dropped_by_the_catalogs_own_rule_so_check_accepts_the_file(mini, tmp_path):
    """C1 codes, escape sequences, bidirectional overrides and non-characters: what `check` refuses,
    `import` never writes (it used to write U+0085-less C1 codes and U+FFFE, which `check` then refused)."""
    source = tmp_path / "piege.csv"
    source.write_text(
        "act,prompt,qui\n"
        '"Relance\x1b]0;titre\x07 \x9b31mpolie","Bonjour\ufffe {nom}\u202e,\x85\tmerci\x1b[31m","\x9dÉquipe\u2066 A"\n',
        encoding="utf-8",
    )
    run("import", str(source), "--owner", "qui", "-f", str(mini))
    path = _prompts(mini) / "relance-0-titre-31mpolie.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (data["title"], data["owner"]) == ("Relance]0;titre 31mpolie", "Équipe A")
    assert data["text"] == "Bonjour {nom},\n\tmerci[31m"
    _fill(path)
    run("check", "-f", str(mini))
