"""What the published site is built with, and for how long it is maintained: the notice `declic build`
and `declic serve` print once per run. Material for MkDocs prints its own only when run as `mkdocs`.

Takes today's date; returns French text; prints nothing itself.
"""

from __future__ import annotations

from datetime import date

from declic.catalog.review_dates import french_date

# Material for MkDocs' end of life, as mkdocs-material 9.7+ announces it (material/templates/__init__.py):
# critical fixes and security updates until then; Zensical, by the same team, is its successor.
MATERIAL_END_OF_LIFE = date(2027, 5, 5)


def end_of_life_notice(today: date | None = None) -> str:
    """The notice. Not silenced by Material's NO_MKDOCS_2_WARNING: Material sets it on import."""
    today = today or date.today()
    when = french_date(MATERIAL_END_OF_LIFE)
    status = (
        f"n'est plus maintenu depuis le {when}"
        if today >= MATERIAL_END_OF_LIFE
        else f"ne reçoit plus que des correctifs critiques et de sécurité, jusqu'au {when}, sa fin de vie"
    )
    return (
        f"Avis : Material for MkDocs, le thème qui met en page ce site, {status} ; "
        "son successeur est Zensical, de la même équipe. Déclic reste sur mkdocs 1.6 et Material 9 "
        "jusqu'à ce que Zensical construise ses pages : voir « Pérennité de la pile » dans le README de Déclic."
    )
