"""Meetings: who met whom ("A met B", "A held talks with B", "A was received by B"), and named or
described events (forums, summits, conferences, ceremonies, roundtables, COP29, a commission's
session), each with date, place and participants, joined by those later sentences place there
("attended Thursday's ceremony", "Seated alongside him were …"); visits, ceremonies told by their
verb and other occasions come from ``occasions``."""

from __future__ import annotations

import itertools
import re

from .clauses import CLAUSE_END, clause_start, countries_paired, date_for, kind_of, place_after, prefer_persons
from .entities import SentenceView, named_persons
from .facts import COUNTRY, PERSON, PLACE, Entity, Meeting
from .occasions import SITE, ceremonies, participation_in, titled_events, travels, visits, welcomes

_EVENT_NOUN = (
    r"(?P<noun>event|ceremony|gathering|meeting|talks|forum|summit|roundtable|conference|session|"
    r"inauguration|groundbreaking|commissioning)"
)
# nouns and verbs that only ever refer back to an event of their own kind, never to whatever event came
# last: "Arkab presided over the ceremony" after a forum is the ceremony of a signing not yet read
_OWN_KIND_ONLY = {"inauguration", "groundbreaking", "commissioning"}
_OWN_KIND_VERB = re.compile(r"presided over|chaired|co-chaired|Opening|At|During|(?:\w+ )?taking part in")
# "the", or a day's possessive: "attended Thursday's ceremony", "are taking part in today's meetings"
_THE_OR_DAYS = r"(?:the|that|(?:today|yesterday|this (?:morning|afternoon|evening|week)|last week|[A-Z][a-z]+day)['’]s)"
# Words one of which a sentence must hold for _ANAPHOR to be worth running
_ANAPHOR_CUE = re.compile(
    r"event|ceremony|gathering|meeting|talks|forum|summit|roundtable|conference|session|inauguration|"
    r"groundbreaking|commissioning|delegation|joined|represented|side|present|attend|took part|around the table|"
    r"chaired|led by|headed by|opened|began|started|among|participants|guests|dignitaries|audience|alongside|"
    r"beside|next to|joining"
)
_ANAPHOR = re.compile(
    r"\b(?P<verb>attended|took part in|(?:are |is |were |was )?taking part in|participated in|told|addressed|"
    r"joined|[Aa]t|[Dd]uring|for|opened|[Oo]pening|inaugurated|closed|presided over|co-chaired|chaired)\s+"
    # "presided over a meeting of the Cabinet": a meeting of its own, told here
    rf"(?:{_THE_OR_DAYS}|(?P<new>(?<=chaired )an?|(?<=presided over )an?))\s+(?:(?P<adjective>[a-z]+)\s+)?"
    rf"{_EVENT_NOUN}s?\b|"
    # "The ceremony was attended by …", "China's delegation was led by …", "X was represented at the event by …"
    rf"\b[Tt]he\s+(?:[a-z]+\s+)?{_EVENT_NOUN.replace('noun', 'passive')}\s+was\s+(?:also\s+)?"
    r"(?:attended|opened|chaired|co-chaired|hosted|moderated|addressed|closed)\s+by\b|"
    r"\b(?:delegation|side)\s+(?:was|were)\s+(?:led|headed)\s+by\b|"
    # "It was attended by …", "The commission is co-chaired by …", "X led the Peruvian delegation"
    r"\b(?:It|which)\s+was\s+(?:also\s+)?(?:attended|chaired|co-chaired|hosted|opened|led|headed)\s+by\b|"
    # "The two-day session opened on Tuesday, March 3": the day the event began
    r"\b[Tt]he\s+(?:[\w-]+\s+)?(?P<began>session|meeting|summit|forum|conference)\s+(?:opened|began|started)\b|"
    r"\b[Tt]he\s+(?:commission|committee|council)\s+is\s+(?:co-)?chaired\s+by\b|"
    r"\b(?:led|headed)\s+(?:the|his|her|its|their)\s+(?:[A-Za-z]+\s+)?(?:delegation|side)\b|"
    # "… and was joined at the site by Minister X, Minister Y and Z"
    r"\b(?:was|were)\s+(?:also\s+)?joined\s+(?:at\s+the\s+\w+\s+|there\s+|on\s+stage\s+)?by\b|"
    r"\b(?:was|were)\s+(?:also\s+)?represented\s+(?:at\s+the\s+(?:\w+\s+)?(?:event|ceremony|meeting|forum|roundtable)\s+|there\s+)?by\b|"
    # "The Italian side at the plenary was made up of …", "Also present were …", "Participants included …"
    r"\b(?:side|delegation|delegations)\b[^.;:]{0,60}?\b(?:was|were)\s+(?:made up of|composed of|comprised of)\b|"
    r"\b(?:side|delegation)\s+(?:included|comprised|consisted of)\b|"
    r"\b[Aa]lso\s+(?:present|attending|in attendance)\s+(?:were|was)\b|"
    # "A, B and C took part, and the group agreed …", "Around the table sat A; B; C"
    r"\b(?P<bare>took part|were present|(?:was|were) in attendance|[Aa]round the table (?:sat|were)|[Aa]mong them|"
    # "Twelve member states were represented at the level of head of state: A (President X), B (…)"
    r"(?:were|was)\s+represented\b[^:.;]{0,80}(?=:))"
    r"(?=[,.;:]|\s+[A-Z])|"
    r"\b[Aa]mong\s+(?:those|the participants|the guests)\s+(?:present\s+|attending\s+)?(?:were|was)\b|"
    r"\b(?:[Pp]articipants|[Aa]ttendees|[Gg]uests)\s+included\b|"
    # "X told guests, among them Vice President Y, …"
    r"\b(?:guests|attendees|dignitaries|an audience)\s*,?\s+(?:among them|among whom were|including)\b|"
    # "Seated alongside him were A, B and C", "Joining her on stage was …"
    r"\b(?:[Ss]eated\s+|[Ss]tanding\s+)?(?:[Aa]longside|[Bb]eside|[Nn]ext to|[Jj]oining)\s+(?:him|her|them)\s+"
    r"(?:on (?:the )?stage\s+|at the \w+\s+)?(?:were|was)\b"
)


# "A bilateral meeting between the two leaders followed in Montréal on Monday"
_BETWEEN_THE_TWO = re.compile(
    r"\b(?:meeting|talks|conversation|call)\s+between\s+the\s+two\s+(?:leaders|presidents|prime ministers|"
    r"ministers|heads of state)\b"
)


# "At the palace the two leaders reviewed trade and energy": the talks reported before, told again
_THE_TWO_DISCUSSED = re.compile(
    r"\b[Tt]he\s+two\s+(?:leaders|presidents|prime ministers|ministers|heads of state)\s+(?:also\s+|then\s+)?"
    r"(?:reviewed|discussed|exchanged views|talked|focused|touched)\b"
)
_TOLD_AGAIN_REACH = 8  # sentences back in which "the two leaders" still means the pair of the talks reported


