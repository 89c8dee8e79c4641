"""Pages → Markdown text, through one Jinja2 environment built once.

Every `{{ value }}` a template prints is escaped for Markdown and HTML unless it is already
`Markup` (links, prompt blocks built here): catalog text can never become markup or a macro.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import asdict
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import segno
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from declic import urls
from declic.catalog.prompt_text import Segment
from declic.catalog.review_dates import french_date
from declic.pages import Page
from declic.pages.escape import escape_text
from declic.pages.law import law_text
from declic.pages.script_data import script_json
from declic.pages.typography import french_spacing

TEMPLATES = Path(__file__).parent / "templates"

# A link's query, built by `plan` from ids.
_QUERY = re.compile(r"^([a-z]+=[a-z0-9,/-]*(&[a-z]+=[a-z0-9,/-]*)*)?$")


# Catalog text repeats from page to page (an irritant's on each of its cards, a prompt's steps on
# every card that offers it): each distinct string is escaped once, then looked up.
_escaped = lru_cache(maxsize=1 << 16)(escape_text)


@lru_cache(maxsize=1 << 14)
def escape_paragraphs(value: str) -> Markup:
    """Plain text with blank-line-separated paragraphs → Markdown paragraphs."""
    paragraphs = [part for part in re.split(r"\n\s*\n", str(value)) if part.strip()]
    return Markup("\n\n".join(_escaped(part) for part in paragraphs))


def _finalize(value: Any) -> Any:
    if isinstance(value, (Markup, int, float)):
        return value
    return _escaped(value) if type(value) is str else escape_text(value)


class _Sharing:
    """While a shared block renders: whether its text so far is the same on every page as deep."""

    def __init__(self) -> None:
        self.shareable = True


_sharing: ContextVar[_Sharing | None] = ContextVar("_sharing", default=None)


def _not_shareable() -> None:
    sharing = _sharing.get()
    if sharing is not None:
        sharing.shareable = False


# What a shared block may read besides its own objects: the same on every page of a build, and
# where the page is, for its links (a link that depends on more than the depth is not shared).
_BUILD_WIDE = (
    "sources",
    "data_rules",
    "directory_urls",
    "page_up",
    "page_to_root",
    "page_path",
    "page_folder",
    "page_top_folder",
)


@pass_context
def _shared(context, name: str, key: str, *objects: Any) -> Markup:
    """`{{ shared("steps", prompt_id, item) }}`: the macro `name` of _shared.md.j2 given `objects`,
    rendered once per build and reused on every page as deep in the folders that shares `key` (an
    irritant's situation on each of its cards, a prompt's steps on every card offering it). The
    macro sees its objects and the build-wide values alone, so its text cannot depend on the page;
    one that links into the page's own folders, whose links differ from page to page, is rendered
    anew each time."""
    blocks = context.get("shared_blocks")
    cached = (context["page_up"], context["page_to_root"], name, key)
    if blocks is not None and cached in blocks:
        return blocks[cached]
    macros = context.environment.get_template("_shared.md.j2").make_module(
        {variable: context.get(variable) for variable in _BUILD_WIDE}
    )
    outer, sharing = _sharing.get(), _Sharing()
    token = _sharing.set(sharing)
    try:
        text = Markup(getattr(macros, name)(*objects))
    finally:
        _sharing.reset(token)
    if blocks is not None and sharing.shareable:
        blocks[cached] = text
    elif outer is not None:
        outer.shareable = False
    return text


@pass_context
def _link(context, target: str, anchor: str = "", query: str = "") -> Markup:
    """Relative Markdown link target from the page being rendered to another docs file."""
    folder = context["page_folder"]
    if folder and target.startswith(context["page_top_folder"]):  # the link depends on the folder
        _not_shareable()
        relative = urls.relative(target, folder)
    else:  # only on the depth: the common case, made cheap (a card prints some 25 links)
        relative = context["page_up"] + target
    if query:
        if not _QUERY.match(query):  # built by `plan` from ids; anything else is a bug, not text
            raise ValueError(f"unexpected link query {query!r}")
        relative += f"?{query}"
    return Markup(relative + f"#{anchor}" if anchor else relative)


@pass_context
def _href(context, target: str, anchor: str = "", query: str = "") -> Markup:
    """What `link` gives Markdown, for a link written as HTML (lists of links: Markdown parsing them
    cost an eighth of mkdocs' time, for the same HTML): the address mkdocs would have written."""
    directory_urls = context["directory_urls"]
    if context["page_folder"] and target.startswith(context["page_top_folder"]):  # depends on the folder
        _not_shareable()
        address = urls.href(target, context["page_path"], directory_urls)
    else:  # only on the depth, as in `link`
        served = urls.served(target, directory_urls)
        address = context["page_to_root"] + served if served != "./" else context["page_to_root"] or "./"
    if query:
        if not _QUERY.match(query):
            raise ValueError(f"unexpected link query {query!r}")
        address += f"?{query}"
    return Markup(address + f"#{anchor}" if anchor else address)


def _prompt_block(
    segments: Iterable[Segment], prompt, prompt_id: str, indexed: bool = True, examples: dict | None = None
) -> Markup:
    """The prompt as one raw HTML block: kept verbatim by Markdown, blanks marked for the reader.
    `indexed`: whether search indexes it on this page; `examples`: the example of each blank on this
    page (a trade's own on its card), the prompt's own when not given."""
    parts = []
    for segment in segments:
        if segment.variable is None:
            parts.append(_html(segment.text))
            continue
        variable = prompt.variables[segment.variable]
        example = variable.example if examples is None else examples.get(segment.variable, "")
        # A fact about the reader (their team's size), whose example is their trade's: its field comes last.
        reader = ' data-about-reader=""' if variable.trade_example else ""
        parts.append(
            f'<mark class="declic-blank" data-variable="{segment.variable}" data-type="{variable.type}" '
            f'data-label="{_html(variable.label)}" data-example="{_html(example)}"{reader} '
            f'title="{_html(variable.description)}">[{_html(variable.label)}]</mark>'
        )
    # Newlines as entities keep the block on one line, so no blank line can end the HTML block.
    body = "".join(parts).replace("\n", "&#10;")
    ignored = "" if indexed else " data-pagefind-ignore"
    return Markup(f'<div class="declic-prompt" data-prompt="{prompt_id}"{ignored}><pre><code>{body}</code></pre></div>')


@pass_context
def _qr_code(context) -> Markup:
    """The page's address as a QR code and as text, for print; nothing when the site has no address."""
    site_url = context["site_url"]
    if not site_url:
        return Markup("")
    _not_shareable()
    url = urls.absolute(site_url, context["page_path"])
    svg = segno.make_qr(url, error="m").svg_inline(
        scale=3, omitsize=True, svgclass="declic-qr__code", title="Code QR de l'adresse de cette page"
    )
    return Markup(f'<div class="declic-qr">{svg}<p>Cette page en ligne :<br>{_html(url)}</p></div>')


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


@pass_context
def _law_line(context, law) -> Markup:
    """A legal statement and its citation (pages/law.py), « depuis » or « à partir du » as of the
    build's date (`today`, given by the build; the clock's only where a page renders alone)."""
    return Markup(law_text(law, context.get("today") or date.today()))


def _duration(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest}\u00a0min"
    return f"{hours}\u00a0h\u00a0{rest:02d}" if rest else f"{hours}\u00a0h"


# Numbers a sentence spells out (« pendant six mois »), as French typography wants below 17.
_IN_WORDS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]


