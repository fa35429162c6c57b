"""Extraction: one article in, its facts out (entities, posts, meetings, agreements,
partnerships, capacities), each fact with the sentences it was read from. Knows nothing of RDF.

>>> import datetime as dt
>>> from pactgraph.articles import Article
>>> from pathlib import Path
>>> body = ("Energy Minister Jan Novak met Li Wei, Chairman of Example Power Co., Ltd., in Astana on "
...         "March 3. The two sides signed a memorandum of understanding on a 300 MW solar plant.")
>>> facts = extract_article(Article("x", Path("x.txt"), "t", body, dt.date(2025, 3, 5)))
>>> [(m.label, m.date, m.place.name) for m in facts.meetings]
[('Jan Novak meet Li Wei', '2025-03-03', 'Astana')]
>>> [(a.kind, [p.name for p in a.parties]) for a in facts.agreements]
[('memorandum of understanding', ['Jan Novak', 'Example Power Co., Ltd.'])]
>>> [(c.value_mw, c.technologies, c.status) for c in facts.capacities]
[(300.0, ['solar'], 'planned')]
"""

from __future__ import annotations

import re

from ..articles import Article
from . import gazetteer
from .agreements import DASHED_HEAD, LIST_ITEM, SIGNED, merge_agreements, read_agreements, without_counts_named_after
from .bilaterals import bilateral_series, participants_line, scheduled_bilaterals
from .capacities import BROADER_TECHNOLOGY, infer_technologies, read_capacities
from .dates import find_dates, has_relative_date
from .document_lists import (
    BULLETED,
    DEALS_LIST,
    DOCUMENT_LINE,
    SIGNED_LIST,
    SIGNING_TOLD,
    counterparts_in_items,
    exemplified,
    headed_item,
    list_parties,
    project_deal,
    signatories,
)
from .documents_named import named_documents
from .entities import ORG_TYPES, Registry, SentenceView, resolve_mention
from .facts import COUNTRY, GOVERNMENT, PERSON, ArticleFacts, Entity, Meeting, Post, Sentence
from .meeting_merge import merge_meetings
from .meetings import add_anaphoric_participants, read_meetings
from .mentions import Mention, attach_acronyms, find_mentions
from .partnerships import merge_partnerships, read_partnerships
from .posts import guess_heads_countries, known_countries, read_posts
from .references import (
    resolve_first_person,
    resolve_named_later,
    resolve_pronoun,
    resolve_realms,
    resolve_references,
)
from .rules import assess_all
from .signings import signing_occasions

__all__ = ["extract_article", "name_mentions"]

LEAD_SENTENCES = 2  # the lead of a news report: its first three sentences
_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z .'-]{2,}?)(?:,|\s+[–—-])")


