"""The embedded store: one SQLite file, WAL, FTS5 over title and text, migrations by `PRAGMA user_version`.

Every write is one transaction (`BEGIN IMMEDIATE` ... `COMMIT`) with `synchronous=FULL`: a process
killed at any moment leaves each write whole or absent, and what a call returned is on disk. Each
thread gets its own connection (Streamlit runs sessions in threads; the batch runner in processes).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..article import Article, parse_published
from ..errors import Errors, PresslensError, fail
from ..paths import DEFAULT_LIBRARY
from ..schema import Analysis
from . import dedupe
from .base import (
    EDITABLE_FIELDS, SORTS, AddResult, Conflict, EditConflict, Query, SaveResult, StoredArticle, analysis_key,
    content_hash,
)
from .ids import slug

DB_ENV = "PRESSLENS_DB"
LIBRARY_ENV = "PRESSLENS_LIBRARY"
DB_NAME = "presslens.sqlite"
MARKER = "presslens.store"
SQLITE_HEADER = b"SQLite format 3\x00"
# Seconds a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT = 30
PAGE = 256  # rows per read when streaming

ARTICLE_COLUMNS = (
    "id", "title", "source", "url", "author", "published", "language", "origin", "added_at", "version",
    "content_hash", "duplicate_of", "near_duplicate_of", "chars", "problem",
)

# The columns an Article is built from, in its field order.
ARTICLE_FIELDS = "id, text, title, source, url, author, published, language, published_source, published_suggestion"

# Migration N takes the schema from user_version N-1 to N. Never edit one that has shipped: add the next.
MIGRATIONS = [
    """
    CREATE TABLE presslens (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT, source TEXT, url TEXT, canonical_url TEXT, author TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL,
        chars INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        akey TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'library',
        added_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        duplicate_of TEXT,
        near_duplicate_of TEXT,
        problem TEXT,
        minhash BLOB
    );
    CREATE INDEX articles_hash ON articles (content_hash);
    CREATE INDEX articles_canonical ON articles (canonical_url);
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_source ON articles (source COLLATE NOCASE);
    CREATE INDEX articles_added ON articles (added_at);
    CREATE INDEX articles_akey ON articles (akey);
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE bands (band TEXT NOT NULL, article_id TEXT NOT NULL);
    CREATE INDEX bands_band ON bands (band);
    CREATE TABLE analyses (
        akey TEXT NOT NULL, pipeline TEXT NOT NULL, data BLOB NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (akey, pipeline)
    );
    CREATE TABLE imported_files (path TEXT PRIMARY KEY, article_id TEXT, imported_at TEXT NOT NULL);
    """,
    # Where the publication date came from (metadata | url | dateline | user), and a date the page's
    # body mentions that was offered but not used.
    """
    ALTER TABLE articles ADD COLUMN published_source TEXT;
    ALTER TABLE articles ADD COLUMN published_suggestion TEXT;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class Errors_:  # the store's messages, in the catalogue's style
    NOT_A_DB = "{path}: not a presslens database ({reason}); move it away or set PRESSLENS_DB to another file"
    FOREIGN = "{path}: an SQLite file of another program (no presslens tables); set PRESSLENS_DB to another file"
    NEWER = "{path}: made by a newer presslens (schema {found}, this one knows {known}); upgrade presslens"
    UNWRITABLE = "{path}: cannot open the database ({reason}); set PRESSLENS_DB to a writable file"
    NO_ARTICLE = "no article {id!r} in the store"
    READ_ONLY = "{id}: seed articles belong to the project and are read-only; add a copy to edit it"


def library_dir() -> Path:
    return Path(os.environ.get(LIBRARY_ENV) or DEFAULT_LIBRARY)


def db_path() -> Path:
    return Path(os.environ.get(DB_ENV) or library_dir() / DB_NAME)


