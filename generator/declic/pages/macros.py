"""Hand-written pages → the same pages with Déclic's macros filled in: live catalog figures and lists.

Takes the pages that ask for it (`render_macros: true` in their front matter) and the data of
catalogue.json; returns their Markdown, and before that which sources each of them cites. A page is
content, not code: it renders in Jinja's immutable sandbox with Déclic's macros only (no
mkdocs-macros, whose pages run Python), and an expression it refuses or cannot read is a problem
with the page's file and line, never a traceback.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import DictLoader, StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from declic import urls
from declic.catalog.schema import KINDS, KINDS_BY_NAME, Law, Source
from declic.errors import CatalogError, Issue, display_path
from declic.pages.escape import escape_text
from declic.pages.law import law_text

# `declic_list(name)`: each kind that has pages of its own, and two names for pages of any kind.
LIST_KINDS = {
    **{kind.name: kind.listed_as for kind in KINDS if kind.listed_as},
    "paths": "path",
    "sheets": "sheet",
}

# mkdocs' own rule for a page's front matter (mkdocs/utils/meta.py): the block between two `---`.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def asks_for_macros(text: str) -> bool:
    match = _FRONT_MATTER.match(text)
    if not match:
        return False
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return False  # mkdocs reports a broken front matter itself
    return isinstance(meta, dict) and meta.get("render_macros") is True


def macro_pages(content: Mapping[str, Path]) -> Iterator[tuple[str, Path, str]]:
    """(docs path, file, text) of each hand-written Markdown page that asks for Déclic's macros."""
    for docs_path, file in sorted(content.items()):
        if docs_path.endswith(".md"):
            text = file.read_text(encoding="utf-8")
            if asks_for_macros(text):
                yield docs_path, file, text


# What a page's problem with a macro suggests: every macro a page may call.
MACROS_HINT = "declic.counts, declic_list(…), declic_tiles(…), law(…), source(…)"


def source_text(source: Source) -> str:
    """A source as a sentence names it: its kind and its title in « », « livre blanc « Du clic au
    déclic : … » ». A title that starts with its kind (« Livre blanc IA », « Enquête France Num… »)
    names it alone, in « », rather than twice."""
    title = f"« {source.title} »"
    return title if source.title.casefold().startswith(source.kind.casefold()) else f"{source.kind} {title}"


def _require(entity_id: object, known: Mapping[str, object], what: str, folder: str, listed: str) -> None:
    """An id a macro names must be one of the catalog's; else the closest one, then all of them."""
    if isinstance(entity_id, str) and entity_id in known:
        return  # (a list is no id, and unhashable: `in` would raise before the message)
    close = difflib.get_close_matches(str(entity_id), known, n=1)
    guess = f"vouliez-vous dire « {close[0]} » ? " if close else ""
    names = ", ".join(sorted(known)) or "aucune"
    raise ValueError(f"{what} « {entity_id} » introuvable ({folder}), {guess}{listed} : {names}")


class PageMacros:
    """Déclic's macros for one build: `declic` (counts), `declic_list(kind)`, `declic_tiles(kind)`,
    `law(id)` (a legal statement with its text, article, date, official link and check), `source(id)`
    (a document's kind and title, linked to its entry on the sources page)."""

    def __init__(
        self,
        data: Mapping[str, Any],
        laws: Mapping[str, Law] | None = None,
        today: date | None = None,
        sources: Mapping[str, Source] | None = None,
    ) -> None:
        self._laws = dict(laws or {})
        self._sources = dict(sources or {})
        self._today = today or date.today()
        self._entities = {kind: set(ids) for kind, ids in data["entities"].items()}
        self._listed = [
            {**{key: page[key] for key in ("kind", "id", "title", "file")}, "label": page.get("label", page["title"])}
            for page in data["pages"]
            if page["kind"] in LIST_KINDS.values()
        ]
        self._variables = {"declic": {"counts": data["counts"], "schema_version": data["schema_version"]}}
        # No loader holds any file: `{% include %}` and `{% import %}` of a path find nothing.
        self._environment = ImmutableSandboxedEnvironment(
            loader=DictLoader({}), undefined=StrictUndefined, autoescape=False
        )

    def render(self, docs_path: str, text: str) -> str:
        """The page's body rendered, its front matter kept as written (mkdocs reads it after)."""
        match = _FRONT_MATTER.match(text)
        head, body = (text[: match.end()], text[match.end() :]) if match else ("", text)
        here = posixpath.dirname(docs_path)
        template = self._environment.from_string(body)
        return head + template.render(
            **self._variables,
            declic_list=lambda kind: self._list(kind, here),
            declic_tiles=lambda kind: self._tiles(kind, here),
            law=self._law,
            source=lambda source_id: self._source(source_id, here),
        )

    def _law(self, law_id: str) -> str:
        """The statement of usecases/laws/<law_id>.yaml with its citation, on one line."""
        _require(law_id, self._laws, "law : affirmation juridique", "usecases/laws/", "connues")
        return law_text(self._laws[law_id], self._today)

    def _source(self, source_id: str, here: str) -> str:
        """usecases/sources/<source_id>.yaml named by its kind and title, a link to its entry on the
        sources page (whose anchor is its id), relative to the page being rendered."""
        _require(source_id, self._sources, "source : document", "usecases/sources/", "sources connues")
        target = posixpath.relpath(urls.SOURCES_PAGE, here or ".")
        return f"[{escape_text(source_text(self._sources[source_id]))}]({target}#{source_id})"

    def _list(self, kind: str, here: str) -> str:
        """A Markdown list of links to the pages of one kind, relative to the page being rendered."""
        if kind not in LIST_KINDS:
            raise ValueError(f"declic_list : genre inconnu « {kind} », attendu : {', '.join(LIST_KINDS)}")
        page_kind = LIST_KINDS[kind]
        wanted = self._entities.get(kind) if kind in KINDS_BY_NAME else None
        return "\n".join(
            f"- [{escape_text(page['title'])}]({posixpath.relpath(page['file'], here or '.')})"
            for page in self._listed
            if page["kind"] == page_kind and (wanted is None or page["id"] in wanted)
        )

    def _tiles(self, kind: str, here: str) -> str:
        """Buttons to each page of `trades` or `irritants`, by name: the home page's ways in, one tap
        from the trade or the irritant to its cards."""
        if kind not in ("trades", "irritants"):
            raise ValueError(f"declic_tiles : genre inconnu « {kind} », attendu : trades, irritants")
        pages = sorted(
            (page for page in self._listed if page["kind"] == "index" and page["id"] in self._entities[kind]),
            key=lambda page: page["label"].casefold(),
        )
        links = "\n".join(
            f"- [{escape_text(page['label'])}]({posixpath.relpath(page['file'], here or '.')})" for page in pages
        )
        return f'<div class="declic-tiles" markdown>\n\n{links}\n\n</div>'