def extract_article(article: Article) -> ArticleFacts:
    """Read one article into facts."""
    from .nlp import pipeline  # spaCy is imported when an article is first read, not by a rebuild that reads none

    read = _as_read(article.body)
    doc = pipeline()(read)
    registry = Registry()
    home = _home_country(article.body, registry)
    sentences: list[Sentence] = []
    views: list[SentenceView] = []
    earlier: str | None = None  # the last date with a written year so far: what "that year" points to
    day: tuple[int, str] | None = None  # the last day named so far, and where: what "the same day" points to
    dated_since = False  # whether another date was named after that day
    for sent, entity_spans in _sentences_with_entities(doc):
        text = article.body[sent.start_char : sent.end_char]  # the words as published, for provenance
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        sentence = Sentence(len(sentences), start, start + len(stripped), stripped)
        sentences.append(sentence)
        mentions = find_mentions(sent, entity_spans, read)
        attach_acronyms(mentions, article.body)
        home_name = home.name if home else None
        items = [(m, resolve_mention(registry, m, sentence.index, article.body, home_name)) for m in mentions]
        resolve_pronoun(items, views, sentence)
        back = sentence.index - day[0] if day else None
        recent_day = day[1] if back is not None and back <= _SAME_DAY_REACH[dated_since] else None
        dates = find_dates(stripped, article.published, earlier=earlier, day=recent_day)
        earlier = next((d.iso for d in reversed(dates) if d.written), earlier)
        new_day = next(((sentence.index, d.iso) for d in reversed(dates) if len(d.iso) == 10 and not d.future), None)
        dated_since = not new_day and (dated_since or bool(dates))
        day = new_day or day
        views.append(SentenceView(sentence, items, dates, article.published))
    resolve_named_later(views, registry)

    def portfolio_ministry(portfolio: str, country: Entity) -> Entity:
        return registry.add(GOVERNMENT, f"Ministry of {portfolio.title()} of {country.name}", 0)

    def country_of_code(code: str) -> Entity:
        return registry.add(COUNTRY, gazetteer.country_by_code()[code], 0, code=code)

    def country_by_word(word: str) -> Entity | None:
        hit = gazetteer.countries().get(word)
        code = hit[1] if hit else gazetteer.DEMONYMS.get(word) or gazetteer.demonym_code(word)
        return country_of_code(code) if code else None

    def organizations_in(text: str, sentence: int) -> list[Entity]:
        """The known organizations ``text`` names, as this article's entities (one of its own
        names first: "SADC" written after "Southern African Development Community (SADC)")."""
        found = []
        for form, kind, name in gazetteer.organizations_named_in(text):
            entity = registry.by_alias(form) or registry.by_alias(name)
            if entity is None or entity.type not in ORG_TYPES:
                entity = registry.add(kind, name, sentence)
            entity.sentences.add(sentence)
            found.append(entity)
        return list(dict.fromkeys(found))

    posts: list[Post] = []
    meetings: list[Meeting] = []
    agreements = []
    partnerships = []
    capacities = []
    main_countries = _countries_by_frequency(registry)
    for view in views:
        posts.extend(read_posts(view, home, country_by_word))
    known_countries(posts, country_of_code)
    guess_heads_countries(posts, main_countries)
    post_of = {}
    for post in posts:
        post_of.setdefault(post.person, post)
    first_person = resolve_first_person(views, registry, article.body, post_of)
    posts += [post for post in post_of.values() if post not in posts]  # an author box's post
    resolve_references(views, posts, country_by_word, main_countries, portfolio_ministry)
    resolve_realms(views, registry)
    signed_list: list | None = None  # the parties of the list of signed documents under way, if any
    list_opened_at = 0  # the sentence that opened the current list of signed documents
    deals_listed = False  # whether that list's items are deals ("the projects agreed at the forum:")
    list_bulleted: bool | None = None  # whether the items of that list have numbers or bullets
    headed = _timeline_days(views, article.body)
    for number, view in enumerate(views):
        if signed_list is not None and view.sentence.index > list_opened_at:
            bulleted = bool(BULLETED.match(view.text))
            opens_line = _opens_line(article.body, view.sentence.start)
            if list_bulleted is None:
                list_bulleted = bulleted
            elif list_bulleted and not bulleted and opens_line:
                signed_list, deals_listed = None, False  # "- A …", "- B …", then a paragraph: the list has ended
            elif not list_bulleted and opens_line and not DOCUMENT_LINE.match(view.text) and view.text.count("|") < 2:
                # lines without bullets (nor a table's cells): the list ends at a line no document opens
                signed_list, deals_listed = None, False
        found = read_meetings(view, country_by_word, organizations_in) + scheduled_bilaterals(view)
        found += participants_line(view, views[number - 1] if number else None)
        add_anaphoric_participants(view, meetings, found)
        meetings.extend(found)
        countries = _countries_near(registry, views, view.sentence.index, post_of)
        signed = read_agreements(
            view,
            post_of,
            meetings,
            countries,
            portfolio_ministry,
            country_by_word,
            signed_list=signed_list,
            earlier=agreements,
        )
        if not signed and deals_listed and LIST_ITEM.match(view.text):
            signed = project_deal(view)
        if not signed and signed_list is not None:
            signed = headed_item(view)  # "• Vantora x Kestrel Grid: energy infrastructure"
        if not signed and number and SIGNED.search(views[number - 1].text):
            signed = exemplified(view, post_of)  # "… such as the agreement between A and B to build …"
        if not signed and number:
            signed = signatories(view, views[number - 1], post_of)  # "Its signatories include A, B and C."
        if not signed and "between" in view.lower and not SIGNED.search(view.text):
            signed = named_documents(view)  # "the 2019 agreement between A and B"
        previous = views[number - 1] if number else None
        # both list openers end with a colon, or a signing's line runs on over bullets ("Signed after the
        # talks: a joint statement plus 8 agreements", then "• …")
        bullets_next = (
            not BULLETED.match(view.text)  # (an item that tells its own signing opens no list)
            and number + 1 < len(views)
            and BULLETED.match(views[number + 1].text) is not None
            and _opens_line(article.body, views[number + 1].sentence.start)
        )
        opens_list = view.text.rstrip().endswith(":") or bool(bullets_next and SIGNING_TOLD.search(view.text))
        headed_items = number + 1 < len(views) and DASHED_HEAD.match(views[number + 1].text)
        if opens_list and headed_items and signed and all(a.rule == "signed-one-party" for a in signed):
            signed = []  # "X signed agreements with three partners:", then "• X – Y: …": the items tell each one
        if not signed and opens_list and DEALS_LIST.search(view.text):
            signed_list, list_opened_at, deals_listed, list_bulleted = [], view.sentence.index, True, None
        elif (
            not signed
            and opens_list
            and (
                SIGNED_LIST.search(view.text)
                or (previous is not None and (SIGNED.search(previous.text) or SIGNING_TOLD.search(previous.text)))
                or (bullets_next and SIGNING_TOLD.search(view.text))
            )
        ):
            # "… signed the following documents:", or "They include:" after a signing: a list opens,
            # whose items without parties of their own are signed by those the opener names
            signed_list = list_parties(view, previous, post_of, meetings, countries)
            if not signed_list and not _FIRST_PERSON.search(view.text):  # "What we signed:": ours, with each
                signed_list = _sides_just_signed(agreements, view.sentence.index)
            list_opened_at, list_bulleted = view.sentence.index, None
            # "The largest agreements signed at the forum include:": items may name a company and its project
            deals_listed = bool(_DOCUMENTS_LISTED.search(view.text))
        elif not LIST_ITEM.match(view.text):
            signed_list, deals_listed = None, False
        for agreement in signed:
            listed = agreement.rule == "signed-list-item" or deals_listed
            # an item of "The largest agreements signed at the forum include:" was signed where its opener says
            told = views[list_opened_at] if listed and list_opened_at < view.sentence.index else view
            here = [m for m in meetings if m.named and told.sentence.index in m.sentences]
            if not here and _AT_THE_EVENT.search(told.text):
                here = [m for m in meetings if m.named and not m.planned][-1:]  # "on the sidelines of the forum"
            _link_event(told, agreement, here, posts)
            if agreement.date is None and headed[view.sentence.index]:  # "13 May 2022 - …" over a timeline's entry
                agreement.date = headed[view.sentence.index]
                agreement.caveats.add("date-from-heading")
            if agreement.date is None and agreement.rule != "document-between":  # a document in force: not today's
                opened = list_opened_at if listed else view.sentence.index
                _date_from_recent_meeting(
                    agreement,
                    meetings,
                    opened,
                    views[opened],
                    views[opened - 1] if opened else None,
                    post_of,
                    listed=listed,
                )
            if agreement.date is None and not listed and not view.dates and agreement.rule != "document-between":
                _date_from_signing_before(agreement, agreements, view.sentence.index)
        agreements.extend(signed)
        partnerships.extend(read_partnerships(view, signed, country_by_word, countries, post_of))
        capacities.extend(read_capacities(view))
    agreements = _with_counterparts(views, without_counts_named_after(agreements), post_of)
    meetings.extend(signing_occasions(views, agreements, meetings))
    meetings.extend(bilateral_series(views))
    _visits_begun(views, meetings)
    meetings = _visitors_from_abroad(views, meetings, post_of)
    dateline = _dateline_date(views)
    headings_over: dict[str, set] = {}
    for meeting in meetings:
        headings_over.setdefault(meeting.label, set()).update(headed[i] for i in meeting.sentences)
    for meeting in meetings:
        if (
            meeting.date is None
            and not meeting.planned
            and meeting.named
            and dateline
            and min(meeting.sentences) <= LEAD_SENTENCES
        ):
            meeting.date = dateline  # the event a wire report opens with happened on its dateline
            meeting.caveats.add("date-from-dateline")
        if meeting.date is None and headed[min(meeting.sentences)] and len(headings_over[meeting.label]) == 1:
            # (an event told under the headings of several days is none of those days)
            meeting.date = headed[min(meeting.sentences)]
            meeting.caveats.add("date-from-heading")
        if meeting.date is None and not meeting.named:
            _within_event(meeting, meetings, views)
        if meeting.date is None and not meeting.named and not meeting.planned:
            _date_from_context(meeting, views)  # (a meeting still to come is not on a day told before)
        if meeting.date is None and not meeting.planned and not meeting.named and article.published:
            # news reports the recent past; a headline's or a live blog's present ("Modi and Zelenskyy hold
            # talks") the day it is published
            told = views[min(meeting.sentences)].text
            meeting.date = article.published.isoformat()[: 10 if _NEWS_PRESENT.search(told) else 7]
            meeting.caveats.add("date-from-publication")
    if article.published is None:  # no date to resolve "on Tuesday" against: the fact says so
        relative = {view.sentence.index for view in views if has_relative_date(view.text)}
        for fact in (*meetings, *agreements, *partnerships):
            if fact.date is None and fact.sentences & relative:
                fact.caveats.add("relative-date-unresolved")
    meetings, agreements, partnerships = _agents_only(
        merge_meetings(meetings), merge_agreements(agreements), merge_partnerships(partnerships)
    )
    facts = ArticleFacts(
        sentences=sentences,
        entities=[e for e in registry.entities if e.sentences or e.type == COUNTRY],
        meetings=[
            m
            for m in meetings
            if m.participants or (_took_place(m, sentences) and not _GENERIC_EVENT.fullmatch(m.label))
        ],
        agreements=agreements,
        partnerships=partnerships,
        capacities=infer_technologies(
            _merge_capacities(capacities, {s.index for s in sentences if _BULLET.match(s.text)}),
            [s.text for s in sentences],
            article.title,
        ),
        posts=_unique_posts(posts),
    )
    for fact in (*facts.meetings, *facts.agreements):
        if fact.sentences & first_person:
            fact.caveats.add("first-person")
    assess_all(facts)
    return facts


