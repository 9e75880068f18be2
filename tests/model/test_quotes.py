"""Quotes with the real pipeline: each rule family on sentences written for the test, then the seed gold."""

from __future__ import annotations

import json

import pytest

from presslens.analysis import analyze
from presslens.ingest import article_from_text

from ..conftest import ROOT

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(text: str):
        analysis = analyze(article_from_text(text, published="2020-01-01"), nlp=nlp)
        return analysis, analysis.quotes

    return run


def one(quotes, kind=None):
    chosen = [q for q in quotes if kind is None or q.kind == kind]
    assert len(chosen) == 1, [(q.kind, q.text, q.speaker_text) for q in quotes]
    return chosen[0]


@pytest.mark.parametrize("text, said, speaker, cue", [
    ("“We will rebuild the bridge before winter,” Lopez said.", "We will rebuild the bridge before winter,", "Lopez", "said"),
    ("“The budget is simply not there,” said council member Tom Baker.", "The budget is simply not there,", "Tom Baker", "said"),
    ("Baker told the Gazette: “I have asked for an audit of every contract.”", "I have asked for an audit of every contract.", "Baker", "told"),
    ('Baker said, "The audit will cover every contract signed since 2019."', "The audit will cover every contract signed since 2019.", "Baker", "said"),
    ("“ We will win the vote , ” the senator added .", "We will win the vote ,", "the senator", "added"),
    ("`` Nobody expected this result , '' Gray wrote in a letter .", "Nobody expected this result ,", "Gray", "wrote"),
])
def test_direct_quotes_with_the_cue_before_after_or_inverted(quotes_of, text, said, speaker, cue):
    _, quotes = quotes_of(text)
    quote = one(quotes)
    assert (quote.kind, quote.text, quote.speaker_text, quote.cue) == ("direct", said, speaker, cue)
    assert text[slice(*quote.speaker_span)] == speaker


def test_split_quote_is_joined_to_one_speaker(quotes_of):
    analysis, quotes = quotes_of("“We will rebuild it,” Mayor Anna Lopez said. “Nobody should drive an hour to work.”")
    first, second = quotes
    assert second.speaker_text == first.speaker_text == "Anna Lopez"
    assert second.speaker == first.speaker is not None
    assert second.continues == first.id


def test_quote_over_two_paragraphs_takes_the_speaker_named_at_its_end(quotes_of):
    text = "“This is the first paragraph of the statement.\n“And this is the second, which closes it,” the governor wrote."
    _, quotes = quotes_of(text)
    assert [q.speaker_text for q in quotes] == ["the governor", "the governor"]
    assert quotes[1].continues == quotes[0].id


@pytest.mark.parametrize("text, phrase, speaker", [
    ("The minister suggested the city could become “a showcase for the region” within a year.", "a showcase for the region", "The minister"),
    ("Lopez called the plan “a dangerous gamble” on Monday.", "a dangerous gamble", "Lopez"),
    ("The bridge was described by Baker as “a relic of another century”.", "a relic of another century", "Baker"),
    ("Gray acknowledged that “a very small number of drivers” were affected.", "a very small number of drivers", "Gray"),
])
def test_partial_quotes_inside_the_writers_sentence(quotes_of, text, phrase, speaker):
    _, quotes = quotes_of(text)
    quote = one(quotes)  # one record per span of text: never a partial and an indirect for one clause
    assert quote.kind == "partial" and quote.speaker_text == speaker
    assert [text[s:e] for s, e in quote.quoted] == [phrase]
    assert phrase in quote.text


@pytest.mark.parametrize("text", [
    "The so-called “smart bridge” project was dubbed “Bridgegate” by local media.",
    "She read “The Old Man and the Sea” on the train.",
    "The “Back to the Mac” event drew a crowd.",
])
def test_scare_quotes_and_titles_are_not_quotes(quotes_of, text):
    _, quotes = quotes_of(text)
    assert quotes == []


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Secretary Gray indicated she was considering a second bridge.", "she was considering a second bridge", "Gray", "indicated"),
    ("Baker said that the audit would take a year.", "the audit would take a year", "Baker", "said"),
    ("According to the transport department, 40,000 cars cross the river every day.",
     "40,000 cars cross the river every day", "transport department", "according to"),
    ("The audit will take a year, Baker said.", "The audit will take a year", "Baker", "said"),
    ("Lopez announced in a statement that the bridge would reopen in May.", "the bridge would reopen in May", "Lopez", "announced"),
    ("Analysts estimated that traffic would double by 2030.", "traffic would double by 2030", "Analysts", "estimated"),
    ("Under the new plan, as described by the Springfield Gazette, the city will build two bridges.",
     "the city will build two bridges", "Springfield Gazette", "described"),
])
def test_indirect_speech(quotes_of, text, content, speaker, cue):
    _, quotes = quotes_of(text)
    quote = one(quotes, "indirect")
    assert (quote.text, quote.speaker_text, quote.cue) == (content, speaker, cue)


@pytest.mark.parametrize("text", [
    "Lopez did not say whether the bridge would reopen.",
    "It is interesting to note that the bridge is old.",
    "Lopez asked what the bridge would cost.",
    "The council told residents to avoid the bridge.",
    "It is said that the bridge is haunted.",
])
def test_no_reported_clause_no_quote(quotes_of, text):
    _, quotes = quotes_of(text)
    assert quotes == []


def speaker_name(analysis, quote):
    actor = analysis.actor(quote.speaker)
    return actor.name if actor else None


def test_pronoun_resolves_to_the_one_person_named_before(quotes_of):
    analysis, quotes = quotes_of("Anna Lopez spoke to reporters on Monday. “We will rebuild the bridge,” she said.")
    quote = one(quotes)
    assert quote.speaker_text == "she" and speaker_name(analysis, quote) == "Anna Lopez"


