"""The method's follow-up rhythm, written once: J+15, J+30, then a monthly ritual.

Paths list these rendez-vous as their last stage, sheets as « Le suivi », `calendar` turns them
into an iCalendar file, and the path page hands them to the browser, which builds the same file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rendezvous:
    days: int  # after the start
    title: str
    path_note: str  # on a path; "{prompts}" stands for the titles of the path's prompts
    sheet_note: str = ""  # on a sheet's « Le suivi »; "": not on sheets
    minutes: int = 0  # 0: as long as redoing the path's prompts, at half their length
    months: int = 0  # repeats every month, this many times; 0: once
    alone_note: str = ""  # on the path of someone who works alone, instead of `path_note`; "": the same

    def note_for(self, works_alone: bool) -> str:
        return self.alone_note if works_alone and self.alone_note else self.path_note


SCHEDULE = (
    Rendezvous(
        15,
        "J+15 : refaire seul",
        "Refaites seul, sans la fiche : {prompts}.",
        "refaites l'exercice seul, sans la fiche, sur un cas réel. Notez le temps passé et comparez avec avant.",
    ),
    Rendezvous(
        30,
        "J+30 : adapter à un nouveau cas",
        "Appliquez chaque prompt à une situation nouvelle et partagez le meilleur résultat avec l'équipe.",
        "appliquez le même prompt à une situation nouvelle, puis partagez votre meilleure version avec l'équipe.",
        alone_note=(
            "Appliquez chaque prompt à une situation nouvelle, puis montrez le meilleur résultat à votre "
            "formateur ou à un pair qui fait le même métier que vous."
        ),
    ),
    Rendezvous(
        30,
        "Chaque mois : le rituel « IA du mois »",
        "Une demi-heure en équipe pour montrer une réussite, un raté et une nouvelle idée.",
        minutes=30,
        months=6,
        alone_note=(
            "Une demi-heure avec votre réseau (des pairs au même poste ailleurs, votre formateur ou le "
            "conseiller numérique de votre chambre consulaire ou de votre centre de gestion) pour montrer une "
            "réussite, un raté et une nouvelle idée."
        ),
    ),
)
