"""The entity rules on hand-built Docs: one general rule per case, no model involved."""

from __future__ import annotations

import pytest

from presslens.entities import mentions_and_actors, refine_entities
from presslens.entities.boilerplate import boilerplate_spans
from presslens.entities.metonymy import is_metonym

from ..handmade import make_doc


def ents(spec: str) -> list[tuple[str, str, str | None]]:
    doc = refine_entities(make_doc(spec))
    return [(e.text, e.label_, e._.role) for e in doc.ents]


@pytest.mark.parametrize(
    "spec, expected",
    [
        # a title before the name is its role, not part of it
        ("met/VBD with/IN President/NNP Donald/NNP/B-PERSON Trump/NNP/I-PERSON",
         [("Donald Trump", "PERSON", "President")]),
        # ... also when the model read the title as part of the name
        ("met/VBD with/IN President/NNP/B-PERSON Donald/NNP/I-PERSON Trump/NNP/I-PERSON",
         [("Donald Trump", "PERSON", "President")]),
        # "<Title> of <Portfolio>": the model's ORG "Defense Jim Mattis" is a person with a role
        ("Secretary/NNP of/IN Defense/NNP/B-ORG Jim/NNP/I-ORG Mattis/NNP/I-ORG said/VBD",
         [("Jim Mattis", "PERSON", "Secretary of Defense")]),
        # nationality stays a NORP mention; the portfolio word is part of the title, not an ORG
        ("him/PRP and/CC Russian/JJ/B-NORP Defense/NNP/B-ORG Minister/NNP Sergei/NNP/B-PERSON Shoigu/NNP/I-PERSON",
         [("Russian", "NORP", None), ("Sergei Shoigu", "PERSON", "Russian Defense Minister")]),
        # a lowercase noun before a name is a false title, with its modifiers and complement
        ("former/JJ Soviet/JJ/B-NORP and/CC Russian/JJ/B-NORP diplomat/NN to/IN the/DT U.S./NNP/B-GPE "
         "Vladimir/NNP/B-PERSON Frolov/NNP/I-PERSON told/VBD",
         [("Soviet", "NORP", None), ("Russian", "NORP", None), ("U.S.", "GPE", None),
          ("Vladimir Frolov", "PERSON", "former Soviet and Russian diplomat to the U.S.")]),
        ("veteran/JJ striker/NN Harry/NNP/B-PERSON Kane/NNP/I-PERSON scored/VBD",
         [("Harry Kane", "PERSON", "veteran striker")]),
        # a title makes a mistyped name a person
        ("said/VBD Senator/NNP Warren/NNP/B-ORG ./.", [("Warren", "PERSON", "Senator")]),
        # no role where there is none; a company named with a title word stays a company
        ("met/VBD with/IN Vladimir/NNP/B-PERSON Putin/NNP/I-PERSON", [("Vladimir Putin", "PERSON", None)]),
        ("General/NNP/B-ORG Motors/NNPS/I-ORG recalled/VBD cars/NNS", [("General Motors", "ORG", None)]),
        # a date before a name is not a role
        ("last/JJ/B-DATE week/NN/I-DATE Jim/NNP/B-PERSON Mattis/NNP/I-PERSON said/VBD",
         [("last week", "DATE", None), ("Jim Mattis", "PERSON", None)]),
    ],
)
def test_roles(spec, expected):
    assert ents(spec) == expected


