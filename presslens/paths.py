"""Where the repository's files are: every path is relative to this file, never to the working directory.

The gold data of `presslens eval`, the seed texts, the default library and the shared data next to the
repository (`../shared/data`) are all named here once, so every command works from any directory.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository (presslens is installed editable)
SEEDS_DIR = ROOT / "seeds"
DEFAULT_LIBRARY = ROOT / "library"

DATA_DIR = ROOT / "data"
GOLD_DIR = DATA_DIR / "gold"  # quotes/, figures/ and the seed's entity gold
SEED_GOLD = GOLD_DIR / "seed_entities.json"
NEWS_DIR = DATA_DIR / "news"  # the news dev set: dev/ and test/ (held out)
TIMEML_DIR = DATA_DIR / "timeml"

# Data shared between checkouts, beside the repository.
SHARED_DATA = ROOT.parent / "shared" / "data"
MEANTIME_DIR = SHARED_DATA / "wikinews-apple" / "meantime"
