"""Random input never crashes the checks: any bytes as a file, any YAML document, any string in any
field or as a file name gives either a valid catalog or a list of reported problems (CatalogError),
each naming an existing file, a plausible line and a French message; never another exception."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import MINI, copy_guide
from declic.build import prepare
from declic.catalog.load import load_file
from declic.catalog.schema import KINDS, KINDS_BY_NAME
from declic.catalog.validate import validate
from declic.errors import CatalogError, Issue
from declic.site.project import load_project

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# Words of pydantic's, PyYAML's or Jinja's own messages: a message that still has them was not translated.
ENGLISH = re.compile(r"\b(Input|should|Field required|Value error|valid|expected|found|unexpected|line \d)\b")
QUOTED = re.compile(r"«[^»]*»")
ENTITY_FILES = sorted(
    path.relative_to(MINI).as_posix() for kind in KINDS for path in (MINI / kind.folder).glob("*.yaml")
)


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Path:
    """One copy of the tiny guide for a whole module: each example changes one file and puts it back."""
    return copy_guide(MINI, tmp_path_factory.mktemp("fuzz") / "mini").parent


def assert_reported(issues: tuple[Issue, ...], root: Path) -> None:
    assert issues
    for issue in issues:
        words = QUOTED.sub("", f"{issue.message} {issue.hint or ''}")  # what the user wrote is quoted « … »
        assert issue.message and not ENGLISH.search(words), issue.format()
        path = root / issue.file
        assert path.is_file(), issue.format()
        if issue.line is not None:
            assert 1 <= issue.line <= path.read_bytes().count(b"\n") + 2, issue.format()
        issue.format()


def check_guide(root: Path) -> None:
    try:
        prepare(load_project(root / "mkdocs.yml"))  # pages drawn too: any text goes through the templates
    except CatalogError as error:
        assert_reported(error.issues, root)


def check_file(path: Path, kind_name: str, root: Path) -> None:
    """One file through the loader and its schema, without the rest of the catalog."""
    document, issues = load_file(path, KINDS_BY_NAME[kind_name], path.relative_to(root).as_posix())
    if issues:
        assert_reported(tuple(issues), root)
    if document is not None:
        try:
            validate((document,))
        except CatalogError as error:
            assert_reported(error.issues, root)


def leaves(value, path=()):
    """(path, text) of every string in a loaded YAML value: titles, ids, prompts, examples…"""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def set_at(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def original(relative: str):
    document, issues = load_file(MINI / relative, next(k for k in KINDS if relative.startswith(k.folder)), relative)
    assert not issues
    return document.data


FIELDS = [(relative, path) for relative in ENTITY_FILES for path, _ in leaves(original(relative))]
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@FUZZ
@given(content=st.binary(max_size=3000))
def test_any_bytes_as_a_file(guide, content):
    path = guide / "usecases" / "irritants" / "au-hasard.yaml"
    path.write_bytes(content)
    try:
        check_file(path, "irritants", guide)
    finally:
        path.unlink()


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["title", "quote", "cost", "facts", "text", "source", "obstacles"]) | any_text,
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(data=yaml_values, kind=st.sampled_from([kind.name for kind in KINDS]))
def test_any_yaml_document(guide, data, kind):
    path = guide / KINDS_BY_NAME[kind].folder / "au-hasard.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)  # the tiny guide has no folder for some kinds (laws)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        check_file(path, kind, guide)
    finally:
        path.unlink()


@FUZZ
@given(field=st.sampled_from(FIELDS), value=any_text)
# Once found at random: the hint repeated an unknown id unquoted, and « expected » read as English.
@example(field=("usecases/irritants/relancer-factures.yaml", ("category",)), value="expected")
def test_any_string_in_any_field(guide, field, value):
    """Every text field and every id reference of the tiny guide, given any text (YAML-quoted)."""
    relative, path = field
    data = original(relative)
    set_at(data, path, value)
    target = guide / relative
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        check_guide(guide)
    finally:
        shutil.copy(MINI / relative, target)


@FUZZ
@given(field=st.sampled_from(FIELDS), value=any_text)
def test_any_text_typed_into_the_yaml_source(guide, field, value):
    """The same, typed straight into the file without quotes: YAML syntax errors of every sort."""
    relative, path = field
    source = (MINI / relative).read_text(encoding="utf-8")
    lines = source.splitlines()
    line = next((number for number, text in enumerate(lines) if text.startswith(f"{path[0]}:")), 0)
    head, separator, _ = lines[line].partition(": ")
    lines[line] = head + (separator or ": ") + value.replace("\r", "")
    target = guide / relative
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        check_guide(guide)
    finally:
        shutil.copy(MINI / relative, target)


file_names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"), min_size=1, max_size=40)


@FUZZ
@given(relative=st.sampled_from(ENTITY_FILES), name=file_names)
def test_any_file_name_as_an_id(guide, relative, name):
    source = guide / relative
    target = source.with_name(f"{name}.yaml")
    if name in (".", "..") or len(target.name.encode()) > 250 or target.exists():
        return
    source.rename(target)
    try:
        check_guide(guide)
    finally:
        target.rename(source)


settings_keys = (
    st.sampled_from(
        [
            "inherit_default_catalog",
            "templates",
            "only",
            "hide",
            "search",
            "colors",
            "assistants",
            "data_rules",
            "site_url",
        ]
    )
    | any_text
)


@FUZZ
@given(
    top=st.dictionaries(st.sampled_from(["docs_dir", "site_dir", "site_url", "extra"]), yaml_values, max_size=3),
    declic=st.dictionaries(settings_keys, yaml_values, max_size=4),
)
def test_any_value_in_the_guide_settings(guide, top, declic):
    """mkdocs.yml's own fields and extra.declic, given any YAML value: a reported problem at worst."""
    config_file = guide / "mkdocs.yml"
    config = yaml.safe_load((MINI / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["declic"].update(declic)
    config.update(top)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    try:
        check_guide(guide)
    finally:
        shutil.copy(MINI / "mkdocs.yml", config_file)