_NEWS_PRESENT = re.compile(
    r"\b(?:hold|holds|meet|meets|receives|hosts|welcomes|greets|sign|signs)\b(?!\s+(?:no|that)\b)"
    r"(?![^.;]*\b(?:every|each|annually|regularly|usually|often|later this|next)\b)"
)


def _agents_only(meetings, agreements, partnerships):
    """Only persons, organizations and countries take part, sign and partner: a place or an event a
    rule took for one of them ("head of KfW's Dushanbe office") is left out, and a document or a
    partnership left without its sides with it, so that no article's facts break the graph's shapes."""
    for fact, members in (
        *((m, "participants") for m in meetings),
        *((a, "parties") for a in agreements),
        *((p, "partners") for p in partnerships),
    ):
        setattr(fact, members, [e for e in getattr(fact, members) if e.is_agent])
    return meetings, [a for a in agreements if a.parties], [p for p in partnerships if len(p.partners) >= 2]


_QUOTED_LEGAL_NAME = re.compile(r"\b(?P<form>JSC|OJSC|CJSC|PJSC|LLC|LLP|JV)\s+[\"“«](?P<name>[^\"”»\n]{2,80})[\"”»]")
_LEGAL_FORM_AFTER = (
    r"(?:LLC|LLP|JSC|OJSC|CJSC|PJSC|Co\.|Company|Ltd\.?|Limited|Inc\.|Corp\.|Corporation|PLC|SA|AG|GmbH)(?!\w)"
)
# "Sunrise Solar Azerbaijan" LLC: a quoted name with its legal form after it
_QUOTED_THEN_FORM = re.compile(rf"[\"“«](?P<name>[A-Z][^\"”»\n]{{1,80}})[\"”»](?=\s+{_LEGAL_FORM_AFTER})")
# "Dragon Grid (Hong Kong) Co., Limited": a bracketed place inside a company's name
_BRACKETED_IN_NAME = re.compile(rf"(?<=[A-Za-z]\s)\((?P<inner>[A-Z][\w .’'-]{{1,40}})\)(?=\s+{_LEGAL_FORM_AFTER})")


