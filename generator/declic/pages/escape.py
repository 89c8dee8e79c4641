"""Plain text → Markdown that renders as exactly that text: what every page writer uses to put catalog
text into Markdown without it ever becoming markup. Text in, text out; nothing else.
"""

from __future__ import annotations

import re

# Characters that some Markdown extension could read as syntax anywhere in a line, written as
# numeric entities: they render as the same characters and are never parsed.
_INLINE = {char: f"&#{ord(char)};" for char in '&<>*_`[]()|{}\\~^=!#"'}
_INLINE_TABLE = str.maketrans(_INLINE)
_ASCII_SPACES = re.compile(r"[ \t\r\n]+")
# Characters that are syntax only at the start of a paragraph (lists, quotes, headings, definitions).
_LEADING = re.compile(r"^([-+:>]|\d+(?=[.)]))")


def escape_text(value: str) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    # Only ASCII white space is folded: str.split() would also eat French non-breaking spaces.
    text = _ASCII_SPACES.sub(" ", str(value).strip(" \t\r\n")).translate(_INLINE_TABLE)
    return _LEADING.sub(lambda match: "".join(f"&#{ord(c)};" for c in match.group(1)), text)
