"""The law as data: each legal statement is a file of usecases/laws/ (its text, article, amending text,
date, official link and last check). The « Ce que dit la loi » box of the charter prints them through
the `law("id")` macro, and the cards and sheets of the irritants and prompts that name them (`laws`)
print the same line in a box of their own; nothing of the November 2026 state is left."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, soup
from declic.build import load_and_link
from declic.catalog.review_dates import french_date
from declic.catalog.schema import Law
from declic.errors import CatalogError
from declic.pages.law import law_text
from declic.pages.macros import PageMacros, fill_macros
from declic.site.project import load_project

OFFICIAL = ("eur-lex.europa.eu", "legifrance.gouv.fr", "cnil.fr", "service-public.fr", "economie.gouv.fr")
CHECKED = "vérifié le 6 décembre 2026"
LAWS = ROOT / "usecases" / "laws"


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _laws() -> dict[str, Law]:
    return {path.stem: Law(**yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(LAWS.glob("*.yaml"))}


def _citation_start(law: Law) -> str:
    """What follows the statement: its text and article, then the amending text when there is one."""
    start = f" {_words(law.text)}, {_words(law.article)}"
    if law.amended_by:
        start += f", modifié par {_words(law.amended_by.name)}"
    return start


def _box(site: Path):
    article = soup(site / "charte" / "index.html").select_one("article")
    return next(box for box in article.select(".admonition.info") if "Ce que dit la loi" in box.get_text())


def test_each_legal_statement_names_its_text_and_when_it_was_checked(default_site: Path):
    box = _box(default_site)
    text = _words(box.get_text(" "))
    assert "29 novembre 2026" not in text and "propositions de report" not in text
    assert "2026/1744" in text and "2 décembre 2027" in text
    statements = box.select("li")
    assert len(statements) == 5
    for statement in [box.select_one("p:not(.admonition-title)"), *statements]:
        words = _words(statement.get_text(" "))
        assert CHECKED in words, words[:60]
        assert "article" in words or "Article" in words, words[:60]
        assert any(site in a["href"] for a in statement.select("a[href]") for site in OFFICIAL), words[:60]


def test_the_box_is_printed_from_the_law_entries(default_site: Path):
    """Each statement of the box is an entry's sentence followed by that entry's citation and link: the
    page's source only names the entries, it holds no citation of its own."""
    source = (ROOT / "content" / "charte.md").read_text(encoding="utf-8")
    assert source.startswith("---\nrender_macros: true\n---\n")
    assert "eur-lex.europa.eu" not in source and "vérifié le" not in source
    box, page = _box(default_site), soup(default_site / "charte" / "index.html").select_one("article")
    in_box = ("ia-report-haut-risque", "ia-article-4-maitrise", "ia-article-50-transparence")
    in_box += ("ia-recrutement-haut-risque", "rgpd-decision-automatisee", "rgpd-categories-particulieres")
    in_box += ("recrutement-information-candidats", "qualiopi-certification")
    laws = _laws()
    assert set(in_box) < set(laws)
    for law_id, law in laws.items():
        if f'law("{law_id}")' not in source:
            continue  # a statement of cards and sheets only
        where = box if law_id in in_box else page
        holder = next(
            element
            for element in where.select("p, li")
            if _words(law.statement) in _words(element.get_text(" ")) and not element.select("li")
        )
        words = _words(holder.get_text(" "))
        citation = words[words.index(_words(law.statement)) + len(_words(law.statement)) :]
        assert citation.startswith(f"{_citation_start(law)}"), (law_id, citation)
        assert " ; s'applique " in citation, (law_id, citation)
        assert (
            f"{french_date(law.applies_from)} ;" in citation
            and f"vérifié le {french_date(law.checked_on)}." in citation
        )
        assert str(law.link) in [a["href"] for a in holder.select("a[href]")], law_id


def test_every_law_entry_links_to_an_official_publisher():
    for law_id, law in _laws().items():
        assert any(site in str(law.link) for site in OFFICIAL), law_id


