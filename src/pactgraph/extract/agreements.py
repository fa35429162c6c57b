"""Agreements (who signed what, when, where). Only what was
signed counts: "will sign", "proposed", "agreed to draw up" are not agreements."""

from __future__ import annotations

import itertools
import re

from .clauses import CLAUSE_END, countries_paired, dates_something_else
from .entities import SentenceView
from .facts import COUNTRY, PERSON, Agreement, Entity, Meeting, Post

_SIGN = re.compile(
    r"\b(?:signed|signs|inks|inked|concluded|adopted|initialled|initialed|sealed|signature|"
    # headlinese's present: "NTPC, state govt ink pact on renewables"
    r"(?<!\bto )ink(?=\s+(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:pacts?|deals?|MoUs?|agreements?)\b)|"
    # "A and B put their names to a deal", "entered into an agreement", "struck a deal", "reached an
    # agreement with": a document concluded
    r"(?:put|puts|putting)\s+(?:their|its|his|her)\s+names?\s+to|put pen to paper|"
    # "the forum produced 58 agreements worth …": what an event yields was signed at it
    r"(?:produced|yielded)(?=\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several)\s+"
    r"(?:[\w-]+\s+){0,2}(?:agreements|deals|contracts|memorand|documents|MoUs)\b)|"
    # "penned a power purchase agreement", "finalised a contract", "secured a PPA from": a document concluded
    # "announced a legally binding memorandum with B": a document concluded, made public
    r"(?:penned|pens|finali[sz]ed|finali[sz]es|secured|secures|(?:has\s+|have\s+)?agreed(?:\s+on)?|announced|"
    # "formalised their cooperation with a memorandum"
    r"formali[sz]ed\s+(?:their|its|the)\s+(?:[\w-]+\s+){1,2}(?:with|through|in)(?=\s+an?\s))"
    r"(?=\s+(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w$.,-]+\s+){0,4}"
    r"(?:agreements?|contracts?|deals?|memorand\w*|MoUs?|accords?|PPAs?)\b)|"
    # "A awarded B a contract": B a name, no "for …"
    r"(?:awarded|awards|granted|grants)(?=\s+(?:(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){1,6})?(?:an?|the)\s+(?:[\w$.,-]+\s+){0,5}"
    r"(?:agreements?|contracts?|concessions?(?:\s+agreements?)?|PPAs?)\b)|"
    r"(?:entered|enters)\s+into(?=\s+(?:an?|the|two|three|\d+)\s+(?:[\w-]+\s+){0,3}"
    r"(?:agreements?|contracts?|deals?|memorand\w*|MoUs?|accords?)\b)|"
    r"(?:struck|strikes|reached|reaches|clinched|clinches)(?=\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:agreements?|deals?|accords?|contracts?)\s+"
    r"(?:with|on|to|for)\b)|"
    r"signing(?=\s(?:[^.;]{0,40}\s)?of\b)|"  # "the signing in June 2023, in Astana, of a PPA"
    # "Eustream and Vestmoldtransgaz joined the memorandum on the corridor": they became parties to it
    r"(?:joined|joins|acceded\s+to|accedes\s+to)(?=\s+(?:the|an?)\s+(?:[\w-]+\s+){0,4}"
    r"(?:memorand\w*|agreements?|declarations?|accords?|pacts?|charters?|protocols?|MoUs?)\b)|"
    # "X holds a 25-year power purchase agreement with EVN": a contract in force, signed before
    r"(?:holds|held|has|had)(?=\s+an?\s+(?:[\w-]+\s+){0,3}(?:PPAs?|power\s+purchase\s+agreements?|"
    r"offtake\s+agreements?|concession\s+agreements?)\s+with\b)|"
    # "the two countries issued a Joint Statement on …": a statement is issued, not signed
    r"issued(?=\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}(?i:statements?|declarations?|communiqu))|"
    # a timeline's present: "In May A and B sign the contract" (never "to sign", "a sign of")
    r"(?<!\bto )(?<!\ba )sign(?=\s+(?:the|an?|two|three|four|five|\d+)\s+(?:[\w-]+\s+){0,3}"
    r"(?i:contracts?|agreements?|memorand|MoUs?|deals?|declarations?|statements?|accords?)\b)|"
    # "A and B watched officials exchange a set of MoUs": those who watched signed through their officials
    # "presided at the palace over the exchange of a long list of memoranda", "witnessed the exchange of MoUs"
    r"(?:watched|witnessed|saw|oversaw|presided\s+(?:at\s+[^,.;]{1,40}?\s+)?over)\s+(?:[a-z]+\s+){0,2}exchange"
    r"(?=\s+(?:of\s+)?(?:(?:a|another)\s+(?:[a-z]+\s+)?(?:set|series|number|batch|list|package)\s+of\s+|the\s+|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:documents|memorand|agreements|instruments|MoUs?\b))|"
    # "seven documents were exchanged in front of the two leaders"
    r"(?:(?<=were )|(?<=was ))exchanged(?=\s+(?:in|at|during|before|on|by)\b)|"
    # "exchanged water-sector and high-speed rail memoranda" (never "exchanged views on the agreement")
    r"exchanged(?=\s+(?:the\s+)?(?:signed\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+)?"
    r"(?:(?!(?:views|opinions|ideas|on|about|over|with)\s)[a-z-]+\s+){0,4}"
    r"(?:documents|memorand|agreement|declaration|instruments|MoUs?\b)))\b"
)
SIGNED = _SIGN
# a signing not (yet) done: "will sign", "was not signed", "is only under discussion"
NOT_DONE = re.compile(
    r"\b(?:will|would|shall|could|may|might|should|to be|expected to|plans? to|planned to|intends? to|"
    r"proposed|propose|aims? to|ready to|agreed to|is set to|are set to|hope to|wants? to|idea)\s+"
    r"(?:[\w\x22“”‘’\x27]+\s+){0,3}?(?:be\s+)?(?:signed|sign|adopted|adopt|ink|inked|conclude)\b|"  # would "soon" sign
    r"\b(?:no|not|never|yet to)\b(?:\s+\w+){0,4}?\s+(?:been\s+|be\s+)?(?:signed|adopted|inked|concluded)\b|"
    r"\b(?:was|were|is|are|been)\s+(?:only\s+|merely\s+)?(?:proposed|discussed|considered|drafted|under discussion)\b"
)
KINDS = [
    (
        r"memorand(?:ums|um|a) of understanding|\bMoUs?\b|\bmemorand(?:ums|um|a)\b|letters? of intent",
        "memorandum of understanding",
    ),
    (r"implementation agreements?|agreements? on (?:the )?implementation", "implementation agreement"),
    (r"investment agreements?|agreements? on investments?", "investment agreement"),
    (r"strategic cooperation agreements?", "strategic cooperation agreement"),
    (
        # "a cooperation plan on jointly building the Belt and Road": a plan signed is a cooperation document
        r"(?:cooperation|collaboration) (?:agreements?|plans?)|agreements? on cooperation",
        "cooperation agreement",
    ),
    (r"joint statements?|joint communiqu[eé]", "joint statement"),
    (r"(?:joint )?declarations?", "declaration"),
    (
        r"agreements?|protocols?|\baccords?\b|contracts?\b|road ?maps?|heads of terms|term sheets?|\bdeals?\b|"
        r"\bPPAs?\b|\btreat(?:y|ies)\b|\b(?:joint\s+)?action\s+plans?\b|\bpacts?\b|\bexchanges? of notes\b|"
        r"(?:financing|loan|credit|funding)\s+(?:package|facility)|\bloans?\b|"
        r"(?:implementation|executive|joint|cooperation|action)\s+programmes?|"
        r"\b(?:documents|texts|instruments)\b",  # counted only: "five cooperation texts were signed"
        "agreement",
    ),
]
DOCUMENT_KIND = re.compile("|".join(f"(?P<k{i}>{pattern})" for i, (pattern, _) in enumerate(KINDS)), re.I)
# A document's own name: "Declaration on the Establishment of a Comprehensive Strategic Partnership"
_TITLE = re.compile(
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s+(?:on|of|for)\s+(?:the\s+|a\s+)?[A-Z][\w-]*"
    r"(?:(?:\s+(?:of|and|on|for|the|a))+\s+(?=[A-Z])[A-Z][\w-]*|\s+[A-Z][\w-]*)*)?"
)
# an item of a list or a row of a table: "1. Memorandum …", "- an agreement …", "2. | Agreement on … | A | B"
LIST_ITEM = re.compile(r"^\s*(?:(?:\d{1,2}[.)]\s*\|?|[-•*–|])\s*(?=[\"“«]?[A-Za-z])|(?=[A-Z]))")
_COUNTED_COUNTERPARTS = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:companies|firms|partners|countries|developers|investors|banks|utilities|organi[sz]ations)\b"
)
_AWARDED = re.compile(r"awarded|awards|granted|grants")
_LINKING = re.compile(r"\s+(?:linking|binding)\s+")
_BETWEEN = re.compile(r"\b(?:between|among|amongst)\s+")
# "signed with X", "signed by X" — not "attended by", "witnessed by" (those are present, not signing)
_WITH = re.compile(
    r"(?<!attended )(?<!witnessed )(?<!observed )(?<!chaired )(?<!hosted )(?<!accompanied )"
    r"(?<!presided over )(?<!in the presence of )\b(?:with|by)\s+"
)
_GROUP_OF = re.compile(
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:consortium|joint venture|group|partnership|alliance)\s+"
    r"(?:led by|of|formed by|made up of|comprising|including|between)\s"
)
_ANAPHORIC_DOCUMENT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+$")
# "universities of the two countries" are not the countries ("in the presence of" them, they are)
PRONOUN_PARTIES = re.compile(
    r"(?:(?<=presence of )|(?<!\bof ))(?<!\bfrom )"
    r"\b(?:the two sides|both sides|the sides|the two countries|both countries|the two parties|the two leaders|"
    r"both leaders|the two heads of state|the two presidents|both presidents|the two governments|their countries|"
    r"the leaders|the presidents|the heads of state|"
    # "The meeting concluded with the signing of the protocol": those who met
    r"the (?:meeting|talks|session|negotiations)(?=\s+(?:concluded|ended|closed|culminated)\s+(?:with|in)\b)|"
    r"they)\b",
    re.I,
)
_MINISTRIES_OF = re.compile(r"\b(?P<portfolio>[a-z]+)\s+ministries\s+of\s+$", re.I)
ADJ_PAIR = re.compile(
    # "Azerbaijan-UAE ties" too: a country's short form in capitals
    r"\b(?P<a>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,3}|(?:[A-Z]\.){2})[-–]"
    r"(?P<b>[A-Z][a-z]+(?:\s(?!Strategic|Partnership|Comprehensive|Energy|Cooperation)[A-Z][a-z]+)?|[A-Z]{2,3}\b|"
    r"(?:[A-Z]\.){2})\s*"
    r"(?:[a-z-]+\s+){0,4}?(?:relations|ties|partnership|cooperation|memorand|agreement|accord|declaration|treaty|"
    r"Strategic\s+Partnership|Partnership)|"
    # "the Italian and Tunisian governments signed a joint declaration": the two countries
    r"\b(?:[Tt]he\s+)?(?P<a2>[A-Z][a-z]+)\s+and\s+(?P<b2>[A-Z][a-z]+)\s+"
    r"(?:governments|leaders|presidents|sides|states|officials|delegations|representatives|negotiators)\b"
)


