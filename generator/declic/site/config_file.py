"""mkdocs.yml read once, the way mkdocs reads it, for every stage of Déclic and for mkdocs itself.

`!ENV` is resolved by mkdocs' own constructor and `INHERIT` merged as mkdocs merges it, so a value
Déclic checks is the value mkdocs uses (Déclic then hands mkdocs its checked settings). Tags that
would run code when mkdocs reads the file are refused before mkdocs sees it. Mistakes are reported
like a catalog's: file, line, field.
"""

from __future__ import annotations

import re
from pathlib import Path

import mergedeep
import yaml
from yaml_env_tag import construct_env_tag

from declic.catalog.load import MAX_FILE_BYTES, FieldPath, node_lines, syntax_issue
from declic.errors import CatalogError, Issue, display_path


class _ConfigLoader(yaml.SafeLoader):
    """`!ENV` resolved with mkdocs' own constructor. `!relative` and `!!python/name:` (Material's
    emoji and snippets settings, in `markdown_extensions`, which Déclic leaves to mkdocs) are read
    as nothing; any other tag is refused beforehand."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
# Tags mkdocs resolves without running code of the file's choosing; `!!python/object/apply:` and
# its kin call any function when mkdocs reads the file.
_ALLOWED_TAGS = re.compile(r"^(!ENV|!relative|tag:yaml\.org,2002:(python/name:.*|(?!python/)[a-z]+))$")


def read_config(config_file: Path) -> tuple[dict, dict[FieldPath, int]]:
    """The guide's configuration, its `INHERIT` chain merged, with the line of each field the
    guide's own file sets."""
    config, lines = _read_one(config_file, config_file.parent)
    chain = [config_file.resolve()]
    while "INHERIT" in config:  # as mkdocs.utils.yaml.yaml_load: the child's values win
        relative = config.pop("INHERIT")
        parent_file = (chain[-1].parent / str(relative)).resolve()
        if not parent_file.is_file() or parent_file in chain:
            problem = "introuvable" if not parent_file.is_file() else "déjà dans la chaîne (boucle)"
            raise CatalogError(
                [
                    Issue(
                        config_file.name,
                        lines.get(("INHERIT",)),
                        "INHERIT",
                        f"« {relative} » {problem}",
                        "le chemin est relatif au fichier qui contient INHERIT",
                    )
                ]
            )
        parent, _ = _read_one(parent_file, config_file.parent)
        chain.append(parent_file)
        config = mergedeep.merge(parent, config)
    return config, lines


def _read_one(config_file: Path, root: Path) -> tuple[dict, dict[FieldPath, int]]:
    """One YAML file of the configuration, with the line of every field."""
    name = display_path(config_file, root)
    if config_file.stat().st_size > MAX_FILE_BYTES:
        raise CatalogError([Issue(name, None, "", "fichier trop gros pour une configuration", "vérifiez le fichier")])
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogError(
            [
                Issue(
                    name,
                    None,
                    "",
                    "le fichier n'est pas encodé en UTF-8",
                    "enregistrez-le en UTF-8 depuis votre éditeur",
                )
            ]
        ) from None
    loader = _ConfigLoader(text)
    try:
        node = loader.get_single_node()
        _refuse_code_tags(node, name)
        config = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise CatalogError([syntax_issue(name, error, text)]) from None
    finally:
        loader.dispose()
    if not isinstance(config, dict):
        raise CatalogError(
            [
                Issue(
                    name,
                    None,
                    "",
                    "la configuration doit contenir des champs « nom: valeur »",
                    "partez du mkdocs.yml d'un guide existant",
                )
            ]
        )
    return config, node_lines(node)


def _refuse_code_tags(node: yaml.Node | None, file: str) -> None:
    """A tag that would run code when mkdocs reads the file (or that mkdocs does not know), refused
    before mkdocs sees it. An alias is the node it names: each node is looked at once."""
    issues = []
    stack, seen = ([node] if node is not None else []), set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if not _ALLOWED_TAGS.match(current.tag):
            tag = current.tag.replace("tag:yaml.org,2002:", "!!")
            why = (
                "mkdocs exécuterait du code en lisant la configuration"
                if "python/" in tag
                else "mkdocs ne la connaît pas"
            )
            issues.append(
                Issue(
                    file,
                    current.start_mark.line + 1,
                    "",
                    f"balise YAML « {tag} » refusée : {why}",
                    "retirez-la ; une configuration n'accepte que !ENV, !relative et !!python/name:",
                )
            )
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(item for pair in current.value for item in pair)
    if issues:
        raise CatalogError(issues)
