"""Meetings: who met whom ("A met B", "A held talks with B", "A's visit to C in April"), and
named or described events (forums, summits, conferences, ceremonies, roundtables, COP29), each
with date, place and participants."""

from __future__ import annotations

import itertools
import re

from .entities import SentenceView, fold
from .facts import COUNTRY, PERSON, PLACE, Entity, Meeting

_EVENT_NOUN = r"(?P<noun>event|ceremony|gathering|meeting|talks|forum|summit|roundtable|conference|session)"
_ANAPHOR = re.compile(
    r"\b(?P<verb>attended|took part in|participated in|told|addressed|joined|at|during|opened|inaugurated|closed)\s+"
    r"the\s+(?:[a-z]+\s+)?"
    rf"{_EVENT_NOUN}\b|"
    # "The ceremony was attended by …", "China's delegation was led by …", "X was represented at the event by …"
    rf"\b[Tt]he\s+(?:[a-z]+\s+)?{_EVENT_NOUN.replace('noun', 'passive')}\s+was\s+(?:also\s+)?"
    r"(?:attended|opened|chaired|co-chaired|hosted|moderated|addressed|closed)\s+by\b|"
    r"\bdelegation\s+(?:was|were)\s+(?:led|headed)\s+by\b|"
    r"\b(?:was|were)\s+(?:also\s+)?represented\s+(?:at\s+the\s+(?:\w+\s+)?(?:event|ceremony|meeting|forum|roundtable)\s+|there\s+)?by\b"
)


def add_anaphoric_participants(view: SentenceView, meetings: list[Meeting], found_here: list[Meeting]) -> None:
    """ "Nurbek and Amrullayev attended the ceremony": persons joining the event last reported."""
    anaphor = _ANAPHOR.search(view.text)
    if not anaphor:
        return
    earlier = [m for m in meetings if view.sentence.index not in m.sentences]
    noun = anaphor.group("noun") or anaphor.group("passive")
    if noun and any(noun in m.label.lower() for m in found_here):
        return  # "The roundtable was opened by …" names its own event, read with this sentence
    event = next((m for m in reversed(earlier) if m.named and noun and noun in m.label.lower()), None)
    event = event or next((m for m in reversed(earlier) if m.named), None)
    if event is None and noun in ("meeting", "talks"):
        event = earlier[-1] if earlier and not earlier[-1].planned else None  # the meeting last reported
    if event is None:
        return
    persons = [e for _, e in view.items if e is not None and e.type == PERSON]
    event.participants += [p for p in persons if p not in event.participants]
    if anaphor.group("verb") in ("opened", "inaugurated") and view.dates and not view.dates[0].future:
        event.date = view.dates[0].iso  # "Aliyev opened the forum on Monday": it began that day
    if persons:
        event.sentences.add(view.sentence.index)


