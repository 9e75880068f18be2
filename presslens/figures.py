"""Claimed figures: every quantity an article asserts, with what it counts, what is claimed of it, its
hedge, and who claims it.

`numbers` reads the quantities from the words; here the parse decides which are figures (not dates,
ranks, ages, clock times or parts of names), what they count, and the quote they are claimed in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .numbers import TIME_UNITS, Quantity, find_quantities
from .schema import Actor, Figure, Mention, Quote
from .sentences import sentence_spans
from .speakers import antecedent

# Entity labels whose numbers belong to a name ("iPhone 4", "WWDC 2005", "Windows 7").
NAME_LABELS = frozenset({"PRODUCT", "ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PERSON", "GPE", "NORP", "LANGUAGE"})
# Words before a number that make it a label, rank or position rather than an amount.
LABEL_WORDS = frozenset("""
    no no. # number version v model page chapter article section route flight room channel level phase
    season episode series generation gen grade top rank ranked
""".split())
AGE_WORDS = frozenset({"aged", "age"})
CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "et", "bst", "cet"})
DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "my", "your"})
# Years written as bare integers: a count in this range with no thousands separator is a date.
YEAR_RANGE = (1000, 2100)
# Longer claims are cut at their first comma or semicolon: the chart label must stay readable.
CLAIM_MAX_WORDS = 20
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Relations that lead from a quantity up to the verb it is said of ("priced at $199", "rose 5 percent").
# Nouns that are themselves a count, so a bare number said of them is a figure ("the toll rose to 56").
QUANTITY_NOUNS = frozenset("""
    toll number total count tally figure population score turnout attendance majority vote votes death deaths
    casualty casualties
""".split())
# Nouns naming an amount of money: "$500 million in revenue" is a figure of revenue.
MONEY_NOUNS = frozenset("""
    revenue revenues sale sales profit profits earning earnings income funding fund funds aid damage damages debt
    investment loan loans tax taxes fee fees asset assets saving savings cash loss losses donation donations
    bonus bonuses subsidy subsidies spending cost costs budget capital value
