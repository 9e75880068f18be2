"""presslens.web against a real HTTP server started here on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from presslens.errors import WebError
from presslens.web import fetch

STORY = (
    "The Millbrook town council voted on Tuesday to replace the Canal Street bridge, a span that has "
    "carried traffic over the Quarry River for more than a century. Engineers told the council that "
    "the iron truss could no longer carry buses, and that repairs would cost nearly as much as a new "
    "bridge. Work is expected to start next spring and to last about eighteen months, the mayor said."
)


def page(title: str, *, head: str = "", body_extra: str = "", charset: str = "utf-8") -> str:
    return (
        f"<!doctype html><html><head><meta charset=\"{charset}\"><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1><p>{STORY}</p>{body_extra}</article></body></html>"
    )


PAGES = {
    "/dated.html": ("text/html; charset=utf-8", page(
        "Council votes on bridge",
        head='<meta property="article:published_time" content="2024-03-06T09:00:00Z">'
             '<meta name="author" content="Dana Okoro">').encode()),
    "/undated.html": ("text/html; charset=utf-8", page(
        "Bridge without a date", body_extra="<p>Posted 12 January 2016 by the desk.</p>").encode()),
    "/2019/05/17/url-dated.html": ("text/html", page("A dated address").encode()),
    "/cp1252.html": ("text/html", page("Caf\u00e9 owners \u2019cheer\u2019 the vote", charset="windows-1252").encode("cp1252")),
    "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "/empty.html": ("text/html", b"<html><head><script>var a=1;</script></head><body><script>x()</script></body></html>"),
    "/big.html": ("text/html", b"<html><body>" + b"<p>word</p>" * 200_000 + b"</body></html>"),
    "/feed.xml": ("application/rss+xml", f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Millbrook Gazette</title><link>http://example.invalid/</link>
<item><title>First story</title><link>/dated.html</link><pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Second story</title><link>/undated.html</link><pubDate>Thu, 07 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Gone story</title><link>/missing.html</link></item>
<item><title>Inline story</title><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
</channel></rss>""".encode()),
    "/atom.xml": ("application/atom+xml", b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:x</id><updated>2024-03-06T00:00:00Z</updated>
<entry><title>Atom one</title><id>urn:1</id><link href="/dated.html"/><updated>2024-03-06T00:00:00Z</updated></entry>
</feed>"""),
    "/broken-feed.xml": ("application/rss+xml", b"<?xml version=\"1.0\"?><rss><channel><item><title>x"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/slow.html":
            time.sleep(3)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/dated.html")
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        kind, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that gave up (the timeout and size-cap tests) is expected: no traceback on stderr."""


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_page_with_metadata_date(server):
    [article] = fetch(f"{server}/dated.html", allow_private=True)
    assert article.title == "Council votes on bridge"
    assert "Canal Street bridge" in article.text
    assert (article.published, article.published_source) == ("2024-03-06", "metadata")
    assert article.url == f"{server}/dated.html"


def test_a_date_only_in_the_body_is_offered_not_set(server):
    [article] = fetch(f"{server}/undated.html", allow_private=True)
    assert article.published is None and article.published_source is None
    assert article.published_suggestion == "2016-01-12"


def test_date_from_the_address(server):
    [article] = fetch(f"{server}/2019/05/17/url-dated.html", allow_private=True)
    assert (article.published, article.published_source) == ("2019-05-17", "url")


def test_declared_windows_1252_page_is_decoded(server):
    [article] = fetch(f"{server}/cp1252.html", allow_private=True)
    assert article.title == "Caf\u00e9 owners \u2019cheer\u2019 the vote"


def test_redirect_is_followed(server):
    [article] = fetch(f"{server}/redirect", allow_private=True)
    assert article.url == f"{server}/dated.html" and article.published == "2024-03-06"


def test_rss_feed_entries_are_fetched_and_failures_listed(server):
    problems: list[str] = []
    articles = fetch(f"{server}/feed.xml", allow_private=True, problems=problems)
    assert [a.title for a in articles] == ["Council votes on bridge", "Bridge without a date", "Inline story"]
    # The page's own metadata date wins; a page without one takes the feed's date for the entry.
    assert [(a.published, a.published_source) for a in articles[:2]] == [
        ("2024-03-06", "metadata"), ("2024-03-07", "metadata")]
    assert articles[1].source == "Millbrook Gazette"
    assert "Canal Street bridge" in articles[2].text
    assert problems == [f"{server}/missing.html: the server answered 404 Not Found"]


def test_feed_entry_failure_raises_without_a_problems_list(server):
    with pytest.raises(WebError, match="404"):
        fetch(f"{server}/feed.xml", allow_private=True)


def test_atom_feed(server):
    [article] = fetch(f"{server}/atom.xml", allow_private=True)
    assert article.published == "2024-03-06" and article.source == "Atom desk"


@pytest.mark.parametrize(
    "path, options, message",
    [
        ("/missing.html", {}, "/missing.html: the server answered 404 Not Found"),
        ("/image.png", {}, "not a web page or a feed (content type image/png)"),
        ("/empty.html", {}, "no article text found in this HTML page"),
        ("/big.html", {"max_bytes": 100_000}, "the download is over 100,000 bytes; not read further"),
        ("/slow.html", {"timeout": 0.5}, "could not download"),
        ("/loop", {}, "more than 5 redirects"),
        ("/broken-feed.xml", {}, "feed"),
    ],
)
def test_failures_are_one_clear_line(server, path, options, message):
    with pytest.raises(WebError) as caught:
        fetch(f"{server}{path}", allow_private=True, **options)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_private_addresses_are_refused_unless_allowed(server, monkeypatch):
    monkeypatch.delenv("PRESSLENS_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(WebError, match="private network; set PRESSLENS_ALLOW_PRIVATE_URLS=1"):
        fetch(f"{server}/dated.html")
    monkeypatch.setenv("PRESSLENS_ALLOW_PRIVATE_URLS", "1")
    assert fetch(f"{server}/dated.html")[0].published == "2024-03-06"


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "http://"])
def test_only_web_addresses(url):
    with pytest.raises(WebError, match="not a web address"):
        fetch(url)


def test_refused_connection_is_a_clear_line():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(WebError, match=f"127.0.0.1:{port}/: could not download"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True)
