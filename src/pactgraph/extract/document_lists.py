"""Lists of signed documents and what reads them across sentences: where a list opens and ends
("The following documents were signed:", bulleted or numbered lines, a table), who signs the items
an opener introduces, deals listed by company and project, the document a sentence singles out
after a signing ("such as the agreement between A and B"), and signatories named in the sentence
after the document."""

from __future__ import annotations

import re
from dataclasses import replace

from .agreements import (
    DASHED_HEAD,
    DOCUMENT_KIND,
    ITEM_MODIFIERS,
    KINDS,
    LIST_ITEM,
    PRONOUN_PARTIES,
    SIGNED,
    TOPIC,
    as_parties,
    join_names,
    kind_of_document,
    list_agreement,
    parties_by_context,
    without_delegation_heads,
)
from .entities import SentenceView
from .facts import COUNTRY, PERSON, Agreement, Entity, Meeting, Post

# a line a document opens: "Memorandum of Understanding between …", "The Agreement on …", "Vantora (Chile) - a …"
DOCUMENT_LINE = re.compile(
    r"\s*(?:(?:the|an?)\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:" + "|".join(p for p, _ in KINDS) + r")|"
    r"\s*[\"“«]?[A-Z][^.;:]{0,60}?\s[–—-]\s",
    re.I,
)


BULLETED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–|])")  # an item with its number or bullet
SIGNED_LIST = re.compile(r"\b(?:signed|inked|exchanged|exchange of|signing|signature)\b[^:]*:\s*$")
# a line that tells a signing and runs on over bullets ("Signed after the talks: a statement plus 8
# agreements"), or the sentence before "Among them were:" ("… witnessed the exchange of 31 documents.")
SIGNING_TOLD = re.compile(r"\b(?:signed|inked|exchanged|exchange of|signing)\b", re.I)


# "the following projects among those agreed at the forum:": a list of deals, one per item
DEALS_LIST = re.compile(
    r"\b(?:deals|projects|investments)\b[^:]*\b(?:agreed|signed|concluded|struck|sealed)\b"
    r"[^:]*:\s*$"
)


_EXAMPLE_DOCUMENT = re.compile(
    r"\b(?:such as|including|among them|notably|for example|for instance)\s+(?:the\s+|an?\s+)?"
    r"(?=(?:[a-z][\w-]*\s+){0,3}(?:agreement|memorand|contract|deal|protocol|MoU)\w*\s+between\b)"
)


def exemplified(view: SentenceView, posts: dict[Entity, Post]) -> list[Agreement]:
    """ "The forum produced 58 agreements. Some matter, such as the agreement between A and B to build …":
    a document the sentence after a signing singles out, with the parties it names."""
    out = []
    for example in _EXAMPLE_DOCUMENT.finditer(view.text):
        modifiers = ITEM_MODIFIERS.match(view.text, example.end())
        start = modifiers.end() if modifiers else example.end()
        if DOCUMENT_KIND.match(view.text, start):
            stop = next((m.start() for m in re.finditer(r"[;.]|,\s+(?:and\s+)?(?:the|an?)\s", view.text[start:])), None)
            agreement = list_agreement(view, start, start + stop if stop else len(view.text), posts, [])
            out += [agreement] if agreement else []
    return out


_ITEM_DASH = re.compile(r"\s+[–—-]\s+|:\s+")


def project_deal(view: SentenceView) -> list[Agreement]:
    """An item of a list of deals (under ``DEALS_LIST``) that names a company and its project, not a
    document: the company's deal, its counterpart left unnamed ("1. Vantora (Norland) - a 200 MW solar park")."""
    item = LIST_ITEM.match(view.text)
    if item is None or DOCUMENT_KIND.search(view.text):
        return []
    start = item.end()
    dash = _ITEM_DASH.search(view.text, start)
    if dash is None or dash.start() - start > 80:
        return []
    named = [e for e in view.entities_between(start, dash.start()) if e.type not in (PERSON, COUNTRY)]
    if len(named) != 1:
        return []
    topic = re.split(r"[,;]\s", view.text[dash.end() :].strip(), maxsplit=1)[0].rstrip(".;")
    return [
        Agreement(
            kind="agreement",
            label=f"Agreement of {named[0].name} on {topic}",
            parties=named,
            date=next((d.iso for d in view.dates if not d.future), None),
            topic=topic,
            variant=topic,
            sentences={view.sentence.index},
            rule="signed-one-party",
            caveats={"other-party-unidentified"},
        )
    ]


def headed_item(view: SentenceView) -> list[Agreement]:
    """An item of a list of signed documents that names its two parties and a topic but no kind
    ("• Vantora x Kestrel Grid: energy infrastructure"): a document between them, its kind unsaid."""
    head = DASHED_HEAD.match(view.text)
    if head is None or not LIST_ITEM.match(view.text) or DOCUMENT_KIND.search(view.text):
        return []
    parties = list(dict.fromkeys(e for e in view.entities_between(0, head.end()) if e.is_agent))
    if len(parties) != 2:
        return []
    topic = re.split(r"[;]\s", view.text[head.end() :].strip(), maxsplit=1)[0].rstrip(".;")
    return [
        Agreement(
            kind="agreement",
            label=f"Agreement between {join_names(p.name for p in parties)} on {topic}",
            parties=parties,
            topic=topic,
            variant=topic,
            sentences={view.sentence.index},
            rule="signed-list-item",
            caveats={"kind-unsaid"},
        )
    ]


# "The largest deal is an investment agreement for a megaproject. Its signatories include A, B and C."
_SIGNATORIES = re.compile(r"^\s*(?:Its|The)\s+(?:signatories|signing parties)\s+(?:include[sd]?|are|were)\b")