""".split())
# Movement words and their sign (data/en/change_words.tsv): Figure.change; the value stays unsigned.
CHANGE_WORDS = lexicon.table("change_words")
# Prepositions whose object is the level a movement starts from or a comparison, not the movement.
BASELINE_PREPS = frozenset({"from", "than", "since"})
# Words naming a market index: a bare number said of one is a level in points (data/en/index_words.txt).
INDEX_WORDS = lexicon.words("index_words")
POINTS = "points"
# A movement word this many heads up from the figure still governs it ("shot up 16 percent to ...").
CHANGE_CLIMB = 3
# A verb's dependents that belong to the claim's own clause (not coordinated or subordinate clauses).
CLAUSE_DEPS = frozenset({"prt", "prep", "dobj", "attr", "acomp", "npadvmod", "advmod", "oprd", "agent", "dative",
                         "xcomp", "dep", "quantmod", "nummod"})
CLIMB_DEPS = frozenset({"pobj", "prep", "dobj", "attr", "npadvmod", "advmod", "acomp", "quantmod", "nummod",
                        "appos", "conj", "oprd", "amod", "compound", "nmod"})


def find_figures(doc: Doc, mentions: list[Mention], actors: list[Actor], quotes: list[Quote]) -> list[Figure]:
    """The claimed figures of a parsed article, in text order."""
    figures, sentences, text = [], sentence_spans(doc), doc.text
    sentence_starts = [s for s, _ in sentences]
    dates = _date_entities(doc)
    quote_index = QuoteIndex(quotes)
    for quantity in find_quantities([t.text for t in doc]):
        span = doc[quantity.start : quantity.end]
        if not _is_figure(doc, quantity, span, dates):
            continue
        counted = _counted_noun(span) if quantity.kind == "count" else None
        subject = _subject(span, counted, quantity)
        previous = figures[-1] if figures else None
        if previous is not None and text[previous.end : span.start_char].strip() == "(":
            # "less than 3 lbs (1.36 kg)": a conversion in brackets restates the figure before it
            subject = subject if previous.subject_span is None else doc.char_span(*previous.subject_span)
            quantity = replace(quantity, qualifier=quantity.qualifier or previous.qualifier)
        if quantity.kind == "count" and counted is None and not _bare_count_says_something(span, subject):
            continue  # "was 56", a stray "one": nothing says what is counted
        quote = quote_index.holding(span.start_char, span.end_char)
        unit = quantity.unit or (_unit_name(counted) if counted is not None else None)
        kind = quantity.kind
        if quantity.kind == "count" and (unit == "point" or (unit is None and _names_an_index(subject))):
            unit, kind = POINTS, "measure"  # "18,104.10 points", "the Dow stood at 18,104.10": a level, not a count
            if counted is not None:
                subject = _clause_subject(span) or subject  # what stands at so many points: "the Dow"
        figures.append(Figure(
            id=f"f{len(figures) + 1}",
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            value=quantity.value,
            unit=unit,
            qualifier=quantity.qualifier,
            subject=subject.text if subject is not None else None,
            claimant=quote.speaker if quote else None,
            claimant_text=quote.speaker_text if quote else None,
            sentence=_sentence_of(sentences, sentence_starts, span.start_char),
            claim=_claim(span, counted),
            value_high=quantity.high,
            subject_span=[subject.start_char, subject.end_char] if subject is not None else None,
            claimant_span=quote.speaker_span if quote else None,
            quote=quote.id if quote else None,
            kind=kind,
            change=_change(span, quantity),
        ))
    return figures


def _change(span: Span, quantity: Quantity) -> str | None:
    """+ or - when the figure is reported with a rise or a fall ("rose 3%", "down 0.4 percent", "fell to
    16.9", "a 24 percent cut"), as its size or as the level reached; None for a level or a starting point."""
    doc = span.doc
    root = _root(span)
    if root.dep_ == "pobj" and root.head.lower_ in BASELINE_PREPS:
        return None  # "down from 18.2 percent": where the movement started
    first = quantity.qualifier_start if quantity.qualifier_start is not None else span.start
    before = doc[first - 1] if first else None
    if before is not None and before.lower_ in ("up", "down", "off"):
        return CHANGE_WORDS[before.lower_]  # "down 0.4 percent"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("higher", "lower", "up", "down"):
        return CHANGE_WORDS[after.lower_]  # "3 percent higher"
    token = root
    for _ in range(CHANGE_CLIMB):
        if token.head.i == token.i or token.dep_ not in CLIMB_DEPS:
            break
        token = token.head
        if token.dep_ == "pobj" and token.head.lower_ in BASELINE_PREPS:
            return None
        sign = _sign_of(token)
        if sign is not None:
            return sign
        if token.pos_ in ("VERB", "AUX"):
            break
    return None


def _sign_of(token: Token) -> str | None:
    """The sign a movement word gives: its lemma, or a verb's particle ("shot up", "went down")."""
    if token.pos_ in ("VERB", "NOUN"):
        sign = CHANGE_WORDS.get(token.lemma_.lower())
        if sign is not None:
            return sign
    if token.pos_ in ("VERB", "AUX"):
        particle = next((c for c in token.children if c.dep_ == "prt" and c.lower_ in ("up", "down")), None)
        if particle is not None:
            return CHANGE_WORDS[particle.lower_]
    return None


def _clause_subject(span: Span) -> Span | None:
    """The subject of the verb a figure hangs from ("the Dow" in "the Dow stood at 18,104.10 points")."""
    verb = _governing_verb(_root(span))
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    return _noun_phrase(antecedent(subject), exclude=span) if subject is not None else None


def _names_an_index(subject: Span | None) -> bool:
    return subject is not None and any(t.lower_ in INDEX_WORDS for t in subject)


class QuoteIndex:
    """The quotes holding a figure, found by offset (quotes sorted by start; the innermost wins)."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = sorted((q for q in quotes if q.speaker or q.speaker_text), key=lambda q: q.start)
        self._starts = [q.start for q in self.quotes]
        self._longest = max((q.end - q.start for q in self.quotes), default=0)

    def holding(self, start: int, end: int) -> Quote | None:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, start)
        holding = [q for q in self.quotes[lo:hi] if q.start <= start and end <= q.end]
        return min(holding, key=lambda q: q.end - q.start, default=None)


def _is_figure(doc: Doc, q: Quantity, span: Span, dates: dict[int, Span]) -> bool:
    """Dates, durations, ages, clock times, ranks and numbers inside names are not claimed figures."""
    before = doc[q.start - 1].lower_ if q.start else ""
    if before == "." and q.start >= 2:
        before = doc[q.start - 2].lower_ + "."  # "No . 1"
    after = doc[q.end].lower_ if q.end < len(doc) else ""
    if before in LABEL_WORDS or before in AGE_WORDS or after in CLOCK_WORDS:
        return False
    if q.start >= 2 and doc[q.start - 2].lower_ == "age" and before == "of":
        return False
    if len(span) == 1 and span[0].lower_ in ("one", "a", "an"):
        return False  # "one of the founders": a pronoun more often than a count
    if q.unit in TIME_UNITS and not _measures_something(doc, q.end):
        return False
    if q.kind != "percent" and any(t.ent_type_ == "ORDINAL" for t in span):
        return False  # "third", but not "a third of"
    if any(t.ent_type_ in NAME_LABELS for t in span if t.like_num) and q.kind in ("count", "measure"):
        return False
    if q.kind != "count":
        return True
    if not span[-1].whitespace_ and after.isalpha():
        return False  # "3G", "4K": a number glued to letters that are no unit is a name
    if q.start and _looks_like_name(doc[q.start - 1]) and q.high is None:
        return False  # "iPhone 4", "QuickTime 7", "iOS 5"
    if _in_date(span, dates):
        return False
    value = q.value
    if YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and float(value).is_integer() and span[-1].text.isdigit():
        return False
    return not _definite_reference(span)


def _looks_like_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.is_alpha and any(c.isupper() for c in token.text[1:]))


def _measures_something(doc: Doc, end: int) -> bool:
    """"seven hours of talk time" measures something; "for seven hours" is a duration."""
    return end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ in NOUN_POS | {"ADJ", "NUM"}


def _date_entities(doc: Doc) -> dict[int, Span]:
    """Each token of a DATE/TIME entity -> its entity: one pass, instead of a scan of all entities per number."""
    return {i: e for e in doc.ents if e.label_ in ("DATE", "TIME") for i in range(e.start, e.end)}


def _in_date(span: Span, dates: dict[int, Span]) -> bool:
    """Inside a DATE/TIME entity that has words beyond the number ("June 6", "9 months ago")."""
    for token in span:
        entity = dates.get(token.i)
        if entity is not None:
            if any(t.is_alpha and not t.like_num and t.lower_ not in ("and", "to", "between") for t in entity):
                return True
    return False


def _definite_reference(span: Span) -> bool:
    """"the two companies", "Jobs' last two absences": a count used to refer back, not claimed."""
    noun = span[-1].head
    if noun.i < span.end or noun.pos_ not in NOUN_POS:
        return False
    return any(c.i < span.start and (c.lower_ in DEFINITE or c.dep_ == "poss") for c in noun.children)


def _counted_noun(span: Span) -> Token | None:
    """What a count counts: the noun the number modifies ("3,800 attendees", "500 new features")."""
    head = span[-1].head
    if head.i >= span.end and head.pos_ in NOUN_POS and head.i - span.end <= 4:
        return head
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.pos_ in NOUN_POS:
        return following
    return None


def _bare_count_says_something(span: Span, subject: Span | None) -> bool:
    """"The death toll rose to 56" and "tens of thousands fled" count something; "he was 56" is an age."""
    if _root(span).dep_ in ("nsubj", "nsubjpass") and span[0].lower_ not in ("one", "a"):
        return True
    if subject is None:
        return False
    verb = _governing_verb(_root(span))
    if verb is not None and verb.lemma_ == "be":
        return subject.root.lemma_.lower() in QUANTITY_NOUNS  # "the toll is 56", not "the mayor was 56"
    return subject.root.pos_ != "PRON" and subject.root.ent_type_ != "PERSON"


def _unit_name(noun: Token) -> str:
    return noun.text if noun.pos_ == "PROPN" and noun.text[:1].isupper() else noun.lemma_.lower()


def _subject(span: Span, counted: Token | None, quantity: Quantity) -> Span | None:
    """What the figure is a figure of: "residents abroad", "Mac sales", "The 16GB version"."""
    doc = span.doc
    if counted is not None:
        return _noun_phrase(counted, exclude=span)
    end = span.end
    if doc[end : end + 3].text.startswith("(") and end + 2 < len(doc) and doc[end + 2].text == ")":
        end += 3  # "5 gigabytes (GB) of storage"
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ == "of":
        pobj = next((c for c in after.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return _with_trailing_adverbs(_noun_phrase(pobj, exclude=span), after.head)  # "20 percent of X abroad"
    if quantity.kind == "percent" and after is not None and after.pos_ in NOUN_POS and span[-1].head.i == after.i:
        return _noun_phrase(after, exclude=span)  # "one in five homes"
    if quantity.kind == "money":
        for token in doc[span.end : min(len(doc), span.end + 3)]:  # "$500 million yearly in revenue"
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None) if token.lower_ == "in" else None
            if pobj is not None and pobj.lower_ in MONEY_NOUNS:
                return _noun_phrase(pobj, exclude=span)
    root = _root(span)
    while root.dep_ == "conj" and root.head.i < span.start:
        root = root.head  # "prices of $0.99 and $9.99": the second shares the first one's place
    if (root.head.i >= span.end and root.head.pos_ in NOUN_POS and root.dep_ in ("compound", "nummod", "amod", "nmod", "quantmod")
            and not root.head.is_upper):
        return _noun_phrase(root.head, exclude=span)  # "a 24 percent reduction"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in NOUN_POS:
        return _noun_phrase(root.head.head, exclude=span, right=False)  # "a drop of 5 percent"
    verb = _governing_verb(root)
    for _ in range(3):  # "..., starting at $199", "and weighs less than 3 lbs": the subject is the clause's
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and not (span.start <= subject.i < span.end):
            return _noun_phrase(antecedent(subject), exclude=span)  # "a screen, which displays 326 ppi"
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUN_POS:
            return _noun_phrase(verb.head, exclude=span)
        verb = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") else None
    return None


def _with_trailing_adverbs(phrase: Span | None, head: Token) -> Span | None:
    """Adverbs the parser hung on the figure but which qualify what follows it ("citizens abroad")."""
    if phrase is None:
        return None
    end = phrase.end
    for child in head.children:
        if child.dep_ == "advmod" and child.i == end:
            end += 1
    return phrase.doc[phrase.start : end]


def _root(span: Span) -> Token:
    return next((t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[-1])


def _governing_verb(token: Token) -> Token | None:
    for _ in range(5):
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        if token.dep_ not in CLIMB_DEPS:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _noun_phrase(noun: Token, *, exclude: Span, right: bool = True) -> Span | None:
    """A noun with its modifiers and of/in/from phrases, without the figure and any clause."""
    doc = noun.doc
    keep = [t for t in noun.subtree if not (exclude.start <= t.i < exclude.end)]
    clauses = {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj")
               for t in c.subtree}
    if not right:
        clauses |= {t.i for c in noun.children if c.i > noun.i for t in c.subtree}
    clauses |= {t.i for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ not in ("of", "from")
                for t in c.subtree}
    keep = [t for t in keep if t.i not in clauses and t.i not in _qualifier_tokens(exclude)]
    if not keep:
        return None
    # a contiguous stretch around the noun
    first = last = noun.i
    indices = {t.i for t in keep}
    while first - 1 in indices:
        first -= 1
    while last + 1 in indices:
        last += 1
    while last > noun.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
        last -= 1
    while first < noun.i and doc[first].is_punct:
        first += 1
    return doc[first : last + 1]


def _qualifier_tokens(span: Span) -> set[int]:
    """The hedge words right before a figure ("around", "more than") belong to it, not to its subject."""
    doc, out, i = span.doc, set(), span.start - 1
    while i >= 0 and doc[i].dep_ in ("advmod", "quantmod") and doc[i].head.i >= span.start:
        out.add(i)
        i -= 1
    return out


def _claim(span: Span, counted: Token | None) -> str | None:
    """What is said of the figure: its predicate when it is the subject, else who/what has it and the verb."""
    anchor = counted if counted is not None else _root(span)
    verb = _governing_verb(anchor) if anchor.dep_ not in ("nsubj", "nsubjpass") else anchor.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    aside = {t.i for c in verb.children
             if (c.dep_ in ("prep", "advcl", "parataxis") and c.i < subject.i) or c.dep_ in ("cc", "conj")
             for t in c.subtree}
    if subject.left_edge.i <= span.start and span.end - 1 <= subject.right_edge.i:
        tokens = [t for t in verb.subtree if t.i > subject.right_edge.i and t.i not in aside]
    else:  # "Mac sales increased", "The 16GB version is priced at"
        phrase = _noun_phrase(subject, exclude=span)
        tokens = list(phrase) if phrase is not None else [subject]
        tokens += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb]
        # the rest of the clause, up to its boundary: "The Dow stood at 18,104.10 points", not "... stood at"
        tokens += [t for c in verb.children if c.i > verb.i and c.dep_ in CLAUSE_DEPS for t in c.subtree]
        tokens = sorted(set(tokens), key=lambda t: t.i)
    return _readable(tokens)


def _readable(tokens: list[Token]) -> str | None:
    if len([t for t in tokens if not t.is_punct]) > CLAIM_MAX_WORDS:
        cut = next((k for k, t in enumerate(tokens) if k and t.text in (",", ";")), len(tokens))
        tokens = tokens[:cut]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if not tokens:
        return None
    runs = [[tokens[0]]]
    for token in tokens[1:]:
        if token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return " ".join("".join(t.text_with_ws for t in run).strip() for run in runs)


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], offset: int) -> list[int]:
    k = bisect_right(starts, offset) - 1
    if k >= 0 and offset < sentences[k][1]:
        return list(sentences[k])
    return [offset, offset]