def pair_words(pair: re.Match) -> tuple[str, str]:
    """The two country words an ``ADJ_PAIR`` match names ("Azerbaijani", "Chinese")."""
    words = pair.group("a") or pair.group("a2"), pair.group("b") or pair.group("b2")
    return tuple(_SHORT_FORMS.get(word, word) for word in words)


# short forms the gazetteer leaves out as names of their own ("US" is also a word in capitals)
_SHORT_FORMS = {"US": "U.S.", "U.K.": "UK"}


def kind_of_document(match: re.Match) -> str:
    for i, (_, kind) in enumerate(KINDS):
        if match.group(f"k{i}"):
            return kind
    return "agreement"


def read_agreements(
    view: SentenceView,
    posts: dict[Entity, Post],
    recent_meetings: list[Meeting],
    countries: list[Entity],
    resolve_portfolio,
    countries_named=None,
    signed_list: list[Entity] | None = None,
    earlier: list[Agreement] | None = None,
) -> list[Agreement]:
    """The agreements one sentence reports; ``signed_list`` is set (to the parties the list's opener
    names, maybe none) while the sentence may be an item of a list of signed documents."""
    text = view.text
    out: list[Agreement] = []
    signs = list(_SIGN.finditer(text))
    if not signs and earlier and _THESE_INCLUDED.match(text):
        return _included(view, earlier[-1])
    item = LIST_ITEM.match(text)
    if not signs and item and signed_list is not None:
        signs = [item]  # "1. Memorandum of Understanding between A, B and C on …" under "signed the following"
    if not signs or NOT_DONE.search(text):
        return out
    posts = {**posts, **_signing_for(view)}
    again = _SIGNED_AGAIN.match(text)
    if again and earlier:  # "The document was signed on 17 May by …": the date of the one just reported
        # not a date in a clause of its own: "… on the second day of the forum, which runs from 27 to 28 May"
        aside = _RELATIVE_CLAUSE.search(view.text, again.end())
        signed_on = next((d.iso for d in view.dates if not d.future and not (aside and d.start > aside.start())), None)
        # "The memorandum was signed by …" after a list: the last memorandum, not the last document
        noun = DOCUMENT_KIND.search(again.group(0))
        kind = kind_of_document(noun) if noun else "agreement"
        last = next((a for a in reversed(earlier) if kind == "agreement" or a.kind == kind), earlier[-1])
        # "The PPAs were signed on 14 July": every document of the sentence that reported the last one
        told = [a for a in earlier if a.sentences & last.sentences] if again.group("plural") else [last]
        for document in told:
            if signed_on and (document.date is None or _compatible(document.date[:7], signed_on[:7])):
                document.date = signed_on
            if len(told) == 1:  # (several documents of one sentence stay told apart by that sentence alone)
                document.sentences.add(view.sentence.index)
        return out
    items = _items_in_sentence(text, signs[0].start())
    if len(items) >= 2:  # "The documents signed included: the A between …; an B between …; and a C …"
        subject_start = max([0] + [m.end() for m in _SUBJECT_START.finditer(text[: signs[0].start()])])
        signers = as_parties(
            without_delegation_heads(view, view.entities_between(subject_start, signs[0].start())), posts
        )
        return [a for start, end in items if (a := list_agreement(view, start, end, posts, signers))]
    for sign in signs:
        if sign.group(0) == "issued" and _OPENING_CLAUSE.match(text[: sign.start()]):
            continue  # "After A and B issued a joint statement, C and D signed …": the setting, not a signing
        kinds = [
            k
            for k in DOCUMENT_KIND.finditer(text)
            # "awarded Vantora Solar LLC an engineering, procurement and construction contract": the name between
            if -60 < sign.start() - k.end() < 160
            or 0 <= k.start() - sign.end() < (100 if _AWARDED.fullmatch(sign.group(0)) else 60)
        ]
        # "three documents: an investment agreement, …", "12 documents, including a memorandum": those named
        kinds = [k for k in kinds if not _UNNAMED_DOCUMENTS.fullmatch(k.group(0))] or kinds
        listed_after = _LISTED_AFTER.match(text, sign.end())
        if listed_after and all(_UNNAMED_DOCUMENTS.fullmatch(k.group(0)) for k in kinds):
            # "signed three documents with X for the plant: an investment agreement, a PPA and …"
            listed = DOCUMENT_KIND.finditer(text, listed_after.end())
            kinds = [k for k in listed if k.start() - listed_after.end() < 60] or kinds
        if not kinds:
            continue
        taken = [k for k in kinds if _DIRECT_OBJECT.fullmatch(text, sign.end(), k.start())]
        # "… signed a memorandum": the document the verb takes, else the kind nearest the verb
        kind_match = min(taken or kinds, key=lambda k: (abs(k.end() - sign.start()), -len(k.group(0))))
        if (
            earlier
            and kind_match.group(0)[0].islower()
            and _ANAPHORIC_DOCUMENT.search(text[: kind_match.start()])
            and re.match(r"\s+(?:was|were|has been|had been)\s", text[kind_match.end() :])
        ):
            continue  # "The agreement was signed after talks …": the agreement already reported
        plural = _is_plural(kind_match.group(0))
        # "between" follows the kind, the document's own title, or anywhere in a list item
        named = _TITLE.match(text, kind_match.start()) if kind_match.group(0)[0].isupper() else None
        reach = len(text) if sign is item else 60
        parties = between_parties(view, named.end() if named else kind_match.end(), reach=reach)
        if not parties and sign.start() > kind_match.end():  # "A memorandum on … was signed between A and B"
            parties = between_parties(view, sign.end(), reach=5)
        linking = _LINKING.match(text, kind_match.end())
        if not parties and linking:  # "a memorandum linking the two oil firms, A and B"
            parties = [e for e in _parties_from(view, linking.end()) if e.is_agent]
        rule = "signed-list-item" if sign is item else "signed-between" if parties else "signed-by"
        separately: list[list[Entity]] = []
        clause_start = 0
        if not parties:
            clause_start = max([0] + [m.end() for m in _SUBJECT_START.finditer(text[: sign.start()])])
            previous = [other for other in signs if other.end() < sign.start()]
            breaks = list(_SIGNING_CLAUSE.finditer(text, previous[-1].end(), sign.start())) if previous else []
            subject = []
            if breaks:  # "A signs X with B, and C signs Y with D": C's clause starts after "and"
                subject = without_delegation_heads(view, view.entities_between(breaks[-1].end(), sign.start()))
            if not subject and not (breaks and PRONOUN_PARTIES.search(text, breaks[-1].end(), sign.start())):
                # "…, and in May the same companies signed …" (but "…, while the two countries signed …"
                # is read by the pronoun below)
                subject = without_delegation_heads(view, view.entities_between(clause_start, sign.start()))
                subject = _without_owners(view, subject, clause_start, sign.start())
            antecedent = _ANTECEDENT.search(text, 0, clause_start) if not subject and clause_start else None
            if antecedent:  # "Hyport Duqm, which signed an agreement with …": the one "which" stands for
                subject = _listed_before(view, antecedent.start())
            subject = _expand_ministries(view, clause_start, sign.start(), subject, resolve_portfolio)
            with_match = _WITH.search(text, sign.end())
            objects = []
            if (
                with_match
                and with_match.start() - sign.end() < 160
                and ";" not in text[sign.end() : with_match.start()]
            ):
                # "with A for the eastern section …": what follows "for the" is the purpose, not a party
                end = re.search(
                    r"(?:,\s+(?:during|on|in|at)\b|;|\bto\b|\bon\b|\bfor\s+(?:the|a|an|its|their)\s+(?=[a-z\d]))",
                    text[with_match.end() :],
                )
                stop = with_match.end() + (end.start() if end else len(text))
                next_sign = _SIGN.search(text, with_match.end(), stop)
                if next_sign:  # "A signs X with B, and C signs Y with D": C signs, in a clause of its own
                    stop = max(with_match.end(), text.rfind(",", with_match.end(), next_sign.start()))
                objects = view.entities_between(with_match.end(), stop)
                for again in _AND_WITH.finditer(text, stop, next_sign.start() if next_sign else len(text)):
                    # "with A in Jeddah on 17 August 2022 and with B in Riyadh on 24 May 2023"
                    objects += view.entities_between(again.end(), again.end() + 60)[:1]
                counted = _COUNTED_COUNTERPARTS.match(text, with_match.end())
                colon = text.find(":", counted.end()) if counted else -1
                if colon != -1:  # "signed memoranda with three companies on Monday: A, B and C"
                    objects = view.entities_between(colon, len(text))
            if not objects and _AWARDED.fullmatch(sign.group(0)) and sign.end() < kind_match.start():
                # "A awarded B a contract", "A granted B a concession": B, between the verb and the document
                objects = view.entities_between(sign.end(), kind_match.start())
            parties = as_parties(subject, posts) + [e for e in as_parties(objects, posts) if e not in subject]
            counterparts = [e for e in as_parties(objects, posts) if e not in subject and e.type != PERSON]
            grouped = with_match and _GROUP_OF.match(text, with_match.end())
            if (
                plural
                and len(counterparts) >= 2
                and len(subject) == 1
                and kind_match.end() <= with_match.start()
                and not grouped  # "with a consortium led by A and B": one counterpart, of two members
            ):
                # "X signed memorandums of understanding with A, B and C": one document with each
                separately = [[*as_parties(subject, posts), counterpart] for counterpart in counterparts]
            elif plural and not subject and with_match and kind_match.end() <= with_match.start():
                # "Further agreements were concluded with A (Egypt), B (Hungary) and C": one with each
                # company (the countries in brackets are where they come from)
                companies = [e for e in counterparts if e.type != COUNTRY]
                # "memorandums were concluded with A, B and C", all countries: one with each too
                each = companies if companies else counterparts
                if len(each) >= 2:
                    parties, separately = each[:1], [[counterpart] for counterpart in each]
            listed = _counterparts_listed(view, kind_match.end()) if plural and subject else []
            if len(listed) >= 2:  # "… signed four memorandums: with A; with the government of B; and with C"
                parties = [*as_parties(subject, posts), listed[0]]
                separately = [[*as_parties(subject, posts), counterpart] for counterpart in listed]
        if sign is item and len(parties) < 2 and text.count("|") >= 2:
            # a row of a table of documents: "1. | Memorandum of Understanding on … | Party A | Party B"
            cell_end = text.find("|", kind_match.end())
            parties = as_parties(view.entities_between(cell_end, len(text)), posts) if cell_end != -1 else []
        head = DASHED_HEAD.match(text) if sign is item and len(parties) < 2 else None
        if head:  # "• ACWA Power – Eni: memorandum of understanding on …": the parties head the item
            named = [e for e in view.entities_between(0, head.end()) if e.is_agent]
            parties, rule = (named, "signed-list-item") if len(named) >= 2 else (parties, rule)
        if sign is item and len(parties) < 2 and signed_list and len(signed_list) >= 2:
            parties, rule = list(signed_list), "signed-list-item"  # "• Implementation Agreement relating to …"
        presence = _PRESENCE_AFTER.match(text, sign.end()) if len(parties) < 2 and sign is not item else None
        if presence and re.search(r"\b(?:was|were|has been|have been)\s+$", text[: sign.start()]):
            # "The agreement was signed today in Lima in the presence of President A of X and Y's President
            # B": no signer named, the two heads of state witnessed it for their countries
            stop = CLAUSE_END.search(text, presence.end())
            witnesses = as_parties(view.entities_between(presence.end(), stop.start() if stop else len(text)), posts)
            if len(witnesses) == 2 and all(w.type == COUNTRY for w in witnesses):
                parties, rule = witnesses, "signed-in-presence"
        pair = ADJ_PAIR.search(text)
        if len(parties) < 2 and pair and countries_named:
            parties = [c for c in map(countries_named, pair_words(pair)) if c]
            rule = "adjectival-pair"
        named_pair = _PAIR_NAMES_IT.search(text, 0, kind_match.start()) if countries_named else None
        if named_pair and rule == "signed-by":
            # "welcomes the Kyrgyz-Tajik Treaty on the State Border signed on 13 March": the pair its name
            # gives, not the subject that welcomes it
            paired = [c for c in map(countries_named, named_pair.group("a", "b")) if c]
            parties, rule = (
                (paired, "adjectival-pair") if len(paired) == 2 and paired[0] is not paired[1] else (parties, rule)
            )
        body_pair = countries_paired(parties[0].name, countries_named) if len(parties) == 1 else []
        if body_pair and _JOINT_BODY.search(parties[0].name):
            parties, rule = body_pair, "joint-body-pair"  # "the Joint Commission of A and B signed a protocol"
        group = _NUMBERED_COUNTRIES.search(text if sign is item else text[: sign.start()])
        size = _NUMBERS.get(group.group("n").lower(), 0) if group else 0
        if len(parties) < 2 and size > 2 and len(countries) >= size:
            parties, rule = countries[:size], "signed-by-context"  # "the four governments signed …"
        # "the two sides signed" (not "the leaders" of a setting before the subject)
        pronoun = (
            PRONOUN_PARTIES.search(text) if sign is item else PRONOUN_PARTIES.search(text, clause_start, sign.start())
        )
        between = _BETWEEN_AFTER.match(text, sign.end()) if pronoun is None and sign is not item else None
        if between:  # "Five texts were then signed between the two countries"
            pronoun = PRONOUN_PARTIES.match(text, between.end())
        witnessed = pronoun is not None and text[: pronoun.start()].endswith("presence of ")
        named_signer = any(p.type != PERSON for p in parties)
        if len(parties) < 2 and pronoun and not (named_signer and witnessed):  # the signer signs, not the witnesses
            rule = "signed-by-context"
            parties = parties_by_context(pronoun.group(0), recent_meetings, countries, posts)
        parties = [p for p in dict.fromkeys(parties) if not DOCUMENT_KIND.fullmatch(p.name)]  # "PPA" names no party
        one_party = (
            len(parties) == 1
            and parties[0].type != PERSON
            and rule == "signed-by"
            and bool(re.search(r"[.;!?:]\W*$", text))  # not a headline ("X signs deal"): the story tells it whole
        )
        if sign is not item and _ENDED_WITH.search(text, 0, sign.start()):
            # "… paid a state visit to C, which ended with the signing of five agreements": the visit's sides
            sides = _sides_of_recent_meeting(view, recent_meetings, posts)
            if sides:
                parties, rule, one_party = sides, "signed-at-meeting", False
        if (
            len(parties) < 2
            and not one_party
            and sign is not item
            and _PASSIVE.search(text, 0, sign.start())
            and not text.rstrip().endswith(":")  # "Four memoranda were signed:": the list's items tell each one
            and not _BETWEEN.search(text, kind_match.end(), sign.start())  # "between universities of …": others
        ):
            # "After the talks, four documents were signed": signed by the sides of the meeting just told
            parties = _sides_of_recent_meeting(view, recent_meetings, posts) or parties
            rule = "signed-at-meeting" if len(parties) >= 2 else rule
        if len(parties) < 2 and not one_party:
            continue  # "Energy China signed an EPC contract": one organization, its counterpart unnamed, is kept
        kind = kind_of_document(kind_match)
        date = None
        # the date of this signing's own clause first: "in May A signed X, and on 3 September B signed Y"
        low = max([0] + [b.end() for b in _SIGNING_CLAUSE.finditer(text, 0, sign.start())])
        high = next((b.start() for b in _SIGNING_CLAUSE.finditer(text, sign.end())), len(text))
        for d in sorted(view.dates, key=lambda d: (not low <= d.start < high, abs(d.start - sign.start()))):
            before = text[max(0, d.start - 30) : d.start].lower()
            if _NAMES_A_DOCUMENT.match(text, d.end):
                continue  # "a protocol amending the 2018 agreement": the year of the other document
            if d.start > sign.end() and _RELATIVE_CLAUSE.search(text, sign.end(), d.start):
                continue  # "… covering the plant, where work began in May": the date of something else
            if dates_something_else(text, d):
                continue  # "partners since 2018", "talks that began in January": the date of something else
            if any(other is not sign and 0 <= d.start - other.end() <= 25 for other in signs):
                continue  # "an agreement that replaces one signed in March 2020": the other signing's date
            if d.future or re.search(
                r"(?:planned|scheduled|due|commission\w*|since|established|by|until)\s+(?:for\s+|in\s+|on\s+)?$", before
            ):
                continue
            date = d.iso
            break
        place = None
        for m, e in view.items:
            a, _ = view.rel(m)
            if (
                e is not None
                and e.type in ("Place", COUNTRY)
                and a > sign.start()
                and re.search(r"\bin\s+$", text[max(0, a - 4) : a])
            ):
                place = e
                break
        documents = [kind_match, *_coordinated_kinds(text, kind_match)]
        count = _COUNT.search(text[: kind_match.start()]) if plural and len(documents) == 1 else None
        if count and _SIGN.search(count.group(0)):
            count = None  # "the two countries signed agreements": "two" counts the signers
        if count and one_party:
            count = None  # "X signed five memoranda with Korean companies": counterparts unnamed, told apart by nothing
        if (
            not count
            and _UNNAMED_DOCUMENTS.fullmatch(kind_match.group(0))
            and (text.rstrip().endswith(":") or not _BARE_DOCUMENTS.fullmatch(text, sign.end(), kind_match.start()))
        ):
            continue  # "the documents signed": a list's opener, or no document of its own
        if count:  # "signed two agreements with X": two documents, told apart by their number
            documents = documents * _NUMBERS[count.group("n").lower()]
        topics = enumerated_topics(text, kind_match.end()) if plural and len(documents) == 1 else []
        if len(topics) >= 2:  # "memoranda on A, on B and on C": one document per topic
            documents, count = documents * len(topics), None
        places = _places_listed(view, kind_match.end()) if plural and len(documents) == 1 and not topics else []
        if len(places) >= 2 and not separately and not count:  # "signed PPAs in Egypt, Chad and Mali": one in each
            documents, separately = documents * len(places), [parties] * len(places)
        if separately and len(documents) == 1 and not topics:
            documents, count = documents * len(separately), None
        elif not places and len(separately) != len(documents):  # "four memorandums: with A; …; with D"
            separately = []
        for number, (document, after) in enumerate(zip(documents, [*documents[1:], None], strict=True), 1):
            if count:
                after = None
            kind = kind_of_document(document)
            own = next(
                (
                    d.iso
                    for d in view.dates
                    if not d.future and document.start() < d.start < (after.start() if after else len(text))
                ),
                None,
            )
            if len(documents) > 1 and not count and own:
                date = own  # "… a memorandum in September 2021 and a framework agreement in May 2022"
            own_span = text[document.end() : after.start() if after else len(text)]
            topic_match = None if topics else TOPIC.search(own_span)
            title = _TITLE.match(text, document.start())
            title = title.group(0) if title and document.group(0)[0].isupper() else None
            if title and title.lower() == document.group(0).lower():
                title = None  # "Memorandum of Understanding" alone names the kind, not the document
            signers = separately[number - 1] if separately else parties
            if separately and len(separately) > 1:
                # "signed with A in Jeddah on 17 August 2022 and with B in Riyadh on 24 May 2023": each its own
                later = separately[number][-1] if number < len(separately) else None
                date = _date_between(view, signers[-1], later, sign.end()) or date
            out.append(
                Agreement(
                    kind=kind,
                    label=title
                    or f"{kind[0].upper() + kind[1:]} {'between' if len(signers) > 1 else 'signed by'} "
                    f"{join_names(p.name for p in signers)}",
                    parties=signers,
                    date=date,
                    place=places[number - 1] if len(places) >= 2 else place,
                    topic=topics[number - 1]
                    if topics
                    else (
                        re.sub(
                            r"(?:,|\s+(?:and|as well as))(?:\s+(?:a|an|the))?\s*$", "", topic_match.group(1).strip()
                        ).rstrip(".")
                        if topic_match
                        else _named_kind(text, document)
                    )
                    + (f" ({number} of {len(documents)})" if count else ""),
                    title=title,
                    sentences={view.sentence.index},
                    rule="signed-one-party" if one_party else rule,
                    caveats=({"other-party-unidentified"} if one_party else set())
                    | ({"counted-not-named"} if _UNNAMED_DOCUMENTS.fullmatch(document.group(0)) else set()),
                )
            )
    return out


