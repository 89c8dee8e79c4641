"""A learner's completion code and the trainer's « Suivi d'un groupe » page: tick steps, copy the
code, paste several codes, read the table; and the codes the page must refuse, saying why."""

from __future__ import annotations

import json
import re
from datetime import date

from playwright.sync_api import expect

from declic.catalog.review_dates import french_date

PATH = "parcours/gerants/"
GROUP = "suivi/"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+$")  # Crockford: no I, L, O, U


def encode(tag: str, version: str, day: int, states: list[int]) -> str:
    """The code format written out again, independently of the page's script (see progress-code.js)."""
    bits = "".join(f"{state:02b}" for state in states)
    bits += "0" * (-len(bits) % 5)
    body = tag + version + "".join(ALPHABET[(day >> shift) & 31] for shift in (10, 5, 0))
    body += "".join(ALPHABET[int(bits[i : i + 5], 2)] for i in range(0, len(bits), 5))
    check = sum(ALPHABET.index(c) * (i % 30 + 1) for i, c in enumerate(body)) % 31
    code = body + ALPHABET[check]
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _tick(page, index: int, choice: str) -> None:
    page.locator(".declic-stage li").nth(index).get_by_role("checkbox", name=choice, exact=False).check()


def _copied_code(page, previous: str) -> str:
    """The code once it differs from `previous` (it follows the ticks), copied with the page's button."""
    page.wait_for_function("old => document.querySelector('.declic-code__value').textContent !== old", arg=previous)
    page.get_by_role("button", name="Copier le code").click()
    expect(page.locator(".declic-code .declic-status")).to_have_text("Code copié.")
    code = page.evaluate("navigator.clipboard.readText()")
    assert CODE.match(code), code
    assert code == page.locator(".declic-code__value").inner_text()
    return code


def _paths(page) -> dict:
    return {path["path"]: path for path in json.loads(page.locator("#declic-group-paths").text_content())}


def _read(page, site_url: str, lines: str, path: str = "") -> None:
    page.goto(site_url + GROUP)
    if path:
        page.select_option("#declic-group-path", path)
    page.fill("#declic-group-codes", lines)
    page.get_by_role("button", name="Lire les codes").click()


