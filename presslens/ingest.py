"""Ingest: files, stdin, HTML pages and Python strings become validated Articles.

Every refusal is a PresslensError with one clear line; nothing is silently dropped or repaired
beyond normalising line ends, so offsets into `article.text` stay meaningful.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

from .article import META_FIELDS, Article, content_id, parse_published
from .dating import dateline_date, html_date
from .mdtext import markdown_to_text
from .errors import Errors, PresslensError, fail

# spaCy refuses texts over 1,000,000 characters by default, and a news article is far shorter:
# anything this large is almost certainly a dump or the wrong file.
DEFAULT_MAX_CHARS = 1_000_000
MAX_CHARS_ENV = "PRESSLENS_MAX_CHARS"

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# An HTML page carries markup, scripts and inline images beside its text: this many bytes more than
# the text cap allows are read before a page is refused as too large.
HTML_MARKUP_ALLOWANCE = 16_000_000

# Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Files that are never text even when their first bytes hold no NUL.
BINARY_SIGNATURES = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Undeclared non-UTF-8 text is decoded only when detected as one of these (news text, not noise).
DETECTABLE = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "utf_16", "mac_roman"}
DETECT_SAMPLE_BYTES = 200_000
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Metadata is a few short fields: a bigger file or field is not metadata.
META_FILE_MAX = 4_000_000
META_FIELD_MAX = 10_000
# An article id from metadata: a name, never a path.
SAFE_ID = re.compile(r"[\w][\w.\- ]{0,119}")

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
    published_source: str | None = None,
    published_suggestion: str | None = None,
) -> Article:
    """Validate text and metadata into an Article; `origin` names the input in error messages.

    A date given here is the metadata's unless `published_source` says otherwise; with none, only a
    dateline at the top of the text may date the article.
    """
    text = without_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise fail(Errors.EMPTY_TEXT, source=origin)
    limit = max_chars_limit(max_chars)
    if len(text) > limit:
        raise fail(Errors.TOO_LARGE, source=origin, size=len(text), limit=limit)
    if "\x00" in text:
        raise fail(Errors.BINARY, source=origin)
    day = parse_published(published, source=origin)
    if day is not None:
        published_source = published_source or "metadata"
    elif (day := dateline_date(text)) is not None:
        published_source = "dateline"
    return Article(
        id=_clean(id) or content_id(text),
        text=text,
        title=_clean(title),
        source=_clean(source),
        url=_clean(url),
        author=_clean(author),
        published=day,
        language=detect_language(text) or _clean(language) or None,
        published_source=published_source if day else None,
        published_suggestion=None if day else _suggested(published_suggestion),
    )


def article_from_bytes(
    data: bytes, *, name: str, published: object = None, max_chars: int | None = None, **meta
) -> Article:
    """Bytes from a file, an upload or stdin: HTML goes through trafilatura, Markdown through a
    Markdown parser, the rest is text."""
    suffix = "" if name == "-" else Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | {""}:
        raise fail(Errors.UNSUPPORTED, source=name, suffix=suffix)
    sniffed = not suffix and looks_like_html(data[:4096].decode("latin-1").lstrip("\ufeff\xff\xfe\x00"))
    if suffix in HTML_SUFFIXES or sniffed:
        fields = extract_html(decode_html(data, source=name), source=name, url=meta.get("url"))
        fields.update({k: v for k, v in meta.items() if v})
        if published:
            fields["published"] = published
            fields["published_source"] = meta.get("published_source") or "metadata"
        return article_from_text(origin=name, max_chars=max_chars, **fields)
    text = decode_text(data, source=name)
    if suffix in MARKDOWN_SUFFIXES:
        plain = markdown_to_text(text)
        text = plain.text
        meta["title"] = meta.get("title") or plain.title
    return article_from_text(text, origin=name, published=published, max_chars=max_chars, **meta)


def read_article(path: str | Path, *, published: object = None, max_chars: int | None = None) -> Article:
    """Read a .txt/.md (with an optional NAME.meta.json beside it), an .html file, or '-' for stdin.

    An explicit `published` overrides the metadata's date and counts as the user's. No file is read
    past the size cap.
    """
    name = str(path)
    limit = max_chars_limit(max_chars)
    user_date = {"published": published, "published_source": "user"} if published else {}
    if name == "-":
        data = _read_capped(sys.stdin.buffer, name=name, limit=limit)
        return article_from_bytes(data, name="-", max_chars=limit, **user_date)
    path = Path(path)
    try:
        if not path.exists():
            raise fail(Errors.BROKEN_LINK if path.is_symlink() else Errors.NOT_FOUND, source=name)
    except OSError as exc:  # a symlink loop, a name too long
        raise fail(Errors.UNREADABLE, source=name, reason=exc.strerror or exc) from None
    if not path.is_file():
        raise fail(Errors.NOT_A_FILE, source=name)
    meta = read_meta(path)
    try:
        with path.open("rb") as handle:
            data = _read_capped(handle, name=name, limit=limit, html=path.suffix.lower() in HTML_SUFFIXES)
    except OSError as exc:
        raise fail(Errors.UNREADABLE, source=name, reason=exc.strerror or exc) from None
    meta["id"] = meta.get("id") or path.name.split(".")[0]
    meta.update(user_date)
    return article_from_bytes(data, name=name, max_chars=limit, **meta)


def _read_capped(handle, *, name: str, limit: int, html: bool = True) -> bytes:
    """At most the bytes `limit` characters can take (4 per character in UTF-8, plus markup for HTML):
    a 3 GiB file is refused after reading one block over the cap, never read whole."""
    cap = limit * 4 + (HTML_MARKUP_ALLOWANCE if html else 0) + 4
    data = handle.read(cap + 1)
    if len(data) > cap:
        raise fail(Errors.TOO_LARGE_BYTES, source=name, limit=limit)
    return data


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
        if value is not None and len(value) > META_FIELD_MAX:
            raise fail(Errors.META_FIELD_TOO_LONG, source=str(mpath), field=field, size=len(value), limit=META_FIELD_MAX)
        meta[field] = value
    meta["published"] = parse_published(meta.get("published"), source=str(mpath))
    meta["id"] = safe_id(meta.get("id"), source=str(mpath))
    return meta


def stored_meta(path: Path) -> dict:
    """The metadata file beside an article as stored, fields unvalidated (so a form can fix a bad one)."""
    mpath = meta_path(path)
    if not mpath.is_file():
        return {}
    try:
        with mpath.open("rb") as handle:
            raw = handle.read(META_FILE_MAX + 1)
    except OSError as exc:
        raise fail(Errors.UNREADABLE, source=str(mpath), reason=exc.strerror or exc) from None
    if len(raw) > META_FILE_MAX:
        raise fail(Errors.BAD_META, source=str(mpath), reason=f"over {META_FILE_MAX:,} bytes")
    try:
        data = json.loads(decode_text(raw, source=str(mpath)))
    except json.JSONDecodeError as exc:
        raise fail(Errors.BAD_META, source=str(mpath), reason=f"line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise fail(Errors.BAD_META, source=str(mpath), reason="nested too deeply") from None
    if not isinstance(data, dict):
        raise fail(Errors.BAD_META, source=str(mpath), reason=f"found {type(data).__name__}")
    return data


def decode_text(data: bytes, *, source: str) -> str:
    """Text in UTF-8, or in another encoding its byte-order mark names (UTF-16/32), else detected when
    the detector is sure of it; otherwise a clear refusal. Binary files are named as such."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise fail(Errors.BAD_ENCODING, source=source, codec=codec, offset=exc.start) from None
    if b"\x00" in data[:8192] or data.startswith(BINARY_SIGNATURES):
        raise fail(Errors.BINARY, source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        detected = _detected(data)
        if detected is None:
            raise fail(Errors.NOT_UTF8, source=source, offset=exc.start) from None
        return detected


def decode_html(data: bytes, *, source: str) -> str:
    """HTML by its byte-order mark, else its declared charset (<meta charset>), else as text."""
    if not data.startswith(tuple(bom for bom, _ in BOMS)):
        declared = DECLARED_CHARSET.search(data[:4096])
        if declared:
            codec = declared.group(1).decode("ascii", "replace").lower()
            try:
                # Browsers read a page declared latin-1 as windows-1252 (WHATWG Encoding); so do we.
                codec = "cp1252" if codec in ("iso-8859-1", "latin-1", "latin1", "us-ascii") else codec
                return data.decode(codec)
            except LookupError:
                pass  # an unknown charset name: fall back to the text rules
            except UnicodeDecodeError as exc:
                raise fail(Errors.BAD_ENCODING, source=source, codec=codec, offset=exc.start) from None
    return decode_text(data, source=source)


def _detected(data: bytes) -> str | None:
    """charset-normalizer's reading of non-UTF-8 bytes when it is one of the encodings news text comes
    in and reads as plain language; None when unsure (then the user is asked to save as UTF-8)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_SAMPLE_BYTES]).best()
    if best is None or best.encoding not in DETECTABLE or best.chaos > 0.2:
        return None
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        return None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def extract_html(html: str, *, source: str, url: str | None = None) -> dict:
    """Main text, title, author and site of an HTML page through trafilatura; its publication date
    from metadata or URL only (`dating.html_date`)."""
    import trafilatura  # heavy import, only needed for HTML

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        raise fail(Errors.NO_TEXT_IN_HTML, source=source)
    found = html_date(html, url=url or doc.url)
    return {
        "text": text,
        "title": doc.title,
        "author": doc.author,
        "source": doc.sitename,
        "url": url or doc.url,
        "published": _html_date(found.published),
        "published_source": found.source,
        "published_suggestion": found.suggestion,
    }


def _html_date(value: str | None) -> str | None:
    """The page's date, if it is a real one; a page's bad date is dropped rather than refused."""
    try:
        return parse_published(value, source="html")
    except PresslensError:
        return None


def _suggested(value: str | None) -> str | None:
    try:
        return parse_published(value, source="html")
    except PresslensError:
        return None


def safe_id(value: str | None, *, source: str) -> str | None:
    """An id from metadata names an article, never a path: "../../etc/passwd" is refused."""
    if value is None:
        return None
    if not SAFE_ID.fullmatch(value) or value.strip(".") == "":
        raise fail(Errors.BAD_ID, source=source, value=value[:80])
    return value


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
    value = without_surrogates(" ".join(str(value).split()))
    return value or None


def without_surrogates(text: str) -> str:
    """Lone surrogates ("\\ud800" from JSON) cannot be written as UTF-8 anywhere: each becomes U+FFFD,
    one character for one, so offsets are kept."""
    return LONE_SURROGATE.sub("\ufffd", text) if LONE_SURROGATE.search(text) else text
