"""Which way a time expression points, read from the verb that governs it in the spaCy parse.

"Russia unveiled ... on Wednesday" (past) is the Wednesday before publication; "will meet on Friday"
(future) the Friday after; "plans to launch in June" looks ahead through "plans". Present tense and
verbless headlines decide nothing: the resolver then takes the nearest candidate.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo", "would", "’ll"}
MODALS_AHEAD = {"may", "might", "could", "should", "must", "ought"}
# Verbs whose complement lies ahead of them: "plans to", "is scheduled for", "expected to".
LOOKING_AHEAD = {
    "schedule", "plan", "expect", "slate", "intend", "aim", "prepare", "hope", "forecast", "predict",
    "anticipate", "promise", "vow", "pledge", "threaten", "due", "set", "going", "go", "want", "seek",
}
# How far up the parse to look for a governing verb, and through how many clause links to follow it.
MAX_CLIMB = 8
MAX_CLAUSE_HOPS = 3
INHERITING = {"xcomp", "advcl", "conj", "acl", "pcomp"}


def tense_of(span: Span) -> str | None:
    """past | present | future for the verb governing the span, or None when no verb does."""
    verb = governing_verb(span)
    return verb_tense(verb) if verb is not None else None


def governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and not (span.start <= token.i < span.end):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token, hops: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUXILIARIES or words & MODALS_AHEAD:
        return "future"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUXILIARIES | MODALS_AHEAD else "present"
    if "to" in words and verb.head.i != verb.i and verb.dep_ in ("xcomp", "advcl", "ccomp"):
        head = verb.head
        if head.lemma_.lower() in LOOKING_AHEAD or head.lower_ == "going":
            return "future"
        return verb_tense(head, hops + 1) if hops < MAX_CLAUSE_HOPS else None
    past_aux = any(a.tag_ == "VBD" for a in auxes)
    if verb.lemma_.lower() in LOOKING_AHEAD and verb.tag_ == "VBN" and not past_aux:
        return "future"  # "is scheduled for June"
    if verb.tag_ == "VBD" or past_aux or (verb.tag_ == "VBN" and words & {"has", "have", "'ve", "’ve"}):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.dep_ in INHERITING and verb.head.i != verb.i and hops < MAX_CLAUSE_HOPS:
        return verb_tense(verb.head, hops + 1)
    return None
