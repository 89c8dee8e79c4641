"""The recipe: YAML → catalog → pages → Markdown → docs folder → site. Read top to bottom.

Each stage is a function of the previous one's result. User errors stop the recipe with a
CatalogError before anything is written; the site is swapped in only when mkdocs succeeded.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import TypeVar

from declic.catalog.link import link, link_issues
from declic.catalog.load import RawDocument, read_layer_stacks
from declic.catalog.model import Catalog
from declic.catalog.publish import choose, publish, publishes_drafts, retired, retired_cards
from declic.catalog.review_dates import test_notes
from declic.catalog.schema import KINDS
from declic.catalog.select import select
from declic.catalog.validate import Entities, validate
from declic.errors import CatalogError, Issue
from declic.pages import Page
from declic.pages.explorer_data import explorer_parts
from declic.pages.export import cards_csv, catalog_json, dump
from declic.pages.group import group_page
from declic.pages.macros import cited_sources, fill_macros
from declic.pages.plan import plan
from declic.pages.redirects import redirect_files
from declic.pages.reference import reference_page
from declic.pages.render import render
from declic.pages.retired import retired_pages
from declic.pages.template_errors import check_templates, template_issue
from declic.site.folders import claim
from declic.site.lock import one_build_at_a_time
from declic.site.mkdocs_build import build_site
from declic.site.project import DEFAULT_GUIDE, Project
from declic.site.write import WriteReport, check_conflicts, check_pages_readable, collect_content, write_docs

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
    stacks, unreadable = _timed(timings, "load", lambda: read_layer_stacks(project.catalog_layers, project.root))
    documents, withheld = choose(stacks, project.settings, project.drafts)
    try:
        entities = _timed(timings, "validate", lambda: validate(documents, unreadable))
    except CatalogError as error:
        # A draft the guide does not publish may be incomplete: `declic check` (with drafts) says how.
        left_out = {document.file for document in withheld}
        issues = [issue for issue in error.issues if issue.file not in left_out]
        if issues:
            raise CatalogError([*issues, *_link_issues(project, documents, error.partial)]) from None
        entities = error.partial
    withheld_keys = {(document.kind.name, document.id) for document in withheld}
    entities = select(entities, project.settings, project.config_file.name, project.config_lines, withheld_keys)
    gone = {**retired(entities), "cards": retired_cards(entities)}
    published, dropped = publish(entities, withheld_keys, documents)
    if project.drafts and not publishes_drafts(project.settings, drafts=False):
        # `check` shows the drafts, and says what their publication without them would drop.
        _, would_withhold = choose(stacks, project.settings, drafts=False)
        keys = {(document.kind.name, document.id) for document in would_withhold}
        dropped = publish(entities, keys, documents)[1]
    catalog = _timed(timings, "link", lambda: link(published, documents, _figures_stop(project)))
    return replace(catalog, retired=gone, dropped=dropped)


def _figures_stop(project: Project) -> bool:
    """Two durations of one task that disagree stop Déclic's own catalog; an organisation's guide
    gets them as notices (see `link.task_figures`)."""
    return project.root == DEFAULT_GUIDE


def _link_issues(project: Project, documents: tuple[RawDocument, ...], valid: Entities) -> tuple[Issue, ...]:
    """The cross-reference problems of the files that are fine, so that an editor sees every problem
    at once; a reference to a file that is itself broken is not reported twice."""
    present = {
        (kind.name, path.stem)
        for layer in project.catalog_layers
        for kind in KINDS
        for path in (layer / kind.folder).glob("*.y*ml")
    }
    broken = present - {(kind, entity_id) for kind, ids in valid.items() for entity_id in ids}
    try:
        return tuple(
            link_issues(
                select(valid, project.settings, project.config_file.name, project.config_lines),
                documents,
                broken,
                _figures_stop(project),
            )
        )
    except CatalogError as error:  # the guide's own selection names an unknown id
        return error.issues


@dataclass(frozen=True)
class Prepared:
    catalog: Catalog
    pages: tuple[Page, ...]
    files: dict[str, bytes]  # docs path → bytes, generated files only
    content: dict[str, Path]  # docs path → hand-written file
    theme: dict[str, Path]  # theme path → override file (the guide's, or its layers' to merge)


def prepare(project: Project, progress: Progress = _no_progress, timings: dict[str, float] | None = None) -> Prepared:
    """Everything `generate` checks and produces, in memory: also the checks of `declic check`."""
    timings = {} if timings is None else timings
    catalog = load_and_link(project, timings)
    today = date.today()  # one date a build: its cards, sheets and pages say the same « depuis »
    content = collect_content(project.content_dirs, project.root)
    theme = collect_content(project.theme_layers or (project.root / "overrides",), project.root)
    check_pages_readable(content, project.root)
    # The sources page lists the hand-written pages that cite each source: read before it is planned.
    citations = cited_sources(content)
    with _collector_paused():
        pages = _timed(
            timings,
            "plan",
            lambda: (*plan(catalog, citations), reference_page(), *retired_pages(catalog, catalog.retired)),
        )
        pages = (*pages, group_page(pages))
        files = _timed(timings, "render", lambda: _render_pages(project, catalog, pages, progress, today))
    data = catalog_json(catalog, pages)
    files["catalogue.json"] = dump(data)
    files["cas-usage.csv"] = cards_csv(catalog)
    files.update(explorer_parts(catalog))
    files.update(redirect_files(catalog, pages, project.site_url))
    check_conflicts(files, content, project.root)
    # Hand-written pages that ask for Déclic's macros are written filled in, like generated ones.
    filled = fill_macros(content, data, project.root, catalog.laws, catalog.sources, today)
    content = {path: source for path, source in content.items() if path not in filled}
    return Prepared(catalog, pages, {**files, **filled}, content, theme)


def generate(project: Project, progress: Progress = _no_progress) -> Generated:
    """Write the docs folder that mkdocs builds from."""
    with one_build_at_a_time(project):
        return _generate(project, progress)


def build(project: Project, strict: bool = True, progress: Progress = _no_progress, offline: bool = False) -> Generated:
    """`offline`: a site that works opened from a folder or a USB key (file://), search included."""
    with one_build_at_a_time(project):
        # Offline, pages are files (`a/b.html`): the links the generator writes as HTML say so.
        generated = _generate(replace(project, directory_urls=False) if offline else project, progress)
        started = perf_counter()
        build_site(project, strict=strict, offline=offline)
        generated.timings["mkdocs"] = perf_counter() - started
        return generated


def _generate(project: Project, progress: Progress) -> Generated:
    timings: dict[str, float] = {}
    prepared = prepare(project, progress, timings)
    claim(project.docs_dir)
    report = _timed(timings, "write", lambda: write_docs(prepared.files, prepared.content, project.docs_dir))
    if project.theme_dir:  # a guide built on Déclic's theme overrides, with its own on top
        claim(project.theme_dir)
        write_docs({}, prepared.theme, project.theme_dir)
    return Generated(prepared.catalog, prepared.pages, report, timings)


def _render_pages(
    project: Project, catalog: Catalog, pages: tuple[Page, ...], progress: Progress, today: date
) -> dict[str, bytes]:
    """Markdown of every page. An error in the guide's own templates is a problem to report with
    its file and line (all of them at once); one in Déclic's templates is a bug and propagates."""
    extra = {
        "data_rules": project.settings.data_rules,
        "tested_notes": test_notes(catalog.prompts, project.settings.stale_after, today),
        "publish": project.settings.publish,
        "today": today,  # « Ce que dit la loi » on cards and sheets: « depuis » or « à partir du »
    }
    issues = check_templates(project.templates, project.root) if project.templates else []
    if issues:
        raise CatalogError(issues)
    files: dict[str, bytes] = {}
    shared_blocks: dict = {}
    for page in progress(pages, len(pages), "Pages"):
        try:
            text = render(page, extra, project.templates, project.site_url, shared_blocks, project.directory_urls)
            files[page.path] = text.encode()
        except Exception as error:
            issue = template_issue(error, project.templates, project.root) if project.templates else None
            if issue is None:
                raise
            issues.append(issue)
    if issues:
        raise CatalogError(issues)
    return files


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Planning and rendering make millions of objects that live until the end of the build, and
    few reference cycles: the garbage collector's passes over them took a tenth of Déclic's time at
    10,000 cards, and pausing it raises the peak memory by 3 %."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _timed(timings: dict[str, float], stage: str, run: Callable[[], T]) -> T:
    started = perf_counter()
    result = run()
    timings[stage] = timings.get(stage, 0.0) + perf_counter() - started
    return result
