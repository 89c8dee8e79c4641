"""Live preview: `declic serve` shows an edit, goes back to idle, and while the guide has a problem
keeps the last good site served and lists the problem (terminal once, and `declic-apercu.json`,
which the page shows)."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
import urllib.request
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from declic.cli import main
from declic.commands.address import parse_address
from served import fetch, free_port, replace, serving, wait_for


def test_an_edit_is_served_then_serve_goes_idle(mini):
    card = mini.parent / "build" / "docs" / "cas-usage" / "fleuriste" / "relancer-factures.md"
    irritant = mini.parent / "usecases" / "irritants" / "ecrire-devis.yaml"
    with serving(mini) as served:
        url = served.base + "irritants/ecrire-devis/"
        assert "Écrire le descriptif du devis" in wait_for(lambda: fetch(url))
        indexed = len(json.loads(fetch(served.base + "search/search_index.json"))["docs"])
        untouched = card.stat().st_mtime_ns
        replace(irritant, "Écrire le descriptif du devis", "Rédiger le descriptif du devis")
        wait_for(lambda: "Rédiger le descriptif du devis" in (fetch(url) or ""))
        assert card.stat().st_mtime_ns == untouched  # a page of another irritant is not rewritten
        # The quick build rebuilt a few pages: the search index still holds every page.
        assert len(json.loads(fetch(served.base + "search/search_index.json"))["docs"]) == indexed
        wait_for(lambda: served.count("Aperçu à jour") == 1, 10)
        time.sleep(5)  # the generator's own reads of the YAML once made it rebuild forever
        assert served.count("Aperçu à jour") == 1, served.lines


def test_a_broken_file_keeps_the_last_good_site_and_shows_its_problem_until_fixed(mini):
    irritant = mini.parent / "usecases" / "irritants" / "ecrire-devis.yaml"
    good = irritant.read_text(encoding="utf-8")
    with serving(mini) as served:
        url, problems = served.base + "irritants/ecrire-devis/", served.base + "declic-apercu.json"
        assert "Écrire le descriptif du devis" in wait_for(lambda: fetch(url))
        irritant.write_text(good + "title: [\n", encoding="utf-8")
        listed = wait_for(lambda: json.loads(fetch(problems) or "[]"), 10)
        assert len(listed) == 1 and listed[0].startswith("usecases/irritants/ecrire-devis.yaml:")
        assert "Écrire le descriptif du devis" in fetch(url)  # the last good page, still served
        time.sleep(2)
        assert served.count("usecases/irritants/ecrire-devis.yaml:") == 1  # printed once, not on every event
        irritant.write_text(good.replace("Écrire le descriptif", "Rédiger le descriptif"), encoding="utf-8")
        wait_for(lambda: "Rédiger le descriptif du devis" in (fetch(url) or ""), 10)
        assert json.loads(fetch(problems)) == []
        assert served.count("Problèmes corrigés") == 1


def test_a_broken_mkdocs_yml_is_a_problem_like_any_other(mini):
    good = mini.read_text(encoding="utf-8")
    with serving(mini) as served:
        problems = served.base + "declic-apercu.json"
        wait_for(lambda: fetch(served.base))
        mini.write_text(good + "extra: [\n", encoding="utf-8")
        listed = wait_for(lambda: json.loads(fetch(problems) or "[]"), 10)
        assert listed[0].startswith("mkdocs.yml:")
        assert "Traceback" not in "\n".join(served.lines)
        mini.write_text(good, encoding="utf-8")
        wait_for(lambda: json.loads(fetch(problems) or '["x"]') == [], 10)


def test_serve_shows_the_drafts_of_a_guide_that_publishes_only_validated_entities(mini):
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text + "    publish: validated\n", encoding="utf-8")
    prompt = mini.parent / "usecases" / "prompts" / "descriptif-devis.yaml"
    prompt.write_text(prompt.read_text(encoding="utf-8") + "status: brouillon\n", encoding="utf-8")
    with serving(mini) as served:
        page = wait_for(lambda: fetch(served.base + "fiches/descriptif-devis/"))
        assert 'class="declic-draft"' in page
        assert "Brouillon" in page


def test_serve_stopped_by_a_signal_leaves_no_site_behind(mini, tmp_path):
    """A process manager stops the preview with SIGTERM: its served folders go as with Ctrl+C
    (each killed preview once left a whole site in the temporary folder)."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with serving(mini, {**os.environ, "TMPDIR": str(temporary)}) as served:
        wait_for(lambda: fetch(served.base))
        assert list(temporary.glob("declic-apercu-*"))
    assert served.process.returncode is not None
    assert list(temporary.glob("declic-apercu-*")) == []