@dataclass(frozen=True)
class Citation:
    """A hand-written page that cites a source with `source("id")`."""

    path: str  # the page in the docs folder
    title: str  # its title, or the text of its H1


# The first H1 of a page, without its attribute list (`# Titre { #ancre }`).
_H1 = re.compile(r"^#[ \t]+(.+?)(?:[ \t]*\{[^{}]*\})?[ \t]*$", re.MULTILINE)


def cited_sources(content: Mapping[str, Path]) -> dict[str, tuple[Citation, ...]]:
    """Source id → the hand-written pages whose `source("id")` names it, for the sources page, which
    is rendered before these pages are. Read from each page's template tree, so a call in a
    comment or in a raw block is not a citation; an id written as an expression rather than a
    string cannot be read here and is not listed. A page Jinja cannot parse is left out: `fill_macros`
    reports it with its line."""
    environment = ImmutableSandboxedEnvironment()
    pages: dict[str, list[Citation]] = defaultdict(list)
    for docs_path, _, text in macro_pages(content):
        match = _FRONT_MATTER.match(text)
        head, body = (match.group(1), text[match.end() :]) if match else ("", text)
        try:
            tree = environment.parse(body)
        except TemplateSyntaxError:
            continue
        ids = {
            call.args[0].value
            for call in tree.find_all(nodes.Call)
            if isinstance(call.node, nodes.Name)
            and call.node.name == "source"
            and call.args
            and isinstance(call.args[0], nodes.Const)
            and isinstance(call.args[0].value, str)
        }
        if ids:
            citation = Citation(docs_path, _page_title(head, body, docs_path))
            for source_id in ids:
                pages[source_id].append(citation)
    return {source_id: tuple(citations) for source_id, citations in sorted(pages.items())}


def _page_title(head: str, body: str, docs_path: str) -> str:
    """The title mkdocs gives a hand-written page: its front matter's, else its H1's, else its file's."""
    meta = yaml.safe_load(head) if head else None
    if isinstance(meta, dict) and isinstance(meta.get("title"), str):
        return meta["title"]
    heading = _H1.search(body)
    return heading.group(1).strip() if heading else posixpath.splitext(posixpath.basename(docs_path))[0]


def fill_macros(
    content: Mapping[str, Path],
    data: Mapping[str, Any],
    root: Path,
    laws: Mapping[str, Law] | None = None,
    sources: Mapping[str, Source] | None = None,
    today: date | None = None,
) -> dict[str, bytes]:
    """The hand-written Markdown pages that ask for macros, rendered; all problems at once. `today`:
    the build's date, the one the cards' statements are written with."""
    macros: PageMacros | None = None
    rendered: dict[str, bytes] = {}
    issues: list[Issue] = []
    for docs_path, source, text in macro_pages(content):
        macros = macros or PageMacros(data, laws, today, sources)
        try:
            rendered[docs_path] = macros.render(docs_path, text).encode()
        except (TemplateError, ValueError) as error:
            issues.append(_issue(error, text, display_path(source, root)))
    if issues:
        raise CatalogError(issues)
    return rendered


def _issue(error: Exception, text: str, file: str) -> Issue:
    head = _FRONT_MATTER.match(text)
    offset = text[: head.end()].count("\n") if head else 0
    line = getattr(error, "lineno", None) or _template_line(error)
    if isinstance(error, SecurityError):
        return Issue(
            file,
            None,
            "",
            f"une macro de cette page demande ce qu'une page n'a pas le droit de lire ({error})",
            f"une page n'utilise que les macros de Déclic : {MACROS_HINT}",
        )
    where = "" if isinstance(error, TemplateSyntaxError) else " à l'exécution"
    return Issue(
        file,
        line + offset if line else None,
        "",
        f"macro illisible{where} : {error}",
        f"vérifiez les {{{{ … }}}} de la page ; les macros de Déclic sont {MACROS_HINT}",
    )


def _template_line(error: Exception) -> int | None:
    """The page's line where a macro failed while running: Jinja puts the template's own frames,
    with their line, in the traceback."""
    line, frame = None, error.__traceback__
    while frame is not None:
        if frame.tb_frame.f_code.co_filename == "<template>":
            line = frame.tb_lineno
        frame = frame.tb_next
    return line
