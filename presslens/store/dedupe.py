"""Duplicates: the same article by canonical address or by text, and near-duplicates by MinHash.

A near-duplicate (the same wire story at two outlets, a corrected version) is kept but linked to the
first one stored. Near means an estimated Jaccard similarity of word 5-shingles of at least
NEAR_THRESHOLD, found through locality-sensitive hashing: BANDS bands of ROWS rows of the signature, so
only articles sharing a band are compared.
"""

from __future__ import annotations

import hashlib
import re
import struct
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS, ROWS = 16, 4  # 16 x 4 = 64; pairs at Jaccard 0.8 share a band with probability > 0.99
NEAR_THRESHOLD = 0.8
# Query parameters that track a click, not the article: dropped from the canonical address.
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|smid|ito)$", re.I)
_MERSENNE = (1 << 61) - 1
_SEEDS = [
    (int.from_bytes(hashlib.sha256(f"a{i}".encode()).digest()[:8], "big") % _MERSENNE or 1,
     int.from_bytes(hashlib.sha256(f"b{i}".encode()).digest()[:8], "big") % _MERSENNE)
    for i in range(PERMUTATIONS)
]


def canonical_url(url: str | None) -> str | None:
    """http and https alike, host lower-cased, `www.` dropped, no fragment, no tracking parameters, no trailing slash."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if not parts.netloc:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    scheme = parts.scheme.lower()
    scheme = "https" if scheme in ("http", "https", "") else scheme  # one page, whichever way it was reached
    return urlunsplit((scheme, host, path, query, ""))


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature: for each of PERMUTATIONS hash functions, the least hash of any shingle."""
    found = shingles(text)
    return tuple(min((a * s + b) % _MERSENNE for s in found) for a, b in _SEEDS)


def pack(sig: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(sig)}Q", *sig)


def unpack(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 8}Q", data)


def bands(sig: tuple[int, ...]) -> list[str]:
    """One key per band; two articles sharing any key are candidates."""
    return [
        f"{b}:" + hashlib.blake2b(pack(sig[b * ROWS:(b + 1) * ROWS]), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two texts' shingles."""
    return sum(x == y for x, y in zip(a, b)) / len(a)
