"""A corpus of short news articles written for the corpus pages' tests (not copied from anywhere): the
same few real-world events reported by several invented outlets on different days, so that linking,
the corpus timeline, claims compared and quotes across outlets have something to join and to tell apart.

`write_corpus(folder)` writes NAME.txt with NAME.meta.json (title, source, published) and returns names.
"""

from __future__ import annotations

import json
from pathlib import Path

OUTLETS = ("Daily Ledger", "Morning Post", "Evening Star")
QUOTE = "We had a useful meeting and we will meet again soon"

# (name, title, day, text); {outlet}-specific wording comes from the loop below.
STORIES = [
    ("helsinki", "Leaders meet in Helsinki", "2018-07-17",
     "President Donald Trump met Russian President Vladimir Putin in Helsinki on July 16, 2018. "
     "Putin said: \u201c" + QUOTE + ".\u201d"),
    ("refugees", "How many refugees want to return", "2018-08-02",
     "About {share} percent of Syrian refugees abroad want to return home, Russian officials said on August 1, 2018. "
     "Vladimir Putin has urged the European Union to help."),
    ("golf", "Johnson wins in Memphis", "2018-07-29",
     "Dustin Johnson won the tournament in Memphis on July 29, 2018. Johnson thanked his caddie."),
    ("resign", "Foreign Secretary resigns", "2018-07-09",
     "Boris Johnson resigned as Foreign Secretary on July 9, 2018. Johnson wrote a letter to Theresa May."),
    ("eu", "EU ministers gather", "2018-07-20",
     "The European Union held a meeting of foreign ministers in Brussels on July 20, 2018. The EU said sanctions would stay."),
]
SHARES = {"Daily Ledger": 20, "Morning Post": 25, "Evening Star": 20}


def write_corpus(folder: Path, *, copies: int = 2) -> list[str]:
    """len(STORIES) x len(OUTLETS) x copies articles (30 by default), each text different."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(copies):
        for o, outlet in enumerate(OUTLETS):
            for name, title, day, text in STORIES:
                body = text.format(share=SHARES[outlet])
                # each copy is a later follow-up with its own closing line, so no two texts are the same
                day = f"{day[:8]}{int(day[8:]) + n + o:02d}" if int(day[8:]) + n + o <= 28 else day
                body += f"\n{outlet} will follow the story in update {n + 1} from desk {o + 1}."
                stem = f"{name}-{o}-{n}"
                (folder / f"{stem}.txt").write_text(body + "\n", encoding="utf-8")
                meta = {"title": f"{title} ({outlet})", "source": outlet, "published": day}
                (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
                names.append(stem)
    return names