def _the_two_discussed_again(view: SentenceView, meetings: list[Meeting]) -> None:
    """ "The two leaders reviewed trade" in a sentence that names neither tells again the talks of
    the pair reported last: the sentence joins them (a signing told next is theirs)."""
    told = _THE_TWO_DISCUSSED.search(view.text)
    if not told or any(e.type == PERSON for e in view.entities_between(0, told.start())):
        return
    earlier = next(
        (
            m
            for m in reversed(meetings)
            if not m.planned
            and m.kind in ("talks", "meeting")
            and len([p for p in m.participants if p.type == PERSON]) == 2
        ),
        None,
    )
    if earlier is not None and view.sentence.index - max(earlier.sentences) <= _TOLD_AGAIN_REACH:
        earlier.sentences.add(view.sentence.index)


_COMPANIONS = re.compile(r"\b(?:with|alongside|accompanied\s+by|together\s+with)\s+")


def _site_visit(view: SentenceView, verb: re.Match, subjects: list[Entity], clause_end: int) -> list[Meeting]:
    """ "X visited the headquarters of Huawei", "X toured the Rogun site with President Y": the
    persons who went, the organization whose site it is, and those who went with them (none when
    the text names nobody met there)."""
    visitors = [e for e in subjects if e.type == PERSON][-1:]
    if not visitors:
        return []  # "the delegation visited the plant": nobody named went
    text = view.text
    companions = _COMPANIONS.search(text, verb.end(), clause_end)
    site_end = companions.start() if companions else clause_end
    hosts = [e for e in view.entities_between(verb.end(), site_end) if e.type not in (PERSON, PLACE, COUNTRY)]
    joined = prefer_persons(view.entities_between(companions.end(), clause_end)) if companions else []
    if not hosts and not joined:
        return []  # "the minister made a working visit to the plant": nobody met there
    date, future = date_for(view, verb.start())
    phrase = SITE.match(text, verb.end()).group(0).strip()
    return [
        Meeting(
            kind="visit",
            label=f"{visitors[0].name} visit {phrase}",
            date=date,
            participants=list(dict.fromkeys(visitors + hosts + joined)),
            place=place_after(view, verb.end()),
            planned=future or bool(_WILL.search(text[max(0, verb.start() - 30) : verb.start()])),
            sentences={view.sentence.index},
            rule="site-visit",
        )
    ]


def _between_the_two_named_before(view: SentenceView, meetings: list[Meeting]) -> list[Meeting]:
    """A meeting "between the two leaders" in a sentence that names neither: the two persons of the
    meeting last reported, with those this sentence names taking part."""
    between = _BETWEEN_THE_TWO.search(view.text)
    if not between or view.entities_between(0, between.start()):
        return []
    earlier = next(
        (m for m in reversed(meetings) if not m.planned and len([p for p in m.participants if p.type == PERSON]) == 2),
        None,
    )
    if earlier is None:
        return []
    pair = [p for p in earlier.participants if p.type == PERSON]
    talks = _talks(view, between, pair[:1], pair[1:])
    talks.participants += [e for _, e in view.items if e is not None and e.type == PERSON and e not in pair]
    return [talks]


def add_anaphoric_participants(view: SentenceView, meetings: list[Meeting], found_here: list[Meeting]) -> None:
    """ "Nurbek and Amrullayev attended the ceremony": persons joining the event last reported."""
    if not found_here:
        found_here.extend(_between_the_two_named_before(view, meetings))
    if not found_here:
        _the_two_discussed_again(view, meetings)
    anaphor = _ANAPHOR.search(view.text) if _ANAPHOR_CUE.search(view.lower) else None
    if not anaphor:
        return
    earlier = [m for m in meetings if view.sentence.index not in m.sentences]
    noun = anaphor.group("noun") or anaphor.group("passive") or anaphor.group("began")
    opened = anaphor.group("verb") in ("opened", "inaugurated") or bool(anaphor.group("began"))
    if noun and any(noun in m.label.lower() for m in found_here):
        return  # "The roundtable was opened by …" names its own event, read with this sentence
    event = next((m for m in reversed(earlier) if m.named and noun and noun in m.label.lower()), None)
    # "joined the talks": the talks or meeting last reported (news calls one encounter either)
    encounter = noun in ("talks", "meeting") and not (event and event.named)
    event = event or next(
        (
            m
            for m in reversed(earlier)
            if noun and (noun in m.label.lower() or (encounter and m.kind in ("talks", "meeting")))
        ),
        None,
    )
    if anaphor.group("new"):
        of_what = _OF_WHAT.match(view.text, anaphor.end())
        found_here.extend(
            _told_here(view, anaphor, noun, how="chaired", of=of_what.group(0).strip() if of_what else "")
        )
        return
    gathering = anaphor.group("verb") and noun not in _OWN_KIND_ONLY and noun != "ceremony"
    of_what = _OF_WHAT.match(view.text, anaphor.end()) if gathering else None
    if of_what and not (event and _content_words(of_what.group("what")) & _content_words(event.label)):
        # "at the first meeting of the format's heads of state": an event of its own, not the one before
        found_here.extend(_told_here(view, anaphor, noun, of=of_what.group(0).strip()))
        return
    just_met = earlier[-1] if earlier and not earlier[-1].planned and earlier[-1].kind in ("meeting", "talks") else None
    if event is None and just_met and noun in ("meeting", "talks") and anaphor.group("verb") in ("At", "During"):
        # "A received B on Monday. At the meeting, B invited A to Lima": the meeting just reported
        event = just_met if view.sentence.index - max(just_met.sentences) <= 2 else None
    if event is None and (noun in _OWN_KIND_ONLY or _OWN_KIND_VERB.fullmatch(anaphor.group("verb") or "")):
        chaired = anaphor.group("verb") in ("chaired", "co-chaired", "presided over")
        opens = anaphor.group("verb") in ("At", "During") and noun in ("ceremony", "meeting", "talks", "session")
        if noun and (chaired or opens):
            found_here.extend(_told_here(view, anaphor, noun, how="chaired" if chaired else "attended"))
        return
    if anaphor.group("bare") and earlier and not earlier[-1].planned:
        event = earlier[-1]  # "A, B and C took part": in the meeting just reported
    event = event or next((m for m in reversed(earlier) if m.named), None)
    if event is None and noun in ("meeting", "talks", None):
        event = earlier[-1] if earlier and not earlier[-1].planned else None  # the meeting last reported
    if event is None:
        return
    own = next(
        (d.iso for d in view.dates if not d.future and not _NOW.match(view.text, d.start)), None
    )  # "today's meetings" may be the article's loose now, not a day of its own
    if own and event.date and not (own.startswith(event.date) or event.date.startswith(own)) and not opened:
        # "On Monday X attended the ceremony marking …" after a ceremony held in July: another one, told here
        if noun:
            found_here.extend(_told_here(view, anaphor, noun))
        return
    persons = [e for _, e in view.items if e is not None and e.type == PERSON]
    if not persons and anaphor.group("bare") and view.text[anaphor.end() : anaphor.end() + 1] == ":":
        # "Nine countries took part: A, B, C …": the countries (or bodies) listed
        persons = [e for e in view.entities_between(anaphor.end(), len(view.text)) if e.is_agent]
    if not persons and anaphor.group("verb") and "part" in anaphor.group("verb"):
        # "Officials of the Commission, A and B are taking part in today's meetings": those the clause names
        clause = clause_start(view.text, anaphor.start())
        persons = view.entities_between(clause, anaphor.start())
    event.participants += [p for p in dict.fromkeys(persons) if p not in event.participants]
    if opened and view.dates and not view.dates[0].future:
        event.date = view.dates[0].iso  # "Aliyev opened the forum on Monday": it began that day
    if persons:
        event.sentences.add(view.sentence.index)