_WILL = re.compile(r"\b(?:will|shall|to|plans? to|is scheduled to|are scheduled to|is expected to)\s+(?:\w+\s+)?$")
_TALK = (
    r"(?:held|holds|hold|had|has|have|conducted)\s+(?:a\s+|an\s+)?(?:separate\s+|bilateral\s+|one-on-one\s+|"
    r"face-to-face\s+|productive\s+|fruitful\s+|official\s+)?(?:talks|meetings?|telephone conversation|telephone call|"
    r"phone call|phone conversation|video ?conference|videoconference|video call|online meeting|virtual meeting|"
    r"consultations|negotiations)|spoke\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone|"
    r"discussed(?:\s+[\w-]+){0,8}?(?=\s+with\b)"
)
_MEET_VERB = re.compile(
    rf"\b(?:(?P<talks>{_TALK}|(?<!\bin )talks)(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?"
    r"\s+with|"
    r"(?P<received_by>(?:was|were)\s+(?:also\s+|warmly\s+|later\s+)?(?:received|greeted|welcomed|hosted)\s+by)|"
    rf"(?P<talks_among>{_TALK})\b(?!\s+with)|"
    r"(?P<paid>paid|pays|pay|made|makes|make)\s+(?:an?\s+)?(?:official\s+|state\s+|working\s+|[a-z]+-day\s+)*"
    r"visits?\s+to|"
    r"(?P<met>met|meets|meet|meeting)(?:\s+with)?|(?P<received>received|hosted|welcomed)|"
    r"(?P<visited>visited|visits|visit)(?!\s+to)|"
    r"(?P<between>(?i:talks|negotiations|consultations|(?:a|the)\s+(?:bilateral\s+)?meeting))\s+"
    r"(?:(?:was|were|have been)\s+held\s+)?between)\s+"
)
_PLANNED_CONTEXT = re.compile(
    r"\b(?:will|to be|is to|are to|expected|scheduled|planned|upcoming|later this year|next (?:week|month|year))\b"
)
_PARTICIPATE = re.compile(
    r"\b(?:took part|takes? part|attend(?:s|ed)?|participated|joined|represented|address(?:es|ed)?|chair(?:s|ed)?|"
    r"spoke|opened|closed)\b"
)
_KINDS = [
    ("ceremony", "ceremony"),
    ("roundtable", "roundtable"),
    ("round table", "roundtable"),
    ("summit", "summit"),
    ("forum", "forum"),
    ("conference", "conference"),
    ("cop", "conference"),
    ("week", "forum"),
    ("expo", "forum"),
    ("exhibition", "forum"),
    ("congress", "conference"),
    ("ministerial meeting", "ministerial meeting"),
    ("ministers", "ministerial meeting"),
    ("talks", "talks"),
    ("dialogue", "talks"),
    ("meeting", "meeting"),
    ("session", "meeting"),
]
# "Bayraktar arrived in Tashkent on Monday for the Tashkent International Investment Forum"
_ARRIVED_FOR = re.compile(
    r"\b(?:arrived|arrives|travell?ed|came|flew)\b[^.;]*\b(?:for|to attend)\s+(?:the\s+)?(?:[A-Z][\w'’–-]*\s+){0,4}$"
)
_GATHERING = re.compile(
    r"\b(?:bringing|brought|brings)\s+together\b|\b(?:attended|joined)\s+by\b|\bwith the participation of\b|"
    r"\bgathered\b"
)
_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*,\s*$")
CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:which|who|where|while|and the|but)\b|\s+to\s+(?!the\b|an?\b|its\b|their\b)[a-z]+\b|\s+[—–]\s+"
)


def kind_of(label: str) -> str:
    low = label.lower()
    for word, kind in _KINDS:
        if word in low:
            return kind
    return "meeting"


def _prefer_persons(entities: list[Entity]) -> list[Entity]:
    persons = [e for e in entities if e.type == PERSON]
    return persons or [e for e in entities if e.type != PLACE]


def _date_for(view: SentenceView, near: int) -> tuple[str | None, bool]:
    best = None
    for d in view.dates:
        before = view.text[max(0, d.start - 25) : d.start].lower()
        if re.search(
            r"(?:planned|scheduled|due|commission\w*|since|established|by)\s+(?:for\s+|in\s+|on\s+)?$", before
        ):
            continue
        if best is None or abs(d.start - near) < abs(best.start - near):
            best = d
    return (best.iso, best.future) if best else (None, False)


def _place_after(view: SentenceView, start: int) -> Entity | None:
    for m, e in view.items:
        a, _ = view.rel(m)
        if e is None or e.type not in (PLACE, COUNTRY) or a < start:
            continue
        before = view.text[max(0, a - 12) : a]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            return e
    return None