def without_counts_named_after(agreements: list[Agreement]) -> list[Agreement]:
    """ "… today signed three documents." then the three named one by one: the named ones, not the count."""
    named = [a for a in agreements if "counted-not-named" not in a.caveats]
    return [
        a
        for a in agreements
        if "counted-not-named" not in a.caveats
        or not any(0 < min(b.sentences) - min(a.sentences) <= 4 and set(b.parties) & set(a.parties) for b in named)
    ]


# "• ACWA Power – Eni: …", "• Vantora x Kestrel Grid: …" (a post's shorthand): the parties head the item
DASHED_HEAD = re.compile(r"^\W*[A-Z][^:;]{0,80}?\s[–—×x-]\s[A-Z][^:;]{0,120}?:\s")
_PRESENCE_AFTER = re.compile(r"[^.;]{0,80}?\bin\s+the\s+presence\s+of\s+")
_BETWEEN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?between\s+")
# "the Kyrgyz-Tajik Treaty", "a Chile-Peru memorandum": the pair named just before the document
_PAIR_NAMES_IT = re.compile(r"\b(?P<a>[A-Z][a-z]+)[-–](?P<b>[A-Z][a-z]+)\s+(?:[A-Z][a-z]+\s+)?$")
_JOINT_BODY = re.compile(r"\b(?:Commission|Committee|Council)\b")


