"""Is this article already there? Canonical URLs, content hashes and near-duplicate texts.

- ``canonical_url``: lower-case scheme and host, no default port, no fragment, no tracking parameters
  (``utm_*``, ``fbclid``, ``gclid`` …), the other parameters sorted.
- ``text_key``: a SHA-256 of the text's words, lower case: the same text under another URL.
- ``signature``: a MinHash of the text's 5-word shingles (128 hashes); two texts whose estimated
  Jaccard similarity is at least ``NEAR_DUPLICATE`` are the same story (a wire report republished
  with another headline, intro or footer). Candidates are found by locality-sensitive hashing
  (32 bands of 4 hashes), so a lookup does not compare against every article.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from dataclasses import dataclass, field

import numpy as np

__all__ = ["NEAR_DUPLICATE", "Seen", "SeenIndex", "canonical_url", "signature", "similarity", "text_key"]

#: Estimated Jaccard similarity of 5-word shingles from which two texts are one story.
NEAR_DUPLICATE = 0.5
_SHINGLE = 5
_HASHES = 128
_BANDS = 32
_ROWS = _HASHES // _BANDS
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20250423)  # fixed: signatures are stored and compared across runs
_A = _rng.integers(1, _PRIME, size=_HASHES, dtype=np.int64)
_B = _rng.integers(0, _PRIME, size=_HASHES, dtype=np.int64)

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|cmpid|"
    r"ref_src|ref_url|s_cid|icid|at_medium|at_campaign|guccounter|__twitter_impression)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """The URL as pactgraph compares it.

    >>> canonical_url("HTTPS://News.Example.org:443/a/b.html?utm_source=rss&id=7&utm_medium=x#top")
    'https://news.example.org/a/b.html?id=7'
    >>> canonical_url("http://example.org")
    'http://example.org/'
    """
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # not a valid port: compared as written
        return url.strip()
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urllib.parse.urlunsplit((scheme, netloc, parts.path or "/", urllib.parse.urlencode(query), ""))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def text_key(text: str) -> str:
    """A digest of the text's words: equal for the same text however it is spaced or punctuated.

    >>> text_key("Baku,  April 23.  Talks held.") == text_key("baku april 23 talks held")
    True
    """
    return hashlib.sha256(" ".join(_words(text)).encode()).hexdigest()


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of the text's 5-word shingles (empty for a text under 5 words)."""
    words = _words(text)
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
    if not shingles:
        return ()
    values = np.array(
        [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "big") % _PRIME for s in shingles],
        dtype=np.int64,
    )
    hashed = (np.outer(_A, values) + _B[:, None]) % _PRIME
    return tuple(int(v) for v in hashed.min(axis=1))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets.

    >>> text = "Azerbaijan and China signed a memorandum on a 100 MW solar plant in Jabrayil on Tuesday."
    >>> similarity(signature(text), signature(text))
    1.0
    >>> similarity(signature(text), signature("Kenya and Denmark held talks on geothermal power in Nairobi this week."))
    0.0
    """
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / _HASHES


@dataclass(frozen=True)
class Seen:
    """An article already there (or added in this run): where, and what it is compared by."""

    name: str  # its file name, or the URL it was added from in this run
    url: str | None  # canonical
    key: str
    signature: tuple[int, ...]


@dataclass
class SeenIndex:
    """The articles already there, looked up by canonical URL, text and near-duplicate text."""

    by_url: dict[str, Seen] = field(default_factory=dict)
    by_key: dict[str, Seen] = field(default_factory=dict)
    _bands: dict[tuple[int, tuple[int, ...]], list[Seen]] = field(default_factory=dict)

    def add(self, seen: Seen) -> None:
        if seen.url:
            self.by_url.setdefault(seen.url, seen)
        self.by_key.setdefault(seen.key, seen)
        for band in self._band_keys(seen.signature):
            self._bands.setdefault(band, []).append(seen)

    def near(self, sig: tuple[int, ...]) -> tuple[Seen, float] | None:
        """The most similar article at or above ``NEAR_DUPLICATE``, and its similarity."""
        best: tuple[Seen, float] | None = None
        for band in self._band_keys(sig):
            for seen in self._bands.get(band, ()):
                score = similarity(sig, seen.signature)
                if score >= NEAR_DUPLICATE and (best is None or score > best[1]):
                    best = (seen, score)
        return best

    @staticmethod
    def _band_keys(sig: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
        if not sig:
            return []
        return [(b, sig[b * _ROWS : (b + 1) * _ROWS]) for b in range(_BANDS)]
