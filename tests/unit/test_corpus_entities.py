"""Cross-article entity linking: table-driven over analyses built by hand from sentences written here."""

from __future__ import annotations

import pytest

from presslens.corpus.entities import Correction, link_entities, mention_entities
from tests.corpus_fixtures import actor, analysis

PUTIN_FULL = analysis("ru1", "Vladimir Putin met Iranian officials. Putin said the talks went well.",
                      [actor("Vladimir Putin", "PERSON", "Putin", roles=("Russian President",))])
PUTIN_SHORT = analysis("ru2", "Putin will travel to Helsinki.", [actor("Putin", "PERSON"), actor("Helsinki", "GPE")])
PUTIN_LONG = analysis("ru3", "Vladimir Vladimirovich Putin was sworn in. Vladimir Putin spoke after.",
                      [actor("Vladimir Vladimirovich Putin", "PERSON", "Vladimir Putin")])
EU_FULL = analysis("eu1", "The European Union imposed sanctions.", [actor("European Union", "ORG")])
EU_SHORT = analysis("eu2", "The EU said Putin must answer.", [actor("EU", "ORG"), actor("Putin", "PERSON")])
BORIS = analysis("uk1", "Prime Minister Boris Johnson spoke in the Conservative Party conference. Johnson smiled.",
                 [actor("Boris Johnson", "PERSON", "Johnson", roles=("Prime Minister",)),
                  actor("Conservative Party", "ORG")])
DUSTIN = analysis("golf1", "Dustin Johnson won the Masters at Augusta. Johnson shot 65.",
                  [actor("Dustin Johnson", "PERSON", "Johnson"), actor("Masters", "EVENT"), actor("Augusta", "GPE")])
JOHNSON_BARE = analysis("x1", "Johnson declined to comment.", [actor("Johnson", "PERSON")])
JOHNSON_BARE2 = analysis("x2", "Johnson was not available.", [actor("Johnson", "PERSON")])
JOHNSON_PM = analysis("uk2", "The Prime Minister, Johnson, said the deal was done.",
                      [actor("Johnson", "PERSON", roles=("Prime Minister",))])
JOHNSON_GOLF = analysis("golf2", "Johnson leads at Augusta after two rounds.",
                        [actor("Johnson", "PERSON"), actor("Augusta", "GPE")])
APPLE_INC = analysis("ap1", "Apple Inc. reported record sales. Apple said demand was strong.",
                     [actor("Apple Inc.", "ORG", "Apple")])
APPLE_BARE = analysis("ap2", "Apple unveiled a new phone.", [actor("Apple", "ORG")])
APPLE_CORPS = analysis("ap3", "Apple Corps, the Beatles' company, sued. Apple Corps lost.", [actor("Apple Corps", "ORG")])
RUSSIANS = analysis("n1", "Russians voted on Sunday in Russia.", [actor("Russians", "NORP"), actor("Russia", "GPE")])
RUSSIAN = analysis("n2", "Russian officials denied it.", [actor("Russian", "NORP")])
JOBS_MIDDLE = analysis("j1", "Steven P. Jobs founded the company.", [actor("Steven P. Jobs", "PERSON")])
JOBS_PLAIN = analysis("j2", "Steven Jobs returned to the company.", [actor("Steven Jobs", "PERSON")])
WASHINGTON_MAN = analysis("w1", "Denzel Washington won an award.", [actor("Denzel Washington", "PERSON", "Washington")])
WASHINGTON_CITY = analysis("w2", "Washington imposed tariffs.", [actor("Washington", "GPE")])
US_FULL = analysis("us1", "The United States and the U.S. Congress agreed.",
                   [actor("United States", "GPE", "U.S."), actor("U.S. Congress", "ORG")])
US_SHORT = analysis("us2", "The U.S. responded.", [actor("U.S.", "GPE")])
US_MISTYPED = analysis("us3", "Officials in the United States agreed.", [actor("United States", "ORG")])


def together(index, a, b) -> bool:
    (ra, na), (rb, nb) = a, b
    ea = index.entity_of(ra.article.id, next(x.id for x in ra.actors if x.name == na))
    eb = index.entity_of(rb.article.id, next(x.id for x in rb.actors if x.name == nb))
    return ea == eb