@pytest.mark.parametrize(
    "spec, expected",
    [
        # possessive dropped
        ("propping/VBG up/RB Bashar/NNP/B-PERSON al/NNP/I-PERSON ~-/HYPH/I-PERSON ~Assad/NNP/I-PERSON "
         "~’s/POS/I-PERSON regime/NN", [("Bashar al-Assad", "PERSON", None)]),
        ("Russia/NNP/B-GPE ~'s/POS/I-GPE proposal/NN", [("Russia", "GPE", None)]),
        # a lowercase determiner is not part of the name; a capitalised "The" inside a sentence is
        ("such/JJ as/IN the/DT/B-ORG European/NNP/I-ORG Union/NNP/I-ORG", [("European Union", "ORG", None)]),
        ("described/VBN by/IN The/DT/B-ORG Wall/NNP/I-ORG Street/NNP/I-ORG Journal/NNP/I-ORG",
         [("The Wall Street Journal", "ORG", None)]),
        # an ordinal is a rank, not a mention; other values stay
        ("the/DT first/JJ/B-ORDINAL example/NN in/IN 2018/CD/B-DATE", [("2018", "DATE", None)]),
        # edge punctuation goes
        ("“/``/B-ORG ~Acme/NNP/I-ORG Corp/NNP/I-ORG ~”/''/I-ORG", [("Acme Corp", "ORG", None)]),
        # ... but a value's own symbols stay, and a sum takes back its currency sign
        ("rose/VBD 3/CD/B-PERCENT ~%/NN/I-PERCENT ./.", [("3%", "PERCENT", None)]),
        ("earn/VBP $/$ ~5/CD/B-MONEY a/DT day/NN", [("$5", "MONEY", None)]),
        ("paid/VBD $/$/B-MONEY ~5/CD/I-MONEY million/CD/I-MONEY", [("$5 million", "MONEY", None)]),
        ("the/DT $/$ 5/CD/B-MONEY fee/NN", [("5", "MONEY", None)]),  # a sign set apart is not glued on
    ],
)
def test_span_cleaning(spec, expected):
    assert ents(spec) == expected


@pytest.mark.parametrize(
    "spec, expected",
    [
        # a proper-noun chain with an organisation head, split by the model, becomes one ORG
        ("his/PRP$ Syrian/NNP/B-NORP Arab/NNP Army/NNP edges/VBZ closer/RBR", [("Syrian Arab Army", "ORG", None)]),
        ("the/DT Bank/NNP of/IN England/NNP/B-GPE raised/VBD rates/NNS", [("Bank of England", "ORG", None)]),
        ("along/IN the/DT Mekong/NNP River/NNP", [("Mekong River", "LOC", None)]),
        ("at/IN Heathrow/NNP/B-GPE Airport/NNP", [("Heathrow Airport", "FAC", None)]),
        # without a head word there is no evidence of a type: nothing is invented
        ("the/DT Arab/NNP Spring/NNP began/VBD", []),
        # the model's own full reading stands when the head is ambiguous ("Center" names organisations too)
        ("the/DT Pew/NNP/B-ORG Research/NNP/I-ORG Center/NNP/I-ORG found/VBD", [("Pew Research Center", "ORG", None)]),
        # lowercase-prefixed brand words are products, alone or heading a name
        ("sales/NNS of/IN the/DT iPhone/NNP/B-ORG rose/VBD", [("iPhone", "PRODUCT", None)]),
        ("the/DT iTunes/NNP/B-ORG Music/NNP/I-ORG Store/NNP/I-ORG", [("iTunes Music Store", "PRODUCT", None)]),
        ("an/DT eReader/NNP", [("eReader", "PRODUCT", None)]),
        # a person's name takes no article: "the Beatles" is a group
        ("with/IN the/DT Beatles/NNPS/B-PERSON", [("Beatles", "ORG", None)]),
        ("Steve/NNP/B-PERSON Jobs/NNPS/I-PERSON spoke/VBD", [("Steve Jobs", "PERSON", None)]),
        # a surname the model missed after the full name was found
        ("Theresa/NNP/B-PERSON May/NNP/I-PERSON spoke/VBD ./. May/NNP told/VBD in/IN May/NNP/B-DATE",
         [("Theresa May", "PERSON", None), ("May", "PERSON", None), ("May", "DATE", None)]),
        # a spaced dash separates two names
        ("in/IN Paris/NNP/B-GPE —/: Renault/NNP/I-GPE", [("Paris", "GPE", None), ("Renault", "GPE", None)]),
    ],
)
def test_recovered_and_retyped_names(spec, expected):
    assert ents(spec) == expected


def test_a_brand_that_acts_like_a_company_stays_a_company():
    doc = refine_entities(make_doc("eBay/NNP/B-ORG/nsubj>1 said/VBD/ROOT>1/=say profits/NNS/dobj>1"))
    assert [(e.text, e.label_) for e in doc.ents] == [("eBay", "ORG")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at bkew@example.com.", ["whole"]),
        ("Follow us on Instagram", ["whole"]),
        ("Reporting by John Smith; Editing by Mary Jones", ["whole"]),
        ("Additional reporting by Ann Lee in Paris", ["whole"]),
        ("By Jane Doe and Tom Roe", ["whole"]),
        ("Copyright 2018 The Associated Press. All rights reserved.", ["whole"]),
        ("Contact the newsroom at tips@example.com", ["whole"]),
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday.", ["WASHINGTON (Reuters) -"]),
        ("(AP) — Rescuers searched the rubble.", ["(AP) —"]),
        # story text that merely resembles an author line
        ("By the end of the year, prices had risen sharply in every province of the country.", []),
        ("Trump wrote on Twitter that he would follow the advice of his generals.", []),
        ("Officials said they would follow the plan.", []),
    ],
)
def test_boilerplate_lines(text, expected):
    story = "The council met on Monday.\n"
    spans = boilerplate_spans(story + text)
    found = [(story + text)[s:e] for s, e in spans]
    assert found == [text if x == "whole" else x for x in expected]