def _in_words(number: int) -> str:
    return _IN_WORDS[number] if 0 <= number < len(_IN_WORDS) else str(number)


def _web_address(url: Any) -> Markup:
    """A checked address as a Markdown link target (the schema's `HttpsUrl` refuses the characters
    Markdown reads); checked again here, since printing it unescaped is only safe for those."""
    text = str(url)
    if not _WEB_ADDRESS.match(text):
        raise ValueError(f"unchecked web address {text!r}")
    return Markup(text)


_WEB_ADDRESS = re.compile(r"^https://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+$")


def _json_data(value: Any) -> Markup:
    """JSON for a <script type="application/json"> block: nothing in it can close the script."""
    return Markup(script_json(json.dumps(value, ensure_ascii=False, default=asdict)))


def _front_matter(value: Any) -> Markup:
    """A front-matter value. The theme prints these as HTML (`<meta content="…">`, tag names), so
    catalog text is HTML-escaped here: a quote or a `<` stays text and cannot close the attribute.
    JSON is YAML, except that YAML also breaks lines at U+2028, U+2029 and U+0085 and refuses some
    characters JSON keeps raw: those are written as escapes, so the value stays on its line (text
    after a line break reading `---` would end the front matter, and the rest become Markdown)."""
    text = json.dumps(_html_escaped(value), ensure_ascii=False)
    return Markup(_NOT_YAML_SAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))


