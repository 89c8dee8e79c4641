"""JSON that sits inside a page's <script>, written so that nothing in it can close the script or
open a comment: catalog text is data there, never markup."""

from __future__ import annotations


def script_json(text: str) -> str:
    """`json.dumps` output → the same JSON with <, > and & as \\u escapes (still valid JSON)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
