"""A statistical second opinion on capitalised names the rules leave untyped.

The rules type a name when its form or its frame says what it is ("Minister X", "X Co., Ltd.",
"X signed …"). A name with neither ("talks with Nordvik Kraft", "Kessler arrived") is left out,
and the facts it takes part in lose a member. This module scores such names as a person, an
organization or neither with a small logistic regression over the name's own shape (suffixes,
capitals, length) and the words around it. It was trained from scratch, with no pretrained weights,
on the gold names of the project's tune corpora by ``training/train_name_types.py``, which rebuilds
``name_types.json`` byte for byte.

>>> text = "The minister held talks with Nordvik Kraft on Monday."
>>> start = text.index("Nordvik")
>>> sorted(features("Nordvik Kraft", text, start, start + len("Nordvik Kraft")))[:3]
['bias', 'first=nordvik', 'last=kraft']
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources

PERSON, ORGANIZATION, NEITHER = "Person", "Organization", "Neither"
LABELS = (PERSON, ORGANIZATION, NEITHER)
#: How sure the model must be before a name it types is kept
THRESHOLD = 0.7

_WORD = re.compile(r"\w+|[^\w\s]")
_RUN = re.compile(r"(.)\1+")
_SHAPE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "X" * 26 + "x" * 26 + "d" * 10)


def _shape(token: str) -> str:
    """ "Xx", "XX", "Xx-Xx", "d": ASCII letters as X and x, digits as d, longer runs cut to two."""
    return _RUN.sub(r"\1\1", token.translate(_SHAPE))


def features(name: str, text: str, start: int, end: int) -> set[str]:
    """What the model sees of the name ``text[start:end]``: its words, their suffixes and shapes,
    and up to three words on each side."""
    words = name.split()
    found = {"bias", f"n={min(len(words), 4)}", f"first={words[0].lower()}", f"last={words[-1].lower()}"}
    found.add("shapes=" + " ".join(_shape(w) for w in words[:4]))
    for word in words:
        lower = word.lower()
        found |= {f"w={lower}", f"suf3={lower[-3:]}", f"suf2={lower[-2:]}", f"shape={_shape(word)}"}
    before = _WORD.findall(text[max(0, start - 60) : start])[-3:]
    after = _WORD.findall(text[end : end + 60])[:3]
    for i, word in enumerate(reversed(before), 1):
        found.add(f"p{i}={word.lower()}")
        found.add(f"pb={word.lower()}")
    for i, word in enumerate(after, 1):
        found.add(f"n{i}={word.lower()}")
        found.add(f"nb={word.lower()}")
    if not before or before[-1] in {".", ":", ";", '"', "“"}:
        found.add("opens")
    return found


@functools.cache
def _weights() -> dict[str, list[float]]:
    with resources.files(__package__).joinpath("name_types.json").open(encoding="utf-8") as stream:
        return json.load(stream)["weights"]


def probabilities(name: str, text: str, start: int, end: int) -> dict[str, float]:
    """The model's probability of each label for the name ``text[start:end]``.

    >>> text = "The minister held talks with Nordvik Kraft on Monday."
    >>> chances = probabilities("Nordvik Kraft", text, 29, 42)
    >>> sorted(chances) == sorted(LABELS), round(sum(chances.values()), 6)
    (True, 1.0)
    """
    weights = _weights()
    person = organization = neither = 0.0
    for feature in features(name, text, start, end):
        row = weights.get(feature)
        if row:
            person += row[0]
            organization += row[1]
            neither += row[2]
    scores = (person, organization, neither)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {label: e / total for label, e in zip(LABELS, exps, strict=True)}
