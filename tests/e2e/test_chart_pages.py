"""The Timeline, Figures and Quotes pages in a real browser: what they draw, the hover, and that a click on
a bar, a point or a table row opens the Article page with the record's words marked in its sentence.
Expectations come from the engine's own analysis of the seed, so they follow the engine as it improves."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.collection import ROW_HEIGHT
from components.timeline_chart import PUBLICATION, timeline_rows

from .conftest import ARTIFACTS, open_app, settle

pytestmark = pytest.mark.e2e

# A chart of the page, not the invisible one the Article page keeps to load the chart library early.
CHART = ".js-plotly-plot:not(.st-key-chart_preload .js-plotly-plot)"
MARKS = f"{CHART} .barlayer .point path, {CHART} .scatterlayer .point"
TABLE = '[data-testid="stDataFrame"]'
ARTICLE_READY = ".presslens-article[data-ready=true]"
TABLE_HEADER = 35  # Streamlit's header row, in pixels


def nav(page, title: str, *, ready: str):
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()
    page.locator(ready).first.wait_for()
    settle(page)


def centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def hovered(page) -> list[tuple[object, str]]:
    """Every clickable mark of the chart with the text its hover shows (the real mouse, one at a time)."""
    found = []
    for mark in page.locator(MARKS).all():
        mark.scroll_into_view_if_needed()  # a tall chart runs below the window; the mouse reaches only what is shown
        page.mouse.move(*centre(mark))
        label = page.locator(f"{CHART} .hoverlayer .hovertext").first
        label.wait_for()
        found.append((mark, label.text_content()))
        page.mouse.move(1, 1)
        expect(page.locator(f"{CHART} .hoverlayer .hovertext")).to_have_count(0)
    return found


def mark_of(page, words: str, found=None):
    """The mark whose hover holds these words (among `found` marks and hovers, else the chart's)."""
    (mark,) = [mark for mark, text in found or hovered(page) if words in text]
    return mark


def ticks(page) -> list[str]:
    """The chart's row labels, top to bottom."""
    labels = page.locator(f"{CHART} .yaxislayer-above .ytick text").all()
    return [t.text_content() for t in sorted(labels, key=lambda t: t.bounding_box()["y"])]


def plain(text: str) -> str:
    return " ".join(text.split())


def expect_marked(page, analysis, start: int, end: int):
    """The Article page shows [start:end] marked, scrolled into view, inside its shaded sentence."""
    page.locator(ARTICLE_READY).wait_for()
    focus = page.locator(".presslens-article .focus")
    expect(focus.first).to_be_visible()
    settle(page)
    text = analysis.article.text
    assert plain("".join(focus.all_text_contents())) == plain(text[start:end])
    expect(focus.first).to_be_in_viewport()
    lo, hi = analysis.sentence_of(start)
    assert plain("".join(page.locator(".presslens-article .sentence").all_text_contents())) == plain(text[lo:hi])


def click_row(page, index: int):
    """Choose a table row by its selection box (the grid is drawn on a canvas: by position)."""
    box = page.locator(TABLE).first.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + TABLE_HEADER + ROW_HEIGHT * index + ROW_HEIGHT / 2)


def open_tab(page) -> str:
    return page.locator(".st-key-actor_panel [role=tab][aria-selected=true]").text_content()


def test_timeline_shows_the_seeds_events_in_order_and_a_click_marks_the_sentence(page, server, seed_analysis, shot):
    rows = timeline_rows(seed_analysis)
    events = {e.id: e for e in seed_analysis.events}
    open_app(page, f"{server}/timeline", ready=CHART)
    shown = ticks(page)
    assert len(shown) == len(rows)
    assert all(row.label.startswith(tick.rstrip("…")) for tick, row in zip(shown, rows))  # earliest on top
    assert [r.first for r in rows] == sorted(r.first for r in rows)
    # every mark's hover: the label, the time expression and its explanation
    found = hovered(page)
    texts = [text for _, text in found]
    for row in rows:
        (text,) = [t for t in texts if row.label in t]
        assert row.time_text in text and row.explanation in text
    shot("timeline")

    # a bar (a period) leads to its sentence ...
    period = next(r for r in rows if not r.is_point and r.kind != PUBLICATION)
    mark = mark_of(page, period.label, found)
    page.mouse.move(*centre(mark))
    shot("hover-on-a-bar")
    page.mouse.click(*centre(mark))
    event = events[period.event_id]
    expect_marked(page, seed_analysis, event.start, event.end)
    assert open_tab(page).startswith("Events") if event.actors else True
    shot("bar-clicked")

    # ... and so does a point (a day)
    day = next(r for r in rows if r.is_point and r.kind != PUBLICATION)
    nav(page, "Timeline", ready=CHART)
    page.mouse.click(*centre(mark_of(page, day.label)))
    event = events[day.event_id]
    expect_marked(page, seed_analysis, event.start, event.end)
    shot("point-clicked")


def test_figures_page_shows_the_20_percent_figure_and_a_click_leads_to_it(page, server, seed_analysis, shot):
    figure = next(f for f in seed_analysis.figures if f.value == 20 and f.unit == "percent")
    sentence = seed_analysis.article.text[figure.sentence[0]:figure.sentence[1]]
    open_app(page, f"{server}/figures", ready=CHART)
    expect(page.locator(f"{CHART} .ytick text").first).to_contain_text(figure.subject)
    mark = mark_of(page, sentence)  # the hover shows the sentence
    page.mouse.move(*centre(mark))
    expect(page.locator(f"{CHART} .hoverlayer")).to_contain_text(figure.text)
    expect(page.locator(f"{CHART} .hoverlayer")).to_contain_text("approximately")
    shot("figures")
    page.mouse.click(*centre(mark))
    expect_marked(page, seed_analysis, figure.start, figure.end)
    assert open_tab(page).startswith("Figures")
    shot("figure-clicked")


def test_a_quotes_table_row_leads_to_the_quote_in_the_article(page, server, seed_analysis, shot):
    index, quote = next((i, q) for i, q in enumerate(seed_analysis.quotes) if q.kind == "direct" and q.speaker)
    open_app(page, f"{server}/quotes", ready=TABLE)
    cells = page.locator(f"{TABLE} table [role=row]").nth(index + 1)  # the grid's accessible copy; row 0 is the header
    expect(cells).to_contain_text(quote.text.strip())
    expect(cells).to_contain_text(seed_analysis.actor(quote.speaker).name)
    shot("quotes")
    click_row(page, index)
    expect_marked(page, seed_analysis, quote.start, quote.end)
    expect(page.locator(".st-key-actor_panel h4")).to_have_text(seed_analysis.actor(quote.speaker).name)
    assert open_tab(page).startswith("Quotes")
    shot("quote-row-chosen")


def test_chart_pages_in_the_dark_theme(browser, server, request):
    """Streamlit's plotly theme follows the app's: row labels light on dark; the tables too."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        for n, (path, ready) in enumerate([("timeline", CHART), ("figures", CHART), ("quotes", TABLE)], start=1):
            open_app(page, f"{server}/{path}", ready=ready)
            if ready == CHART:
                fill = page.locator(f"{CHART} .ytick text").first.evaluate("e => getComputedStyle(e).fill")
                assert sum(int(c) for c in fill[4:-1].split(",")[:3]) > 3 * 150, f"{path} labels are {fill}"
            page.screenshot(path=ARTIFACTS / f"{request.node.name}-{n:02d}-{path}.png")
    finally:
        context.close()