# "signed the investment agreement, the power purchase agreement and a framework agreement for …":
# documents coordinated after the first are signed by the same parties
_COORDINATED = re.compile(
    r"^[^.;:]*?(?:,|\band\b|\bas well as\b)\s+(?:(?:a|an|the|its|their|another|one)\s+)?(?:[\w-]+\s+){0,3}$"
)
_NOT_COORDINATED = re.compile(
    r"\b(?:\w+ed|signs?|inks?|discuss\w*|review\w*|will|would|to|is|are|was|were|has|have|had)\b"
)


_BEFORE_NAME = re.compile(r",|\b(?:and|the|an?|as well as|signed|its|their)\b|['’]s\b", re.I)


_SIGNED_AGAIN = re.compile(
    r"\s*(?:(?:The|This|That)\s+(?:[a-z-]+\s+){0,2}?(?:document|agreement|memorandum|deal|contract|accord|MoU|PPA)\s+"
    r"(?:was|had been|has been)|(?P<plural>(?:The|These|Those|Both)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:documents|agreements|memoranda|deals|contracts|accords|MoUs|PPAs))\s+(?:were|had been|have been))"
    r"\s+(?:formally\s+)?signed\b"
)
_NAMES_A_DOCUMENT = re.compile(  # "the 2018 agreement", not "on Monday signed an agreement"
    # (not "On 15 July a contract was signed": a document the date opens the sentence of)
    r"\s+(?!(?:signed|signs|inked|penned|concluded|initialled|adopted|sealed|an?)\b)(?:[a-z-]+\s+){0,2}"
    r"(?:agreement|accord|memorandum|treaty|contract|deal|protocol|declaration|roadmap)s?\b"
)
# "signed three documents with X for the plant:" — the documents are listed after the colon
_LISTED_AFTER = re.compile(
    r"\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+(?:[a-z-]+\s+)?"
    r"(?:documents|agreements|contracts|instruments)\b[^.:;]{0,160}:"
)
_NUMBERED_COUNTRIES = re.compile(
    r"\b[Tt]he\s+(?:same\s+)?(?P<n>three|four|five)\s+(?:countries|governments|states|leaders|presidents|nations)\b"
)
_NUMBERS = {
    **{word: n for n, word in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 2)},
    **{str(n): n for n in range(2, 11)},
}
_UNNAMED_DOCUMENTS = re.compile(r"documents|texts|instruments", re.I)
# "A and B signed documents expanding their cooperation", "the signing of fourteen bilateral documents":
# the signing of at least one, told once (more than ten are never told one by one)
_BARE_DOCUMENTS = re.compile(
    r"\s+(?:of\s+)?(?:(?:1[1-9]|[2-9]\d|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif)ty"
    r"|dozens\s+of|a\s+(?:number|package|series)\s+of)\s+)?(?:(?:bilateral|new|several|further|cooperation)\s+)?"
)
_COUNT = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+(?:[a-z-]+\s+){0,2}$", re.I)