_NOW = re.compile(r"(?i)today|tonight|this\b")
_OF_WHAT = re.compile(r"\s+of\s+(?:the\s+)?(?P<what>[^,.;:]{3,60}?)(?=\s+(?:in|on|at|with|and|where)\b|[,.;:]|$)")


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'’-]{3,}", text.lower()) if w not in ("meeting", "session", "summit")}


def _told_here(
    view: SentenceView, anaphor: re.Match, noun: str, *, how: str = "attended", of: str = ""
) -> list[Meeting]:
    """ "X chaired the meeting, which was attended by A and B", "At the ceremony marking the milestone, A
    thanked …, while B …", "at the first meeting of the format's heads of state", with no such event read
    before: the sentence tells the event itself, with those it names."""
    persons = [e for _, e in view.items if e is not None and e.type == PERSON]
    if not persons:
        return []
    adjective = anaphor.group("adjective") or ""
    label = f"{adjective} {noun} {of}".strip() if of else f"{noun} {how} by {persons[0].name}"
    if of:  # "X's delegation, with specialists of Y, took part in the meeting of ministers of A, B and C"
        persons += [e for e in view.entities_between(0, len(view.text)) if e not in persons]
    date, future = date_for(view, anaphor.start())
    return [
        Meeting(
            kind=kind_of(noun),
            label=label[0].upper() + label[1:],
            date=date,
            participants=persons,
            place=place_after(view, anaphor.end()),
            planned=future,
            named=True,  # a described event: undated when the sentence gives no date, not the publication's
            sentences={view.sentence.index},
            rule="ceremony-verb" if noun == "ceremony" else "named-event",
        )
    ]


