"""Review and approval in the YAML: what a guide publishes with `publish: validated`, the
« brouillon » band of `--drafts`, retired prompts, « Testé avec », and `declic review`."""

from __future__ import annotations

import codecs
import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TESTS, soup
from declic.cli import main
from declic.commands.review import CSV_COLUMNS, ReviewItem, review_csv
from declic.pages.export import spreadsheet_csv
from guides import RECENT, append, mixed_guide


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The mixed guide built as published, then with its drafts."""
    config = mixed_guide(tmp_path_factory.mktemp("review") / "guide")
    run("build", "-f", str(config))
    published = config.parent / "site-publie"
    shutil.copytree(config.parent / "site", published)
    run("build", "--drafts", "-f", str(config))
    return {"published": published, "drafts": config.parent / "site", "config": config}


def _page(site: Path, address: str):
    return soup(site / address / "index.html")


def test_a_validated_guide_publishes_only_validated_entities_and_what_depends_on_them(sites):
    site = sites["published"]
    assert (site / "fiches/relance-facture/index.html").is_file()
    assert (site / "cas-usage/plombier/relancer-factures/index.html").is_file()
    assert not (site / "fiches/descriptif-devis").exists()  # a draft
    assert not (site / "cas-usage/plombier/ecrire-devis").exists()  # its only prompt is a draft
    assert not (site / "cas-usage/fleuriste").exists()  # a trade in review, and its cards
    assert not _page(site, "fiches/relance-facture").select(".declic-draft")


def test_drafts_show_the_rest_under_a_brouillon_band(sites):
    site = sites["drafts"]
    band = _page(site, "fiches/descriptif-devis").select_one(".declic-draft")
    assert band is not None
    assert band.get_text(" ", strip=True).startswith("Brouillon · pas encore validé")
    assert "le prompt « Descriptif de devis » (brouillon)" in band.get_text(" ", strip=True).replace("\u00a0", " ")
    card = _page(site, "cas-usage/fleuriste/relancer-factures").select_one(".declic-draft")
    assert "le métier « Fleuriste » (en relecture)" in card.get_text(" ", strip=True).replace("\u00a0", " ")
    assert not _page(site, "cas-usage/plombier/relancer-factures").select(".declic-draft")


def test_the_default_guide_keeps_publishing_everything(mini):
    append(mini.parent / "usecases/prompts/descriptif-devis.yaml", "status: brouillon\n")
    run("build", "-f", str(mini))
    page = soup(mini.parent / "site/fiches/descriptif-devis/index.html")
    assert page.select_one(".declic-draft") is not None  # published, and says it is a draft


def test_a_retired_prompt_keeps_its_address_with_why_and_its_replacement(sites):
    for site in (sites["published"], sites["drafts"]):
        page = _page(site, "fiches/ancienne-relance")
        text = page.select_one("article").get_text(" ", strip=True).replace("\u00a0", " ")
        assert "Prompt retiré : Relance cordiale" in text
        assert "Pourquoi : Le ton était trop sec pour nos clients." in text
        link = page.find("a", string="Relance cordiale")
        assert link["href"] == "../relance-facture/"
        assert "declic-prompt" not in str(page.select_one("article"))  # no prompt to copy any more


def test_the_card_and_sheet_show_the_latest_test_and_stale_ones_ask_to_check_again(sites):
    site = sites["drafts"]
    expected = date.fromisoformat(RECENT)
    sheet = _page(site, "fiches/relance-facture").select_one(".declic-tested").get_text(" ", strip=True)
    assert sheet.startswith(f"Testé le {expected.day if expected.day > 1 else '1er'} ")
    assert sheet.endswith("avec Le Chat (Mistral Large)\u00a0: ok")
    card = _page(site, "cas-usage/plombier/relancer-factures").select_one(".declic-tested")
    assert card.get_text(" ", strip=True) == sheet
    stale = _page(site, "fiches/descriptif-devis").select_one(".declic-tested")
    assert "declic-tested--stale" in stale["class"]
    assert stale.get_text(" ", strip=True).endswith("· à revérifier")


def test_review_lists_per_owner_what_waits_and_what_is_overdue(sites):
    result = run("review", "-f", str(sites["config"]))
    text = result.output.replace("\u00a0", " ")
    assert text.splitlines()[0] == "Léa (3 points) :"
    assert "  - prompt « Descriptif de devis » (descriptif-devis) : brouillon à terminer" in text
    assert "  - métier « Fleuriste » (fleuriste) : à approuver" in text
    assert "essai à revérifier (dernier le" in text
    assert "Service compta (2 points) :" in text
    assert (
        "  - prompt « Relance cordiale » (relance-facture) : relecture en retard (tous les 6 mois), "
        "depuis le 15 juillet 2020" in text
    )
    # Retired: its owner checks that its address leads on to its replacement.
    assert (
        "  - prompt « Relance cordiale » (ancienne-relance) : retiré : vérifier que sa page renvoie bien vers "
        "« Relance cordiale » (relance-facture)\n" in text
    )


def test_review_as_csv_and_its_exit_codes(sites):
    result = run("review", "--csv", "-f", str(sites["config"]))
    assert result.stdout_bytes.startswith(codecs.BOM_UTF8)  # as cas-usage.csv: a BOM and `;`
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")), delimiter=";"))
    assert [(row["responsable"], row["identifiant"], row["statut"]) for row in rows] == [
        ("Léa", "fleuriste", "relecture"),
        ("Léa", "descriptif-devis", "brouillon"),
        ("Léa", "descriptif-devis", "brouillon"),
        ("Service compta", "ancienne-relance", "retiré"),
        ("Service compta", "relance-facture", "validé"),
    ]
    assert rows[4]["échéance"] == "2020-07-15"
    run("review", "--strict", "-f", str(sites["config"]), code=1)


def test_review_finds_nothing_in_the_mini_guide_and_strict_passes(mini):
    assert run("review", "--strict", "-f", str(mini)).output.startswith("Rien à relire")


def test_a_replacement_that_does_not_exist_is_reported_with_its_line(mini):
    append(
        mini.parent / "usecases/prompts/descriptif-devis.yaml",
        "status: retiré\nretired_because: Obsolète.\nreplaced_by: relance-factures\n",
    )
    result = run("check", "-f", str(mini), code=1)
    assert (
        "usecases/prompts/descriptif-devis.yaml:26: replaced_by: prompt « relance-factures » introuvable "
        "(vouliez-vous dire « relance-facture » ?)"
    ) in result.output


def test_a_retired_prompt_must_say_why(mini):
    append(mini.parent / "usecases/prompts/descriptif-devis.yaml", "status: retiré\n")
    result = run("check", "-f", str(mini), code=1)
    assert "descriptif-devis.yaml:24: status: prompt retiré sans raison (ajoutez retired_because" in result.output


def test_a_review_period_must_be_readable(mini):
    append(mini.parent / "usecases/irritants/ecrire-devis.yaml", "review_every: semestriel\n")
    result = run("check", "-f", str(mini), code=1)
    assert "review_every: durée « semestriel » illisible (un nombre puis jours" in result.output


def test_check_also_checks_the_drafts_a_validated_guide_does_not_publish(mini):
    append(mini, "    publish: validated\n")
    prompt = mini.parent / "usecases/prompts/descriptif-devis.yaml"
    prompt.write_text(
        prompt.read_text(encoding="utf-8").replace("irritants: [ecrire-devis]", "irritants: [ecrire-devi]")
        + "status: brouillon\n",
        encoding="utf-8",
    )
    result = run("check", "-f", str(mini), code=1)
    assert "descriptif-devis.yaml:2: irritants[0]: irritant « ecrire-devi » introuvable" in result.output
    run("build", "--drafts", "-f", str(mini), code=1)  # published with --drafts: it must be right


def test_an_unfinished_draft_does_not_stop_a_validated_guide_and_what_depends_on_it_follows(mini):
    """An imported draft with its to-do fields still empty: left out, and the trade that lists its
    irritant drops it, as with any unpublished irritant; `check` still names the empty fields."""
    append(mini, "    publish: validated\n")
    (mini.parent / "usecases/irritants/ecrire-devis.yaml").write_text(
        "status: brouillon\ntitle: Écrire le descriptif du devis\nquote:\ndescription:\n", encoding="utf-8"
    )
    result = run("build", "-f", str(mini))
    site = mini.parent / "site"
    assert not (site / "cas-usage/plombier/ecrire-devis").exists()
    assert not (site / "fiches/descriptif-devis").exists()  # its only irritant is unpublished
    assert (site / "cas-usage/plombier/relancer-factures/index.html").is_file()
    assert "pages générées" in result.output
    check = run("check", "-f", str(mini), code=1)
    assert "usecases/irritants/ecrire-devis.yaml:3: quote: valeur vide" in check.output
    run("build", "--drafts", "-f", str(mini), code=1)


def test_review_lists_an_unfinished_draft_with_its_number_of_problems(mini, tmp_path):
    source = tmp_path / "une.csv"
    source.write_text('Nom,Texte,Qui\nRelance express,"Relance [client]",Léa\n', encoding="utf-8")
    run("import", str(source), "--title", "Nom", "--text", "Texte", "--owner", "Qui", "-f", str(mini))
    text = run("review", "-f", str(mini)).output.replace("\u00a0", " ")
    assert text.splitlines() == [
        "Léa (1 point) :",
        "  - prompt « Relance express » (relance-express) : brouillon inachevé : 18 champs à compléter "
        "(declic check les nomme)",
    ]


def test_review_csv_keeps_formulas_as_text_as_cas_usage_csv_does():
    """Titles, owners and reasons are anyone's text: a spreadsheet must not run them."""
    hostile = ('=HYPERLINK("http://exemple.invalid";"clic")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3")
    items = [ReviewItem(hostile[0], "prompt", "un-prompt", hostile[1], "brouillon", hostile[2], None)]
    items.append(
        ReviewItem("Léa", "irritant", "un-irritant", hostile[3], "relecture", "à approuver", date(2020, 7, 15))
    )
    data = review_csv(items)
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1] == ["'" + hostile[0], "prompt", "un-prompt", "'" + hostile[1], "brouillon", "'" + hostile[2], ""]
    assert rows[2][3] == "'" + hostile[3] and rows[2][6] == "2020-07-15"
    rows = [(i.owner, i.kind, i.id, i.title, i.status, i.reason, i.due.isoformat() if i.due else "") for i in items]
    assert data == spreadsheet_csv(CSV_COLUMNS, rows)  # the very writer of cas-usage.csv