def test_entities_inside_boilerplate_are_not_story_mentions():
    doc = refine_entities(make_doc(
        "Putin/NNP/B-PERSON spoke/VBD ./. ⏎/_SP Follow/VB/B-PERSON Ben/NNP/I-PERSON Kew/NNP/I-PERSON "
        "on/IN Twitter/NNP/B-ORG ./."
    ))
    assert [e.text for e in doc.ents] == ["Putin"]
    assert doc._.boilerplate == [(doc.text.index("Follow"), len(doc.text))]


@pytest.mark.parametrize(
    "spec, index, expected",
    [
        # possessor, subject, object of a verb, object of a non-locative preposition: the government
        ("Moscow/NNP/B-GPE/poss>2 ~’s/POS/case>0 proposals/NNS/ROOT>2", 0, True),
        ("Washington/NNP/B-GPE/nsubj>1 refused/VBD/ROOT>1", 0, True),
        ("to/TO/aux>1 draw/VB/ROOT>1 Washington/NNP/B-GPE/dobj>1 in/RB/prt>1", 2, True),
        ("talks/NNS/ROOT>0 with/IN/prep>0 Beijing/NNP/B-GPE/pobj>1", 2, True),
        ("a/DT/det>1 plan/NN/ROOT>1 backed/VBN/acl>1 by/IN/agent>2 London/NNP/B-GPE/pobj>3", 4, True),
        # after a locative preposition, or as a modifier, it is the place
        ("officials/NNS/ROOT>0 in/IN/prep>0 Washington/NNP/B-GPE/pobj>1", 2, False),
        ("flew/VBD/ROOT>0 to/IN/prep>0 Moscow/NNP/B-GPE/pobj>1", 2, False),
        ("Washington/NNP/B-GPE/compound>1 officials/NNS/ROOT>1", 0, False),
        # a city that is not a capital is never a metonym here
        ("Chicago/NNP/B-GPE/nsubj>1 voted/VBD/ROOT>1", 0, False),
    ],
)
def test_capital_metonymy_from_syntax(spec, index, expected):
    doc = make_doc(spec)
    span = next(e for e in doc.ents if e.start == index)
    assert is_metonym(span) is expected


def actors_of(spec: str) -> tuple[list, list]:
    mentions, actors = mentions_and_actors(refine_entities(make_doc(spec)))
    return mentions, actors


def named(actors) -> list[tuple[str, str, list[str]]]:
    return [(a.name, a.type, a.aliases) for a in actors]


