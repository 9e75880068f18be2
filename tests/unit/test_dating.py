"""Publication dates only from what vouches for them: metadata, the address, a dateline; never the body."""

from __future__ import annotations

import pytest

from presslens.article import Article
from presslens.dating import dateline_date, html_date
from presslens.errors import PresslensError
from presslens.ingest import article_from_bytes, article_from_text

BODY = "<p>" + "The council met to discuss the bridge and the budget for the coming years. " * 6 + "</p>"


@pytest.mark.parametrize(
    "text, day",
    [
        ("Plant to open\n\nTRONDHEIM, Norway, June 8, 2021 /Nordwire/ -- Skarven said ...", "2021-06-08"),
        ("VIENNA, Nov. 17, 2022 (Wire) — Talks ended ...", "2022-11-17"),
        ("WASHINGTON, Sept. 3, 2019 - The agency said ...", "2019-09-03"),
        ("LONDON, Jan 3 (Meridian Wire) - Copper fell ...", None),  # no year: not a date
        ("MILLBROOK — The council voted ...", None),
        ("The talks in Vienna on Nov. 17, 2022 ended.", None),  # a date in a sentence is no dateline
        ("PARIS, Feb. 30, 2020 (Wire) - ...", None),  # no such day
    ],
)
def test_dateline_dates(text, day):
    assert dateline_date(text) == day


def test_dateline_far_down_the_text_is_not_the_articles():
    assert dateline_date("x " * 1000 + "\nVIENNA, Nov. 17, 2022 (Wire) — Talks") is None


@pytest.mark.parametrize(
    "head, url, found",
    [
        ('<meta property="article:published_time" content="2024-03-06T09:00:00Z">', None, ("2024-03-06", "metadata")),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-05-01"}</script>', None,
         ("2023-05-01", "metadata")),
        ("", "https://news.example.org/2019/05/17/bridge-vote.html", ("2019-05-17", "url")),
        ('<link rel="canonical" href="https://news.example.org/2018/08/02/story">', None, ("2018-08-02", "url")),
        ("", None, (None, None)),
    ],
)
def test_html_dates_from_metadata_or_address_only(head, url, found):
    page = f"<html><head><title>T</title>{head}</head><body><article>{BODY}</article></body></html>"
    got = html_date(page, url=url)
    assert (got.published, got.source) == found


def test_a_year_in_the_body_is_a_suggestion_never_the_date():
    page = f"<html><head><title>T</title></head><body><article>{BODY}<p>Updated 1 January 2016.</p></article></body></html>"
    article = article_from_bytes(page.encode(), name="page.html")
    assert (article.published, article.published_source, article.published_suggestion) == (None, None, "2016-01-01")


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"published": "2018-08-02"}, ("2018-08-02", "metadata")),
        ({"published": "2018-08-02", "published_source": "user"}, ("2018-08-02", "user")),
        ({}, (None, None)),
        ({"published_source": "user"}, (None, None)),  # no date, no source
    ],
)
def test_sources_of_a_text_article(kwargs, expected):
    article = article_from_text("The council met on Monday.", **kwargs)
    assert (article.published, article.published_source) == expected


def test_the_metadata_date_wins_over_a_dateline():
    article = article_from_text("VIENNA, Nov. 17, 2022 (Wire) — Talks ended.", published="2022-11-18")
    assert (article.published, article.published_source) == ("2022-11-18", "metadata")


def test_unknown_source_is_refused():
    with pytest.raises(PresslensError, match="unknown publication date source 'oracle'"):
        Article("a", "text", published="2020-01-01", published_source="oracle")


@pytest.mark.parametrize("value", ["2018-08-02 garbage", "2018-08-02Tnoon", "0001-01-01", "9999-12-31", "18-08-02"])
def test_published_refusals(value):
    with pytest.raises(PresslensError):
        article_from_text("The council met.", published=value)


@pytest.mark.parametrize("value", ["2018-08-02 10:00", "2018-08-02T10:00:00Z", "2018-08-02T10:00:00.5+02:00", "1066-10-14"])
def test_published_accepted(value):
    assert article_from_text("The council met.", published=value).published == value[:10]
