"""Article ids made from titles: short, readable, safe as file names (no separators, no traversal)."""

from __future__ import annotations

import re
import unicodedata

NAME_MAX_CHARS = 60
UNTITLED = "article"


def slug(text: str | None) -> str:
    """ASCII letters, digits and hyphens, at most NAME_MAX_CHARS."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = ""
    for word in words:
        candidate = f"{name}-{word}" if name else word
        if len(candidate) > NAME_MAX_CHARS:
            break
        name = candidate
    return name or (words[0][:NAME_MAX_CHARS] if words else UNTITLED)
