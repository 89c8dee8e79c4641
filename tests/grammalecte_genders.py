"""Grammalecte's list of words with a masculine and a feminine form: JSON list of words on stdin →
JSON object on stdout, each gendered word to its other forms (« coiffeur » → [« coiffeuse »] and back).

Run by tests/pages/test_person.py with a Python that has Grammalecte (Debian's python3-grammalecte lives in
the system Python, not in the virtual environment)."""

from __future__ import annotations

import json
import sys

from grammalecte.fr import mfsp, mfsp_data  # ty: ignore  (system package)


def main() -> None:
    words = json.load(sys.stdin)
    masculine_of: dict[str, list[str]] = {}
    for masculine in mfsp_data.dMasForm:
        for feminine in mfsp.getFemForm(masculine, False):
            masculine_of.setdefault(feminine, []).append(masculine)
    others = {}
    for word in words:
        lower = word.lower()
        found = mfsp.getFemForm(lower, False) if mfsp.isMasForm(lower) else masculine_of.get(lower, [])
        if found:
            others[word] = found
    json.dump(others, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