def _law(**changes) -> Law:
    fields = {
        "statement": "Une règle <b>en gras</b> et *étoilée*.",
        "text": "Règlement (UE) 2016/679 (RGPD)",
        "article": "article 22",
        "applies_from": "2018-05-25",
        "link": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        "checked_on": "2026-01-15",
        "review_every": "1 an",
    }
    return Law(**{**fields, **changes})


def test_a_statement_is_printed_as_text_with_its_citation():
    text = law_text(_law(), date(2026, 12, 6))
    assert text == (
        "Une règle &#60;b&#62;en gras&#60;/b&#62; et &#42;étoilée&#42;. *Règlement &#40;UE&#41; 2016/679 &#40;RGPD&#41;, "
        "article 22 ; s'applique depuis le 25 mai 2018 ; [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2016/679/oj) ; "
        "vérifié le 15 janvier 2026.*"
    )
    later = law_text(_law(applies_from="2027-12-02", link="https://www.legifrance.gouv.fr/x"), date(2026, 12, 6))
    assert "s'applique à partir du 2 décembre 2027 ; [Légifrance](https://www.legifrance.gouv.fr/x)" in later


def test_an_unknown_statement_is_a_problem_of_the_page_with_its_line(tmp_path: Path):
    page = tmp_path / "charte.md"
    page.write_text(
        '---\nrender_macros: true\n---\n# Charte\n\nTexte.\n{{ law("rgpd-article-99") }}\n', encoding="utf-8"
    )
    data = {"entities": {}, "pages": [], "counts": {}, "schema_version": 1}
    with pytest.raises(CatalogError) as error:
        fill_macros({"charte.md": page}, data, tmp_path, {"rgpd": _law()})
    (issue,) = error.value.issues
    assert (issue.file, issue.line) == ("charte.md", 7)
    assert "affirmation juridique « rgpd-article-99 » introuvable" in issue.message
    rendered = PageMacros(data, {"rgpd": _law()}).render("charte.md", '{{ law("rgpd") }}')
    assert rendered.endswith("vérifié le 15 janvier 2026.*")


def test_a_misspelt_or_non_text_statement_id_gets_a_french_message(tmp_path: Path):
    data = {"entities": {}, "pages": [], "counts": {}, "schema_version": 1}
    for call, expected in (
        ('{{ law("rgdp") }}', "vouliez-vous dire « rgpd » ?"),
        ("{{ law(['rgpd']) }}", "affirmation juridique « ['rgpd'] » introuvable"),
    ):
        page = tmp_path / "charte.md"
        page.write_text(f"---\nrender_macros: true\n---\n{call}\n", encoding="utf-8")
        with pytest.raises(CatalogError) as error:
            fill_macros({"charte.md": page}, data, tmp_path, {"rgpd": _law()})
        (issue,) = error.value.issues
        assert expected in issue.message


def test_a_statement_cites_the_text_that_amended_it_with_its_own_link():
    amended = _law(
        amended_by={
            "name": "le règlement (UE) 2026/1744 du 8 juillet 2026",
            "article": "article 1er, point 40 b)",
            "link": "https://eur-lex.europa.eu/eli/reg/2026/1744/oj",
        }
    )
    assert law_text(amended, date(2026, 12, 6)).endswith(
        "*Règlement &#40;UE&#41; 2016/679 &#40;RGPD&#41;, article 22, modifié par le règlement &#40;UE&#41; 2026/1744 du "
        "8 juillet 2026, article 1er, point 40 b&#41; ([EUR-Lex](https://eur-lex.europa.eu/eli/reg/2026/1744/oj)) ; "
        "s'applique depuis le 25 mai 2018 ; [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2016/679/oj) ; "
        "vérifié le 15 janvier 2026.*"
    )
    without_article = _law(amended_by={"name": "la loi n° 1", "link": "https://www.legifrance.gouv.fr/x"})
    assert ", modifié par la loi n° 1 ([Légifrance](https://www.legifrance.gouv.fr/x)) ;" in law_text(
        without_article, date(2026, 12, 6)
    )


