"""Author lines and other text around a story that is not the story.

"Follow Jane Roe on Facebook, Twitter at @x, or email him at ...", "Reporting by ...", "(Reuters) -":
recognised line by line with general patterns of English news pages, never by a name. Entities inside
these spans are not actors in the story.
"""

from __future__ import annotations

import re

# A boilerplate line is short: a paragraph of story text that happens to start with "By" is not a byline.
MAX_BYLINE_WORDS = 8
MAX_NOTICE_WORDS = 40

SOCIAL = r"(?:Facebook|Twitter|X|Instagram|LinkedIn|YouTube|TikTok|Threads|Bluesky|Mastodon|Telegram|Gab|Parler|Truth Social)"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
HANDLE = r"(?<![\w.])@\w{2,}"
NAME_WORD = r"[A-Z][\w'’.-]*"

# Whole lines, each rule named for what it recognises.
LINE_RULES = {
    "follow": re.compile(rf"^(?:Follow|Like|Connect with|Find)\b.*\b{SOCIAL}\b"),
    "contact": re.compile(rf"^(?=.*(?:{EMAIL}|{HANDLE})).*\b(?:[Ee]-?mail|[Cc]ontact|[Ww]rite to|[Rr]each|[Ff]ollow|[Tt]ips?)\b"),
    "credit": re.compile(
        r"^\(?(?:Additional |Further )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch|"
        r"[Pp]hotos?|[Gg]raphics|[Vv]ideo)(?: and [a-z]+)* by\b"
    ),
    "byline": re.compile(rf"^By:? {NAME_WORD}(?:,? (?:{NAME_WORD}|and|&|of|the))*\.?$"),
    "copyright": re.compile(r"^(?:©|\([Cc]\) |Copyright\b)|\bAll rights reserved\b"),
    "promo": re.compile(r"^(?:Read more|Read the full|Sign up|Subscribe|Click here|Download the|Related:|RELATED:|Watch:|WATCH:)"),
}

# A news-agency dateline opening a paragraph: "WASHINGTON (Reuters) - " or "(AP) — ". Only the prefix.
AGENCIES = r"(?:Reuters|AP|AFP|Bloomberg|dpa|DPA|UPI|Xinhua|AAP|PA|ANI|IANS|PTI|CNN)"
DATELINE = re.compile(rf"^(?:[A-Z][A-Za-z.,'’ -]{{0,60}}\s)?\({AGENCIES}\)\s*[-–—:]+\s*")


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """[start, end] character spans of author lines, credits and notices, in text order."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        start = pos + (len(line) - len(line.lstrip()))
        pos += len(line)
        if not body:
            continue
        if _is_boilerplate_line(body):
            spans.append((start, start + len(body)))
        elif match := DATELINE.match(body):
            spans.append((start, start + len(match.group(0).rstrip())))
    return spans


def _is_boilerplate_line(line: str) -> bool:
    words = len(line.split())
    if words > MAX_NOTICE_WORDS:
        return False
    if LINE_RULES["byline"].match(line):
        return words <= MAX_BYLINE_WORDS
    return any(rule.search(line) for name, rule in LINE_RULES.items() if name != "byline")