# "ABU DHABI, 19 May", "BUENOS AIRES, Feb 2 -", "ASTANA (Kazinform) -": opening the body or a line of its
# first paragraphs (a pasted page has its headline and byline first)
# "Eni S.p.A.", "Snam S.p.A.": read as one word, so the legal form stays with the name
_DOTTED_LEGAL_FORM = re.compile(r"(?<=\s)S\.p\.A\.(?=\s|$|[,;)])")
_CAPITAL_DATELINE = re.compile(
    r"^[ \t]*[A-Z]{2,}(?:[ /-][A-Z]{2,})*"
    r"(?=,(?:\s*[A-Z][a-z]+,)?\s+(?:\(|\d|[A-Z][a-z]{2,8}\.?\s+\d)|\s+\(|\s+[–—-]\s)",
    re.M,
)
_PATRONYMIC = re.compile(r"\b[A-Z][a-z]+\s+(?P<father>[A-Z][a-z]+\s+(?:oglu|oğlu|qizi|qızı|kyzy|kizi|ogly|uly))\b")


def name_mentions(article: Article) -> list[Mention]:
    """The capitalised names of an article that no gazetteer entry and no organization or event
    head types (mentions of type Person or Name, before any rule reads their frame): the names
    ``name_types`` learns to type. Offsets point into ``article.body``.

    >>> import datetime as dt
    >>> from pathlib import Path
    >>> body = "Talks with Nordvik Kraft went well, Kessler said."
    >>> [m.name for m in name_mentions(Article("x", Path("x.txt"), "t", body, dt.date(2025, 3, 5)))]
    ['Talks', 'Nordvik Kraft', 'Kessler']
    """
    from .nlp import pipeline

    read = _as_read(article.body)
    found = []
    for sent, entity_spans in _sentences_with_entities(pipeline()(read)):
        mentions = find_mentions(sent, entity_spans, read)
        attach_acronyms(mentions, article.body)
        found += [m for m in mentions if m.type in {PERSON, "Name"}]
    return found


def _sentences_with_entities(doc):
    """Each sentence of ``doc`` with the EntityRuler spans inside it, in one pass over both
    (``Span.ents`` scans every entity of the doc on each call: quadratic in a long article)."""
    spans = list(doc.ents)
    first = 0
    for sent in doc.sents:
        while first < len(spans) and spans[first].start < sent.start:
            first += 1
        inside, index = [], first
        while index < len(spans) and spans[index].start < sent.end:
            if spans[index].end <= sent.end:
                inside.append(spans[index])
            index += 1
        yield sent, inside


def _as_read(body: str) -> str:
    """The body as the extractor reads it, character for character as long as the published text
    (so every offset still points into it): JSC "Uzbekhydroenergo" → Uzbekhydroenergo JSC,
    "Sunrise Solar" LLC → Sunrise Solar LLC, X (Hong Kong) Co., Ltd. → X Hong Kong Co., Ltd. (quotes and
    brackets blanked) and "Orkhan Elman oglu Mammadov" → "Orkhan Mammadov" (the patronymic blanked)."""

    def swap(m: re.Match) -> str:
        return f"{m.group('name')} {m.group('form')}".ljust(len(m.group(0)))

    dateline = _CAPITAL_DATELINE.search(body, 0, 1000)
    if dateline:  # "ABU DHABI, 19 May" → "Abu Dhabi"
        body = body[: dateline.start()] + dateline.group(0).title() + body[dateline.end() :]
    body = _DOTTED_LEGAL_FORM.sub(lambda m: m.group(0).replace(".", "").ljust(len(m.group(0))), body)  # "SpA"
    body = _QUOTED_LEGAL_NAME.sub(swap, body)
    body = _QUOTED_THEN_FORM.sub(lambda m: f" {m.group('name')} ", body)
    body = _BRACKETED_IN_NAME.sub(lambda m: f" {m.group('inner')} ", body)
    return _PATRONYMIC.sub(lambda m: m.group(0)[: m.start("father") - m.start()].ljust(len(m.group(0))), body)


# sentences back in which "the same day" finds the day it means: five when no other date was named since
# (a paragraph about that day), two when one was
_SAME_DAY_REACH = {False: 5, True: 2}


_HEADING_DASH = re.compile(r"\s*[-–—:|]\s+\S")
_HEADING_START = re.compile(
    r"\s*(?:(?:Early|Mid|Late|End of|Beginning of|Spring|Summer|Autumn|Winter)[\s-]*|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?",  # "THURSDAY, 6 NOVEMBER — Leaders' Summit"
    re.I,
)


