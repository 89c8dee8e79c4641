"""Grammalecte reads what every page of the default site says and finds no grammar or typography
error, except the reviewed false positives of tests/grammalecte-allowed.txt."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, soup
from french_checker import python_with_grammalecte

CHECKER = ROOT / "tests" / "grammalecte_check.py"
ALLOWED = ROOT / "tests" / "grammalecte-allowed.txt"
BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, summary, figcaption, blockquote"
# Not prose: code and the prompts a reader copies (an instruction to an assistant, blanks included).
INLINE_CODE = ":not(pre) > code, kbd"
NOT_PROSE = "pre, code, script, style, kbd, samp, textarea, .headerlink, .declic-prompt"


def paragraphs(page: Path) -> list[str]:
    """The text of each paragraph, list item, heading or cell of the page's article, one string each."""
    article = soup(page).select_one("article")
    if article is None:
        return []
    article = BeautifulSoup(str(article), "lxml")  # a copy: the cached page stays whole
    for element in article.select(INLINE_CODE):
        element.replace_with("CODE")  # a file name or a command, read as one proper noun
    for element in article.select(NOT_PROSE):
        element.decompose()
    found = []
    for block in article.select(BLOCKS):
        if block.select_one(BLOCKS):
            continue  # its inner blocks are read one by one
        # Elements side by side (a duration, then a quote) are words apart; no-break spaces stay.
        text = re.sub(r"[ \t\r\n]+", " ", block.get_text(" "))
        text = re.sub(r" ?([\u00a0\u202f]) ?", r"\1", text)
        text = re.sub(r" ([,.)])|([(]) ", r"\1\2", text)
        # « · » separates facts in a row (a category, a trade, a duration): each is read alone.
        found += [part.strip() for part in text.split(" · ") if any(char.isalpha() for char in part)]
    return found


def _spaces(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def allowed() -> set[tuple[str, str]]:
    """(rule id, flagged words) of each reviewed line « rule id | flagged words | why it is right »."""
    pairs = set()
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rule, words, reason = (part.strip() for part in line.split(" | "))
            assert reason, f"{line}: say why it is a false positive"
            pairs.add((rule, _spaces(words)))
    return pairs


def grammalecte(texts: list[str]) -> list[dict]:
    result = subprocess.run(
        [python_with_grammalecte(), str(CHECKER)],
        input=json.dumps(texts, ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_grammalecte_finds_nothing_on_any_page(default_site: Path):
    first_page: dict[str, str] = {}
    for page in sorted(default_site.rglob("*.html")):
        if page.name == "404.html":
            continue  # the theme's, in English
        for text in paragraphs(page):
            first_page.setdefault(text, page.relative_to(default_site).as_posix())
    texts = list(first_page)  # each paragraph once: cards repeat their prompt's and irritant's text
    assert len(texts) > 2000
    reviewed = allowed()
    errors = [
        f"{first_page[texts[error['paragraph']]]}: {error['rule']} | {error['text']} | {error['message']} "
        f"(« {error['context']} »)"
        for error in grammalecte(texts)
        if (error["rule"], _spaces(error["text"])) not in reviewed and (error["rule"], "*") not in reviewed
    ]
    assert errors == []


def test_grammalecte_sees_a_real_error():
    errors = grammalecte(["Il reproduit le geste avec une prompt fourni."])
    assert {error["text"] for error in errors} >= {"une"}
