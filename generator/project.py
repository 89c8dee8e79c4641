"""Where a guide's files are: read once from its `mkdocs.yml` (`extra.declic`), with defaults.

A guide is a folder with a `mkdocs.yml`. Its catalog is a stack of layers: Déclic's default catalog
(unless it opts out), then its own folders; the same for hand-written pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import CatalogError, Issue

DEFAULT_GUIDE = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/name` and `!ENV` tags."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path
    catalog_layers: tuple[Path, ...]  # folders holding usecases/ and personas/, lowest first
    content_dirs: tuple[Path, ...]
    docs_dir: Path
    site_dir: Path
    templates: Path | None  # an organisation's template overrides, searched first
    site_url: str = ""  # the published address, when known: printed pages carry it as a QR code


def load_project(config_file: Path) -> Project:
    config_file = config_file.resolve()
    if not config_file.is_file():
        raise CatalogError([Issue(str(config_file), None, "", "fichier de configuration introuvable",
                                  "lancez la commande depuis le dossier du guide, ou indiquez -f mkdocs.yml")])
    root = config_file.parent
    with config_file.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader) or {}
    settings = (config.get("extra") or {}).get("declic") or {}
    inherit = settings.get("inherit_default_catalog", True) and root != DEFAULT_GUIDE
    base = (DEFAULT_GUIDE,) if inherit else ()
    own = (root,)
    templates = root / settings["templates"] if settings.get("templates") else None
    return Project(
        root=root,
        config_file=config_file,
        catalog_layers=(*base, *own),
        content_dirs=tuple(layer / "content" for layer in (*base, *own)),
        docs_dir=root / config.get("docs_dir", "docs"),
        site_dir=root / config.get("site_dir", "site"),
        templates=templates,
        site_url=str(config.get("site_url") or ""),
    )
