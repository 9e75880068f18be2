"""Time expressions: found in the text, resolved against the publication date, explained in words."""

from .tagger import find_times, normalize

__all__ = ["find_times", "normalize"]
