"""Browser tests: the built sites served on 127.0.0.1, driven with Playwright in Debian's Chromium.

The tiny guide is built once with Déclic's theme overrides (and once more for offline use); every
page a test opens fails the test if its console shows an error.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from browser.chromium import find_chromium
from conftest import MINI, ROOT, copy_guide
from declic.build import build
from declic.site import search_index
from declic.site.project import load_project

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]


def themed_guide(target: Path) -> Path:
    """A copy of the tiny guide that uses Déclic's theme, with one curly apostrophe for search."""
    config = copy_guide(MINI, target)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(r"(?m)^  language: fr$", "  language: fr\n  custom_dir: overrides", text, count=1), encoding="utf-8"
    )
    irritant = target / "usecases" / "irritants" / "ecrire-devis.yaml"
    irritant.write_text(
        irritant.read_text(encoding="utf-8").replace(
            "description: Le client ne comprend pas ce qu'il paie.",
            "description: Le client ne comprend pas ce qu'il paie, ni l’échéancier.",
        ),
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    project = load_project(themed_guide(tmp_path_factory.mktemp("browser") / "mini"))
    build(project, strict=True)
    return project.site_dir


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    project = load_project(themed_guide(tmp_path_factory.mktemp("offline") / "mini"))
    build(project, strict=True, offline=True)
    return project.site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(mini_site) -> Iterator[str]:
    """The tiny guide's address on a local server."""
    yield from serve(mini_site)


@pytest.fixture(scope="session")
def parted_site(tmp_path_factory) -> Path:
    """The tiny guide with its search index in parts of 5 pages, as a large site's is."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "PAGES_PER_INDEX", 5)
        project = load_project(themed_guide(tmp_path_factory.mktemp("parted") / "mini"))
        build(project, strict=True)
    return project.site_dir


@pytest.fixture(scope="session")
def parted_site_url(parted_site) -> Iterator[str]:
    yield from serve(parted_site)


@pytest.fixture(scope="session")
def default_url(default_site) -> Iterator[str]:
    """The shipped default guide's address on a local server."""
    yield from serve(default_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Without a browser, a local run skips these tests with one line saying what to install; in CI
    (CI=true) they fail: a green CI must have driven a browser."""
    executable = find_chromium()
    if executable is None:
        message = (
            "aucun Chromium trouvé (DECLIC_CHROMIUM, chromium, chromium-browser ou google-chrome sur le PATH, "
            "ou `playwright install chromium`) : voir « Tests » dans le README"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[Page]:
    """A fresh tab that may use the clipboard; any console error or uncaught exception fails the test."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="fr-FR")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], "erreurs dans la console du navigateur"
