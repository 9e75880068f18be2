"""The Timeline, Figures and Quotes pages in Streamlit's AppTest: each runs without an exception, follows
the actor filter, covers one article or all of them, and says so when there is nothing to show. (A click
on a chart point or a table row is driven in the browser: tests/e2e/test_chart_pages.py.)"""

from __future__ import annotations

import json

import pytest

from presslens.errors import PresslensError

from components.collection import ALL, SCOPE_KEY, THIS, clicked_point
from components.state import ACTORS_KEY
from components.times_table import NOT_PLACED

from .test_dashboard import STORY, app, library, plain, ran  # noqa: F401 (fixtures)

TIMELINE, FIGURES, QUOTES = "components/pages/timeline.py", "components/pages/figures.py", "components/pages/quotes.py"
ARTICLE = "components/pages/article.py"
# A second article, dated, with a dated event, a figure and a quote of an actor the seed does not have.
DATED_STORY = (
    "Mayor Jane Roe opened the Springfield bridge last week. "
    "“About 40 percent of drivers will use it,” Roe said on Monday.\n"
)


def chart(at) -> dict:
    (element,) = at.get("plotly_chart")
    return json.loads(element.proto.spec)


def marked(at) -> list[tuple[str, str]]:
    """(article id, record id) of every clickable mark of the page's chart, in trace order."""
    return [tuple(cd[:2]) for trace in chart(at)["data"] for cd in trace.get("customdata") or []]


def table(at):
    (frame,) = at.dataframe
    return frame.value


def infos(at) -> list[str]:
    return [plain(i.value) for i in at.info]


def on(at, page):
    ran(at)
    return ran(at.switch_page(page))


def filter_to(at, *names):
    at.session_state[ACTORS_KEY] = list(names)
    return ran(at)


def add(library, name, text, **meta):
    library.mkdir(exist_ok=True)
    (library / f"{name}.txt").write_text(text)
    if meta:
        (library / f"{name}.meta.json").write_text(json.dumps(meta))


def over_all_articles(app, library, page):
    """The page over the seed and a dated library story, chosen with the scope control."""
    add(library, "bridge", DATED_STORY, title="Bridge opens", published="2020-03-04")
    on(app, page)
    app.segmented_control(key=SCOPE_KEY).set_value(ALL)
    return ran(app)


def speaker_of_quotes(analysis, *, fewer_than):
    """An actor quoted, but less often than everyone quoted put together."""
    counts = {}
    for q in analysis.quotes:
        if q.speaker:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    return next(analysis.actor(a) for a, n in counts.items() if n < fewer_than)


# --- Timeline ---------------------------------------------------------------------------------------------

def test_timeline_shows_the_seeds_dated_events_in_order_and_every_time(app, seed_analysis):
    on(app, TIMELINE)
    seed = seed_analysis.article.id
    dated = sorted((e for e in seed_analysis.events if e.interval), key=lambda e: (e.interval, e.kind == "publication"))
    assert sorted(marked(app)) == sorted((seed, e.id) for e in dated)
    ticks = chart(app)["layout"]["yaxis"]["ticktext"]
    assert all(e.label.startswith(t.rstrip("…")) for t, e in zip(ticks, dated, strict=True))  # earliest on top
    times = table(app)
    assert list(times["time_id"]) == [t.id for t in seed_analysis.times]
    assert set(times["explanation"]) == {t.explanation for t in seed_analysis.times}
    assert app.segmented_control(key=SCOPE_KEY).value == THIS


def test_timeline_follows_the_actor_filter(app, seed_analysis):
    event = next(e for e in seed_analysis.events if e.interval and e.actors and e.kind != "publication")
    actor = seed_analysis.actor(event.actors[0])
    on(app, TIMELINE)
    everything = marked(app)
    filter_to(app, actor.name)
    kept = {e.id for e in seed_analysis.events if e.interval and (actor.id in e.actors or e.kind == "publication")}
    assert {rid for _, rid in marked(app)} == kept != {rid for _, rid in everything}
    assert set(table(app)["time_id"]) == {e.time for e in seed_analysis.events if e.id in kept and e.time}
    # an actor in no dated event: the page says so instead of drawing an empty chart
    idle = next(a for a in seed_analysis.actors if not any(a.id in e.actors for e in seed_analysis.events))
    filter_to(app, idle.name)
    assert app.get("plotly_chart") == []
    assert "None of the chosen actors takes part in a dated event in this article." in infos(app)


def test_timeline_colours_by_actor_or_by_kind(app):
    on(app, TIMELINE)
    assert chart(app)["layout"]["legend"]["title"]["text"] == "actor"
    app.segmented_control(key="presslens.timeline_colour").set_value("kind")
    ran(app)
    assert chart(app)["layout"]["legend"]["title"]["text"] == "kind"
    assert {t["name"] for t in chart(app)["data"]} <= {"happening", "statement", "publication"}


def test_timeline_without_a_publication_date_lists_times_unplaced_and_offers_the_date(app, library):
    add(library, "story", "The council met last week. It will vote on Friday.\n", title="Council")
    app.query_params["article"] = "story"
    on(app, TIMELINE)
    assert [plain(w.value) for w in app.warning] == ["Publication date unknown — set it to place these on a calendar."]
    assert app.get("plotly_chart") == []  # nothing to place
    times = table(app)
    assert list(times["expression"]) == ["last week", "Friday"]
    assert set(times["when"]) == {NOT_PLACED}
    # the details form sets the date, and the same times land on the calendar
    app.date_input(key="timeline_details_story_published").set_value("2020-03-04")
    next(b for b in app.button if b.label == "Save details").click()
    ran(app)
    assert not app.warning
    assert {rid for _, rid in marked(app)}  # placed now
    assert NOT_PLACED not in set(table(app)["when"])


