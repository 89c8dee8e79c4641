"""The recipe: YAML → catalog → pages → Markdown → docs folder → site. Read top to bottom.

Each stage is a function of the previous one's result. User errors stop the recipe with a
CatalogError before anything is written; the site is swapped in only when mkdocs succeeded.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import TypeVar

from . import urls
from .calendar import path_calendar
from .catalog import Catalog
from .errors import CatalogError, Issue, suggest
from .explorer_data import explorer_parts
from .export import cards_csv, catalog_json, dump
from .folders import claim
from .group_page import group_page
from .importer import Columns, ImportReport, import_csv
from .link import link, link_issues
from .load import RawDocument, read_catalog
from .lock import one_build_at_a_time
from .pages import Page
from .pathing import learners, learning_path
from .plan import plan
from .project import Project
from .publish import publish, retired_pages, retired_prompts, unpublished, waiting, with_placeholders
from .redirects import redirect_files
from .reference import reference_page
from .render import render
from .review import ReviewItem, Unfinished, review_items, test_notes
from .schema import KINDS, KINDS_BY_NAME, Kind
from .select import select
from .site import build_site
from .skeleton import skeleton
from .template_errors import check_templates, template_issue
from .validate import Entities, validate
from .write import WriteReport, check_conflicts, check_pages_readable, collect_content, write_docs

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
    documents, unreadable = _timed(timings, "load", lambda: _load_layers(project))
    withheld = unpublished(documents, project.settings, project.drafts)
    try:
        entities = _timed(timings, "validate", lambda: validate(documents, unreadable))
    except CatalogError as error:
        # A draft the guide does not publish may be incomplete: `declic check` (with drafts) says how.
        left_out = {document.file for document in withheld}
        issues = [issue for issue in error.issues if issue.file not in left_out]
        if issues:
            raise CatalogError([*issues, *_link_issues(project, documents, error.partial)]) from None
        entities = error.partial
    entities = with_placeholders(entities, withheld)
    entities = select(entities, project.settings, project.config_file.name, project.config_lines)
    retired = retired_prompts(entities)
    entities = publish(entities, withheld, documents, project.config_file.name)
    catalog = _timed(timings, "link", lambda: link(entities, documents))
    return replace(catalog, retired=retired)


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
                select(valid, project.settings, project.config_file.name, project.config_lines), documents, broken
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


def prepare(project: Project, progress: Progress = _no_progress, timings: dict[str, float] | None = None) -> Prepared:
    """Everything `generate` checks and produces, in memory: also the checks of `declic check`."""
    timings = {} if timings is None else timings
    catalog = load_and_link(project, timings)
    with _collector_paused():
        pages = _timed(
            timings, "plan", lambda: (*plan(catalog), reference_page(), *retired_pages(catalog, catalog.retired))
        )
        pages = (*pages, group_page(pages))
        files = _timed(timings, "render", lambda: _render_pages(project, catalog, pages, progress))
    content = collect_content(project.content_dirs)
    check_pages_readable(content, project.root)
    files["catalogue.json"] = dump(catalog_json(catalog, pages))
    files["cas-usage.csv"] = cards_csv(catalog)
    files.update(explorer_parts(catalog))
    files.update(redirect_files(catalog, pages, project.site_url))
    check_conflicts(files, content, project.root)
    return Prepared(catalog, pages, files, content)


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


def review(project: Project, today: date) -> list[ReviewItem]:
    """`declic review`: what each owner has to approve, review again or test again, drafts included;
    a draft that does not validate yet is listed with its number of problems. Any other file's
    problem is reported as by `declic check`."""
    documents, unreadable = _load_layers(project)
    unfinished: tuple[Unfinished, ...] = ()
    try:
        entities = validate(documents, unreadable)
    except CatalogError as error:
        drafts = {document.file: document for document in waiting(documents)}
        blocking = [issue for issue in error.issues if issue.file not in drafts]
        if blocking:
            raise CatalogError(blocking) from None
        entities = error.partial
        counts = Counter(issue.file for issue in error.issues)
        unfinished = tuple(
            Unfinished(
                document.kind.name,
                document.id,
                _text(document.data.get("owner")),
                _text(document.data.get("title") or document.data.get("name")),
                document.data["status"],
                counts[file],
            )
            for file, document in drafts.items()
            if counts[file]
        )
    entities = select(entities, project.settings, project.config_file.name, project.config_lines)
    return review_items(entities, project.settings.stale_after, today, unfinished)


def _text(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def import_prompts(project: Project, source: Path, columns: Columns, force: bool = False) -> ImportReport:
    """`declic import`: a CSV of prompts into the guide's prompt folder, as drafts. An id taken by a
    prompt the guide inherits is not reused (the import would replace it): the row is renamed."""
    folder = KINDS_BY_NAME["prompts"].folder
    existing = {path.stem for layer in project.catalog_layers for path in (layer / folder).glob("*.y*ml")}
    return import_csv(source, project.root, existing, columns, force)


def new_entity(project: Project, kind: Kind, entity_id: str) -> tuple[Path, bool]:
    """`declic new`: a valid skeleton file for a new entity in the guide. Returns the file and
    whether it replaces an entity of the catalog the guide builds on. Never overwrites a file."""
    catalog = load_and_link(project)
    target = project.root / kind.folder / f"{entity_id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:  # "x": FileExistsError rather than overwrite
        file.write(skeleton(kind, entity_id, catalog))
    return target, entity_id in getattr(catalog, kind.name)


def follow_up_calendar(project: Project, path_id: str, start: date) -> bytes:
    """`declic calendar`: the iCalendar file of a path's follow-ups from `start`. LookupError, with
    a French message, when no role or persona has that id."""
    catalog = load_and_link(project)
    by_id = {learner.id: learner for learner in learners(catalog)}
    if path_id not in by_id:
        hint = suggest(path_id, by_id)
        raise LookupError(f"parcours « {path_id} » introuvable" + (f" ({hint})" if hint else ""))
    path = learning_path(catalog, by_id[path_id])
    return path_calendar(path, start, urls.absolute(project.site_url, urls.path(path_id)))


def _generate(project: Project, progress: Progress) -> Generated:
    timings: dict[str, float] = {}
    prepared = prepare(project, progress, timings)
    claim(project.docs_dir)
    report = _timed(timings, "write", lambda: write_docs(prepared.files, prepared.content, project.docs_dir))
    if project.theme_dir:  # a guide built on Déclic's theme overrides, with its own on top
        claim(project.theme_dir)
        write_docs({}, collect_content(project.theme_layers), project.theme_dir)
    return Generated(prepared.catalog, prepared.pages, report, timings)


def _render_pages(project: Project, catalog: Catalog, pages: tuple[Page, ...], progress: Progress) -> dict[str, bytes]:
    """Markdown of every page. An error in the guide's own templates is a problem to report with
    its file and line (all of them at once); one in Déclic's templates is a bug and propagates."""
    extra = {
        "data_rules": project.settings.data_rules,
        "tested_notes": test_notes(catalog.prompts, project.settings.stale_after, date.today()),
        "publish": project.settings.publish,
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


def _load_layers(project: Project) -> tuple[tuple[RawDocument, ...], list[Issue]]:
    """Documents of every layer, and the problems of the files that could not be read; an
    organisation's file replaces the default one with the same id."""
    by_key: dict[tuple[str, str], RawDocument] = {}
    issues: list[Issue] = []
    for layer in project.catalog_layers:
        documents, problems = read_catalog(layer, project.root)
        by_key.update(((document.kind.name, document.id), document) for document in documents)
        issues.extend(problems)
    return tuple(by_key.values()), issues


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
