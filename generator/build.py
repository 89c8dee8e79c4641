"""The recipe: YAML → catalog → pages → Markdown → docs folder → site. Read top to bottom.

Each stage is a function of the previous one's result. User errors stop the recipe with a
CatalogError before anything is written; the site is swapped in only when mkdocs succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass
from time import perf_counter
from typing import Callable, Iterable, TypeVar

from .catalog import Catalog
from .errors import CatalogError
from .export import catalog_json, dump
from .link import link
from .load import RawDocument, load_catalog
from .plan import Page, plan
from .project import Project
from .redirects import redirect_files
from .render import render
from .site import build_site
from .validate import validate
from .write import WriteReport, check_conflicts, collect_content, write_docs

T = TypeVar("T")
Progress = Callable[[Iterable[T], int, str], Iterable[T]]


def _no_progress(items: Iterable[T], total: int, label: str) -> Iterable[T]:
    return items


@dataclass(frozen=True)
class Generated:
    catalog: Catalog
    pages: tuple[Page, ...]
    report: WriteReport
    timings: dict[str, float]


def load_and_link(project: Project, timings: dict[str, float] | None = None) -> Catalog:
    """The checks of `declic check`: every file loaded, validated and linked, nothing written."""
    timings = {} if timings is None else timings
    documents = _timed(timings, "load", lambda: _load_layers(project))
    entities = _timed(timings, "validate", lambda: validate(documents))
    return _timed(timings, "link", lambda: link(entities, documents))


def generate(project: Project, progress: Progress = _no_progress) -> Generated:
    """Write the docs folder that mkdocs builds from."""
    timings: dict[str, float] = {}
    catalog = load_and_link(project, timings)
    pages = _timed(timings, "plan", lambda: plan(catalog))
    content = collect_content(project.content_dirs)
    rendered = _timed(timings, "render", lambda: {
        page.path: render(page, overrides=project.templates, site_url=project.site_url).encode()
        for page in progress(pages, len(pages), "Pages")
    })
    rendered["catalogue.json"] = dump(catalog_json(catalog, pages))
    rendered.update(redirect_files(catalog, pages, project.site_url))
    check_conflicts(rendered, content, project.root)
    report = _timed(timings, "write", lambda: write_docs(rendered, content, project.docs_dir))
    return Generated(catalog, pages, report, timings)


def build(project: Project, strict: bool = True, progress: Progress = _no_progress, offline: bool = False) -> Generated:
    """`offline`: a site that works opened from a folder or a USB key (file://), search included."""
    generated = generate(project, progress)
    started = perf_counter()
    build_site(project.config_file, project.site_dir, strict=strict, offline=offline)
    generated.timings["mkdocs"] = perf_counter() - started
    return generated


def _load_layers(project: Project) -> tuple[RawDocument, ...]:
    """Documents of every layer; an organisation's file replaces the default one with the same id."""
    by_key: dict[tuple[str, str], RawDocument] = {}
    issues = []
    for layer in project.catalog_layers:
        try:
            for document in load_catalog(layer, project.root):
                by_key[(document.kind.name, document.id)] = document
        except CatalogError as error:
            issues.extend(error.issues)
    if issues:
        raise CatalogError(issues)
    return tuple(by_key.values())


def _timed(timings: dict[str, float], stage: str, run: Callable[[], T]) -> T:
    started = perf_counter()
    result = run()
    timings[stage] = timings.get(stage, 0.0) + perf_counter() - started
    return result
