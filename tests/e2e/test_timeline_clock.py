"""The Timeline of a market report with a clock time ("Near 1750 GMT"): the axis spans the article's real
dates (March and April 2016), never 1750, and the times table reads the clock time as 17:50 on the day
the report names."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from .conftest import open_app
from .test_chart_pages import CHART, TABLE

pytestmark = pytest.mark.e2e

# Written for this test: a wire-style market report, published on Friday 18 March 2016.
TEXT = (
    "Stocks slip as oil slides for a third day\n"
    "NEW YORK — Wall Street fell on Tuesday as oil prices slid for a third day. Near 1750 GMT the Dow Jones "
    "industrial average stood at 17,602.30 points, down 0.4 percent. The index had gained 2 percent last week, "
    "traders said. The central bank will meet next month to weigh interest rates.\n"
)


@pytest.fixture
def market_report(library_dir):
    """Added to the server's store itself: the library folder is imported once, at the server's start."""
    from presslens.article import Article
    from presslens.store import open_store

    store = open_store(library_dir / "presslens.sqlite")
    try:
        added = store.add(Article(id="clock-market", text=TEXT, title="Stocks slip as oil slides", source="Test Wire",
                                  published="2016-03-18"))
    finally:
        store.close()
    return added.id


def test_the_timeline_axis_spans_the_articles_real_dates_with_a_clock_time(page, server, market_report, shot):
    open_app(page, f"{server}/timeline?article={market_report}", ready=CHART)
    expect(page.locator(f"{TABLE} table")).to_contain_text("1750 GMT")
    # a time of day on the day the report last named (Tuesday 15 March), not the year 1750
    expect(page.locator(f"{TABLE} table")).to_contain_text("2016-03-15T17:50")
    shown = page.evaluate(f"() => document.querySelector('{CHART}')._fullLayout.xaxis.range")
    first, last = (dt.date.fromisoformat(str(d)[:10]) for d in shown)
    # Tuesday 15 March ... April 2016 (next month), with a little margin either side
    assert dt.date(2016, 2, 15) <= first <= dt.date(2016, 3, 15), shown
    assert dt.date(2016, 4, 30) <= last <= dt.date(2016, 6, 1), shown
    years = {t.text_content()[-4:] for t in page.locator(f"{CHART} .xtick text").all()}
    assert "1750" not in " ".join(years)
    shot("timeline-with-a-clock-time")
