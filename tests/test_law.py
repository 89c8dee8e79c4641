"""The « Ce que dit la loi » box of the charter: each statement names its text and article, links to an
official publication and says when it was last checked; nothing of the November 2026 state is left."""

from __future__ import annotations

from pathlib import Path

from conftest import soup

OFFICIAL = ("eur-lex.europa.eu", "legifrance.gouv.fr", "cnil.fr", "service-public.fr")
CHECKED = "vérifié le 6 décembre 2026"


def _box(site: Path):
    article = soup(site / "charte" / "index.html").select_one("article")
    return next(box for box in article.select(".admonition.info") if "Ce que dit la loi" in box.get_text())


def test_each_legal_statement_names_its_text_and_when_it_was_checked(default_site: Path):
    box = _box(default_site)
    text = " ".join(box.get_text(" ").split())
    assert "29 novembre 2026" not in text and "propositions de report" not in text
    assert "2026/1744" in text and "2 décembre 2027" in text
    statements = box.select("li")
    assert len(statements) == 5
    for statement in [box.select_one("p:not(.admonition-title)"), *statements]:
        words = " ".join(statement.get_text(" ").split())
        assert CHECKED in words, words[:60]
        assert "article" in words or "Article" in words, words[:60]
        if "Financer" not in words:  # the labour code's article: no official address checked yet
            assert any(site in a["href"] for a in statement.select("a[href]") for site in OFFICIAL), words[:60]