def read_meetings(view: SentenceView, country_by_word=None) -> list[Meeting]:
    """The meetings one sentence reports; ``country_by_word`` turns "China" or "Chinese" into the
    country entity (for "the Azerbaijan-China commission")."""
    meetings: list[Meeting] = []
    text = view.text
    for verb in _MEET_VERB.finditer(text):
        if verb.group("met") == "meeting" and not text[verb.end() : verb.end() + 1].isupper():
            continue
        if verb.group("visited") == "visit" and not _WILL.search(text[max(0, verb.start() - 30) : verb.start()]):
            continue  # "visit" is a verb only in "will visit", "is to visit" …
        clause_start = max([0] + [m.end() for m in CLAUSE_END.finditer(text, 0, verb.start())])
        end_match = CLAUSE_END.search(text, verb.end())
        clause_end = end_match.start() if end_match else len(text)
        subjects = _prefer_persons(view.entities_between(clause_start, verb.start()))
        relative = _RELATIVE.search(text, 0, verb.start())
        if not subjects and relative:  # "Tokayev, who arrived on Sunday, received …": the subject is before "who"
            start = max([0] + [m.end() for m in CLAUSE_END.finditer(text, 0, relative.start())])
            subjects = _prefer_persons(view.entities_between(start, relative.start()))
        objects = _prefer_persons(view.entities_between(verb.end(), clause_end))
        if verb.group("between") and not objects and re.match(r"(?:the two|both)\b", text[verb.end() :]):
            objects = [e for e in _prefer_persons(view.entities_between(0, verb.start())) if e.type == PERSON][:2]
        if (verb.group("paid") or verb.group("visited")) and _SITE.match(text, verb.end()):
            continue  # "made a working visit to the plant": a site visit is not a diplomatic visit
        if verb.group("paid"):  # "Aliyev paid a state visit to Beijing": the visitor is the one just named
            comma = text.find(",", verb.end())
            until = comma if comma != -1 else clause_end
            subjects = subjects[-1:]
            objects = [e for e in _prefer_persons(view.entities_between(verb.end(), until)) if e.type != COUNTRY]
        if (verb.group("visited") or verb.group("paid")) and not objects:
            place = _place_after(view, verb.start()) or next(iter(view.places_between(verb.end(), clause_end)), None)
        else:
            place = None
        if verb.group("between"):  # "talks between A and B": who is before the phrase does not take part
            subjects, objects = objects[:1], objects[1:]
        if verb.group("talks") and _SEPARATE.search(verb.group(0)) and len(objects) >= 2:
            # "held separate meetings with A, B and C": one meeting per counterpart
            for counterpart in objects:
                meetings.append(_talks(view, verb, subjects, [counterpart], separately=True))
            continue
        participants = list(dict.fromkeys(e for e in subjects + objects if e.type != PLACE))
        if (verb.group("talks_among") or (verb.group("met") and not objects)) and len(subjects) >= 2:
            objects, subjects = subjects[1:], subjects[:1]  # "A and B held talks in C"
        if not subjects or not (objects or place):
            continue
        if objects and set(objects) <= set(subjects) and not place:
            continue  # "X met X": one person read twice (a title and a name), not a meeting
        kind = (
            "talks"
            if verb.group("talks") or verb.group("talks_among") or verb.group("between")
            else "visit"
            if verb.group("visited") or verb.group("paid")
            else "meeting"
        )
        date, future = _date_for(view, verb.start())
        future = future or bool(_WILL.search(text[max(0, verb.start() - 30) : verb.start()]))
        label = (
            f"{' and '.join(e.name for e in subjects)} "
            f"{'visit' if kind == 'visit' else 'hold talks with' if kind == 'talks' else 'meet'} "
            f"{', '.join(e.name for e in objects) or (place.name if place else '')}"
        ).strip()
        meetings.append(
            Meeting(
                kind=kind,
                label=label,
                date=date,
                participants=participants,
                place=place or _place_after(view, verb.end()),
                planned=future,
                sentences={view.sentence.index},
                rule={"talks": "talks", "visit": "visit-verb"}.get(kind, "meeting-verb"),
            )
        )
    meetings.extend(_meeting_with_opener(view))
    meetings.extend(_titled_events(view))
    meetings.extend(_participation_in(view))
    meetings.extend(_visits(view))
    meetings.extend(_ceremonies(view))
    events = [(m, _event_meeting(view, m, country_by_word)) for m in view.events()]
    for (m, part), (m2, whole) in itertools.pairwise(events):
        # "the opening ceremony of the SCO Energy Ministers' Meeting": who attends the part attends the whole
        gap = text[view.rel(m)[1] : view.rel(m2)[0]]
        if re.fullmatch(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w ]*(?:\([A-Z]{2,10}\))?\s*)?", gap):
            part.part_of = whole
            whole.participants += [p for p in part.participants if p not in whole.participants]
    echoes = set()
    for (m, named), (m2, noun) in itertools.pairwise(events):
        # "the COP28 climate summit": the lower-case noun names the event just named, not another one
        if (
            m.type == "Event"
            and m2.type == "EventNoun"
            and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,2}", text[view.rel(m)[1] : view.rel(m2)[0]])
        ):
            named.participants += [p for p in noun.participants if p not in named.participants]
            echoes.add(id(noun))
    meetings.extend(meeting for _, meeting in events if id(meeting) not in echoes)
    return meetings


