"""Browser tests: the real app (`streamlit run dashboard.py`) driven by Playwright in Debian's chromium.

One server per test session, on a free port, with a temporary library folder; one fresh browser
context (so one fresh Streamlit session) per test. Without chromium the tests skip and name the
package to install — except under CI=true, where a missing browser fails the run. Screenshots of
each step go to tests/e2e/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import ROOT

CHROMIUM = Path(os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium"))
MISSING_BROWSER = f"browser tests need Debian's chromium at {CHROMIUM}: apt-get install -y chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
SERVER_START_SECONDS = 60
# Waits in the browser: the first page load also loads the language model on the server.
FIRST_LOAD_MS = 90_000
STEP_MS = 20_000


def _require_browser():
    problem = None
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        problem = MISSING_BROWSER
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "browser tests need Playwright for Python: make setup installs it"
    if problem is None:
        # Checks wait as long as steps do: a loaded machine (CI, seven sessions) draws slower than 5 s.
        from playwright.sync_api import expect

        expect.set_options(timeout=STEP_MS)
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(problem, pytrace=False)
    pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_SECONDS}s:\n{log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("library")


@pytest.fixture(scope="session")
def server(library_dir, tmp_path_factory):
    """`streamlit run dashboard.py` on a free port; yields its base URL."""
    _require_browser()
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    env = {**os.environ, "PRESSLENS_LIBRARY": str(library_dir)}
    command = [
        sys.executable, "-m", "streamlit", "run", "serve.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser context (a new Streamlit session); page script errors fail the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(STEP_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"a dialog opened: {dialog.message}") or dialog.dismiss())
    yield page
    context.close()
    assert not errors, f"script errors in the page: {errors}"


@pytest.fixture(scope="session", autouse=True)
def _fresh_artifacts():
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


def open_app(page, url: str, *, ready: str = ".presslens-article[data-ready=true]"):
    """Go to a URL of the app and wait until it has drawn (the first load may load the model)."""
    page.goto(url)
    page.locator(ready).first.wait_for(timeout=FIRST_LOAD_MS)
    settle(page)
    return page


def settle(page) -> None:
    """Wait for the script run to finish: until then Streamlit may show old elements beside new ones."""
    page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
    page.wait_for_function("() => !document.querySelector('[data-stale=true]')")


@pytest.fixture
def shot(page, request):
    """shot("step") saves tests/e2e/artifacts/<test>-NN-step.png."""
    count = iter(range(1, 100))

    def take(step: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{next(count):02d}-{step}.png"
        page.screenshot(path=path)
        return path

    return take
