"""Déclic never deletes an editor's file and never runs what a guide's files smuggle in: the attacks
of the adversarial run (issue 13), as classes. Each data-loss case checks that every file of the
guide, and a folder beside it, is still there byte for byte; each is refused before anything is
touched, with a French message that names mkdocs.yml and the setting's line."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from watchdog.events import FileClosedNoWriteEvent, FileModifiedEvent, FileOpenedEvent

from conftest import MINI, ROOT, copy_guide, varies_between_runs
from declic.build import build, prepare
from declic.cli import main
from declic.commands.serve import _OnChange
from declic.errors import CatalogError
from declic.site.folders import MARKER
from declic.site.lock import LOCK_FILE
from declic.site.project import load_project

SETTING_LINES = {"docs_dir": 5, "site_dir": 6}  # in tests/fixtures/mini/mkdocs.yml


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def lost(before: dict[str, bytes]) -> list[str]:
    """Files of the snapshot that are gone or changed."""
    return [name for name, data in before.items() if not Path(name).is_file() or Path(name).read_bytes() != data]


@pytest.fixture
def guide(tmp_path) -> Path:
    """The tiny guide, a folder of its own beside it, an editor's docs/ and two symbolic links."""
    root = copy_guide(MINI, tmp_path / "guide").parent
    (tmp_path / "dehors").mkdir()
    (tmp_path / "dehors" / "precieux.txt").write_text("à garder", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "ma-page.md").write_text("# Ma page\n", encoding="utf-8")
    (root / "lien-dehors").symlink_to(tmp_path / "dehors")
    (root / "lien-contenu").symlink_to(root / "content")
    return root


def set_setting(root: Path, key: str, value: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if key == "templates":
        text = text.replace("  declic:\n", f"  declic:\n    templates: '{value}'\n", 1)
    else:
        text = re.sub(rf"(?m)^{key}: .*$", f"{key}: '{value}'", text)
    config.write_text(text, encoding="utf-8")


def run(root: Path, *args: str):
    return CliRunner().invoke(main, [*args, "-f", str(root / "mkdocs.yml")])


REFUSED = [
    ("site_dir", "."),
    ("site_dir", "./"),
    ("site_dir", "content"),
    ("site_dir", "usecases"),
    ("site_dir", "../x"),
    ("site_dir", "../dehors"),
    ("site_dir", "lien-dehors"),
    ("site_dir", "lien-contenu"),
    ("site_dir", "build"),  # holds docs_dir
    ("site_dir", "build/docs"),
    ("site_dir", "mkdocs.yml"),
    ("site_dir", "docs"),
    ("site_dir", "site/../content"),
    ("docs_dir", "."),
    ("docs_dir", "usecases"),
    ("docs_dir", "personas/people"),
    ("docs_dir", "docs"),  # an editor's own docs/ma-page.md, as in plain mkdocs
    ("docs_dir", "site"),
    ("docs_dir", ".."),
    ("docs_dir", "/tmp"),
]


@pytest.mark.parametrize(("key", "value"), REFUSED)
def test_a_folder_setting_that_would_delete_files_is_refused_before_anything_is_touched(guide, key, value):
    run(guide, "build")  # a site and a docs folder of Déclic's own exist
    before = snapshot(guide, guide.parent / "dehors")
    set_setting(guide, key, value)
    for command in ("generate", "build"):
        result = run(guide, command)
        assert result.exit_code == 1, result.output
        assert f"mkdocs.yml:{SETTING_LINES[key]}: {key}: « {value} »" in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert lost(before) == [str(guide / "mkdocs.yml")]  # the edit itself


@pytest.mark.parametrize("value", ["..", "/etc", "lien-dehors", "../dehors"])
def test_templates_must_be_inside_the_guide(guide, value):
    set_setting(guide, "templates", value)
    with pytest.raises(CatalogError) as error:
        load_project(guide / "mkdocs.yml")
    assert "extra.declic.templates" in error.value.issues[0].format()
    assert "hors du guide" in error.value.issues[0].message


PIECES = [".", "..", "content", "usecases", "docs", "site", "build", "lien-dehors", "lien-contenu", "neuf", "x"]


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure comes back
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    key=st.sampled_from(["docs_dir", "site_dir"]),
    parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=3),
    absolute=st.booleans(),
)
def test_any_folder_setting_loses_nothing(guide, key, parts, absolute):
    """Whatever the path (`.`, `..`, absolute, through a link, a source folder), `generate` either
    refuses it with the setting's line, or writes only into a folder that is then Déclic's."""
    value = "/".join(parts)
    if absolute:
        value = str(guide / value)
    before = snapshot(guide, guide.parent / "dehors")
    original = (guide / "mkdocs.yml").read_text(encoding="utf-8")
    set_setting(guide, key, value)
    try:
        result = run(guide, "generate")
        assert "Traceback" not in result.output
        assert lost(before) == [str(guide / "mkdocs.yml")], value
        if result.exit_code:
            assert f"mkdocs.yml:{SETTING_LINES[key]}: {key}:" in result.stderr, result.stderr
        else:
            project = load_project(guide / "mkdocs.yml")
            assert (project.docs_dir / MARKER).is_file()
            assert project.docs_dir.resolve().is_relative_to(guide.resolve())
    finally:
        (guide / "mkdocs.yml").write_text(original, encoding="utf-8")