def _table(page) -> list[list[str]]:
    rows = page.locator(".declic-group__table tr")
    return [
        [re.sub(r"[ \t\n]+", " ", cell).strip() for cell in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def test_three_codes_pasted_give_the_group_table(page, site_url):
    page.goto(site_url + PATH)
    untouched = page.locator(".declic-code__value").inner_text()
    _tick(page, 0, "essayé")
    lea = _copied_code(page, untouched)
    _tick(page, 1, "adopté")
    karim = _copied_code(page, lea)
    page.get_by_role("button", name="Remettre le parcours à zéro").click()
    _tick(page, 2, "essayé")
    _tick(page, 0, "adopté")
    third = _copied_code(page, karim)
    assert len({untouched, lea, karim, third}) == 4

    _read(page, site_url, f"Léa : {lea}\nKarim {karim}\n\n{third.lower().replace('0', 'o')}\n")
    expect(page.locator(".declic-group__output h2")).to_have_text("Parcours\u00a0: Gérants")
    expect(page.locator(".declic-group__problems")).to_have_count(0)
    table = _table(page)
    assert [cell.split(" au ")[0] for cell in table[0]] == ["Étape", "Léa", "Karim", "Personne 1", "Le groupe"]
    assert table[0][1] == f"Léa au {french_date(date.today())}"  # the day the ticks last changed
    steps = page.evaluate("JSON.parse(document.getElementById('declic-group-paths').textContent)[0].steps")
    assert [row[0] for row in table[1:]] == steps
    assert table[1][1:] == ["essayé", "essayé", "adopté", "essayé 3/3 adopté 1/3"]
    assert table[2][1:] == ["—", "adopté", "—", "essayé 1/3 adopté 1/3"]
    assert table[3][1:] == ["—", "—", "essayé", "essayé 1/3 adopté 0/3"]
    assert all(row[1:4] == ["—", "—", "—"] for row in table[4:])


def test_a_code_from_another_path_an_older_version_or_miscopied_is_refused_and_says_why(page, site_url):
    page.goto(site_url + "parcours/paul-plombier/")
    untouched = page.locator(".declic-code__value").inner_text()
    _tick(page, 0, "essayé")
    other = _copied_code(page, untouched)
    page.goto(site_url + GROUP)
    gerants = _paths(page)["gerants"]
    steps = len(gerants["steps"])
    good = encode(gerants["tag"], gerants["version"], 400, [2] + [0] * (steps - 1))
    older = encode(gerants["tag"], "ZZZ" if gerants["version"] != "ZZZ" else "YYY", 400, [1] * steps)
    stranger = encode("ZZZ" if gerants["tag"] != "ZZZ" else "YYY", "000", 400, [1] * steps)
    miscopied = good[:-2] + ("1" if good[-2] != "1" else "2") + good[-1]
    _read(
        page,
        site_url,
        f"Anna : {other}\nBob : {older}\nChloé : {stranger}\nDavid : {miscopied}\nEmma : {good}",
        "gerants",
    )

    problems = [text.replace("\u00a0", " ") for text in page.locator(".declic-group__problems li").all_inner_texts()]
    assert problems == [
        "Ligne 1 (« Anna ») : ce code est celui du parcours « Paul, plombier », pas de « Gérants » : "
        "choisissez « Tous » ou ce parcours dans la liste pour le lire.",
        "Ligne 2 (« Bob ») : ce code vient d'une version plus ancienne du parcours « Gérants » : ses étapes ont "
        "changé depuis. Demandez un nouveau code, fait sur la page actuelle du parcours.",
        "Ligne 3 (« Chloé ») : ce code ne vient d'aucun parcours de ce guide (un autre guide, ou un parcours qui "
        "n'existe plus).",
        "Ligne 4 (« David ») : code illisible ; vérifiez-le, un caractère a pu être mal recopié.",
    ]
    table = _table(page)
    assert table[0][1] == "Emma au 5 février 2026"  # day 400 after 1 January 2025, as the Python encoder wrote it
    assert table[1][1] == "adopté"

    page.select_option("#declic-group-path", "paul-plombier")  # the other path's code now reads
    expect(page.locator(".declic-group__output h2")).to_have_text("Parcours\u00a0: Paul, plombier")
    assert _table(page)[1][1] == "essayé"


def test_the_link_for_the_trainer_carries_the_code(page, site_url):
    page.goto(site_url + PATH)
    untouched = page.locator(".declic-code__value").inner_text()
    _tick(page, 1, "essayé")
    code = _copied_code(page, untouched)
    page.get_by_role("button", name="Copier le lien pour le formateur").click()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{site_url}{GROUP}?code={code}"
    page.goto(link)
    assert _table(page)[2][1] == "essayé"


def test_the_link_for_the_trainer_carries_the_first_name_the_learner_typed(page, site_url):
    """Issue 28: a first name typed on the path page (kept in this browser) goes into the link, and the
    trainer's page lists the code under it; without one, the link carries the code alone."""
    page.goto(site_url + PATH)
    untouched = page.locator(".declic-code__value").inner_text()
    _tick(page, 1, "essayé")
    code = _copied_code(page, untouched)
    field = page.get_by_label("Votre prénom")
    expect(field).to_have_value("")
    field.fill("Léa Martin")
    page.get_by_role("button", name="Copier le lien pour le formateur").click()
    expect(page.locator(".declic-code .declic-status")).to_have_text("Lien copié.")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{site_url}{GROUP}?code={code}&prenom=L%C3%A9a+Martin"
    page.reload()  # the first name stays in this browser
    expect(page.get_by_label("Votre prénom")).to_have_value("Léa Martin")
    page.goto(link)
    assert page.locator("#declic-group-codes").input_value() == f"Léa Martin : {code}"
    assert _table(page)[0][1].startswith("Léa Martin")
    page.goto(site_url + PATH)
    page.get_by_label("Votre prénom").fill("")
    page.get_by_role("button", name="Copier le lien pour le formateur").click()
    expect(page.locator(".declic-code .declic-status")).to_have_text("Lien copié.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}{GROUP}?code={code}"


def test_the_code_keeps_the_day_of_the_last_change(page, site_url):
    page.goto(site_url + PATH)
    untouched = page.locator(".declic-code__value").inner_text()
    _tick(page, 0, "essayé")
    _copied_code(page, untouched)
    key = page.evaluate("location.pathname")
    page.evaluate(
        "key => localStorage.setItem('declic-suivi:' + key,"
        " JSON.stringify({states: JSON.parse(localStorage.getItem('declic-suivi:' + key)).states, day: 400}))",
        key,
    )
    page.reload()
    expect(page.locator(".declic-code__summary")).to_have_text(
        "Au 5 février 2026\u00a0: 1 étape essayée sur 6, dont 0 adoptée."
    )


def test_codes_received_as_links_add_up_in_the_trainers_list_until_emptied(page, site_url):
    page.goto(site_url + GROUP)
    gerants = _paths(page)["gerants"]
    steps = len(gerants["steps"])
    first = encode(gerants["tag"], gerants["version"], 400, [1] + [0] * (steps - 1))
    second = encode(gerants["tag"], gerants["version"], 401, [2, 2] + [0] * (steps - 2))
    page.goto(f"{site_url}{GROUP}?code={first}")
    page.goto(f"{site_url}{GROUP}?code={second}")
    page.goto(f"{site_url}{GROUP}?code={first}")  # opened twice: listed once
    assert page.locator("#declic-group-codes").input_value() == f"{first}\n{second}"
    assert [row[1:3] for row in _table(page)[1:3]] == [["essayé", "adopté"], ["—", "adopté"]]
    page.goto(site_url + GROUP)  # the list stays in this browser
    assert _table(page)[0][1:3] == ["Personne 1 au 5 février 2026", "Personne 2 au 6 février 2026"]
    page.get_by_role("button", name="Vider la liste").click()
    expect(page.locator(".declic-group__table")).to_have_count(0)
    page.reload()
    assert page.locator("#declic-group-codes").input_value() == ""


def test_two_paths_sharing_a_tag_are_told_apart_by_the_version_of_their_steps(page, site_url):
    page.goto(site_url + GROUP)
    paths = _paths(page)
    gerants, paul = paths["gerants"], paths["paul-plombier"]
    assert gerants["version"] != paul["version"]
    # 15-bit tags: in a guide with hundreds of paths two may share one. Give Paul's path Gérants' tag.
    page.route(
        f"{site_url}{GROUP}",
        lambda route: route.fulfill(
            response=route.fetch(),
            body=route.fetch().text().replace(f'"tag": "{paul["tag"]}"', f'"tag": "{gerants["tag"]}"'),
        ),
    )
    page.goto(site_url + GROUP)
    assert _paths(page)["paul-plombier"]["tag"] == gerants["tag"]
    steps = len(paul["steps"])
    code = encode(gerants["tag"], paul["version"], 400, [2] + [0] * (steps - 1))
    older = encode(gerants["tag"], "ZZZ", 400, [1] * steps)
    page.fill("#declic-group-codes", f"Paul : {code}\nAnna : {older}")
    page.get_by_role("button", name="Lire les codes").click()
    expect(page.locator(".declic-group__output h2")).to_have_text("Parcours\u00a0: Paul, plombier")
    assert _table(page)[1][1] == "adopté"
    problems = [text.replace("\u00a0", " ") for text in page.locator(".declic-group__problems li").all_inner_texts()]
    assert problems == [
        "Ligne 2 (« Anna ») : ce code vient d'une version plus ancienne du parcours « Paul, plombier » : ses étapes "
        "ont changé depuis. Demandez un nouveau code, fait sur la page actuelle du parcours."
    ]


def test_codes_of_several_paths_read_at_once_and_links_carry_first_names(page, site_url):
    """One table per path, each learner once; « suivi/?code=…&prenom=Léa » lists Léa by name, and
    the same code from two names (same ticks, same day) is two learners."""
    page.goto(site_url + GROUP)
    paths = _paths(page)
    gerants, paul = paths["gerants"], paths["paul-plombier"]
    same = encode(gerants["tag"], gerants["version"], 400, [2] + [0] * (len(gerants["steps"]) - 1))
    plumber = encode(paul["tag"], paul["version"], 401, [1] + [0] * (len(paul["steps"]) - 1))
    page.goto(f"{site_url}{GROUP}?code={same}&prenom=Léa")
    page.goto(f"{site_url}{GROUP}?code={same}&prenom=Karim")
    page.goto(f"{site_url}{GROUP}?code={same}&prenom=Léa")  # opened twice: Léa once
    page.goto(f"{site_url}{GROUP}?code={plumber}&prenom=Paul")
    assert page.locator("#declic-group-codes").input_value() == f"Léa : {same}\nKarim : {same}\nPaul : {plumber}"
    expect(page.locator(".declic-group__output h2")).to_have_text(
        ["Parcours\u00a0: Gérants", "Parcours\u00a0: Paul, plombier"]
    )
    tables = page.locator(".declic-group__table table")
    expect(tables).to_have_count(2)
    heads = [tables.nth(i).locator("thead th").all_inner_texts() for i in range(2)]
    assert [" ".join(text.split()) for text in heads[0][1:3]] == ["Léa au 5 février 2026", "Karim au 5 février 2026"]
    assert " ".join(heads[1][1].split()) == "Paul au 6 février 2026"
    assert (
        " ".join(tables.nth(0).locator("tbody tr").first.locator("td").last.inner_text().split())
        == "essayé 2/2 adopté 2/2"
    )
    expect(page.locator(".declic-group__problems")).to_have_count(0)
