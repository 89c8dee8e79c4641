"""Golden tests: the Markdown generated for the tiny fixture guide, compared file by file with
tests/golden/mini/. After an intended change, `make golden` rewrites them; review the diff."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TESTS
from declic.build import generate
from declic.site.folders import MARKER
from declic.site.project import load_project

GOLDEN = TESTS / "golden" / "mini"


def generated_files(docs: Path) -> dict[str, str]:
    return {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*"))
        if path.is_file() and path.name != MARKER  # the folder's mark of ownership, not a page
    }


def test_generated_markdown_matches_the_golden_files(mini, request):
    project = load_project(mini)
    generate(project)
    actual = generated_files(project.docs_dir)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in actual.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    assert actual == generated_files(GOLDEN)


def test_a_second_generation_writes_nothing(mini):
    project = load_project(mini)
    first = generate(project)
    again = generate(project)
    assert first.report.written and again.report.written == ()
    assert again.report.removed == ()


def test_only_the_pages_of_a_changed_irritant_are_rewritten(mini):
    project = load_project(mini)
    generate(project)
    irritant = mini.parent / "usecases" / "irritants" / "ecrire-devis.yaml"
    irritant.write_text(
        irritant.read_text(encoding="utf-8").replace("trop courts", "bien trop courts"), encoding="utf-8"
    )
    written = set(generate(project).report.written)
    assert "cas-usage/plombier/ecrire-devis.md" in written
    assert "cas-usage/fleuriste/relancer-factures.md" not in written
    assert "fiches/relance-facture.md" not in written


def test_a_page_whose_entity_disappeared_is_removed(mini):
    project = load_project(mini)
    generate(project)
    (mini.parent / "usecases" / "trades" / "fleuriste.yaml").unlink()
    report = generate(project).report
    assert "cas-usage/fleuriste/relancer-factures.md" in report.removed
    assert not (project.docs_dir / "cas-usage" / "fleuriste").exists()
