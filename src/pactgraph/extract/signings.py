"""Signings as occasions: "X and Y signed the agreement at a ceremony in Lima", "the contract was
signed in Lima by Minister A and Chairman B". News and gold alike count such a signing as a
meeting of those who signed it, unless it happened during a meeting the article reports."""

from __future__ import annotations

import re

from .entities import SentenceView
from .facts import PERSON, Agreement, Meeting

# the text tells of the signing itself: a ceremony, or who put their names to it
_CEREMONY = re.compile(
    # "Prime Minister X witnessed in Islamabad the signing of a memorandum between A and B"
    r"\b(?:ceremony|in the presence of|looking on|witnessed\s+(?:in\s+[A-Z][\w'’-]*\s+)?the\s+signing|"
    # "signed at the Ministry of Energy and Water in Beirut by A" (not "… with a consortium led by A")
    r"signed\s+(?:[\w,]+\s+){0,12}?(?<!led )(?<!headed )(?<!owned )(?<!backed )(?<!developed )(?<!built )by\s+"
    r"(?:[A-Z]|the\s+\w+\s+[A-Z]))"
)
_SIGNATORIES = re.compile(
    r"\b(?:signed\s+(?:it\s+)?(?:for|on behalf of)|(?:was|were)\s+represented\s+by|took part in the ceremony|"
    r"attended the (?:signing|ceremony)|looked on)\b"
)
# the next sentence tells who was there: "Present at the ceremony were …", "The ceremony was attended by …"
_CEREMONY_NEXT = re.compile(
    r"\b(?:[Pp]resent\s+at\s+the\s+(?:signing\s+)?(?:ceremony|signing)\s+(?:were|was)|"
    r"[Tt]he\s+(?:signing\s+)?ceremony\s+was\s+(?:also\s+)?(?:attended|witnessed)\s+by|"
    r"[Ww]itnessing\s+the\s+signing\s+(?:were|was))\b"
)
# … and the signing is its subject, not an aside ("the ceremony will follow", "planned")
_NOT_NOW = re.compile(r"\b(?:will|would|to be|expected|planned|scheduled)\b")


# "Minister A and Vice-Chancellor B on Friday signed a declaration": two persons put their names to it
_SIGNED_BY_SUBJECT = re.compile(r"\b(?:signed|inked|initialled|exchanged)\b")
_APART = re.compile(r"\b(?:video|remotely|virtually|online|separately|by letter)\b|;")


def _tells_of_signing(view: SentenceView, date: str, meetings: list[Meeting]) -> bool:
    text = view.text
    if _CEREMONY.search(text):
        return not _NOT_NOW.search(text)
    verb = _SIGNED_BY_SUBJECT.search(text)
    if verb is None or _APART.search(text) or _NOT_NOW.search(text, 0, verb.start()):
        return False  # "… signed a declaration on a pipeline to be built by 2028" is signed now
    signers = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= verb.start()]
    if len(set(map(id, signers))) < 2:
        return False
    # "A held talks with B …; the two presidents then signed …": the signing was part of those talks
    return not any(
        set(map(id, signers)) & set(map(id, m.participants))
        and m.date
        and (m.date.startswith(date) or date.startswith(m.date))
        and not m.planned
        for m in meetings
    )


def signing_occasions(views: list[SentenceView], agreements: list[Agreement], meetings: list[Meeting]) -> list[Meeting]:
    """One ceremony per sentence that tells of a dated signing not already part of a meeting: its
    participants are the persons the sentence names and the signing parties."""
    occasions: list[Meeting] = []
    by_sentence: dict[int, list[Agreement]] = {}
    told = {i for m in meetings for i in m.sentences}
    for agreement in agreements:
        if agreement.signed_during is not None or not agreement.date or agreement.rule == "signed-list-item":
            continue
        if told & agreement.sentences:
            continue  # signed at a meeting the article reports: that meeting is the occasion
        occasion = next(
            (
                i
                for i in sorted(agreement.sentences)
                if _tells_of_signing(views[i], agreement.date, meetings) or _ceremony_told_next(views, i)
            ),
            None,
        )
        if occasion is not None:
            by_sentence.setdefault(occasion, []).append(agreement)
    for index, signed in sorted(by_sentence.items()):
        view = views[index]
        persons = [e for _, e in view.items if e is not None and e.type == PERSON]
        following = index + 1
        while (
            following < len(views)
            and following - index <= 2
            and (_SIGNATORIES.search(views[following].text) or _CEREMONY_NEXT.search(views[following].text))
        ):
            # "Three ministers signed for the government: A, B and C. X was represented by …"
            persons += [e for _, e in views[following].items if e is not None and e.type == PERSON]
            following += 1
        participants = list(dict.fromkeys([*persons, *(p for a in signed for p in a.parties)]))
        first = signed[0]
        occasions.append(
            Meeting(
                kind="ceremony",
                label=f"Signing of the {first.label[0].lower()}{first.label[1:]}",
                date=first.date,
                place=first.place,
                participants=participants,
                named=True,
                sentences={index},
                rule="signing-occasion",
            )
        )
        for agreement in signed:
            agreement.signed_during = occasions[-1]
    return occasions


def _ceremony_told_next(views: list[SentenceView], index: int) -> bool:
    """ "A and B signed the agreements in Lima. Present at the ceremony were …", "… B signed for the
    ministry.": the signing's ceremony, or the signing by persons the next sentence names."""
    if index + 1 >= len(views) or _NOT_NOW.search(views[index].text):
        return False
    following = views[index + 1]
    return bool(_CEREMONY_NEXT.search(following.text)) or (
        bool(_SIGNATORIES.search(following.text))
        and any(e is not None and e.type == PERSON for _, e in following.items)
    )
