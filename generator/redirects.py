"""Former ids → small HTML pages at the old addresses that send the reader to the new ones.

A renamed trade, irritant, prompt, persona or role lists its old ids in `former_ids`; links and
QR codes printed with the old address keep working. Pure: returns the files, writes nothing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from html import escape

from .catalog import Catalog
from .export import page_url
from .plan import Page, card_path, irritant_path, path_path, sheet_path, trade_path


def redirect_files(catalog: Catalog, pages: tuple[Page, ...], site_url: str = "") -> dict[str, bytes]:
    """Docs path of each old address (`…/index.html`) → the page that redirects from it."""
    titles = {page.path: page.title for page in pages}
    files = {}
    for old, new in _moves(catalog):
        if old in titles or new not in titles:  # a current page wins; a vanished one has nowhere to go
            continue
        old_url, new_url = page_url(old), page_url(new)
        files[f"{old_url}index.html"] = _page(_relative(new_url, old_url), titles[new], site_url, new_url)
    return files


def _moves(catalog: Catalog) -> Iterator[tuple[str, str]]:
    for trade_id, trade in catalog.trades.items():
        for old in trade.former_ids:
            yield trade_path(old), trade_path(trade_id)
    for card in catalog.cards:
        trades = (card.trade_id, *card.trade.former_ids)
        irritants = (card.irritant_id, *card.irritant.former_ids)
        for trade_id in trades:
            for irritant_id in irritants:
                yield card_path(trade_id, irritant_id), card_path(card.trade_id, card.irritant_id)
    for irritant_id, irritant in catalog.irritants.items():
        for old in irritant.former_ids:
            yield irritant_path(old), irritant_path(irritant_id)
    for prompt_id, prompt in catalog.prompts.items():
        for old in prompt.former_ids:
            yield sheet_path(old), sheet_path(prompt_id)
    for learners in (catalog.roles, catalog.personas):
        for learner_id, learner in learners.items():
            for old in learner.former_ids:
                yield path_path(old), path_path(learner_id)


def _relative(target_url: str, from_url: str) -> str:
    return posixpath.relpath(target_url or ".", from_url or ".") + "/"


def _page(target: str, title: str, site_url: str, new_url: str) -> bytes:
    canonical = site_url.rstrip("/") + "/" + new_url if site_url else target
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
