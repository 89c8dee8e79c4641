"""A legal statement → one line of Markdown: the sentence, then where it is written (text, article,
the amending text if any, since or from when it applies, official link, last check). The `law("id")`
macro of hand-written pages and the « Ce que dit la loi » box of cards and sheets both print this
line, so a rule reads the same wherever it appears. Text only: which statements a page shows is the
page's business.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from declic.catalog.review_dates import french_date
from declic.catalog.schema import Law
from declic.pages.escape import escape_text

# The name a link to an official publisher shows; another site shows its own address.
OFFICIAL_SITES = {
    "eur-lex.europa.eu": "EUR-Lex",
    "www.legifrance.gouv.fr": "Légifrance",
    "www.cnil.fr": "CNIL",
    "www.service-public.fr": "Service-public.fr",
    "entreprendre.service-public.fr": "Service-public.fr",
    "www.economie.gouv.fr": "economie.gouv.fr",
    "www.impots.gouv.fr": "impots.gouv.fr",
}


def _site_link(url: object) -> str:
    link = str(url)
    host = urlsplit(link).hostname or ""
    return f"[{escape_text(OFFICIAL_SITES.get(host, host.removeprefix('www.')))}]({link})"


def law_text(law: Law, today: date) -> str:
    """A legal statement in Markdown, followed by where it is written: its text, its article, the text
    that amended it (with its own link), since when (or from when) it applies, its official link and
    when it was last checked there."""
    applies = "s'applique depuis le" if law.applies_from <= today else "s'applique à partir du"
    amended = ""
    if law.amended_by is not None:
        article = f", {escape_text(law.amended_by.article)}" if law.amended_by.article else ""
        amended = f", modifié par {escape_text(law.amended_by.name)}{article} ({_site_link(law.amended_by.link)})"
    return (
        f"{escape_text(law.statement)} *{escape_text(law.text)}, {escape_text(law.article)}{amended} ; "
        f"{applies} {french_date(law.applies_from)} ; {_site_link(law.link)} ; "
        f"vérifié le {french_date(law.checked_on)}.*"
    )
