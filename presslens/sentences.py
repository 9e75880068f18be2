"""Sentences: a line break always ends one, and spans come without the whitespace around them.

News text puts a headline, a dateline or a byline on a line of its own with no final full stop; the
parser would glue it to the next sentence, and a quote, figure or event would then carry the wrong
sentence. Setting the boundary before the parser runs lets it parse each line on its own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("presslens_line_breaks")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (runs before the parser)."""
    for prev, token in zip(doc, doc[1:]):
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not token.is_space:
                token.is_sent_start = True
    return doc


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentences as [start, end] character spans, without the line breaks spaCy leaves attached."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        if end > start:
            spans.append((start, end))
    return spans
