"""The law as data: each legal statement is a file of usecases/laws/ (its text, article, date, official
link and last check), and the « Ce que dit la loi » box of the charter prints them through the
`law("id")` macro; nothing of the November 2026 state is left."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, soup
from declic.catalog.review_dates import french_date
from declic.catalog.schema import Law
from declic.errors import CatalogError
from declic.pages.macros import PageMacros, fill_macros, law_text

OFFICIAL = ("eur-lex.europa.eu", "legifrance.gouv.fr", "cnil.fr", "service-public.fr", "economie.gouv.fr")
CHECKED = "vérifié le 6 décembre 2026"
LAWS = ROOT / "usecases" / "laws"


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _laws() -> dict[str, Law]:
    return {path.stem: Law(**yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(LAWS.glob("*.yaml"))}


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
        if "Financer" not in words:  # the labour code's article: no official address checked yet, not data
            assert any(site in a["href"] for a in statement.select("a[href]") for site in OFFICIAL), words[:60]


def test_the_box_is_printed_from_the_law_entries(default_site: Path):
    """Each statement of the box is an entry's sentence followed by that entry's citation and link: the
    page's source only names the entries, it holds no citation of its own but the unlinked one."""
    source = (ROOT / "content" / "charte.md").read_text(encoding="utf-8")
    assert source.startswith("---\nrender_macros: true\n---\n")
    assert "eur-lex.europa.eu" not in source and "vérifié le" in source  # only the Qualiopi line's own
    box, page = _box(default_site), soup(default_site / "charte" / "index.html").select_one("article")
    in_box = ("ia-report-haut-risque", "ia-article-4-maitrise", "ia-article-50-transparence")
    in_box += ("ia-recrutement-haut-risque", "rgpd-decision-automatisee", "rgpd-categories-particulieres")
    laws = _laws()
    assert set(in_box) < set(laws)
    for law_id, law in laws.items():
        assert f'law("{law_id}")' in source, law_id
        where = box if law_id in in_box else page
        holder = next(
            element
            for element in where.select("p, li")
            if _words(law.statement) in _words(element.get_text(" ")) and not element.select("li")
        )
        words = _words(holder.get_text(" "))
        citation = words[words.index(_words(law.statement)) + len(_words(law.statement)) :]
        assert citation.startswith(f" {_words(law.text)}, {_words(law.article)} ; s'applique"), (law_id, citation)
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
