"""Grammalecte over paragraphs: JSON list of strings on stdin → JSON list of errors on stdout.

Run by tests/pages/test_french.py with a Python that has Grammalecte (Debian's python3-grammalecte lives
in the system Python, not in the virtual environment). Grammar and typography rules only: the
spelling dictionary does not know the trade words, names and brands a page is full of."""

from __future__ import annotations

import json
import sys

import grammalecte  # ty: ignore  (system package)


def main() -> None:
    paragraphs = json.load(sys.stdin)
    checker = grammalecte.GrammarChecker("fr")
    errors = []
    for index, paragraph in enumerate(paragraphs):
        grammar, _spelling = checker.getParagraphErrors(paragraph)
        for error in grammar:
            start, end = error["nStart"], error["nEnd"]
            errors.append(
                {
                    "paragraph": index,
                    "rule": error["sRuleId"],
                    "text": paragraph[start:end],
                    "context": paragraph[max(0, start - 40) : end + 40],
                    "message": error["sMessage"],
                }
            )
    json.dump(errors, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
