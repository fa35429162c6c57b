"""Partnerships (strategic, comprehensive strategic, …) and who is in them: named between two
parties, set up by an agreement read in the same sentence, or between the countries the sentence
or the article names."""

from __future__ import annotations

import re

from .agreements import ADJ_PAIR, PRONOUN_PARTIES, between_parties, pair_words
from .entities import ORG_TYPES, SentenceView, fold
from .facts import COUNTRY, PERSON, PLACE, Agreement, Entity, Partnership, Post

__all__ = ["merge_partnerships", "read_partnerships"]

# "strategic", "comprehensive strategic", and how news embroiders them: "all-weather strategic cooperative",
# "permanent comprehensive strategic", "comprehensive strategic and cooperative partnership"
_KIND_WORDS = (
    r"(?:(?:all-weather|permanent|global|special|enhanced|privileged|innovative|new|all-round|"
    r"comprehensive)\s+)*(?:strategic|comprehensive)"
)
_PARTNERSHIP = re.compile(
    rf"\b(?P<kind>{_KIND_WORDS})(?:\s+(?:and\s+)?cooperative)?\s+partnership\b|"
    # "a green hydrogen partnership", "the Just Energy Transition Partnership": a partnership by its field
    r"\b(?P<field>just\s+energy\s+transition|(?:(?:green|clean|renewable|sustainable)\s+)?(?:energy|hydrogen|"
    r"climate|energy\s+transition|raw\s+materials?))\s+partnership\b",
    re.I,
)


# "A and B have been comprehensive strategic partners since 2013", "A became a strategic partner of B in
# 2016": the partnership told by its members
_PARTNERS = re.compile(
    rf"\b(?P<kind>{_KIND_WORDS})(?:\s+(?:and\s+)?cooperative)?\s+partners?\b(?!hip)"
    r"(?=\s+(?:of|since|for)\b|\s*[,.;]|\s+in\s+\d{4})",
    re.I,
)
# … and how a clause tells it: "has long been B's strategic partner", "A regards B as a strategic partner"
_BECOME_OR_BEEN = re.compile(
    r"\b(?:become|became|becoming|been|are|were|is|was|remains?|remained|"
    r"(?:regard|consider|see|view|describ|call)\w*\s+(?:[\w'’-]+\s+){0,8}?(?:as|its|their))"
    r"\s+(?:[\w'’-]+\s+){0,4}$"
)
_OWNER = re.compile(r"\b(?P<owner>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+(?:[\w-]+\s+){0,3}$")
_SINCE = re.compile(r"\s+since\s+(?P<year>(?:19|20)\d\d)\b")


def _partnership_kind(words: str) -> str:
    """The ontology's kind for the words news uses: all-round strategic, comprehensive strategic,
    strategic or comprehensive partnership."""
    low = words.lower()
    if "all-round" in low and "strategic" in low:
        return "all-round strategic partnership"
    if "comprehensive" in low and "strategic" in low:
        return "comprehensive strategic partnership"
    return "strategic partnership" if "strategic" in low else "comprehensive partnership"


_ESTABLISH = re.compile(
    r"\b(?:establish\w*|elevat\w*|upgrad\w*|rais\w*|forg\w*|level of|declaration|agreement|signed|signs?|launch\w*|"
    r"join(?:s|ed|ing)?|formed|form(?:s|ing)?|entered\s+into|enters\s+into|struck|sealed|agreed|finali[sz]ed|"
    r"set\s+(?:out|up)|"
    # "relations between A and B are governed by a comprehensive strategic partnership": one that exists
    r"governed\s+by)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but)\b|\s+while\s+")