def _is_plural(document: str) -> bool:
    """ "agreements", "MoUs", "memoranda of understanding", "cooperation agreements" (not "MOUS" read
    as one "MoU")."""
    words = document.lower().split()
    return words[0].startswith("memoranda") or any(
        word.endswith("s") and not word.endswith("mous") for word in (words[0], words[-1])
    )


def _named_kind(text: str, document: re.Match) -> str:
    """The document as the text names it: "power purchase agreement", not just "agreement"."""
    lead = _BEFORE_NAME.split(text[max(0, document.start() - 40) : document.start()])
    return f"{lead[-1].strip()} {document.group(0)}".strip()


def _date_between(view: SentenceView, counterpart: Entity, following: Entity | None, after: int) -> str | None:
    """The past date written after ``counterpart``'s mention (past ``after``) and before the next
    counterpart's: the date of the document signed with it."""
    starts = {e: view.rel(m)[0] for m, e in reversed(view.items) if e is not None and view.rel(m)[0] >= after}
    if counterpart not in starts:
        return None
    stop = starts.get(following, len(view.text)) if following is not None else len(view.text)
    here = [d for d in view.dates if starts[counterpart] < d.start < stop and not d.future]
    return here[0].iso if here and stop > starts[counterpart] else None


def _coordinated_kinds(text: str, first: re.Match) -> list[re.Match]:
    found: list[re.Match] = []
    previous = first
    for match in DOCUMENT_KIND.finditer(text, first.end()):
        gap = text[previous.end() : match.start()]
        if re.fullmatch(r"\s*\(", gap) and text[match.end() : match.end() + 1] == ")":
            continue  # "a Memorandum of Understanding (MoU) and …": the same document's short name
        tail = re.split(r",|\band\b|\bas well as\b", gap)[-1]
        if not _COORDINATED.match(gap) or _NOT_COORDINATED.search(tail) or _SIGN.search(gap):
            break  # "… signed a memorandum, and in September the same four signed the agreement": two signings
        found.append(match)
        previous = match
    return found


