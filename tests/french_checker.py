"""Where Grammalecte runs: Debian's python3-grammalecte lives in the system Python, not in the virtual
environment, so the French tests hand their text to tests/grammalecte_check.py and
tests/grammalecte_genders.py run by a Python that has it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def python_with_grammalecte() -> str:
    for python in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if python and subprocess.run([python, "-c", "import grammalecte"], capture_output=True).returncode == 0:
            return python
    message = (
        "Grammalecte introuvable : `make test` l'installe sur Debian en root (paquets grammalecte-cli, "
        "python3-grammalecte) ; ailleurs, voir « Tests » dans le README"
    )
    if os.environ.get("CI") == "true":  # a green CI must have read the French
        pytest.fail(message)
    pytest.skip(message)
