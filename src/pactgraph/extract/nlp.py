"""The spaCy pipeline: a blank English tokenizer, a sentencizer that knows abbreviations, and an
EntityRuler loaded with the gazetteer. No model download; hundreds of thousands of words a second."""

from __future__ import annotations

from functools import cache

import spacy
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
    """Undo sentence breaks after abbreviations ("Co. Ltd.") and before lower-case words."""
    for i, token in enumerate(doc[1:], start=1):
        previous = doc[i - 1]
        if previous.text.lower() in ABBREVIATIONS and token.text in SENTENCE_STARTERS:
            token.is_sent_start = True  # "… Co. Ltd. The two sides …": the abbreviation ends the sentence
            continue
        if not token.is_sent_start:
            continue
        previous = doc[i - 1]
        if (previous.text.lower() in ABBREVIATIONS and token.text not in SENTENCE_STARTERS) or (
            token.text[:1].islower() and previous.text != "\n"
        ):
            token.is_sent_start = False
        if "\n\n" in previous.text or (previous.text.count("\n") >= 1 and previous.is_space):
            token.is_sent_start = True
    return doc


@cache
def pipeline() -> Language:
    """The shared pipeline (built once per process)."""
    nlp = spacy.blank("en")
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
