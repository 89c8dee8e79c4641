"""The `declic` command: argument parsing and printing only; the work is in `build.py` (the recipe)
and `commands/` (one module per command)."""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import click

from declic import __version__
from declic.build import Generated, build, generate
from declic.catalog.coverage import excluded_summary
from declic.catalog.schema import KINDS, KINDS_BY_COMMAND
from declic.catalog.schema.base import id_problem, suggested_id
from declic.commands.address import parse_address
from declic.commands.calendar import follow_up_calendar
from declic.commands.check import check
from declic.commands.import_csv import TODO, Columns, import_prompts
from declic.commands.init import init_guide
from declic.commands.new import new_entity
from declic.commands.review import review, review_csv, review_text
from declic.commands.schemas import write_schemas
from declic.commands.usage_errors import FrenchGroup
from declic.errors import CatalogError, system_error
from declic.site.errors import SiteBuildError
from declic.site.project import load_project
from declic.site.stack import end_of_life_notice

T = TypeVar("T")

# What a terminal would run or hide rather than show: control codes (a line break aside), C1 codes,
# bidirectional marks and overrides, non-characters. The catalog refuses them; a path, a CSV cell or
# a message quoting what was refused may still hold one.
_UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)


def visible(text: str) -> str:
    """`text` with every control character written out (`\\u001b`), so that none reaches the terminal."""
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _say(message: object = "", err: bool = False, nl: bool = True, **style) -> None:
    """Every line the command prints goes through here."""
    click.secho(visible(str(message)), err=err, nl=nl, **style)


config_option = click.option(
    "-f",
    "--config-file",
    "config_file",
    type=click.Path(path_type=Path),
    metavar="CHEMIN",
    default=Path("mkdocs.yml"),
    show_default=True,
    help="Configuration du guide (mkdocs.yml).",
)


def _progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    if total < 200 or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, length=total, label=label, file=sys.stderr) as bar:
        yield from bar


def _fail_on_catalog_errors(function):
    """User errors: a clean list and exit code 1. Anything else is a bug and keeps its traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except CatalogError as error:
            for issue in error.issues:
                _say(issue.format(), err=True)
            count = len(error.issues)
            _say(f"{count} problème{'s' if count > 1 else ''} : rien n'a été écrit.", fg="red", err=True)
            sys.exit(1)
        except SiteBuildError as error:
            _say(f"La construction du site a échoué : {error}", fg="red", err=True)
            _say("Le site précédent est resté intact.", err=True)
            sys.exit(1)
        except OSError as error:  # the disk, not the catalog: full, read-only, a file where a folder goes
            _say(f"Erreur du système de fichiers : {system_error(error)}", fg="red", err=True)
            sys.exit(1)

    return wrapper


_LEVELS = {"WARNING": "Avertissement", "ERROR": "Erreur", "CRITICAL": "Erreur", "INFO": "Info"}


class _FrenchLevels(logging.Formatter):
    """mkdocs' and its plugins' messages, under a French heading; their text stays theirs."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{_LEVELS.get(record.levelname, record.levelname)} ({record.name}) : {record.getMessage()}"


