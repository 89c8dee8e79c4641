"""French spacing: no plain space before « : ; ! ? » » or after « « » in what a reader sees on any page
of the default site, while code, prompts, addresses and attributes stay as written."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import Comment

from conftest import soup
from declic.pages.typography import NBSP, NNBSP, french_spacing, french_spacing_html

PLAIN_SPACE = re.compile(r"(?<=\S) [:;!?»]|« ")
# Not read as prose: code and prompts (copied as written), scripts, and the tab title, which the
# theme prints with every space folded into a plain one.
NOT_PROSE = {"script", "style", "code", "pre", "kbd", "samp", "textarea", "template", "title"}


def _plain_spaces(page: Path) -> list[str]:
    found = []
    for text in soup(page).find_all(string=True):
        if isinstance(text, Comment) or any(parent.name in NOT_PROSE for parent in text.parents):
            continue
        found += [f"{text.strip()[:80]!r}" for _ in PLAIN_SPACE.findall(str(text))]
    return found


def test_no_plain_space_before_french_punctuation_on_any_page(default_site: Path):
    pages = sorted(default_site.rglob("*.html"))
    found = {page.relative_to(default_site).as_posix(): spaces for page in pages if (spaces := _plain_spaces(page))}
    assert sum(len(spaces) for spaces in found.values()) == 0, found
    assert len(pages) > 300


def test_text_gets_french_spaces_where_a_plain_space_was():
    assert french_spacing("Pourquoi ? Parce que : « oui » ; enfin !") == (
        f"Pourquoi{NNBSP}? Parce que{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}; enfin{NNBSP}!"
    )
    assert french_spacing("10 125 entreprises, 1 000 000 €, en 2024 2025") == (
        f"10{NNBSP}125 entreprises, 1{NNBSP}000{NNBSP}000{NBSP}€, en 2024 2025"
    )
    assert (
        french_spacing("https://exemple.fr/?q=1 et 10:30, Attention!") == "https://exemple.fr/?q=1 et 10:30, Attention!"
    )


def test_html_keeps_code_prompts_and_attributes_as_written():
    html = (
        '<p title="Pourquoi ?"><a href="/a?b=1">Lien</a> : voir <strong>ceci</strong> !</p>'
        '<div class="declic-prompt"><pre><code>Rédige : « une relance » ?</code></pre></div>'
        "<p>Le <code>x ?</code> reste ; le reste change ? <code>declic build</code> ; 30 min</p>"
    )
    assert french_spacing_html(html) == (
        f'<p title="Pourquoi ?"><a href="/a?b=1">Lien</a>{NBSP}: voir <strong>ceci</strong>{NNBSP}!</p>'
        '<div class="declic-prompt"><pre><code>Rédige : « une relance » ?</code></pre></div>'
        f"<p>Le <code>x ?</code> reste{NNBSP}; le reste change{NNBSP}? <code>declic build</code>{NNBSP}; 30{NBSP}min</p>"
    )
