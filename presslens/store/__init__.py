"""The corpus store: articles with metadata, analyses keyed by input hash and pipeline version, search.

`open_store()` is the one way in for the views and the CLI; the embedded default is one SQLite file
(`PRESSLENS_DB`, else `library/presslens.sqlite`, or `$PRESSLENS_LIBRARY/presslens.sqlite`).
"""

from .base import (
    AddResult,
    EditConflict,
    Query,
    SaveResult,
    Store,
    StoredArticle,
    analysis_key,
    content_hash,
)
from .sqlite import SQLiteStore, db_path, open_store

__all__ = [
    "AddResult", "EditConflict", "Query", "SaveResult", "SQLiteStore", "Store", "StoredArticle",
    "analysis_key", "content_hash", "db_path", "open_store",
]