# "their (comprehensive) strategic partnership", "describe their relationship as a strategic partnership",
# "the strategic partnership of our two countries": the partnership of the pair the sentence speaks of
_OWNED_BEFORE = re.compile(
    r"\b(?:(?:their|our)(?:\s+two\s+countries['’])?|(?:describe\w*|call\w*|consider\w*)\s+(?:[\w-]+\s+){0,3}?as)"
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_OWNED_AFTER = re.compile(r"\s+(?:of|between)\s+(?:our|the|their)\s+two\s+(?:countries|nations|states)\b", re.I)
_RELATIONS_BETWEEN = re.compile(r"\b(?:relations|ties)\s+(?P<between>between)\s+")


def read_partnerships(
    view: SentenceView,
    agreements: list[Agreement],
    countries_in_article,
    countries: list[Entity],
    posts: dict[Entity, Post],
) -> list[Partnership]:
    text = view.text
    out = []
    if "partner" not in view.lower:
        return out  # most sentences name none: skip the long pattern
    out += _partners_named(view, countries_in_article)
    out += _owned_partnership_with(view, countries_in_article)
    out += _partnership_formed(view)
    for match in _PARTNERSHIP.finditer(text):
        established = bool(_ESTABLISH.search(text))
        kind = _partnership_kind(match.group("kind")) if match.group("kind") else "partnership"
        # the clause of the match: "A and B describe … a partnership, while C established one with D"
        start = max([0] + [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, match.start())])
        stop = next((b.start() for b in _CLAUSE_BREAK.finditer(text, match.end())), len(text))
        partners: list[Entity] = []
        agreement = next((a for a in agreements if view.sentence.index in a.sentences), None)
        between = between_parties(view, match.end())
        if not between:  # "elevating relations between Korea and Turkmenistan to a strategic partnership"
            before = _RELATIONS_BETWEEN.search(text, start, match.start())
            between = between_parties(view, before.start("between"), reach=0) if before else []
            between = between if all(e.type != PERSON for e in between) else []  # "relations between two leaders"
        rule = "partnership-between"
        if between:
            partners = between
        elif agreement:
            partners, rule = agreement.parties, "partnership-by-agreement"
        pair = ADJ_PAIR.search(text)
        if len(partners) < 2 and pair:
            partners = [c for c in map(countries_in_article, pair_words(pair)) if c]
            rule = "partnership-adjectival-pair"
        if len(partners) < 2:
            partners = [e for e in view.entities_between(start, stop) if e.type == COUNTRY]
            rule = "partnership-countries"
        if len(partners) < 2 and established and match.group("kind"):
            # "Vantora and Kestrel entered into a strategic partnership", "Vantora formed a strategic partnership
            # with Kestrel": the organizations of the clause
            # "Egypt and the European Union agreed a partnership": a country and an organization too
            organizations = [e for e in view.entities_between(start, stop) if e.type in ORG_TYPES or e.type == COUNTRY]
            if len(organizations) == 2:
                partners, rule = organizations, "partnership-organizations"
        if len(partners) < 2:  # "Beijing and Islamabad … their partnership": capitals stand for their states
            capitals = [e for e in view.entities_between(start, match.start(), agents_only=False) if e.type == PLACE]
            states = [countries_in_article(e.in_country) for e in capitals if e.in_country]
            if len(capitals) >= 2 and len(states) == len(capitals) and all(states):
                partners, rule = list(dict.fromkeys(states)), "partnership-countries"
        if len(partners) < 2:  # "Chinese President X and Uzbek President Y announced …": their states
            leaders = [e for e in view.entities_between(start, stop) if e.type == PERSON and e in posts]
            partners = [o for o in dict.fromkeys(posts[e].organization for e in leaders) if o and o.type == COUNTRY]
        owned = _OWNED_BEFORE.search(text, start, match.start()) or _OWNED_AFTER.match(text, match.end())
        by_context = PRONOUN_PARTIES.search(text) or _OWNED_AFTER.match(text, match.end())  # "of our two countries"
        if len(partners) < 2 and by_context and len(countries) >= 2:
            partners, rule = countries[:2], "partnership-by-context"  # "the two countries elevated ties to …"
        if len(partners) < 2:
            continue
        if not established and rule == "partnership-by-context" and owned:
            established = True  # "the two countries … their strategic partnership": theirs, though not made here
        if not established and rule not in (
            "partnership-between",
            "partnership-adjectival-pair",
            "partnership-countries" if match.group("kind") else "",
            "partnership-organizations",
        ):
            continue  # a partnership named in passing counts only with its partners named beside it
        if match.group("field") and rule == "partnership-countries" and not _ESTABLISH.search(text, start, stop):
            continue  # "projects … in the energy partnership of X with the SCO countries": a field, no pact
        date = agreement.date if agreement else _own_date(view, match, start, stop) if established else None
        out.append(
            Partnership(
                kind=kind,
                partners=list(dict.fromkeys(partners)),
                date=date,
                established_by=agreement,
                sentences={view.sentence.index},
                rule=rule,
            )
        )
    return out