_WILL = re.compile(
    r"(?:\b(?:will|shall|to|plans? to|is scheduled to|are scheduled to|is expected to)\s+|['’]ll\s+)(?:\w+\s+)?$"
)
_TALK = (
    # "sustained a meeting" (sostuvo una reunión): how translations hold one
    r"(?:held|holds|hold|had|has|have|conducted|hosted|sustained)\s+(?:(?:in\s+the\s+(?:morning|afternoon|evening)\s+)?"
    r"(?:a\s+|an\s+|their\s+|the\s+))?"
    r"(?:(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|new|latest)\s+round\s+of\s+)?"
    r"(?:(?:separate|bilateral|trilateral|quadrilateral|multilateral|one-on-one|"
    r"face-to-face|productive|fruitful|official|working|restricted|expanded|extended|in-depth|wide-ranging|substantive|"
    r"short|brief|private|informal|lengthy|"
    # "had a frank and constructive conversation with B"
    r"detailed|cordial|closed-door|first|second|third|latest|annual|regular|[a-z]+-level|[a-z]+-format|"
    r"frank|candid|constructive|warm|friendly|useful|positive|open|long|extensive)\s+(?:and\s+)?){0,3}"
    r"(?:talks|meetings?|conversation(?=\s+with\b)|telephone conversation|telephone call|bilaterals?|one-on-ones?|"
    r"working sessions?|"
    r"phone call|phone conversation|video ?conference|videoconference|video call|online meeting|virtual meeting|"
    r"consultations|negotiations|discussions|dialogue|round of talks|parleys|t[êe]te-[àa]-t[êe]te|"
    r"working (?:lunch|dinner|breakfast)|"
    r"(?:lunch|dinner|breakfast) meeting|(?:joint\s+)?(?:press|news) conference|"
    r"(?:breakfast|lunch|dinner)(?=\s+together\b|\s+with\b))|"  # "had breakfast together"
    r"gave\s+a\s+(?:joint\s+)?(?:press|news) conference|"
    # "X, on stage in a dialogue session with Y": a session held with Y
    r"(?:on\s+stage\s+)?(?<![\w-])in\s+a\s+(?:(?:dialogue|panel|joint|bilateral|fireside|plenary)\s+)?session|"
    # "A, B and C gathered in Lima" (not "A gathered 200 investors"): a meeting of those named before
    r"(?:gathered|convened)(?=\s+(?:in|at|on|for|to|online|virtually)\b|[,.;])|came\s+together|"
    r"spoke\s+(?:by|on\s+the|over\s+the|via)\s+(?:(?:tele)?phone|video(?:\s*link|\s*conference)?|videoconference)|"
    r"conferred|consulted|"
    # "discussed energy, mining and railways, among other areas, with B"
    r"(?:discussed|reviewed)(?:,?\s+[\w-]+){0,12}?(?=,?\s+with\b)|"
    # "A and B discussed the grid link by phone", "A and B exchanged views on …": talks among the subjects
    r"discussed(?:\s+[\w-]+){0,8}?\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|exchanged\s+views"
)
_MEET_VERB = re.compile(
    rf"\b(?:(?P<talks>{_TALK}|(?<!\bin )talks|(?P<sat>sat|sits)\s+down)"
    # "held talks in Beijing with", "hosted a meeting at its headquarters in Algiers with"
    r"(?:\s+at\s+(?:its|their|his|her)\s+(?:headquarters|offices?|residence))?"
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
    r"(?:\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening)))?"
    # "sat down on Monday in Lima with"
    r"(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+in\s+[A-Z][\w'’-]*)?)?\s+with|"
    r"(?P<received_by>(?:was|were)\s+(?:also\s+|warmly\s+|later\s+)?(?:received|greeted|welcomed|hosted|"
    r"granted\s+an\s+audience)\s+by)|"
    rf"(?P<talks_among>{_TALK})\b(?!\s+with)|"
    r"(?P<paid>paid|pays|pay|paying|made|makes|make|making)\s+(?:an?\s+|his\s+|her\s+|their\s+)?"
    r"(?:first\s+|official\s+|state\s+|working\s+|[a-z]+-day\s+)*(?:visits?|trips?)\s+to|"
    r"(?P<met>met|meets|meet|(?<!, )meeting|briefed|spoke\s+with|had\s+an\s+audience\s+with|telephoned|phoned|"
    # "… praised the deal during a phone conversation with B", "A's conversation with B covered …"
    r"(?:during|in)\s+an?\s+(?:(?:tele)?phone|video)\s+(?:conversation|call)\s+with|"
    r"(?<=\w)['’]s\s+(?:[\w-]+\s+){0,2}?(?:conversation|meeting|talks)\s+with)(?:\s+with)?|"
    # "sat across the table from X", "sits opposite X": met X
    r"(?P<across>(?:sat|sits)\s+(?:across\s+(?:the\s+(?:negotiating\s+)?table\s+)?from|opposite))|"
    r"(?P<received>received|hosted|welcomed|greeted|hosts|greets|called on|calls on|paid a courtesy call on|"
    r"played\s+host\s+to|plays\s+host\s+to|"
    r"(?P<bare_host>host|receive|welcome)(?=\s+[A-Z])|"
    r"joined(?=[^.;]{0,80}\bfor\s+(?:talks|a meeting)\b))|"
    # "A and B discussed the grid in Lima": talks among those who discussed it
    r"(?P<discussed>discussed|reviewed|agreed(?:\s+(?:in|on|at)\s+[A-Z][\w'’-]*){0,2}\s+(?:to|on)|co-chaired|"
    # "A and B, meeting in Washington, released …": those the participle's clause names met
    r"(?<=, )meeting(?=\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*,)|"
    # "A and B witnessed the signing", "Talks in Lima brought together A and B", "A thanked B … during their talks"
    r"witnessed\s+the\s+(?:signing|exchange)|(?P<together>brought\s+together)|"
    r"(?:during|after|at|in)\s+their\s+(?:[\w-]+\s+){0,2}(?:talks|meeting|conversation|call))\b(?!\s+with)|"
    # "A and B hailed the deal in a phone call": the call of those the clause names
    r"(?P<call>\bin\s+an?\s+(?:(?:tele)?phone|video)\s+(?:call|conversation|conference))\b|"
    # "At a meeting in Lima on Monday, A and B reviewed …": the meeting of those the clause names
    r"(?P<at_a_meeting>^(?:At|During|In)\s+an?\s+(?:[\w-]+\s+){0,2}(?:meeting|talks|session)\b(?!\s+(?:with|between)\b))|"
    # "X is visiting Chile this week", "X toured Chile"
    r"(?P<visited>visited|visits|visit|toured|(?<=\bis )visiting|(?<=\bwas )visiting|(?<=\bis )touring|"
    r"(?<=\bwas )touring)(?!\s+to)|"
    r"(?P<between>(?i:talks|negotiations|consultations|(?:an?|the)\s+(?:(?:bilateral|online|virtual)\s+)?meetings?|"
    r"(?:a|the)\s+(?:tele)?phone (?:conversation|call)))\s+"
    # "talks in Nairobi on 4 February 2022 between A and B"
    r"(?:(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+)?"
    r"(?:on\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2},?)?(?:\s+\d{4})?\s+)?"
    r"(?:(?:was|were|have been)\s+held\s+)?between)(?:\s+|(?=[.;,!?]|$))|"
    # "A and B signed a joint statement after talks at the palace": the talks of those the clause names
    r"(?P<after_talks>\b(?i:after|following|at the end of|at the close of)\s+(?:their\s+|the\s+)?"
    r"(?:(?:bilateral|official|one-on-one|online|virtual|[a-z]+-level)\s+)?(?:talks|negotiations)\b"
    r"(?!(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s+(?:with|between)))"
)
# Word stems one of which a sentence must hold for _MEET_VERB to be worth running
_MEET_CUE = re.compile(
    r"talk|meet|met\b|receiv|host|welcom|greet|visit|call|discuss|review|agreed|chair|confer|consult|negotiat|conversation|"
    r"t[êe]te-|"
    r"parley|"
    r"briefed|spoke\s+with|audience|\btour(?:ing|ed)?\b|"
    r"lunch|dinner|breakfast|press conference|news conference|witnessed|together|bilateral|one-on-one|session|"
    r"spoke|sat\b|sits\b|paid|pays|pay\b|paying|made|make|joined|"
    r"between|^(?:at|during|in)\s|phone|video|dialogue|exchanged|following|after|at the end|at the close"
)
_ITS_DAY = re.compile(r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?,?\s+(?:on|from)\s+")
_OPENS_ON = re.compile(
    r"(?:\s*\([^)]{1,20}\))?,?\s+(?:which|that)\s+(?:opens|opened|will open|begins|began|starts|started|"
    r"is held|was held|will be held|takes place|took place|will take place|runs|ran)\s+(?:on\s+|in\s+|from\s+)?"
)
_PARTICIPATE = re.compile(
    r"\b(?:took part|takes? part|taking part|attend(?:s|ed|ing)?|participat(?:ed|ing)|joined|represented|"
    r"led\s+(?:the|his|her|their|a)\s+(?:[A-Z]\w+\s+)?delegation|"
    r"address(?:es|ed)?|chair(?:s|ed)?|"
    r"spoke|opened|closed)\b"
)
# "Bayraktar arrived in Tashkent on Monday for the Tashkent International Investment Forum"
# "Xi came to Brasília straight from the G20 summit": those who come from an event attended it
_ARRIVED_FOR = re.compile(
    r"\b(?:arrived|arrives|arriving|travell?ed|came|coming|flew|flying|returned|returning)\b[^.;]*"
    r"\b(?:for|to attend|(?:straight\s+|directly\s+)?from)\s+(?:the\s+)?(?:[A-Z][\w'’–-]*\s+){0,4}$"
)
# "the EU-CELAC summit": the capitalised words just before an event's noun name it
_NAME_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?!(?:The|A|An|This|That|These|At|During|In|On|Its|Their|His|Her|After|Before|For|To|By|With|"
    r"And|Ahead|From|Since)\b)[A-Z][\w&-]*\s+){1,3}$"
)
_CLOSED = re.compile(r"\b(?:closed|wrapped\s+up|concluded|ended)\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,3}$")
_NEXT = re.compile(r"\b[Nn]ext\s+(?:[\w-]+\s+){0,3}$")
_THEIR = re.compile(r"\b(?:their|its)\s+(?:[\w-]+\s+){0,2}$")
_BLOC_PAIR = re.compile(r"\b(?P<a>[A-Z][\w]+)[-–](?P<b>[A-Z][\w]+)\b")
_HOST_GAP = re.compile(r"\s*(?:\([A-Z]{2,10}\)\s*)?(?:[a-z]+['’]\s+)?")
_GATHERING = re.compile(
    r"\b(?:bringing|brought|brings)\s+together\b|\b(?:attended|joined)\s+by\b|\bwith the participation of\b|"
    r"\bgathered\b|"
    # "… the Andean Energy Summit, hosted by the Peruvian government with the World Bank": the hosts take part
    r"(?<=,\s)(?:co-)?(?:hosted|organi[sz]ed|convened)\s+by\b"
)
_DELEGATION = re.compile(
    r"\b[Tt]he\s+(?P<country>[A-Z][a-z]+)\s+(?:government\s+|business\s+|official\s+)?delegation\s+"
    r"(?:(?:also|later|then|has|had|was|were)\s+)*$"
)
_THE_TWO = re.compile(
    r"\b(?:the two|both)\s+(?:presidents|leaders|ministers|prime ministers|heads of state|heads of government|"
    r"foreign ministers|energy ministers|chief executives)\s+(?:also\s+|then\s+|later\s+)?$"
)
_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*,\s*(?:(?:also|later|then|earlier|subsequently)\s+)?$")
# "X, who later held talks with", "X, who in Brussels also held a working meeting with"
_WHO = re.compile(
    r",\s+who\s+(?:(?:also|later|earlier|then|subsequently)\s+|(?:in|at|on)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)*$"
)
_WHERE_THEY = re.compile(r",\s+where\s+(?:they|he|she)\s+$")
# "… after talks with A and, separately, with B": two meetings
_SEPARATELY_WITH = re.compile(r",?\s+and,?\s+(?:separately,?\s+)?with\s+")  # "with A and with B" too
# "X sat down with the heads of the biggest groups. Among them: A, B and C": whom the next sentence names
_HEADS_OF = re.compile(r"(?:the\s+)?(?:heads|chiefs|leaders|executives|chairmen|bosses)\s+of\s+[^,.;:]{3,60}")


def _phrase(text: str, match: re.Match | None) -> str:
    return match.group(0).strip() if match else ""


# "After talks with A, …", "Following a one-on-one meeting with A, …"
_FRONTED = re.compile(
    r"\s*(?:After|Following|During|In)\s+(?:(?:the|their|his|her|a|an)\s+)?(?:(?:bilateral|one-on-one|brief|short|"
    r"private|closed-door|separate|first|[a-z]+-level)\s+){0,2}$"
)
# "And at Davos on 22 January, after meeting A, B said …": the same, after a setting and a comma
_FRONTED_LATE = re.compile(r",\s*(?:after|following)\s+(?:(?:the|their|his|her|a|an)\s+)?$")


def _fronted(text: str, end: int) -> bool:
    return bool(_FRONTED.match(text, 0, end) or _FRONTED_LATE.search(text, 0, end))


_FRONTED_PHRASE = re.compile(
    r"\s*(?:On\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?,\s+)?"  # "On 5 April 2023, on the sidelines of …"
    r"(?i:As part of|During|On the occasion of|In the course of|Within the framework of|On the sidelines of)"
    r"\b[^,;]{3,120},\s*"
)
_GATHERED = re.compile(r"gathered|convened|came\s+together")
_TO_BEFORE = re.compile(r"\bto\s+$")
_DASH_ASIDE = re.compile(r"\s[—–-]\s[^—–;]{3,200}?\s[—–-]\s+$")
_HIM = re.compile(r"\s*(?:him|her)\b")
# "…, reviewed trade with B, met C": a verb phrase of a chain before the verb
# a verb in the past that takes an object ("congratulated A"), not one that reports ("recalled that …")
_PAST_VERB = re.compile(
    r"\b(?!(?:accompanied|joined|flanked|led|headed|followed|called|named|based|owned|recalled|noted|added|"
    r"stressed|announced|reported|stated|explained|emphasi[sz]ed|confirmed|revealed|underlined|remarked)\b)"
    r"[a-z]{3,}ed\s+(?!by\b|that\b)"
)
_VERB_CHAIN = re.compile(
    r",\s+(?:and\s+)?(?:(?!accompanied|joined|flanked|led|headed|followed)[a-z]{3,}ed|met|held|had|made|paid|spoke)"
    r"\s+(?!by\b)"
)
# "He met A, …, and held talks with B": the second verb shares the first one's subject
_AND_THEN = re.compile(r"(?:,\s*|\s)and\s+(?:also\s+|later\s+|then\s+|afterwards\s+|subsequently\s+)?$")


def read_meetings(view: SentenceView, country_by_word=None, organizations_in=None) -> list[Meeting]:
    """The meetings one sentence reports; ``country_by_word`` turns "China" or "Chinese" into the
    country entity (for "the Azerbaijan-China commission"), ``organizations_in`` finds the known
    organizations a text names (for "the 44th SADC Summit")."""
    meetings: list[Meeting] = []
    text = view.text
    first_subjects: list[Entity] = []
    met_before: list[Entity] = []  # those the verb before met
    for verb in _MEET_VERB.finditer(text) if _MEET_CUE.search(view.lower) else ():
        if (
            verb.group("met") == "meeting"
            and not text[verb.end() : verb.end() + 1].isupper()
            and not re.search(r"\b(?:be|am|is|are|was|were)\s+$", text[: verb.start()])
            and not _fronted(text, verb.start())
        ):
            continue  # "meeting" is a verb only in "will be meeting X", "was meeting X", "After meeting X, …"
        if (verb.group("visited") == "visit" or verb.group("bare_host")) and not _WILL.search(
            text[max(0, verb.start() - 30) : verb.start()]
        ):
            continue  # "visit" is a verb only in "will visit", "is to visit" …
        if (
            verb.group("received")
            and re.match(r"\s*by\b", text[verb.end() :])
            and any(0 <= verb.start() - view.rel(m)[1] <= 3 for m in view.events())
        ):
            continue  # "the Africa Energy Summit, hosted by A with B": the event's hosts, read with the event
        if _GATHERED.match(verb.group(0)) and view.events():
            continue  # "… gathered in Tbilisi for the consultative meeting": the event's reader has them
        if any(verb.start() <= view.rel(m)[0] and view.rel(m)[1] <= verb.end() for m in view.events()):
            continue  # "held a trilateral meeting": an event the verb holds, read as that event
        opens = clause_start(text, verb.start())
        fronted = _FRONTED_PHRASE.match(text)
        if fronted and opens < fronted.end() <= verb.start():
            opens = fronted.end()  # "As part of A's visit to Lima, B hosted him": B's clause starts after the comma
        end_match = CLAUSE_END.search(text, verb.end())
        clause_end = end_match.start() if end_match else len(text)
        chained = _VERB_CHAIN.search(text, verb.end(), clause_end)
        if chained:  # "… reviewed trade with B, met C": B is the one this verb met
            clause_end = chained.start()
        then = _MEET_VERB.search(text, verb.end(), clause_end)
        if then and _AND_THEN.search(text, verb.end(), then.start()):
            clause_end = then.start()  # "X visits Prague and meets Y": Y is met, not visited
        subjects = prefer_persons(view.entities_between(opens, verb.start()))
        invited = _INVITED_TO.search(text, opens, verb.start()) if verb.group("paid") or verb.group("visited") else None
        if invited:  # "A invited B to pay an official visit to C": B is the one who visits (if B is named)
            subjects = prefer_persons(view.entities_between(invited.start("who"), invited.end("who")))
            if not subjects:
                continue
        if not subjects and _TO_BEFORE.search(text, 0, verb.start()):
            # "X plans to travel to Lima in April to meet Y": infinitives share the subject before them
            chain = clause_start(text, verb.start(), across_infinitives=True)
            subjects = prefer_persons(view.entities_between(chain, verb.start()))
        aside = _DASH_ASIDE.search(text, 0, verb.start()) if not subjects else None
        if aside:  # "The three leaders – A, B and C – met in Lima": those the dashes set apart
            subjects = prefer_persons(view.entities_between(aside.start(), aside.end()))
        where = _WHERE_THEY.search(text, 0, verb.start()) if not subjects else None
        if where:  # "A led a delegation to Xi'an, where they were received by B": A, the delegation's head
            subjects = prefer_persons(view.entities_between(clause_start(text, where.start()), where.start()))[:1]
        relative = _RELATIVE.search(text, 0, verb.start()) or _WHO.search(text, 0, verb.start())
        if relative:  # "Tokayev, who arrived on Sunday, received …", "X, who held talks with …": before "who"
            start = clause_start(text, relative.start())
            subjects = prefer_persons(view.entities_between(start, relative.start()))[-1:] or subjects
        delegation = _DELEGATION.search(text, opens, verb.start())
        if not subjects and delegation and country_by_word:
            # "The Emirati delegation was also received by X": the country the delegation speaks for
            subjects = [c for c in [country_by_word(delegation.group("country"))] if c]
        if first_subjects and _AND_THEN.search(text, 0, verb.start()):
            subjects = first_subjects
        if len(subjects) >= 2:
            # "He congratulated A, reviewed trade with B, met C": the chain's subject, not those its verbs named
            first_end = next(view.rel(m)[1] for m, e in view.items if e is subjects[0])
            if _VERB_CHAIN.search(text, opens, verb.start()) or _PAST_VERB.search(text, first_end, verb.start()):
                subjects = subjects[:1]
        first_subjects = first_subjects or subjects
        objects = prefer_persons(view.entities_between(verb.end(), clause_end))
        if not objects and _HIM.match(text, verb.end()):
            # "A received B, and C held separate talks with him": the one the verb before met; "As part of A's
            # visit, B hosted him": the person named before, if no verb before met anyone with him
            before = met_before or [e for e in view.entities_between(0, opens) if e not in first_subjects]
            objects = [e for e in before[-1:] if e.type == PERSON and e not in subjects]
        met_before = objects or met_before
        if verb.group("bare_host"):
            hosted = next((e for m, e in view.items if view.rel(m)[0] >= verb.end()), None)
            if hosted is None or hosted.type != PERSON:
                continue  # "preparing to host COP28": an event hosted, not a guest received
        heads_of = _HEADS_OF.match(text, verb.end()) if verb.group("sat") else None
        if verb.group("discussed") or verb.group("at_a_meeting") or verb.group("call"):
            # "A and B discussed …", "At a meeting …, A and B …": two persons or more, and nobody else
            among = (
                (verb.end(), clause_end)
                if verb.group("at_a_meeting") or verb.group("together")
                else (opens, verb.start())
            )
            persons = named_persons(view, *among)  # "the two leaders agreed": the talks just reported
            if among[1] == verb.start() and _VERB_CHAIN.search(text, among[0], verb.start()):
                continue  # "He met A, welcomed B, and discussed …": those the chain's verbs named did not discuss
            if len(persons) < 2 or _WILL.search(text[max(0, verb.start() - 30) : verb.start()]) or view.events():
                continue  # "… co-chaired the council meeting": the event's reader has them
            subjects, objects = persons[:1], persons[1:]
        if (verb.group("talks") or verb.group("met")) and not subjects and _fronted(text, verb.start()):
            # "Following talks with A in Lima, B said …": B held them, after the comma
            comma = text.find(",", verb.end(), clause_end)
            later = [e for e in view.entities_between(comma, clause_end) if e.type == PERSON] if comma != -1 else []
            subjects, objects = later[:1], [e for e in prefer_persons(view.entities_between(verb.end(), comma))][:3]
        if verb.group("sat") or (verb.group("met") or "").startswith(("briefed", "spoke")):
            # "sat down with the heads of Korea's biggest groups", not with a newspaper's desk; "briefed the
            # Chinese side", "spoke with reporters": only a person named is met so
            objects = [e for e in objects if e.type == PERSON]
        if len(subjects) < 2 and _THE_TWO.search(text, 0, verb.start()):
            # "signed by A and B after the two presidents held a meeting": the two named last
            subjects = [e for e in view.entities_between(0, verb.start()) if e.type == PERSON][-2:] or subjects
        if verb.group("between") and not objects and re.match(r"(?:the two|both)\b", text[verb.end() :]):
            objects = [e for e in prefer_persons(view.entities_between(0, verb.start())) if e.type == PERSON][:2]
        if (verb.group("paid") or verb.group("visited")) and SITE.match(text, verb.end()):
            # "X toured the Rogun site with President Y": a site visit, not a diplomatic one
            meetings.extend(_site_visit(view, verb, subjects, clause_end))
            continue
        if verb.group("paid"):  # "Aliyev paid a state visit to Beijing": the visitor is the one just named
            comma = text.find(",", verb.end())
            until = comma if comma != -1 else clause_end
            subjects = subjects[-1:]
            objects = [e for e in prefer_persons(view.entities_between(verb.end(), until)) if e.type != COUNTRY]
        if (verb.group("visited") or verb.group("paid")) and not objects:
            place = place_after(view, verb.start()) or next(iter(view.places_between(verb.end(), clause_end)), None)
        else:
            place = None
        if verb.group("between"):  # "talks between A and B": who is before the phrase does not take part
            subjects, objects = objects[:1], objects[1:]
        separately = _SEPARATELY_WITH.search(text, verb.end(), clause_end) if verb.group("talks") else None
        if separately and subjects:
            for start, stop in ((verb.end(), separately.start()), (separately.end(), clause_end)):
                counterpart = prefer_persons(view.entities_between(start, stop))[:1]
                if counterpart and counterpart[0] not in subjects:
                    meetings.append(_talks(view, verb, subjects, counterpart, separately=True))
            continue
        counterparts = _COUNTERPARTS_FROM.match(text, verb.end())
        if ((verb.group("talks") and _SEPARATE.search(verb.group(0))) or counterparts) and len(objects) >= 2:
            # "held separate meetings with A, B and C", "received his counterparts from A, B and C": one
            # meeting per counterpart
            for counterpart in objects:
                if counterpart not in subjects:  # "the minister" read as one of those he met
                    meetings.append(_talks(view, verb, subjects, [counterpart], separately=True))
            continue
        if verb.group("after_talks"):
            if len(subjects) < 2:  # "A and B agree to draft a plan after talks": those the sentence opens with
                subjects = prefer_persons(view.entities_between(0, verb.start()))
            comma = text.find(",", verb.end(), clause_end) if not subjects else -1
            if comma != -1:  # "After talks at the palace, A and B watched …": those the clause after the comma names
                after = CLAUSE_END.search(text, comma + 1)
                subjects = named_persons(view, comma, after.start() if after else len(text))
            if meetings or len(subjects) < 2:
                continue  # the talks this sentence already reported, or nobody named to hold them
            subjects, objects = subjects[:1], subjects[1:]
        participants = list(dict.fromkeys(e for e in subjects + objects if e.type != PLACE))
        if (verb.group("talks_among") or (verb.group("met") and not objects)) and len(subjects) >= 2:
            objects, subjects = subjects[1:], subjects[:1]  # "A and B held talks in C"
        if not subjects or not (objects or place or heads_of):
            continue
        if objects and set(objects) <= set(subjects) and not (place and (verb.group("visited") or verb.group("paid"))):
            continue  # "X met X": one person read twice (a title and a name), not a meeting
        kind = (
            "talks"
            if verb.group("talks") or verb.group("talks_among") or verb.group("between") or verb.group("after_talks")
            else "visit"
            if verb.group("visited") or verb.group("paid")
            else "meeting"
        )
        date, future = date_for(view, verb.start())
        future = future or bool(_WILL.search(text[max(0, verb.start() - 30) : verb.start()]))
        label = (
            f"{' and '.join(e.name for e in subjects)} "
            f"{'visit' if kind == 'visit' else 'hold talks with' if kind == 'talks' else 'meet'} "
            f"{', '.join(e.name for e in objects) or (place.name if place else '') or _phrase(text, heads_of)}"
        ).strip()
        if kind == "visit" and place is not None and place.type == COUNTRY and place not in participants:
            participants.append(place)  # "paid a state visit to Peru": the country visited takes part, as its host
        occasion = _OCCASION.match(text, verb.end()) if kind == "meeting" else None
        if occasion:  # "A hosted a banquet in honour of B": an occasion of its own, not the talks held that day
            label = f"{occasion.group('what').capitalize()}: {label}"
        meetings.append(
            Meeting(
                kind=kind,
                label=label,
                date=date,
                participants=participants,
                place=place or place_after(view, verb.end()),
                planned=future,
                sentences={view.sentence.index},
                rule={"talks": "talks", "visit": "visit-verb"}.get(kind, "meeting-verb"),
            )
        )
    meetings.extend(_paired_talks(view))
    meetings.extend(_meeting_with_opener(view))
    meetings.extend(_session_of_a_body(view, country_by_word))
    meetings.extend(titled_events(view))
    meetings.extend(welcomes(view))
    meetings.extend(participation_in(view))
    # "arrived in Tashkent …, his first trip to Uzbekistan": the visit its noun tells, else the travel
    meetings.extend(visits(view) or travels(view))
    meetings.extend(ceremonies(view))
    events = [(m, _event_meeting(view, m, country_by_word, organizations_in)) for m in view.events()]
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


_GATHERED_FOR = re.compile(
    r"\b(?:gathered|convened|assembled|met|came together)\b[^.;]*\b(?:for|at|in)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$"
)
_HELD_THE = re.compile(
    r"\b(?:held|hold|holds|convened|co-chaired|chaired|co-hosted)\s+(?:the|a|an|their|its)\s+(?:[\w-]+\s+){0,3}$"
)


_AT_A_MEETING_WITH = re.compile(
    r"^\W*(?:[A-Z][a-z]+\s+\d{1,2},?\s+)?(?:[Aa]t|[Dd]uring|[Ii]n)\s+(?:a|the|their|his|her)\s+"
    r"(?:bilateral\s+|separate\s+|recent\s+)?(?:meeting|talks|conversation)\s+with\s+"
)


_PAIRED_TALKS = re.compile(
    r"\b[A-Z][\w'’]+[-–][A-Z][\w'’]+\s+(?P<noun>talks|meeting|summit|(?:tele)?phone\s+(?:call|conversation)|call)\b"
)


# "Narrow-format talks Tokayev-Meloni, then expanded delegations": the pair after the noun
_TALKS_PAIRED = re.compile(r"\b(?P<noun>talks|meeting|bilateral)\s+(?P<pair>[A-Z][\w'’]+[-–][A-Z][\w'’]+)\b(?![-–])")


def _paired_talks(view: SentenceView) -> list[Meeting]:
    """ "The Modi-Boric talks on Monday focused on lithium", "talks Tokayev-Meloni": the talks of the
    two persons the hyphen joins."""
    out = []
    if "-" not in view.text and "–" not in view.text:
        return out
    for match in _PAIRED_TALKS.finditer(view.text):
        pair = [e for e in view.entities_between(match.start(), match.start("noun")) if e.type == PERSON]
        if len(pair) == 2:
            out.append(_talks(view, match, pair[:1], pair[1:]))
    for match in _TALKS_PAIRED.finditer(view.text):
        pair = [e for e in view.entities_between(match.start("pair"), match.end("pair")) if e.type == PERSON]
        if len(pair) == 2:
            out.append(_talks(view, match, pair[:1], pair[1:]))
    return out


def _meeting_with_opener(view: SentenceView) -> list[Meeting]:
    """ "At a meeting with A, B said …": B met A (the one named after the comma is the subject)."""
    opener = _AT_A_MEETING_WITH.match(view.text)
    if not opener:
        return []
    comma = re.search(r",\s+(?!(?:CEO|chairman|chief|head|president|minister|director)\b)", view.text[opener.end() :])
    if not comma:
        return []
    stop = opener.end() + comma.start()
    counterpart = prefer_persons(view.entities_between(opener.end(), stop))
    after = CLAUSE_END.search(view.text, stop + 1)
    subject = prefer_persons(view.entities_between(stop, after.start() if after else len(view.text)))[:1]
    if not counterpart or not subject or subject[0] in counterpart:
        return []
    return [_talks(view, opener, subject, counterpart)]


# "The Peru-Chile Intergovernmental Commission held its annual session in Lima, co-chaired by A and B"
_BODY_HELD_SESSION = re.compile(
    r"\b(?:held|holds|convened|opened|closed|concluded|wrapped up|ended|began|started)\s+(?:its|their)\s+"
    r"(?:(?:first|second|third|[a-z]+-?(?:first|second|third)|[a-z]+th|\d+(?:st|nd|rd|th)|annual|regular|next|"
    r"extraordinary|inaugural|joint|plenary|two-day|three-day)\s+)*"
    r"(?P<noun>session|meeting|sitting|plenary)\b|"
    # "The steering committee met for the first time in Lima": the body's meeting
    r"\b(?:met|convened)\b(?!\s+(?:with|by)\b)"
)
_BODY = re.compile(r"\b(?:Commission|Committee|Council|Working Group|Task Force|Board|Assembly)\b")
# "the steering committee of the corridor project", "the intergovernmental commission" in lower case
_LOWER_BODY = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:commission|committee|council|working group|task force|assembly)"
    r"(?:\s+(?:of|on|for)\s+[^,;]{3,60}?)?\s+$"
)
# those who chaired or attended it: "co-chaired by A and B", "under the co-chairmanship of A and B",
# "with A attending", "with A and B"
_CHAIRED_BY = re.compile(
    r"\b(?:(?:co-chaired|chaired|presided over|attended|opened)\s+by|under\s+the\s+(?:co-)?chairmanship\s+of|"
    r"with)\s+(?=[A-Z]|the\s+[A-Z])"
)


