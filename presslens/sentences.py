"""Sentences: a line break always ends one, and spans come without the whitespace around them.

News text puts a headline, a dateline or a byline on a line of its own with no final full stop; the
parser would glue it to the next sentence, and a quote, figure or event would then carry the wrong
sentence. Setting the boundary before the parser runs lets it parse each line on its own.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("presslens_line_breaks", requires=[], assigns=["token.is_sent_start"], default_config={})
def make_line_breaks(nlp: Language, name: str):
    """`nlp.add_pipe("presslens_line_breaks", before="parser")`."""
    return line_breaks_end_sentences


def line_breaks_end_sentences(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (runs before the parser).

    One pass, and one write of the whole SENT_START column: setting `token.is_sent_start` token by token
    re-checks the whole Doc each time, which made a text of 16,000 short lines take minutes.
    """
    starts = doc.to_array([SENT_START])
    changed = False
    previous = None
    for token in doc:
        if previous is not None and not token.is_space and (
            "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
        ):
            starts[token.i] = 1
            changed = True
        previous = token
    if changed:
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


def sentence_starts(doc: Doc) -> list[int]:
    """The token index where each sentence starts, read from the SENT_START column in one pass.

    The same boundaries as `doc.sents`, whose cost per sentence grows with the number of sentences.
    """
    if not len(doc):
        return []
    column = doc.to_array([SENT_START]).reshape(-1)
    return [0] + [int(i) for i in numpy.flatnonzero(column[1:] == 1) + 1]


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentences as [start, end] character spans, without the line breaks spaCy leaves attached."""
    text = doc.text  # rebuilt from every token on each access: read it once
    starts = sentence_starts(doc)
    spans = []
    for first, following in zip(starts, starts[1:] + [len(doc)]):
        last = doc[following - 1]
        begin, finish = doc[first].idx, last.idx + len(last.text)
        words = text[begin:finish]
        start = begin + (len(words) - len(words.lstrip()))
        end = begin + len(words.rstrip())
        if end > start:
            spans.append((start, end))
    return spans