@click.group(cls=FrenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declic", message="%(prog)s %(version)s", help="Affiche la version.")
def main() -> None:
    """Déclic : du catalogue YAML au site de formation à l'IA."""
    handler = logging.StreamHandler()
    handler.setFormatter(_FrenchLevels())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


@main.command("check")
@config_option
@_fail_on_catalog_errors
def check_command(config_file: Path) -> None:
    """Vérifie le catalogue et signale tous les problèmes, sans rien construire."""
    project = load_project(config_file, drafts=True)  # a draft's broken reference is a problem too
    checked = check(project)
    catalog = checked.catalog
    counts = ", ".join(f"{len(getattr(catalog, kind.name))} {kind.counted_as}" for kind in KINDS if kind.counted_as)
    _say(f"Catalogue valide : {counts}.")
    summary = checked.coverage
    _say(f"Cas d'usage : {summary.cards} sur {summary.pairs} couples métier × irritant déclarés.")
    _holes("Couples sans prompt pour faire un cas d'usage", summary.pairs_without_card)
    _holes("Irritants qu'aucun prompt ne résout", summary.unsolved_irritants)
    _holes("Métiers sans cas d'usage", summary.trades_without_card)
    _holes("Parcours avec une étape vide", [f"{path} ({stage})" for path, stage in summary.empty_stages])
    _excluded(summary.excluded_pairs)
    _notices(catalog.notices)
    _figure_notices(catalog.figure_notices)
    code = checked.code.lines()
    _say("Ce guide exécute\u00a0: " + (" ; ".join(code) if code else "rien d'autre que Déclic") + ".")
    _dropped(catalog.dropped)


def _dropped(notices) -> None:
    """References to what the published site leaves out (drafts, retired): dropped, not a stop."""
    if notices:
        _say(f"Renvois vers des fiches non publiées, retirés de la publication ({len(notices)})\u00a0:", fg="yellow")
        for notice in notices:
            _say(f"  {notice.format()}")


def _notices(notices) -> None:
    """Blanks that show no example on a card: the file, line and field of each, to write its example."""
    if not notices:
        _say("Exemples d'un autre métier, non montrés\u00a0: aucun.")
        return
    _say(f"Exemples d'un autre métier, non montrés ({len(notices)})\u00a0:", fg="yellow")
    for notice in notices:
        _say(f"  {notice.format()}")


def _figure_notices(notices) -> None:
    """An organisation's two durations of one task that disagree: listed, not a stop (Déclic's own stop)."""
    if notices:
        _say(f"Durées d'une même tâche en désaccord ({len(notices)})\u00a0:", fg="yellow")
        for notice in notices:
            _say(f"  {notice.format()}")


def _excluded(pairs: tuple[str, ...]) -> None:
    """Pairs left out on purpose: listed, not a hole."""
    _say(f"Couples prompt × métier exclus ({len(pairs)})\u00a0: " + (", ".join(pairs) or "aucun") + ".")


def _holes(title: str, items) -> None:
    items = list(items)
    if items:
        _say(f"{title} ({len(items)}) : " + ", ".join(items), fg="yellow")
    else:
        _say(f"{title} : aucun.")


drafts_option = click.option(
    "--drafts",
    is_flag=True,
    help="Publie aussi les fiches en brouillon ou en relecture, sous un bandeau « brouillon ».",
)


@main.command("generate")
@config_option
@drafts_option
@_fail_on_catalog_errors
def generate_command(config_file: Path, drafts: bool) -> None:
    """Écrit les pages Markdown du catalogue dans le dossier des sources du site, sans lancer mkdocs."""
    project = load_project(config_file, drafts=drafts)
    generated = generate(project, _progress)
    _report(generated)
    _dropped(generated.catalog.dropped)


@main.command("build")
@config_option
@click.option(
    "--strict/--no-strict",
    default=True,
    show_default=True,
    help="Échoue au moindre avertissement de mkdocs (lien cassé…).",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Site à ouvrir sans réseau (clé USB, file://) ; la recherche intégrée remplace Pagefind.",
)
@drafts_option
@_fail_on_catalog_errors
def build_command(config_file: Path, strict: bool, offline: bool, drafts: bool) -> None:
    """Construit le site complet dans le dossier du site (site/ par défaut)."""
    project = load_project(config_file, drafts=drafts)
    generated = build(project, strict=strict, progress=_progress, offline=offline)
    _report(generated)
    _excluded(excluded_summary(generated.catalog))
    _dropped(generated.catalog.dropped)
    if generated.catalog.notices:
        _say(
            f"{len(generated.catalog.notices)} champ(s) sans exemple de leur métier\u00a0: voir declic check.",
            fg="yellow",
        )
    if generated.catalog.figure_notices:
        _say(
            f"{len(generated.catalog.figure_notices)} durée(s) d'une même tâche en désaccord\u00a0: voir declic check.",
            fg="yellow",
        )
    _say(f"Site construit dans {project.site_dir} en {sum(generated.timings.values()):.1f} s.")
    _stack_notice()  # after the summary: a guide's problems, when there are some, come alone


@main.command("serve")
@config_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="PORT|HÔTE:PORT",
    help="PORT (cet ordinateur seulement) ou HÔTE:PORT ; 0.0.0.0:PORT ouvre l'aperçu, brouillons compris, au réseau.",
)
@_fail_on_catalog_errors
def serve_command(config_file: Path, dev_addr: str) -> None:
    """Aperçu en direct : régénère les pages quand un fichier YAML ou une page change."""
    try:
        address = parse_address(dev_addr)
    except ValueError as error:
        raise click.UsageError(f"valeur invalide pour « -a » : {error}", click.get_current_context()) from None
    from declic.commands.serve import Preview

    _stack_notice()
    shown: list[str] = []  # the problems printed last: the same ones are not printed again

    def report(lines: list[str]) -> None:
        if lines == shown:
            return
        if lines:
            _say("\n".join(lines), err=True)
            _say("Le guide a des problèmes : la dernière version valide reste affichée.", fg="red", err=True)
        else:
            _say("Problèmes corrigés : l'aperçu est à jour.", fg="green", err=True)
        shown[:] = lines

    def rebuilt(written: int, seconds: float) -> None:
        duration = f"{seconds:.1f}".replace(".", ",")
        files = "fichier régénéré" if written < 2 else "fichiers régénérés"
        _say(f"Aperçu à jour en {duration}\u00a0s ({written} {files}).")

    def vanished(path: str) -> None:
        _say(f"« {path} » a disparu pendant la régénération : l'aperçu se régénère.", err=True)

    def ready(url: str) -> None:
        _say(f"Aperçu sur {url} (Ctrl+C pour arrêter).")
        if address.reachable_from_the_network:
            _say(
                f"Attention : l'aperçu écoute sur {address}, ouvert au réseau : quiconque joint cet ordinateur "
                f"voit le guide, brouillons compris. Pour cet ordinateur seulement : -a {address.port}.",
                fg="yellow",
                err=True,
            )

    _say("Construction de l'aperçu…")
    Preview(config_file, address, report, rebuilt, ready, vanished).run()


def _stack_notice() -> None:
    """Once per run of `build` and `serve`: the theme's end of life, and where the README plans for it."""
    _say(end_of_life_notice(), fg="yellow", err=True)


def _report(generated: Generated) -> None:
    report = generated.report
    _say(
        f"{len(generated.pages)} pages générées : {len(report.written)} écrites, "
        f"{len(report.removed)} supprimées, {report.unchanged} inchangées."
    )


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path), metavar="DOSSIER")
@click.option("--name", metavar="NOM", default="Mon organisation", show_default=True, help="Nom de l'organisation.")
@click.option("--dry-run", is_flag=True, help="Affiche les fichiers sans rien écrire.")
@_fail_on_catalog_errors
def init_command(folder: Path, name: str, dry_run: bool) -> None:
    """Crée un nouveau guide dans DOSSIER, construit sur le catalogue par défaut."""
    try:
        written = init_guide(folder, name, dry_run=dry_run)
    except FileExistsError:
        raise click.ClickException(
            f"« {folder} » existe déjà (un fichier, ou un dossier qui n'est pas vide) : choisissez un nouveau dossier."
        ) from None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--name") from None
    for path in written:
        _say(f"  {folder / path}")
    if not dry_run:
        _say(f"Guide créé. Ensuite : cd {folder} && declic serve")


