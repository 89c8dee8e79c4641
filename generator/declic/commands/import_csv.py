"""A CSV of prompts (the public `act,prompt` list, or any spreadsheet with a column mapping) → one
prompt YAML per row, as `brouillon`, with what the CSV cannot say left empty and marked « À
COMPLÉTER » so that `declic check` names each such field. Never overwrites a file unless asked.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel
from slugify import slugify

from declic.catalog.prompt_text import VARIABLE
from declic.catalog.schema import KINDS_BY_NAME
from declic.catalog.schema.base import FORBIDDEN_CHARACTER, MAX_ID_LENGTH, suggested_id
from declic.catalog.schema.prompt import Prompt, Sheet, TimeSaved, Variable
from declic.commands.targets import check_targets
from declic.errors import CatalogError, Issue, suggest
from declic.site.project import Project

MAX_TEXT = 10_000  # characters: far beyond a 20-minute exercise's prompt (estimation); such a row is skipped
TODO = "À COMPLÉTER"
PROMPTS = KINDS_BY_NAME["prompts"].folder
# A blank in a prompt someone already wrote: {nom}, [nom] or `nom`, a few words at most. Not a
# Markdown link ([texte](adresse)), not doubled braces ({{ … }}: the prompt's own template syntax).
BLANK = re.compile(
    r"(?<!\{)\{(?P<brace>[^{}\[\]`\n]{1,60})\}(?!\})"
    r"|\[(?P<bracket>[^{}\[\]`\n]{1,60})\](?!\()"
    r"|`(?P<tick>[^{}\[\]`\n]{1,60})`"
)
# What a blank holds: a variable's name or label, a few words of letters (digits, _, ' and - inside a
# word), starting with a letter: `nom_du_client`, [date d'échéance], {numéro de facture}.
_WORD = r"[^\W\d_][\w'’-]*|\d[\w'’-]*"
_LABEL = re.compile(rf"[^\W\d_][\w'’-]*(?: (?:{_WORD})){{0,5}}")
# Line breaks as YAML reads them: the text keeps its lines, written \n. Then the characters no text
# of a guide holds (the catalog's own rule, so that `declic check` accepts what is written) and a stray
# byte-order mark are dropped.
_YAML_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")


@dataclass(frozen=True)
class Columns:
    """Which CSV column holds what; the defaults are the public list's."""

    title: str = "act"
    text: str = "prompt"
    owner: str | None = None


SHOWN = 10  # rows listed per kind of report line; the others are counted
# Why a row is skipped, as the report counts them.
EMPTY, NO_COLUMN, TOO_LONG, DUPLICATE, EXISTS = "vide", "colonne vide", "trop long", "doublon", "fichier existant"


@dataclass
class ImportReport:
    """What an import did, in a size that does not grow with the CSV: counts, and the first rows
    of each list (`SHOWN`)."""

    written: int = 0
    renamed: int = 0
    renamed_shown: list[tuple[int, str, str]] = field(default_factory=list)  # (row, id wanted, id given)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → rows
    skipped_shown: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    folder: Path | None = None

    def skip(self, row: int, reason: str, why: str) -> None:
        self.skipped[reason] += 1
        if len(self.skipped_shown) < SHOWN:
            self.skipped_shown.append((row, why))

    def rename(self, row: int, wanted: str, given: str) -> None:
        self.renamed += 1
        if len(self.renamed_shown) < SHOWN:
            self.renamed_shown.append((row, wanted, given))


@dataclass(frozen=True)
class _Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    line: int  # where the row starts in the file
    cells: dict[str, str]


class _FreeIds:
    """Ids not yet taken, `wanted`, then `wanted-2`, `wanted-3`…: each base remembers the last
    number it tried, so that 8,000 rows of one title cost 8,000 tries, not 32 million."""

    def __init__(self, taken: set[str]):
        self.taken = taken
        self._next: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        number = self._next.get(wanted, 1)
        candidate = wanted if number == 1 else _numbered(wanted, number)
        while candidate in self.taken:
            number += 1
            candidate = _numbered(wanted, number)
        self._next[wanted] = number + 1
        self.taken.add(candidate)
        return candidate