# "memoranda on energy, on culture and on sport", "agreements on trade; health; and energy"
_TOPICS_OPEN = re.compile(r"\s+on\s+")
_TOPICS_END = re.compile(
    r"[.:|]|,\s+(?:which|who|as|while|during|at|in the presence)\b|\s+(?:between|were|was|during)\b|"
    r"\s+(?:on|in)\s+(?=\d|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d)"  # "on 3 March" dates the signing
)
_ANOTHER_ON = re.compile(r",?\s+(?:and\s+|as well as\s+)?on\s+")


# "These included memoranda on A, on B and on C.": the documents just reported, one by one
_THESE_INCLUDED = re.compile(
    r"^\s*(?:These|They|Those|Among them|The (?:documents|agreements|memoranda))\s+"
    r"(?:included|include|were|are|covered|comprised)\b"
)


def _included(view: SentenceView, signed: Agreement) -> list[Agreement]:
    """The documents a sentence enumerates after a signing just reported: its parties and date, one
    document per topic."""
    found = []
    for document in DOCUMENT_KIND.finditer(view.text):
        topics = enumerated_topics(view.text, document.end()) if _is_plural(document.group(0)) else []
        kind = kind_of_document(document)
        for topic in topics:
            found.append(
                Agreement(
                    kind=kind,
                    label=f"{kind[0].upper() + kind[1:]} on {topic}",
                    parties=list(signed.parties),
                    date=signed.date,
                    place=signed.place,
                    topic=topic,
                    sentences={view.sentence.index},
                    rule=signed.rule,
                    variant=topic,
                )
            )
    return found


def enumerated_topics(text: str, after_kind: int) -> list[str]:
    """The topics a plural kind of document enumerates, one document each: repeated "on"
    ("on A, on B and on C") or semicolons ("on A; B; and C"). A plain "on A and B" is one topic."""
    opening = _TOPICS_OPEN.match(text, after_kind)
    if not opening:
        return []
    end = _TOPICS_END.search(text, opening.end())
    span = text[opening.end() : end.start() if end else len(text)]
    parts = span.split(";") if ";" in span else _ANOTHER_ON.split(span)
    topics = []
    for part in parts:
        part = re.sub(r"^\s*(?:and|as well as)\s+|^\s*on\s+", "", part).strip(" ,")
        if not part:
            continue
        head = _ITEM_HEAD.match(part)
        if DOCUMENT_KIND.match(part, head.end() if head else 0):
            break  # the next item of a list of documents, not a topic
        topics.append(part)
    return topics if len(topics) >= 2 else []


# One document of a list written inside a sentence: "…; an Implementation Agreement between …"
_ITEM_HEAD = re.compile(r"\s*(?:and\s+)?(?:(?:the|an?|one|two|three|\d+)\s+)?(?=[A-Za-z])")
TOPIC = re.compile(
    r"\s(?:on|for|relating to|related to|in relation to|regarding|concerning)\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d))"  # "on Tuesday" is a date
    r"((?:(?:the|a|an)\s+)?(?:(?!\s+between\s|\s+(?:was|were|has been|had been)\s+signed\b)"
    r"(?:[^,;:|]|(?<=\d),(?=\d{3})))+)"
)


_AFTER_PARTIES = re.compile(
    r"\s+(?:on|to|for|in|at|regarding|concerning)\s+(?:the\s+|a\s+)?[a-z0-9]|"
    r"\s+[–—-]\s+(?:exchanged|signed|initialled)\s+by\b"  # "… – exchanged by Secretary X and Y": not parties
)


def _items_in_sentence(text: str, sign_at: int) -> list[tuple[int, int]]:
    """The spans of the documents a sentence lists after its signing verb, one per segment that
    semicolons (or the colon opening the list) separate and that starts with a kind of document."""
    cuts = [m.end() for m in re.finditer(r"[;:]", text) if m.start() >= sign_at]
    if not cuts:
        return []
    bounds = [*cuts, len(text) + 1]
    items = []
    for start, stop in itertools.pairwise(bounds):
        head = _ITEM_HEAD.match(text, start)
        modifiers = ITEM_MODIFIERS.match(text, head.end()) if head else None
        kind = DOCUMENT_KIND.match(text, modifiers.end() if modifiers else head.end()) if head else None
        if kind:  # "a power purchase agreement for …": the kind after its modifiers
            items.append((kind.start(), stop - 1))
    return items


ITEM_MODIFIERS = re.compile(
    r"(?:[a-z][\w-]*\s+){0,3}?(?=(?:memorand|agreement|contract|deal|protocol|declaration|MoU))"
)


def list_agreement(
    view: SentenceView, start: int, end: int, posts: dict[Entity, Post], signers: list[Entity]
) -> Agreement | None:
    """One item of a list of signed documents: its own kind, parties ("between …", else those who sign
    the list: "X signed three documents: a PPA …; a shareholder agreement …; and a memorandum …") and topic."""
    text = view.text
    kind_match = DOCUMENT_KIND.match(text, start)
    between = _BETWEEN.search(text, kind_match.end(), end)
    caveats = set()
    if between is not None:
        stop = _AFTER_PARTIES.search(text[between.end() : end])
        parties = as_parties(view.entities_between(between.end(), between.end() + stop.start() if stop else end), posts)
        parties = list(dict.fromkeys(parties))
    else:
        parties = [p for p in signers if p.type != PERSON]
        if len(parties) == 1:
            caveats.add("other-party-unidentified")
    if len(parties) < (2 if between is not None else 1):
        return None
    kind = kind_of_document(kind_match)
    topic = TOPIC.search(text[:end], kind_match.end())
    title = _TITLE.match(text, kind_match.start()) if kind_match.group(0)[0].isupper() else None
    title = title.group(0) if title and title.group(0).lower() != kind_match.group(0).lower() else None
    date = next((d.iso for d in view.dates if not d.future and d.start < start), None)
    return Agreement(
        kind=kind,
        label=title or f"{kind[0].upper() + kind[1:]} between {join_names(p.name for p in parties)}",
        parties=parties,
        date=date,
        topic=topic.group(1).strip().rstrip(".") if topic else kind_match.group(0),
        title=title,
        sentences={view.sentence.index},
        rule="signed-one-party" if caveats else "signed-list-item",
        caveats=caveats,
    )


