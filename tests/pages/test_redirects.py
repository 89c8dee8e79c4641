"""Redirect pages for former ids: one at each old address of a renamed path (persona or role), and
none where a page lives."""

from __future__ import annotations

from bs4 import BeautifulSoup

from declic.build import generate
from declic.site.project import load_project


def rename(path, former: str) -> None:
    path.write_text(f"former_ids: [{former}]\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def test_renamed_persona_and_role_paths_redirect(mini):
    guide = mini.parent
    rename(guide / "personas" / "people" / "paul-plombier.yaml", "paul")
    rename(guide / "personas" / "roles" / "gerants.yaml", "dirigeants")
    project = load_project(mini)
    generate(project)
    for old, new, title in (("paul", "paul-plombier", "Parcours"), ("dirigeants", "gerants", "Parcours")):
        page = BeautifulSoup((project.docs_dir / "parcours" / old / "index.html").read_text(encoding="utf-8"), "lxml")
        assert page.select_one("meta[http-equiv=refresh]")["content"] == f"0; url=../{new}/"
        assert page.select_one("link[rel=canonical]")["href"] == f"https://guide.example.org/essai/parcours/{new}/"
        link = page.select_one("body a")
        assert link["href"] == f"../{new}/" and link.get_text().startswith(title)


def test_a_generated_page_is_never_replaced_by_a_redirect(mini):
    project = load_project(mini)
    generate(project)
    pages = {path.relative_to(project.docs_dir).as_posix() for path in project.docs_dir.rglob("*")}
    for redirect in (path for path in pages if path.endswith("/index.html")):
        assert redirect.removesuffix("/index.html") + ".md" not in pages
        assert redirect.removesuffix("index.html") + "index.md" not in pages