def _numbered(wanted: str, number: int) -> str:
    suffix = f"-{number}"
    return wanted[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix


def import_csv(
    source: Path, root: Path, existing_ids: set[str], columns: Columns = Columns(), force: bool = False
) -> ImportReport:
    """`root`: the guide; `existing_ids`: prompt ids of the whole catalog, inherited ones included.
    Rows are read one at a time and each prompt is written to a folder of its own in the guide;
    they take their place only once the whole CSV has been read without a problem."""
    folder = root / PROMPTS
    check_targets(root, [folder / "_.yaml"])  # the folder itself: before reading a row
    own = {path.stem for path in folder.glob("*.y*ml")} if folder.is_dir() else set()
    free = _FreeIds(set(existing_ids) - own)  # an inherited prompt of the same id is not replaced: renamed
    report = ImportReport(folder=folder)
    seen: dict[bytes, int] = {}  # a digest of (title, text) → its first row
    staging: Path | None = None
    try:
        for row in _rows(source, columns):
            title = _one_line(row.cells.get(columns.title, ""))
            text = _clean(row.cells.get(columns.text, ""))
            if not any(value.strip() for value in row.cells.values()):
                report.skip(row.number, EMPTY, "rangée vide")
                continue
            if not title or not text:
                report.skip(row.number, NO_COLUMN, f"colonne « {columns.title if not title else columns.text} » vide")
                continue
            if len(text) > MAX_TEXT:
                why = f"prompt trop long : {_number(len(text))} caractères, {_number(MAX_TEXT)} au plus"
                report.skip(row.number, TOO_LONG, why)
                continue
            key = hashlib.blake2b(f"{title}\0{text}".encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key in seen:
                report.skip(row.number, DUPLICATE, f"doublon de la rangée {seen[key]}")
                continue
            seen[key] = row.number
            wanted = suggested_id(title)
            if wanted in own and not force:
                why = f"{PROMPTS}/{wanted}.yaml existe déjà (--force pour le remplacer)"
                report.skip(row.number, EXISTS, why)
                continue
            prompt_id = free.take(wanted)
            if prompt_id != wanted:
                report.rename(row.number, wanted, prompt_id)
            owner = _one_line(row.cells.get(columns.owner, "")) if columns.owner else ""
            if staging is None:
                staging = Path(tempfile.mkdtemp(prefix=".declic-import-", dir=root))
            content = prompt_yaml(title, text, owner, f"{source.name}, rangée {row.number}")
            (staging / f"{prompt_id}.yaml").write_text(content, encoding="utf-8")
            report.written += 1
        if staging is not None:
            names = sorted(path.name for path in staging.iterdir())
            check_targets(root, [folder / name for name in names])
            folder.mkdir(parents=True, exist_ok=True)
            for name in names:
                os.replace(staging / name, folder / name)  # replaces a link itself, never what it points to
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return report


# ---- Reading the CSV: every problem with its row ----


def _rows(source: Path, columns: Columns) -> Iterator[_Row]:
    """The rows one by one, read as they come: a CSV of any length takes the memory of one row."""
    with source.open("rb") as raw:
        _check_not_utf16(source, raw.read(2))
    # Undecodable bytes become lone surrogates, found below with their row (then reported).
    with source.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as file:
        first = file.readline()
        file.seek(0)  # back to the start, where utf-8-sig skips the BOM again
        reader = csv.reader(file, delimiter=_delimiter(first), strict=True)
        number, line = 1, 1
        try:
            header = [name.strip() for name in next(reader, [])]
            _check_encoding(source, number, line, header)
            _check_header(source, header, columns)
            for cells in reader:
                number += 1
                _check_encoding(source, number, line, cells)
                yield _Row(number, line, dict(zip(header, cells, strict=False)))
                line = reader.line_num + 1
        except csv.Error as error:
            raise CatalogError([_csv_issue(source, line, number + 1, error)]) from None


def _csv_issue(source: Path, line: int, number: int, error: csv.Error) -> Issue:
    message, where = str(error), f"rangée {number}"
    if "field larger than field limit" in message:
        limit = _number(csv.field_size_limit())
        return Issue(
            source.name,
            line,
            where,
            f"une cellule dépasse {limit} caractères",
            "un prompt tient en quelques milliers de caractères : vérifiez qu'un guillemet n'est pas resté ouvert",
        )
    if "unexpected end of data" in message:
        return Issue(
            source.name,
            line,
            where,
            "guillemet ouvert jamais refermé : la cellule court jusqu'à la fin du fichier",
            'dans une cellule, un guillemet s\'écrit doublé : ""',
        )
    if "NUL" in message:
        return Issue(source.name, line, where, "caractère nul : ce n'est pas un fichier CSV texte", None)
    return Issue(source.name, line, where, f"CSV illisible ({message})", None)


def _check_not_utf16(source: Path, data: bytes) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CatalogError(
            [Issue(source.name, 1, "", "le fichier est en UTF-16, pas en UTF-8", "enregistrez-le en « CSV UTF-8 »")]
        )


def _check_encoding(source: Path, number: int, line: int, cells: list[str]) -> None:
    for cell in cells:
        if bad := re.search("[\udc80-\udcff]", cell):
            byte = ord(bad.group()) - 0xDC00
            raise CatalogError(
                [
                    Issue(
                        source.name,
                        line + cell[: bad.start()].count("\n"),
                        f"rangée {number}",
                        f"le fichier n'est pas en UTF-8 (octet 0x{byte:02X} illisible)",
                        "dans le tableur, enregistrez-le en « CSV UTF-8 », ou convertissez-le : "
                        f"iconv -f WINDOWS-1252 -t UTF-8 {source.name} > {source.stem}-utf8.csv",
                    )
                ]
            )


def _delimiter(first: str) -> str:
    """`,` (the public list), `;` (French spreadsheets) or a tab: whichever the header line uses most."""
    return max((",", ";", "\t"), key=first.count)


def _check_header(source: Path, header: list[str], columns: Columns) -> None:
    wanted = {"--title": columns.title, "--text": columns.text, "--owner": columns.owner}
    issues = []
    for option, name in wanted.items():
        if name is None or name in header:
            continue
        present = ", ".join(f"« {column} »" for column in header if column) or "aucune"
        hint = suggest(name, header)
        issues.append(
            Issue(
                source.name,
                1,
                "rangée 1",
                f"colonne « {name} » introuvable (colonnes trouvées : {present})",
                (hint + " ; " if hint else "") + f"indiquez la bonne colonne avec {option} NOM",
            )
        )
    if issues:
        raise CatalogError(issues)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")  # French: a narrow no-break space between thousands


def _one_line(value: str) -> str:
    return " ".join(_clean(value).split())


def _clean(value: str) -> str:
    return FORBIDDEN_CHARACTER.sub("", _YAML_BREAKS.sub("\n", value or "")).replace("\ufeff", "").strip()


# ---- Writing the YAML ----


def blanks(text: str) -> tuple[str, dict[str, str]]:
    """The text with its blanks written `{name}`, and each name's label (the blank as written)."""
    labels = {name: name.replace("_", " ").capitalize() for name in VARIABLE.findall(text)}  # already in our form

    def replace(match: re.Match) -> str:
        label = next(value for value in match.groupdict().values() if value is not None).strip()
        if not _LABEL.fullmatch(label):  # `42`, [ ], {% raw %}, {"clé": 1}, `print(x)`: as written
            return match.group()
        name = slugify(label, separator="_", max_length=40, word_boundary=True) or "champ"
        if not re.match(r"[a-z]", name):
            name = f"champ_{name}"
        labels.setdefault(name, label[:1].upper() + label[1:])
        return "{" + name + "}"

    return BLANK.sub(replace, text), labels


def prompt_yaml(title: str, text: str, owner: str, origin: str) -> str:
    text, labels = blanks(text)
    lines = [
        f"# yaml-language-server: $schema=../../schemas/{PROMPTS.rsplit('/', 1)[-1]}.schema.json",
        f"# Importé le {date.today().isoformat()} de {origin}. Remplissez chaque champ marqué « {TODO} »,",
        "# puis lancez : declic check (il nomme chacun de ceux qui restent vides).",
        "status: brouillon",
    ]
    if owner:
        lines.append(f"owner: {_quoted(owner)}")
    lines.append(f"title: {_quoted(title)}")
    lines += _todo(Prompt, ("irritants", "roles", "level", "duration_minutes"))
    lines.append("text: |2-")
    lines += [f"  {line}".rstrip() for line in text.split("\n")]
    if labels:
        lines.append("variables:")
        for name, label in labels.items():
            lines += [f"  {name}:", f"    label: {_quoted(label)}", *_todo(Variable, ("description", "example"), 4)]
    lines += _todo(Prompt, ("steps", "check", "personal_data"))
    lines += [
        "time_saved:",
        *_todo(TimeSaved, ("minutes", "per"), 2),
        f"  # {TODO} : d'où vient ce chiffre, source et passage, ou à leur place estimate (by, method).",
        *_todo(TimeSaved, ("source", "passage"), 2),
    ]
    lines += ["sheet:", *_todo(Sheet, tuple(Sheet.model_fields), 2)]
    return "\n".join(lines) + "\n"


def _todo(model: type[BaseModel], names: tuple[str, ...], indent: int = 0) -> list[str]:
    """Empty fields, each with what to write: `declic check` reports them as « valeur vide »."""
    return [f"{' ' * indent}{name}:   # {TODO} : {model.model_fields[name].description}" for name in names]


def _quoted(value: str) -> str:
    """A one-line YAML string: double-quoted, as JSON writes it (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def import_prompts(project: Project, source: Path, columns: Columns, force: bool = False) -> ImportReport:
    """`declic import`: a CSV of prompts into the guide's prompt folder, as drafts. An id taken by a
    prompt the guide inherits is not reused (the import would replace it): the row is renamed."""
    folder = KINDS_BY_NAME["prompts"].folder
    existing = {path.stem for layer in project.catalog_layers for path in (layer / folder).glob("*.y*ml")}
    return import_csv(source, project.root, existing, columns, force)
