"""Which browser the browser tests drive (tests/browser/chromium.py), as the README's « Tests » says."""

from __future__ import annotations

import pytest

from browser import chromium


@pytest.fixture
def nothing_installed(monkeypatch, tmp_path):
    monkeypatch.delenv("DECLIC_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "vide"))
    monkeypatch.setattr(chromium, "MAC_APPLICATIONS", ())
    monkeypatch.setattr(chromium, "_playwright_own", lambda: None)


def test_declic_chromium_comes_first_and_must_exist(nothing_installed, monkeypatch, tmp_path):
    browser = tmp_path / "mon-chrome"
    browser.write_text("")
    monkeypatch.setenv("DECLIC_CHROMIUM", str(browser))
    assert chromium.find_chromium() == str(browser)
    monkeypatch.setenv("DECLIC_CHROMIUM", str(tmp_path / "absent"))
    assert chromium.find_chromium() is None  # a wrong path is not replaced by another browser


def test_a_mac_application_is_found_though_not_on_path(nothing_installed, monkeypatch, tmp_path):
    application = tmp_path / "Applications" / "Google Chrome.app" / "Contents" / "MacOS" / "Google Chrome"
    application.parent.mkdir(parents=True)
    application.write_text("")
    monkeypatch.setattr(chromium, "MAC_APPLICATIONS", (tmp_path / "Applications" / "Chromium.app", application))
    assert chromium.find_chromium() == str(application)


def test_none_found_is_none(nothing_installed):
    assert chromium.find_chromium() is None