@pytest.mark.parametrize(
    "spec, expected",
    [
        # surname <-> full name; one type voted over all mentions (the model read "Trump" as ORG)
        ("President/NNP Donald/NNP/B-PERSON Trump/NNP/I-PERSON met/VBD ./. Trump/NNP/B-ORG ~’s/POS meeting/NN",
         [("Donald Trump", "PERSON", ["Donald Trump", "Trump"])]),
        ("Mattis/NNP/B-NORP told/VBD Jim/NNP/B-PERSON Mattis/NNP/I-PERSON",
         [("Jim Mattis", "PERSON", ["Mattis", "Jim Mattis"])]),
        ("Bashar/NNP/B-PERSON al/NNP/I-PERSON ~-/HYPH/I-PERSON ~Assad/NNP/I-PERSON ruled/VBD ;/: Assad/NNP/B-PERSON won/VBD",
         [("Bashar al-Assad", "PERSON", ["Bashar al-Assad", "Assad"])]),
        # initialism <-> full name, the determiner handled the same way everywhere
        ("the/DT/B-GPE United/NNP/I-GPE States/NNP/I-GPE and/CC the/DT U.S./NNP/B-GPE",
         [("United States", "GPE", ["United States", "U.S."])]),
        ("the/DT European/NNP/B-ORG Union/NNP/I-ORG ;/: the/DT EU/NNP/B-ORG",
         [("European Union", "ORG", ["European Union", "EU"])]),
        # head word <-> full name of an organisation; a company's bare name <-> its registered form
        ("by/IN The/DT/B-ORG Wall/NNP/I-ORG Street/NNP/I-ORG Journal/NNP/I-ORG told/VBD the/DT Journal/NNP/B-ORG",
         [("The Wall Street Journal", "ORG", ["The Wall Street Journal", "Journal"])]),
        ("Apple/NNP/B-ORG Inc./NNP/I-ORG said/VBD Apple/NNP/B-ORG",
         [("Apple Inc.", "ORG", ["Apple Inc.", "Apple"])]),
        # no false joins: a shared first name, a place that is also a surname, a nationality vs its country
        ("Vladimir/NNP/B-PERSON Putin/NNP/I-PERSON and/CC Vladimir/NNP/B-PERSON Frolov/NNP/I-PERSON",
         [("Vladimir Putin", "PERSON", ["Vladimir Putin"]), ("Vladimir Frolov", "PERSON", ["Vladimir Frolov"])]),
        ("George/NNP/B-PERSON Washington/NNP/I-PERSON ;/: in/IN Washington/NNP/B-GPE",
         [("George Washington", "PERSON", ["George Washington"]), ("Washington", "GPE", ["Washington"])]),
        ("Russian/JJ/B-NORP troops/NNS left/VBD Russia/NNP/B-GPE ;/: Russian/JJ/B-NORP",
         # the nationality and its country stay two actors; "Russian troops" is a group actor of its own
         [("Russian", "NORP", ["Russian"]), ("Russia", "GPE", ["Russia"]), ("Russian troops", "NORP", ["Russian troops"])]),
    ],
)
def test_actors_joined(spec, expected):
    _, actors = actors_of(spec)
    assert sorted(named(actors)) == sorted(expected)


def test_an_ambiguous_surname_joins_the_most_recent_full_name():
    mentions, actors = actors_of(
        "John/NNP/B-PERSON Smith/NNP/I-PERSON met/VBD Mary/NNP/B-PERSON Smith/NNP/I-PERSON ./. Smith/NNP/B-PERSON left/VBD"
    )
    mary = next(a for a in actors if a.name == "Mary Smith")
    assert mentions[-1].id in mary.mentions and len(actors) == 2


def test_mentions_take_their_actors_type_and_values_have_no_actor():
    mentions, actors = actors_of(
        "Donald/NNP/B-PERSON Trump/NNP/I-PERSON spoke/VBD on/IN Monday/NNP/B-DATE ;/: Trump/NNP/B-ORG left/VBD"
    )
    assert [(m.text, m.label, m.actor is None) for m in mentions] == [
        ("Donald Trump", "PERSON", False), ("Monday", "DATE", True), ("Trump", "PERSON", False),
    ]
    assert actors[0].mentions == ["m1", "m3"]


def test_metonym_keeps_its_own_actor_and_links_the_country():
    mentions, actors = actors_of(
        "Russia/NNP/B-GPE/nsubj>1 spoke/VBD/ROOT>1 ;/:/punct>1 Moscow/NNP/B-GPE/poss>5 ~’s/POS/case>3 "
        "plan/NN/nsubj>6 failed/VBD/ROOT>6 in/IN/prep>6 Moscow/NNP/B-GPE/pobj>7"
    )
    by_name = {a.name: a for a in actors}
    moscow = [m for m in mentions if m.text == "Moscow"]
    assert [m.stands_for for m in moscow] == [by_name["Russia"].id, None]
    assert {m.actor for m in moscow} == {by_name["Moscow"].id}


def test_metonym_without_its_country_in_the_text_links_nothing():
    mentions, _ = actors_of("Washington/NNP/B-GPE/nsubj>1 refused/VBD/ROOT>1")
    assert mentions[0].stands_for is None


def test_running_the_rules_twice_changes_nothing():
    doc = make_doc("met/VBD with/IN President/NNP/B-PERSON Donald/NNP/I-PERSON Trump/NNP/I-PERSON")
    once = [(e.start, e.end, e.label_) for e in refine_entities(doc).ents]
    assert [(e.start, e.end, e.label_) for e in refine_entities(doc).ents] == once
