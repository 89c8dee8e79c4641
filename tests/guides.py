"""Guides the tests make from the tiny fixture guide: one with every review status, one whose every
text field carries an attack, one with a case of the bad-input corpus laid over it."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

from conftest import MINI, ROOT, TESTS, copy_guide

CASES = TESTS / "errors" / "cases"
CONTROL_FILES = ("expected.txt", "delete.txt", "grow.txt", "declic.yaml")
RECENT = (date.today() - timedelta(days=10)).isoformat()
LONG_AGO = (date.today() - timedelta(days=800)).isoformat()


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def mixed_guide(root: Path) -> Path:
    """The mini guide with every status: a prompt and its trade validated, a draft prompt, a trade
    in review, an untouched irritant (no status: validated), a retired prompt with its replacement."""
    config = copy_guide(MINI, root)
    usecases = root / "usecases"
    append(config, "    publish: validated\n")
    append(
        usecases / "prompts/relance-facture.yaml",
        f"""status: validé
owner: Service compta
reviewed_on: 2020-01-15
review_every: 6 mois
tested:
  - {{assistant: ChatGPT, date: 2020-03-12, result: à retoucher}}
  - {{assistant: Le Chat, model: Mistral Large, date: {RECENT}, result: ok, note: Ton juste.}}
""",
    )
    append(
        usecases / "prompts/descriptif-devis.yaml",
        f"status: brouillon\nowner: Léa\ntested:\n  - {{assistant: Le Chat, date: {LONG_AGO}, result: ok}}\n",
    )
    append(usecases / "trades/fleuriste.yaml", "status: relecture\nowner: Léa\n")
    retired = (usecases / "prompts/relance-facture.yaml").read_text(encoding="utf-8")
    retired = retired.replace("former_ids: [relance-cordiale]\n", "").replace("status: validé", "status: retiré")
    (usecases / "prompts/ancienne-relance.yaml").write_text(
        retired + "retired_because: Le ton était trop sec pour nos clients.\nreplaced_by: relance-facture\n",
        encoding="utf-8",
    )
    return config


MARK = "XSS"  # in every attack: whatever runs or leaks can be traced to the catalog
ATTACKS = (
    "<script>alert('XSS-1')</script>",
    "</title><script>alert('XSS-2')</script>",
    "\"><script>alert('XSS-3')</script>",
    "<img src=x onerror=alert('XSS-4')>",
    "[clic](javascript:alert('XSS-5'))",
    "<javascript:alert('XSS-6')>",
    "{{ 7*7 }} {% raw %}XSS-7{% endraw %}",
    "{: onclick=\"alert('XSS-8')\" }",
    "&lt;b&gt;XSS-9&lt;/b&gt; &amp;",
    "<a href=\"javascript:alert('XSS-10')\">lien</a>",
    "![image](javascript:alert('XSS-11'))",
    "<svg onload=alert('XSS-12')>",
    '=HYPERLINK("https://example.org";"XSS-13")',
    "*XSS-14* _gras_ `code` | cellule | ~~barré~~",
    # Line breaks of YAML's that Markdown ignores: in front matter they once ended it early.
    # U+0085 (NEL) was here too: C1 controls are now refused at load (tests/errors/cases/text-c1-control).
    "\u2028---\u2029{: autofocus onfocus=\"alert('XSS-17')\" }\u2029--- fin",
)
# Free-text fields of every kind (ids, numbers and choices are checked by the schema instead).
TEXT_FIELDS = {
    "title",
    "quote",
    "description",
    "name",
    "sector",
    "story",
    "text",
    "label",
    "example",
    "objective",
    "experience",
    "observation",
    "principle",
    "redo_alone",
    "question",
    "answer",
    "author",
    "note",
    "per",
}
TEXT_LISTS = {"needs", "steps", "check", "never_paste", "mistakes", "goals"}


def is_text(path: tuple) -> bool:
    names = [part for part in path if isinstance(part, str)]
    return names[-1] in TEXT_FIELDS or names[-1] in TEXT_LISTS or names[0] == "context"


def attack(data, counter: list[int], path: tuple = ()):
    """Append an attack to every free-text value (appending keeps prompt variables in use)."""
    if isinstance(data, dict):
        return {key: attack(value, counter, (*path, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [attack(value, counter, (*path, index)) for index, value in enumerate(data)]
    if isinstance(data, str) and is_text(path):
        counter[0] += 1
        return f"{data} {ATTACKS[counter[0] % len(ATTACKS)]}"
    return data


def attacked_guide(target: Path, search: str) -> Path:
    config_file = copy_guide(MINI, target)
    guide = config_file.parent
    counter = [0]
    for path in sorted(guide.glob("*/*/*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        path.write_text(yaml.safe_dump(attack(data, counter), allow_unicode=True), encoding="utf-8")
    # The fields the head and the tags are made of carry every attack at once.
    for relative, fields in (
        ("usecases/irritants/relancer-factures.yaml", ("title", "quote")),
        ("usecases/trades/plombier.yaml", ("name",)),
    ):
        data = yaml.safe_load((guide / relative).read_text(encoding="utf-8"))
        data.update({field: f"{data[field]} {' '.join(ATTACKS)}" for field in fields})
        (guide / relative).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    trade = guide / "usecases" / "trades" / "fleuriste.yaml"  # a spreadsheet formula, first in its cell
    data = yaml.safe_load(trade.read_text(encoding="utf-8"))
    data["name"] = f'=HYPERLINK("https://example.org";"XSS-16") {data["name"]}'
    trade.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    source = guide / "usecases" / "sources" / "livre-blanc.yaml"
    source.write_text(
        source.read_text(encoding="utf-8") + 'url: "https://example.org/livre_blanc?a=1&b=*XSS-15*_x_"\n',
        encoding="utf-8",
    )
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra"]["declic"]["search"] = search
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


def lay_over(case: Path, guide: Path) -> None:
    """Copy the case's files over the guide; `delete.txt` lists paths to remove, `grow.txt` lines
    `path size` pad a file with comment lines up to `size` bytes (a huge file, kept small in git), and
    `declic.yaml` holds settings merged into the guide's `extra.declic`."""
    for source in case.rglob("*"):
        relative = source.relative_to(case)
        if source.is_file() and relative.as_posix() not in CONTROL_FILES:
            (guide / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, guide / relative)
    if (case / "delete.txt").exists():
        for line in (case / "delete.txt").read_text(encoding="utf-8").split():
            (guide / line).unlink()
    if (case / "declic.yaml").exists():
        config = yaml.safe_load((guide / "mkdocs.yml").read_text(encoding="utf-8"))
        config["extra"]["declic"].update(yaml.safe_load((case / "declic.yaml").read_text(encoding="utf-8")))
        (guide / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    if (case / "grow.txt").exists():
        for line in (case / "grow.txt").read_text(encoding="utf-8").splitlines():
            path, size = line.split()
            with (guide / path).open("ab") as stream:
                padding = b"# " + b"remplissage " * 8 + b"\n"
                stream.write(padding * (int(size) // len(padding) + 1))