def _timeline_days(views: list[SentenceView], body: str) -> list[str | None]:
    """For each sentence, the date of the timeline heading over it ("13 May 2022 - A framework", a line
    that opens with a date, or a day alone on its line), when the article has two such headings or
    more; else None."""
    headings = {}
    entries = set()  # "- October 4, 2024: X flew to Colombo …": a dated item, however long, dates its lines
    for view in views:
        bullet = _ENTRY_BULLET.match(view.text)
        at = bullet.end() if bullet else 0
        dates = [d for d in view.dates if _HEADING_START.fullmatch(view.text, at, d.start)]
        if (
            dates
            # "13 May 2022 - A framework", or a day alone on its line over a live thread's posts ("Thursday, 29 May")
            and (_HEADING_DASH.match(view.text, dates[0].end) or not view.text[dates[0].end :].strip(" .:"))
            and _opens_line(body, view.sentence.start)
            and (bullet or len(view.text.split()) <= 14)
        ):
            headings[view.sentence.index] = None if dates[0].future else dates[0].iso  # one to come dates nothing
            if bullet:
                entries.add(view.sentence.index)
    days: list[str | None] = []
    current, entry = None, False
    for view in views:
        if view.sentence.index in headings:
            current, entry = headings[view.sentence.index], view.sentence.index in entries
        elif entry and _ENTRY_BULLET.match(view.text) and _opens_line(body, view.sentence.start):
            current = None  # an undated item after dated ones: another entry
        days.append(current if len(headings) >= 2 else None)
    return days


_ENTRY_BULLET = re.compile(r"\s*[-•*–]\s+")


def _opens_line(body: str, start: int) -> bool:
    """Whether the sentence at ``start`` begins a line of ``body`` (blanks before it aside)."""
    before = start
    while before > 0 and body[before - 1] in " \t":
        before -= 1
    return before > 0 and body[before - 1] == "\n"


def _dateline_date(views: list[SentenceView]) -> str | None:
    """The date of a dateline such as "BAKU, Azerbaijan, June 26."."""
    if not views or not _DATELINE.match(views[0].text):
        return None
    first = views[0].dates[0] if views[0].dates else None
    return first.iso if first is not None and first.start < 40 else None


def _home_country(body: str, registry: Registry) -> Entity | None:
    """The country of the dateline ("BAKU, Azerbaijan, June 26."), if there is one."""
    match = _DATELINE.match(body)
    if not match:
        return None
    city = match.group("city").strip().title()
    for code, cities in gazetteer.CITIES.items():
        if city in cities:
            return registry.add(COUNTRY, gazetteer.country_by_code()[code], 0, code=code)
    return None


_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|I)\b")  # (not "the US")


def _sides_just_signed(agreements: list, index: int) -> list[Entity]:
    """ "A and B adopted a joint declaration. Around ten agreements were exchanged. What was signed:":
    the sides of the document signed in the two sentences before a list whose opener names none."""
    last = next((a for a in reversed(agreements) if max(a.sentences) >= index - 2), None)
    sides = [p for p in last.parties if p.type != PERSON] if last else []
    return sides if len(sides) >= 2 else []


def _countries_near(
    registry: Registry, views: list[SentenceView], index: int, post_of: dict, window: int = 3
) -> list[Entity]:
    """The countries "the two countries" (or "the two leaders") most likely means: those named in
    this sentence or the few before it, or whose leaders are named there ("Uzbek President …"),
    most mentioned first; the article's most mentioned ones otherwise."""
    ranked = _countries_by_frequency(registry)
    named = set()
    for v in views[max(0, index - window) : index + 1]:
        for _, e in v.items:
            post = post_of.get(e)
            named.add(post.organization if post is not None and post.organization is not None else e)
    near = [c for c in ranked if c in named]
    return near if len(near) >= 2 else ranked


def _countries_by_frequency(registry: Registry) -> list[Entity]:
    """Countries by how many sentences name them; of two named as often, the one named first."""
    countries = [e for e in registry.entities if e.type == COUNTRY]
    return sorted(countries, key=lambda e: (-len(e.sentences), min(e.sentences, default=0), e.name))


def _link_event(view: SentenceView, agreement, meetings_here: list[Meeting], posts: list[Post]) -> None:
    """An agreement signed "during" or "at" an event: its parties (and the ministers who head the
    ministries among them) took part in that event."""
    if not re.search(r"\b(?:during|at|on the sidelines of)\b", view.text, re.I):
        return
    for meeting in meetings_here:
        if not meeting.named:
            continue
        if agreement.date and meeting.date and not _same_period(agreement.date, meeting.date):
            continue  # "in May A signed X, and on 3 September, at the meeting, B signed Y": X was not signed there
        agreement.signed_during = agreement.signed_during or meeting
        heads = [
            p.person
            for p in posts
            if "minister" in p.role.lower()
            and p.organization is not None
            and any(party.name.endswith(f"of {p.organization.name}") for party in agreement.parties)
        ]
        meeting.participants += [p for p in [*agreement.parties, *heads] if p not in meeting.participants]
        agreement.date = meeting.date or agreement.date  # signed during the event: the event's day
        meeting.date = meeting.date or agreement.date
        meeting.place = meeting.place or agreement.place


