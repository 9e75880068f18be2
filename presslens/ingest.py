"""Ingest: files, stdin, HTML pages and Python strings become validated Articles.

Every refusal is a PresslensError with one clear line; nothing is silently dropped or repaired
beyond normalising line ends, so offsets into `article.text` stay meaningful.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from .article import META_FIELDS, Article, content_id, parse_published
from .errors import Errors, PresslensError, fail

# spaCy refuses texts over 1,000,000 characters by default, and a news article is far shorter:
# anything this large is almost certainly a dump or the wrong file.
DEFAULT_MAX_CHARS = 1_000_000
MAX_CHARS_ENV = "PRESSLENS_MAX_CHARS"

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# Language identification is unreliable on short snippets; below these we trust the metadata.
LANGUAGE_MIN_CHARS = 40
LANGUAGE_MIN_CONFIDENCE = 0.9


def max_chars_limit(value: int | str | None = None) -> int:
    """The size cap: an explicit value, else PRESSLENS_MAX_CHARS, else the default."""
    raw = value if value is not None else os.environ.get(MAX_CHARS_ENV, DEFAULT_MAX_CHARS)
    try:
        limit = int(raw)
    except (TypeError, ValueError):
        limit = 0
    if limit <= 0:
        raise fail(Errors.BAD_LIMIT, value=raw)
    return limit


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
    published: object = None,
    language: str | None = None,
    origin: str = "<text>",
    max_chars: int | None = None,
) -> Article:
    """Validate text and metadata into an Article; `origin` names the input in error messages."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise fail(Errors.EMPTY_TEXT, source=origin)
    limit = max_chars_limit(max_chars)
    if len(text) > limit:
        raise fail(Errors.TOO_LARGE, source=origin, size=len(text), limit=limit)
    if "\x00" in text:
        raise fail(Errors.BINARY, source=origin)
    return Article(
        id=id or content_id(text),
        text=text,
        title=_clean(title),
        source=_clean(source),
        url=_clean(url),
        author=_clean(author),
        published=parse_published(published, source=origin),
        language=detect_language(text) or _clean(language) or None,
    )


def article_from_bytes(
    data: bytes, *, name: str, published: object = None, max_chars: int | None = None, **meta
) -> Article:
    """Bytes from a file, an upload or stdin: HTML goes through trafilatura, the rest is text."""
    suffix = "" if name == "-" else Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | {""}:
        raise fail(Errors.UNSUPPORTED, source=name, suffix=suffix)
    text = decode_text(data, source=name)
    # Stdin and files without a suffix are sniffed; a named suffix is believed.
    if suffix in HTML_SUFFIXES or (not suffix and looks_like_html(text)):
        fields = extract_html(text, source=name)
        fields.update({k: v for k, v in meta.items() if v})
        if published:
            fields["published"] = published
        return article_from_text(origin=name, max_chars=max_chars, **fields)
    return article_from_text(text, origin=name, published=published, max_chars=max_chars, **meta)


def read_article(path: str | Path, *, published: object = None, max_chars: int | None = None) -> Article:
    """Read a .txt/.md (with an optional NAME.meta.json beside it), an .html file, or '-' for stdin.

    An explicit `published` overrides the metadata's date.
    """
    name = str(path)
    if name == "-":
        return article_from_bytes(sys.stdin.buffer.read(), name="-", published=published, max_chars=max_chars)
    path = Path(path)
    if not path.exists():
        raise fail(Errors.NOT_FOUND, source=name)
    if not path.is_file():
        raise fail(Errors.NOT_A_FILE, source=name)
    meta = read_meta(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(Errors.UNREADABLE, source=name, reason=exc.strerror or exc) from None
    meta["id"] = meta.get("id") or path.name.split(".")[0]
    if published:
        meta["published"] = published
    return article_from_bytes(data, name=name, max_chars=max_chars, **meta)


def meta_path(path: Path) -> Path:
    """NAME.txt -> NAME.meta.json beside it."""
    return path.with_name(path.name.split(".")[0] + ".meta.json")


def read_meta(path: Path) -> dict:
    """The metadata beside an article file, reduced to the fields we know; {} when there is none."""
    mpath = meta_path(path)
    data = stored_meta(path)
    meta = {}
    for field in ("id", *META_FIELDS):
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            raise fail(Errors.BAD_META_FIELD, source=str(mpath), field=field, kind=type(value).__name__)
        meta[field] = value
    meta["published"] = parse_published(meta.get("published"), source=str(mpath))
    return meta


def stored_meta(path: Path) -> dict:
    """The metadata file beside an article as stored, fields unvalidated (so a form can fix a bad one)."""
    mpath = meta_path(path)
    if not mpath.is_file():
        return {}
    try:
        data = json.loads(decode_text(mpath.read_bytes(), source=str(mpath)))
    except json.JSONDecodeError as exc:
        raise fail(Errors.BAD_META, source=str(mpath), reason=f"line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise fail(Errors.BAD_META, source=str(mpath), reason="nested too deeply") from None
    if not isinstance(data, dict):
        raise fail(Errors.BAD_META, source=str(mpath), reason=f"found {type(data).__name__}")
    return data


def decode_text(data: bytes, *, source: str) -> str:
    """UTF-8 (with or without a byte-order mark) or a clear refusal; binary files are named as such."""
    if b"\x00" in data[:8192]:
        raise fail(Errors.BINARY, source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(Errors.NOT_UTF8, source=source, offset=exc.start) from None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def extract_html(html: str, *, source: str) -> dict:
    """Main text, title, author, site and date of an HTML page, through trafilatura."""
    import trafilatura  # heavy import, only needed for HTML

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        raise fail(Errors.NO_TEXT_IN_HTML, source=source)
    return {
        "text": text,
        "title": doc.title,
        "author": doc.author,
        "source": doc.sitename,
        "url": doc.url,
        "published": _html_date(doc.date),
    }


def _html_date(value: str | None) -> str | None:
    """trafilatura's date, if it is a real one; a page's bad date is dropped rather than refused."""
    try:
        return parse_published(value, source="html")
    except PresslensError:
        return None


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language when the identifier is confident, else None."""
    sample = text[:5000]
    if len(sample.strip()) < LANGUAGE_MIN_CHARS:
        return None
    lang, confidence = _language_identifier().classify(sample)
    return lang if confidence >= LANGUAGE_MIN_CONFIDENCE else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