# Outside YAML's printable set, or a line break to YAML: escaped in front matter.
_NOT_YAML_SAFE = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _html_escaped(value: Any) -> Any:
    if isinstance(value, str):
        return _html(value)
    if isinstance(value, (list, tuple)):
        return [_html_escaped(item) for item in value]
    return value


@cache
def environment(overrides: Path | None = None) -> Environment:
    """`overrides`: a guide's own templates, searched first. They are the guide's text, not Déclic's
    code: they render in Jinja's sandbox, which refuses `__globals__` and the like, and with the
    page data read-only. Déclic's templates alone render without it (the sandbox checks every
    attribute read: a third more rendering time)."""
    loaders = [FileSystemLoader(overrides)] if overrides else []
    kind = ImmutableSandboxedEnvironment if overrides else Environment
    env = kind(
        loader=ChoiceLoader([*loaders, FileSystemLoader(TEMPLATES)]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown: `_finalize` escapes for it instead
        finalize=_finalize,
    )
    env.filters.update(
        paragraphs=escape_paragraphs,
        duration=_duration,
        in_words=_in_words,
        french_date=french_date,
        fm=_front_matter,
        json_data=_json_data,
        law_line=_law_line,
        web_address=_web_address,
    )
    env.globals.update(
        link=_link, href=_href, prompt_block=_prompt_block, qr_code=_qr_code, shared=_shared, urls=urls.for_templates()
    )
    return env


def render(
    page: Page,
    extra: dict[str, Any] | None = None,
    overrides: Path | None = None,
    site_url: str = "",
    shared_blocks: dict | None = None,
    directory_urls: bool = True,
) -> str:
    """`site_url`, the published address of the site, adds a QR code to the pages printed in workshops.
    `shared_blocks`: one dictionary for the pages of one build, where `shared` blocks are kept.
    `directory_urls`: as mkdocs will serve the pages (`a/b/`, or `a/b.html` offline), for `href`."""
    template = environment(overrides).get_template(page.template)
    folder = posixpath.dirname(page.path)
    return with_title(
        template.render(
            **vars(page.context),
            **(extra or {}),
            page_path=page.path,
            page_folder=folder,
            page_top_folder=folder.split("/", 1)[0] + "/",
            page_up="../" * (folder.count("/") + 1) if folder else "",
            page_to_root=urls.to_root(page.path, directory_urls),
            directory_urls=directory_urls,
            page_kind=page.kind,
            site_url=site_url,
            shared_blocks=shared_blocks,
        )
    )


_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
_H1_LINE = re.compile(r"^# (.+?)(?:\s*\{[^{}]*\})?\s*$", re.M)
_HAS_TITLE = re.compile(r"^title\s*:", re.M)


def with_title(markdown: str) -> str:
    """The page's `title:` in its front matter, the text of its H1. Pages open with a row of links
    before their heading, so mkdocs finds no title of its own and would name the browser tab, the
    navigation and the search result after the file (« Relancer factures impayees »). A title the
    template wrote itself is kept; a page without an H1 is left as it is."""
    front = _FRONT_MATTER.match(markdown)
    header, body = (front.group(1) or "", markdown[front.end() :]) if front else ("", markdown)
    heading = _H1_LINE.search(body)
    if heading is None or _HAS_TITLE.search(header):
        return markdown
    # The heading is Markdown that `escape_text` wrote (numeric entities): its text is the title.
    title = french_spacing(html.unescape(heading.group(1)).strip())
    return f"---\ntitle: {_front_matter(title)}\n{header}---\n{body}"
