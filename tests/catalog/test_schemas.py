"""JSON Schemas for editors: generated from the same pydantic schemas, committed, and they accept
every shipped YAML file and reject a broken one."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT
from declic.catalog.schema import KINDS
from declic.commands.schemas import SCHEMAS_DIR, json_schemas, schema_file_name


def test_committed_schemas_are_up_to_date():
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / SCHEMAS_DIR).glob("*.json")}
    assert committed == json_schemas(), "run `declic schemas` and commit the result"


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_shipped_file_validates_and_points_to_its_schema(kind):
    validator = Draft202012Validator(json.loads(json_schemas()[schema_file_name(kind)]))
    files = sorted((ROOT / kind.folder).glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{schema_file_name(kind)}"), path
        errors = [error.message for error in validator.iter_errors(yaml.safe_load(text))]
        assert errors == [], path


def test_a_broken_file_fails_against_its_schema():
    kind = next(kind for kind in KINDS if kind.name == "irritants")
    validator = Draft202012Validator(json.loads(json_schemas()[schema_file_name(kind)]))
    data = yaml.safe_load((ROOT / kind.folder / "relancer-factures-impayees.yaml").read_text(encoding="utf-8"))
    data["cost"]["minutes_per_week"] = "beaucoup"
    data["colour"] = "rouge"
    del data["title"]
    messages = sorted(error.message for error in validator.iter_errors(data))
    assert messages == sorted(
        [
            "'beaucoup' is not of type 'integer'",
            "Additional properties are not allowed ('colour' was unexpected)",
            "'title' is a required property",
        ]
    )


def test_schemas_never_write_through_a_link(tmp_path):
    from click.testing import CliRunner

    from declic.cli import main

    folder = tmp_path / "schemas"
    folder.mkdir()
    precious = tmp_path / "mkdocs.yml"
    precious.write_text("site_name: Garder\n", encoding="utf-8")
    link = folder / schema_file_name(KINDS[0])
    link.symlink_to(precious)
    result = CliRunner().invoke(main, ["schemas", str(folder)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0].startswith(f"{link}: est un lien symbolique (vers {precious}) : ")
    assert precious.read_text(encoding="utf-8") == "site_name: Garder\n"
    assert sorted(path.name for path in folder.iterdir()) == [link.name]  # nothing else written either