def _same_period(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


_DOCUMENTS_LISTED = re.compile(r"\b(?:agreements|deals|contracts|documents|projects|investments)\b")


def _with_counterparts(views: list[SentenceView], agreements: list, posts) -> list:
    """Documents an opener signs "with carmakers:", each with the counterpart of an item below it."""
    for number, view in enumerate(views):
        documents = [a for a in agreements if a.sentences == {view.sentence.index}]
        if documents and view.text.rstrip().endswith(":"):
            read = counterparts_in_items(view, views[number + 1 : number + 9], documents, posts)
            at = agreements.index(documents[0])
            agreements = [*agreements[:at], *read, *(a for a in agreements[at:] if a not in documents)]
    return agreements


# "The visit began on 14 November, when …": the day the visit just told began
# "The visit began on 14 November", "The visit, which runs from 24 to 26 October": its first day
_VISIT_BEGAN = re.compile(
    r"\b[Tt]he\s+(?:(?:state|official|working|two-day|three-day|four-day)\s+)?visit\s*,?\s+(?:which\s+)?"
    r"(?:began|begins|started|starts|opened|kicked off|runs|ran|lasts|lasted)\s+(?:on|in|from)\b"
)


def _visitors_from_abroad(views: list[SentenceView], meetings: list[Meeting], post_of: dict) -> list[Meeting]:
    """Nobody pays a visit to the country they lead or serve: "Xi and Petro held talks … during the
    Head of State's state visit to China" is Petro's visit, the other person the sentence names;
    with no such person, no visit."""
    kept = []
    for meeting in meetings:
        target, visitor = meeting.place, meeting.participants[0] if meeting.participants else None
        post = post_of.get(visitor)
        home = post.organization if post and "organization-guessed" not in post.caveats else None
        if meeting.rule != "visit-noun" or target is None or home is not target:
            kept.append(meeting)
            continue
        view = views[min(meeting.sentences)]
        others = [
            e
            for _, e in view.items
            if e is not None
            and e.type == PERSON
            and e is not visitor
            and getattr(post_of.get(e), "organization", None) is not target
        ]
        if others:
            meeting.participants = [others[0], *meeting.participants[1:]]
            meeting.label = meeting.label.replace(f"Visit of {visitor.name} ", f"Visit of {others[0].name} ", 1)
            kept.append(meeting)
    return kept


def _visits_begun(views: list[SentenceView], meetings: list[Meeting]) -> None:
    """A visit is dated by its first day: "The visit began on 14 November" dates the visit told before it."""
    for view in views:
        began = _VISIT_BEGAN.search(view.text) if "visit" in view.text else None
        day = next((d for d in view.dates if began and d.start > began.start() and not d.future), None)
        if day is None:
            continue
        told = [m for m in meetings if m.kind == "visit" and min(m.sentences) < view.sentence.index]
        if told and (told[-1].date is None or _same_period(told[-1].date[:7], day.iso[:7])):
            told[-1].date = day.iso
            told[-1].sentences.add(view.sentence.index)


def _within_event(meeting: Meeting, meetings: list[Meeting], views: list[SentenceView]) -> None:
    """ "On the sidelines of the forum, the minister met …": a meeting held at the event reported just
    before it is part of that event, and dated by it."""
    index = min(meeting.sentences)
    if not _AT_THE_EVENT.search(views[index].text):
        return
    events = [
        m for m in meetings if m.named and not m.planned and m.date and max(m.sentences) <= index and m is not meeting
    ]
    if events:
        event = max(events, key=lambda m: max(m.sentences))
        meeting.part_of, meeting.date = event, event.date
        meeting.caveats.add("date-from-meeting")


_AT_THE_EVENT = re.compile(
    r"\b(?:during|at|on the sidelines of)\s+the\s+(?:\w+\s+)?"
    r"(?:forum|summit|conference|meeting|ceremony|session|event|congress|expo|exhibition|week)\b",
    re.I,
)
_THAT_OCCASION = re.compile(r"\b(?:on|at)\s+(?:that|the same|this)\s+occasion\b", re.I)
_THE_MEETING = re.compile(
    r"\b(?:following|after|during|at|in the course of|on the sidelines of)\s+the\s+"
    r"(?P<noun>meeting|talks|visit|negotiations|ceremony|forum|summit)\b",
    re.I,
)


def _shares_a_side(agreement, meeting: Meeting, post_of: dict) -> bool:
    """Whether a meeting may be the one a signing took place at: one of its participants, or the
    country or organization one of them serves (as the article or the officials' gazetteer says),
    signed, or an organization of such a country ("the Ministry of Energy of Chile"); or the text
    names no side of either."""
    if not agreement.parties or not meeting.participants:
        return True
    known = gazetteer.leaders()
    countries = gazetteer.country_by_code()
    sides = {e.name for e in meeting.participants}
    sides |= {p.organization.name for e in meeting.participants if (p := post_of.get(e)) and p.organization}
    sides |= {countries[known[e.name]] for e in meeting.participants if e.name in known}
    if sides == {e.name for e in meeting.participants if e.type == PERSON}:
        return True  # persons whose side nothing says: the meeting may be any signer's
    parties = {party.name for party in agreement.parties}
    return bool(sides & parties) or any(side in party for side in sides for party in parties)


def _date_from_recent_meeting(
    agreement,
    meetings: list[Meeting],
    index: int,
    opener: SentenceView,
    before: SentenceView | None = None,
    post_of: dict | None = None,
    *,
    listed: bool = False,
) -> None:
    """ "The two heads of state adopted a declaration": the meeting just reported dates it; items of a
    list of signed documents are dated by the sentence that opened the list (or the one before it,
    "… today signed three documents. They are:"), or by its meeting."""
    # "… today signed three documents. They are:": the sentence before dates the list if it tells the
    # signing or the opener tells none ("… during her state visit in December 2024. Following the talks,
    # the leaders witnessed the exchange of:" is dated by the talks)
    same_signing = before is not None and SIGNED.search(before.text)
    dating = (opener, before) if same_signing or not SIGNED_LIST.search(opener.text) else (opener,)
    own = next((d.iso for v in dating if v is not None for d in v.dates if not d.future), None)
    if own and listed:
        agreement.date = own
        return
    # "Following the meeting, …" names the meeting however far back it was reported, whoever took part;
    # otherwise only a meeting that shares a side with the signing may date it
    the_meeting = _THE_MEETING.search(opener.text)
    if not listed and not the_meeting:
        meetings = [m for m in meetings if _shares_a_side(agreement, m, post_of or {})]
    if _THAT_OCCASION.search(opener.text):  # "On that occasion the sides signed:": the meeting just told
        told = [m for m in meetings if m.date and not m.planned and 0 <= opener.sentence.index - max(m.sentences) <= 1]
        if told:
            agreement.date = told[-1].date
            agreement.caveats.add("date-from-meeting")
            agreement.place = agreement.place or told[-1].place
            return
    window = index if the_meeting else 4
    noun = the_meeting.group("noun").lower() if the_meeting else ""
    # "after the talks" or "after the meeting": the latest talks or meeting first (news says either of
    # the same encounter), then other meetings; a visit spans days, so the talks held during it date a
    # signing better than the visit's first day
    first = ("visit",) if noun == "visit" else ("talks", "meeting")
    published = opener.published.isoformat() if opener.published else ""

    def background(meeting: Meeting) -> bool:  # "during his state visit in December 2024", told in passing
        return bool(meeting.date and published) and meeting.date < _months_before(published, 2)

    def rank(meeting: Meeting) -> int:
        if meeting.kind in first:
            return 0
        return 1 if meeting.kind in ("talks", "meeting") else 2 + (meeting.kind == "visit")

    ordered = sorted(reversed(meetings), key=lambda m: (background(m), rank(m)))  # told in passing: last
    recent = str(opener.published.year - 1) if the_meeting and opener.published else ""
    current = [m for m in ordered if m.date and not m.planned and not background(m)]
    listed = listed and not the_meeting
    for meeting in ordered:
        if meeting.date and recent and meeting.date[:4] < recent:
            continue  # "during the visit" is the story's visit, not one years before
        if listed and background(meeting) and current:
            meeting = current[0]  # a list of documents after "when he hosted him in 2024": today's meeting
        if (
            meeting.date
            and not meeting.planned
            and (index - max(meeting.sentences) <= window or (listed and meeting in current))
        ):
            agreement.date = meeting.date
            agreement.caveats.add("date-from-meeting")
            agreement.place = agreement.place or meeting.place
            return


def _date_from_signing_before(agreement, agreements: list, index: int) -> None:
    """ "Norland on Sunday signed the deal with a consortium of A and B. The consortium signed a letter
    of agreement with C and D.": an undated signing told right after a dated one that shares a party
    is that signing, told again in detail."""
    own = set(map(id, agreement.parties))
    before = [a for a in agreements if a.date and index - 1 in a.sentences and own & set(map(id, a.parties))]
    # (one with no party of its own is the same document told again: the merge takes it)
    before = [a for a in before if not own <= set(map(id, a.parties))]
    if before:
        agreement.date = before[-1].date
        agreement.place = agreement.place or before[-1].place
        agreement.caveats.add("date-from-signing")


def _date_from_context(meeting: Meeting, views: list[SentenceView]) -> None:
    """ "On 14 October, Marek landed in Lima. After talks, Marek and Lund watched …": an undated
    meeting told right after a sentence that names one day happened on that day."""
    index = min(meeting.sentences)
    if index == 0:
        return
    view = views[index - 1]
    if views[index].dates:
        return
    if _THE_EVENT_TOLD.match(views[index].text):
        # "… signed a memorandum in October 2023. The signing was attended by X, who also met Y": the
        # event just told, whenever it was, dates what the sentence says of it
        told = {d.iso for d in view.dates if not d.future}
        if len(told) == 1:
            meeting.date = told.pop()
            meeting.caveats.add("date-from-context")
        return
    recent = str(view.published.year - 1) if view.published else ""
    days = {d.iso for d in view.dates if len(d.iso) == 10 and not d.future}
    if len(days) == 1 and min(days) >= recent:  # not "independence on 11 November 1975"
        meeting.date = days.pop()
        meeting.caveats.add("date-from-context")


_THE_EVENT_TOLD = re.compile(
    r"\s*(?:(?:The|This|That)\s+(?:signing|ceremony|meeting|talks|visit|forum|event|session|summit|conference|trip)\s+"
    r"(?:was|were|had|drew|brought|included)\b|(?:On|In|At|During)\s+(?:that|the\s+same)\s+occasion\b)"
)


def _months_before(iso_day: str, months: int) -> str:
    """The ISO month ``months`` before the day's month: "2025-04-05", 2 → "2025-02"."""
    year, month = int(iso_day[:4]), int(iso_day[5:7]) - months
    while month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}"


