"""`presslens add URL|FEED` against a local HTTP server started by the test (a page and an RSS feed
written here): pages and every feed entry stored, the same address never stored twice."""

from __future__ import annotations

import http.server
import threading

import pytest

from presslens import web  # noqa: F401 (the fetcher under test)

from presslens.cli import main  # noqa: E402
from presslens.store import Query, open_store  # noqa: E402

PAGE = """<html><head><title>{title}</title><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2020-03-04T09:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>{title}</h1><p>{body}</p></article></body></html>"""
BODIES = {
    "/bridge.html": ("Bridge vote", "The city council of Springfield voted on Tuesday to approve the budget for the "
                     "new bridge, which will cost 40 million dollars, Mayor Jane Roe said after the meeting."),
    "/flood.html": ("Schools closed", "Flooding closed three schools in Riverton on Monday after the river rose two "
                    "metres overnight, the district said, and classes will resume on Thursday at the earliest."),
}


def feed(base: str) -> str:
    items = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Wed, 04 Mar 2020 09:00:00 GMT</pubDate></item>"
                    for p, (t, _) in BODIES.items())
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title><link>{base}/</link>{items}</channel></rss>'


@pytest.fixture
def site(monkeypatch):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            base = f"http://127.0.0.1:{self.server.server_port}"
            if self.path == "/feed.xml":
                body, kind = feed(base), "application/rss+xml"
            elif self.path in BODIES:
                title, text = BODIES[self.path]
                body, kind = PAGE.format(title=title, body=text), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PRESSLENS_ALLOW_PRIVATE_URLS", "1")
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_page_then_a_feed_are_added_once_each(site, tmp_path, capsys):
    db = tmp_path / "x.sqlite"
    assert main(["add", f"{site}/bridge.html", "--db", str(db)]) == 0
    assert "1 added" in capsys.readouterr().err
    store = open_store(db)
    (bridge,) = store.list(Query(words="bridge budget"))
    assert (bridge.title, bridge.author, bridge.published) == ("Bridge vote", "Jane Roe", "2020-03-04")
    assert main(["add", f"{site}/feed.xml", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "1 added, 1 already stored" in err  # the bridge page came again through the feed
    assert store.count(Query(words="riverton")) == 1


def test_an_address_that_fails_is_one_line(site, tmp_path, capsys):
    assert main(["add", f"{site}/missing.html", "--db", str(tmp_path / "x.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "404" in err and "Traceback" not in err
