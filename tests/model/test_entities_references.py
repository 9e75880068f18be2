"""Nationality links, group actors and pronoun links (presslens/entities/references.py), and the scorers of
actor clustering, table-driven on sentences written for these tests, with the real model."""

from __future__ import annotations

import pytest

from presslens.analysis import analyze
from presslens.article import Article
from presslens.entities.component import families_disabled
from presslens.entities.references import country_names, quotations
from evaluation.clusters import bcubed, pronoun_links


def _analysis(nlp, text):
    return analyze(Article(id="t", text=text), nlp=nlp)


def _actor_name(analysis, actor_id):
    return next((a.name for a in analysis.actors if a.id == actor_id), None)


# -- nationality words -> their country ------------------------------------------------------------

@pytest.mark.parametrize(
    "word, country",
    [("Russian", "Russia"), ("Russians", "Russia"), ("American", "United States"), ("Britons", "United Kingdom"),
     ("Chinese", "China"), ("Filipino", "Philippines"), ("Martian", None)],
)
def test_country_names_of_a_nationality_word(word, country):
    names = country_names(word)
    assert (country in names) if country else names == ()


@pytest.mark.model
@pytest.mark.parametrize(
    "text, word, country",
    [
        ("Russia said on Monday that Russian troops had left the border town.", "Russian", "Russia"),
        ("Ukraine rejected the offer. Ukrainian negotiators walked out of the talks in Geneva.", "Ukrainian", "Ukraine"),
        ("Polish farmers blocked the roads near Warsaw on Friday.", "Polish", None),  # Poland is not named
    ],
)
def test_nationality_stands_for_the_named_country(nlp, text, word, country):
    a = _analysis(nlp, text)
    mention = next(m for m in a.mentions if m.text == word and m.kind == "name")
    assert _actor_name(a, mention.stands_for) == country


# -- groups ------------------------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize(
    "text, phrase, country",
    [
        ("According to Russian authorities, the convoy reached Aleppo. Russia gave no figures.", "Russian authorities", "Russia"),
        ("U.S. officials declined to comment on the plan, which the United States drafted.", "U.S. officials", "United States"),
        ("Greek lawmakers approved the budget late on Thursday in Athens.", "Greek lawmakers", None),
    ],
)
def test_group_phrase_is_its_own_actor_linked_to_the_country(nlp, text, phrase, country):
    a = _analysis(nlp, text)
    group = next(m for m in a.mentions if m.kind == "group")
    assert phrase.endswith(" " + group.text) and text[group.start:group.end] == group.text
    assert _actor_name(a, group.actor) == phrase
    assert _actor_name(a, group.stands_for) == country
    # the nationality or country before it is still its own name mention
    lead = next(m for m in a.mentions if m.kind == "name" and m.text == phrase.split()[0])
    assert text[lead.start:group.end] == phrase


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Dutch cheese sold well at the market in Utrecht.", "The officials said the bridge would reopen."],
)
def test_no_group_without_a_nationality_and_a_group_noun(nlp, text):
    assert not [m for m in _analysis(nlp, text).mentions if m.kind == "group"]


# -- pronouns ----------------------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize(
    "text, pronoun, person",
    [
        # the only person in reach
        ("Anna Keller joined the firm in 2019. She now leads its research unit.", "She", "Anna Keller"),
        # gender from a courtesy title and a given name picks one of two people
        ("Mr. Webb met Maria Lund in Oslo on Tuesday. Afterwards he said the talks had gone well.", "he", "Webb"),
        ("Thomas Berg thanked Sarah Vinter, and she smiled.", "she", "Sarah Vinter"),
        # a name inside a quotation is out of reach from outside it
        ("Carl Boone runs the museum. \"We built this wing when Frank Lloyd Wright was alive,\" he said.", "he", "Carl Boone"),
        # inside a quotation, its speaker is "I", so "she" is the other person
        ("Lucy Barr remembered her friend Irene Holt on Monday. \"She was proud of the bridge,\" Barr said.", "She", "Irene Holt"),
    ],
)
def test_pronoun_linked_to_the_person_it_refers_to(nlp, text, pronoun, person):
    a = _analysis(nlp, text)
    found = [m for m in a.mentions if m.kind == "pronoun" and m.text == pronoun]
    assert len(found) == 1 and _actor_name(a, found[0].actor).endswith(person)
    actor = next(x for x in a.actors if x.id == found[0].actor)
    assert found[0].id in actor.mentions and pronoun not in actor.aliases


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The company said it would hire staff. He was not named.",  # no person at all
        "Peter Hall told reporters that Simon Grey had resigned. He declined to say more.",  # two men, no way to tell
        "Anna Keller met the minister on Monday. He praised the plan.",  # the only person is a woman
    ],
)
def test_no_pronoun_link_when_unsure(nlp, text):
    assert not [m for m in _analysis(nlp, text).mentions if m.kind == "pronoun"]


@pytest.mark.model
def test_names_never_overlap_and_every_mention_is_its_text(nlp):
    text = "According to Russian authorities, Ivan Petrov left Moscow. He said Russia would respond."
    a = _analysis(nlp, text)
    names = [m for m in a.mentions if m.kind == "name"]
    assert all(x.end <= y.start for x, y in zip(names, names[1:]))
    assert all(text[m.start:m.end] == m.text for m in a.mentions)
    assert [m.id for m in a.mentions] == [f"m{n}" for n in range(1, len(a.mentions) + 1)]
    assert {m.kind for m in a.mentions} == {"name", "group", "pronoun"}


# -- quotations, scorers, ablation switch -----------------------------------------------------------

@pytest.mark.parametrize(
    "text, inside",
    [
        ('He said "yes" and left.', ["yes"]),
        ("“One,” she said. “Two.”", ["One,", "Two."]),
        ('"Runs on\nNext', ["Runs on"]),  # an unclosed quote ends with its paragraph
        ("No quotes here.", []),
    ],
)
def test_quotations(text, inside):
    assert [text[s:e] for s, e in quotations(text)] == inside


@pytest.mark.parametrize(
    "gold, response, expected",
    [
        ({(0, 1): "A", (2, 3): "A"}, {(0, 1): "x", (2, 3): "x"}, (1.0, 1.0)),
        ({(0, 1): "A", (2, 3): "A"}, {(0, 1): "x", (2, 3): "y"}, (1.0, 0.5)),
        ({(0, 1): "A", (2, 3): "B"}, {(0, 1): "x", (2, 3): "x"}, (0.5, 1.0)),
        ({(0, 1): "A", (2, 3): "A"}, {(0, 1): "x"}, (1.0, 0.5)),  # a missed mention is a singleton
    ],
)
def test_bcubed(gold, response, expected):
    p, r, _ = bcubed(gold, response)
    assert (round(p, 3), round(r, 3)) == expected


def test_pronoun_links_map_our_actor_to_the_gold_actor():
    gold_named, ours_named = {(0, 4): "Anna", (10, 14): "Ben"}, {(0, 4): "a1", (10, 14): "a2"}
    score = pronoun_links(gold_named, ours_named, {(20, 23): "Anna", (30, 32): "Ben"}, {(20, 23): "a1", (30, 32): "a1"})
    assert (score.tp, score.predicted, score.gold) == (1, 2, 2)


def test_unknown_rule_family_is_refused():
    with pytest.raises(ValueError, match="unknown rule families"):
        with families_disabled("no_such_rule"):
            pass
