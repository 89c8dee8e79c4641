"""Former ids → small HTML pages at the old addresses that send the reader to the new ones.

A renamed trade, irritant, prompt, persona or role lists its old ids in `former_ids`; links and
QR codes printed with the old address keep working. Pure: returns the files, writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from declic import urls
from declic.catalog.model import Catalog
from declic.pages import Page


def redirect_files(catalog: Catalog, pages: tuple[Page, ...], site_url: str = "") -> dict[str, bytes]:
    """Docs path of each old address (`…/index.html`) → the page that redirects from it."""
    titles = {page.path: page.title for page in pages}
    files = {}
    for old, new in _moves(catalog):
        if old in titles or new not in titles:  # a current page wins; a vanished one has nowhere to go
            continue
        old_url, new_url = urls.address(old), urls.address(new)
        files[f"{old_url}index.html"] = _page(urls.relative_address(new_url, old_url), titles[new], site_url, new)
    return files


def _moves(catalog: Catalog) -> Iterator[tuple[str, str]]:
    for trade_id, trade in catalog.trades.items():
        for old in trade.former_ids:
            yield urls.trade(old), urls.trade(trade_id)
    for card in catalog.cards:
        trades = (card.trade_id, *card.trade.former_ids)
        irritants = (card.irritant_id, *card.irritant.former_ids)
        for trade_id in trades:
            for irritant_id in irritants:
                yield urls.card(trade_id, irritant_id), urls.card(card.trade_id, card.irritant_id)
    for irritant_id, irritant in catalog.irritants.items():
        for old in irritant.former_ids:
            yield urls.irritant(old), urls.irritant(irritant_id)
    for prompt_id, prompt in catalog.prompts.items():
        for old in prompt.former_ids:
            yield urls.sheet(old), urls.sheet(prompt_id)
    for learners in (catalog.roles, catalog.personas):
        for learner_id, learner in learners.items():
            for old in learner.former_ids:
                yield urls.path(old), urls.path(learner_id)


def _page(target: str, title: str, site_url: str, new_path: str) -> bytes:
    canonical = urls.absolute(site_url, new_path) or target
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Cette page a changé d'adresse</title>
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<link rel="canonical" href="{escape(canonical)}">
<meta http-equiv="refresh" content="0; url={escape(target)}">
</head>
<body>
<p>Cette page a changé d'adresse : <a href="{escape(target)}">{escape(title)}</a>.</p>
</body>
</html>
""".encode()