def _session_of_a_body(view: SentenceView, country_by_word=None) -> list[Meeting]:
    """A standing body (commission, committee, council) that held its session: the body takes part,
    with those who chaired or attended it and the countries its name pairs."""
    held = _BODY_HELD_SESSION.search(view.text)
    if not held:
        return []
    clause = clause_start(view.text, held.start())
    body = [e for e in view.entities_between(clause, held.start()) if e.type != PERSON and _BODY.search(e.name)][-1:]
    lower = _LOWER_BODY.search(view.text, clause, held.start()) if not body else None
    if not body and not lower:
        return []
    name = body[0].name if body else lower.group(0).strip().removeprefix("The ").removeprefix("the ")
    participants = list(body)
    chaired = _CHAIRED_BY.search(view.text, held.end())
    if chaired:
        stop = CLAUSE_END.search(view.text, chaired.end())
        participants += view.entities_between(chaired.end(), stop.start() if stop else len(view.text))
    participants += countries_paired(name, country_by_word)
    if not participants:
        return []  # "the commission met": nobody named in it
    date, future = date_for(view, held.start())
    return [
        Meeting(
            kind="meeting",
            label=f"{(held.group('noun') or 'meeting').capitalize()} of the {name}".replace("the the ", "the "),
            date=date,
            participants=list(dict.fromkeys(participants)),
            place=place_after(view, held.end()),
            planned=future,
            named=True,
            sentences={view.sentence.index},
            rule="named-event",
        )
    ]