@main.command("new")
@click.argument("kind", type=click.Choice(list(KINDS_BY_COMMAND)), metavar="SORTE")
@click.argument("entity_id", metavar="IDENTIFIANT")
@config_option
@_fail_on_catalog_errors
def new_command(kind: str, entity_id: str, config_file: Path) -> None:
    """Écrit une fiche SORTE nouvelle, valide, chaque champ commenté."""
    problem = id_problem(entity_id)
    if problem:
        raise click.ClickException(f"{problem} : essayez « {suggested_id(entity_id)} ».")
    try:
        target, replaces_default = new_entity(load_project(config_file), KINDS_BY_COMMAND[kind], entity_id)
    except FileExistsError as error:
        raise click.ClickException(f"{error.filename} existe déjà.") from None
    if replaces_default:
        _say(
            f"« {entity_id} » existe déjà dans le catalogue par défaut : votre fiche la remplacera sur votre site.",
            fg="yellow",
        )
    _say(f"Fiche créée : {target}")


@main.command("schemas")
@click.argument("folder", type=click.Path(path_type=Path), default=Path("schemas"), metavar="[DOSSIER]")
@_fail_on_catalog_errors
def schemas_command(folder: Path) -> None:
    """Écrit les schémas JSON des fichiers YAML (complétion et vérification dans l'éditeur)."""
    written = write_schemas(folder)
    _say(f"{len(written)} schéma(s) mis à jour dans {folder}.")


