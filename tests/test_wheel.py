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
    assert f'pip install "declic=={__version__}"' in (guide / ".gitlab-ci.yml").read_text(encoding="utf-8")
    run(bin_dir / "declic", "build", cwd=guide)

    catalog = json.loads((guide / "site" / "catalogue.json").read_text(encoding="utf-8"))
    assert catalog["counts"]["cards"] > 100  # the default catalog came with the wheel
    footer = (guide / "site" / "index.html").read_text(encoding="utf-8")
    assert f"Site construit avec Déclic {__version__} et" in " ".join(footer.split())
    installed = run(bin_dir / "python", "-c", "import declic.site.project as p; print(p.DEFAULT_GUIDE)", cwd=elsewhere)
    assert "site-packages" in installed and str(ROOT) not in installed