_INVITED_TO = re.compile(r"\b(?:invited|invites|invite|inviting)\s+(?P<who>[^,;]{2,80}?)\s+to\s+$")
_SEPARATE = re.compile(r"\bseparate|\bmeetings\b")
_COUNTERPARTS_FROM = re.compile(r"\s*(?:with\s+)?(?:his|her|their)\s+(?:[a-z]+\s+)?counterparts\s+(?:from|of)\b")


# "hosted a state banquet in honour of", "gave a dinner for": a meal or welcome, an occasion of its own
_OCCASION = re.compile(
    r"\s*(?:an?|the)\s+(?P<what>(?:(?:state|official|working|gala)\s+)?(?:banquet|dinner|luncheon|lunch|breakfast|"
    r"reception)|ceremonial\s+welcome|welcome\s+ceremony)\b"
)


def _talks(view: SentenceView, verb: re.Match, subjects: list[Entity], objects: list[Entity], *, separately=False):
    """A meeting of ``subjects`` with ``objects`` read at a "met" or "held talks with" verb."""
    date, future = date_for(view, verb.start())
    future = future or bool(_WILL.search(view.text[max(0, verb.start() - 30) : verb.start()]))
    return Meeting(
        kind="talks",
        label=f"{' and '.join(e.name for e in subjects)} meet {', '.join(e.name for e in objects)}",
        date=date,
        participants=list(dict.fromkeys(subjects + objects)),
        place=place_after(view, verb.end()),
        planned=future,
        sentences={view.sentence.index},
        rule="separate-meetings" if separately else "talks",
    )