def test_the_address_is_printed_once_the_port_answers_with_the_first_page(mini):
    """The first build takes seconds: « Aperçu sur … » waits for it, and for the server's loop, so that
    the address a user clicks as soon as it shows answers (it once showed 8 to 21 s before it did)."""
    with serving(mini) as served:
        line = wait_for(lambda: next((line for line in served.lines if "Aperçu sur" in line), None), 120)
        with urllib.request.urlopen(served.base, timeout=2) as response:  # at once, no retry
            assert response.status == 200
            assert "<html" in response.read().decode("utf-8")
        assert served.base in line
        # the first build wrote the home page only: another page waits for the full build, never « not found »
        with urllib.request.urlopen(served.base + "irritants/ecrire-devis/", timeout=120) as response:
            assert "Écrire le descriptif du devis" in response.read().decode("utf-8")
        assert served.count("Aperçu sur") == 1
        assert served.count("Material for MkDocs, le thème") == 1  # Material's end of life, said once per run


@pytest.mark.parametrize(
    ("typed", "host", "port", "network"),
    [
        ("8013", "127.0.0.1", 8013, False),
        ("127.0.0.1:8013", "127.0.0.1", 8013, False),
        ("localhost:8013", "localhost", 8013, False),
        ("[::1]:8013", "::1", 8013, False),
        ("0.0.0.0:8013", "0.0.0.0", 8013, True),
        ("[::]:8013", "::", 8013, True),
        ("192.168.1.20:8013", "192.168.1.20", 8013, True),
    ],
)
def test_a_bare_port_means_this_computer_only(typed, host, port, network):
    address = parse_address(typed)
    assert (address.host, address.port, address.reachable_from_the_network) == (host, port, network)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("localhost", "le port n'est pas un nombre"),
        ("abc:def", "le port n'est pas un nombre"),
        (":8013", "l'hôte manque avant « : »"),
        ("127.0.0.1:", "le port manque"),
        ("70000", "le port va de 1 à 65535"),
        ("un hôte:8013", "« un hôte » n'est ni une adresse IP ni un nom d'hôte"),
    ],
)
def test_a_bad_address_gets_a_french_message_not_a_traceback(mini, typed, why):
    result = CliRunner().invoke(main, ["serve", "-f", str(mini), "-a", typed])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.output.splitlines()[-1] == (
        f"Erreur : valeur invalide pour « -a » : « {typed} » : {why} ; attendu « HÔTE:PORT » ou « PORT », "
        "par exemple « 8000 » (cet ordinateur seulement) ou « 0.0.0.0:8000 » (tout le réseau)"
    )


class _NoServer:
    """Stands for the preview: what the command would serve, without a server."""

    started: ClassVar[list] = []

    def __init__(self, config_file, address, report, rebuilt, ready, vanished):
        self.url, self.ready = f"http://{address}/", ready
        _NoServer.started.append(address)

    def run(self) -> None:
        self.ready(self.url)  # the address and its warning are said once the first page is served


def test_all_interfaces_only_when_a_host_says_so_and_then_a_warning(mini, monkeypatch):
    import declic.commands.serve

    monkeypatch.setattr(declic.commands.serve, "Preview", _NoServer)
    _NoServer.started.clear()
    quiet = CliRunner().invoke(main, ["serve", "-f", str(mini), "-a", "8013"])
    assert quiet.exit_code == 0, quiet.output
    assert "réseau" not in quiet.output
    loud = CliRunner().invoke(main, ["serve", "-f", str(mini), "-a", "0.0.0.0:8013"])
    assert loud.exit_code == 0, loud.output
    assert (
        "Attention : l'aperçu écoute sur 0.0.0.0:8013, ouvert au réseau : quiconque joint cet ordinateur voit le "
        "guide, brouillons compris. Pour cet ordinateur seulement : -a 8013."
    ) in loud.output
    assert [(address.host, address.port) for address in _NoServer.started] == [("127.0.0.1", 8013), ("0.0.0.0", 8013)]


