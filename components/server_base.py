"""An ASGI middleware that tells the browser where the app's root is, so a direct link to a sub-page
(`/quotes`) does not first probe `/quotes/_stcore/health` and `/quotes/_stcore/host-config` (two 404s
in the console on every such link).

Streamlit's frontend guesses its server from the page's path, trying the full path before its parent,
unless the page sets `window.__streamlit.BACKEND_BASE_URL` (the hook for hosts that embed it). This
middleware adds that one line to every HTML page the server sends; nothing else is changed.
"""

from __future__ import annotations

import json

SKIP = ("/_stcore/", "/static/", "/media/", "/component", "/app/static/")


def script(base_path: str) -> bytes:
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return (
        "<script>window.__streamlit=Object.assign({},window.__streamlit,"
        f"{{BACKEND_BASE_URL:window.location.origin+{json.dumps(base)}}});</script>"
    ).encode()


class RootBaseUrl:
    def __init__(self, app, base_path: str = "") -> None:
        self.app = app
        self.tag = script(base_path)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or any(s in scope["path"] for s in SKIP):
            await self.app(scope, receive, send)
            return
        # The page itself is small: ask for it uncompressed so it can be edited.
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: dict = {}
        chunks: list[bytes] = []

        async def edit(message):
            if message["type"] == "http.response.start":
                start.update(message)
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                start["edit"] = kind.startswith(b"text/html")
                if not start["edit"]:
                    await send(message)
                return
            if not start.get("edit"):
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            html = b"".join(chunks).replace(b"<head>", b"<head>" + self.tag, 1)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", b"etag")]
            headers.append((b"content-length", str(len(html)).encode()))
            await send({"type": "http.response.start", "status": start["status"], "headers": headers})
            await send({"type": "http.response.body", "body": html})

        await self.app(scope, receive, edit)