# Issue 24: what a validated guide publishes when drafts are around (imports, copies, references).

IMPORTS = TESTS / "fixtures" / "import"


def _status(path: Path, status: str) -> None:
    append(path, f"status: {status}\n")


def test_imported_drafts_do_not_stop_a_validated_guide(mini):
    """An import's drafts are unfinished prompts: with `publish: validated`, they are left out."""
    append(mini, "    publish: validated\n")
    run("import", str(IMPORTS / "liste-publique.csv"), "-f", str(mini))
    result = run("generate", "-f", str(mini))
    assert "Traceback" not in result.output
    assert (mini.parent / "build/docs/fiches/relance-facture.md").is_file()
    assert not (mini.parent / "build/docs/fiches/relance-de-facture.md").exists()


@pytest.mark.parametrize(
    ("draft", "referrer", "expected"),
    [
        # kind of the draft, the published file that names it, the notice printed
        (
            "usecases/irritants/ecrire-devis.yaml",
            "usecases/trades/plombier.yaml",
            "usecases/trades/plombier.yaml:8: irritants[1]: renvoi vers l'irritant « ecrire-devis »",
        ),
        (
            "usecases/trades/fleuriste.yaml",
            "usecases/prompts/relance-facture.yaml",
            "excluded_trades[0]: renvoi vers le métier « fleuriste »",
        ),
        (
            "usecases/prompts/descriptif-devis.yaml",
            "usecases/trades/plombier.yaml",
            "excluded_prompts[0]: renvoi vers le prompt « descriptif-devis »",
        ),
        (
            "usecases/prompts/descriptif-devis.yaml",
            "personas/people/paul-plombier.yaml",
            "starts_with[1]: parcours sans le cas d'usage « plombier/ecrire-devis »",
        ),
    ],
)
def test_a_reference_to_an_unpublished_draft_is_dropped_with_a_notice(mini, draft, referrer, expected):
    guide = mini.parent
    append(mini, "    publish: validated\n")
    referring = guide / referrer
    text = referring.read_text(encoding="utf-8")
    if referrer.endswith("relance-facture.yaml"):
        text += "excluded_trades: [fleuriste]\n"
    elif draft.endswith("descriptif-devis.yaml") and referrer.endswith("trades/plombier.yaml"):
        text += "excluded_prompts: [descriptif-devis]\n"
    elif referrer.endswith("paul-plombier.yaml"):
        text = text.replace("starts_with: [relancer-factures]", "starts_with: [relancer-factures, ecrire-devis]")
    referring.write_text(text, encoding="utf-8")
    _status(guide / draft, "brouillon")
    for command in ("generate", "check"):
        output = run(command, "-f", str(mini)).output.replace("\u00a0", " ")
        assert "introuvable" not in output
        assert "Renvois vers des fiches non publiées, retirés de la publication (" in output
        assert expected in output
    run("generate", "--drafts", "-f", str(mini))  # with its drafts, everything is published


