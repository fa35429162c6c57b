"""Documents a sentence names without telling their signing: "the 2019 agreement between A and B",
"three memorandums between A and B: the MoU on X of 25 January 2022, the MoU on Y of …". News
names documents in force this way; each is an agreement between those parties, read with less
confidence than a signing told (rule ``document-between``)."""

from __future__ import annotations

import re

from .agreements import DOCUMENT_KIND, NOT_DONE, TOPIC, between_parties, kind_of_document
from .entities import SentenceView
from .facts import Agreement

# not (yet) a document in force: drafts, negotiations, proposals, questions
_NOT_IN_FORCE = re.compile(
    r"\b(?:planned|envisag\w*|prepar\w*|talks on|would|will|could|"
    r"may|might|should|to be|expected|under discussion|considering|seek\w*|future|possible|potential|"
    r"withdr\w*|terminat\w*|cancel\w*|suspend\w*|expired?|without|if|once|unless|whether|(?i:draft|negotiat|propos)\w*)\b|\?"
)
# words one of which a sentence must hold for the (slow) document-kind pattern to be worth running
_DOCUMENT_CUE = re.compile(
    r"memorand|mou|letter|agreement|statement|communiqu|declaration|protocol|accord|contract|road ?map|"
    r"heads of terms|term sheet|deal|ppa|treat|plan|package|facility|loan|programme"
)
# the day a document is known by: "of 25 January 2022", "dated 3 May", "the 2019 agreement"
_OWN_DAY_AFTER = re.compile(r"\s*(?:of|dated|from)\s+$")


def named_documents(view: SentenceView) -> list[Agreement]:
    """The documents in force the sentence names between two or more parties, one per kind named
    after a list's colon ("… between A and B: the MoU on X of …, the MoU on Y of …")."""
    text = view.text
    if "between" not in view.lower or not _DOCUMENT_CUE.search(view.lower):
        return []  # the parties follow "between": most sentences are left at once
    if _NOT_IN_FORCE.search(text) or NOT_DONE.search(text):
        return []
    out: list[Agreement] = []
    kinds = list(DOCUMENT_KIND.finditer(text))
    for number, kind_match in enumerate(kinds):
        parties = _closed_list(view, [e for e in between_parties(view, kind_match.end(), reach=40) if e.is_agent])
        if len(parties) < 2:
            continue
        colon = text.find(":", kind_match.end())
        listed = [k for k in kinds[number + 1 :] if colon != -1 and k.start() > colon]
        for document, after in zip(listed or [kind_match], [*listed[1:], None], strict=False):
            span_end = after.start() if after else len(text)
            day = next(
                (
                    d.iso
                    for d in view.dates
                    if not d.future
                    and (
                        (document.end() <= d.start < span_end and _OWN_DAY_AFTER.search(text, 0, d.start))
                        or 0 <= document.start() - d.end <= 2
                    )
                ),
                None,
            )
            topic = TOPIC.search(text[document.end() : span_end])
            kind = kind_of_document(document)
            out.append(
                Agreement(
                    kind=kind,
                    label=f"{kind[0].upper() + kind[1:]} between {' and '.join(p.name for p in parties)}",
                    parties=parties,
                    date=day,
                    topic=topic.group(1).strip().rstrip(".") if topic else None,
                    sentences={view.sentence.index},
                    rule="document-between",
                )
            )
        break
    return out


def _closed_list(view: SentenceView, parties: list) -> list:
    """ "between A and B, National Assembly, 11 April": the list ends with the name after its "and"."""
    spans = [next((view.rel(m) for m, e in view.items if e is party), None) for party in parties]
    for number in range(1, len(parties) - 1):
        if (
            spans[number - 1]
            and spans[number]
            and re.fullmatch(r"\s+and\s+", view.text[spans[number - 1][1] : spans[number][0]])
        ):
            return parties[: number + 1]
    return parties
