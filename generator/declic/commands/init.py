"""`declic init`: a new guide folder from guide_template/, with the organisation's name filled in.

Files are copied one by one; `$name` in them becomes the organisation's name and `$version` the
version of Déclic that made the guide, which its publishing examples install (`$$` is a `$`).
The JSON Schemas are written beside the data so that editors check fields while typing.
"""

from __future__ import annotations

import json
from pathlib import Path
from string import Template

from declic import __version__
from declic.commands.schemas import SCHEMAS_DIR, json_schemas
from declic.commands.targets import check_targets, write_text

TEMPLATE = Path(__file__).parent / "guide_template"


def guide_files(name: str) -> dict[str, str]:
    """Relative path → text of every file of a new guide. In YAML files, the name sits between
    double quotes: its quotes and backslashes are escaped there."""
    if not name.strip() or any(not character.isprintable() for character in name):
        raise ValueError("le nom de l'organisation tient sur une ligne, sans caractère invisible")
    in_yaml = json.dumps(name.strip(), ensure_ascii=False)[1:-1]
    files = {
        path.relative_to(TEMPLATE).as_posix(): Template(path.read_text(encoding="utf-8")).substitute(
            name=in_yaml if path.suffix in (".yml", ".yaml") else name.strip(), version=__version__
        )
        for path in sorted(TEMPLATE.rglob("*"))
        if path.is_file()
    }
    files.update({f"{SCHEMAS_DIR}/{file_name}": text for file_name, text in json_schemas().items()})
    return files


def init_guide(folder: Path, name: str, dry_run: bool = False) -> list[str]:
    """Create the guide; refuses a folder that already has files. Returns the paths written."""
    check_targets(folder.parent, [folder])  # a link in place of the new guide is not followed
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(folder)
    files = guide_files(name)
    if not dry_run:
        for relative, text in files.items():
            write_text(folder, folder / relative, text, exclusive=True)
    return sorted(files)