def open_store(path: str | Path | None = None) -> "SQLiteStore":
    return SQLiteStore(path or db_path())


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class SQLiteStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._check_file()
        self._connection()  # migrate now: a bad file is reported when the store is opened

    # -- connections and transactions -------------------------------------------------------------
    def _check_file(self) -> None:
        if self.path.exists():
            if not self.path.is_file():
                raise fail(Errors_.NOT_A_DB, path=self.path, reason="not a file")
            with open(self.path, "rb") as f:
                head = f.read(len(SQLITE_HEADER))
            if head and head != SQLITE_HEADER:
                raise fail(Errors_.NOT_A_DB, path=self.path, reason="not an SQLite file")
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise fail(Errors_.UNWRITABLE, path=self.path, reason=exc.strerror or exc) from None

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
            try:
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT * 1000}")
                self._migrate(conn)
            except sqlite3.DatabaseError as exc:
                raise fail(Errors_.NOT_A_DB, path=self.path, reason=str(exc)) from None
            except OSError as exc:
                raise fail(Errors_.UNWRITABLE, path=self.path, reason=exc.strerror or exc) from None
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise fail(Errors_.NEWER, path=self.path, found=found, known=SCHEMA_VERSION)
        if found == 0:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            if tables:
                raise fail(Errors_.FOREIGN, path=self.path)
        elif conn.execute("SELECT count(*) FROM sqlite_master WHERE name='presslens'").fetchone()[0] == 0:
            raise fail(Errors_.FOREIGN, path=self.path)
        if found == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            for number in range(found + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[number - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={number}")
            conn.execute("INSERT OR REPLACE INTO presslens VALUES ('kind', ?)", (MARKER,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _write(self):
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- articles -----------------------------------------------------------------------------------
    def add(self, article: Article, *, origin: str = "library", canonical_url: str | None = None,
            problem: str | None = None, imported_from: str | None = None) -> AddResult:
        """Store a new article; the same text or address already stored is not stored again."""
        with self._write() as conn:
            return self._add(conn, article, origin=origin, canonical_url=canonical_url, problem=problem,
                             imported_from=imported_from)

    def add_many(self, articles: Iterable[Article], *, origin: str = "library") -> list[AddResult]:
        """Several articles in one transaction (a folder, a feed): all stored, or none."""
        with self._write() as conn:
            return [self._add(conn, article, origin=origin) for article in articles]

    def _add(self, conn: sqlite3.Connection, article: Article, *, origin: str, canonical_url: str | None = None,
             problem: str | None = None, imported_from: str | None = None) -> AddResult:
        chash = content_hash(article.text)
        canonical = canonical_url or dedupe.canonical_url(article.url)
        if imported_from is not None:
            row = conn.execute("SELECT article_id FROM imported_files WHERE path=?", (imported_from,)).fetchone()
            if row is not None:
                return AddResult(row[0], False, duplicate_of=row[0])
        same = conn.execute(
            "SELECT id FROM articles WHERE content_hash=? OR (canonical_url IS NOT NULL AND canonical_url=?) "
            "ORDER BY rowid LIMIT 1", (chash, canonical),
        ).fetchone()
        if same is not None:
            if imported_from is not None:
                conn.execute("INSERT INTO imported_files VALUES (?, ?, ?)", (imported_from, same[0], now()))
            return AddResult(same[0], False, duplicate_of=same[0])
        sig = dedupe.signature(article.text)
        near = self._near(conn, sig)
        article_id = self._free_id(conn, article.id)
        conn.execute(
            "INSERT INTO articles (id, title, source, url, canonical_url, author, published, language, text, chars, "
            "content_hash, akey, origin, added_at, version, near_duplicate_of, problem, minhash, "
            "published_source, published_suggestion) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?)",
            (article_id, article.title, article.source, article.url, canonical, article.author, article.published,
             article.language, article.text, len(article.text), chash, analysis_key(article), origin, now(),
             near, problem, dedupe.pack(sig), article.published_source, article.published_suggestion),
        )
        conn.executemany("INSERT INTO bands VALUES (?, ?)", [(b, article_id) for b in dedupe.bands(sig)])
        if imported_from is not None:
            conn.execute("INSERT INTO imported_files VALUES (?, ?, ?)", (imported_from, article_id, now()))
        return AddResult(article_id, True, near_duplicate_of=near)

    def _near(self, conn: sqlite3.Connection, sig: tuple[int, ...]) -> str | None:
        keys = dedupe.bands(sig)
        rows = conn.execute(
            f"SELECT DISTINCT a.id, a.minhash FROM bands b JOIN articles a ON a.id=b.article_id "
            f"WHERE b.band IN ({','.join('?' * len(keys))}) ORDER BY a.rowid LIMIT 50", keys,
        ).fetchall()
        for article_id, packed in rows:
            if packed and dedupe.similarity(sig, dedupe.unpack(packed)) >= dedupe.NEAR_THRESHOLD:
                return article_id
        return None

    @staticmethod
    def _free_id(conn: sqlite3.Connection, wanted: str) -> str:
        base = wanted or "article"
        for n in range(1, 1_000_000):
            candidate = base if n == 1 else f"{base}-{n}"
            if conn.execute("SELECT 1 FROM articles WHERE id=?", (candidate,)).fetchone() is None:
                return candidate
        raise fail(Errors.LIBRARY_UNWRITABLE, folder="the store", reason=f"no free id for {base!r}")

    def get(self, article_id: str) -> Article | None:
        row = self._connection().execute(
            f"SELECT {ARTICLE_FIELDS} FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return Article(*row)

    def record(self, article_id: str) -> StoredArticle | None:
        row = self._connection().execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        return StoredArticle(*row) if row else None

    def _where(self, query: Query) -> tuple[str, list]:
        clauses, params = [], []
        if query.words and query.words.strip():
            clauses.append("articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(query.words))
        if query.source:
            clauses.append("source = ? COLLATE NOCASE")
            params.append(query.source)
        if query.date_from:
            clauses.append("published >= ?")
            params.append(query.date_from)
        if query.date_to:
            clauses.append("published <= ?")
            params.append(query.date_to)
        if query.origin:
            clauses.append("origin = ?")
            params.append(query.origin)
        if query.ids is not None:
            clauses.append(f"articles.id IN ({','.join('?' * len(query.ids))})")
            params.extend(query.ids)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list(self, query: Query = Query()) -> list[StoredArticle]:
        where, params = self._where(query)
        order = SORTS.get(query.sort, SORTS["added"])
        page = f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}" if query.limit is not None else ""
        rows = self._connection().execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles{where} ORDER BY {order}{page}", params
        ).fetchall()
        return [StoredArticle(*row) for row in rows]

    def count(self, query: Query = Query()) -> int:
        where, params = self._where(query)
        return self._connection().execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]

    def sources(self) -> list[str]:
        rows = self._connection().execute(
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source COLLATE NOCASE"
        )
        return [r[0] for r in rows]

    def delete(self, article_id: str) -> bool:
        with self._write() as conn:
            origin = conn.execute("SELECT origin FROM articles WHERE id=?", (article_id,)).fetchone()
            if origin is None:
                return False
            if origin[0] == "seed":
                raise fail(Errors_.READ_ONLY, id=article_id)
            conn.execute("DELETE FROM articles WHERE id=?", (article_id,))
            conn.execute("DELETE FROM bands WHERE article_id=?", (article_id,))
            conn.execute("UPDATE articles SET near_duplicate_of=NULL WHERE near_duplicate_of=?", (article_id,))
        return True

    def rename(self, article_id: str, title: str, *, version: int, original: str | None) -> SaveResult:
        return self.update(article_id, {"title": title}, version=version, original={"title": original})

    def update(self, article_id: str, changes: dict, *, version: int, original: dict) -> SaveResult:
        """Save edited details made from `version`, whose values were `original`.

        Over a newer version, a field this save changed is written when the other save left it alone
        (merged); when both changed it differently nothing is written and EditConflict shows both.
        """
        unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
        if unknown:
            raise fail(Errors.NOT_EDITABLE, source=article_id, fields=", ".join(unknown), editable=", ".join(EDITABLE_FIELDS))
        wanted = {f: clean_field(f, v, source=article_id) for f, v in changes.items()}
        before = {f: clean_field(f, original.get(f), source=article_id) for f in wanted}
        with self._write() as conn:
            row = conn.execute(
                f"SELECT origin, version, {', '.join(EDITABLE_FIELDS)}, text, language FROM articles WHERE id=?",
                (article_id,),
            ).fetchone()
            if row is None:
                raise fail(Errors_.NO_ARTICLE, id=article_id)
            if row[0] == "seed":
                raise fail(Errors_.READ_ONLY, id=article_id)
            current_version = row[1]
            stored = dict(zip(EDITABLE_FIELDS, row[2:2 + len(EDITABLE_FIELDS)]))
            text, language = row[-2], row[-1]
            mine = {f: v for f, v in wanted.items() if v != before[f]}
            merged: list[str] = []
            if current_version != version:
                conflicts = [
                    Conflict(f, v, stored[f]) for f, v in mine.items() if stored[f] != before[f] and stored[f] != v
                ]
                if conflicts:
                    raise EditConflict(article_id, conflicts, current_version)
                merged = [f for f in EDITABLE_FIELDS if f not in mine and stored[f] != original.get(f, stored[f])]
            if not mine:
                return SaveResult(current_version, tuple(merged))
            new = {**stored, **mine}
            akey = analysis_key(Article(article_id, text, published=new["published"], language=language))
            if "published" in mine:  # a date typed in the form is the reader's
                mine["published_source"] = "user" if mine["published"] else None
            sets = ", ".join(f"{f}=?" for f in mine)
            conn.execute(
                f"UPDATE articles SET {sets}, canonical_url=?, akey=?, version=version+1, problem=NULL WHERE id=?",
                (*mine.values(), dedupe.canonical_url(new["url"]), akey, article_id),
            )
        return SaveResult(current_version + 1, tuple(merged))

    # -- analyses -----------------------------------------------------------------------------------
    def get_analysis(self, article: Article, pipeline: str) -> Analysis | None:
        row = self._connection().execute(
            "SELECT data FROM analyses WHERE akey=? AND pipeline=?", (analysis_key(article), pipeline)
        ).fetchone()
        return _analysis(row[0], article) if row else None

    def put_analyses(self, pairs: Iterable[tuple[Article, Analysis]], pipeline: str) -> int:
        """Store a batch of analyses in one transaction; returns how many."""
        return self.put_packed([(analysis_key(article), pack_analysis(analysis)) for article, analysis in pairs], pipeline)

    def put_packed(self, packed: list[tuple[str, bytes]], pipeline: str) -> int:
        """Store analyses packed by `pack_analysis` (by a worker), keyed by analysis key, in one transaction."""
        stamp = now()
        with self._write() as conn:
            conn.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)",
                             [(key, pipeline, blob, stamp) for key, blob in packed])
        return len(packed)

    def unanalysed(self, pipeline: str, *, limit: int | None = None) -> Iterator[Article]:
        """Articles with no analysis for this pipeline, in the order stored; read a page at a time, so a
        long run holds no read transaction and sees nothing twice."""
        last, given = 0, 0
        while limit is None or given < limit:
            rows = self._connection().execute(
                f"SELECT rowid, {ARTICLE_FIELDS} FROM articles a "
                "WHERE rowid > ? AND NOT EXISTS (SELECT 1 FROM analyses x WHERE x.akey=a.akey AND x.pipeline=?) "
                "ORDER BY rowid LIMIT ?", (last, pipeline, PAGE),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                last = row[0]
                yield Article(*row[1:])
                given += 1
                if limit is not None and given >= limit:
                    return

    def count_unanalysed(self, pipeline: str) -> int:
        return self._connection().execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM analyses x WHERE x.akey=a.akey AND x.pipeline=?)", (pipeline,),
        ).fetchone()[0]

    def analyses(self, pipeline: str, query: Query = Query()) -> Iterator[tuple[StoredArticle, Analysis]]:
        """Stored analyses with their article's record, a page at a time (memory flat in the corpus).

        Articles without an analysis for this pipeline are left out; `query.actor` keeps analyses with an
        actor of that name or alias (case-insensitive)."""
        where, params = self._where(query)
        order = SORTS.get(query.sort, SORTS["added"])
        offset = query.offset
        actor = query.actor.casefold().strip() if query.actor else None
        given = 0
        while True:
            rows = self._connection().execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)}, text, published_source, published_suggestion, x.data FROM articles "
                "JOIN analyses x ON x.akey=articles.akey AND x.pipeline=?"
                f"{where} ORDER BY {order} LIMIT ? OFFSET ?",
                (pipeline, *params, PAGE, offset),
            ).fetchall()
            if not rows:
                return
            offset += len(rows)
            for row in rows:
                record = StoredArticle(*row[:len(ARTICLE_COLUMNS)])
                text = row[len(ARTICLE_COLUMNS)]
                article = Article(record.id, text, record.title, record.source, record.url, record.author,
                                  record.published, record.language, *row[len(ARTICLE_COLUMNS) + 1:-1])
                analysis = _analysis(row[-1], article)
                if actor and not any(
                    actor == a.name.casefold() or actor in (x.casefold() for x in a.aliases) for a in analysis.actors
                ):
                    continue
                yield record, analysis
                given += 1
                if query.limit is not None and given >= query.limit:
                    return

    # -- imports ------------------------------------------------------------------------------------
    def imported(self, path: str) -> bool:
        return self._connection().execute("SELECT 1 FROM imported_files WHERE path=?", (path,)).fetchone() is not None

    def setting(self, key: str) -> str | None:
        row = self._connection().execute("SELECT value FROM presslens WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO presslens VALUES (?, ?)", (key, value))


def clean_field(field: str, value: object, *, source: str) -> str | None:
    """A detail as stored: a real date for `published`, other fields as one line of text or None."""
    if field == "published":
        return parse_published(value, source=source)
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def fts_query(words: str) -> str:
    """The reader's words as an FTS5 query: every word must appear (a prefix for the last), no operators."""
    tokens = [t for t in words.replace('"', " ").split() if t]
    quoted = [f'"{t}"' for t in tokens]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


def pack_analysis(analysis: Analysis) -> bytes:
    """The analysis without its article (stored once, in `articles`), as compressed JSON."""
    data = analysis.to_dict()
    data.pop("article")
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def _analysis(blob: bytes, article: Article) -> Analysis:
    data = json.loads(zlib.decompress(blob))
    data["article"] = article.to_dict()
    return Analysis.from_dict(data)


def _statements(script: str) -> list[str]:
    """A migration split into statements (sqlite3's executescript would commit our transaction)."""
    out, buffer = [], ""
    for line in script.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return out


__all__ = ["SQLiteStore", "db_path", "library_dir", "open_store", "PresslensError"]
