"""YAML files → raw documents: plain dicts and lists of strings, with the line of every field.

Takes a catalog root, returns one `RawDocument` per file. It checks only what YAML itself allows and
users never mean (aliases, tags, duplicate keys, several documents); it knows no schema. Every plain
scalar stays a string, so YAML 1.1 surprises (`no` → False, `1.10` → 1.1) cannot happen: the schema
converts values to the types it declares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from declic.catalog.schema import KINDS, Kind
from declic.catalog.schema.base import character_problem, id_problem, suggested_id
from declic.errors import Issue, display_path

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # the deepest field of any schema is 4 levels down
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

    def issue(self, path: FieldPath, message: str, hint: str | None = None) -> Issue:
        """A problem of the field at `path` (`()`: of the whole file), at its line."""
        return Issue(self.file, self.line(path) if path else None, format_field(path), message, hint)


def read_catalog(root: Path, display_root: Path | None = None) -> tuple[tuple[RawDocument, ...], tuple[Issue, ...]]:
    """Read every entity file of every kind under `root`: the documents read, and the problems of the
    others. It does not raise, so that the next stage can report its own problems with these."""
    shown = display_root or root
    documents: list[RawDocument] = []
    issues: list[Issue] = []
    for kind in KINDS:
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".yml":
                issues.append(
                    Issue(
                        display_path(path, shown),
                        None,
                        "",
                        "extension « .yml » ignorée",
                        f"renommez le fichier en « {path.stem}.yaml »",
                    )
                )
            if path.suffix != ".yaml" or not path.is_file():
                continue
            document, problems = load_file(path, kind, display_path(path, shown))
            issues.extend(problems)
            if document is not None:
                documents.append(document)
    issues.extend(_id_collisions(documents))
    return tuple(documents), tuple(issues)


def load_file(path: Path, kind: Kind, file: str) -> tuple[RawDocument | None, list[Issue]]:
    issues: list[Issue] = []
    entity_id = path.stem
    problem = id_problem(entity_id)
    if problem:
        issues.append(
            Issue(file, None, "", f"le nom de fichier {problem}", f"renommez-le « {suggested_id(entity_id)}.yaml »")
        )
    try:
        size = path.stat().st_size  # before reading: a huge file is never read whole
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError:  # no permission, a broken link, a file being replaced
        return None, [
            *issues,
            Issue(file, None, "", "fichier illisible", "vérifiez que ce fichier peut être ouvert et lu"),
        ]
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:  # it may have grown between the two
        return None, [
            *issues,
            Issue(
                file,
                None,
                "",
                f"fichier trop gros : {_bytes(max(size, len(raw)))} octets, {_bytes(MAX_FILE_BYTES)} au plus",
                "une fiche tient en quelques kilo-octets : ce fichier n'est sans doute pas le bon",
            ),
        ]
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is harmless
    except UnicodeDecodeError as error:
        return None, [*issues, _encoding_issue(file, raw, error)]
    builder = _Builder(file)
    try:
        data = builder.document(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        return None, [*issues, syntax_issue(file, error, text)]
    except yaml.reader.ReaderError as error:  # a character YAML refuses anywhere (control codes)
        line = text[: max(text.find(chr(error.character)), 0)].count("\n") + 1
        return None, [
            *issues,
            Issue(
                file,
                line,
                _field_at(text.splitlines(), line - 1),
                f"caractère invisible interdit (U+{error.character:04X})",
                "retirez-le : il vient souvent d'un copier-coller",
            ),
        ]
    issues.extend(builder.issues)
    if builder.issues or data is None:
        return None, issues
    return RawDocument(kind, entity_id, path, file, data, builder.lines), issues


def _bytes(count: int) -> str:
    return f"{count:,}".replace(",", "\u202f")  # French thousands separator


def _encoding_issue(file: str, raw: bytes, error: UnicodeDecodeError) -> Issue:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Issue(
            file, 1, "", "le fichier est encodé en UTF-16, pas en UTF-8", "enregistrez-le en UTF-8 depuis votre éditeur"
        )
    line = raw[: error.start].count(b"\n") + 1
    guess = raw[error.start : error.end].decode("cp1252", errors="replace")
    field = _field_at(raw.decode("utf-8", errors="replace").splitlines(), line - 1)
    return Issue(
        file,
        line,
        field,
        f"le fichier n'est pas encodé en UTF-8 : « {guess} » semble écrit en Windows-1252 ou Latin-1",
        "enregistrez-le en UTF-8 depuis votre éditeur",
    )


_LIST_HINT = "une liste se place sous un champ : « champ: » puis une ligne « - … » par élément, indentée"
# libyaml's other problems, in French: (part of its problem text, message, hint).
_SYNTAX_MESSAGES: tuple[tuple[str, str, str | None], ...] = (
    ("tab character", "tabulation interdite", "indentez avec des espaces, jamais des tabulations"),
    ("end of stream", "fin du fichier inattendue", "une chaîne, une liste ou un bloc n'est pas fermé"),
    (
        "mapping values are not allowed",
        "deux-points inattendu",
        (
            "mettez la valeur entre guillemets si elle contient « : », vérifiez l'indentation "
            "et qu'il ne manque pas « : » à la ligne précédente"
        ),
    ),
    ("block sequence entries are not allowed", "élément de liste « - » inattendu", _LIST_HINT),
    (
        "could not find expected ':'",
        "deux-points manquant après un nom de champ",
        "écrivez « nom: valeur », ou indentez cette ligne si elle continue la valeur précédente",
    ),
    (
        "expected ',' or ']'",
        "crochet « [ » ouvert mais jamais fermé",
        "fermez la liste par « ] » et séparez ses éléments par des virgules",
    ),
    (
        "expected ',' or '}'",
        "accolade « { » ouverte mais jamais fermée",
        "fermez-la par « } » et séparez ses champs par des virgules",
    ),
    ("undefined tag handle", "étiquette YAML inconnue", "mettez la valeur entre guillemets si elle commence par « ! »"),
    (
        "expected alphabetic or numeric character",
        "« & » ou « * » en début de valeur",
        "mettez la valeur entre guillemets",
    ),
    ("directive", "ligne commençant par « % » inattendue", "mettez la valeur entre guillemets"),
    ("<document start>", "contenu après la fin du document (« ... »)", "retirez la ligne « ... »"),
    (
        "document indicator",
        "ligne « --- » ou « ... » au milieu d'une valeur",
        "retirez-la ou mettez la valeur entre guillemets",
    ),
    ("node content", "valeur attendue", "vérifiez ce qui suit « - », « : » ou la virgule"),
)


def syntax_issue(file: str, error: yaml.MarkedYAMLError, source: str) -> Issue:
    """A French message at the most useful line: where a quote or bracket was opened, else where
    the parser stopped. libyaml does not name the character it stopped at: read it from the source."""
    problem = error.problem or ""
    opened = error.context_mark is not None and any(word in problem for word in _OPENED)
    mark = error.context_mark if opened else error.problem_mark or error.context_mark
    lines = source.splitlines()
    text = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    message, hint = _syntax_message(problem, error.context or "", text, column)
    field = _field_at(lines, mark.line) if mark else ""
    return Issue(file, mark.line + 1 if mark else None, field, f"syntaxe YAML invalide : {message}", hint)


_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:(\s|$)")


def _field_at(lines: list[str], index: int) -> str:
    """The field a line that YAML could not parse belongs to, read from the indentation of the lines
    above it (`cost.minutes_per_week`); empty when the line names no field."""
    if index >= len(lines) or not (match := _KEY.match(lines[index])):
        return ""
    path, indent = [match.group(2)], len(match.group(1))
    for text in reversed(lines[:index]):
        if (above := _KEY.match(text)) and len(above.group(1)) < indent:
            path.insert(0, above.group(2))
            indent = len(above.group(1))
    return ".".join(path)


# Problems whose cause is where something was opened (the context mark), not where parsing stopped.
_OPENED = ("end of stream", "expected ',' or", "could not find expected ':'")


def _syntax_message(problem: str, context: str, text: str, column: int) -> tuple[str, str | None]:
    found = text[column : column + 1]
    if "quoted scalar" in context and "end of stream" in problem:
        return "guillemet ouvert mais jamais fermé", "fermez la chaîne commencée à cette ligne"
    if "unknown escape character" in problem:
        return (
            f"séquence « {text[column : column + 2]} » inconnue entre guillemets doubles",
            "doublez la barre oblique inverse, « \\\\ », ou mettez la valeur entre apostrophes",
        )
    if "cannot start any token" in problem:
        if found == "\t":
            return "tabulation interdite", "indentez avec des espaces, jamais des tabulations"
        return f"une valeur ne peut pas commencer par « {found} »", "mettez la valeur entre guillemets"
    if "did not find expected key" in problem:
        if found == "-":
            return "élément de liste « - » inattendu", _LIST_HINT
        if text[:column].rstrip().endswith("'"):
            return (
                "texte inattendu après une valeur entre apostrophes",
                (
                    "entre apostrophes, une apostrophe ferme la valeur : doublez-la, « qu''il », "
                    "ou mettez la valeur entre guillemets doubles"
                ),
            )
        if text[:column].strip():
            return "texte inattendu après une valeur entre guillemets", "mettez toute la valeur entre les guillemets"
        return "indentation incohérente", "alignez ce champ sur les champs de même niveau"
    for needle, message, hint in _SYNTAX_MESSAGES:
        if needle in problem:
            return message, hint
    return "structure illisible", "vérifiez les guillemets, les deux-points et l'indentation de cette ligne"


class _Builder:
    """Builds plain Python values from parser events, recording the line of every field."""

    def __init__(self, file: str):
        self.file = file
        self.issues: list[Issue] = []
        self.lines: dict[FieldPath, int] = {}
        self._alias_lines: set[int] = set()

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
            self._issue(
                extra.start_mark.line + 1,
                (),
                "plusieurs documents dans un fichier",
                "une fiche par fichier : retirez la ligne « --- » et ce qui suit, ou créez un autre fichier",
            )
            return None
        if data is None and not self.issues:
            self._issue(None, (), "fichier vide", "un fichier décrit une fiche : ajoutez ses champs")
            return None
        if not isinstance(data, dict) and not self.issues:
            found = "une liste" if isinstance(data, list) else f"la seule valeur « {_short(data)} »"
            self._issue(self.lines[()], (), f"le fichier doit contenir des champs « nom: valeur », il contient {found}")
            return None
        return data if isinstance(data, dict) else None

    def _node(self, events: Iterator[yaml.Event], event: yaml.Event, path: FieldPath) -> Any:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            if path[-1:] == ("<<",):
                self._issue(line, path, "la fusion YAML (<<: *nom) n'est pas acceptée", "recopiez les champs")
            elif line not in self._alias_lines:  # one report per line, however many aliases it holds
                self._issue(line, path, "les alias YAML (*nom) ne sont pas acceptés", "recopiez la valeur")
            self._alias_lines.add(line)
            return None
        self._check_properties(event, path)
        if isinstance(event, yaml.ScalarEvent):
            if event.implicit[0] and event.value in _NULLS:  # plain, not quoted
                return None
            if problem := character_problem(event.value):  # written as an escape: "\e", "\u202e"
                self._issue(line, path, *problem)
                return None
            return event.value
        if len(path) >= MAX_DEPTH:
            self._issue(
                line,
                path[:1],
                f"structure imbriquée sur plus de {MAX_DEPTH} niveaux",
                "une fiche n'a besoin que de quelques niveaux : vérifiez l'indentation",
            )
            _skip(events)
            return None
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := next(events), yaml.SequenceEndEvent):
                self.lines[(*path, len(items))] = item.start_mark.line + 1
                items.append(self._node(events, item, (*path, len(items))))
            return items
        mapping: dict[str, Any] = {}
        while not isinstance(key := next(events), yaml.MappingEndEvent):
            key_line = key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarEvent) or not key.value.strip():
                self._issue(key_line, path, "un nom de champ doit être un simple mot", "écrivez « nom: valeur »")
                self._node(events, key, path)
                self._node(events, next(events), path)
                continue
            name = key.value
            self._check_properties(key, (*path, name))
            if problem := character_problem(name):
                self._issue(key_line, path, *problem)
            if name in mapping:
                self._issue(
                    key_line,
                    (*path, name),
                    "champ répété",
                    f"déjà défini ligne {self.lines[(*path, name)]} : gardez-en un seul",
                )
                self._node(events, next(events), (*path, name))
                continue
            self.lines[(*path, name)] = key_line
            mapping[name] = self._node(events, next(events), (*path, name))
        return mapping

    def _check_properties(self, event: yaml.NodeEvent, path: FieldPath) -> None:
        """Anchors and tags: YAML features that make a value mean something other than its text."""
        line = event.start_mark.line + 1
        if event.anchor is not None:
            self._issue(line, path, "les ancres YAML (&nom) ne sont pas acceptées", f"retirez « &{event.anchor} »")
        if event.tag is not None and event.tag != "!":
            hint = (
                "mettez plutôt la valeur entre guillemets"
                if event.tag == "tag:yaml.org,2002:str"
                else "retirez l'étiquette"
            )
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self._issue(line, path, f"les étiquettes YAML ({tag}) ne sont pas acceptées", hint)

    def _issue(self, line: int | None, path: FieldPath, message: str, hint: str | None = None) -> None:
        self.issues.append(Issue(self.file, line, format_field(path), message, hint))


def _skip(events: Iterator[yaml.Event]) -> None:
    """Consume the rest of a collection without building it (iteratively: no recursion limit)."""
    depth = 1
    while depth:
        event = next(events)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _short(value: Any, limit: int = 40) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_lines(node: yaml.Node | None, path: FieldPath = ()) -> dict[FieldPath, int]:
    """The line of every field of a composed YAML document (for files read by another loader)."""
    lines: dict[FieldPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[(*path, key.value)] = key.start_mark.line + 1
                lines.update(node_lines(value, (*path, key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            lines.update(node_lines(item, (*path, index)))
    return lines


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
        issues += [
            Issue(
                other.file,
                None,
                "",
                f"identifiant trop proche de « {keep.id} » ({keep.file})",
                "deux fiches ne peuvent avoir la même adresse : renommez l'une d'elles",
            )
            for other in group
            if other is not keep
        ]
    return issues


def read_layers(layers: Iterable[Path], display_root: Path) -> tuple[tuple[RawDocument, ...], list[Issue]]:
    """Documents of every layer, and the problems of the files that could not be read; a later
    layer's file (an organisation's) replaces an earlier one's (the default catalog's) with the same id."""
    stacks, issues = read_layer_stacks(layers, display_root)
    return tuple(stack[-1] for stack in stacks.values()), issues


def read_layer_stacks(
    layers: Iterable[Path], display_root: Path
) -> tuple[dict[tuple[str, str], tuple[RawDocument, ...]], list[Issue]]:
    """Every version of each entity, by (kind, id), the default catalog's first and the organisation's
    last; and the problems of the files that could not be read. Which version is used is `publish`'s call."""
    stacks: dict[tuple[str, str], tuple[RawDocument, ...]] = {}
    issues: list[Issue] = []
    for layer in layers:
        documents, problems = read_catalog(layer, display_root)
        for document in documents:
            key = (document.kind.name, document.id)
            stacks[key] = (*stacks.get(key, ()), document)
        issues.extend(problems)
    return stacks, issues
