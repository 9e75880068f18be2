"""The corpus pages in the browser over 31 stored articles (the seed and tests/corpus_articles.py): the
entity, outlet and date filters travel in the URL, and the actor profile follows "Putin" to Vladimir Putin.
A server of its own (the shared browser), so the other browser tests keep their small library."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from ..conftest import ROOT
from ..corpus_articles import write_corpus
from .conftest import _free_port, _require_browser, _wait_healthy, open_app

pytestmark = pytest.mark.e2e
TABLE = '[data-testid="stDataFrame"]'


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    _require_browser()
    library = tmp_path_factory.mktemp("corpus_library")
    write_corpus(library)
    port = _free_port()
    log = tmp_path_factory.mktemp("corpus_server") / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PRESSLENS_LIBRARY": str(library)},
                                   stdout=out, stderr=subprocess.STDOUT)
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


def test_corpus_timeline_keeps_its_filters_in_the_url(page, corpus_server, shot):
    open_app(page, f"{corpus_server}/corpus_timeline?actor=Putin&outlet=Morning+Post", ready=TABLE)
    expect(page.get_by_role("heading", name="Corpus timeline").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"outlet=Morning(\+|%20)Post"))
    expect(page.locator('[data-testid="stMultiSelect"]').filter(has_text="Morning Post").first).to_be_visible()
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    shot("corpus-timeline")


def test_actor_profile_follows_putin_through_the_corpus(page, corpus_server, shot):
    open_app(page, f"{corpus_server}/profile?actor=Putin", ready=TABLE)
    expect(page.get_by_role("heading", name="Actor profile").first).to_be_visible()
    expect(page.get_by_role("combobox", name="Actor", exact=True)).to_have_value(re.compile(r"^Vladimir Putin \(PERSON"))
    expect(page.get_by_role("heading", name="Appears most with").first).to_be_visible()
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    shot("actor-profile")
