"""Occasions named by a noun or told by a verb rather than "A met B": state, official and
working visits and trips ("travelled to C", "was in C in May", "visiting C"), ceremonies
(foundation stones, inaugurations, groundbreakings, "at a ceremony attended by …"), events named
by a quoted title, and someone's participation in summits."""

from __future__ import annotations

import datetime as dt
import re

from .clauses import (
    CLAUSE_END,
    PLANNED_CONTEXT,
    clause_start,
    date_for,
    dates_something_else,
    kind_of,
    place_after,
    prefer_persons,
)
from .entities import SentenceView
from .facts import COUNTRY, PERSON, PLACE, Entity, Meeting

# "a state visit to China", "his working trip to Abu Dhabi", "the official visit of X to Y", "X's visit to Y",
# "X, who is in Kazakhstan on a state visit", "an official visit to Riyadh by X"
_VISIT = re.compile(
    r"\b(?P<kind>(?:(?i:state|official|working|first|second|third|two-day|three-day|\w+-day|historic|recent)\s+)*)"
    # "X's State Visit to India", "a tour of Chile"
    # "for a four-day stay": a stay of days is a visit
    r"(?P<noun>visits?|trip|tour|(?<=[a-z] )Visits?|(?<=[a-z] )Trip|(?<=-day )stay)\b(?P<to>\s+to\b|(?<=tour)\s+of\b)?"
)
SITE = re.compile(
    r"\s*(?:to\s+)?(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:site|plant|facility|factory|farm|(?:sub)?station|project|exhibition|stand|pavilion|construction|dam|"
    r"interconnector|pipeline|reactor|unit)\b"
)
_LISTED_PLACES = re.compile(
    r"\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    r"(?:\s*,\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
    r"(?:,?\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
# "A, who accompanied President B on his state visit", "when he accompanied B in the state visit to C"
_ACCOMPANIED = re.compile(
    r"\baccompan(?:ied|ies|ying|y)\s+(?P<who>[^,;]{2,80}?)\s+(?:on|in|during)\s+(?:his|her|their|the|a|an)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
# "the visit of X", "a visit to Jakarta by former Prime Minister X"
_VISITOR_OF = re.compile(r"\s+(?:of|by)\s+(?=(?:the\s+)?(?:(?:former|then|outgoing|acting)\s+)?[A-Z])")
# "On his visit to China, his first appointment was with X": X is met, not the visitor
_OBJECT_BEFORE = re.compile(r"\b(?:with|by|received|met|meet|welcomed|hosted)\s+(?:\w+\s+){0,4}?$")
# "X, who is in Kazakhstan on a state visit", "X landed in Santiago on Monday for a state visit"
_IN_PLACE_ON = re.compile(
    r"\b(?:(?:is|was|are|were|spent\s+(?:\w+\s+){0,2}\w+)\s+(?:back\s+|again\s+)?in|(?:arrived|arrives|landed|lands|touched\s+down)\s+(?:in|at)|"
    r"(?:flew|flies)\s+(?:in)?to|(?:headed|heads|returned|returns|travell?ed|came|went)\s+to|(?:set|sets)\s+off\s+for)"
    r"\s+(?:the\s+)?$"
)


# "the forum titled “Industrial Innovation …”": an event named by its quoted title
_TITLED = re.compile(
    r"\b(?P<noun>forum|conference|summit|roundtable|round table|dialogue|session|symposium)\s+"
    r"(?:titled|entitled|themed|called|named|under the (?:title|theme))\s+[“\"](?P<title>[^”\"]{3,140})[”\"]"
)
_AT_OR_ATTENDED = re.compile(r"\b(?:at|during|attended|addressed|took part in|participated in|spoke at)\s+the\s+$")


def titled_events(view: SentenceView) -> list[Meeting]:
    """An event named by its quoted title; those who speak at it or attend it take part."""
    out = []
    for match in _TITLED.finditer(view.text):
        if not _AT_OR_ATTENDED.search(view.text[max(0, match.start() - 40) : match.start()]):
            continue
        persons = [e for e in view.entities_between(0, len(view.text)) if e.type == PERSON]
        label = f"{match.group('noun').capitalize()} “{match.group('title')}”"
        event = _ceremony(view, label, persons, match.start(), place_from=match.end())
        event.kind, event.named, event.rule = kind_of(match.group("noun")), True, "named-event"
        out.append(event)
    return out


# "the active participation of President X in the organization's summit meetings in recent years"
_PARTICIPATION_IN = re.compile(
    r"\bparticipation\s+of\s+(?P<who>[^,;]{3,80}?)\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?P<event>summits?|summit meetings|forums?|conferences?)\b"
)


def participation_in(view: SentenceView) -> list[Meeting]:
    """Someone's participation in summits or forums: a meeting of theirs, dated only if the text says."""
    out = []
    for match in _PARTICIPATION_IN.finditer(view.text):
        who = [e for e in view.entities_between(match.start("who"), match.end("who")) if e.type == PERSON]
        if not who:
            continue
        out.append(
            Meeting(
                kind="summit" if "summit" in match.group("event") else "forum",
                label=f"{match.group('event').capitalize()} attended by {who[0].name}",
                participants=who,
                sentences={view.sentence.index},
                rule="named-event",
                named=True,
            )
        )
    return out


# "Foreign Minister X, visiting Baghdad on 6 June, said …", "X, who was visiting Lima, …"
_VISITING = re.compile(r",\s+(?:who\s+(?:is|was)\s+)?(?:on\s+a\s+[\w-]+\s+)?visiting\s+(?=[A-Z])")


def _visiting(view: SentenceView) -> list[Meeting]:
    """A visit told by the participle: the person just before the comma visits the place just after."""
    out = []
    for match in _VISITING.finditer(view.text):
        visitor = [
            e for m, e in view.items if e is not None and e.type == PERSON and 0 <= match.start() - view.rel(m)[1] <= 2
        ]
        target = next(iter(view.places_between(match.end(), match.end() + 40)), None)
        if not visitor or target is None or SITE.match(view.text, match.end()):
            continue
        visit = _ceremony(view, f"Visit of {visitor[0].name} to {target.name}", visitor, match.start())
        visit.kind, visit.place, visit.rule = "visit", target, "visit-noun"
        out.append(visit)
    return out


# "Malinov travelled to South Korea in September"; an arrival ("X arrived in Lima on Monday") only sets the
# scene for the meetings told after it
_TRAVELLED = re.compile(r"\b(?:travell?ed|travels|flew|went)\s+to\s+|(?P<was>\b(?:was|were)\s+in\s+)")


def travels(view: SentenceView) -> list[Meeting]:
    """A visit told by a verb of travel: the person the clause names goes to the place right after."""
    out = []
    for match in _TRAVELLED.finditer(view.text):
        if SITE.match(view.text, match.end()):
            continue
        clause = clause_start(view.text, match.start())
        visitor = [e for e in view.entities_between(clause, match.start()) if e.type == PERSON][-1:]
        if match.group("was"):
            # "When Foreign Minister X was in Belgrade in February 2023": the one just before, on a day named
            visitor = [e for m, e in view.items if e in visitor and 0 <= match.start() - view.rel(m)[1] <= 1]
            if not view.dates:
                continue
        target = [
            e
            for m, e in view.items
            if e is not None and e.type in (PLACE, COUNTRY) and match.end() <= view.rel(m)[0] <= match.end() + 4
        ]
        if not visitor or not target:
            continue
        visit = _ceremony(view, f"Visit of {visitor[0].name} to {target[0].name}", visitor, match.end())
        comma = view.text.find(",", match.end())
        own = [d for d in view.dates if clause <= d.start < (comma if comma != -1 else len(view.text))]
        if own:  # "In February 2023, a delegation led by X travelled to China, and on February 15 …": its clause's
            visit.date, visit.planned = own[0].iso, own[0].future
        visit.kind, visit.place, visit.rule = "visit", target[0], "visit-noun"
        visit.participants += [target[0]] if target[0].type == COUNTRY else []
        out.append(visit)
    return out


# "a three-day state visit that began on Tuesday": a visit's first day is its date
_VISIT_BEGAN = re.compile(r"\b(?:visit|trip|tour)\s+(?:that|which)\s+(?:began|started|opened)\s+(?:on\s+|in\s+)?$")
_AT_THE_INVITATION_OF = re.compile(r"\bat\s+the\s+invitation\s+of\s+")


def visits(view: SentenceView) -> list[Meeting]:
    """Visits named by their noun: who travels (of/by X, X's, the person the clause is about) and
    where to (to C, or "X is in C on a state visit")."""
    text = view.text
    out: list[Meeting] = []
    if not any(word in text for word in ("visit", "trip", "Visit", "tour", "-day stay")):
        return out
    out.extend(_visiting(view))
    for visit in _VISIT.finditer(text):
        if not visit.group("kind") and not visit.group("to") and not _VISITOR_OF.match(text, visit.end()):
            continue  # "visit" alone: a plain verb or a vague noun
        if not visit.group("kind") and re.search(r"\b(?:his|her|their)\s+$", text[: visit.start()]):
            continue  # "during his visit to Beijing, X met …": the setting of a meeting, not a visit reported
        if SITE.match(text, visit.end()):
            continue  # a site visit is not a diplomatic visit
        if re.search(
            r"\b(?:paid|pays|pay|paying|made|makes|make|making)\s+(?:a|an|his|her|their)?\s*$", text[: visit.start()]
        ):
            continue  # "paid a state visit to C": the verb reader has it
        target = None
        if visit.group("to"):
            target = next(iter(view.places_between(visit.end(), visit.end() + 40)), None)
        visitor: list[Entity] = []
        by = _VISITOR_OF.match(text, visit.end() if not visit.group("to") else visit.end() + 0)
        if by is None and target is not None:
            after_target = [view.rel(m)[1] for m, e in view.items if e is target and view.rel(m)[0] >= visit.end()]
            by = _VISITOR_OF.match(text, after_target[0]) if after_target else None
        if by is not None:
            visitor = [e for e in view.entities_between(by.end(), by.end() + 80) if e.type == PERSON][:1]
            if not visitor:
                continue  # "a visit by Shaker": a visitor the sentence does not name in full
            if target is None:  # "the state visit of President X to China"
                target = next(
                    (
                        e
                        for m, e in view.items
                        if e is not None
                        and e.type in (PLACE, COUNTRY)
                        and by.end() <= view.rel(m)[0] <= by.end() + 120
                        and re.search(r"\bto\s+(?:the\s+)?$", text[: view.rel(m)[0]])
                    ),
                    None,
                )
        accompanied = _ACCOMPANIED.search(text, 0, visit.start()) if not visitor else None
        if accompanied:  # "A accompanied President B on his state visit to C": B's visit, with A
            led = [
                e for e in view.entities_between(accompanied.start("who"), accompanied.end("who")) if e.type == PERSON
            ]
            along = [e for e in view.entities_between(0, accompanied.start()) if e.type == PERSON][-1:]
            visitor = led[:1] + [e for e in along if e not in led] if led else []
        if not visitor:  # "Putin's state visit", "Xi's state visit"
            owner = [
                e
                for m, e in view.items
                if e is not None
                and e.type == PERSON
                and 0 <= visit.start() - view.rel(m)[1] <= 20
                and re.match(r"\s*['’]s\s", text[view.rel(m)[1] : visit.start()] + " ")
            ]
            visitor = owner[-1:]
        if not visitor:  # "President X, who is in Kazakhstan on a state visit", "during his trip to …": the subject
            possessive = re.search(r"\b(?:his|her)\s+$", text[: visit.start()])
            setting = re.search(
                r"\b(?:during|at the (?:start|end) of|in the course of|as part of)\s+(?:a|an|the|his|her)\s+"
                r"(?:[\w-]+\s+){0,3}$",
                text[: visit.start()],
            )
            if possessive or setting:  # "during his trip to C, X met …": the one the sentence is about
                visitor = [
                    e
                    for m, e in view.items
                    if e is not None
                    and e.type == PERSON
                    and m.text[:1].isupper()  # a name, not "whom he urged" read back to the one met
                    and not _OBJECT_BEFORE.search(text[: view.rel(m)[0]])
                ][:1]
            else:  # "X, who is in C on a state visit", "as the Sultan began a state visit": the nearest one
                visitor = [e for e in view.entities_between(0, visit.start()) if e.type == PERSON][-1:]
        during = re.search(r"\bduring\s+(?:a|an|his|her)\s+$", text[: visit.start()])
        if target is None and visit.group("kind") and during:
            # "X met Y in Santiago during a state visit that ran from 4 to 8 February": the visit was there,
            # and the visitor is the one who met, named before it
            visitor = [
                e
                for m, e in view.items
                if e is not None
                and e.type == PERSON
                and view.rel(m)[1] <= visit.start()
                and m.text[:1].isupper()
                and not _OBJECT_BEFORE.search(text[: view.rel(m)[0]])
            ][:1]
            target = next(
                (
                    e
                    for m, e in reversed(view.items)
                    if e is not None
                    and e.type in (PLACE, COUNTRY)
                    and view.rel(m)[1] <= visit.start()
                    and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[: view.rel(m)[0]])
                ),
                None,
            )
        if target is None:  # "who is in Kazakhstan on a state visit"
            for m, e in view.items:
                a, b = view.rel(m)
                if (
                    e is not None
                    and e.type in (PLACE, COUNTRY)
                    and b <= visit.start()
                    and _IN_PLACE_ON.search(text[:a])
                ):
                    target = e
        if not visitor or target is None or target in visitor:
            continue
        dates = [
            d
            for d in view.dates
            if not re.search(r"\b(?:since|by|until)\s+$", text[max(0, d.start - 8) : d.start])
            and (not dates_something_else(text, d) or _VISIT_BEGAN.search(text, 0, d.start))
        ]
        targets = [target]
        if visit.group("noun") != "trip" and visit.group("to"):
            # "state visits to Turkmenistan, Kazakhstan and Uzbekistan in June 2024", "his visit to Qatar and
            # the UAE in April": one visit to each
            listed = _LISTED_PLACES.match(text, visit.end())
            if listed:
                targets = [e for e in view.places_between(visit.end(), listed.end()) if e not in visitor] or [target]
        if visit.group("noun") == "visits" and len(targets) > 1:
            each = [next((d for d in dates if d.start > visit.end()), None)]
        elif visit.group("noun") == "visits":  # "visits to China in April and September": one visit each
            each = [d for d in dates if d.start > visit.end()] or [None]
        else:  # the date of the visit's own clause: "the visit of A to B in March and C's visit in 2023"
            clause_end = CLAUSE_END.search(text, visit.end())
            stop = clause_end.start() if clause_end else len(text)
            own = [d for d in dates if visit.end() <= d.start < stop] or sorted(
                dates, key=lambda d: abs(d.start - visit.start())
            )
            each = own[:1] or [None]
        context = bool(PLANNED_CONTEXT.search(text[max(0, visit.start() - 60) : visit.end() + 40]))
        invited = _AT_THE_INVITATION_OF.search(text, visit.end())
        # "… on a state visit at the invitation of President Y": Y hosts it
        hosts = (
            [e for e in view.entities_between(invited.end(), invited.end() + 80) if e.type == PERSON][:1]
            if invited
            else []
        )
        for date, target in [(d, t) for d in each for t in targets]:
            out.append(
                Meeting(
                    kind="visit",
                    label=f"Visit of {visitor[0].name} to {target.name}" + (f" ({date.iso})" if len(each) > 1 else ""),
                    date=_first_day(text, date.iso) if date else None,
                    # the host state too, and who invited the visitor
                    participants=visitor
                    + ([target] if target.type == COUNTRY else [])
                    + [h for h in hosts if h not in visitor],
                    place=target,
                    planned=bool(date and date.future) or context,
                    sentences={view.sentence.index},
                    rule="visit-noun",
                )
            )
    return out


# "A and B laid the foundation stone of the plant", "X officially inaugurated the 240 MW wind farm",
# "the foundation stone was laid on 13 January 2022 by A and B", "X attended the groundbreaking of …"
_CEREMONY_ACTIVE = re.compile(
    r"\b(?:(?P<stone>laid|lay|lays)\s+the\s+(?:foundation|corner)\s?stone|"
    r"(?P<opened>(?:officially\s+|jointly\s+|formally\s+)?(?:inaugurated|inaugurates|opened|opens|commissioned|launched)"
    # "launched construction of", "pressed the button to launch", "cut the ribbon at", "unveiled a plaque at"
    r"(?:\s+construction\s+(?:work\s+)?(?:of|on))?|pressed\s+(?:the|a)\s+(?:symbolic\s+)?button\s+to\s+"
    r"(?:launch|start|open|inaugurate)|cut\s+the\s+(?:inaugural\s+)?ribbon\s+(?:at|of|on)|"
    r"unveiled\s+(?:a|the)\s+(?:commemorative\s+)?plaque\s+(?:at|on)|"
    # "broke ground on", "marked the completion of", "celebrated the start of operations at", "witnessed the
    # energisation of": a plant's ceremony told by what was done or marked at it
    r"(?P<ground>(?:broke|break|breaks|breaking)\s+ground\s+(?:on|at|for))|"
    r"(?:marked|celebrated|witnessed|hailed)\s+the\s+(?:official\s+)?(?:completion|start|launch|opening|"
    r"commissioning|energi[sz]ation|start-up|inauguration|groundbreaking|ground-breaking)"
    r"(?:\s+of\s+(?:construction|operations|works?|commercial\s+operations?))?\s+(?:of|at|on|for))|"
    r"(?P<attended>attended|attends|joined|took\s+part\s+in|participated\s+in)\s+(?:the|a)\s+"
    r"(?:(?:virtual|official|formal|symbolic|online)\s+)?(?P<what>groundbreaking|ground-breaking|inauguration|"
    r"commissioning|opening|launch|handover|ceremony)"
    # "attended a ceremony on Monday to mark the commercial operation of …"
    r"(?:\s+ceremony)?(?:\s+on\s+[A-Z][a-z]+day)?(?:\s+(?:to\s+(?:mark|launch|celebrate|open)|marking|celebrating)"
    r"(?:\s+the\s+(?:[a-z]+\s+){0,3}?(?:of|at))?)?)\s+(?:(?:of|for)\s+)?"
    # the thing: "the 240 MW wind farm", or a project's own name ("broke ground for C-5")
    r"(?P<object>(?:the|an?|our|its|their)\s+[^,;]{3,80}?|[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*){0,4})"
    r"(?=\s+(?:on|in|at|which|that|with|and|together|alongside)\b|[,;.]|$)"
)
# "… laid the foundation stone at the site alongside Y": a stone laid with no object named after it
_STONE_ALONE = re.compile(r"\b(?:laid|lay|lays)\s+the\s+(?:foundation|corner)\s?stone\b(?!\s+(?:of|for)\b)")
_ALONGSIDE = re.compile(r"\b(?:alongside|together with|with|and)\s+")
_CEREMONY_PASSIVE = re.compile(
    r"\b[Tt]he\s+(?:foundation|corner)\s?stone\s+(?:of\s+(?P<object>[^,;]{3,80}?)\s+)?was\s+laid\b[^;]*?\bby\s+"
)
_PLANT = re.compile(
    r"(?i)\b(?:plant|farm|park|(?:sub)?station|project|dam|facility|complex|line|route|factory|terminal|port|turbine|"
    r"interconnector|pipeline|reactor|unit)s?\b"
)


_ARTICLE = re.compile(r"^(?:the|an?)\s+")
_CEREMONY_WORD = re.compile(
    r"stone|inaugurat|opened|opens|commissioned|launched|attend|joined|took part|participated|button|ribbon|plaque|"
    r"ceremony|presence|into operation|into service|\bground\b|marked|celebrated|witnessed|hailed|switched on|"
    r"started up|opening"
)
# "… inaugurated the plant in the presence of B", "…, joined by B": who else was there
_DETERMINERS = ("the ", "our ", "its ", "their ")  # "marked the start of operation of our three plants"
_ALSO_THERE = re.compile(r"\b(?:in\s+the\s+presence\s+of|joined\s+by|accompanied\s+by|together\s+with|alongside)\s+")
# "the capsule-laying ceremony that marked the start of …": a ceremony is what marked it
_CEREMONY_THAT = re.compile(r"\b(?:ceremony|event)\s*,?\s+(?:that|which)\s+$")
# "put the Velmar plant into operation", "started up the plant's first unit"
_PUT_INTO_OPERATION = re.compile(
    r"\b(?:put|puts|putting)\s+(?P<object>the\s+[^,;]{3,80}?)\s+into\s+(?:commercial\s+)?(?:operation|service)\b|"
    r"\b(?:started|starts)\s+up\s+(?P<object2>the\s+[^,;]{3,80}?)(?=\s+(?:on|in|at)\b|[,;.]|$)"
)
# "The Velmar plant was inaugurated on Monday by A and B", "… put into operation in the presence of A"
_PASSIVE_OPENING = re.compile(
    r"\b(?P<object>[Tt]he\s+[^,;]{3,80}?)\s+(?:was|were|has been|have been)\s+(?:officially\s+|formally\s+|jointly\s+)?"
    r"(?:inaugurated|opened|commissioned|put\s+into\s+(?:operation|service)|switched\s+on|energi[sz]ed|started\s+up)"
    r"\b[^;]{0,60}?"
    r"\b(?:by|in\s+the\s+presence\s+of)\s+"
)
# "A ceremony marking … was held on Monday with A and B", "The exchange of documents took place in the
# presence of A and B"
_CEREMONY_HELD_WITH = re.compile(
    r"\b(?P<what>ceremony|exchange\s+of\s+(?:the\s+)?(?:signed\s+)?documents)\b[^;]{0,120}?"
    r"\b(?:took place|was held|were held)\b[^;]{0,60}?\b(?:with|in\s+the\s+presence\s+of|attended\s+by)\s+"
)
# "X attended the capsule-laying ceremony", "… connected to the grid at a ceremony attended by A and B": a
# ceremony of a kind the event names do not know, or none; the kinds they know are read as named events
_KNOWN_CEREMONY = r"(?:opening|closing|signing|groundbreaking|ground-breaking|inauguration|commissioning|launch)"
_ATTENDED_CEREMONY = re.compile(
    r"\b(?:attended|attends|joined|took part in|participated in)\s+(?:the|a)\s+"
    rf"(?!{_KNOWN_CEREMONY}\s)(?P<what>[a-z]+(?:-[a-z]+)*)\s+ceremony\b"
)
# "the 500 MW Abydos solar plant near Kom Ombo, which Prime Minister X inaugurated in December 2024"
_WHICH_X_INAUGURATED = re.compile(
    # "…, the first of which President X inaugurated in Havana on 22 February"
    r",\s+(?:the\s+(?:first|second|last|latest)\s+of\s+)?which\s+(?P<who>[^,;]{3,80}?)\s+(?:officially\s+|formally\s+|jointly\s+)?"
    r"(?:inaugurated|opened|commissioned)\b"
)
_INAUGURATED_IT = re.compile(r"\b(?:officially\s+|formally\s+|jointly\s+)?(?:inaugurated|opened|commissioned)\s+it\b")
_PLANT_BEFORE = re.compile(
    r"(?:[A-Z0-9][\w-]*\s+){1,5}(?:[\w-]+\s+){0,2}(?:plant|farm|park|station|dam|complex|line|terminal)"
    r"(?:\s+(?:near|in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?$"
)
_AT_CEREMONY_ATTENDED_BY = re.compile(
    r"\b(?:at|with|in)\s+a\s+ceremony\s+(?:[a-z]+\s+){0,3}?(?:attended|led|presided\s+over|officiated)\s+by\s+|"
    # "The opening of the Velmar plant on Monday was attended by A and B"
    r"\b[Tt]he\s+(?:official\s+)?(?:opening|inauguration|groundbreaking|ground-breaking|commissioning|launch)\s+"
    r"(?:ceremony\s+)?of\s+(?:the|an?)\s+[^,;]{3,80}?\s+(?:was|were)\s+attended\s+by\s+"
)


# "X, who was in the province on a working visit, cut the ribbon …": an aside between subject and verb
_ASIDE_BEFORE = re.compile(r",\s+(?:who|which)\b[^,;]*,\s*$")


def _subject(view: SentenceView, verb: int) -> list[Entity]:
    """Who the clause of the verb at ``verb`` is about, past an aside between them."""
    clause = clause_start(view.text, verb)
    aside = _ASIDE_BEFORE.search(view.text, 0, verb)
    if aside and aside.end() >= clause:
        clause = clause_start(view.text, aside.start())
        return prefer_persons(view.entities_between(clause, aside.start()))
    return prefer_persons(view.entities_between(clause, verb))


def ceremonies(view: SentenceView) -> list[Meeting]:
    """Ceremonies told by their verb: who laid a foundation stone, inaugurated or opened a plant,
    or attended its groundbreaking; the plant's name makes the label."""
    text = view.text
    out: list[Meeting] = []
    if not _CEREMONY_WORD.search(text):
        return out
    for match in _CEREMONY_ACTIVE.finditer(text):
        thing = match.group("object")
        if not _PLANT.search(thing) and not (match.group("ground") and thing[0].isupper()):
            continue  # "opened the forum", "launched talks": not a plant's ceremony (ground is broken for one)
        if _CEREMONY_THAT.search(text, 0, match.start()):
            continue  # "the capsule-laying ceremony that marked the start of …": that ceremony's reader has it
        if not thing.startswith(_DETERMINERS) and not match.group("opened"):
            continue  # "attended a groundbreaking": the ceremony's own noun reader has it
        if not thing.startswith(_DETERMINERS) and "launch" in match.group("opened"):
            continue  # "launched a project": a plan announced, not a plant opened
        who = _subject(view, match.start())  # "C drew power after X opened …"
        also = _ALSO_THERE.search(text, match.end())
        if also and not CLAUSE_END.search(text, match.end(), also.start()):
            # "we marked the start of operation of our plants together with Minister A and Premier B"
            stop = CLAUSE_END.search(text, also.end())
            who += [
                e for e in view.entities_between(also.end(), stop.start() if stop else len(text)) if e.type == PERSON
            ]
        if not any(e.type == PERSON for e in who):
            # "the plant was inaugurated in 2019": its history; "Vantora commissioned the wind farm in 2021",
            # "Vantora launched construction of the plant": a company's work, not an event with people in it
            continue
        kind = (
            "Foundation-stone ceremony"
            if match.group("stone")
            else "Groundbreaking ceremony"
            if match.group("ground")
            else (
                f"{match.group('what').capitalize()} ceremony" if match.group("attended") else "Inauguration ceremony"
            )
        )
        out.append(_ceremony(view, f"{kind} of {_ARTICLE.sub('', thing).strip()}", who, match.start()))
    for match in _PUT_INTO_OPERATION.finditer(text) if " into " in text or " up " in text else ():
        thing = match.group("object") or match.group("object2")
        clause = clause_start(text, match.start())
        who = [e for e in view.entities_between(clause, match.start()) if e.type == PERSON]
        if who and _PLANT.search(thing):
            out.append(
                _ceremony(view, f"Commissioning ceremony of {_ARTICLE.sub('', thing).strip()}", who, match.start())
            )
    for match in _INAUGURATED_IT.finditer(text):  # "… the biggest floating solar plant. X inaugurated it today."
        clause = clause_start(text, match.start())
        who = [e for e in view.entities_between(clause, match.start()) if e.type == PERSON]
        if who:
            out.append(_ceremony(view, "Inauguration ceremony", who, match.start()))
    for match in _WHICH_X_INAUGURATED.finditer(text):
        who = [e for e in view.entities_between(match.start("who"), match.end("who")) if e.type == PERSON]
        thing = _PLANT_BEFORE.search(text, max(0, match.start() - 80), match.start())
        if who and thing:
            out.append(_ceremony(view, f"Inauguration ceremony of {thing.group(0)}", who, match.end("who")))
    for match in _ATTENDED_CEREMONY.finditer(text):
        clause = clause_start(text, match.start())
        who = prefer_persons(view.entities_between(clause, match.start()))
        if who:
            out.append(_ceremony(view, f"{match.group('what').capitalize()} ceremony", who, match.start()))
    for match in _AT_CEREMONY_ATTENDED_BY.finditer(text):
        if view.events():
            break  # "signed at COP27, at a ceremony attended by X": the event's own ceremony, read with it
        stop = CLAUSE_END.search(text, match.end())
        who = [e for e in view.entities_between(match.end(), stop.start() if stop else len(text)) if e.type == PERSON]
        # "X presses the button … at a ceremony attended by 2,300 guests": the one the sentence is about
        who = who or [e for e in view.entities_between(0, match.start()) if e.type == PERSON][:1]
        if who:
            out.append(_ceremony(view, f"Ceremony attended by {who[0].name}", who, match.start()))
    for match in _PASSIVE_OPENING.finditer(text):
        thing = match.group("object")
        stop = CLAUSE_END.search(text, match.end())
        who = [e for e in view.entities_between(match.end(), stop.start() if stop else len(text)) if e.type == PERSON]
        if who and _PLANT.search(thing):
            label = f"Inauguration ceremony of {_ARTICLE.sub('', thing[0].lower() + thing[1:]).strip()}"
            out.append(_ceremony(view, label, who, match.start()))
    for match in _CEREMONY_HELD_WITH.finditer(text):
        if view.events():
            break  # a named event's ceremony is read with the event
        stop = CLAUSE_END.search(text, match.end())
        who = [e for e in view.entities_between(match.end(), stop.start() if stop else len(text)) if e.type == PERSON]
        if who:
            what = "Exchange of documents" if match.group("what") != "ceremony" else "Ceremony"
            out.append(_ceremony(view, f"{what} attended by {who[0].name}", who, match.start()))
    for match in _STONE_ALONE.finditer(text):
        clause = clause_start(text, match.start())
        who = [e for e in view.entities_between(clause, match.start()) if e.is_agent]
        along = _ALONGSIDE.search(text, match.end())
        if along and along.start() - match.end() < 40:  # "… at the site alongside Egypt's minister, X"
            stop = CLAUSE_END.search(text, along.end())
            who += [e for e in view.entities_between(along.end(), stop.start() if stop else len(text)) if e.is_agent]
        if who:
            out.append(_ceremony(view, "Foundation-stone ceremony", prefer_persons(who), match.start()))
    for match in _CEREMONY_PASSIVE.finditer(text):
        stop = CLAUSE_END.search(text, match.end())
        who = [e for e in view.entities_between(match.end(), stop.start() if stop else len(text)) if e.is_agent]
        thing = match.group("object") or "the plant"
        if who:
            out.append(
                _ceremony(
                    view, f"Foundation-stone ceremony of {thing.removeprefix('the ').strip()}", who, match.start()
                )
            )
    # one ceremony read twice ("commissioned … at a ceremony attended by A and B"): the one naming the plant
    kept: dict[tuple, Meeting] = {}
    for meeting in sorted(out, key=lambda m: " of " not in m.label):
        kept.setdefault((frozenset(map(id, meeting.participants)), meeting.date), meeting)
    chosen = {id(m) for m in kept.values()}
    return [m for m in out if id(m) in chosen]


# "concluded on Sunday a three-day state visit": the visit began two days before
_ENDED_VISIT = re.compile(
    r"\b(?:concluded|wrapped up|ended|completed|finished|rounded off)\b[^.;]{0,40}?\b"
    r"(?P<n>two|three|four|five|six|seven|[2-7])-day\b[^.;]{0,30}?\b(?:visit|trip|tour)\b"
)
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _first_day(text: str, date: str | None) -> str | None:
    """A visit is dated by its first day: the day it ended less its length, when the text tells both."""
    ended = _ENDED_VISIT.search(text)
    if not ended or date is None or len(date) != 10:
        return date
    n = _DAYS.get(ended.group("n")) or int(ended.group("n"))
    return (dt.date.fromisoformat(date) - dt.timedelta(days=n - 1)).isoformat()


# "she was given a ceremonial reception at the palace", "X was accorded a guard of honour"
_WELCOMED = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?(?:given|accorded|offered)\s+(?:a|an)\s+"
    r"(?P<what>(?:(?:ceremonial|official|formal|red-carpet|state)\s+)(?:reception|welcome)|guard\s+of\s+honou?r)\b"
)


def welcomes(view: SentenceView) -> list[Meeting]:
    """A ceremonial welcome a visitor "was given": an occasion of its own, the visitor its participant."""
    match = _WELCOMED.search(view.text) if " given " in view.text or " accorded " in view.text else None
    if match is None:
        return []
    visitors = [
        e for e in view.entities_between(clause_start(view.text, match.start()), match.start()) if e.type == PERSON
    ]
    if not visitors:
        return []
    return [_ceremony(view, f"{match.group('what').capitalize()} for {visitors[-1].name}", visitors[-1:], match.end())]


def _ceremony(
    view: SentenceView, label: str, participants: list[Entity], at: int, *, place_from: int | None = None
) -> Meeting:
    """An occasion read at ``at``: dated by the date nearest it, placed by "in/at C" after it."""
    date, future = date_for(view, at)
    return Meeting(
        kind="ceremony",
        label=label,
        date=date,
        participants=list(dict.fromkeys(participants)),
        place=place_after(view, at if place_from is None else place_from),
        planned=future,
        sentences={view.sentence.index},
        rule="ceremony-verb",
    )
