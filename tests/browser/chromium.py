"""Which Chromium the browser tests drive, on any machine: `make test` asks this file too.

In order: the DECLIC_CHROMIUM variable; Chromium or Chrome on PATH (`chromium`, `chromium-browser`,
`google-chrome`, `google-chrome-stable`); on macOS, Chromium or Google Chrome in /Applications or
~/Applications (an application there is not on PATH); the browser Playwright installed itself
(`playwright install chromium`, where the network allows it). Run as a script, it prints the path,
or nothing when there is none.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# macOS: `brew install --cask chromium` or Google Chrome's installer put the application here.
MAC_APPLICATIONS = tuple(
    folder / app
    for folder in (Path("/Applications"), Path.home() / "Applications")
    for app in ("Chromium.app/Contents/MacOS/Chromium", "Google Chrome.app/Contents/MacOS/Google Chrome")
)


def find_chromium() -> str | None:
    if chosen := os.environ.get("DECLIC_CHROMIUM"):
        return chosen if Path(chosen).is_file() else None
    for name in NAMES:
        if found := shutil.which(name):
            return found
    for application in MAC_APPLICATIONS:
        if application.is_file():
            return str(application)
    return _playwright_own()


def _playwright_own() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if path and Path(path).is_file() else None


if __name__ == "__main__":
    print(find_chromium() or "")