_PAIR = re.compile(r"\b(?P<a>[A-Z][a-z]+)-(?P<b>[A-Z][a-z]+)\b")
_GATHERED_FOR = re.compile(
    r"\b(?:gathered|convened|assembled|met|came together)\b[^.;]*\b(?:for|at|in)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$"
)
_HELD_THE = re.compile(
    r"\b(?:held|hold|holds|convened|co-chaired|chaired|co-hosted)\s+(?:the|a|an|their|its)\s+(?:[\w-]+\s+){0,3}$"
)


# "a state visit to China", "his working trip to Abu Dhabi", "the official visit of X to Y", "X's visit to Y",
# "X, who is in Kazakhstan on a state visit", "an official visit to Riyadh by X"
_VISIT = re.compile(
    r"\b(?P<kind>(?:(?:state|official|working|first|two-day|three-day|\w+-day|historic|recent)\s+)*)"
    r"(?P<noun>visits?|trip)\b(?P<to>\s+to\b)?"
)
_SITE = re.compile(
    r"\s*(?:to\s+)?(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:site|plant|facility|factory|farm|station|project|exhibition|stand|pavilion|construction)\b"
)
_VISITOR_OF = re.compile(r"\s+(?:of|by)\s+(?=(?:[A-Z]|the\s+[A-Z]))")
_IN_PLACE_ON = re.compile(r"\b(?:is|was|are|were|arrived|arrives)\s+in\s+(?:the\s+)?$")


_AT_A_MEETING_WITH = re.compile(
    r"^\W*(?:[A-Z][a-z]+\s+\d{1,2},?\s+)?(?:[Aa]t|[Dd]uring|[Ii]n)\s+(?:a|the|their|his|her)\s+"
    r"(?:bilateral\s+|separate\s+|recent\s+)?(?:meeting|talks|conversation)\s+with\s+"
)


def _meeting_with_opener(view: SentenceView) -> list[Meeting]:
    """ "At a meeting with A, B said …": B met A (the one named after the comma is the subject)."""
    opener = _AT_A_MEETING_WITH.match(view.text)
    if not opener:
        return []
    comma = re.search(r",\s+(?!(?:CEO|chairman|chief|head|president|minister|director)\b)", view.text[opener.end() :])
    if not comma:
        return []
    stop = opener.end() + comma.start()
    counterpart = _prefer_persons(view.entities_between(opener.end(), stop))
    after = CLAUSE_END.search(view.text, stop + 1)
    subject = _prefer_persons(view.entities_between(stop, after.start() if after else len(view.text)))[:1]
    if not counterpart or not subject or subject[0] in counterpart:
        return []
    return [_talks(view, opener, subject, counterpart)]


# "the forum titled “Industrial Innovation …”": an event named by its quoted title
_TITLED = re.compile(
    r"\b(?P<noun>forum|conference|summit|roundtable|round table|dialogue|session|symposium)\s+"
    r"(?:titled|entitled|themed|called|named|under the (?:title|theme))\s+[“\"](?P<title>[^”\"]{3,140})[”\"]"
)
_AT_OR_ATTENDED = re.compile(r"\b(?:at|during|attended|addressed|took part in|participated in|spoke at)\s+the\s+$")