CASES = [
    # (why, corpus, actor a, actor b, joined?)
    ("full name across articles", [PUTIN_FULL, EU_SHORT, PUTIN_LONG], (PUTIN_FULL, "Vladimir Putin"), (PUTIN_LONG, "Vladimir Vladimirovich Putin"), True),
    ("surname joins the one person who has it", [PUTIN_FULL, PUTIN_SHORT], (PUTIN_FULL, "Vladimir Putin"), (PUTIN_SHORT, "Putin"), True),
    ("initialism joins the name it abbreviates", [EU_FULL, EU_SHORT], (EU_FULL, "European Union"), (EU_SHORT, "EU"), True),
    ("an initialism never joins a person", [EU_FULL, EU_SHORT], (EU_SHORT, "EU"), (EU_SHORT, "Putin"), False),
    ("two people sharing a surname stay apart", [BORIS, DUSTIN], (BORIS, "Boris Johnson"), (DUSTIN, "Dustin Johnson"), False),
    ("a bare shared surname joins neither (1)", [BORIS, DUSTIN, JOHNSON_BARE], (JOHNSON_BARE, "Johnson"), (BORIS, "Boris Johnson"), False),
    ("a bare shared surname joins neither (2)", [BORIS, DUSTIN, JOHNSON_BARE], (JOHNSON_BARE, "Johnson"), (DUSTIN, "Dustin Johnson"), False),
    ("two bare shared surnames stay apart", [BORIS, DUSTIN, JOHNSON_BARE, JOHNSON_BARE2], (JOHNSON_BARE, "Johnson"), (JOHNSON_BARE2, "Johnson"), False),
    ("a shared role decides between two Johnsons", [BORIS, DUSTIN, JOHNSON_PM], (JOHNSON_PM, "Johnson"), (BORIS, "Boris Johnson"), True),
    ("a co-occurring place decides between two Johnsons", [BORIS, DUSTIN, JOHNSON_GOLF], (JOHNSON_GOLF, "Johnson"), (DUSTIN, "Dustin Johnson"), True),
    ("bare surnames with no full name in the corpus are one name", [JOHNSON_BARE, JOHNSON_BARE2], (JOHNSON_BARE, "Johnson"), (JOHNSON_BARE2, "Johnson"), True),
    ("a company suffix does not change the company", [APPLE_INC, APPLE_BARE, APPLE_CORPS], (APPLE_INC, "Apple Inc."), (APPLE_BARE, "Apple"), True),
    ("Apple Corps is not Apple Inc.", [APPLE_INC, APPLE_BARE, APPLE_CORPS], (APPLE_INC, "Apple Inc."), (APPLE_CORPS, "Apple Corps"), False),
    ("a nationality in singular and plural", [RUSSIANS, RUSSIAN], (RUSSIANS, "Russians"), (RUSSIAN, "Russian"), True),
    ("a nationality is not its country", [RUSSIANS, RUSSIAN], (RUSSIANS, "Russians"), (RUSSIANS, "Russia"), False),
    ("a middle initial does not change the person", [JOBS_MIDDLE, JOBS_PLAIN], (JOBS_MIDDLE, "Steven P. Jobs"), (JOBS_PLAIN, "Steven Jobs"), True),
    ("a place is not a person of that surname", [WASHINGTON_MAN, WASHINGTON_CITY], (WASHINGTON_MAN, "Denzel Washington"), (WASHINGTON_CITY, "Washington"), False),
    ("a dotted initialism joins its full name", [US_FULL, US_SHORT], (US_FULL, "United States"), (US_SHORT, "U.S."), True),
    ("a multi-word name typed differently is one name", [US_FULL, US_MISTYPED], (US_FULL, "United States"), (US_MISTYPED, "United States"), True),
    ("a longer name is not its shorter organisation", [US_FULL, US_SHORT], (US_FULL, "U.S. Congress"), (US_SHORT, "U.S."), False),
]


@pytest.mark.parametrize("why, corpus, a, b, joined", CASES, ids=[c[0] for c in CASES])
def test_linking_rules(why, corpus, a, b, joined):
    assert together(link_entities(corpus), a, b) is joined


