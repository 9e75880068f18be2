"""Benchmark of the reading view (not a test): `make bench-ui`, or `.venv/bin/python -m benchmarks.bench_ui`.

Prints, beside their baselines:
  cold  first load with the model cold, each in a fresh interpreter: the engine alone (load the model,
        analyse the seed) vs the dashboard's first script run (AppTest: model, analysis, every element);
  warm  the server-side script run after an actor-filter change on the seed, timed around Streamlit's
        own ScriptRunner._run_script (the whole rerun: callbacks, sidebar, page, component data), vs an
        empty one-line app (Streamlit's floor) and the throwaway first-cut dashboard it replaced;
  browser  the same, as a reader sees them in chromium: `streamlit run` started to article drawn, and a
        filter change clicked to highlights redrawn (needs /usr/bin/chromium; skipped without it);
  pages  the Timeline, Figures and Quotes pages: a filter change on the seed, and a rerun over all
        articles with the MEANTIME Wikinews articles of ../shared in a temporary library (their first
        analysis timed once), beside the Article page's own filter change.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.paths import MEANTIME_DIR, ROOT
FIRST_CUT = "491bd3f"  # the commit whose dashboard.py this work replaced
VIEW_HOST = "[data-testid=stBidiComponentIsolated]"
FLOOR_APP = "import streamlit as st\nst.write('hello')\n"


def timed_runs(log: Path | None = None):
    """Patch ScriptRunner so every script run's duration is recorded (and appended to `log`)."""
    from streamlit.runtime.scriptrunner import script_runner

    durations: list[float] = []
    original = script_runner.ScriptRunner._run_script

    def run(self, rerun_data):
        start = time.perf_counter()
        try:
            return original(self, rerun_data)
        finally:
            durations.append(time.perf_counter() - start)
            if log is not None:
                with open(log, "a") as out:
                    out.write(f"{durations[-1]}\n")

    script_runner.ScriptRunner._run_script = run
    return durations


def child(kind: str) -> float:
    """One cold measurement in this (fresh) interpreter, in seconds."""
    os.environ.setdefault("PRESSLENS_LIBRARY", tempfile.mkdtemp(prefix="presslens-bench-"))
    start = time.perf_counter()
    if kind == "engine":
        from presslens.analysis import analyze
        from presslens.ingest import read_article
        from presslens.store.importing import seed_files
        from presslens.nlp import load_pipeline

        analyze(read_article(seed_files()[0]), nlp=load_pipeline())
        return time.perf_counter() - start
    from streamlit.testing.v1 import AppTest

    durations = timed_runs()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).run()
    if at.exception:
        raise SystemExit(f"the dashboard failed: {at.exception}")
    return durations[0]


def serve(log: Path, options: list[str]) -> None:
    """The real server (`streamlit run dashboard.py OPTIONS`), its script runs timed into `log`."""
    from streamlit.web import cli

    timed_runs(log)
    sys.argv = ["streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
                "--server.address", "127.0.0.1", "--server.fileWatcherType", "none", *options]
    cli.main()


def cold(repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"engine": [], "dashboard": []}
    for _ in range(repeat):
        for kind in out:
            result = subprocess.run(
                [sys.executable, "-m", "benchmarks.bench_ui", "--child", kind],
                cwd=ROOT, capture_output=True, text=True, check=True,
            )
            out[kind].append(float(result.stdout.strip().splitlines()[-1]))
    return out


def warm(runs: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    from presslens.analysis import analyze
    from presslens.ingest import read_article
    from presslens.store.importing import seed_files
    from presslens.scope import by_prominence

    os.environ.setdefault("PRESSLENS_LIBRARY", tempfile.mkdtemp(prefix="presslens-bench-"))
    durations = timed_runs()
    out: dict[str, list[float]] = {}

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).run()
    actors = [a.id for a in by_prominence(analyze(read_article(seed_files()[0])))[:5]]
    app.run()  # warm: every cache filled
    del durations[:]
    for n in range(runs):
        app.sidebar.multiselect[0].set_value([actors[n % len(actors)]] if n % 2 == 0 else [])
        app.run()
    out["dashboard, filter change"] = list(durations)

    del durations[:]
    for _ in range(runs):
        app.run()
    out["dashboard, rerun, nothing changed"] = list(durations)

    floor = AppTest.from_string(FLOOR_APP).run()
    del durations[:]
    for _ in range(runs):
        floor.run()
    out["floor: one-line app"] = list(durations)

    source = subprocess.run(["git", "show", f"{FIRST_CUT}:dashboard.py"], cwd=ROOT, capture_output=True, text=True)
    if source.returncode == 0:
        first_cut = AppTest.from_string(source.stdout, default_timeout=300).run()
        del durations[:]
        for _ in range(runs):
            first_cut.run()
        out[f"first-cut dashboard ({FIRST_CUT}), any rerun"] = list(durations)
    return out


