"""YAML files → raw documents: plain dicts and lists of strings, with the line of every field.

Takes a catalog root, returns one `RawDocument` per file. It checks only what YAML itself allows and
users never mean (aliases, tags, duplicate keys, several documents); it knows no schema. Every plain
scalar stays a string, so YAML 1.1 surprises (`no` → False, `1.10` → 1.1) cannot happen: the schema
converts values to the types it declares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml
from slugify import slugify

from .errors import CatalogError, Issue, display_path
from .schema import KINDS, Kind
from .schema.base import ID_PATTERN

MAX_FILE_BYTES = 1_000_000
_ID_RE = re.compile(ID_PATTERN)
_NULLS = {"", "~", "null", "Null", "NULL"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class RawDocument:
    kind: Kind
    id: str
    path: Path
    file: str  # as shown to the user
    data: dict[str, Any]
    lines: dict[FieldPath, int] = field(repr=False)

    def line(self, path: FieldPath) -> int | None:
        """The line of a field, or of its closest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load_catalog(root: Path, display_root: Path | None = None) -> tuple[RawDocument, ...]:
    """Read every entity file of every kind under `root`; raise CatalogError listing all problems."""
    shown = display_root or root
    documents: list[RawDocument] = []
    issues: list[Issue] = []
    for kind in KINDS:
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".yml":
                issues.append(Issue(display_path(path, shown), None, "", "extension « .yml » ignorée",
                                    f"renommez le fichier en « {path.stem}.yaml »"))
            if path.suffix != ".yaml" or not path.is_file():
                continue
            document, problems = load_file(path, kind, display_path(path, shown))
            issues.extend(problems)
            if document is not None:
                documents.append(document)
    issues.extend(_id_collisions(documents))
    if issues:
        raise CatalogError(issues)
    return tuple(documents)