def _partners_named(view: SentenceView, countries_named=None) -> list[Partnership]:
    """ "A and B have been comprehensive strategic partners since 2013", "A was the first to become a
    comprehensive strategic partner of B, in 2016": the two the clause names, dated by "since" or its date."""
    text = view.text
    out = []
    for match in _PARTNERS.finditer(text):
        if not _BECOME_OR_BEEN.search(text, 0, match.start()):
            continue  # "X, a strategic partner of Y, said …": a description, no pact told
        start = max([0] + [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, match.start())])
        stop = next((b.start() for b in _CLAUSE_BREAK.finditer(text, match.end())), len(text))
        members = [e for e in view.entities_between(start, stop) if e.type == COUNTRY or e.type in ORG_TYPES]
        owner = _OWNER.search(text, start, match.start())
        owner_country = countries_named(owner.group("owner")) if owner and countries_named else None
        if owner_country and owner_country not in members:  # "… has long been Kazakhstan's strategic partner"
            members.append(owner_country)
        if len(members) != 2:
            continue
        since = _SINCE.match(text, match.end())
        date = since.group("year") if since else None
        date = date or next((d.iso for d in view.dates if not d.future and match.end() <= d.start < stop), None)
        out.append(
            Partnership(
                kind=_partnership_kind(match.group("kind")),
                partners=members,
                date=date,
                sentences={view.sentence.index},
                rule="partners-named",
            )
        )
    return out


def _own_date(view: SentenceView, match: re.Match, start: int, stop: int) -> str | None:
    """The date of the partnership ``match`` names within its clause: the first after it, before the
    next partnership named ("formed a strategic partnership in 1993 and raised it to a comprehensive
    strategic partnership in 2012"), else the last before it, after the one named before."""
    before = [m.end() for m in _PARTNERSHIP.finditer(view.text, start, match.start())]
    after = [m.start() for m in _PARTNERSHIP.finditer(view.text, match.end(), stop)]
    low, high = max([start, *before]), min([stop, *after])
    own = [d for d in view.dates if not d.future and low <= d.start < high]
    later = [d for d in own if d.start >= match.end()]
    return (later[0] if later else own[-1]).iso if own else None


# "Chile's strategic partnership with Peru": the owner's and the one it is with
_OWNED_WITH = re.compile(
    rf"\b(?P<owner>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+(?P<kind>{_KIND_WORDS})(?:\s+(?:and\s+)?cooperative)?"
    r"\s+partnership\s+with\s+"
)


def _owned_partnership_with(view: SentenceView, countries_named) -> list[Partnership]:
    out = []
    for match in _OWNED_WITH.finditer(view.text) if countries_named else ():
        owner = countries_named(match.group("owner"))
        partner = next(iter(view.entities_between(match.end(), match.end() + 40)), None)
        if owner is not None and partner is not None and partner is not owner and partner.type == COUNTRY:
            out.append(
                Partnership(
                    kind=_partnership_kind(match.group("kind")),
                    partners=[owner, partner],
                    sentences={view.sentence.index},
                    rule="partnership-between",
                )
            )
    return out


# "Vantora and Kestrel formed a partnership to develop …": two organizations set one up
_FORMED = re.compile(
    r"\b(?:formed|forged|entered\s+into|established|launched|struck|sealed|set\s+(?:out|up)|finali[sz]ed)\s+(?:a|an)\s+"
    r"(?:new\s+|long-term\s+)?"
    r"partnership\b(?!\s+(?:with|between)\b)"
)


def _partnership_formed(view: SentenceView) -> list[Partnership]:
    match = _FORMED.search(view.text)
    if match is None:
        return []
    start = max([0] + [b.end() for b in _CLAUSE_BREAK.finditer(view.text, 0, match.start())])
    founders = [e for e in view.entities_between(start, match.start())]
    # two organizations, or a country and an organization ("Norway and UNDP set out a partnership")
    if len(founders) != 2 or any(e.type not in ORG_TYPES and e.type != COUNTRY for e in founders):
        return []
    date = next((d.iso for d in view.dates if not d.future), None)
    return [
        Partnership(
            kind="partnership",
            partners=founders,
            date=date,
            sentences={view.sentence.index},
            rule="partnership-organizations",
        )
    ]


def merge_partnerships(partnerships: list[Partnership]) -> list[Partnership]:
    kept: dict[tuple, Partnership] = {}
    for p in partnerships:
        key = (p.kind, frozenset(fold(e.name) for e in p.partners))
        if key in kept:
            kept[key].sentences |= p.sentences
            kept[key].date = kept[key].date or p.date
            kept[key].established_by = kept[key].established_by or p.established_by
        else:
            kept[key] = p
    return list(kept.values())