def test_a_folder_made_by_declic_before_markers_existed_is_adopted(guide):
    """A guide built by an earlier Déclic has no marker in build/docs: its catalogue.json says whose it is."""
    project = load_project(guide / "mkdocs.yml")
    build(project)
    (project.docs_dir / MARKER).unlink()
    (project.site_dir / MARKER).unlink()
    assert run(guide, "build").exit_code == 0
    assert (project.docs_dir / MARKER).is_file() and (project.site_dir / MARKER).is_file()


def test_a_second_build_is_refused_while_one_runs_and_the_site_stays_whole(guide):
    project = load_project(guide / "mkdocs.yml")
    build(project)
    before = snapshot(project.site_dir)
    with FileLock(guide / LOCK_FILE, timeout=0):  # a build of another process holds the lock
        result = run(guide, "build")
    assert result.exit_code == 1
    assert "une construction est déjà en cours pour ce guide" in result.stderr
    assert snapshot(project.site_dir) == before


def test_two_builds_started_together_leave_a_whole_site(guide):
    """Two real processes: the second is refused if they overlap; either way the site is whole."""
    command = [sys.executable, "-m", "declic.cli", "build", "-f", str(guide / "mkdocs.yml")]
    builds = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(process.wait(timeout=300), process.stderr.read()) for process in builds]
    assert any(code == 0 for code, _ in results), results
    for code, stderr in results:
        assert code == 0 or "une construction est déjà en cours" in stderr, stderr
    reference = copy_guide(MINI, guide.parent / "reference")
    build(load_project(reference))
    site, expected = guide / "site", reference.parent / "site"

    def listing(folder: Path) -> tuple[list[str], int]:
        names = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))
        return [name for name in names if not varies_between_runs(name)], sum(map(varies_between_runs, names))

    assert listing(site) == listing(expected)
    assert not list(guide.glob(".site.*"))


def test_the_site_folder_is_readable_by_a_web_server(guide):
    previous = os.umask(0o022)
    try:
        build(load_project(guide / "mkdocs.yml"))
    finally:
        os.umask(previous)
    assert (guide / "site").stat().st_mode & 0o777 == 0o755


def test_a_code_running_tag_in_mkdocs_yml_is_refused_before_mkdocs_reads_it(guide):
    witness = guide.parent / "execute"
    config = guide / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"hooks_evil: !!python/object/apply:os.system ['touch {witness}']\n",
        encoding="utf-8",
    )
    for command in ("check", "build"):
        result = run(guide, command)
        assert result.exit_code == 1
        assert "balise YAML « !!python/object/apply:os.system » refusée" in result.stderr
    assert not witness.exists()


def test_an_unknown_tag_and_a_self_referencing_alias_are_reported_not_looped_on(guide):
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "boucle: &a [1, *a]\nautre: !foo bar\n", encoding="utf-8")
    result = run(guide, "check")
    assert result.exit_code == 1
    assert "balise YAML « !foo » refusée : mkdocs ne la connaît pas" in result.stderr


def test_an_environment_variable_is_checked_as_mkdocs_will_read_it(guide, monkeypatch):
    monkeypatch.setenv("DECLIC_COULEUR", "#123456;}</style><script>alert(1)</script>")
    config = guide / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  declic:\n", "  declic:\n    colors: {primary: !ENV [DECLIC_COULEUR, '#123456']}\n", 1)
    text = text.replace(
        "  language: fr\n", f"  language: fr\n  custom_dir: {ROOT / 'overrides'}\n", 1
    )  # the colours' theme
    config.write_text(text, encoding="utf-8")
    result = run(guide, "build")
    assert result.exit_code == 1
    assert "extra.declic.colors.primary: couleur en « #rrggbb » attendue" in result.stderr
    monkeypatch.setenv("DECLIC_COULEUR", "#abcdef")
    assert run(guide, "build").exit_code == 0
    assert ":root{--md-primary-fg-color:#abcdef;" in (guide / "site" / "index.html").read_text(encoding="utf-8")