def test_a_draft_copy_of_a_validated_entity_keeps_the_validated_one_published(mini, tmp_path):
    """An organisation's draft copy of an inherited entity: the inherited, validated version stays
    published (a QR code printed on it never leads to a 404) until the copy is validated."""
    from declic.catalog.load import read_layer_stacks
    from declic.catalog.publish import choose
    from declic.catalog.schema.settings import Settings

    own = tmp_path / "own"
    for kind in ("usecases/prompts", "usecases/irritants", "usecases/trades"):
        (own / kind).mkdir(parents=True)
    for name in ("prompts/relance-facture", "irritants/ecrire-devis", "trades/plombier"):
        source = mini.parent / "usecases" / f"{name}.yaml"
        (own / "usecases" / f"{name}.yaml").write_text(
            source.read_text(encoding="utf-8") + "status: brouillon\n", encoding="utf-8"
        )
    stacks, _ = read_layer_stacks((mini.parent, own), tmp_path)
    validated = Settings.model_validate({"publish": "validated"})
    documents, withheld = choose(stacks, validated, drafts=False)
    chosen = {(document.kind.name, document.id): document.file for document in documents}
    assert withheld == ()
    assert chosen[("prompts", "relance-facture")] == "mini/usecases/prompts/relance-facture.yaml"
    assert chosen[("trades", "plombier")] == "mini/usecases/trades/plombier.yaml"
    drafts, _ = choose(stacks, validated, drafts=True)
    assert {d.file for d in drafts if d.id == "plombier"} == {"own/usecases/trades/plombier.yaml"}