# "Opening ceremony", "Roundtable", "Second session": an event the text does not name, nor say who was there
_GENERIC_EVENT = re.compile(
    r"(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|opening|closing|joint|plenary|ministerial|"
    r"high-level|annual|signing)\s+)*(?:ceremony|roundtable|round table|session|meeting|summit|forum|"
    r"conference|event|talks|reception)",
    re.I,
)
_HAPPENED = re.compile(
    r"\b(?:opened|opens|was held|were held|is being held|took place|takes place|began|begins|kicked off|convened|"
    r"closed|will be held|will take place|is to be held|to be held|gathered|wrapped up|ended|concluded|"
    r"on the (?:sidelines|margins) of)\b"
)


def _took_place(meeting: Meeting, sentences: list[Sentence]) -> bool:
    """An event with nobody named in it is a meeting only when the text says it took place (or
    will): "the forum opened on Monday", "COP29, to be held in Baku", "wrapped up", "on the sidelines
    of", or it is part of an event that has people in it; named only in passing ("released at the
    opening ceremony"), it is not."""
    if meeting.part_of is not None:
        return True
    return meeting.named and any(_happened_here(meeting.label, sentences[i].text) for i in meeting.sentences)


def _happened_here(label: str, text: str) -> bool:
    """Whether the sentence says the event took place, in the event's own clause when the sentence
    writes its name: "The forum opened on Monday", not "… prepared the ground for the forum, convened …"."""
    name = re.sub(r"\s+\([^)]*\)$", "", label)
    at = text.lower().find(name.lower())
    if at == -1:
        return bool(_HAPPENED.search(text))
    end = at + len(name)
    return bool(_HAPPENED_AFTER.match(text, end) or _SIDELINES_BEFORE.search(text, max(0, at - 40), at))


