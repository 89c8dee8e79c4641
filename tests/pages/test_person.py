"""A filled prompt agrees with whoever reads it: where it speaks as the reader (« Je suis … »,
« Mon métier : … »), the trade's words name no person in one gender only (« coiffeur » alone, not
« coiffeur ou coiffeuse », « la coiffure » or « fleuriste »), and the example of the reader's structure
names no one of one gender who may be the reader (« la gérante »). Grammalecte's list of masculine
nouns and their feminine says which words have two forms."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import ROOT
from declic.build import load_and_link
from declic.catalog.model import Catalog
from declic.pages.page import filled
from declic.site.project import load_project
from french_checker import python_with_grammalecte

GENDERS = ROOT / "tests" / "grammalecte_genders.py"

# What the reader says about themselves, up to the end of the clause (« Les mots de mon métier : » is not).
SPEAKS_AS_READER = re.compile(r"(?:\bje suis|(?<!de )\bmon métier\s*:)\s+([^;.\n]+)", re.IGNORECASE)
# Where such a clause names a person again: « la pharmacie d'officine, comme titulaire ».
AS = re.compile(r"\b(?:comme|en tant que)\s+([^,]+)", re.IGNORECASE)
# Where the words naming a person end: « exploitant » in « exploitant dans une entreprise de transport
# routier », and nothing in « la coiffure », which names the trade.
NOT_A_NAME = {"le", "la", "l", "les", "un", "une", "des", "du", "de", "d", "mon", "ma", "mes", "son", "sa", "ses"}
NOT_A_NAME |= {"en", "à", "au", "aux", "dans", "pour", "chez", "sur", "avec", "et", "qui", "que", "j"}
PRONOUNS = re.compile(r"\b(?:lui|elle)-même\b", re.IGNORECASE)
# The example of the reader's structure names someone in it (« la gérante », « le patron »), not a
# complement (« trois enseignants de la conduite »).
SOMEONE = re.compile(r"(?<!\bde )\b(?:le|la|l')\s*([\w-]+)", re.IGNORECASE)
WORD = re.compile(r"\w+")


def other_forms(words: set[str]) -> dict[str, list[str]]:
    """Each of `words` that has a masculine and a feminine form, to its other forms."""
    result = subprocess.run(
        [python_with_grammalecte(), str(GENDERS)],
        input=json.dumps(sorted(words), ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def person_nouns(clause: str) -> list[str]:
    """The words of a clause in which the reader speaks that name them: those it starts with
    (« plombier chauffagiste », « coiffeur ou coiffeuse ») and those after « comme »; none where it
    names the trade (« la coiffure »)."""
    nouns = []
    for start in (clause.split(",")[0], *AS.findall(clause)):
        for word in WORD.findall(start):
            if word.lower() in NOT_A_NAME:
                break
            nouns.append(word)
    return [noun for noun in nouns if noun.lower() != "ou"]


def one_gender_only(clause: str, nouns: list[str], forms: dict[str, list[str]]) -> list[str]:
    """The nouns of `nouns` said in one gender although French has two, and whose other form the
    clause does not say (« coiffeur ou coiffeuse » agrees with everyone), and « lui-même »."""
    said = {word.lower() for word in WORD.findall(clause)}
    wrong = [noun for noun in nouns if noun in forms and not said & set(forms[noun])]
    return wrong + PRONOUNS.findall(clause)


def reader_clauses(catalog: Catalog) -> dict[str, str]:
    """Each clause in which a filled prompt speaks as the reader, where it is first found: on the
    cards (the trade's words filled in) and on the sheets (each blank's example in its place)."""
    found: dict[str, str] = {}
    texts = []
    for card in catalog.cards:
        for prompt_id in card.prompt_ids:
            prompt = filled(catalog, prompt_id, card.trade.context, card.trade_id)
            texts.append((f"{card.id} ({prompt_id})", prompt.segments, {}))
    for prompt_id in catalog.prompts:
        prompt = filled(catalog, prompt_id, {})
        texts.append((f"fiche {prompt_id}", prompt.segments, prompt.examples))
    for where, segments, examples in texts:
        text = "".join(examples.get(s.variable, "") if s.variable else s.text for s in segments)
        for clause in SPEAKS_AS_READER.findall(text):
            found.setdefault(clause.strip(), where)
    return found


def structures(catalog: Catalog) -> dict[str, str]:
    return {
        trade_id: trade.context["structure"]
        for trade_id, trade in catalog.trades.items()
        if "structure" in trade.context
    }


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_and_link(load_project(ROOT / "mkdocs.yml"))


def test_where_a_prompt_speaks_as_the_reader_it_agrees_with_a_woman_and_a_man(catalog):
    clauses = reader_clauses(catalog)
    assert len(clauses) > 40  # the trades' words on the cards, the examples on the sheets
    forms = other_forms({noun for clause in clauses for noun in person_nouns(clause)})
    wrong = [
        f"{where}: « {clause} » ({', '.join(found)})"
        for clause, where in sorted(clauses.items(), key=lambda item: item[1])
        if (found := one_gender_only(clause, person_nouns(clause), forms))
    ]
    assert wrong == []


def test_the_example_of_the_readers_structure_names_no_one_who_may_be_the_reader(catalog):
    examples = structures(catalog)
    forms = other_forms({word for text in examples.values() for word in SOMEONE.findall(text)})
    wrong = [
        f"{trade_id}: « {text} » ({', '.join(found)})"
        for trade_id, text in sorted(examples.items())
        if (found := [word for word in SOMEONE.findall(text) if word in forms] + PRONOUNS.findall(text))
    ]
    assert wrong == []


def test_the_check_knows_a_word_of_one_gender_from_both_and_from_an_activity():
    clauses = [
        "coiffeur",
        "coiffeuse",
        "coiffeur ou coiffeuse",
        "la coiffure",
        "fleuriste",
        "la pharmacie d'officine, comme gérant",
        "la pharmacie d'officine, comme titulaire",
        "gérant, lui-même ambulancier",
    ]
    forms = other_forms({noun for clause in clauses for noun in person_nouns(clause)})
    assert [bool(one_gender_only(clause, person_nouns(clause), forms)) for clause in clauses] == [
        True,
        True,
        False,
        False,
        False,
        True,
        False,
        True,
    ]