@pytest.mark.parametrize(
    ("file", "address", "heading"),
    [
        ("usecases/trades/fleuriste.yaml", "cas-usage/fleuriste.md", "# Métier retiré : Fleuriste"),
        (
            "usecases/irritants/ecrire-devis.yaml",
            "irritants/ecrire-devis.md",
            "# Irritant retiré : Écrire le descriptif",
        ),
    ],
)
def test_a_retired_trade_or_irritant_leaves_the_catalog_and_its_addresses_say_why(mini, file, address, heading):
    guide = mini.parent
    append(guide / file, "status: retiré\nretired_because: Plus proposé dans nos ateliers.\n")
    run("generate", "-f", str(mini))
    docs = guide / "build/docs"
    page = (
        (docs / address).read_text(encoding="utf-8")
        if address.endswith("irritants/ecrire-devis.md")
        else (docs / "cas-usage/fleuriste/index.md").read_text(encoding="utf-8")
    )
    assert heading in page
    assert "Plus proposé dans nos ateliers." in page
    card = "cas-usage/fleuriste/relancer-factures.md" if "fleuriste" in file else "cas-usage/plombier/ecrire-devis.md"
    assert "Retiré" in (docs / card).read_text(encoding="utf-8")  # its cards' addresses too
    catalog = (docs / "catalogue.json").read_text(encoding="utf-8")
    entity = file.rsplit("/", 1)[1].removesuffix(".yaml")
    assert f'"{entity}": {{' not in catalog
    listed = run("review", "--strict", "-f", str(mini)).output  # a reminder, nothing to do: --strict passes
    assert f"({entity}) : retiré : vérifier que sa page dit bien pourquoi, sans renvoi vers une autre fiche" in listed


def test_a_retired_trade_must_say_why(mini):
    append(mini.parent / "usecases/trades/fleuriste.yaml", "status: retiré\n")
    result = run("check", "-f", str(mini), code=1)
    assert "fleuriste.yaml:9: status: métier retiré sans raison (ajoutez retired_because" in result.output


def test_an_owner_holding_a_terminal_escape_is_refused_with_its_line_and_never_printed_raw(mini):
    append(mini.parent / "usecases/trades/fleuriste.yaml", 'owner: "\\e]0;piégé\\a\\e[31mLéa\\u202e"\n')
    for command in ("review", "check"):
        result = run(command, "-f", str(mini), code=1)
        assert "fleuriste.yaml:9: owner: caractère invisible interdit (U+001B)" in result.output
        assert not {"\x1b", "\x07", "\u202e"} & set(result.output)


