"""A document the hand-written pages cite is named by its title on the sources page, word for word; and
each source says who published it and where to read it when that is known."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

SPACE = "[ \u00a0]"
CITED = re.compile(rf"(?i)\b(?:livre blanc|article|guide|enquête){SPACE}+«{SPACE}*(.+?){SPACE}*»")


def _sources() -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "usecases" / "sources").glob("*.yaml"))
    }


def test_every_cited_title_is_a_sources_title():
    titles = {" ".join(source["title"].split()) for source in _sources().values()}
    cited, wrong = 0, []
    for page in sorted((ROOT / "content").glob("**/*.md")):
        for match in CITED.finditer(page.read_text(encoding="utf-8")):
            cited += 1
            title = " ".join(match.group(1).split())
            if title not in titles:
                wrong.append(f"{page.name}: « {title} »")
    assert wrong == []
    assert cited > 70


def test_the_sources_known_to_be_online_say_where_and_who():
    sources = _sources()
    assert (
        sources["article-conduite-du-changement"]["url"] == "https://face-up.fr/blog/conduite-changement-ia-formation"
    )
    assert str(sources["article-conduite-du-changement"]["published_on"]) == "2026-01-30"
    assert sources["guide-formation-ia-entreprise"]["url"] == "https://algos-ai.com/?p=989976"
    assert sources["article-competences-ia-pme"]["url"].startswith(
        "https://brixon.ai/fr/developper-la-competence-en-ia"
    )
    assert all(
        sources[name].get("publisher") for name in ("article-conduite-du-changement", "article-competences-ia-pme")
    )