def _listening(port: int) -> set[str]:
    """The local addresses a TCP socket listens on at `port`, as Linux lists them."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.rpartition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's table of sockets")
def test_serve_on_a_bare_port_listens_on_127_0_0_1_only(mini):
    with serving(mini, bare_port=True) as served:
        wait_for(lambda: fetch(served.base))
        assert _listening(served.port) == {"0100007F"}  # 127.0.0.1, in the kernel's byte order


class _DeleteDuringBuild:
    """A mkdocs plugin that deletes a docs page once mkdocs has listed it, before it reads it."""

    def __init__(self, page: Path):
        self.page = page

    def on_files(self, files, **_):
        self.page.unlink()
        return files

    def __getattr__(self, name):
        raise AttributeError(name)


def test_a_page_deleted_during_a_build_is_reported_and_the_preview_goes_on(mini, tmp_path, monkeypatch):
    """A page deleted while the preview reads the guide once ended that build with a traceback, and
    a background build's thread for good."""
    import declic.build
    import declic.commands.serve as serve

    page = mini.parent / "content" / "charte.md"
    collect = declic.build.collect_content

    def listed_then_deleted(*args, **kwargs):
        found = collect(*args, **kwargs)
        if page.exists() and page in found.values():
            page.unlink()  # between the listing of the pages and their reading
        return found

    reports, gone = [], []
    preview = serve.Preview(
        mini, parse_address(str(free_port())), reports.append, lambda *_: None, vanished=gone.append
    )
    try:
        site = tmp_path / "servi"
        site.mkdir()
        monkeypatch.setattr(declic.build, "collect_content", listed_then_deleted)
        assert preview._build(site, dirty=False) is False  # no exception: the build stops
        assert gone == [str(page)] and reports == []
        assert preview.server._want_rebuild  # and asks for the next one
        assert preview._build(site, dirty=False) is True  # which shows the guide without the page
        assert reports == [[]] and (site / "index.html").is_file() and not (site / "charte").exists()

        # A background build reading the docs folder while a quick build removes a page from it.
        docs_page = preview.project.docs_dir / "index.md"
        real_config = serve.site_config

        def with_a_deletion(*args, **kwargs):
            config = real_config(*args, **kwargs)
            config.plugins["supprime"] = _DeleteDuringBuild(docs_page)
            return config

        monkeypatch.setattr(serve, "site_config", with_a_deletion)
        background = tmp_path / "arriere-plan"
        background.mkdir()
        assert preview._build(background, dirty=False, regenerate=False, outdated=lambda: False) is False
        assert not docs_page.exists()  # it happened
        assert gone == [str(page)] and reports == [[]]  # outdated, nothing to say: the deletion's quick build follows
    finally:
        preview.server.server_close()


def test_the_first_build_writes_the_home_page_and_a_page_asked_for_meanwhile_waits_for_the_full_build(mini):
    """The whole default guide took 7 s of CPU before the address answered (issue 25): the first build
    writes the home page only, and the full build follows in the background. A page asked for before
    it is there answers once it is, not « not found »."""
    import declic.commands.serve as serve

    deep = "irritants/ecrire-devis/index.html"
    at_ready: list[dict] = []

    def ready(url: str) -> None:
        root = Path(preview.server.root)
        home = (root / "index.html").read_text(encoding="utf-8")
        at_ready.append({"home": home, "deep": (root / deep).exists(), "url": url})

    reports: list[list[str]] = []
    preview = serve.Preview(mini, parse_address(str(free_port())), reports.append, lambda *_: None, ready)
    assert preview._build(Path(preview.server.root), dirty=True, home_page_only=True)
    assert reports == [[]]
    threads = [threading.Thread(target=target, daemon=True) for target in (preview.server.serve, preview._full_builds)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: at_ready, 30)
        assert at_ready[0]["home"] and not at_ready[0]["deep"]  # the home page only, then the full build
        base = at_ready[0]["url"]
        with urllib.request.urlopen(base, timeout=60) as response:
            assert "<html" in response.read().decode("utf-8")
        with urllib.request.urlopen(base + "irritants/ecrire-devis/", timeout=120) as response:  # waits for it
            assert response.status == 200
            assert "Écrire le descriptif du devis" in response.read().decode("utf-8")
        assert preview.server.complete.is_set()
        # the same home page as the full build's: the navigation lists every page from the first build on
        assert (Path(preview.server.root) / "index.html").read_text(encoding="utf-8") == at_ready[0]["home"]
        assert len(json.loads(fetch(base + "search/search_index.json"))["docs"]) > 1  # the full build's index
    finally:
        preview._stopped.set()
        preview._full_wanted.set()
        threads[1].join(timeout=60)
        preview.server.shutdown()
        preview.server.server_close()
        shutil.rmtree(preview.server.root, ignore_errors=True)


def test_an_edit_before_the_full_build_is_there_rebuilds_the_home_page_only(mini):
    """The served folder holds the first build's home page only: every other page, missing, would count
    as changed, and the quick build would be the whole build in the foreground. The full build brings them."""
    import declic.commands.serve as serve

    reports, rebuilt = [], []
    preview = serve.Preview(mini, parse_address(str(free_port())), reports.append, lambda *args: rebuilt.append(args))
    root = Path(preview.server.root)
    try:
        assert preview._build(root, dirty=True, home_page_only=True)
        home = mini.parent / "content" / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
        preview._quick_build()
        assert len(rebuilt) == 1 and reports == [[], []]
        assert "Une phrase ajoutée." in (root / "index.html").read_text(encoding="utf-8")
        assert not (root / "irritants" / "ecrire-devis" / "index.html").exists()
        assert preview._full_wanted.is_set() and not preview.server.complete.is_set()  # they come with it
    finally:
        preview.server.server_close()
        shutil.rmtree(root, ignore_errors=True)