def signatories(view: SentenceView, previous: SentenceView | None, posts: dict[Entity, Post]) -> list[Agreement]:
    """The document the sentence before named, signed by those this sentence lists as its signatories."""
    opener = _SIGNATORIES.match(view.text)
    # "The largest deal is an investment agreement …": the document the sentence names last
    kind_match = ([*DOCUMENT_KIND.finditer(previous.text)] or [None])[-1] if opener and previous is not None else None
    if kind_match is None:
        return []
    parties = list(dict.fromkeys(e for e in as_parties(view.entities_between(opener.end(), len(view.text)), posts)))
    if len(parties) < 2:
        return []
    kind = kind_of_document(kind_match)
    topic = TOPIC.search(previous.text, kind_match.end())
    return [
        Agreement(
            kind=kind,
            label=f"{kind[0].upper() + kind[1:]} between {join_names(p.name for p in parties)}",
            parties=parties,
            date=next((d.iso for d in [*previous.dates, *view.dates] if not d.future), None),
            topic=topic.group(1).strip().rstrip(".") if topic else kind_match.group(0),
            sentences={previous.sentence.index, view.sentence.index},
            rule="signed-by-context",
        )
    ]


def list_parties(
    opener: SentenceView,
    previous: SentenceView | None,
    posts: dict[Entity, Post],
    recent_meetings: list[Meeting],
    countries: list[Entity],
) -> list[Entity]:
    """Who signs the documents a list's opener introduces: the organizations or countries it names
    ("… were signed by the ministry and X:"), else those named in the sentence before it, else the
    persons it names ("signed by Minister X and Chairman Y:"), else the countries "the two
    presidents" stand for ("the two presidents witnessed the signing of the following documents:"),
    or the sides of the talks the opener follows ("Signed after the talks: …")."""
    views = [v for v in (opener, previous) if v is not None]
    agents = [without_delegation_heads(v, v.entities_between(0, len(v.text))) for v in views]
    parties = list(dict.fromkeys(as_parties(agents[0], posts)))
    organizations = [e for e in parties if e.type != PERSON]
    if len(organizations) >= 2:
        return organizations
    witnesses = re.search(r"\b(?:in the presence of|witnessed by|witnessed the (?:signing|exchange))\b", opener.text)
    leaders = [e for e in agents[0] if e.type == PERSON]
    if witnesses and leaders and (len(parties) < 2 or any(p in leaders for p in parties)) and len(countries) >= 2:
        # "… signed in the presence of President A and President B:": their states, not the organizations
        # the sentence before names (a delegation's make-up)
        return countries[:2]
    pronoun = PRONOUN_PARTIES.search(opener.text)
    if len(parties) < 2 and pronoun and pronoun.group(0).lower() != "they":
        # "Both presidents then witnessed the signing of these documents:": the two the talks were between,
        # not the bodies the sentence before named
        return parties_by_context(pronoun.group(0), recent_meetings, countries, posts)
    if len(parties) < 2 and _AFTER_THE_TALKS.search(opener.text):
        # "Signed after the talks: …": the sides of the talks, not whatever the sentence before names
        sides = parties_by_context("the two sides", recent_meetings, countries, posts)
        if sides:
            return sides
    if len(agents) > 1:
        organizations = [e for e in as_parties(agents[1], posts) if e.type != PERSON]
        if len(organizations) >= 2:
            return list(dict.fromkeys(organizations))
    if len(parties) < 2 and pronoun:
        return parties_by_context(pronoun.group(0), recent_meetings, countries, posts)
    return parties if len(parties) >= 2 else []


_AFTER_THE_TALKS = re.compile(r"\b(?:after|following|at the end of|at the close of)\s+the\s+(?:talks|meeting)\b", re.I)
_WITH_ITEM_OPENING = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])?\s*with\s+")
_PRESENCE = re.compile(r"\b(?:in the presence of|witnessed by)\b[^,;]*")


def counterparts_in_items(
    opener: SentenceView, items: list[SentenceView], documents: list[Agreement], posts: dict[Entity, Post]
) -> list[Agreement]:
    """ "X signed two memoranda with carmakers:" then "- with A, …" and "- with B, …": one document
    with each item's counterpart, signed by X (those the opener names before its verb, not those in
    whose presence it signed). Returns the documents, one per item."""
    sign = SIGNED.search(opener.text)
    items = [item for item in items if _WITH_ITEM_OPENING.match(item.text)]
    if sign is None or len(items) < 2 or len(documents) not in (1, len(items)):
        return documents
    witnesses = [(m.start(), m.end()) for m in _PRESENCE.finditer(opener.text, 0, sign.start())]
    signers = [
        e
        for m, e in opener.items
        if e is not None
        and e.is_agent
        and opener.rel(m)[1] <= sign.start()
        and not any(a <= opener.rel(m)[0] < b for a, b in witnesses)
    ]
    subject = as_parties(list(dict.fromkeys(signers)), posts)
    if not subject:
        return documents
    out = []
    for number, item in enumerate(items):
        opening = _WITH_ITEM_OPENING.match(item.text)
        counterpart = next((e for e in item.entities_between(opening.end(), len(item.text)) if e.type != PERSON), None)
        if counterpart is None:
            return documents
        document = (
            documents[number]
            if len(documents) == len(items)
            else replace(documents[0], caveats=set(documents[0].caveats))
        )
        document.parties = [*subject, counterpart]
        document.rule = "signed-by"
        document.variant = counterpart.name
        document.sentences = document.sentences | {item.sentence.index}
        out.append(document)
    return out