def load_file(path: Path, kind: Kind, file: str) -> tuple[RawDocument | None, list[Issue]]:
    issues: list[Issue] = []
    entity_id = path.stem
    if not _ID_RE.match(entity_id):
        issues.append(Issue(file, None, "", f"le nom de fichier « {entity_id} » n'est pas un identifiant valide : "
                            "minuscules sans accent, chiffres et tirets", f"renommez-le « {slugify(entity_id) or 'x'}.yaml »"))
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [*issues, Issue(file, None, "", f"fichier trop gros ({len(raw):,} octets, {MAX_FILE_BYTES:,} au plus)".replace(",", "\u202f"),
                                     "une fiche tient en quelques kilo-octets : ce fichier n'est sans doute pas le bon")]
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is harmless
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [*issues, Issue(file, line, "", "le fichier n'est pas encodé en UTF-8",
                                     "enregistrez-le en UTF-8 depuis votre éditeur")]
    builder = _Builder(file)
    try:
        data = builder.document(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        return None, [*issues, _syntax_issue(file, error, text)]
    except RecursionError:
        return None, [*issues, Issue(file, None, "", "structure imbriquée trop profonde")]
    issues.extend(builder.issues)
    if builder.issues or data is None:
        return None, issues
    return RawDocument(kind, entity_id, path, file, data, builder.lines), issues


_SYNTAX_MESSAGES = (
    ("cannot start any token", "\t", "tabulation interdite", "indentez avec des espaces, jamais des tabulations"),
    ("quoted scalar", "", "guillemet ouvert mais jamais fermé", "fermez la chaîne commencée à cette ligne"),
    ("mapping values are not allowed", "", "deux-points inattendu",
     "mettez la valeur entre guillemets si elle contient « : », ou vérifiez l'indentation"),
    ("expected <block end>", "", "indentation incohérente", "alignez ce champ sur les champs de même niveau"),
    ("could not find expected ':'", "", "deux-points manquant après un nom de champ", None),
)


def _syntax_issue(file: str, error: yaml.MarkedYAMLError, source: str) -> Issue:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    # The C parser does not name the character it stopped at: read it from the source.
    found = source.splitlines()[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(source.splitlines()) else ""
    text = f"{error.context or ''} {error.problem or ''} {found}"
    for needle, extra, message, hint in _SYNTAX_MESSAGES:
        if needle in text and extra in text:
            return Issue(file, line, "", f"syntaxe YAML invalide : {message}", hint)
    return Issue(file, line, "", f"syntaxe YAML invalide ({(error.problem or error.context or '').strip()})")


class _Builder:
    """Builds plain Python values from parser events, recording the line of every field."""

    def __init__(self, file: str):
        self.file = file
        self.issues: list[Issue] = []
        self.lines: dict[FieldPath, int] = {}

    def document(self, events: Iterator[yaml.Event]) -> dict[str, Any] | None:
        next(events)  # StreamStart
        event = next(events)
        if isinstance(event, yaml.StreamEndEvent):
            self._issue(None, (), "fichier vide", "un fichier décrit une fiche : ajoutez ses champs")
            return None
        start = next(events)
        self.lines[()] = start.start_mark.line + 1
        data = self._node(events, start, ())
        next(events)  # DocumentEnd
        extra = next(events)
        if isinstance(extra, yaml.DocumentStartEvent):
            self._issue(extra.start_mark.line + 1, (), "plusieurs documents dans un fichier",
                        "une fiche par fichier : retirez la ligne « --- » et ce qui suit, ou créez un autre fichier")
            return None
        if not isinstance(data, dict):
            found = "une liste" if isinstance(data, list) else "une valeur seule" if data is not None else "rien"
            self._issue(self.lines[()], (), f"le fichier doit contenir des champs « nom: valeur », il contient {found}")
            return None
        return data

    def _node(self, events: Iterator[yaml.Event], event: yaml.Event, path: FieldPath) -> Any:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            self._issue(line, path, "les alias YAML (*nom) ne sont pas acceptés", "recopiez la valeur")
            return None
        if event.anchor is not None:
            self._issue(line, path, "les ancres YAML (&nom) ne sont pas acceptées", "retirez « &" + event.anchor + " »")
        if event.tag is not None and event.tag != "!":
            self._issue(line, path, f"les étiquettes YAML ({event.tag}) ne sont pas acceptées", "retirez l'étiquette")
        if isinstance(event, yaml.ScalarEvent):
            if event.implicit[0] and event.value in _NULLS:  # plain, not quoted
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := next(events), yaml.SequenceEndEvent):
                self.lines[(*path, len(items))] = item.start_mark.line + 1
                items.append(self._node(events, item, (*path, len(items))))
            return items
        mapping: dict[str, Any] = {}
        while not isinstance(key := next(events), yaml.MappingEndEvent):
            key_line = key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarEvent):
                self._issue(key_line, path, "un nom de champ doit être un simple mot")
                self._node(events, key, path)
                self._node(events, next(events), path)
                continue
            name = key.value
            if name in mapping:
                self._issue(key_line, (*path, name), "champ répété",
                            f"déjà défini ligne {self.lines[(*path, name)]} : gardez-en un seul")
                self._node(events, next(events), (*path, name))
                continue
            self.lines[(*path, name)] = key_line
            mapping[name] = self._node(events, next(events), (*path, name))
        return mapping

    def _issue(self, line: int | None, path: FieldPath, message: str, hint: str | None = None) -> None:
        self.issues.append(Issue(self.file, line, format_field(path), message, hint))


def format_field(path: FieldPath) -> str:
    """`("sheet", "quiz", 0, "answer")` → `sheet.quiz[0].answer`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _id_collisions(documents: list[RawDocument]) -> list[Issue]:
    """Two files whose names give the same address once normalised (`Fleuriste`, `fleuriste`)."""
    by_slug: dict[tuple[str, str], list[RawDocument]] = {}
    for document in documents:
        by_slug.setdefault((document.kind.name, slugify(document.id)), []).append(document)
    issues = []
    for (_, slug), group in by_slug.items():
        if len(group) < 2:
            continue
        keep = next((document for document in group if document.id == slug), group[0])
        issues += [Issue(other.file, None, "", f"identifiant trop proche de « {keep.id} » ({keep.file})",
                         "deux fiches ne peuvent avoir la même adresse : renommez l'une d'elles")
                   for other in group if other is not keep]
    return issues