CHART_PAGES = {"Timeline": "components/pages/timeline.py", "Figures": "components/pages/figures.py",
               "Quotes": "components/pages/quotes.py"}
MEANTIME = MEANTIME_DIR


def _meantime_library(folder: Path) -> int:
    """The MEANTIME articles as library files (title line apart, dated by their DCT); how many."""
    from evaluation.meantime import read_corpus

    folder.mkdir(parents=True, exist_ok=True)
    docs = read_corpus(MEANTIME) if MEANTIME.is_dir() else []
    for doc in docs:
        title, _, body = doc.text.partition("\n")
        stem = Path(doc.name).stem.split("_")[0]
        (folder / f"{stem}.txt").write_text(body, encoding="utf-8")
        (folder / f"{stem}.meta.json").write_text(json.dumps({"title": title, "published": doc.dct}), encoding="utf-8")
    return len(docs)


def pages(runs: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    from components.collection import ALL, SCOPE_KEY
    from presslens.analysis import analyze
    from presslens.ingest import read_article
    from presslens.store.importing import seed_files
    from presslens.scope import by_prominence

    library = Path(tempfile.mkdtemp(prefix="presslens-bench-")) / "library"
    os.environ["PRESSLENS_LIBRARY"] = str(library)
    durations = timed_runs()
    names = [a.name for a in by_prominence(analyze(read_article(seed_files()[0])))[:5]]
    out: dict[str, list[float]] = {}
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()
    for title, path in [("Article", "components/pages/article.py"), *CHART_PAGES.items()]:
        app.switch_page(path).run()
        app.run()
        del durations[:]
        for n in range(runs):
            app.session_state["presslens.actors"] = [names[n % len(names)]] if n % 2 == 0 else []
            app.run()
        out[f"{title}, this article: filter change"] = list(durations)
    app.session_state["presslens.actors"] = []
    count = _meantime_library(library)
    app.switch_page(CHART_PAGES["Timeline"]).run()
    del durations[:]
    app.segmented_control(key=SCOPE_KEY).set_value(ALL).run()
    out[f"Timeline, all {count + 1} articles: first run (analyses {count})"] = list(durations)
    for title, path in CHART_PAGES.items():
        app.switch_page(path).run()
        del durations[:]
        for _ in range(runs):
            app.run()
        out[f"{title}, all {count + 1} articles: rerun"] = list(durations)
    return out


BUTTON_APP = """import streamlit as st
st.session_state.setdefault("n", 0)
if st.button("More", key="more"):
    st.session_state.n += 1
st.markdown(f"count {st.session_state.n}")
"""
# Clicks an element and polls every animation frame until `done` holds; the time is taken in the page,
# so Playwright's own round trips are not counted. The article view lives in a shadow root.
CLICK_UNTIL = """async ([selector, done]) => {
  const view = () => document.querySelector("%s")?.shadowRoot;
  const start = performance.now();
  document.querySelector(selector).click();
  const check = new Function("view", "return " + done);
  while (!check(view)) await new Promise(requestAnimationFrame);
  return (performance.now() - start) / 1000;
}""" % VIEW_HOST


@contextlib.contextmanager
def _server(command: list[str], env: dict, folder: Path):
    from tests.e2e.conftest import _wait_healthy

    log = folder / "streamlit.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{command[command.index('--server.port') + 1]}", server, log)
        yield f"http://127.0.0.1:{command[command.index('--server.port') + 1]}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _clicks(page, selector: str, done: list[str], runs: int) -> list[float]:
    idle = '.stApp[data-test-script-state="notRunning"]'
    times = []
    for n in range(runs):
        page.locator(idle).wait_for()
        page.wait_for_timeout(100)  # let the previous run's last messages land
        times.append(page.evaluate(CLICK_UNTIL, [selector, done[n % len(done)].replace("{n}", str(n + 1))]))
    return times


