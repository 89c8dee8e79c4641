"""A learning path → what its completion codes refer to: the path's tag and the version of its
steps, given to the path page and to the trainer's page (group_page.py). Pure; the codes themselves
are made and read in the browser (overrides/assets/javascripts/progress-code.js), from this data.
"""

from __future__ import annotations

import hashlib
from typing import Any

from declic.catalog.paths import LearningPath

# Douglas Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TAG_LENGTH = 3  # 15 bits; two paths may share a tag: the group page tells them apart by their versions


def _short_hash(text: str) -> str:
    number = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big") >> (32 - 5 * TAG_LENGTH)
    return "".join(ALPHABET[(number >> (5 * (TAG_LENGTH - 1 - i))) & 31] for i in range(TAG_LENGTH))


def progress_data(learning: LearningPath) -> dict[str, Any]:
    """What the path page gives its code maker: the steps in page order, the path's tag and the
    version of its steps (a code made before a step changed says so on the trainer's page)."""
    steps = [(stage.key, step) for stage in learning.stages for step in stage.steps]
    return {
        "path": learning.learner.id,
        "title": learning.learner.title,
        "tag": _short_hash(learning.learner.id),
        "version": _short_hash("\n".join(f"{key}:{step.target or step.title}" for key, step in steps)),
        "steps": [step.title for _, step in steps],
    }