def test_timeline_over_all_articles_names_what_it_left_out(app, library, seed_analysis, monkeypatch):
    from components import reading
    from presslens.analysis import analyze

    def fails_on_broken(article, nlp=None):
        if article.id == "broken":
            raise PresslensError("broken: the analysis refused this text")
        return analyze(article, nlp=nlp)

    monkeypatch.setattr(reading, "analyze", fails_on_broken)
    add(library, "broken", STORY, title="Broken", published="2018-02-29")
    over_all_articles(app, library, TIMELINE)
    assert {aid for aid, _ in marked(app)} == {seed_analysis.article.id, "bridge"}
    assert set(table(app)["article_id"]) == {seed_analysis.article.id, "bridge"}
    (note,) = [plain(c.value) for c in app.caption if "Left out" in c.value]
    assert "Broken" in note and "refused this text" in note
    app.segmented_control(key=SCOPE_KEY).set_value(THIS)
    assert {aid for aid, _ in marked(ran(app))} == {seed_analysis.article.id}
    app.segmented_control(key=SCOPE_KEY).set_value(ALL)
    ran(app)
    # the actor filter applies to each article: a seed actor keeps nothing of the bridge story
    filter_to(app, seed_analysis.actors[0].name)
    assert "bridge" not in {aid for aid, _ in marked(app)}
    # the scope is the reader's for the session: it holds on every chart page
    ran(app.switch_page(ARTICLE))
    assert ran(app.switch_page(QUOTES)).segmented_control(key=SCOPE_KEY).value == ALL


# --- Figures ----------------------------------------------------------------------------------------------

def test_figures_page_charts_and_lists_the_seeds_figures(app, seed_analysis):
    on(app, FIGURES)
    seed = seed_analysis.article.id
    charted = [f for f in seed_analysis.figures if f.value is not None]
    assert sorted(marked(app)) == sorted((seed, f.id) for f in charted)
    assert list(table(app)["figure_id"]) == [f.id for f in charted]
    assert "20 percent" in set(table(app)["figure"])


def test_figures_page_follows_the_actor_filter(app, seed_analysis):
    claimant = seed_analysis.actor(next(f.claimant for f in seed_analysis.figures if f.claimant))
    on(app, FIGURES)
    filter_to(app, claimant.name)
    assert {rid for _, rid in marked(app)} == {f.id for f in seed_analysis.figures if f.claimant == claimant.id}
    other = next(a for a in seed_analysis.actors if not any(f.claimant == a.id for f in seed_analysis.figures))
    filter_to(app, other.name)
    assert (app.get("plotly_chart"), app.dataframe) == ([], [])
    assert infos(app) == ["None of the chosen actors claims a figure in this article."]


def test_figures_page_over_all_articles(app, library, seed_analysis):
    over_all_articles(app, library, FIGURES)
    assert {aid for aid, _ in marked(app)} == {seed_analysis.article.id, "bridge"}
    assert set(table(app)["article"]) == {seed_analysis.article.title, "Bridge opens"}


# --- Quotes -----------------------------------------------------------------------------------------------

def test_quotes_page_lists_who_said_what(app, seed_analysis):
    on(app, QUOTES)
    frame = table(app)
    assert list(frame["quote_id"]) == [q.id for q in seed_analysis.quotes]
    assert list(frame["quote"]) == [q.text for q in seed_analysis.quotes]
    assert {"speaker", "quote", "cue", "kind"} <= set(frame.columns)


def test_quotes_page_follows_the_actor_filter_and_the_kinds(app, seed_analysis):
    speaker = speaker_of_quotes(seed_analysis, fewer_than=len(seed_analysis.quotes))
    on(app, QUOTES)
    filter_to(app, speaker.name)
    assert list(table(app)["quote_id"]) == [q.id for q in seed_analysis.quotes if q.speaker == speaker.id]
    filter_to(app)
    app.pills(key="presslens.quote_kinds").set_value(["direct"])
    ran(app)
    assert list(table(app)["quote_id"]) == [q.id for q in seed_analysis.quotes if q.kind == "direct"]
    app.pills(key="presslens.quote_kinds").set_value([])
    ran(app)
    assert infos(app) == ["No quotes of the chosen kinds in this article."]


def test_quotes_page_over_all_articles(app, library, seed_analysis):
    over_all_articles(app, library, QUOTES)
    frame = table(app)
    assert set(frame["article_id"]) == {seed_analysis.article.id, "bridge"}
    assert "Jane Roe" in set(frame[frame["article_id"] == "bridge"]["speaker"])


@pytest.mark.parametrize(
    "page, message",
    [(QUOTES, "No quotes found in this article."), (FIGURES, "No figures found in this article."),
     (TIMELINE, "No dated events in this article.")],
)
def test_an_article_with_nothing_to_show_says_so(app, library, page, message):
    add(library, "quiet", "The weather was mild and the streets were quiet.\n", title="Quiet", published="2020-03-04")
    app.query_params["article"] = "quiet"
    on(app, page)
    assert message in infos(app)
    assert app.get("plotly_chart") == []


# --- The click -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "selection, expected",
    [
        ({"points": [{"curve_number": 0, "point_index": 2, "customdata": ["a", "e3", "label"]}]}, ("a", "e3")),
        ({"points": [{"curve_number": 1, "point_index": 0}, {"customdata": ["b", "f1"]}]}, ("b", "f1")),
        ({"points": []}, None),
        ({"points": [{"customdata": ["only-one"]}]}, None),
        ({}, None),
    ],
)
def test_a_clicked_point_names_its_article_and_record(selection, expected):
    assert clicked_point(selection) == expected