def test_review_text_goes_to_the_terminal_with_every_control_character_made_visible(mini, monkeypatch):
    """What the catalog would let through (a path, a future field) still reaches no terminal raw."""
    item = ReviewItem("\x1b]0;titre\x07Léa\x9b", "prompt", "p", "Titre\u202e\u2066", "brouillon", "à faire", None)
    monkeypatch.setattr("declic.cli.review", lambda project, today: [item])
    output = run("review", "-f", str(mini)).output
    assert output.splitlines()[0] == "\\u001b]0;titre\\u0007Léa\\u009b (1 point)\u00a0:"
    assert "« Titre\\u202e\\u2066 »" in output
    assert not any((ord(character) < 32 and character != "\n") or 0x7F <= ord(character) < 0xA0 for character in output)


def test_the_draft_band_shows_an_ampersand_once_escaped(mini):
    """« Coiffure &#38; barbier » was shown literally: the title was escaped, then the band again."""
    guide = mini.parent
    trade = guide / "usecases/trades/fleuriste.yaml"
    trade.write_text(
        trade.read_text(encoding="utf-8").replace("name: Fleuriste", "name: Coiffure & barbier")
        + "status: relecture\n",
        encoding="utf-8",
    )
    prompt = guide / "usecases/prompts/relance-facture.yaml"
    append(prompt, "status: brouillon\n")
    run("build", "--drafts", "-f", str(mini))
    band = soup(guide / "site/cas-usage/fleuriste/relancer-factures/index.html").select_one(".declic-draft")
    text = band.get_text(" ", strip=True).replace("\u00a0", " ")
    assert "le métier « Coiffure & barbier » (en relecture)" in text
    assert "&#" not in text and "&amp;" not in text


@pytest.mark.parametrize(
    ("replacement_status", "expected", "code"),
    [
        ("", "retiré : vérifier que sa page renvoie bien vers « Fleuriste » (fleuriste)\n", 0),
        (
            "status: brouillon\n",
            "retiré : vérifier que sa page renvoie bien vers « Fleuriste » (fleuriste), "
            "qui n'est pas validé (brouillon)\n",
            1,
        ),
    ],
)
def test_review_lists_a_retired_trade_with_its_replacement_to_check(mini, replacement_status, expected, code):
    trades = mini.parent / "usecases/trades"
    append(trades / "fleuriste.yaml", replacement_status)
    append(
        trades / "plombier.yaml",
        "status: retiré\nowner: Léa\nretired_because: Fusionné.\nreplaced_by: fleuriste\n",
    )
    output = run("review", "--strict", "-f", str(mini), code=code).output.replace("\u00a0", " ")
    assert f"  - métier « Plombier » (plombier) : {expected}" in output


def test_review_lists_a_legal_statement_past_its_check_date(mini):
    """A statement of usecases/laws/ checked longer ago than its period is due for a new check on its
    official link; one checked recently is not listed."""
    laws = mini.parent / "usecases/laws"
    laws.mkdir(exist_ok=True)  # the tiny guide has one statement of its own, never due
    entry = """statement: Le RGPD interdit en principe qu'une décision qui touche une personne repose uniquement sur un
  traitement automatique.
text: Règlement (UE) 2016/679 (RGPD)
article: article 22
applies_from: 2018-05-25
link: https://eur-lex.europa.eu/eli/reg/2016/679/oj
review_every: 1 an
"""
    (laws / "rgpd-article-22.yaml").write_text(entry + "checked_on: 2020-03-12\nowner: Service juridique\n", "utf-8")
    (laws / "rgpd-article-9.yaml").write_text(entry + f"checked_on: {RECENT}\n", encoding="utf-8")
    text = run("review", "-f", str(mini)).output.replace("\u00a0", " ")
    assert text.splitlines() == [
        "Service juridique (1 point) :",
        "  - affirmation juridique « Le RGPD interdit en principe qu'une décision qui touche une personne… » "
        "(rgpd-article-22) : à revérifier sur le texte officiel (Règlement (UE) 2016/679 (RGPD), article 22 ; "
        "https://eur-lex.europa.eu/eli/reg/2016/679/oj), tous les 1 an, depuis le 12 mars 2021",
    ]
    run("review", "--strict", "-f", str(mini), code=1)