# "The 30th Conference opened this morning", "COP29, to be held in Baku", "The forum (AEBF-25) was held …"
_HAPPENED_AFTER = re.compile(
    r"(?:\s*\([^)]*\))?(?:,?\s+(?:and\s+(?:its|the)\s+[^,;.]{0,40}?|which|that|in\s+[A-Z][\w-]*|[a-z]+ly))?,?\s+"
    r"(?:(?:has|have|had)\s+)?(?:opened|opens|was held|were held|is being held|took place|takes place|began|begins|"
    r"kicked off|convened|was convened|were convened|closed|will be held|will take place|is to be held|to be held|"
    r"gathered|wrapped up|ended|concluded|will open|is held)\b"
)
_SIDELINES_BEFORE = re.compile(r"\bon\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


_BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")


def _merge_capacities(capacities, items: set[int]):
    """A figure repeated in an article ("the 160 MW plant") is one capacity when value, technology
    and place agree or are left unsaid; equal figures of different projects stay apart, and so do
    equal figures one sentence writes twice ("100 MW in Mosul and 100 MW in Amarah") or two items
    of a list write ("- Velmar: 2,000 MW", "- Norta: 2,000 MW")."""
    kept = []
    for c in capacities:
        for k in kept:
            if (
                round(k.value_mw, 3) == round(c.value_mw, 3)
                and c.sentences != k.sentences
                and not (c.sentences <= items and k.sentences <= items)
                and (not c.technologies or not k.technologies or _broad(c.technologies) == _broad(k.technologies))
                and (c.place is None or k.place is None or c.place is k.place)
                and (c.status == k.status or "unknown" in (c.status, k.status))
            ):
                k.sentences |= c.sentences
                k.place = k.place or c.place
                if len(" ".join(c.technologies)) > len(" ".join(k.technologies)):
                    k.technologies = c.technologies  # keep the more specific: offshore wind over wind
                if k.status == "unknown":
                    k.status = c.status
                break
        else:
            kept.append(c)
    return kept


def _broad(technologies: list[str]) -> set[str]:
    return {BROADER_TECHNOLOGY.get(t, t) for t in technologies}


_SMALL_WORDS = {"of", "for", "and", "in", "to", "the", "on", "at"}


def role_name(role: str) -> str:
    """One spelling per role, whatever the article's capitalisation: "vice president" and
    "Vice President" are one role.

    >>> role_name("vice president for investments"), role_name("CEO"), role_name("ambassador to China")
    ('Vice President for Investments', 'CEO', 'Ambassador to China')
    """
    words = role.split()
    return " ".join(
        w if w.lower() in _SMALL_WORDS and i else w if any(c.isupper() for c in w) else w.capitalize()
        for i, w in enumerate(words)
    )


def _unique_posts(posts: list[Post]) -> list[Post]:
    kept: dict[tuple, Post] = {}
    for p in posts:
        p.role = role_name(p.role)
        key = (id(p.person), p.role.lower())
        if key in kept:
            kept[key].organization = kept[key].organization or p.organization
            kept[key].sentences |= p.sentences
        elif p.person.type == PERSON:
            kept[key] = p
    return list(kept.values())