def test_a_guide_template_cannot_reach_python(guide):
    witness = guide.parent / "execute"
    (guide / "gabarits").mkdir()
    (guide / "gabarits" / "sources.md.j2").write_text(
        "# Sources\n\n{{ cycler.__init__.__globals__.os.popen('touch " + str(witness) + "').read() }}\n",
        encoding="utf-8",
    )
    set_setting(guide, "templates", "gabarits")
    with pytest.raises(CatalogError) as error:
        prepare(load_project(guide / "mkdocs.yml"))
    assert [issue.format() for issue in error.value.issues] == [
        "gabarits/sources.md.j2:3: gabarit : accès refusé à l'intérieur de Python "
        "(un gabarit n'affiche que les données de la page (voir la « Référence du catalogue »))"
    ]
    assert not witness.exists()


def test_an_unknown_template_name_is_reported(guide):
    (guide / "gabarits").mkdir()
    (guide / "gabarits" / "crad.md.j2").write_text("x", encoding="utf-8")
    (guide / "gabarits" / "_pieces.md.j2").write_text("x", encoding="utf-8")  # a piece to include: fine
    set_setting(guide, "templates", "gabarits")
    with pytest.raises(CatalogError) as error:
        prepare(load_project(guide / "mkdocs.yml"))
    assert [issue.format() for issue in error.value.issues] == [
        "gabarits/crad.md.j2: gabarit « crad.md.j2 » inconnu : Déclic ne s'en servirait pas "
        "(vouliez-vous dire « card.md.j2 » ?)"
    ]


@pytest.mark.parametrize("folder", ["usecases/prompts", "usecases/irritants", "personas/people"])
def test_an_id_that_is_an_index_address_is_refused(guide, folder):
    source = next((guide / folder).glob("*.yaml"))
    source.rename(source.with_name("index.yaml"))
    result = run(guide, "check")
    assert result.exit_code == 1
    assert f"{folder}/index.yaml: le nom de fichier « index » est un identifiant réservé" in result.stderr


def test_declic_new_refuses_a_reserved_or_overlong_id(guide):
    for entity_id in ("index", "a" * 240):
        result = run(guide, "new", "prompt", entity_id)
        assert result.exit_code == 1
        assert "Erreur : « " in result.stderr
        assert not list((guide / "usecases" / "prompts").glob(f"{entity_id[:20]}*"))


def test_a_huge_file_is_refused_without_being_read(guide):
    huge = guide / "usecases" / "irritants" / "enorme.yaml"
    with huge.open("wb") as stream:
        stream.truncate(3 * 10**9)  # sparse: no disk used
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run(guide, "check")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert result.exit_code == 1
    assert "usecases/irritants/enorme.yaml: fichier trop gros : 3 000 000 000 octets" in result.stderr.replace(
        "\u202f", " "
    ).replace("\u00a0", " ")
    assert grown_mb < 300


def test_serve_regenerates_on_changes_only():
    """watchdog reports files opened and closed unwritten too: the generator's own reads of the YAML
    files, which made `serve` regenerate forever."""
    calls: list[int] = []
    handler = _OnChange(lambda: calls.append(1))
    for event in (FileOpenedEvent("/g/usecases/a.yaml"), FileClosedNoWriteEvent("/g/usecases/a.yaml")):
        handler.on_any_event(event)
    assert calls == []
    handler.on_any_event(FileModifiedEvent("/g/usecases/a.yaml"))
    assert calls == [1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["bulid"], "Erreur : commande « bulid » inconnue (vouliez-vous dire « build » ?)"),
        (["build", "--strik"], "Erreur : option « --strik » inconnue"),
        (["new", "machin", "x"], "« machin » n'est pas l'une des valeurs possibles"),
        (["calendar", "x", "--start", "2026-13-01"], "« 2026-13-01 » n'est pas une date au format AAAA-MM-JJ"),
        (["calendar", "x", "--start", "9999-12-20"], "choisissez une date entre 2000 et 2100"),
        (["init", "g", "--name", "a\nb"], "le nom de l'organisation tient sur une ligne"),
    ],
)
def test_usage_errors_speak_french(args, expected):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Error" not in result.stderr and "Invalid value" not in result.stderr


def test_file_system_errors_speak_french(guide):
    (guide / "un-fichier").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["schemas", str(guide / "un-fichier")])
    assert result.exit_code == 1
    assert "Erreur du système de fichiers" in result.stderr
    assert "Traceback" not in result.output
    result = run(guide, "calendar", "paul-plombier", "--start", "2026-12-01", "-o", str(guide / "absent" / "p.ics"))
    assert result.exit_code == 1
    assert "fichier ou dossier introuvable" in result.stderr
