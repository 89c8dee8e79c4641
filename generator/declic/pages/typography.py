"""French spacing, applied when a page is rendered: text → text with the non-breaking spaces French
typography wants, so that « ? », « : » or « » » never starts a line, nor does the end of a number.

- U+00A0 (no-break space) before « : » and inside « », U+202F (narrow no-break space) before « ; ! ? »
  and between the groups of digits of a number (« 10 125 »), U+00A0 between a number and its unit
  (« 30 min », « 13 % »); only where a plain space already is:
  no space is added where the writer put none.
- Text only: never tags or their attributes (addresses, `title`, `data-…`), nor what `code`, `pre`,
  `kbd`, `samp`, `script`, `style` or `textarea` hold. The prompts a reader copies are `pre`
  blocks: they stay as written, plain spaces, which an assistant reads the same.

`french_spacing` does plain text (a front-matter title); `french_spacing_html` does HTML. As a
Python-Markdown extension (`markdown_extensions: [declic.pages.typography]`) it runs on every page
mkdocs builds, generated or written by hand, after the raw HTML blocks are put back, and also on the
table of contents and the title mkdocs reads from a hand-written page's first heading.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACES = "[ \t\r\n]+"  # plain white space only: a no-break space already there stays
_BEFORE = re.compile(rf"(?<=\S){_SPACES}([:;!?»])")
_AT_START = re.compile(rf"\A{_SPACES}([:;!?»])")
_AFTER_OPENING = re.compile(rf"«{_SPACES}")
# Groups of three digits after one to three: « 10 125 », « 1 000 000 » (not « 2024 2025 »).
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])")
# A number and its unit: « 30 min », « 13 % », « 40 € » (French puts a space before % and €).
_UNIT = re.compile(
    rf"(?<=\d){_SPACES}(?=(?:%|€|(?:min|h|heures?|minutes?|jours?|semaines?|mois|ans?|années|pages?)\b))"
)
_SPACE_BEFORE = {":": NBSP, "»": NBSP, ";": NNBSP, "!": NNBSP, "?": NNBSP}

# Elements whose text is code or data, not prose.
_VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})
_TOKENS = re.compile(r"<!--.*?-->|<[!?][^>]*>|</?([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+|<", re.S)


def _before(match: re.Match) -> str:
    return _SPACE_BEFORE[match.group(1)] + match.group(1)


def french_spacing(text: str, after_word: bool = False) -> str:
    """Plain text with French spacing. `after_word`: the text follows a word directly (the text
    before a tag), so a space at its very start before « : » counts too."""
    text = _BEFORE.sub(_before, text)
    if after_word:
        text = _AT_START.sub(_before, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    text = _UNIT.sub(NBSP, text)
    return _THOUSANDS.sub(lambda match: re.sub("[ \u00a0]", NNBSP, match.group()), text)


def french_spacing_html(html: str) -> str:
    """HTML with French spacing in its text, outside the verbatim elements."""
    out: list[str] = []
    verbatim: list[str] = []  # the verbatim elements open around the current position
    after_word = False
    for match in _TOKENS.finditer(html):
        token, tag = match.group(), match.group(1)
        if tag:
            name = tag.lower()
            if name in _VERBATIM and not token.endswith("/>"):
                if token.startswith("</"):
                    if verbatim and verbatim[-1] == name:
                        verbatim.pop()
                else:
                    verbatim.append(name)
            out.append(token)
            continue
        if token.startswith("<"):
            out.append(token)
            continue
        if verbatim:  # as written; a word of code still counts before « ; » (`CODE ;`)
            out.append(token)
            after_word = not token[-1:].isspace()
            continue
        out.append(french_spacing(token, after_word))
        after_word = not token[-1:].isspace()
    return "".join(out)


class _Spacing(Postprocessor):
    def run(self, text: str) -> str:
        md = self.md
        for token in _walk(getattr(md, "toc_tokens", ())):
            token["name"] = french_spacing_html(token["name"])
        # mkdocs takes a page's title from its first heading, words only (its own tree processor).
        if "mkdocs_extract_title" in md.treeprocessors:
            extract = md.treeprocessors["mkdocs_extract_title"]
            if getattr(extract, "title", None):
                extract.title = french_spacing(extract.title)
        return french_spacing_html(text)


def _walk(tokens: Any):
    for token in tokens:
        yield token
        yield from _walk(token.get("children", ()))


class FrenchSpacing(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the raw HTML blocks are put back (30) and `&` restored (20): the page's whole HTML.
        md.postprocessors.register(_Spacing(md), "declic_french_spacing", 10)


def makeExtension(**kwargs: Any) -> FrenchSpacing:
    return FrenchSpacing(**kwargs)