def _named_by_pages() -> set[str]:
    pages = (ROOT / "content").rglob("*.md")
    return {law_id for page in pages for law_id in _laws() if f'law("{law_id}")' in page.read_text(encoding="utf-8")}


@pytest.fixture(scope="module")
def default_linked():
    return load_and_link(load_project(ROOT / "mkdocs.yml"))


def test_every_law_entry_is_shown_somewhere(default_linked):
    """A statement no page, card or sheet prints is never read, and never checked again either."""
    named = _named_by_pages()
    named |= {
        law_id for kind in ("irritants", "prompts") for e in getattr(default_linked, kind).values() for law_id in e.laws
    }
    assert set(_laws()) == named


def test_every_card_and_sheet_that_names_a_statement_shows_it_with_its_official_link(
    default_site: Path, default_catalog: dict, default_linked
):
    """The box of a card holds its irritant's statements and its prompts', each once; a sheet's holds
    its prompt's. Each is the entry's sentence, then its citation with an official link and its check."""
    catalog = default_linked
    pages = {(page["kind"], page["id"]): page for page in default_catalog["pages"]}
    expected: dict[tuple[str, str], tuple[str, ...]] = {}
    for card in catalog.cards:
        prompts = (catalog.prompts[prompt_id] for prompt_id in card.prompt_ids)
        if law_ids := tuple(dict.fromkeys((*card.irritant.laws, *(law for p in prompts for law in p.laws)))):
            expected[("card", card.id)] = law_ids
    expected |= {("sheet", prompt_id): prompt.laws for prompt_id, prompt in catalog.prompts.items() if prompt.laws}
    assert len(expected) > 40
    for key, law_ids in expected.items():
        article = soup(default_site / pages[key]["url"] / "index.html").select_one("article")
        (box,) = [box for box in article.select(".admonition.info") if "Ce que dit la loi" in box.get_text()]
        statements = box.select("p:not(.admonition-title)")
        assert len(statements) == len(law_ids), key
        for law_id, statement in zip(law_ids, statements, strict=True):
            law, words = catalog.laws[law_id], _words(statement.get_text(" "))
            assert words.startswith(_words(law.statement) + _citation_start(law)), (key, law_id, words[:80])
            assert f"vérifié le {french_date(law.checked_on)}." in words, (key, law_id)
            links = [a["href"] for a in statement.select("a[href]")]
            assert str(law.link) in links and all(any(site in link for site in OFFICIAL) for link in links), key


def test_the_cards_and_sheets_no_longer_state_the_rules_their_box_holds():
    """The legal claims the statements carry are gone from the free text of the irritants and sheets
    that name them (the prompt itself may still hand a rule to the assistant, as its input)."""
    claims = {
        "passer-a-la-facture-electronique": ("1er septembre 2026", "1er septembre 2027"),
        "mettre-a-jour-duerp": ("onze salariés", "dès le premier salarié"),
        "informer-sur-les-allergenes": ("déclaration obligatoire",),
        "trier-candidatures": ("RGPD",),
    }
    for irritant_id, phrases in claims.items():
        data = yaml.safe_load((ROOT / "usecases" / "irritants" / f"{irritant_id}.yaml").read_text(encoding="utf-8"))
        for phrase in phrases:
            assert phrase not in data["description"].replace("\u00a0", " "), (irritant_id, phrase)
    sheet = yaml.safe_load((ROOT / "usecases" / "prompts" / "preparer-facture-electronique.yaml").read_text("utf-8"))
    assert "2027" not in str(sheet["sheet"]) and "L441-10" not in (ROOT / "usecases" / "prompts").joinpath(
        "relance-facture-ferme.yaml"
    ).read_text(encoding="utf-8")
