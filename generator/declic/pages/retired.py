"""Retired prompts → one page each, at the address their sheet had: why, and where to go instead."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from declic import urls
from declic.catalog.model import Catalog
from declic.catalog.schema import Prompt
from declic.pages.page import Context, Page


@dataclass(frozen=True)
class RetiredContext(Context):
    prompt: Prompt
    replacement: tuple[str, Prompt] | None  # (id, prompt) of its replacement, when it is published


def retired_pages(catalog: Catalog, retired: Mapping) -> list[Page]:
    """One page per retired prompt, at the address its sheet had: why, and where to go instead."""
    pages = []
    for prompt_id, prompt in retired.items():
        replacement = prompt.replaced_by if prompt.replaced_by in catalog.prompts else None
        pages.append(
            Page(
                urls.sheet(prompt_id),
                "retired.md.j2",
                "retired",
                prompt_id,
                f"Prompt retiré : {prompt.title}",
                (replacement,) if replacement else (),
                RetiredContext(prompt, (replacement, catalog.prompts[replacement]) if replacement else None),
            )
        )
    return pages
