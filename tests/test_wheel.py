"""Déclic installs with pip: a wheel built from this repository, installed in a fresh virtualenv
with no clone beside it, creates a guide and builds it from the default catalog it carries."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

from conftest import ROOT
from declic import __version__


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_wheel_installed_alone_creates_and_builds_a_guide(tmp_path):
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "dist", ROOT, cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("declic_guide-*.whl"))
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)

    elsewhere = tmp_path / "ailleurs"  # no checkout of Déclic on the way: only the installed package
    elsewhere.mkdir()
    assert run(bin_dir / "declic", "--version", cwd=elsewhere).strip() == f"declic {__version__}"
    run(bin_dir / "declic", "init", "guide", "--name", "Essai", cwd=elsewhere)
    guide = elsewhere / "guide"
    # The pipelines install what requirements.txt names: this distribution, at the version that made the guide.
    requirement = [
        line for line in (guide / "requirements.txt").read_text(encoding="utf-8").splitlines() if line[:1].isalnum()
    ]
    assert requirement == [f"declic-guide=={__version__}"]
    for pipeline in (".gitlab-ci.yml", ".github/workflows/pages.yml"):
        assert "pip install -r requirements.txt" in (guide / pipeline).read_text(encoding="utf-8")
    run(bin_dir / "declic", "build", cwd=guide)

    catalog = json.loads((guide / "site" / "catalogue.json").read_text(encoding="utf-8"))
    assert catalog["counts"]["cards"] > 100  # the default catalog came with the wheel
    footer = (guide / "site" / "index.html").read_text(encoding="utf-8")
    assert f"Site construit avec Déclic {__version__} et" in " ".join(footer.split())
    installed = run(bin_dir / "python", "-c", "import declic.site.project as p; print(p.DEFAULT_GUIDE)", cwd=elsewhere)
    assert "site-packages" in installed and str(ROOT) not in installed

    # What `pip show declic-guide` prints as « License-Expression » (pip 25.1 and later read it).
    metadata = "from importlib.metadata import metadata; m = metadata('declic-guide'); print(m['License-Expression'])"
    assert run(bin_dir / "python", "-c", metadata, cwd=elsewhere).strip() == "EUPL-1.2 AND CC-BY-4.0"
    site_packages = Path(installed.strip()).parents[1]
    assert not (site_packages / "generator").exists()  # the import package is `declic`, nothing else at the top
    top_level = {path.name for path in site_packages.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert "declic" in top_level


def test_the_pipelines_a_new_guide_gets_are_valid(tmp_path):
    """Both publishing files, as `declic init` writes them, against the schemas GitLab and GitHub
    publish (vendored by check-jsonschema); their actions run on Node 24 (majors checked 2026-12)."""
    from declic.commands.init import guide_files

    files = guide_files("Mairie d'Essai")
    for path, schema in (
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
        (".github/workflows/pages.yml", "vendor.github-workflows"),
    ):
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files[path], encoding="utf-8")
        check = Path(sys.executable).with_name("check-jsonschema")
        run(check, "--builtin-schema", schema, target, cwd=tmp_path)
    workflow = files[".github/workflows/pages.yml"]
    for action in (
        "actions/checkout@v5",
        "actions/setup-python@v6",
        "actions/upload-pages-artifact@v5",
        "actions/deploy-pages@v5",
    ):
        assert action in workflow
    assert "concurrency:" in workflow and "resource_group: pages" in files[".gitlab-ci.yml"]


def test_the_schema_check_can_fail(tmp_path):
    target = tmp_path / "pages.yml"
    target.write_text("on: push\njobs:\n  build:\n    steps: 3\n", encoding="utf-8")
    check = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(check), "--builtin-schema", "vendor.github-workflows", str(target)], capture_output=True, check=False
    )
    assert result.returncode == 1
