"""Who said what: direct, partial and indirect quotes, each tied to the words naming its speaker.

Two passes. The quote marks are read from the text alone (`quoted_segments`), so unbalanced or unusual
marks can never break the parse; then the spaCy parse finds the cue ("said", "told", "according to")
and its source for every quoted segment, and the reported clauses of indirect speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .schema import Actor, Mention, Quote
from .speakers import (
    PHRASE_VERBS,
    REPORTING_VERBS,
    Source,
    SpeakerResolver,
    according_to,
    is_reporting_verb,
    source_token,
)

OPENING = {"“": "double", "„": "double", "‟": "double", "«": "double", "``": "double", "‘": "single", "`": "single"}
CLOSING = {"”": "double", "»": "double", "''": "double", "’": "single"}
CLOSING_TOKENS = frozenset({"”", "''", '"', "»"})
# What follows an apostrophe that is not an opening mark: "the 1980 's", "rock 'n' roll", "'em", "'til".
CLITIC = re.compile(r"(s|d|m|t|n|ll|re|ve|em|til|cause|tis)\b", re.IGNORECASE)
MARK = re.compile(r"``|''|[“”„‟«»\"‘’`']")

# An unclosed quote may run on over this many line breaks to reach its closing mark (texts with one
# sentence per line); further than that, it ends with its paragraph, as news style has it.
MAX_QUOTE_LINES = 6
# A quoted segment set off from the sentence this long is a direct quote even without a finite verb.
DIRECT_MIN_WORDS = 6
# An unattributed direct quote this close after an attributed one continues it ("“A,” X said. “B.”").
CONTINUATION_MAX_GAP = 300

# A byline or photo credit line, also in Markdown emphasis: "*By Jane Roe, Herald staff*", "Photo: X".
CREDIT_LINE = re.compile(
    r"^[ \t]*[*_]{0,2}((?:By:?[ \t]+[A-Z]|\(?(?:Photo|Photograph|Picture|Image|Credit)s?(?: by)?:?[ \t]+[A-Z])"
    r"[^\n!?\"“”]{0,80}?)[*_]{0,2}[ \t]*$",
    re.MULTILINE,
)
# A partial quote is looked for inside reported clauses starting at most this far before it.
MAX_CLAUSE_CHARS = 2000

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
WH_WORDS = frozenset({"what", "whether", "why", "how", "who", "whom", "when", "where", "which", "if"})
# Walking up from a partial quote, these relations mean the quote is the verb's subject, not its content.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


@dataclass(frozen=True)
class Segment:
    """Text between quote marks: content [start, end), the marks around it, and how it was closed."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close_end: int  # offset just past the closing mark, or `end` when the quote was never closed
    closed: bool
    continues: bool = False  # opens a paragraph right after an unclosed quote: the same quote goes on


def quoted_segments(text: str) -> list[Segment]:
    """Every quoted stretch of `text`, outermost only, whatever state its marks are in."""
    doubles, singles = [], []
    for match in MARK.finditer(text):
        role, kind = _mark_role(text, match)
        if role:
            (doubles if kind == "double" else singles).append((match.start(), match.end(), role))
    segments = _pair_doubles(text, doubles) + _pair_singles(text, singles)
    segments.sort(key=lambda s: (s.open, -s.close_end))
    outer: list[Segment] = []
    for seg in segments:
        if not outer or seg.open >= outer[-1].close_end:
            outer.append(seg)
    return [s for s in outer if s.end > s.start]


def _mark_role(text: str, match: re.Match) -> tuple[str | None, str]:
    """'open', 'close', 'either' (a straight double quote) or None (an apostrophe), and the mark kind."""
    mark = match.group()
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if mark in OPENING and not (mark == "`" and after == "`"):
        return "open", OPENING[mark]
    if mark == '"':
        return "either", "double"
    if mark in ("’", "'"):
        if before.isalnum() and after.isalnum():
            return None, "single"  # don't, the mayor’s
        if after.isdigit():
            return None, "single"  # ’90s, iLife '11
        if mark == "'" and (before.isspace() or before in "([") and after.isalpha():
            clitic = CLITIC.match(text, match.end())
            return (None if clitic else "open"), "single"
        return "close", "single"
    if mark in CLOSING:
        return "close", CLOSING[mark]
    return None, "double"


