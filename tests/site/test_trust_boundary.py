"""Content never runs and nothing outside the guide is published (issue 24): the site address, the
hand-written pages' macros, links in content and theme folders, folders Déclic did not make, and the
list of what in a guide is code. Each attack is refused with a French message naming the file, the
command exits 1, and the previous site stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from conftest import MINI, copy_guide
from declic.cli import main
from declic.site.folders import MARKER


@pytest.fixture
def guide(tmp_path) -> Path:
    root = copy_guide(MINI, tmp_path / "guide").parent
    return root


def run(root: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, [*args, "-f", str(root / "mkdocs.yml")], env=env)


def built(root: Path) -> dict[str, bytes]:
    """The site as it stands, to compare after a refused build."""
    return {str(path): path.read_bytes() for path in sorted((root / "site").rglob("*")) if path.is_file()}


def set_site_url(root: Path, value: str) -> None:
    config = root / "mkdocs.yml"
    lines = [
        "site_url: !ENV [DECLIC_SITE_URL, '']" if line.startswith("site_url:") else line
        for line in config.read_text(encoding="utf-8").splitlines()
    ]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


BAD_ADDRESSES = [
    'https://x.fr/"><img src=x onerror=alert(1)>',
    "https://x.fr/'onmouseover='alert(1)",
    "javascript://a.fr/%0Aalert(1)//",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://x.fr/<script>",
    "https://user:secret@x.fr/",
    "https://x.fr/?q=1",
    "https:///chemin/",
    "https://x .fr/",
    "ftp://x.fr/",
]


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_a_site_address_that_is_not_an_address_is_refused_from_the_environment(guide, address):
    assert run(guide, "build").exit_code == 0
    before = built(guide)
    set_site_url(guide, "")
    result = run(guide, "build", env={"DECLIC_SITE_URL": address})
    assert result.exit_code == 1
    assert "mkdocs.yml:" in result.output and "site_url: adresse du site refusée" in result.output
    assert built(guide) == before


@pytest.mark.parametrize("address", BAD_ADDRESSES[:3])
def test_a_site_address_that_is_not_an_address_is_refused_from_the_file(guide, address):
    config = guide / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        'site_url: "https://guide.example.org/essai/"', f"site_url: {address!r}".replace("\\'", "''")
    )
    config.write_text(text, encoding="utf-8")
    result = run(guide, "check")
    assert result.exit_code == 1
    assert "site_url: adresse du site refusée" in result.output


def test_a_plain_site_address_reaches_the_canonical_link_and_qr_codes(guide):
    set_site_url(guide, "")
    result = run(guide, "build", env={"DECLIC_SITE_URL": "https://formation.exemple.fr/guide"})
    assert result.exit_code == 0, result.output
    page = BeautifulSoup((guide / "site" / "charte" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("link", rel="canonical")["href"] == "https://formation.exemple.fr/guide/charte/"


def write_page(root: Path, name: str, body: str) -> Path:
    page = root / "content" / name
    page.write_text(f"---\nrender_macros: true\n---\n\n# Page\n\n{body}\n", encoding="utf-8")
    return page


@pytest.mark.parametrize(
    "expression",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ declic_list.__globals__ }}",
        "{{ self.__init__.__globals__ }}",
        "{% for c in [].__class__.__base__.__subclasses__() %}{% endfor %}",
        "{{ lipsum.__globals__['os'].system('touch PWNED') }}",
        "{% include '/etc/passwd' %}",
        "{{ config }}",
        "{{ environment }}",
    ],
)
def test_a_content_page_runs_no_code(guide, expression, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(guide, "build").exit_code == 0
    before = built(guide)
    write_page(guide, "piege.md", expression)
    result = run(guide, "build")
    assert result.exit_code == 1, result.output
    assert "content/piege.md" in result.output
    assert not (tmp_path / "PWNED").exists() and not (guide / "PWNED").exists()
    assert built(guide) == before


def test_a_content_page_gets_deklics_macros(guide):
    write_page(guide, "chiffres.md", "Cas : {{ declic.counts.cards }}.\n\n{{ declic_list('roles') }}")
    result = run(guide, "build")
    assert result.exit_code == 0, result.output
    page = BeautifulSoup((guide / "site" / "chiffres" / "index.html").read_text(encoding="utf-8"), "lxml")
    text = page.article.get_text(" ", strip=True)
    assert "{{" not in text and "Cas : " in text
    assert page.article.find("a", href=lambda href: href and href.startswith("../parcours/"))


def test_a_broken_macro_names_its_page_and_line(guide):
    write_page(guide, "casse.md", "Bonjour\n\n{{ declic.counts.nothing_here }}")
    result = run(guide, "check")
    assert result.exit_code == 1
    assert "content/casse.md:9:" in result.output


def test_a_guide_that_still_names_the_old_macros_module_builds_with_a_notice(guide, caplog):
    config = guide / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "plugins:\n", "plugins:\n  - macros:\n      modules: [generator.macros]\n      render_by_default: false\n", 1
    )
    config.write_text(text, encoding="utf-8")
    result = run(guide, "build")
    assert result.exit_code == 0, result.output
    assert any(
        "generator.macros" in record.getMessage() and "n'existe plus" in record.getMessage()
        for record in caplog.records
    )


@pytest.mark.parametrize("target", ["/proc/self/environ", "outside-secret"])
def test_a_link_out_of_the_guide_is_not_published(guide, tmp_path, target):
    secret = tmp_path / "outside-secret"
    secret.write_text("TOKEN=abc", encoding="utf-8")
    assert run(guide, "build").exit_code == 0
    before = built(guide)
    (guide / "content" / "e.txt").symlink_to(target if target.startswith("/") else secret)
    result = run(guide, "build")
    assert result.exit_code == 1
    assert "content/e.txt" in result.output and "hors du dossier" in result.output
    assert built(guide) == before
    assert not (guide / "site" / "e.txt").exists()


def test_a_link_in_the_theme_folder_is_not_published(guide, tmp_path):
    (tmp_path / "cle.pem").write_text("PRIVATE", encoding="utf-8")
    (guide / "overrides").mkdir()
    (guide / "overrides" / "cle.pem").symlink_to(tmp_path / "cle.pem")
    result = run(guide, "check")
    assert result.exit_code == 1
    assert "overrides/cle.pem" in result.output


def test_a_pipe_or_a_folder_link_in_content_is_refused(guide, tmp_path):
    os.mkfifo(guide / "content" / "tube.md")
    (guide / "content" / "dossier").symlink_to(tmp_path)
    result = run(guide, "check")
    assert result.exit_code == 1
    assert "content/tube.md" in result.output and "content/dossier" in result.output


def test_a_link_inside_the_content_folder_is_published(guide):
    (guide / "content" / "copie.md").symlink_to(guide / "content" / "charte.md")
    result = run(guide, "build")
    assert result.exit_code == 0, result.output
    assert (guide / "site" / "copie" / "index.html").is_file()


def test_only_leftovers_carrying_the_marker_are_removed(guide):
    foreign_new = guide / ".site.new-someone"
    foreign_old = guide / ".site.old-12345"
    for folder in (foreign_new, foreign_old):
        folder.mkdir()
        (folder / "travail.txt").write_text("à garder", encoding="utf-8")
    ours = guide / ".site.new-dead"
    ours.mkdir()
    (ours / MARKER).write_text("", encoding="utf-8")
    result = run(guide, "build")
    assert result.exit_code == 0, result.output
    assert (foreign_new / "travail.txt").read_text(encoding="utf-8") == "à garder"
    assert (foreign_old / "travail.txt").read_text(encoding="utf-8") == "à garder"
    assert not ours.exists()


def test_check_lists_what_in_the_guide_is_code(guide):
    (guide / "h.py").write_text("def on_startup(**kwargs):\n    pass\n", encoding="utf-8")
    (guide / "overrides" / "partials").mkdir(parents=True)
    (guide / "overrides" / "partials" / "footer.html").write_text("<footer></footer>", encoding="utf-8")
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - h.py\n", encoding="utf-8")
    result = run(guide, "check")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("Ce guide exécute"))
    assert "hooks (Python) : h.py" in line and "gabarits du thème : overrides/partials/footer.html" in line