def test_every_actor_gets_an_entity_and_counts_add_up():
    corpus = [PUTIN_FULL, PUTIN_SHORT, EU_FULL, EU_SHORT]
    index = link_entities(corpus)
    assert all(index.entity_of(a.article.id, x.id) for a in corpus for x in a.actors)
    putin = index.find("Putin")
    assert [e.name for e in putin] == ["Vladimir Putin"]
    assert putin[0].article_count == 3 and putin[0].mention_count == 4
    assert putin[0].type == "PERSON" and "Putin" in putin[0].aliases


def test_filter_is_exact_name_or_alias():
    index = link_entities([PUTIN_FULL, EU_FULL, EU_SHORT])
    assert {e.name for e in index.find("putin")} == {"Vladimir Putin"}
    assert {e.name for e in index.find("eu")} == {"European Union"}
    assert index.find("Pu") == [] and index.find("") == []


def test_ids_are_stable_across_order_and_reanalysis():
    first = link_entities([PUTIN_FULL, PUTIN_SHORT, BORIS, DUSTIN])
    # the same articles analysed again: other actor ids, other order
    again = [analysis(a.article.id, a.article.text, [
        actor(x.name, x.type, *[al for al in x.aliases if al != x.name], roles=tuple(x.roles)) for x in a.actors
    ], ids_from=7) for a in (DUSTIN, BORIS, PUTIN_SHORT, PUTIN_FULL)]
    second = link_entities(again)
    assert sorted(e.id for e in first.entities) == sorted(e.id for e in second.entities)
    assert {e.id: e.name for e in first.entities} == {e.id: e.name for e in second.entities}


def test_evidence_says_how_an_actor_joined():
    index = link_entities([BORIS, DUSTIN, JOHNSON_PM])
    boris = index.find("Boris Johnson")[0]
    assert "with context" in boris.evidence["uk2/a1"]


def test_a_bare_shared_surname_is_an_entity_of_its_own_article():
    index = link_entities([BORIS, DUSTIN, JOHNSON_BARE, JOHNSON_BARE2])
    bare = [e for e in index.entities if e.name == "Johnson"]
    assert len(bare) == 2 and len({e.id for e in bare}) == 2


def test_corrections_survive_reanalysis():
    corpus = [APPLE_INC, APPLE_BARE, APPLE_CORPS]
    fixes = [
        Correction("split", (("ap2", "Apple"),)),  # the reader says ap2's Apple is the Beatles' company
        Correction("merge", (("ap2", "Apple"), ("ap3", "Apple Corps"))),
    ]
    def check(index):
        assert not together(index, (APPLE_INC, "Apple Inc."), (APPLE_BARE, "Apple"))
        assert together(index, (APPLE_BARE, "Apple"), (APPLE_CORPS, "Apple Corps"))
        assert "merged by a reader" in index.find("Apple Corps")[0].evidence.values()
    check(link_entities(corpus, fixes))
    reanalysed = [analysis(a.article.id, a.article.text, [
        actor(x.name, x.type, *[al for al in x.aliases if al != x.name]) for x in a.actors], ids_from=4)
        for a in corpus]
    index = link_entities(reanalysed, fixes)
    a = {x.article.id: x for x in reanalysed}
    assert index.entity_of("ap2", a["ap2"].actors[0].id) == index.entity_of("ap3", a["ap3"].actors[0].id)
    assert index.entity_of("ap2", a["ap2"].actors[0].id) != index.entity_of("ap1", a["ap1"].actors[0].id)


def test_correction_round_trips_and_rejects_unknown_kinds():
    c = Correction("merge", (("a", "X"), ("b", "Y")))
    assert Correction.from_dict(c.to_dict()) == c
    with pytest.raises(ValueError, match="unknown correction"):
        Correction.from_dict({"kind": "delete", "actors": []})


def test_a_metonym_mention_counts_for_its_country():
    text = "Russia sent troops. Moscow said the troops would stay."
    a = analysis("m1", text, [actor("Russia", "GPE"), {**actor("Moscow", "GPE"), "stands_for": "Russia"}])
    index = link_entities([a, RUSSIANS])
    by_mention = mention_entities(a, index)
    russia = index.entity_of("m1", "a1")
    moscow = next(m for m in a.mentions if m.text == "Moscow")
    assert by_mention[moscow.id] == russia
    assert together(index, (a, "Russia"), (RUSSIANS, "Russia"))
