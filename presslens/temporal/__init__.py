"""Time expressions: found in the text, resolved against the publication date, explained in words."""

from .mentions import with_time_mentions
from .tagger import find_times, normalize

__all__ = ["find_times", "normalize", "with_time_mentions"]