def _titled_events(view: SentenceView) -> list[Meeting]:
    """An event named by its quoted title; those who speak at it or attend it take part."""
    out = []
    for match in _TITLED.finditer(view.text):
        if not _AT_OR_ATTENDED.search(view.text[max(0, match.start() - 40) : match.start()]):
            continue
        persons = [e for e in view.entities_between(0, len(view.text)) if e.type == PERSON]
        date, future = _date_for(view, match.start())
        label = f"{match.group('noun').capitalize()} “{match.group('title')}”"
        out.append(
            Meeting(
                kind=kind_of(match.group("noun")),
                label=label,
                date=date,
                participants=persons,
                place=_place_after(view, match.end()),
                planned=future,
                named=True,
                sentences={view.sentence.index},
                rule="named-event",
            )
        )
    return out


# "the active participation of President X in the organization's summit meetings in recent years"
_PARTICIPATION_IN = re.compile(
    r"\bparticipation\s+of\s+(?P<who>[^,;]{3,80}?)\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?P<event>summits?|summit meetings|forums?|conferences?)\b"
)


def _participation_in(view: SentenceView) -> list[Meeting]:
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


def _visits(view: SentenceView) -> list[Meeting]:
    """Visits named by their noun: who travels (of/by X, X's, the person the clause is about) and
    where to (to C, or "X is in C on a state visit")."""
    text = view.text
    out: list[Meeting] = []
    if "visit" not in text and "trip" not in text:
        return out
    for visit in _VISIT.finditer(text):
        if not visit.group("kind") and not visit.group("to") and not _VISITOR_OF.match(text, visit.end()):
            continue  # "visit" alone: a plain verb or a vague noun
        if not visit.group("kind") and re.search(r"\b(?:his|her|their)\s+$", text[: visit.start()]):
            continue  # "during his visit to Beijing, X met …": the setting of a meeting, not a visit reported
        if _SITE.match(text, visit.end()):
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
                r"\b(?:during|at the (?:start|end) of|in the course of|as part of|on)\s+(?:a|an|the|his|her)\s+"
                r"(?:[\w-]+\s+){0,3}$",
                text[: visit.start()],
            )
            if possessive or setting:  # "during his trip to C, X met …": the one the sentence is about
                visitor = [e for e in view.entities_between(0, len(text)) if e.type == PERSON][:1]
            else:  # "X, who is in C on a state visit", "as the Sultan began a state visit": the nearest one
                visitor = [e for e in view.entities_between(0, visit.start()) if e.type == PERSON][-1:]
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
            d for d in view.dates if not re.search(r"\b(?:since|by|until)\s+$", text[max(0, d.start - 8) : d.start])
        ]
        if visit.group("noun") == "visits":  # "visits to China in April and September": one visit each
            each = [d for d in dates if d.start > visit.end()] or [None]
        else:
            each = dates[:1] or [None]
        context = bool(_PLANNED_CONTEXT.search(text[max(0, visit.start() - 60) : visit.end() + 40]))
        for date in each:
            out.append(
                Meeting(
                    kind="visit",
                    label=f"Visit of {visitor[0].name} to {target.name}" + (f" ({date.iso})" if len(each) > 1 else ""),
                    date=date.iso if date else None,
                    participants=visitor,
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
    r"(?P<opened>(?:officially\s+|jointly\s+)?(?:inaugurated|inaugurates|opened|opens|commissioned|launched))|"
    r"(?P<attended>attended|attends|joined)\s+the\s+(?P<what>groundbreaking|ground-breaking|inauguration|"
    r"commissioning|opening|launch))\s+(?:(?:of|for)\s+)?(?P<object>the\s+[^,;]{3,80}?)(?=\s+(?:on|in|at|which|that|with)\b|[,;.]|$)"
)
_CEREMONY_PASSIVE = re.compile(
    r"\b[Tt]he\s+(?:foundation|corner)\s?stone\s+(?:of\s+(?P<object>[^,;]{3,80}?)\s+)?was\s+laid\b[^;]*?\bby\s+"
)
_PLANT = re.compile(r"\b(?:plant|farm|park|station|project|dam|facility|complex|line|route|factory|terminal|port)\b")


_CEREMONY_WORD = re.compile(r"stone|inaugurat|opened|opens|commissioned|launched|attend|joined")


def _ceremonies(view: SentenceView) -> list[Meeting]:
    """Ceremonies told by their verb: who laid a foundation stone, inaugurated or opened a plant,
    or attended its groundbreaking; the plant's name makes the label."""
    text = view.text
    out: list[Meeting] = []
    if not _CEREMONY_WORD.search(text):
        return out
    for match in _CEREMONY_ACTIVE.finditer(text):
        thing = match.group("object")
        if not _PLANT.search(thing):
            continue  # "opened the forum", "launched talks": not a plant's ceremony
        clause = max([0] + [c.end() for c in CLAUSE_END.finditer(text, 0, match.start())])
        who = [e for e in view.entities_between(clause, match.start()) if e.is_agent]
        if not who:
            continue  # "the plant was inaugurated in 2019": its history, not an event with people in it
        kind = (
            "Foundation-stone ceremony"
            if match.group("stone")
            else (
                f"{match.group('what').capitalize()} ceremony" if match.group("attended") else "Inauguration ceremony"
            )
        )
        out.append(_ceremony(view, f"{kind} of {thing[4:].strip()}", who, match.start()))
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
    return out


def _ceremony(view: SentenceView, label: str, participants: list[Entity], at: int) -> Meeting:
    date, future = _date_for(view, at)
    return Meeting(
        kind="ceremony",
        label=label,
        date=date,
        participants=list(dict.fromkeys(participants)),
        place=_place_after(view, at),
        planned=future,
        sentences={view.sentence.index},
        rule="ceremony-verb",
    )


_SEPARATE = re.compile(r"\bseparate|\bmeetings\b")


def _talks(view: SentenceView, verb: re.Match, subjects: list[Entity], objects: list[Entity], *, separately=False):
    """A meeting of ``subjects`` with ``objects`` read at a "met" or "held talks with" verb."""
    date, future = _date_for(view, verb.start())
    future = future or bool(_WILL.search(view.text[max(0, verb.start() - 30) : verb.start()]))
    return Meeting(
        kind="talks",
        label=f"{' and '.join(e.name for e in subjects)} meet {', '.join(e.name for e in objects)}",
        date=date,
        participants=list(dict.fromkeys(subjects + objects)),
        place=_place_after(view, verb.end()),
        planned=future,
        sentences={view.sentence.index},
        rule="separate-meetings" if separately else "talks",
    )


def _event_meeting(view: SentenceView, m, country_by_word=None) -> Meeting:
    a, b = view.rel(m)
    label = m.text[0].upper() + m.text[1:]
    if m.acronym:
        label = f"{label} ({m.acronym})"
    host = None
    for m2, e in view.items:
        gap = view.text[view.rel(m2)[1] : a]
        if (
            m.type == "Event"
            and view.rel(m2)[1] <= a
            and e is not None
            and e.type not in (PERSON, PLACE, COUNTRY)
            and re.fullmatch(r"\s*(?:\([A-Z]{2,10}\))?\s*", gap)
        ):
            host = e  # "the Shanghai Cooperation Organization (SCO) Energy Ministers’ Meeting"
            acronym = re.search(r"[A-Z]{2,10}", gap)
            label = f"{acronym.group(0) if acronym else e.name} {label}"
    if m.type == "EventNoun":
        # "the Shanghai Cooperation Organization (SCO) summit": the organization holds the event
        for m2, e in view.items:
            if e is not None and e.type not in (PERSON, PLACE) and 0 <= a - view.rel(m2)[1] <= 8:
                host = e
                label = f"{e.name} {m.text}"
    place = _place_after(view, b)
    date, future = _date_for(view, a)
    participants: list[Entity] = [host] if host else []
    hosting = re.search(
        r"\b(?:in\s+)?(?:hosting|hosts|hosted|to host|will host)\s+(?:the\s+)?(?:\w+\s+){0,2}$", view.text[:a]
    )
    if hosting:  # "supports Azerbaijan in hosting COP29": the host takes part
        hosts = [e for m2, e in view.items if e is not None and e.is_agent and view.rel(m2)[1] <= hosting.start()]
        if hosts:
            host = hosts[-1]
            participants = [host]
    for _, e in view.items:
        if e is None or e.type not in (PERSON,):
            continue
        participants.append(e)
    text = view.text
    between = re.match(r"\s+(?:(?:on|for)\s+(?:[A-Za-z-]+\s+){0,5}?)?between\s+", text[b:])
    if between:  # "the first meeting of the Committee … between the Republic of Azerbaijan and the UAE"
        stop = CLAUSE_END.search(text, b + between.end())
        participants += [e for e in view.entities_between(b, stop.start() if stop else len(text)) if e.is_agent]
    pair = _PAIR.search(m.text)
    pair_countries = [country_by_word(w) for w in pair.group("a", "b")] if pair and country_by_word else []
    if len(pair_countries) == 2 and all(pair_countries):
        participants += pair_countries  # "the Azerbaijan-China Intergovernmental Commission"
    gathered = _GATHERED_FOR.search(text[:a])
    if gathered:  # "The leaders of A, B and C gathered in Astana for the consultative meeting"
        participants += [e for e in view.entities_between(0, gathered.start()) if e.is_agent]
    held = _HELD_THE.search(text, 0, a)
    if held:  # "Kazakhstan and Uzbekistan held the first meeting of their working group"
        clause = max([0] + [c.end() for c in CLAUSE_END.finditer(text, 0, held.start())])
        participants += [e for e in view.entities_between(clause, held.start()) if e.is_agent]
    gathering = _GATHERING.search(text, b)
    if gathering:  # "… opened, bringing together the energy ministers of A, B and C"
        end = CLAUSE_END.search(text, gathering.end())
        participants += view.entities_between(gathering.end(), end.start() if end else len(text))
    planned = future or bool(
        re.search(
            r"\b(?:upcoming|next|to be held|will be held|will take place|is scheduled|are scheduled|is due|will open|"
            r"later this year|expected to)\b",
            text[max(0, a - 80) : b + 60],
        )
    )
    at_event = re.search(
        r"\b(?:during|at|on the sidelines of)\s+(?:the\s+)?(?:[A-Z][\w'’–-]*\s+){0,4}$", text[max(0, a - 60) : a]
    )
    if at_event and not any(e.type == PERSON for e in participants):
        # "KEPCO and the Ministry of Energy signed a memorandum at the Business Forum": when no person is
        # named, the organizations and countries acting at the event took part
        participants += [e for _, e in view.items if e is not None and e.is_agent and e is not host]
    return Meeting(
        kind=kind_of(label),
        label=label,
        date=date,
        place=place,
        participants=list(dict.fromkeys(participants))
        if _PARTICIPATE.search(text)
        or gathering
        or held
        or gathered
        or between
        or pair_countries
        or at_event
        or _ARRIVED_FOR.search(text[:a])
        or re.search(r"\b(?:in)\s+(?:the\s+)?$", text[max(0, a - 30) : a])
        else ([host] if host else []),
        planned=planned,
        named=True,
        sentences={view.sentence.index},
        rule="named-event",
    )


def merge_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per label within an article; later mentions add participants, date and place."""
    merged: dict[str, Meeting] = {}
    for m in meetings:
        key = fold(m.label)
        if m.kind not in ("meeting", "talks", "visit"):
            # "that summit" is the summit named last before it
            found = next((k for k in reversed(merged) if f" {key} " in f" {k} " or f" {k} " in f" {key} "), key)
            if found != key and len(key) > len(found):  # "the summit", then "the Africa Climate Summit": the name
                merged[key] = merged.pop(found)
                merged[key].label, merged[key].kind, merged[key].named = m.label, m.kind, True
            key = found if found in merged else key
        if key in merged:
            kept = merged[key]
            kept.participants += [p for p in m.participants if p not in kept.participants]
            kept.date = kept.date or m.date
            kept.place = kept.place or m.place
            kept.sentences |= m.sentences
        else:
            merged[key] = m
    return list(merged.values())