_IN_PLACES = re.compile(r"\s+(?:[\w-]+\s+){0,3}?in\s+(?=[A-Z])")
_PLACES_END = re.compile(r"[;:.]|,\s+(?:and\s+)?(?:we|they|it|he|she|which|while)\b|\s+(?:to|for|with|on)\s")


def _places_listed(view: SentenceView, after_kind: int) -> list[Entity]:
    """ "… power purchase agreements in Egypt, Chad, Mali and Kenya": the places a list right after
    the documents names, each one of them."""
    opening = _IN_PLACES.match(view.text, after_kind)
    if not opening:
        return []
    end = _PLACES_END.search(view.text, opening.end())
    stop = end.start() if end else len(view.text)
    return view.places_between(opening.end(), stop)


_WITH_ITEM = re.compile(r"[:;]\s*(?:and\s+)?(?:[^;:]{0,40}?\s)?with\s+")


def _counterparts_listed(view: SentenceView, after_kind: int) -> list[Entity]:
    """The counterparts of a list of "with X" items after a colon or semicolons, the first agent of each."""
    items = list(_WITH_ITEM.finditer(view.text, after_kind))
    found: list[Entity] = []
    if not items:
        return found
    for item, following in zip(items, [*items[1:], None], strict=True):
        stop = following.start() if following else len(view.text)
        agents = view.entities_between(item.end(), stop)
        if agents and agents[0] not in found:
            found.append(agents[0])
    return found


def parties_by_context(
    pronoun: str, recent_meetings: list[Meeting], countries: list[Entity], posts: dict[Entity, Post]
) -> list[Entity]:
    """Who "the two sides" (leaders, presidents) are: those the last meeting with two of them
    stands for (its persons and countries, not a host body, for "the leaders"); "the two countries"
    (governments) are the countries named near."""
    by_country = bool(re.search(r"countries|governments", pronoun, re.I)) and len(countries) >= 2
    # "the two leaders" are persons: the sides they (or the countries met) stand for, not a summit's host body
    by_person = bool(re.search(r"leaders|presidents|ministers|heads", pronoun, re.I))
    for meeting in [] if by_country else reversed(recent_meetings):
        members = [p for p in meeting.participants if not by_person or p.type in (PERSON, COUNTRY)]
        candidates = as_parties(members, posts)
        if len(candidates) >= 2:
            return candidates
    return countries[:2] if len(countries) >= 2 else []


_MEETING_REACH = 2  # sentences back in which a signing without parties finds the meeting it was part of
_PASSIVE = re.compile(r"\b(?:was|were|have\s+been|has\s+been|had\s+been)\s+(?:also\s+|then\s+|later\s+)?$")
_ENDED_WITH = re.compile(r"\b(?:ended|concluded|culminated|closed|wrapped\s+up)\s+with\s+the\s+$")


def _sides_of_recent_meeting(view: SentenceView, meetings: list[Meeting], posts: dict[Entity, Post]) -> list[Entity]:
    """The sides of the meeting reported in this sentence or shortly before: the countries (or
    organizations) its participants stand for, when there are two or more and no person among them."""
    for meeting in reversed(meetings):
        if meeting.planned or max(meeting.sentences) < view.sentence.index - _MEETING_REACH:
            continue
        sides = as_parties(meeting.participants, posts)
        if meeting.kind == "visit" and meeting.place is not None and meeting.place.type == COUNTRY:
            sides = list(dict.fromkeys([*sides, meeting.place]))  # "a state visit to C": C is the other side
        if len(sides) >= 2 and all(side.type != PERSON for side in sides):
            return sides
        return []
    return []


def join_names(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# "between" lists parties up to a preposition, a colon, or reported speech: ", the ministry said"
# where the subject of a signing verb starts: after a relative pronoun, a semicolon, or an opening
# subordinate clause ("After the presidents met, the EU and Egypt signed …")
_OPENING_CLAUSE = re.compile(r"^\s*(?:After|When|Following|Once|Before|As|While)\b[^,;]*$")
_CAPITALISED = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
_SUBJECT_START = re.compile(
    r";|\bthat\b|\bwhich\b|\bwho\b|^\s*(?:After|When|Following|Before|As|While|Once)\b[^,;]{3,160},|"
    # "At a meeting held at the Ministry of Energy, A and B signed …": the setting, not a signer
    r"^\s*(?:At|During)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:meeting|ceremony|session|event|talks)\b[^,;]{0,120},|"
    # "At the summit, held in Astana and attended by A, B and C, X signed …": the setting and who attended it
    r"^\s*(?:At|During|On|In|Following|Within|Amid)\b[^;]*?,\s*(?:held|attended|hosted|organi[sz]ed|chaired)\b[^,;]*"
    rf"(?:,\s*{_CAPITALISED}(?=,|\s+and\b))*(?:,?\s+and\s+{_CAPITALISED})?,"
)
_DIRECT_OBJECT = re.compile(r"\s+(?:[\w'’$.,-]+\s+){0,5}")
_ANTECEDENT = re.compile(r",\s*(?:which|who|that)\s*$")
_AND_WITH = re.compile(r",?\s+and\s+(?:separately\s+|later\s+)?with\s+")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:where|which|whose|who)\b|\s(?:where|whose)\b")
_SIGNING_CLAUSE = re.compile(r";|,\s+(?:and|while|whereas)\s+(?=(?:on|in|at|the|a|an)\b|[A-Z])")
_BETWEEN_END = re.compile(
    # "between A, on the one side, and B, on the other": the sides, not a topic
    r"(?:\s+(?:on(?!\s+the\s+(?:one|other)\b)|to|was|were|is|in|at|during|signed|for)\s+[a-z])|[;:]|"
    r",\s+(?:the\s+\w+|[a-z]+|[A-Z]\w+)\s+(?:said|says|added|noted|reported|announced|stated)\b|"
    r"\s+[–—-]\s+(?:exchanged|signed|initialled)\s+by\b|"  # "… – exchanged by Secretary X and Y": not parties
    # "between the Government of A and the Government of B for Implementation of …": the topic
    r"(?<=[a-z])\s+for\s+(?:the\s+)?(?:Implementation|Cooperation|Development|Establishment|Supply|Construction)\b"
)


def between_parties(view: SentenceView, after: int, *, reach: int = 60) -> list[Entity]:
    match = _BETWEEN.search(view.text, after)
    if not match or match.start() - after > reach:
        return []
    return _parties_from(view, match.end())