def browser(runs: int) -> dict[str, list[float]] | None:
    """Reader-side figures in chromium, or None where there is no browser."""
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port

    if not CHROMIUM.is_file():
        return None
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="presslens-bench-"))
    runs_log, floor_app = folder / "runs.txt", folder / "button_app.py"
    floor_app.write_text(BUTTON_APP)
    env = {**os.environ, "PRESSLENS_LIBRARY": str(folder / "library")}
    serve_args = ["--server.headless", "true", "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"]
    out: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        command = [sys.executable, "-m", "benchmarks.bench_ui", "--serve", str(runs_log), "--server.port",
                   str(_free_port())]
        with _server(command, env, folder) as url:
            page.goto(url)
            page.locator(".presslens-article[data-ready=true]").wait_for(timeout=300_000)
            out["`streamlit run` to article drawn, model cold"] = [time.perf_counter() - start]
            page.locator(".hl").first.click()
            page.locator(".st-key-actor_panel h4").wait_for()
            runs_log.write_text("")
            out["filter change: click to highlights redrawn"] = _clicks(
                page, ".st-key-panel_filter button",
                ["view().querySelectorAll('.hl.dim').length > 0", "view().querySelectorAll('.hl.dim').length === 0"],
                runs,
            )
            out["  of which the server's script run"] = [float(x) for x in runs_log.read_text().split()]
        command = [sys.executable, "-m", "streamlit", "run", str(floor_app), "--server.port", str(_free_port()),
                   *serve_args]
        with _server(command, env, folder) as url:
            page.goto(url)
            page.get_by_text("count 0").wait_for()
            out["floor: one-button app, click to text redrawn"] = _clicks(
                page, ".st-key-more button",
                ["[...document.querySelectorAll('p')].some(p => p.textContent === 'count {n}')"], runs,
            )
        chromium.close()
    return out


def report(title: str, rows: dict[str, list[float]], *, baseline: str | None = None) -> None:
    print(f"\n{title}")
    base = statistics.median(rows[baseline]) if baseline else None
    for name, values in rows.items():
        median = statistics.median(values)
        spread = f"p90 {sorted(values)[int(0.9 * (len(values) - 1))] * 1000:8.1f} ms" if len(values) > 2 else ""
        ratio = f"  ×{median / base:.2f} of baseline" if base and name != baseline else ("  (baseline)" if base else "")
        print(f"  {name:<52} median {median * 1000:8.1f} ms  {spread}  n={len(values)}{ratio}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="warm reruns per measurement")
    parser.add_argument("--cold", type=int, default=3, help="cold starts per measurement")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--pages", action="store_true", help="only the chart pages")
    parser.add_argument("--child", choices=("engine", "dashboard"), help=argparse.SUPPRESS)
    parser.add_argument("--serve", metavar="LOG", help=argparse.SUPPRESS)
    args, streamlit_options = parser.parse_known_args(argv)
    if args.serve:
        serve(Path(args.serve), streamlit_options)
        return 0
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    print(f"presslens reading view benchmark · seed article · {os.cpu_count()} cores · python {sys.version.split()[0]}"
          f" · load average {os.getloadavg()[0]:.1f} at start")
    if args.pages:
        report("Warm: chart pages, server-side script run", pages(args.runs),
               baseline="Article, this article: filter change")
        return 0
    report("Cold: first load, model not loaded (fresh interpreter each)", cold(args.cold), baseline="engine")
    report("Warm: server-side script run", warm(args.runs), baseline="floor: one-line app")
    if not args.no_browser:
        found = browser(max(6, args.runs // 4))
        if found is None:
            print("\nBrowser: skipped (no /usr/bin/chromium; apt-get install -y chromium)")
        else:
            report("Browser (chromium, reader-side)", found, baseline="floor: one-button app, click to text redrawn")
    report("Warm: chart pages, server-side script run", pages(args.runs), baseline="Article, this article: filter change")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
