"""The dashboard as readers use it, in chromium (not a test): `make bench-ui`, or
`.venv/bin/python -m benchmarks.bench_ui_live [--clicks 50] [--sessions 8] [--rounds 5]`.

One run, beside the one-button reference app (Streamlit's floor for a click that needs the server):
  first paint   a new browser session on a warm server to the first highlights drawn;
  first chart   from the article, the Timeline link clicked to its chart drawn (first chart page of a session);
  cold start    `streamlit run serve.py` started to the first highlights drawn (model not loaded);
  click         a highlight clicked to its change drawn, measured in the page (median, p95 over --clicks);
  load          --sessions concurrent sessions, each making 20 filter changes (find box, Enter, until the
                URL holds the filter) and 20 highlight clicks, for --rounds rounds: median and p95 of each,
                errors, and the server's resident memory after each round.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from presslens.paths import ROOT

BUTTON_APP = (
    "import streamlit as st\n"
    "st.session_state.n = st.session_state.get('n', 0) + st.button('more', key='more')\n"
    "st.write(f\"count {st.session_state.n}\")\n"
)
ARTICLE_READY = ".presslens-article[data-ready=true] .hl"
# In the page: click, then wait frame by frame until the change is drawn; milliseconds.
CLICK_UNTIL = """async ([el, check]) => {
  const t0 = performance.now();
  if (typeof el === "string") {  // a mention id: found afresh (a redraw from the server replaces the nodes)
    const host = [...document.querySelectorAll("*")].find((e) => e.shadowRoot && e.shadowRoot.querySelector(".presslens-article"));
    const root = host.shadowRoot;
    const id = el;
    el = root.querySelector(`.hl[data-mention="${id}"]`);
    check = `el.getRootNode().querySelector('.hl.current[data-mention="${id}"]')`;
  }
  el.click();
  const done = new Function("el", "return " + check);
  while (!done(el)) {
    if (performance.now() - t0 > 20000) return -1;
    await new Promise((r) => requestAnimationFrame(r));
  }
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}"""
NAMES = ["Putin", "Trump", "Russia", "Syria", "Assad", "Mattis", "Moscow", "Iran", "Pentagon", "Helsinki"]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def line(name: str, values: list[float], *, base: float | None = None) -> str:
    values = [v for v in values if v >= 0]
    if not values:
        return f"  {name:<58} no value"
    median = statistics.median(values)
    ratio = f"  ×{median / base:.2f} of reference" if base else ""
    return f"  {name:<58} median {median:8.1f} ms  p95 {pct(values, 0.95):8.1f} ms  n={len(values)}{ratio}"


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    from tests.e2e.conftest import _wait_healthy

    out = open(log, "wb")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    port = command[command.index("--server.port") + 1]
    _wait_healthy(f"http://127.0.0.1:{port}", server, log)
    return server


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


async def one_session(browser, url: str, filters: int, clicks: int, out: dict) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url)
        await page.locator(ARTICLE_READY).first.wait_for(timeout=120_000)
        box = page.locator('[data-testid="stSidebar"]').get_by_placeholder("A name or alias, then Enter")
        for n in range(filters):
            await page.locator('.stApp[data-test-script-state="notRunning"]').wait_for(timeout=60_000)
            t0 = time.perf_counter()
            if n % len(NAMES) == 0 and n:  # start over: the filter cleared from the URL
                await page.goto(url)
                await page.locator(ARTICLE_READY).first.wait_for(timeout=120_000)
            await box.fill(NAMES[n % len(NAMES)])
            await box.press("Enter")
            await page.wait_for_function(
                "k => (new URL(location.href)).searchParams.getAll('actor').length >= k",
                arg=n % len(NAMES) + 1, timeout=60_000)
            out["filter"].append((time.perf_counter() - t0) * 1000)
        highlights = page.locator(".hl.on, .hl.dim")
        count = await highlights.count()
        for n in range(clicks):
            mention = await highlights.nth((n * 7) % count).get_attribute("data-mention")
            took = await page.evaluate(CLICK_UNTIL, [mention, ""])
            out["click"].append(took)
    except Exception as exc:  # one line per failed session: the figure is the count
        out["errors"].append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    finally:
        await context.close()


async def load(url: str, sessions: int, rounds: int, server_pid: int) -> dict:
    from playwright.async_api import async_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    out = {"filter": [], "click": [], "errors": [], "rss": []}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for _ in range(rounds):
            await asyncio.gather(*(one_session(browser, url, 20, 20, out) for _ in range(sessions)))
            out["rss"].append(rss_mb(server_pid))
        await browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=50)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="new sessions timed for first paint and first chart")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port

    if not CHROMIUM.is_file():
        print(f"skipped: no {CHROMIUM} (apt-get install -y chromium)")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="presslens-bench-live-"))
    env = {**os.environ, "PRESSLENS_LIBRARY": str(folder / "library")}
    env.pop("PRESSLENS_DB", None)
    options = ["--server.headless", "true", "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    (folder / "button_app.py").write_text(BUTTON_APP)
    print(f"presslens in chromium · {os.cpu_count()} cores · load average {os.getloadavg()[0]:.1f} at start")
    rows: list[str] = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)

        def fresh():
            return chromium.new_context(viewport={"width": 1400, "height": 900}).new_page()

        # The reference: one button, each click a server round trip.
        port = str(_free_port())
        ref = start([sys.executable, "-m", "streamlit", "run", str(folder / "button_app.py"), "--server.port", port,
                     *options], env, folder / "ref.log")
        try:
            paint = []
            for _ in range(args.repeat):
                page = fresh()
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}")
                page.get_by_text("count 0").wait_for(timeout=60_000)
                paint.append((time.perf_counter() - t0) * 1000)
                page.context.close()
            page = fresh()
            page.goto(f"http://127.0.0.1:{port}")
            page.get_by_text("count 0").wait_for()
            ref_clicks = []
            for n in range(args.clicks):
                page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
                button = page.locator(".st-key-more button").element_handle()
                check = f"[...document.querySelectorAll('p')].some(p => p.textContent === 'count {n + 1}')"
                ref_clicks.append(page.evaluate(CLICK_UNTIL, [button, check]))
            page.context.close()
        finally:
            stop(ref)
        ref_paint, ref_click = statistics.median(paint), statistics.median(ref_clicks)
        rows += [line("reference: new session to button drawn", paint), line("reference: click to text redrawn", ref_clicks)]

        # presslens: cold start, then warm sessions.
        port = str(_free_port())
        url = f"http://127.0.0.1:{port}"
        t0 = time.perf_counter()
        server = start([sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", port, *options],
                       env, folder / "presslens.log")
        try:
            page = fresh()
            page.goto(url)
            page.locator(ARTICLE_READY).first.wait_for(timeout=300_000)
            cold = (time.perf_counter() - t0) * 1000
            page.context.close()
            rows.append(line("cold: `streamlit run serve.py` to first highlights", [cold]))
            paint, chart = [], []
            for _ in range(args.repeat):
                page = fresh()
                t0 = time.perf_counter()
                page.goto(url)
                page.locator(ARTICLE_READY).first.wait_for(timeout=120_000)
                paint.append((time.perf_counter() - t0) * 1000)
                page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
                t0 = time.perf_counter()
                page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Timeline", exact=True).click()
                page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=120_000)
                chart.append((time.perf_counter() - t0) * 1000)
                page.context.close()
            rows.append(line("new session to first highlights (warm server)", paint, base=ref_paint))
            rows.append(line("first chart page: Timeline clicked to chart drawn", chart, base=ref_paint))
            page = fresh()
            page.goto(url)
            page.locator(ARTICLE_READY).first.wait_for(timeout=120_000)
            page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
            highlights = page.locator(".hl.on")
            count = highlights.count()
            clicks = []
            for n in range(args.clicks):
                mention = highlights.nth((n * 5) % count).get_attribute("data-mention")
                clicks.append(page.evaluate(CLICK_UNTIL, [mention, ""]))
            page.context.close()
            rows.append(line("highlight click to change drawn", clicks, base=ref_click))
            chromium.close()
            # The sync API's loop runs in this thread: the sessions get a loop of their own in another.
            with ThreadPoolExecutor(1) as pool:
                found = pool.submit(asyncio.run, load(url, args.sessions, args.rounds, server.pid)).result()
        finally:
            stop(server)
    rows.append(line(f"load: {args.sessions} sessions × {args.rounds} rounds, filter change", found["filter"],
                     base=ref_click))
    rows.append(line(f"load: {args.sessions} sessions × {args.rounds} rounds, highlight click", found["click"],
                     base=ref_click))
    rows.append(f"  load: errors {len(found['errors'])}" + (f" (first: {found['errors'][0]})" if found["errors"] else ""))
    rows.append("  load: server RSS after each round " + ", ".join(f"{mb:.0f} MB" for mb in found["rss"]))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
