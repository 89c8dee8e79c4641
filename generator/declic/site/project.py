"""Where a guide's files are: read once from its `mkdocs.yml` (`extra.declic`), with defaults.

A guide is a folder with a `mkdocs.yml`. Its catalog is a stack of layers: Déclic's default catalog
(unless it opts out), then its own folders; the same for hand-written pages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from declic.catalog.load import FieldPath
from declic.catalog.schema.settings import Settings
from declic.catalog.validate import schema_issues
from declic.errors import CatalogError, Issue
from declic.site.config_file import read_config
from declic.site.folders import Output, check_folders


def _default_guide() -> Path:
    """Déclic's own catalog, pages and theme: in an installed wheel, package data (see setup.py);
    in a checkout of this repository, its top level."""
    packaged = Path(str(files("declic") / "default_guide"))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3]


DEFAULT_GUIDE = _default_guide()
THEME_FOLDER = "build/overrides"  # where a guide that inherits Déclic gets its merged theme


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path
    catalog_layers: tuple[Path, ...]  # folders holding usecases/ and personas/, lowest first
    content_dirs: tuple[Path, ...]
    docs_dir: Path
    site_dir: Path
    templates: Path | None  # an organisation's template overrides, searched first
    settings: Settings
    theme_layers: tuple[Path, ...] = ()  # theme overrides to merge into theme_dir, lowest first
    theme_dir: Path | None = None  # where a guide that inherits Déclic gets its merged overrides
    site_url: str = ""  # the published address, when known: printed pages carry it as a QR code
    directory_urls: bool = True  # pages served at `a/b/` (mkdocs' use_directory_urls), or `a/b.html`
    config: Mapping[str, Any] = field(default_factory=dict, compare=False)  # mkdocs.yml as mkdocs reads it
    config_lines: Mapping[FieldPath, int] = field(default_factory=dict, compare=False)  # each setting's line
    drafts: bool = False  # publish what waits for approval too, under a « brouillon » band


def load_project(config_file: Path, drafts: bool = False) -> Project:
    config_file = config_file.resolve()
    if not config_file.is_file():
        raise CatalogError(
            [
                Issue(
                    str(config_file),
                    None,
                    "",
                    "fichier de configuration introuvable",
                    "lancez la commande depuis le dossier du guide, ou indiquez -f mkdocs.yml",
                )
            ]
        )
    root = config_file.parent
    config, lines = read_config(config_file)
    settings = _settings(config, config_file, lines)
    inherit = settings.inherit_default_catalog and root != DEFAULT_GUIDE
    base = (DEFAULT_GUIDE,) if inherit else ()
    own = (root,)
    docs = _folder_setting(config, "docs_dir", "docs", config_file, lines)
    site = _folder_setting(config, "site_dir", "site", config_file, lines)
    outputs = [Output(root / docs, "docs_dir", docs), Output(root / site, "site_dir", site)]
    if base:
        outputs.append(Output(root / THEME_FOLDER, "", THEME_FOLDER))
    templates = root / settings.templates if settings.templates else None
    check_folders(
        root,
        config_file,
        outputs,
        Output(templates, "extra.declic.templates", settings.templates) if templates else None,
        {
            "docs_dir": lines.get(("docs_dir",)),
            "site_dir": lines.get(("site_dir",)),
            "extra.declic.templates": lines.get((*_SETTINGS, "templates")),
        },
    )
    if templates and not templates.is_dir():
        raise CatalogError(
            [
                Issue(
                    config_file.name,
                    lines.get((*_SETTINGS, "templates")),
                    "extra.declic.templates",
                    f"dossier de gabarits « {settings.templates} » introuvable",
                    f"créez-le à côté de {config_file.name}, ou corrigez le chemin",
                )
            ]
        )
    return Project(
        root=root,
        config_file=config_file,
        catalog_layers=(*base, *own),
        content_dirs=tuple(layer / "content" for layer in (*base, *own)),
        docs_dir=root / docs,
        site_dir=root / site,
        templates=templates,
        settings=settings,
        theme_layers=tuple(layer / "overrides" for layer in (*base, *own)) if base else (),
        theme_dir=root / THEME_FOLDER if base else None,
        site_url=_site_url(config.get("site_url"), config_file, lines),
        directory_urls=config.get("use_directory_urls", True) is not False,
        config=config,
        config_lines=lines,
        drafts=drafts,
    )


_SETTINGS = ("extra", "declic")

# A published address: http(s), a host name, an optional port and a path of plain URL characters.
# Material prints it raw in every page's `<link rel="canonical">`, and it ends in QR codes.
_HOST = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
_PATH = re.compile(r"^[A-Za-z0-9\-._~!$&*+,;=:@%/]*$")


def _site_url(value: Any, config_file: Path, lines: Mapping[FieldPath, int]) -> str:
    """`site_url`, whatever its origin (the file, `!ENV`, DECLIC_SITE_URL): `http(s)://host/path/`
    or nothing; anything else is refused, so that no page carries it as markup or a script."""
    if value in (None, ""):
        return ""
    problem = _address_problem(value)
    if problem is None:
        return value if value.endswith("/") else f"{value}/"
    shown = value if isinstance(value, str) else repr(value)
    raise CatalogError(
        [
            Issue(
                config_file.name,
                lines.get(("site_url",)),
                "site_url",
                f"adresse du site refusée : « {shown[:120]} » ({problem})",
                "écrivez l'adresse publiée du guide, par exemple « https://formation.exemple.fr/guide/ » "
                "(dans mkdocs.yml, ou dans la variable DECLIC_SITE_URL pour le guide par défaut)",
            )
        ]
    )


def _address_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return "une adresse web est attendue"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return "ce n'est pas une adresse web"
    if parts.scheme not in ("http", "https"):
        return "elle doit commencer par https:// ou http://"
    if parts.username or parts.password or "@" in parts.netloc:
        return "pas d'identifiant ni de mot de passe dans l'adresse"
    if not parts.hostname or not _HOST.match(parts.hostname):
        return "le nom d'hôte n'est pas valide"
    if port is not None and not 0 < port < 65536:
        return "le port n'est pas valide"
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return "ni « ? » ni « # » dans l'adresse du site"
    if not _PATH.match(parts.path):
        return "caractère interdit dans le chemin"
    return None


def _folder_setting(config: dict, key: str, default: str, config_file: Path, lines: dict[FieldPath, int]) -> str:
    value = config.get(key, default)
    if not isinstance(value, str) or not value.strip():
        found = "une liste" if isinstance(value, list) else "des champs" if isinstance(value, dict) else f"« {value} »"
        raise CatalogError(
            [
                Issue(
                    config_file.name,
                    lines.get((key,)),
                    key,
                    f"chemin de dossier attendu, trouvé {found}",
                    f"par exemple « {key}: {default} »",
                )
            ]
        )
    return value


def _settings(config: dict, config_file: Path, lines: dict[FieldPath, int]) -> Settings:
    extra = config.get("extra")
    declic = (extra.get("declic") if isinstance(extra, dict) else None) or {}

    def line(path: FieldPath) -> int | None:  # the field's line, or its closest parent's
        return next((lines[path[:end]] for end in range(len(path), 0, -1) if path[:end] in lines), None)

    try:
        return Settings.model_validate(declic)
    except ValidationError as error:
        raise CatalogError(schema_issues(error, Settings, config_file.name, line, prefix=_SETTINGS)) from None