def _looks_opening(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()


def _pair_doubles(text: str, marks: list[tuple[int, int, str]]) -> list[Segment]:
    segments: list[Segment] = []
    current: tuple[int, int, bool] | None = None  # (open offset, content offset, continues)

    def end_unclosed(at: int | None = None) -> None:
        """The current quote never closed: it ends with its paragraph, or where the next one opens."""
        open_at, content_at, continues = current
        end = _paragraph_end(text, open_at) if at is None else at
        segments.append(_segment(text, open_at, content_at, end, end, closed=False, continues=continues))

    for start, end, role in marks:
        if current is not None and "\n" in text[current[0] : start]:
            at_paragraph_start = text[_paragraph_start(text, start) : start].strip() == ""
            opens = role == "open" or (role == "either" and _looks_opening(text, start, end))
            lines_crossed = text.count("\n", current[0], start)
            if at_paragraph_start and opens:
                end_unclosed()
                current = (start, end, True)
                continue
            if role == "open" or lines_crossed > MAX_QUOTE_LINES or (role == "either" and opens):
                end_unclosed()
                current = None
        if current is None:
            if role != "close":
                current = (start, end, False)
            continue
        if role == "open":  # a second opening mark before the first closed: the first one was stray
            end_unclosed(at=start)
            current = (start, end, False)
            continue
        segments.append(_segment(text, current[0], current[1], start, end, closed=True, continues=current[2]))
        current = None
    if current is not None:
        end_unclosed()
    return segments


def _pair_singles(text: str, marks: list[tuple[int, int, str]]) -> list[Segment]:
    """Single quotes count only when an opening mark is closed within the same paragraph."""
    segments, pending = [], None
    for start, end, role in marks:
        if pending is not None and "\n" in text[pending[0] : start]:
            pending = None
        if role == "open":
            pending = (start, end)
        elif pending is not None:
            segments.append(_segment(text, pending[0], pending[1], start, end, closed=True, continues=False))
            pending = None
    return segments


def _segment(text, open_at, content_at, content_end, close_end, *, closed, continues) -> Segment:
    start = content_at + len(text[content_at:content_end]) - len(text[content_at:content_end].lstrip())
    end = content_at + len(text[content_at:content_end].rstrip())
    return Segment(open_at, start, max(start, end), close_end, closed, continues)


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


# --- from segments and the parse to quotes -----------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    start: int
    end: int
    kind: str
    source: Source | None
    cue: Token | None
    continues: int | None = None  # index of the draft this one continues
    quoted: tuple[tuple[int, int], ...] = field(default=())  # partial: the stretches in quote marks


class SegmentIndex:
    """Quoted segments (outermost, so disjoint and in text order) looked up by offset with bisection."""

    def __init__(self, segments: list[Segment]):
        self.segments = sorted(segments, key=lambda s: s.open)
        self._opens = [s.open for s in self.segments]

    def at(self, offset: int) -> Segment | None:
        k = bisect_right(self._opens, offset) - 1
        return self.segments[k] if k >= 0 and offset < self.segments[k].close_end else None

    def __contains__(self, token: Token) -> bool:
        return self.at(token.idx) is not None

    def clip(self, start: int, end: int, text: str) -> tuple[int, int] | None:
        """[start, end) without the segments at its edges; None when one lies inside it or covers it."""
        first = self.at(start)
        if first is not None:
            start = first.close_end
        k = bisect_right(self._opens, start)
        if k < len(self.segments) and self.segments[k].open < end:
            inner = self.segments[k]
            if text[inner.close_end : end].strip(" \t\n\"'”’*_.,"):
                return None  # a credit in the middle of a quote: the quote is not what it seems
            end = inner.open
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None


def find_quotes(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> list[Quote]:
    """The quotes of a parsed article, in text order, with speakers resolved to actors where possible."""
    text = doc.text  # built anew on every access: read it once
    resolver = SpeakerResolver(doc, mentions, actors)
    credits = SegmentIndex([Segment(s, s, e, e, True) for s, e in _credit_spans(doc, text)])
    segments = [c for s in quoted_segments(text) if (c := _clip_segment(s, credits, text)) is not None]
    drafts = _quoted_drafts(doc, text, segments, resolver)
    direct = [s for s, d in drafts if d.kind == "direct"]
    drafts_only = [d for _, d in drafts if d.kind != "partial"]
    partials = [d for _, d in drafts if d.kind == "partial"]
    indirect = [replace(d, start=c[0], end=c[1]) for d in _indirect_drafts(doc, text, direct, resolver)
                if (c := credits.clip(d.start, d.end, text)) is not None]
    drafts_only += _merge_partials(partials, indirect)
    order = sorted(range(len(drafts_only)), key=lambda i: (drafts_only[i].start, -drafts_only[i].end))
    ids = {old: f"q{new}" for new, old in enumerate(order, start=1)}
    quotes = []
    for old in order:
        d = drafts_only[old]
        quotes.append(Quote(
            id=ids[old],
            start=d.start,
            end=d.end,
            text=text[d.start : d.end],
            speaker=d.source.actor if d.source else None,
            speaker_text=d.source.text if d.source else None,
            speaker_span=[d.source.start, d.source.end] if d.source else None,
            cue=_cue_text(d.cue),
            kind=d.kind,
            continues=ids.get(d.continues),
            cue_span=[d.cue.idx, d.cue.idx + len(d.cue)] if d.cue is not None else None,
            quoted=[list(q) for q in d.quoted] if d.kind == "partial" else None,
        ))
    return quotes


def _merge_partials(partials: list[_Draft], indirect: list[_Draft]) -> list[_Draft]:
    """One record per span of text: a partial quote inside a reported clause becomes that clause's record,
    of kind partial, with the quoted stretches in `quoted`; the clause is not recorded again as indirect.

    Clauses are looked up by offset (the innermost holding each partial), so this stays linear."""
    indirect = sorted(indirect, key=lambda d: (d.start, -d.end))
    starts = [d.start for d in indirect]
    inside: dict[int, list[_Draft]] = {}
    alone = []
    for p in partials:
        k = bisect_right(starts, p.start) - 1
        holder = None
        while k >= 0 and p.start - indirect[k].start <= MAX_CLAUSE_CHARS:
            d = indirect[k]
            if d.start <= p.start and p.end <= d.end and (holder is None or d.end - d.start < holder[1]):
                holder = (k, d.end - d.start)
            k -= 1
        if holder is None:
            alone.append(replace(p, quoted=((p.start, p.end),)))
        else:
            inside.setdefault(holder[0], []).append(p)
    out = alone
    for k, d in enumerate(indirect):
        held = inside.get(k)
        if held is None:
            out.append(d)
            continue
        source = d.source if d.source is not None else held[0].source
        out.append(replace(d, kind="partial", source=source, quoted=tuple((p.start, p.end) for p in held)))
    return out


def _credit_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Bylines, datelines, credits and notices (the entities step's boilerplate), also when Markdown
    emphasis wraps them ("*By Jane Roe, Herald staff*"), and photo credits: never quote content.
    Disjoint, in text order (a later span inside an earlier one is dropped)."""
    spans = sorted({*map(tuple, doc._.boilerplate or []), *(m.span(1) for m in CREDIT_LINE.finditer(text))})
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _clip_segment(seg: Segment, credits: SegmentIndex, text: str) -> Segment | None:
    clipped = credits.clip(seg.start, seg.end, text)
    if clipped is None:
        return None
    start, end = clipped
    return replace(seg, start=start, end=end, close_end=seg.close_end if end == seg.end else end)


def _quoted_drafts(doc: Doc, text: str, segments: list[Segment], resolver: SpeakerResolver) -> list[tuple[Segment, _Draft]]:
    out: list[tuple[Segment, _Draft]] = []
    all_segments = segments
    segments = SegmentIndex(segments)
    for seg in all_segments:
        content = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if content is None or not len(content):
            continue
        previous = out[-1] if out else None
        if seg.continues and previous is not None:
            cue = _direct_cue(doc, text, seg, content, segments)
            d = previous[1]
            if cue is None:
                out.append((seg, _Draft(seg.start, seg.end, "direct", d.source, d.cue, len(out) - 1)))
            else:
                out.append((seg, _Draft(seg.start, seg.end, "direct", _speaker(_source(cue, resolver)), cue, len(out) - 1)))
            continue
        kind = _kind(text, seg, content)
        if kind == "partial":
            cue = None if _is_title(content) else _phrase_cue(content, segments)
            if cue is None:
                continue  # a scare quote, a name or a title: nobody is quoted
            source = _source(cue, resolver)
            if source is not None and not source.document:  # "according to a formula": cited, not quoted
                out.append((seg, _Draft(seg.start, seg.end, kind, source, cue)))
            continue
        if _is_title(content) and not any(t.tag_ in FINITE_TAGS for t in content):
            continue  # She read “The Old Man and the Sea”
        cue = _direct_cue(doc, text, seg, content, segments)
        if cue is not None:
            out.append((seg, _Draft(seg.start, seg.end, kind, _speaker(_source(cue, resolver)), cue)))
        elif previous is not None and _continues(previous, seg):
            d = previous[1]
            out.append((seg, _Draft(seg.start, seg.end, kind, d.source, d.cue, len(out) - 1)))
        else:
            out.append((seg, _Draft(seg.start, seg.end, kind, None, None)))
    return _attribute_backwards(out)


def _attribute_backwards(drafts: list[tuple[Segment, _Draft]]) -> list[tuple[Segment, _Draft]]:
    """A quote running over paragraphs may name its speaker only at the end: earlier parts take it."""
    for i in range(len(drafts) - 1, -1, -1):
        seg, d = drafts[i]
        if d.continues is not None and d.source is not None:
            before_seg, before = drafts[d.continues]
            if before.source is None:
                drafts[d.continues] = (before_seg, replace(before, source=d.source, cue=d.cue))
    return drafts


def _kind(text: str, seg: Segment, content: Span) -> str:
    """direct when the quote stands as speech of its own; partial when it is a phrase in the writer's sentence."""
    before = text[_paragraph_start(text, seg.open) : seg.open].rstrip()
    set_off = not before or before[-1] in ".!?:;,—–-([\n" or _ends_with_cue(content.doc, seg.open)
    clause = any(t.tag_ in FINITE_TAGS for t in content)
    words = sum(1 for t in content if not t.is_punct)
    quoted = text[seg.start : seg.end]
    sentence = quoted[:1].isupper() and quoted.rstrip("'\"’”").endswith((".", "!", "?")) and clause
    if (set_off and (clause or words >= DIRECT_MIN_WORDS)) or sentence:
        return "direct"
    return "partial"


def _ends_with_cue(doc: Doc, offset: int) -> bool:
    """Is the word before a quote mark a verb of saying ("said “...”")?"""
    mark = doc.char_span(offset, offset + 1, alignment_mode="expand")
    i = mark.start - 1 if mark is not None else -1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and is_reporting_verb(doc[i])


def _inside(token: Token, segments: SegmentIndex) -> bool:
    return token in segments


def _direct_cue(doc: Doc, text: str, seg: Segment, content: Span, segments: SegmentIndex) -> Token | None:
    """The reporting verb (or "according to") nearest the quote within its sentence(s)."""
    first = content[0].sent
    last = doc.char_span(seg.start, max(seg.start + 1, seg.close_end), alignment_mode="expand")
    last_sent = last[-1].sent if last is not None and len(last) else content[-1].sent
    lo, hi = first.start, last_sent.end
    # "“...,” Lopez told": a comma before the closing mark means the attribution follows,
    # even where the parser started a new sentence at the mark.
    if text[seg.start : seg.end].endswith(",") and hi < len(doc):
        hi = doc[hi].sent.end
    open_i = content.start
    candidates = [t for t in doc[lo:hi] if (is_reporting_verb(t) or according_to(t) is not None) and not _inside(t, segments)]
    candidates.sort(key=lambda t: min(abs(t.i - open_i), abs(t.i - content.end)))
    for cue in candidates:
        head = source_token(cue)
        if head is not None and not _inside(head, segments):
            return cue
    before = text[_paragraph_start(text, seg.open) : seg.open].rstrip()
    root = first.root
    if before.endswith((",", ":")) and not _inside(root, segments) and root.i < open_i:
        if any(c.dep_ == "nsubj" for c in root.children):
            return root  # "Jobs left this farewell, “...”"
    return None


def _phrase_cue(content: Span, segments: SegmentIndex) -> Token | None:
    """Walk up from a quoted phrase to a verb of saying whose content (not subject) holds it."""
    token = content.root
    while token.head.i != token.i:
        came_from, token = token, token.head
        if came_from.dep_ in SUBJECT_DEPS and token.lemma_.lower() not in REPORTING_VERBS:
            continue
        if _inside(token, segments):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma in PHRASE_VERBS):
            if came_from.dep_ in SUBJECT_DEPS:
                return None
            return token
    for token in content.sent:
        if according_to(token) is not None:
            return token
    # The parser may lose a quoted phrase altogether ("called podcasting “Wayne’s World for radio”"):
    # then the nearest verb before the opening mark decides.
    for token in reversed(content.doc[content.sent.start : content.start]):
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma in PHRASE_VERBS):
            return token
        if token.tag_ in FINITE_TAGS:
            return None
    return None


def _is_title(content: Span) -> bool:
    """"Snow Leopard", "Back to the Mac": every content word capitalised is a name, not somebody's words."""
    words = [t for t in content if not (t.is_punct or t.is_stop or t.is_space)]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def _source(cue: Token, resolver: SpeakerResolver) -> Source | None:
    """Who the cue attributes to; a document with no issuer ("the report said") is kept with
    `document` set, so callers can leave the quote unattributed or drop a reported clause."""
    head = source_token(cue)
    return resolver.source(head) if head is not None else None


def _speaker(source: Source | None) -> Source | None:
    """A source that can be a quote's speaker: a document is never one."""
    return None if source is None or source.document else source


def _continues(previous: tuple[Segment, _Draft], seg: Segment) -> bool:
    prev_seg, prev = previous
    return prev.kind == "direct" and prev.source is not None and 0 <= seg.open - prev_seg.close_end <= CONTINUATION_MAX_GAP


def _indirect_drafts(doc: Doc, text: str, direct: list[Segment], resolver: SpeakerResolver) -> list[_Draft]:
    """Reported clauses: "X said (that) ...", "..., X said", "according to X, ..."."""
    drafts = []
    cues = REPORTING_VERBS | PHRASE_VERBS
    direct = SegmentIndex(direct)
    for token in doc:
        if (token.lower_ != "according" and token.lemma_.lower() not in cues) or _inside(token, direct):
            continue
        content = _reported_clause(token, text)
        if content is None:
            continue
        start, end = content
        if direct.at(start) is not None:
            continue  # the clause is the direct quote itself
        head = source_token(token)
        if head is None or start <= head.idx < end and head.i not in _subtree(token):
            continue
        source = resolver.source(head)
        if source.document:
            continue  # "according to the formula, ...": a document's content is not a quote
        drafts.append(_Draft(start, end, "indirect", source, token))
    return drafts


def _reported_clause(cue: Token, text: str) -> tuple[int, int] | None:
    """The character span of what a cue reports, or None when it reports no clause."""
    if according_to(cue) is not None:  # "according to X" speaks for the whole sentence
        return _clause_span(_whole_sentence(cue.sent), skip=_subtree(cue))
    lemma = cue.lemma_.lower()
    if cue.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in cue.children):
        return None
    if lemma in REPORTING_VERBS | PHRASE_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return _clause_span(list(cue.head.subtree), skip=_subtree(cue))  # "as described by X, ..."
    if lemma not in REPORTING_VERBS:
        return None
    clause = (
        next((c for c in cue.children if c.dep_ == "ccomp" or c.dep_ == "conj" and _has_that(c)), None)
        or _that_clause_of_pobj(cue)
    )
    if clause is None and cue.dep_ == "parataxis" and cue.head.pos_ in ("VERB", "AUX"):
        clause = cue.head  # "This, he said, would happen"
    if clause is None:
        return None
    span = _clause_span(list(clause.subtree), skip=set())
    if span is not None and span[1] <= cue.idx and "," not in text[span[1] : cue.idx]:
        return None  # "...; Apple announced": a clause before the cue is reported only when set off by a comma
    return span


