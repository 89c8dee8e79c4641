"""The loader: plain values with their lines, and what YAML allows but users never mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from declic.catalog.load import load_file
from declic.catalog.schema import KINDS_BY_NAME

IRRITANTS = KINDS_BY_NAME["irritants"]


def load(tmp_path: Path, text: str | bytes, name: str = "exemple"):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_file(path, IRRITANTS, path.name)


def messages(issues) -> list[str]:
    return [issue.format() for issue in issues]


def test_fields_keep_their_lines(tmp_path):
    document, issues = load(tmp_path, "title: Relancer\ncost:\n  minutes_per_week: 30\nobstacles:\n  - a\n  - b\n")
    assert issues == []
    assert document.line(("cost", "minutes_per_week")) == 3
    assert document.line(("obstacles", 1)) == 6
    assert document.line(("facts", 0, "text")) == 1  # absent field: the file's first line


def test_yaml_1_1_surprises_stay_strings(tmp_path):
    document, _ = load(tmp_path, "a: no\nb: 1.10\nc: 2024-01-01\nd: off\ne: ~\nf: 'null'\n")
    assert document.data == {"a": "no", "b": "1.10", "c": "2024-01-01", "d": "off", "e": None, "f": "null"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "exemple.yaml:2: a: champ répété (déjà défini ligne 1 : gardez-en un seul)"),
        ("a: &x 1\nb: *x\n", "exemple.yaml:1: a: les ancres YAML (&nom) ne sont pas acceptées (retirez « &x »)"),
        (
            "a: !!python/object x\n",
            "exemple.yaml:1: a: les étiquettes YAML (!!python/object) ne sont pas acceptées (retirez l'étiquette)",
        ),
        ("", "exemple.yaml: fichier vide (un fichier décrit une fiche : ajoutez ses champs)"),
        ("- a\n- b\n", "exemple.yaml:1: le fichier doit contenir des champs « nom: valeur », il contient une liste"),
        (
            "a: 1\n---\nb: 2\n",
            "exemple.yaml:2: plusieurs documents dans un fichier (une fiche par fichier : retirez la ligne « --- » et ce qui suit, ou créez un autre fichier)",
        ),
        (
            "a:\n\t- b\n",
            "exemple.yaml:2: syntaxe YAML invalide : tabulation interdite (indentez avec des espaces, jamais des tabulations)",
        ),
        (
            'a: "ouvert\nb: 2\n',
            "exemple.yaml:1: a: syntaxe YAML invalide : guillemet ouvert mais jamais fermé (fermez la chaîne commencée à cette ligne)",
        ),
    ],
)
def test_what_yaml_allows_but_users_never_mean(tmp_path, text, expected):
    document, issues = load(tmp_path, text)
    assert document is None
    assert expected in messages(issues)


def test_billion_laughs_is_refused_without_expanding(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)
    ]
    document, issues = load(tmp_path, "\n".join(lines) + "\n")
    assert document is None
    assert any("alias" in issue.message for issue in issues)


def test_bom_is_accepted_and_other_encodings_are_reported(tmp_path):
    document, issues = load(tmp_path, "\ufefftitle: Équipe\n".encode())
    assert issues == [] and document.data == {"title": "Équipe"}
    document, issues = load(tmp_path, "title: ok\nb: \xe9quipe\n".encode("latin-1"))
    assert messages(issues) == [
        "exemple.yaml:2: b: le fichier n'est pas encodé en UTF-8 : « é » semble écrit en Windows-1252 ou Latin-1 (enregistrez-le en UTF-8 depuis votre éditeur)"
    ]


def test_file_name_must_be_an_id(tmp_path):
    _, issues = load(tmp_path, "title: x\n", name="Facture Impayée")
    assert messages(issues) == [
        (
            "Facture Impayée.yaml: le nom de fichier « Facture Impayée » n'est pas un identifiant valide : "
            "minuscules sans accent, chiffres et tirets (renommez-le « facture-impayee.yaml »)"
        )
    ]


def test_a_file_that_cannot_be_read_is_reported(tmp_path, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    document, issues = load(tmp_path, "title: x\n")
    assert document is None
    assert messages(issues) == ["exemple.yaml: fichier illisible (vérifiez que ce fichier peut être ouvert et lu)"]
