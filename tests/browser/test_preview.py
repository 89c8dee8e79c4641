"""`declic serve` in the browser: a broken file shows its problem on the page the editor is
looking at, above the last good version of it, and the notice goes away once the file is fixed."""

from __future__ import annotations

from playwright.sync_api import expect

from served import fetch, serving, wait_for

from .conftest import themed_guide


def test_the_problem_shows_on_the_page_and_goes_away_when_fixed(page, tmp_path):
    config = themed_guide(tmp_path / "mini")
    irritant = config.parent / "usecases" / "irritants" / "ecrire-devis.yaml"
    good = irritant.read_text(encoding="utf-8")
    with serving(config) as served:
        url = served.base + "irritants/ecrire-devis/"
        wait_for(lambda: fetch(url))
        page.goto(url)
        expect(page.locator("h1")).to_have_text("Écrire le descriptif du devis")
        expect(page.locator("#declic-problems")).to_have_count(0)

        irritant.write_text(good + "title: [\n<script>alert('XSS')</script>\n", encoding="utf-8")
        notice = page.locator("#declic-problems")
        expect(notice).to_be_visible(timeout=10_000)  # the page reloads by itself
        expect(notice).to_contain_text("Le guide a un problème")
        expect(notice).to_contain_text("usecases/irritants/ecrire-devis.yaml:")
        expect(page.locator("h1")).to_have_text("Écrire le descriptif du devis")  # the last good version
        page.screenshot(path=str(tmp_path / "apercu-probleme.png"))

        irritant.write_text(good.replace("Écrire le descriptif", "Rédiger le descriptif"), encoding="utf-8")
        expect(page.locator("h1")).to_have_text("Rédiger le descriptif du devis", timeout=10_000)
        expect(page.locator("#declic-problems")).to_have_count(0)
        page.goto("about:blank")  # before the server stops: its reload script waits on it