def test_pronoun_with_nobody_named_before_stays_unresolved(quotes_of):
    _, quotes = quotes_of("The storm closed the bridge. “We will rebuild it,” she said.")
    quote = one(quotes)
    assert quote.speaker_text == "she" and quote.speaker is None


def test_role_noun_resolves_to_the_actor_with_that_role(quotes_of):
    analysis, quotes = quotes_of(
        "Vladimir Petrov, a former diplomat, criticised the plan on Tuesday. The diplomat said the plan would fail.")
    quote = one(quotes)
    assert quote.speaker_text == "The diplomat" and "Petrov" in speaker_name(analysis, quote)


def test_the_company_resolves_to_the_organisation_in_focus(quotes_of):
    analysis, quotes = quotes_of("Microsoft reported higher sales on Monday. The company said it would hire 500 engineers.")
    quote = one(quotes)
    assert quote.speaker_text == "The company" and speaker_name(analysis, quote) == "Microsoft"


@pytest.mark.parametrize("text", [
    'He said “this never ends.\nThe next paragraph is the writer again.',
    "“ ” “ ”\n” he said “",
    'She said "yes, he said "no" and "maybe.',
    "‘’‘ '' `` ’ “ «»",
    "“" * 40,
])
def test_unbalanced_or_unusual_marks_never_break_the_analysis(quotes_of, text):
    analysis, quotes = quotes_of(text)
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert all(q.kind in ("direct", "partial", "indirect") for q in quotes)
    json.dumps(analysis.to_dict())


# --- the seed, against the gold written by reading it ---------------------------------------------------


def seed_gold():
    return json.loads((ROOT / "data" / "gold" / "quotes" / "000_9ee82df7129644d2.json").read_text())["quotes"]


def overlap_share(a, b) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(a[1] - a[0], b[1] - b[0])


@pytest.mark.parametrize("index", range(len(seed_gold())))
def test_seed_gold_quote_found_with_its_speaker(seed_analysis, index):
    from evaluation.quotes import match_span

    gold = seed_gold()[index]
    found = [q for q in seed_analysis.quotes if overlap_share(match_span(q), gold["span"]) >= 0.5]
    assert found, f"gold {gold['kind']} quote at {gold['span']} not found"
    quote = found[0]
    assert quote.kind == gold["kind"]
    names = [gold["speaker"]["at"], *gold["speaker"]["refs"]]
    assert any(min(quote.speaker_span[1], e) > max(quote.speaker_span[0], s) for s, e in names)


def test_seed_has_no_quote_beyond_the_gold(seed_analysis):
    assert len(seed_analysis.quotes) == len(seed_gold())


def test_seed_split_quotes_continue_each_other(seed_analysis):
    direct = [q for q in seed_analysis.quotes if q.kind == "direct"]
    continued = {q.continues for q in direct if q.continues}
    assert len(continued) == 2  # Mattis's second passage continues his first, Frolov's likewise
    for quote in direct:
        if quote.continues:
            first = next(q for q in direct if q.id == quote.continues)
            assert first.speaker == quote.speaker and first.speaker is not None


# --- issue 8: one record per span, no document speakers, credits are never quoted --------------------


@pytest.mark.parametrize("text, quoted", [
    ("Officials said they were still “considering” the request.", ["considering"]),
    ("The mayor said the plan was “far too relaxed” and would be “revisited soon”.", ["far too relaxed", "revisited soon"]),
    ("Lund told reporters that the recount had been “a fair process” from the start.", ["a fair process"]),
])
def test_a_partial_quote_inside_a_reported_clause_is_one_record(quotes_of, text, quoted):
    _, quotes = quotes_of(text)
    quote = one(quotes)
    assert quote.kind == "partial"
    assert [text[s:e] for s, e in quote.quoted] == quoted
    assert all(quote.start <= s and e <= quote.end for s, e in quote.quoted)


@pytest.mark.parametrize("text, document", [
    ("According to a formula set by the council, fares will rise by 3 percent next year.", "a formula"),
    ("The survey said that most residents want a second bridge.", "The survey"),
    ("According to exchange data, stocks of copper rose by 4,275 tonnes.", "exchange data"),
    ("The report said the river had flooded twice since March.", "The report"),
])
def test_a_document_is_never_a_speaker(quotes_of, text, document):
    _, quotes = quotes_of(text)
    assert not [q for q in quotes if q.speaker_text and document in q.speaker_text], quotes


@pytest.mark.parametrize("text, issuer", [
    ("A report by the Health Agency said infections fell last winter.", "Health Agency"),
    ("According to a statement from Larkspur Bank, the branch will close in May.", "Larkspur Bank"),
])
def test_a_document_with_a_named_issuer_speaks_for_the_issuer(quotes_of, text, issuer):
    _, quotes = quotes_of(text)
    quote = one(quotes)
    assert issuer in quote.speaker_text


@pytest.mark.parametrize("text", [
    "“We will rebuild the bridge before winter, and nobody will pay more for it.\n\n*By Jane Roe, Herald staff*\n\nThe council met on Monday.",
    "“We will rebuild the bridge before winter, and nobody will pay more for it.\n\nBy Jane Roe and Tom Baker\n\nThe council met on Monday.",
    "“The reef is bleaching faster than we feared.\nPhoto: Coralline Institute of Marine Science\n\nAround 41 percent of the reefs were affected.",
])
def test_bylines_and_credits_are_never_quote_content(quotes_of, text):
    _, quotes = quotes_of(text)
    for quote in quotes:
        assert "By " not in quote.text and "Photo" not in quote.text, quote.text
