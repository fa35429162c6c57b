"""The spaCy pipeline: a blank English tokenizer, a sentencizer that knows abbreviations, and an
EntityRuler loaded with the gazetteer. No model download; hundreds of thousands of words a second."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language

from . import gazetteer

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "co.",
    "ltd.",
    "inc.",
    "corp.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "prof.",
    "hon.",
    "eng.",
    "engr.",
    "st.",
    "no.",
    "jr.",
    "sr.",
    "gen.",
    "gov.",
    "u.s.",
    "u.n.",
    "e.g.",
    "i.e.",
    "vs.",
    "approx.",
    "est.",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
}


SENTENCE_STARTERS = {
    "The",
    "He",
    "She",
    "It",
    "They",
    "This",
    "These",
    "That",
    "In",
    "On",
    "At",
    "A",
    "An",
    "We",
    "Its",
    "His",
    "Her",
    "Their",
    "During",
    "According",
    "Both",
}


@Language.component("pactgraph_sentence_fixes")
def _sentence_fixes(doc):
    """Sentences end at line breaks and after abbreviations that close a sentence ("… Co. Ltd. The
    two sides …"), but not after other abbreviations ("Co. Ltd.") or before lower-case words.

    The flags are written at once with ``Doc.from_array``: setting ``Token.is_sent_start`` scans the
    whole doc for parse annotations each time, which made long articles quadratic."""
    starts = doc.to_array([SENT_START]).astype("int64")  # -1: "not a sentence start"
    texts = [token.text for token in doc]  # read once: indexing a Doc builds a Token each time
    for i in range(1, len(texts)):
        previous = texts[i - 1]
        if "\n" in previous and previous.isspace():
            starts[i] = 1
        elif _list_number_before(texts, i):
            starts[i] = -1  # "1. Memorandum of …": the number opens a list item
        elif previous in {'"', "“", "«"} and i >= 2 and _list_number_before(texts, i - 1):
            starts[i - 1] = starts[i] = -1  # '3. "AMEA Power" from …': the quote opens the item's name
        elif previous.lower() in ABBREVIATIONS:
            starts[i] = 1 if texts[i] in SENTENCE_STARTERS else -1
        elif starts[i] == 1 and texts[i][:1].islower():
            starts[i] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


_LIST_NUMBER = re.compile(r"\d{1,2}[.)]?")


def _list_number_before(texts: list[str], i: int) -> bool:
    """Whether token i follows a list number ("1." or "2)") that opens its line."""
    head = i - 2 if i >= 2 and texts[i - 1] in {".", ")"} else i - 1
    if not texts[head][:1].isdigit() or not _LIST_NUMBER.fullmatch(texts[head]):
        return False
    return head == 0 or "\n" in texts[head - 1]


_LETTER_HYPHEN_LETTER = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"


def _keep_hyphenated_words(nlp: Language) -> None:
    """ "Kassym-Jomart", "Samruk-Kazyna", "Khizi-Absheron" stay one token, as names should; en and
    em dashes still split "Uzbekistan\u2013China"."""
    infixes = [p for p in nlp.Defaults.infixes if p != _LETTER_HYPHEN_LETTER]
    infixes.append(rf"(?<=[{ALPHA}0-9])(?:[–—]|--)(?=[{ALPHA}])")
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _keep_abbreviations(nlp: Language) -> None:
    """ "Eng. Ivo Marek", "Hon. Ivo Marek", "Marek Jr. said": the abbreviation stays one token, so the
    sentence fixer sees it (spaCy's own exceptions know "Dr." and "Mr." but not these)."""
    for abbreviation in ABBREVIATIONS:
        for form in {abbreviation, abbreviation.capitalize(), abbreviation.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@cache
def pipeline() -> Language:
    """The shared pipeline (built once per process)."""
    nlp = spacy.blank("en")
    _keep_hyphenated_words(nlp)
    _keep_abbreviations(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("pactgraph_sentence_fixes")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    patterns = []
    for form, kind, name, code in gazetteer.entries():
        patterns.append({"label": kind, "pattern": form, "id": f"{kind}|{name}|{code or ''}"})
    for demonym, code in gazetteer.DEMONYMS.items():
        name = gazetteer.country_by_code()[code]
        patterns.append({"label": "Demonym", "pattern": demonym, "id": f"Country|{name}|{code}"})
    ruler.add_patterns(patterns)
    nlp.max_length = 30_000_000
    return nlp