def _whole_sentence(sent: Span) -> list[Token]:
    """A sentence, joined to a verbless fragment the parser split off before it ("... of Apple Inc. | Steve Jobs has died")."""
    tokens = list(sent)
    if sent.start > 0:
        previous = sent.doc[sent.start - 1].sent
        if "\n" not in previous.text.rstrip() and not any(t.pos_ in ("VERB", "AUX") for t in previous):
            tokens = list(previous) + tokens
    return tokens


def _that_clause_of_pobj(cue: Token) -> Token | None:
    """"announced in an internal memo that he would ...": the parser hung the clause on the noun."""
    for prep in (c for c in cue.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in noun.children:
                if clause.dep_ in ("relcl", "acl") and _has_that(clause):
                    return clause
    return None


def _has_that(verb: Token) -> bool:
    """A clause opened by the complementiser "that" (not the relative pronoun)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _clause_span(tokens: list[Token], *, skip: set[int]) -> tuple[int, int] | None:
    if skip and tokens:
        before = [t for t in tokens if t.i < min(skip)]
        if not any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubjpass") for t in before):
            tokens = [t for t in tokens if t.i > max(skip)]  # "Under the plan, as described by X, ...": from X on
    tokens = [t for t in tokens if t.i not in skip]
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "mark" and tokens[0].lower_ == "that"):
        tokens.pop(0)
    for k in range(1, len(tokens) - 1):  # “...,” referring to ...: after the closing mark the writer speaks again
        after = tokens[k + 1 : k + 3]
        if tokens[k].text in CLOSING_TOKENS and any(t.tag_ == "VBG" for t in after[:1] + [a for a in after[1:] if after[0].text == ","]):
            tokens = tokens[: k + 1]
            break
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not tokens[-1].is_quote)):
        tokens.pop()
    if not tokens or tokens[0].lower_ in WH_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if according_to(cue) is not None else cue.text
