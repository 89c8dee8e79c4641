"""The `declic` command: argument parsing and printing only; the work is in `build.py`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

import click

from . import __version__
from .build import Generated, build, generate, load_and_link, prepare
from .errors import CatalogError
from .project import Project, load_project
from .site import SiteBuildError

T = TypeVar("T")

config_option = click.option(
    "-f", "--config-file", "config_file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
    show_default=True, help="Configuration du guide (mkdocs.yml).",
)


def _progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    if total < 200 or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, length=total, label=label, file=sys.stderr) as bar:
        yield from bar


def _fail_on_catalog_errors(function):
    """User errors: a clean list and exit code 1. Anything else is a bug and keeps its traceback."""
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except CatalogError as error:
            for issue in error.issues:
                click.echo(issue.format(), err=True)
            count = len(error.issues)
            click.secho(f"{count} problème{'s' if count > 1 else ''} : rien n'a été écrit.", fg="red", err=True)
            sys.exit(1)
        except SiteBuildError as error:
            click.secho(f"La construction du site a échoué : {error}", fg="red", err=True)
            click.echo("Le site précédent est resté intact.", err=True)
            sys.exit(1)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declic")
def main() -> None:
    """Déclic : du catalogue YAML au site de formation à l'IA."""
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.WARNING)


@main.command("check")
@config_option
@_fail_on_catalog_errors
def check_command(config_file: Path) -> None:
    """Vérifie le catalogue et signale tous les problèmes, sans rien construire."""
    project = load_project(config_file)
    catalog = prepare(project).catalog  # pages drawn in memory too: template errors and page clashes
    counts = ", ".join(f"{len(getattr(catalog, kind))} {label}" for kind, label in
                       (("irritants", "irritants"), ("trades", "métiers"), ("prompts", "prompts"),
                        ("personas", "personas"), ("roles", "rôles")))
    click.echo(f"Catalogue valide : {counts}, {len(catalog.cards)} cas d'usage.")


@main.command("generate")
@config_option
@_fail_on_catalog_errors
def generate_command(config_file: Path) -> None:
    """Écrit les pages Markdown du catalogue dans le dossier des sources du site, sans lancer mkdocs."""
    project = load_project(config_file)
    _report(project, generate(project, _progress))


@main.command("build")
@config_option
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Échoue au moindre avertissement de mkdocs (lien cassé…).")
@click.option("--offline", is_flag=True,
              help="Site à ouvrir sans réseau (clé USB, file://) ; la recherche intégrée remplace Pagefind.")
@_fail_on_catalog_errors
def build_command(config_file: Path, strict: bool, offline: bool) -> None:
    """Construit le site complet dans le dossier du site (site/ par défaut)."""
    project = load_project(config_file)
    generated = build(project, strict=strict, progress=_progress, offline=offline)
    _report(project, generated)
    click.echo(f"Site construit dans {project.site_dir} en {sum(generated.timings.values()):.1f} s.")


@main.command("serve")
@config_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Adresse IP:port du serveur.")
@_fail_on_catalog_errors
def serve_command(config_file: Path, dev_addr: str) -> None:
    """Aperçu en direct : régénère les pages quand un fichier YAML ou une page change."""
    from .serve import serve

    project = load_project(config_file)

    def regenerate() -> None:
        try:
            _report(project, generate(project))
        except CatalogError as error:
            for issue in error.issues:
                click.echo(issue.format(), err=True)
            click.secho("Catalogue invalide : pages non régénérées.", fg="red", err=True)

    serve(project, regenerate, dev_addr)


def _report(project: Project, generated: Generated) -> None:
    report = generated.report
    click.echo(f"{len(generated.pages)} pages générées : {len(report.written)} écrites, "
               f"{len(report.removed)} supprimées, {report.unchanged} inchangées.")
