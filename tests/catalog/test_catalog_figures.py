"""Every figure of the default catalog says where it comes from: the source and a passage that the
source text really contains, or an estimate; a gain measured for a whole company is never shown
as the gain of one prompt; and a task has one duration, on its irritant and on its prompt."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, soup
from declic.build import load_and_link
from declic.catalog.link import disagree, same_task
from declic.site.project import load_project

SEEDS = ROOT.parent / "shared" / "seeds"
# The texts behind each source id. The CMA white paper and the France Num survey are known through
# the documents that quote them: their passages are read there.
SEED_OF_SOURCE = {
    "livre-blanc-du-clic-au-declic": "000_924cbc0f198e0a87.txt",
    "livre-blanc-ia-cma-france-2025": "000_924cbc0f198e0a87.txt",
    "article-on-a-lance-l-ia": "001_8dd037b50685359d.txt",
    "enquete-france-num-2024": "001_8dd037b50685359d.txt",
    "article-conduite-du-changement": "002_6ca4742925266938.txt",
    "guide-formation-ia-entreprise": "003_f2579eab001b14d5.txt",
    "article-competences-ia-pme": "004_8426d647a9e4c7cd.txt",
}
QUOTED = re.compile(r"«\s*(.+?)\s*»")
WHOLE_COMPANY = re.compile(r"(?i)\b(pme|entreprise|salariés|semaine dans)\b")


def _figures():
    """(file, place, figure) for every figure of the catalog: costs, gains and facts."""
    for path in sorted((ROOT / "usecases").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = path.relative_to(ROOT).as_posix()
        if "cost" in data:
            yield name, "cost", data["cost"]
        if "time_saved" in data:
            yield name, "time_saved", data["time_saved"]
        for index, fact in enumerate(data.get("facts", ())):
            yield name, f"facts[{index}]", fact


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def test_every_figure_is_sourced_with_a_passage_or_an_estimate():
    wrong = [
        f"{name} {place}"
        for name, place, figure in _figures()
        if bool(figure.get("estimate")) == bool(figure.get("source") and figure.get("passage"))
    ]
    assert wrong == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (../shared/seeds) are not beside this clone")
def test_every_passage_is_in_its_source():
    texts = {source: _plain((SEEDS / seed).read_text(encoding="utf-8")) for source, seed in SEED_OF_SOURCE.items()}
    missing, checked = [], 0
    for name, place, figure in _figures():
        if figure.get("estimate"):
            continue
        quotes = QUOTED.findall(figure["passage"])
        assert quotes, f"{name} {place}: the passage quotes nothing"
        for quote in quotes:
            checked += 1
            if _plain(quote) not in texts[figure["source"]]:
                missing.append(f"{name} {place}: « {quote} » not in {figure['source']}")
    assert missing == []
    assert checked > 30


def test_no_company_wide_gain_is_a_prompts_gain():
    """A prompt's « Temps gagné » is the gain of one use: a figure measured over a whole company stays a
    fact about that company, and a gain no source measured for this task is an estimate."""
    wrong = []
    for name, place, figure in _figures():
        if place != "time_saved":
            continue
        if WHOLE_COMPANY.search(figure["per"]):
            wrong.append(f"{name}: par « {figure['per']} »")
        if figure.get("source") and str(figure["minutes"]) not in figure["passage"]:
            wrong.append(f"{name}: {figure['minutes']} min not in its passage")
    assert wrong == []


def _duration(minutes: int) -> str:
    """25 → « 25 min », 120 → « 2 h », 150 → « 2 h 30 »: a duration as an estimate's method writes it."""
    hours, rest = divmod(minutes, 60)
    return f"{minutes} min" if not hours else f"{hours} h" + (f" {rest:02d}" if rest else "")


def test_a_task_has_one_duration_that_its_estimates_say():
    """The prompt's baseline (the task done alone) and its irritant's task of the same name agree; each
    estimate's method says the durations its figures hold; every irritant says the tasks its weekly
    cost is made of, but the one whose cost is an empty slot, not a task."""
    catalog = load_and_link(load_project(ROOT / "mkdocs.yml"))  # Déclic's own: a disagreement stops it
    assert catalog.figure_notices == ()
    compared, wrong = 0, []
    for prompt_id, prompt in catalog.prompts.items():
        saved = prompt.time_saved
        if saved.baseline_minutes is None:
            wrong.append(f"{prompt_id}: no baseline_minutes")
            continue
        if saved.estimate and _duration(saved.baseline_minutes) not in _plain(saved.estimate.method):
            wrong.append(f"{prompt_id}: {_duration(saved.baseline_minutes)} not in « {saved.estimate.method} »")
        for irritant_id in prompt.irritants:
            for task in catalog.irritants[irritant_id].cost.tasks:
                if same_task(task.per, saved.per):
                    compared += 1
                    if disagree(task.minutes, saved.baseline_minutes):
                        wrong.append(f"{prompt_id}: {saved.baseline_minutes} min, {irritant_id}: {task.minutes} min")
    for irritant_id, irritant in catalog.irritants.items():
        method = _plain(irritant.cost.estimate.method) if irritant.cost.estimate else ""
        wrong += [
            f"{irritant_id}: {_duration(task.minutes)} not in « {method} »"
            for task in irritant.cost.tasks
            if irritant.cost.estimate and _duration(task.minutes) not in method
        ]
    assert wrong == []
    assert compared > 40
    assert [i for i, irritant in catalog.irritants.items() if not irritant.cost.tasks] == [
        "gerer-rendez-vous-non-honores"
    ]


def test_cards_and_sheets_say_where_each_figure_comes_from(default_site: Path):
    """On the page, each figure is followed by its origin: a link to its source and the quoted passage,
    or « estimation » with who estimated and how; in words that print, not in a tooltip."""
    seen, wrong = 0, []
    for page in sorted(default_site.glob("cas-usage/*/*/index.html")) + sorted(
        default_site.glob("fiches/*/index.html")
    ):
        body = soup(page).select_one("article.md-content__inner")
        for origin in body.select(".declic-origin"):
            seen += 1
            text = origin.get_text(" ")
            sourced = origin.select_one('a[href*="sources/"]') is not None and "«" in text
            if not (sourced or text.startswith("(estimation de ")):
                wrong.append(f"{page.relative_to(default_site)}: {text}")
        for meta in body.select(".declic-meta"):
            if "Temps gagné" in meta.get_text() and not meta.select(".declic-origin"):
                wrong.append(f"{page.relative_to(default_site)}: temps gagné sans origine")
    assert wrong == []
    assert seen > 300


def test_the_sources_page_says_what_is_true(default_site: Path):
    text = soup(default_site / "sources" / "index.html").select_one("article").get_text(" ")
    assert "estimation" in text
    assert "passage" in text