@main.command("review")
@config_option
@click.option("--csv", "as_csv", is_flag=True, help="Sortie en CSV (une ligne par point), à coller dans un suivi.")
@click.option("--strict", is_flag=True, help="Code de sortie 1 s'il reste un point à traiter.")
@_fail_on_catalog_errors
def review_command(config_file: Path, as_csv: bool, strict: bool) -> None:
    """Liste, par responsable, les fiches à approuver, les relectures en retard et les essais à revérifier."""
    project = load_project(config_file, drafts=True)
    items = review(project, date.today())
    if as_csv:
        click.echo(review_csv(items), nl=False)  # bytes for a spreadsheet: no cell holds a control character
    else:
        _say(review_text(items), nl=False)
    if strict and any(item.to_do for item in items):
        sys.exit(1)


@main.command("import")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False), metavar="FICHIER.csv")
@click.option("--title", "title_column", metavar="COLONNE", default="act", show_default=True, help="Colonne du titre.")
@click.option(
    "--text", "text_column", metavar="COLONNE", default="prompt", show_default=True, help="Colonne du texte du prompt."
)
@click.option("--owner", "owner_column", metavar="COLONNE", help="Colonne du responsable, s'il y en a une.")
@click.option("--force", is_flag=True, help="Remplace les fichiers de prompt qui existent déjà.")
@config_option
@_fail_on_catalog_errors
def import_command(
    source: Path, title_column: str, text_column: str, owner_column: str | None, force: bool, config_file: Path
) -> None:
    """Écrit un prompt YAML (brouillon) par rangée d'un CSV de prompts, dans usecases/prompts/."""
    project = load_project(config_file)
    report = import_prompts(project, source, Columns(title_column, text_column, owner_column), force)
    count = report.written
    _say(f"{_number(count)} prompt{'s' if count > 1 else ''} importé{'s' if count > 1 else ''} dans {report.folder}.")
    for row, wanted, given in report.renamed_shown:
        _say(f"  rangée {row} : « {wanted} » existe déjà, enregistré sous « {given} »")
    _and_others(report.renamed, len(report.renamed_shown), "renommée")
    if report.skipped:
        total = sum(report.skipped.values())
        reasons = ", ".join(f"{reason} : {_number(rows)}" for reason, rows in report.skipped.most_common())
        _say(
            f"{_number(total)} rangée{'s' if total > 1 else ''} ignorée{'s' if total > 1 else ''} ({reasons}) :",
            fg="yellow",
        )
        for row, why in report.skipped_shown:
            _say(f"  rangée {row} : {why}")
        _and_others(total, len(report.skipped_shown), "ignorée")
    if count:
        _say(f"Chaque prompt est en brouillon : complétez les champs « {TODO} », puis lancez declic check.")


def _and_others(total: int, shown: int, what: str) -> None:
    if total > shown:
        others = total - shown
        _say(
            f"  … et {_number(others)} autre{'s' if others > 1 else ''} rangée{'s' if others > 1 else ''} {what}{'s' if others > 1 else ''}"
        )


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")  # French: a narrow no-break space between thousands


def _plausible_start(value):
    """The follow-ups run for months after the start: a date near the end of the calendar has none."""
    if value is not None and not 2000 <= value.year <= 2100:
        raise click.BadParameter(f"« {value.date()} » : choisissez une date entre 2000 et 2100")
    return value


@main.command("calendar")
@click.argument("path_id", metavar="PARCOURS")
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="AAAA-MM-JJ",
    required=True,
    callback=lambda ctx, param, value: _plausible_start(value),
    help="Date de début (AAAA-MM-JJ).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    metavar="FICHIER",
    help="Fichier .ics à écrire (sinon : PARCOURS.ics).",
)
@config_option
@_fail_on_catalog_errors
def calendar_command(path_id: str, start, output: Path | None, config_file: Path) -> None:
    """Écrit le calendrier (.ics) des rendez-vous de suivi d'un parcours : J+15, J+30, rituel mensuel."""
    try:
        data = follow_up_calendar(load_project(config_file), path_id, start.date())
    except LookupError as error:
        raise click.ClickException(str(error.args[0])) from None
    target = output or Path(f"{path_id}.ics")
    target.write_bytes(data)
    _say(f"Calendrier écrit : {target}")


if __name__ == "__main__":
    main()