def _parties_from(view: SentenceView, start: int) -> list[Entity]:
    end = _BETWEEN_END.search(view.text[start:])
    stop = start + (end.start() if end else len(view.text))
    # "between ZESCO and Masdar, the company owned by the Government of the UAE": the owner is no party
    return _without_owners(view, view.entities_between(start, stop), start, stop)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:[A-Z][\w-]*['’]s\s+)?")


def _listed_before(view: SentenceView, end: int) -> list[Entity]:
    """The agents ending at ``end``: the last one and those listed with it ("A, Romania's B and C,
    which signed …")."""
    mentions = [(m, e) for m, e in view.items if e is not None and e.is_agent and view.rel(m)[1] <= end]
    if not mentions:
        return []
    listed = [mentions[-1]]
    for m, e in reversed(mentions[:-1]):
        if not _LIST_GAP.fullmatch(view.text, view.rel(m)[1], view.rel(listed[0][0])[0]):
            break
        listed.insert(0, (m, e))
    return list(dict.fromkeys(e for _, e in listed))


_HEADED_BY = re.compile(r"\b(?:headed|led|accompanied)\s+by\s+(?:(?:its|their|the)\s+)?(?:[A-Za-z-]+\s+){0,4}$")


# "X, the joint venture of A and B, signed …": A and B own the signer, they do not sign
_OWNERS = re.compile(
    r",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}(?:joint venture|subsidiary|unit|arm|consortium|affiliate|"
    r"company|developer|firm)\s+(?:of|between|owned by|formed by|controlled by|backed by)\s+[^,;]+(?:,|$|(?=[.;]))"
)


# "…, straight after the G20 summit in Rio, he and B oversaw the signing": the setting's grouping signs nothing
_SETTING = re.compile(
    r"\b(?:after|before|at|during|following|ahead of|on the (?:sidelines|margins) of)\s+the\s+"
    r"(?:[\w'’-]+\s+){1,4}?(?:summit|forum|conference|session|assembly)\b"
)


def _without_owners(view: SentenceView, subject: list[Entity], start: int, end: int) -> list[Entity]:
    """The subject of a signing without the owners an aside names ("X, a unit of Y, signed …") nor
    the grouping of the event it was signed after or at."""
    owners = {
        e
        for match in _OWNERS.finditer(view.text, start, end)
        for e in view.entities_between(match.start(), match.end())
    }
    owners |= {
        e
        for match in _SETTING.finditer(view.text, start, end)
        for e in view.entities_between(match.start(), match.end())
        if e.type != PERSON  # "at the forum hosted by Minister A": A may sign
    }
    kept = [e for e in subject if e not in owners]
    return kept or subject


def without_delegation_heads(view: SentenceView, entities: list[Entity]) -> list[Entity]:
    """ "the ministry and a delegation of X Corporation headed by Chairman Z signed": Z leads a
    delegation of a party; the organizations sign, Z takes part in the meeting only."""
    if not any(e.type != PERSON for e in entities):
        return entities
    heads = {
        e
        for m, e in view.items
        if e is not None and e.type == PERSON and _HEADED_BY.search(view.text[: view.rel(m)[0]])
    }
    return [e for e in entities if e not in heads]


# "Juan Reyes signed for the Ministry of Energy and Ana Ruiz for the Port", "by X on behalf of Y"
_SIGNS_FOR = re.compile(
    r"\s*,?\s*(?:(?:who\s+)?signed\s+(?:it\s+|the\s+(?:[\w-]+\s+){1,4}?)?)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?"
)


def _signing_for(view: SentenceView) -> dict[Entity, Post]:
    """Persons who signed for an organization or country the sentence names right after them: that
    one is the party, as if it were their post's."""
    items = [(view.rel(m), e) for m, e in view.items if e is not None]
    out: dict[Entity, Post] = {}
    for ((_, end), person), ((start, _), party) in itertools.pairwise(items):
        signs_for = _SIGNS_FOR.fullmatch(view.text[end:start])
        if signs_for and person.type == PERSON and party.is_agent and party.type != PERSON:
            out[person] = Post(person=person, role="signatory", organization=party)
    return out


def as_parties(entities: list[Entity], posts: dict[Entity, Post]) -> list[Entity]:
    """Persons sign on behalf of the organization (or country) they hold a post in; countries
    beside named persons or organizations are where those come from, not parties."""
    persons = [e for e in entities if e.type == PERSON]
    if not persons:
        return [e for e in entities if e.type != "Place"]
    countries = [e for e in entities if e.type == COUNTRY]
    if len(persons) >= 2 and len(countries) == len(persons) and not any(p in posts for p in persons):
        # "the energy ministers of A, B and C – X, Y and Z – signed": each for a country
        return countries + [e for e in entities if e.type not in (PERSON, COUNTRY, "Place")]
    out = []
    for person in persons:
        post = posts.get(person)
        # "head of KfW's Dushanbe office": a place is where the post is, not whom the person signs for
        out.append(post.organization if post and post.organization and post.organization.is_agent else person)
    out += [e for e in entities if e.type not in (PERSON, COUNTRY, "Place")]
    return list(dict.fromkeys(out))


def _expand_ministries(view, start, end, subject, resolve_portfolio) -> list[Entity]:
    """ "the energy ministries of Azerbaijan, Kazakhstan and Uzbekistan" → three ministries."""
    if not subject or any(e.type != COUNTRY for e in subject):
        return subject
    first = min(view.rel(m)[0] for m, e in view.items if e in subject)
    match = _MINISTRIES_OF.search(view.text[start:first])
    if not match:
        return subject
    return [resolve_portfolio(match.group("portfolio"), country) for country in subject]


def merge_agreements(agreements: list[Agreement]) -> list[Agreement]:
    """Two mentions of one agreement in an article (same kind, overlapping parties, compatible
    dates) become one."""
    kept: list[Agreement] = []
    for a in agreements:
        for b in kept:
            overlap = len(set(a.parties) & set(b.parties)) / max(1, len(set(a.parties) | set(b.parties)))
            near = (a.date and b.date) or min(abs(x - y) for x in a.sentences for y in b.sentences) <= 1
            # "He signed the memorandum for the government", after the memorandum was reported with its parties
            near = near or (
                a.rule == "signed-one-party" and b.date and len(b.parties) >= 2 and set(a.parties) <= set(b.parties)
            )
            same_title = not a.title or not b.title or a.title == b.title
            if a.sentences == b.sentences and len(a.sentences) == 1 and (a.topic, a.place) != (b.topic, b.place):
                continue  # "signed an agreement for X and an agreement for Y", "PPAs in A and B": two documents
            if a.rule == b.rule == "signed-list-item" and a.topic != b.topic:
                continue  # two items of a list of signed documents
            if a.variant and b.variant and a.variant != b.variant:
                continue  # two of the documents a sentence enumerates
            if (a.rule == "signed-list-item") != (b.rule == "signed-list-item") and not (
                a.title and a.title == b.title
            ):
                continue  # a listed document is not one reported before the list
            # "… signed an implementation agreement with B. B said the agreement covers …": the generic kind,
            # later and undated, names the document just told
            generic = a.kind == "agreement" != b.kind and not a.date and set(a.parties) == set(b.parties)
            if (a.kind == b.kind or generic) and overlap >= 0.5 and _compatible(a.date, b.date) and near and same_title:
                b.parties += [p for p in a.parties if p not in b.parties]
                b.date = max((a.date, b.date), key=lambda d: len(d or ""))
                b.place = b.place or a.place
                b.sentences |= a.sentences
                b.title = b.title or a.title
                b.label = b.title or b.label
                if a.variant and not b.variant:  # "several memoranda", then "these included memoranda on A, on B"
                    b.variant, b.topic, b.label = a.variant, a.topic, a.label
                break
        else:
            kept.append(a)
    for a, b in itertools.combinations(kept, 2):
        if a.kind == b.kind and a.date == b.date and set(a.parties) == set(b.parties):
            # five memoranda between the same two governments on one day are five documents
            a.variant, b.variant = a.variant or _variant(a), b.variant or _variant(b)
    return kept


def _variant(agreement: Agreement) -> str | None:
    """What tells apart documents of one kind, day and parties: their topic, and where each was signed."""
    place = agreement.place.name if agreement.place is not None else ""
    return f"{agreement.topic} in {place}" if place and agreement.topic else agreement.topic


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)
