"""mkdocs-macros module: live catalog figures and lists for the hand-written pages.

Reads the `catalogue.json` that the generator wrote into the docs folder; never re-reads the YAML.
Pages opt in with `render_macros: true` in their front matter.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from declic.catalog.schema import KINDS, KINDS_BY_NAME
from declic.pages.render import escape_text

# `declic_list(name)`: each kind that has pages of its own, and two names for pages of any kind.
LIST_KINDS = {
    **{kind.name: kind.listed_as for kind in KINDS if kind.listed_as},
    "paths": "path",
    "sheets": "sheet",
}


def define_env(env) -> None:
    data = json.loads((Path(env.conf["docs_dir"]) / "catalogue.json").read_text(encoding="utf-8"))
    env.variables["declic"] = {"counts": data["counts"], "schema_version": data["schema_version"]}
    entities = {kind: set(ids) for kind, ids in data["entities"].items()}
    # Only the pages a list can show, and only what it prints: the rest of the file (every card and its
    # facets) would stay in memory for the whole mkdocs build.
    listed = [
        {**{key: page[key] for key in ("kind", "id", "title", "file")}, "label": page.get("label", page["title"])}
        for page in data["pages"]
        if page["kind"] in LIST_KINDS.values()
    ]

    @env.macro
    def declic_list(kind: str) -> str:
        """A Markdown list of links to the pages of one kind, relative to the page being rendered."""
        if kind not in LIST_KINDS:
            raise ValueError(f"declic_list: genre inconnu « {kind} », attendu : {', '.join(LIST_KINDS)}")
        page_kind = LIST_KINDS[kind]
        wanted = entities.get(kind) if kind in KINDS_BY_NAME else None
        here = posixpath.dirname(env.page.file.src_uri)
        lines = [
            f"- [{escape_text(page['title'])}]({posixpath.relpath(page['file'], here or '.')})"
            for page in listed
            if page["kind"] == page_kind and (wanted is None or page["id"] in wanted)
        ]
        return "\n".join(lines)

    @env.macro
    def declic_tiles(kind: str) -> str:
        """Buttons to each page of `trades` or `irritants`, by name: the home page's ways in, one tap
        from the trade or the irritant to its cards."""
        if kind not in ("trades", "irritants"):
            raise ValueError(f"declic_tiles: genre inconnu « {kind} », attendu : trades, irritants")
        here = posixpath.dirname(env.page.file.src_uri)
        pages = sorted(
            (page for page in listed if page["kind"] == "index" and page["id"] in entities[kind]),
            key=lambda page: page["label"].casefold(),
        )
        links = "\n".join(
            f"- [{escape_text(page['label'])}]({posixpath.relpath(page['file'], here or '.')})" for page in pages
        )
        return f'<div class="declic-tiles" markdown>\n\n{links}\n\n</div>'
