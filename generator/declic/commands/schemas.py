"""Pydantic schemas → JSON Schema files, one per kind, for editors that check YAML while typing.

The YAML files point to them on their first line (`# yaml-language-server: $schema=…`), which is
what VS Code's YAML extension reads.
"""

from __future__ import annotations

import json
from pathlib import Path

from declic.catalog.schema import KINDS, Kind
from declic.commands.targets import check_targets, write_text

SCHEMAS_DIR = "schemas"


def schema_file_name(kind: Kind) -> str:
    return f"{kind.folder.rsplit('/', 1)[-1]}.schema.json"


def json_schemas() -> dict[str, str]:
    """File name → JSON text, for every kind."""
    files = {}
    for kind in KINDS:
        schema = kind.model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_file_name(kind), **schema}
        files[schema_file_name(kind)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return files


def write_schemas(folder: Path) -> list[Path]:
    """The files that changed. Neither `folder` nor a file in it may be a link leaving it."""
    schemas = json_schemas()
    check_targets(folder.parent, [folder / name for name in schemas])
    written = []
    for name, text in schemas.items():
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            write_text(folder.parent, target, text)
            written.append(target)
    return written
