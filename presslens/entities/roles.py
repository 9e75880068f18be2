"""Role and title words kept apart from a person's name.

"Secretary of State Ann Lowe", "French leader Jean Roux", "President Maria Silva",
"former Danish diplomat to the U.N. Lars Berg": the name is the mention, the words
before it are its role. Three general rules of English news prose:
1. a capitalised title word inside the entity ends the role ("President Donald Trump" tagged as one name);
2. "<Title> of <Portfolio>" just before or inside the entity ("Secretary of [State Ann Lowe]");
3. a role phrase directly before the name, without a determiner: a title word or a lowercase common noun
   ("leader", "striker"), its modifiers to the left ("former Soviet and Russian"), and a complement
   "of/to/for/at [the] X" between it and the name ("diplomat to the U.S.").
A title is held by a person, so a name found after one is typed PERSON.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import name_heads, bare
from .spans import Candidate, in_value, is_capitalised, is_department, is_title_word, sentence_start

# Prepositions that join a role noun to its complement: "Secretary of State", "ambassador to Russia".
ROLE_PREPOSITIONS = frozenset({"of", "to", "for", "at"})
# The longest capitalised complement a role takes ("of Homeland Security", "to the United Nations").
MAX_COMPLEMENT = 4
# A personal name has at most this many words once a title is split off ("Ruth Bader Ginsburg").
MAX_NAME_WORDS = 4
MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN"})


def split_role(doc: Doc, cand: Candidate) -> Candidate:
    """Move title words out of the candidate into its role, and find a role phrase to its left."""
    if cand.is_value or cand.end - cand.start < 1:
        return cand
    if (name_start := _after_inner_title(doc, cand)) is not None:
        cand.role = (cand.start, name_start)
    elif (name_start := _after_portfolio(doc, cand)) is not None:
        cand.role = (cand.start - 2, name_start)  # from the title word: "Secretary of Defense"
    if name_start is not None:
        cand.start = name_start
        cand.cue = "PERSON"
    left = _role_to_left(doc, cand)
    if left is not None:
        cand.role = (left, cand.role[1] if cand.role else cand.start)
    return cand


def _after_inner_title(doc: Doc, cand: Candidate) -> int | None:
    """ "President Donald Trump" as one entity: the name starts after its last title word."""
    last = max((i for i in range(cand.start, cand.end - 1) if is_title_word(doc[i])), default=None)
    if last is None:
        return None
    name = doc[last + 1 : cand.end]
    if not _looks_like_personal_name(name) or (len(name) == 1 and cand.label != "PERSON"):
        return None
    return last + 1


def _after_portfolio(doc: Doc, cand: Candidate) -> int | None:
    """ "Secretary of [State Ann Lowe]": the entity's leading portfolio words belong to the title."""
    i = cand.start
    if not (i >= 2 and doc[i - 1].lower_ == "of" and is_title_word(doc[i - 2])):
        return None
    k = i
    while k < cand.end - 1 and is_department(doc[k]):
        k += 1
    if k == i and cand.end - i > 2:  # an unknown portfolio: a personal name is the last two words
        k = cand.end - 2
    return k if k > i and _looks_like_personal_name(doc[k : cand.end]) else None


def _looks_like_personal_name(span) -> bool:
    words = [t for t in span if not t.is_punct]
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and all(is_capitalised(t) and not is_title_word(t) for t in words if t.is_alpha)
        and bare(span[-1].text) not in name_heads()
    )


def _role_to_left(doc: Doc, cand: Candidate) -> int | None:
    """The first token of a role phrase that ends right before the candidate, or None."""
    first = sentence_start(doc, cand.start)
    if cand.role and is_title_word(doc[cand.role[0]]):
        head = cand.role[0]  # the title is found: only its modifiers are left to find
    else:
        end = cand.role[0] if cand.role else cand.start
        head = _complement_head(doc, end, first)
        if head is None and end - 1 >= first and _is_role_head(doc[end - 1], cand):
            head = end - 1
    if head is None:
        return None
    if cand.label != "PERSON" and is_title_word(doc[head]) and _looks_like_personal_name(doc[cand.start : cand.end]):
        cand.cue = "PERSON"  # "President Trump" with "Trump" mistyped: a title is held by a person
    if cand.label != "PERSON" and cand.cue != "PERSON":
        return None
    k = head - 1
    while k >= first and (_is_modifier(doc[k]) or _joins_modifiers(doc, k, first)):
        k -= 1
    return k + 1


def _complement_head(doc: Doc, end: int, first: int) -> int | None:
    """ "diplomat to the U.N. | Lars Berg": the role noun before a short capitalised complement."""
    k = end - 1
    while k >= first and end - k <= MAX_COMPLEMENT and is_capitalised(doc[k]) and not is_title_word(doc[k]):
        k -= 1
    if k == end - 1:
        return None
    if k >= first and doc[k].lower_ == "the":
        k -= 1
    if k - 1 >= first and doc[k].lower_ in ROLE_PREPOSITIONS and _is_role_noun(doc[k - 1]):
        return k - 1
    return None


def _is_role_head(tok: Token, cand: Candidate) -> bool:
    if is_title_word(tok):
        return True
    return cand.label == "PERSON" and _is_role_noun(tok)


def _is_role_noun(tok: Token) -> bool:
    """A title word, or a singular lowercase common noun used as a false title ("leader", "diplomat")."""
    return is_title_word(tok) or (tok.tag_ == "NN" and tok.is_lower and tok.is_alpha and not in_value(tok))


def _is_modifier(tok: Token) -> bool:
    return tok.pos_ in MODIFIER_POS and not in_value(tok) and tok.ent_type_ != "PERSON" and not tok.is_punct


def _joins_modifiers(doc: Doc, k: int, first: int) -> bool:
    """ "Soviet and Russian": a conjunction between two modifiers stays inside the role."""
    return doc[k].lower_ in {"and", "&"} and k - 1 >= first and _is_modifier(doc[k - 1]) and _is_modifier(doc[k + 1])