def _event_meeting(view: SentenceView, m, country_by_word=None, organizations_in=None) -> Meeting:
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
            gap = view.text[view.rel(m2)[1] : a]
            # "the SCO summit", "the Shanghai Cooperation Organization (SCO) summit", "the G20 leaders' summit"
            if e is not None and e.type not in (PERSON, PLACE) and view.rel(m2)[1] <= a and _HOST_GAP.fullmatch(gap):
                host = e
                label = f"{e.name} {m.text}"
    owned = _THEIR.search(view.text, 0, a) if m.type == "EventNoun" and not host and organizations_in else None
    # "Leaders of the SCO wrapped up their annual summit": the groupings whose members hold it
    bodies = (
        organizations_in(view.text[clause_start(view.text, owned.start()) : owned.start()], view.sentence.index)
        if owned
        else []
    )
    if bodies:  # "Leaders of the EU and CELAC closed their third summit": both hold it
        host = bodies[0]
        label = f"{' and '.join(e.name for e in bodies)} {m.text}"
    named_before = _NAME_BEFORE.search(view.text, 0, a) if m.type == "EventNoun" and not host else None
    if named_before:  # "the EU-CELAC summit": the name the noun's words before it give
        label = f"{named_before.group(0)}{m.text}"
    if _NEXT.search(view.text, max(0, a - 40), a) and not label.lower().startswith("next"):
        label = f"Next {label}"  # "the next SCO summit will be held in C": another edition than the one told
    held_by = bodies or ([host] if host else [])
    if not host and organizations_in:
        # "the 44th SADC Summit", "the EU-CELAC summit": the bodies the event's own name holds
        held_by = organizations_in(label, view.sentence.index)
        host = held_by[0] if held_by else None
        for pair in _BLOC_PAIR.finditer(label) if held_by and country_by_word else ():
            # "the China-CELAC Forum", "the EU-Japan summit": the country paired with the body
            held_by += [c for c in map(country_by_word, pair.group("a", "b")) if c and c not in held_by]
    place = place_after(view, b)
    date, future = date_for(view, a)
    opens = _OPENS_ON.match(view.text, b)
    own = [d for d in view.dates if opens and opens.start() <= d.start <= opens.end() + 12]
    # "he will attend the Andean Forum on 24 March", "the Forum in Brussels on 9–10 October": the day after its name
    own = own or [d for d in view.dates if _ITS_DAY.fullmatch(view.text[b : d.start])]
    if own:  # "… to attend the SCO summit, which opens on Thursday": the event's own day
        date, future = own[0].iso, own[0].future
    elif date and len(date) == 10 and _CLOSED.search(view.text, max(0, a - 50), a) and kind_of(label) != "ceremony":
        date = date[:7]  # "leaders closed their summit on Tuesday": the day it ended; it began days before
    participants: list[Entity] = list(held_by)
    hosting = re.search(
        r"\b(?:in\s+)?(?:hosting|hosts|hosted|to host|will host)\s+(?:the\s+)?(?:\w+\s+){0,2}$", view.text[:a]
    )
    if hosting:  # "supports Azerbaijan in hosting COP29": the host takes part
        hosts = [e for m2, e in view.items if e is not None and e.is_agent and view.rel(m2)[1] <= hosting.start()]
        if hosts:
            host = hosts[-1]
            held_by = [host]
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
    pair_countries = countries_paired(label, country_by_word, of_two=False)
    participants += pair_countries  # "the Azerbaijan-China Intergovernmental Commission"
    gathered = _GATHERED_FOR.search(text[:a])
    if gathered:  # "The leaders of A, B and C gathered in Astana for the consultative meeting"
        participants += [e for e in view.entities_between(0, gathered.start()) if e.is_agent]
    held = _HELD_THE.search(text, 0, a)
    if held:  # "Kazakhstan and Uzbekistan held the first meeting of their working group"
        clause = clause_start(text, held.start())
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
        r"\b(?i:during|at|on the (?:sidelines|margins|occasion) of|(?:with)?in the framework of)\s+"
        r"(?:the\s+|(?:their|its)\s+(?:annual\s+|bilateral\s+|joint\s+)?)?"  # "at their annual summit"
        r"(?:[A-Z][\w'’–-]*\s+){0,4}$",
        text[max(0, a - 60) : a],
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
        else held_by,
        planned=planned,
        named=True,
        sentences={view.sentence.index},
        rule="named-event",
    )
