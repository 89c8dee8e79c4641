"""The « Vos données restent chez vous » box of every card and sheet lists everything its prompt and its
trade say never to paste, whether or not the prompt needs personal data."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, soup
from declic.build import load_and_link
from declic.site.project import load_project


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _boxes(page: Path) -> str:
    article = soup(page).select_one("article.md-content__inner")
    return " ".join(
        _plain(box.get_text(" "))
        for box in article.select(".admonition.danger")
        if "Vos données restent chez vous" in box.get_text()
    )


def test_every_card_and_sheet_lists_what_never_to_paste(default_site: Path):
    catalog = load_and_link(load_project(ROOT / "mkdocs.yml"))
    wanted: dict[Path, list[str]] = {}
    for card in catalog.cards:
        page = default_site / "cas-usage" / card.trade_id / card.irritant_id / "index.html"
        items = list(card.trade.never_paste)
        for prompt_id in card.prompt_ids:
            items += catalog.prompts[prompt_id].never_paste
        wanted[page] = items
    for prompt_id, prompt in catalog.prompts.items():
        wanted[default_site / "fiches" / prompt_id / "index.html"] = list(prompt.never_paste)
    missing = [
        f"{page.relative_to(default_site)}: {item}"
        for page, items in wanted.items()
        for item in items
        if _plain(item) not in _boxes(page)
    ]
    assert missing == []
    # The prompts that need no personal data still say what to keep out (a salary, a client's photo).
    assert sum(1 for prompt in catalog.prompts.values() if prompt.never_paste and not prompt.personal_data) >= 3
    assert len(wanted) > 200
