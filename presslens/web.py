"""Articles from the web: a page by its address, or every entry of an RSS/Atom feed.

`fetch(url)` downloads with a timeout and a size cap, tells a feed from a page by its content, and
returns Articles built by the same ingest as files (trafilatura extraction, dates from metadata, the
URL or a dateline only). Every failure is a `WebError` with one clear line. Addresses on this machine
or a private network are refused unless allowed (`allow_private=True` or PRESSLENS_ALLOW_PRIVATE_URLS=1),
so a shared dashboard cannot be used to read an intranet.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .article import Article
from .errors import Errors, PresslensError, WebError, fail_web
from .ingest import article_from_bytes, article_from_text, decode_html, extract_html, max_chars_limit

# A news page is well under a few MB; feeds of hundreds of entries are too.
DEFAULT_TIMEOUT = 15.0  # seconds per connection attempt and per read
DEFAULT_MAX_BYTES = 10_000_000
# A feed's entries are each fetched: a runaway feed is cut here (the reader is told).
DEFAULT_MAX_ENTRIES = 200
MAX_REDIRECTS = 5
ALLOW_PRIVATE_ENV = "PRESSLENS_ALLOW_PRIVATE_URLS"
USER_AGENT = "presslens (+https://pypi.org/project/presslens/)"

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
XML_TYPES = ("application/xml", "text/xml")


@dataclass(frozen=True)
class Download:
    url: str  # after redirects
    content_type: str  # lower case, without parameters
    charset: str | None
    body: bytes


def fetch(
    url: str,
    *,
    max_chars: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_entries: int = DEFAULT_MAX_ENTRIES,
    allow_private: bool | None = None,
    problems: list[str] | None = None,
) -> list[Article]:
    """The article at `url`, or the articles of the feed at `url`, in feed order.

    A feed entry that fails is appended to `problems` when a list is given (the others are kept);
    without one, the first failure raises. A page that fails always raises `WebError`.
    """
    max_chars_limit(max_chars)  # a bad limit is refused before any download
    allow = _private_allowed(allow_private)
    download = get(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow)
    if is_feed(download):
        return _feed_articles(download, max_chars=max_chars, timeout=timeout, max_bytes=max_bytes,
                              max_entries=max_entries, allow_private=allow, problems=problems)
    return [page_article(download, max_chars=max_chars)]


def page_article(download: Download, *, max_chars: int | None = None, **feed_meta) -> Article:
    """An HTML page as an Article; a plain-text or Markdown response as text."""
    if download.content_type in ("text/plain", "text/markdown"):
        name = "page.md" if download.content_type == "text/markdown" else "page.txt"
        try:
            return _named(article_from_bytes(download.body, name=name, url=download.url, max_chars=max_chars, **feed_meta), download.url)
        except PresslensError as exc:
            raise WebError(str(exc).replace(name, download.url, 1)) from None
    if "html" not in download.content_type and not download.body.lstrip()[:1] == b"<":
        raise fail_web(Errors.WEB_NOT_ARTICLE, url=download.url, kind=download.content_type or "unknown")
    html = _decoded(download)
    try:
        fields = extract_html(html, source=download.url, url=download.url)
        published = fields.get("published")
        for key, value in feed_meta.items():
            # The feed names its outlet better than a page's site name (often just its host).
            if value and (key == "source" or not fields.get(key)):
                fields[key] = value
        if not published and feed_meta.get("published"):
            # The feed's own date for the entry is metadata too.
            fields["published_source"] = "metadata"
        return article_from_text(origin=download.url, max_chars=max_chars, **fields)
    except WebError:
        raise
    except PresslensError as exc:
        raise WebError(str(exc)) from None


def get(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
        allow_private: bool = False) -> Download:
    """GET `url` following redirects (each hop checked), streaming at most `max_bytes`."""
    import urllib3

    deadline = time.monotonic() + timeout * 4  # a server that drips bytes cannot hold us forever
    http = urllib3.PoolManager(headers={"User-Agent": USER_AGENT}, retries=False,
                               timeout=urllib3.Timeout(connect=timeout, read=timeout))
    for _hop in range(MAX_REDIRECTS + 1):
        _check_address(url, allow_private=allow_private)
        try:
            response = http.request("GET", url, preload_content=False, redirect=False)
        except urllib3.exceptions.HTTPError as exc:
            raise fail_web(Errors.WEB_UNREACHABLE, url=url, reason=_reason(exc)) from None
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            if response.status != 200:
                raise fail_web(Errors.WEB_STATUS, url=url, status=response.status, reason=response.reason or "")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise fail_web(Errors.WEB_TOO_LARGE, url=url, limit=max_bytes)
            body = _read_capped(response, url=url, max_bytes=max_bytes, deadline=deadline)
            kind, _, params = response.headers.get("Content-Type", "").partition(";")
            charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";") if p.strip().lower().startswith("charset=")), None)
            return Download(url=url, content_type=kind.strip().lower(), charset=charset, body=body)
        finally:
            response.release_conn()
    raise fail_web(Errors.WEB_REDIRECTS, url=url, limit=MAX_REDIRECTS)


def is_feed(download: Download) -> bool:
    if download.content_type in FEED_TYPES:
        return True
    head = download.body.lstrip()[:1024].lower()
    if download.content_type in XML_TYPES or head.startswith(b"<?xml"):
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return False


def _feed_articles(download: Download, *, max_chars, timeout, max_bytes, max_entries, allow_private,
                   problems) -> list[Article]:
    import feedparser

    feed = feedparser.parse(download.body, response_headers={"content-location": download.url})
    if feed.bozo and not feed.entries:
        raise fail_web(Errors.WEB_BAD_FEED, url=download.url, reason=_reason(feed.get("bozo_exception")))
    if not feed.entries:
        raise fail_web(Errors.WEB_EMPTY_FEED, url=download.url)
    source = (feed.feed.get("title") or "").strip() or None
    entries = feed.entries[:max_entries]
    if len(feed.entries) > max_entries and problems is not None:
        problems.append(Errors.WEB_FEED_CUT.format(url=download.url, count=len(feed.entries), limit=max_entries))
    articles = []
    for n, entry in enumerate(entries, 1):
        try:
            articles.append(_entry_article(entry, n, feed_url=download.url, source=source, max_chars=max_chars,
                                           timeout=timeout, max_bytes=max_bytes, allow_private=allow_private))
        except PresslensError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
    return articles


def _entry_article(entry, n: int, *, feed_url: str, source, max_chars, timeout, max_bytes, allow_private) -> Article:
    """A feed entry: its linked page fetched and extracted; an entry with no link is read from the
    feed's own content."""
    meta = {
        "title": (entry.get("title") or "").strip() or None,
        "author": (entry.get("author") or "").strip() or None,
        "source": source,
        "published": _entry_date(entry),
    }
    link = entry.get("link")
    if link:
        link = urljoin(feed_url, link)
        page = get(link, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
        return page_article(page, max_chars=max_chars, **meta)
    content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    if not content.strip():
        raise fail_web(Errors.WEB_EMPTY_ENTRY, url=feed_url, n=n)
    origin = f"{feed_url} entry {n}"
    fields = extract_html(f"<html><body><article>{content}</article></body></html>", source=origin)
    fields.update({k: v for k, v in meta.items() if v})
    fields["published_source"] = "metadata" if meta["published"] else fields.get("published_source")
    return article_from_text(origin=origin, max_chars=max_chars, **fields)


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None


def _decoded(download: Download) -> str:
    """The page's text: by the charset the server names, else the page's own declaration."""
    if download.charset:
        try:
            return download.body.decode(download.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_html(download.body, source=download.url)
    except PresslensError as exc:
        raise WebError(str(exc)) from None


def _read_capped(response, *, url: str, max_bytes: int, deadline: float) -> bytes:
    chunks, size = [], 0
    try:
        for chunk in response.stream(65536):
            size += len(chunk)
            if size > max_bytes:
                raise fail_web(Errors.WEB_TOO_LARGE, url=url, limit=max_bytes)
            if time.monotonic() > deadline:
                raise fail_web(Errors.WEB_UNREACHABLE, url=url, reason="the download took too long")
            chunks.append(chunk)
    except WebError:
        raise
    except Exception as exc:  # urllib3 read timeouts and protocol errors
        raise fail_web(Errors.WEB_UNREACHABLE, url=url, reason=_reason(exc)) from None
    return b"".join(chunks)


def _check_address(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail_web(Errors.WEB_BAD_URL, url=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise fail_web(Errors.WEB_UNREACHABLE, url=url, reason=f"unknown host ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global:
            raise fail_web(Errors.WEB_PRIVATE, url=url, address=address, env=ALLOW_PRIVATE_ENV)


def _private_allowed(allow_private: bool | None) -> bool:
    if allow_private is not None:
        return allow_private
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def _named(article: Article, url: str) -> Article:
    return article if article.url else Article(**{**article.__dict__, "url": url})


def _reason(exc) -> str:
    """urllib3 wraps the cause in layers; the innermost says what happened ("Connection refused")."""
    while getattr(exc, "reason", None) is not None and isinstance(exc.reason, BaseException):
        exc = exc.reason
    text = str(exc) or type(exc).__name__
    return text.split(": ", 1)[-1] if "object at 0x" in text else text
