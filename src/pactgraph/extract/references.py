"""Back-references across an article: "the ministry", "the company", "the minister", "the two
presidents", "he", "it" after "said", a name written in full only later, and the first person of
interviews, transcripts, statements and quotes, each resolved to the entity it stands for."""

from __future__ import annotations

import itertools
import re

from .clauses import CLAUSE_END
from .entities import ORG_TYPES, Registry, SentenceView
from .facts import COMPANY, COUNTRY, GOVERNMENT, ORGANIZATION, PERSON, Entity, Post, Sentence
from .lexicon import TITLE
from .mentions import Mention


def resolve_named_later(views: list[SentenceView], registry: Registry) -> None:
    """ "Ines Moreau leads the company. …, said Ines Moreau": a bare name the article makes a person
    (or organization) only later is that entity in its earlier sentences too; and "Minister Pardow"
    in a headline is the Diego Pardow Lorenzo the text names in full."""
    for short, full in _surnames_named_in_full(registry):
        registry.merge(short, full)
        for view in views:
            view.items[:] = [(m, full if e is short else e) for m, e in view.items]
    for view in views:
        for position, (m, entity) in enumerate(view.items):
            if entity is None and m.type == "Name":
                known = registry.by_alias(m.name)
                if known is not None and known.type in (PERSON, ORGANIZATION, COMPANY, GOVERNMENT):
                    known.sentences.add(view.sentence.index)
                    view.items[position] = (m, known)
        _split_paired_names(view, registry)


_PAIRED = re.compile(r"(?P<a>[A-Z][\w'’]+)[-–](?P<b>[A-Z][\w'’]+)")


def _split_paired_names(view: SentenceView, registry: Registry) -> None:
    """ "the Modi-Boric talks": two persons the article names, joined by a hyphen, are both there."""
    for position, (m, entity) in reversed(list(enumerate(view.items))):
        pair = _PAIRED.fullmatch(m.text) if entity is None else None
        persons = [registry.by_alias(pair.group(g)) for g in ("a", "b")] if pair else []
        if (
            len(persons) == 2
            and all(p is not None and p.type == PERSON for p in persons)
            and persons[0] is not persons[1]
        ):
            view.items[position : position + 1] = [
                (Mention(m.start + pair.start(g), m.start + pair.end(g), pair.group(g), PERSON, p.name), p)
                for g, p in zip(("a", "b"), persons, strict=True)
            ]
            for person in persons:
                person.sentences.add(view.sentence.index)


def _surnames_named_in_full(registry: Registry) -> list[tuple[Entity, Entity]]:
    """One-word persons whose word is a later word of exactly one other person's full name."""
    persons = [e for e in registry.entities if e.type == PERSON]
    pairs = []
    for short in persons:
        if " " in short.name:
            continue
        fuller = [e for e in persons if e is not short and short.name in e.name.split()[1:]]
        if len(fuller) == 1:
            pairs.append((short, fuller[0]))
    return pairs


def resolve_pronoun(items, views: list[SentenceView], sentence: Sentence) -> None:
    """ "He made the remark …": a sentence that opens with He/She is about the person the previous
    sentence named first."""
    pronoun = re.match(r"(?:He|She)\b", sentence.text)
    if not pronoun or not views:
        return
    person = next((e for _, e in views[-1].items if e is not None and e.type == PERSON), None)
    if person is not None:
        items.insert(
            0, (Mention(sentence.start, sentence.start + pronoun.end(), pronoun.group(0), PERSON, person.name), person)
        )


def _named_before(view: SentenceView, person: Entity, position: int) -> bool:
    return any(e is person and view.rel(m)[1] <= position for m, e in view.items)


_ROLE_REFERENCE = re.compile(
    # "the Colombian president", "the Colombian mandatary" (a country's word, not one of the post's)
    r"\b[Tt]he\s+(?:(?!(?:Prime|Vice|Deputy|Chief|Crown|Foreign|Acting|First|Executive|Director|Secretary)\b)"
    r"(?P<country>[A-Z][a-z]+)\s+)?"
    r"(?P<role>(?i:minister|president|prime minister|premier|ambassador|chairman|chairwoman|governor|"
    r"mayor|rector|ceo|chief executive|envoy|commissioner|chancellor|vice-chancellor|crown prince|emir|king|"
    r"secretary-general|secretary general|director general|director-general|mandatary|head of state))\b"
    r"(?!\s+(?:of|for)\b|['’]s|\s+[A-Z])"
)
# a head of state by the words translations use: "the mandatary" (el mandatario), "the head of state"
_HEAD_OF_STATE_WORDS = ("mandatary", "head of state")
# "the two leaders opened the forum" (a meeting "between the two leaders" is read with the meeting before it)
# Words one of which a sentence must hold for each reference pattern to be worth running
_ROLE_CUES = (
    *("minister", "president", "premier", "ambassador", "chair", "governor", "mayor", "rector", "ceo"),
    *("chief executive", "envoy", "commissioner", "chancellor", "crown prince", "emir", "king", "secretary"),
    *("director", "mandatary", "head of state"),
)
_GOVERNMENT_CUES = ("government", "side", "authorities")
_TWO_REFERENCE = re.compile(
    r"(?<!between )\b[Tt]he\s+two\s+(?P<role>leaders|presidents|prime ministers|ministers|heads of state)\b"
)
# "the two jointly commissioned …", "the two then signed …": the two persons named last
_BARE_TWO = re.compile(
    r"(?<!between )\b[Tt]he\s+two(?=\s+(?:(?:also|then|later|jointly|together)\s+)?(?:[a-z]{3,}ed|met|held|had|"
    r"signed|spoke|saw|took|gave|made|laid|opened)\b)"
)
# a phrase before the main clause: "On 5 April, on the sidelines of X's visit, he met …"
_FRONTED_PHRASE = re.compile(
    r"\s*(?:On|During|At|In|As part of|Following|After|Before|Amid)\b[^;]*,\s+(?=(?:he|she)\b)"
)
_STATE_ROLES = ("president", "prime minister", "premier", "chancellor")
_LEADER_ROLES = ("president", "prime minister", "premier", "chancellor", "king", "emir", "crown prince")
_INNER_PRONOUN = re.compile(r"(?<=\S\s)\b(?:he|she)\b")


# "the Kingdom", "the Sultanate": the monarchy of that kind the article names (ISO codes)
_REALMS = {
    "Kingdom": {"SA", "MA", "JO", "BH", "GB", "NL", "BE", "ES", "SE", "NO", "DK", "TH", "KH", "SZ", "LS", "TO", "BT"},
    "Sultanate": {"OM", "BN"},
}


def resolve_realms(views: list[SentenceView], registry: Registry) -> None:
    """ "the Kingdom's target", "signed between the Kingdom and Iraq": the one kingdom (or sultanate)
    the article names; none when it names none or several."""
    for word, codes in _REALMS.items():
        realm = registry.by_alias(word)
        named = {e for e in registry.entities if e.type == COUNTRY and e.country_code in codes and e.sentences}
        if realm is None or realm.type == COUNTRY or len(named) != 1:
            continue
        [country] = named
        for view in views:
            for position, (m, entity) in enumerate(view.items):
                if entity is realm and m.text == word:
                    view.items[position] = (m, country)
                    country.sentences.add(view.sentence.index)
        realm.sentences.clear()


def resolve_references(
    views: list[SentenceView], posts: list[Post], country_by_word, main_countries, portfolio_ministry
) -> None:
    """ "The minister met …" is the person last named with that post; "…, he and Xi signed …" is the
    person named just before in the sentence (or first in the one before)."""
    for index, view in enumerate(views):
        found = []
        lower = view.lower
        for match in _ROLE_REFERENCE.finditer(view.text) if any(w in lower for w in _ROLE_CUES) else ():
            role = match.group("role").lower()
            roles = _LEADER_ROLES if role in _HEAD_OF_STATE_WORDS else (role,)
            country = country_by_word(match.group("country")) if match.group("country") else None
            if match.group("country") and country is None:
                continue  # "the Energy Minister": a word of the post, not a country
            holders = [
                p
                for p in posts
                if any(r in p.role.lower() for r in roles)
                and (country is None or p.organization is country)
                and (min(p.sentences) < view.sentence.index or _named_before(view, p.person, match.start()))
            ]
            if holders:
                # "The President received X": a head of state or government (a country's) before a body's president
                state = role in _STATE_ROLES or role in _HEAD_OF_STATE_WORDS
                found.append(
                    (
                        match,
                        max(
                            holders,
                            key=lambda p: (
                                state and p.organization is not None and p.organization.type == COUNTRY,
                                max(p.sentences),
                                p.person.name,
                            ),
                        ).person,
                    )
                )
        for match in _TWO_REFERENCE.finditer(view.text) if "two" in view.text else ():
            # "the two leaders": the two leaders named last (before this sentence or earlier in it)
            role = match.group("role").lower()
            roles = _LEADER_ROLES if role in ("leaders", "heads of state") else (role[:-1],)  # "ministers": "minister"
            named = sorted(
                (
                    p
                    for p in posts
                    if any(r in p.role.lower() for r in roles)
                    and (min(p.sentences) < view.sentence.index or _named_before(view, p.person, match.start()))
                ),
                key=lambda p: (-max((s for s in p.sentences if s <= view.sentence.index), default=0), p.person.name),
            )
            here = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= match.start()]
            here = list(dict.fromkeys(here))
            # "A held talks with B, after which the two presidents signed …": the two this sentence names
            two = here[-2:] if len(here) >= 2 else list(dict.fromkeys(p.person for p in named))[:2]
            if len(two) == 2:
                found += [(match, person) for person in two]
        for match in _BARE_TWO.finditer(view.text) if "two" in view.text else ():
            here = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= match.start()]
            previous = [e for _, e in views[index - 1].items if e is not None and e.type == PERSON] if index else []
            two = list(dict.fromkeys(reversed([*previous, *here])))[:2]
            if len(two) == 2:
                found += [(match, person) for person in reversed(two)]
        for match in _INNER_PRONOUN.finditer(view.text):
            before = [
                e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= match.start()
            ]
            fronted = _FRONTED_PHRASE.match(view.text)
            if fronted and fronted.end() == match.start():
                # "On the sidelines of President X's visit, he met …": not X, but the one the story is about
                before = []
            earlier = _last_persons_sentence(views, index, 4)
            person = before[-1] if before else earlier[0] if earlier else None
            if person is not None:
                found.append((match, person))
        for match in _SAID_IT.finditer(view.text) if " it " in view.text else ():
            # "Vantora announced on Monday that it had signed …": "it" is the organization that spoke
            speaker = [
                e for m, e in view.items if e is not None and e.type in ORG_TYPES and view.rel(m)[1] <= match.start()
            ]
            if speaker:
                found.append((_Span(match.start("it"), match.end("it"), "it"), speaker[-1]))
        for match in _OBJECT_PRONOUN.finditer(view.text) if "him" in lower or "her" in lower else ():
            # "President X received him": the person the sentence before (or this one, before the
            # subject) named who is not the one receiving
            here = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= match.start()]
            previous = [e for _, e in views[index - 1].items if e is not None and e.type == PERSON] if index else []
            subject = here[-1:] if here else []
            person = next((e for e in [*previous, *here[:-1]] if e not in subject), None)
            if person is not None:
                found.append((match, person))
        for match in _GOVERNMENT_REFERENCE.finditer(view.text) if any(w in lower for w in _GOVERNMENT_CUES) else ():
            # "the Mauritanian government", "the government": the country it governs, the one named
            # last or else the one the article names most
            word = match.group("country") or match.group("country_side")
            country = country_by_word(word) if word else _last_named(views, index, match.start(), _is_country)
            country = country or (main_countries[0] if not word and main_countries else None)
            if country is not None:
                found.append((match, country))
        for match in _COUNTRY_MINISTRY.finditer(view.text) if "ministry" in view.text else ():
            # "Kazakhstan's energy ministry", "the Kazakh energy ministry": that country's ministry
            country = country_by_word(match.group("country"))
            if country is not None:
                ministry = portfolio_ministry(match.group("portfolio"), country)
                ministry.sentences.add(view.sentence.index)
                start = match.start("portfolio")
                found.append((_Span(start, match.end(), view.text[start : match.end()]), ministry))
        for match in (
            _COUNTRY_SIDE.finditer(view.text) if "counterpart" in view.text or "delegations" in view.text else ()
        ):
            # "his Kazakh counterpart", "the Turkmen and Afghan delegations": the countries they stand for
            for group in ("a", "a2", "b"):
                country = country_by_word(match.group(group)) if match.group(group) else None
                if country is not None:
                    found.append((_Span(match.start(group), match.end(group), match.group(group)), country))
        for match in _TWO_ORGS.finditer(view.text) if "two" in lower else ():
            # "the two companies signed …", "a meeting between the two companies": the two named last
            fits = _ORG_REFERENCE_KINDS[_SINGULAR.get(match.group("nouns").lower(), match.group("nouns")[:-1])]
            found += [(match, organization) for organization in _last_two_named(views, index, match.start(), fits)]
        for match in _THE_CONSORTIUM.finditer(view.text) if "consortium" in lower else ():
            # "a consortium led by A and B … The consortium signed …": its members
            found += [(match, member) for member in _consortium_members(views, index, match.start())]
        for match in _ORG_REFERENCE.finditer(view.text) if any(w in lower for w in _ORG_REFERENCE_KINDS) else ():
            organization = _last_named(views, index, match.start(), _ORG_REFERENCE_KINDS[match.group("noun").lower()])
            if organization is None and match.group("noun").lower() == "ministry":
                # "Minister of Energy X travelled to China, and the ministry signed …": the minister's ministry
                organization = _ministers_ministry(posts, view.sentence.index, portfolio_ministry)
            if organization is not None:
                found.append((match, organization))
        for match in _HIS_MINISTRY.finditer(view.text) if "ministry" in lower else ():
            # "Minister X said his ministry had hosted …": the ministry of the minister the sentence names
            here = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= match.start()]
            holder = [p for p in posts if here and p.person is here[-1]]
            organization = _ministers_ministry(holder, view.sentence.index, portfolio_ministry) if holder else None
            if organization is not None:
                found.append((match, organization))
        spans: dict[tuple[int, int], list] = {}
        for match, person in found:  # "the two leaders" stands for two persons, the others for one
            spans.setdefault((match.start(), match.end()), [match]).append(person)
        for (a, b), (match, *persons) in spans.items():
            start, end = view.sentence.start + a, view.sentence.start + b
            if any(m.start < end and start < m.end for m, e in view.items if e is not None):
                continue  # part of a name or title already read
            view.items[:] = [(m, e) for m, e in view.items if not (m.start < end and start < m.end)]
            for person in persons:
                view.items.append((Mention(start, end, match.group(0), person.type, person.name), person))
        view.items.sort(key=lambda item: item[0].start)


_SAID_IT = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|reported|stated)\b[^.;,]{0,40}?\s(?:that\s+)?"
    r"(?P<it>it)\s+(?:had|has|would|will|was|is|signed|plans|planned)\b"
)
_OBJECT_PRONOUN = re.compile(
    r"(?:(?<=\breceived )|(?<=\bwelcomed )|(?<=\bgreeted )|(?<=\bhosted )|(?<=\bmet )|(?<=\bmet with ))"
    r"(?:him|her)\b"
)
_GOVERNMENT_REFERENCE = re.compile(
    r"\b[Tt]he\s+(?:(?P<country>[A-Z][a-z]+)\s+)?government\b(?!\s+(?:of|and\s+[a-z]))|"
    r"\b[Tt]he\s+(?P<country_side>[A-Z][a-z]+)\s+(?:side|authorities)\b"
)


_COUNTRY_MINISTRY = re.compile(
    r"\b(?P<country>[A-Z][a-z]+)(?:['’]s)?\s+(?P<portfolio>energy|foreign|economy|finance|trade|industry|mining|"
    r"environment|agriculture|transport|investment)\s+ministry\b"
)
_COUNTRY_SIDE = re.compile(
    r"\b(?:his|her|their)\s+(?P<a>[A-Z][a-z]+)\s+counterparts?\b(?!,?\s+(?:[A-Z]|the\b|H\.E\.))|"
    r"\b[Tt]he\s+(?P<a2>[A-Z][a-z]+)\s+and\s+(?P<b>[A-Z][a-z]+)\s+delegations\b"
)


class _Span:
    """One group of a match, read like a match of its own."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text


def _last_persons_sentence(views: list[SentenceView], index: int, reach: int) -> list[Entity]:
    """The persons of the nearest sentence before ``index`` (at most ``reach`` back) that names any."""
    for view in reversed(views[max(0, index - reach) : index]):
        persons = [e for _, e in view.items if e is not None and e.type == PERSON]
        if persons:
            return persons
    return []


def _is_country(e: Entity) -> bool:
    return e.type == COUNTRY


_FIRST_PERSON = re.compile(
    r"\b(?P<who>[Ww]e|I)(?:\s+|['’]ll\s+)(?:have\s+|had\s+|also\s+|then\s+|just\s+|recently\s+|will\s+|be\s+)*"
    # "I led our delegation to Baku and met …"
    r"(?:(?:led|travelled|traveled|went|flew|was|were)\b[^.;,]{0,60}?\s+and\s+)?"
    r"(?:signed|met|meet|meeting|held|concluded|inked|hosted|received|visited|visit|inaugurated|attended|"
    r"sat down with|sit down with|(?<=had\s)an?\s+(?:[a-z-]+\s+){0,2}(?:meeting|talks|call|conversation))\b"
)
# "BOWEN: …", "MINISTER WONG: …": the speaker of a transcript's turn
_SPEAKER_LABEL = re.compile(r"(?:[A-Z]{2,}\s+)?(?P<name>[A-Z][A-Z'’-]+):\s")


# A post's author box: a name alone on its line, then "CEO, Vantora Solar LLC" on the next
_BYLINE_NAME = re.compile(r"(?:By\s+)?(?P<name>[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,3})")
_BYLINE_POST = re.compile(rf"(?:{TITLE.pattern})[^.;]{{0,60}}$")


def _byline_author(views: list[SentenceView], registry: Registry, posts: dict) -> Entity | None:
    """The person an author box names at the top ("Ana Lund" / "CEO, Vantora Solar LLC"): the
    article's "I", when no interview names another; the box's post is theirs (added to ``posts``)."""
    for view, after in itertools.pairwise(views[:5]):
        name = _BYLINE_NAME.fullmatch(view.text.strip())
        title = _BYLINE_POST.match(after.text.strip())
        if name and title:
            author = registry.add(PERSON, name.group("name"), view.sentence.index)
            organization = next((e for _, e in after.items if e is not None and e.type in ORG_TYPES), None)
            role = re.split(r"\s*,\s*|\s+(?:of|at)\s+", after.text.strip())[0]
            if author not in posts and organization is not None:
                posts[author] = Post(
                    person=author,
                    role=role,
                    organization=organization,
                    sentences={after.sentence.index},
                    rule="post-appositive",
                )
            return author
    return None


_ASKED_THEM = re.compile(r"\b(?:[Ww]e|I)\s+(?:asked|questioned|put\s+(?:our|my)\s+questions\s+to)\s+(?:him|her)\b")
_INTERVIEWED = re.compile(r"\b(?:spoke to|spoke with|talked to|sat down with|interview(?:ed)?)\b", re.I)


def resolve_first_person(
    views: list[SentenceView], registry: Registry, body: str = "", posts: dict | None = None
) -> set[int]:
    """ "We signed …" in a company's statement is that company, "I met …" in an interview is the
    person interviewed: the organization (or person) the article names most; in a transcript, "I"
    is the speaker whose label opens the turn ("BOWEN: I'll be meeting …"). Returns the sentences
    read so, whose facts carry the caveat "first-person"."""

    posts = posts or {}

    def most_named(kinds) -> Entity | None:
        ranked = sorted((e for e in registry.entities if e.type in kinds), key=lambda e: (-len(e.sentences), e.name))
        return ranked[0] if ranked and len(ranked[0].sentences) >= 2 else None

    author = _byline_author(views, registry, posts)
    interview = _INTERVIEWED.search(body, 0, 3000)
    # "We spoke to Minister X about …": the article's "I" is X, and its "we" X's ministry or company
    interviewee = next(
        (
            e
            for view in views
            for m, e in view.items
            if interview and e is not None and e.type == PERSON and interview.end() <= m.start < interview.end() + 200
        ),
        None,
    )
    asked = _ASKED_THEM.search(body, 0, 3000) if interviewee is None else None
    if asked:  # "… Energy Minister X. We asked him about …": the person named last before
        before = [
            e for view in views for m, e in view.items if e is not None and e.type == PERSON and m.start < asked.start()
        ]
        interviewee = before[-1] if before else None

    read = set()
    speaker: Entity | None = None
    for view in views:
        label = _SPEAKER_LABEL.match(view.text)
        if label:  # a new turn: its speaker, if the article names them ("Q:" and "JOURNALIST:" are nobody)
            known = registry.by_alias(label.group("name").title())
            speaker = known if known is not None and known.type == PERSON else None
        elif body[max(0, view.sentence.start - 1) : view.sentence.start] == "\n":
            speaker = None  # a paragraph without a label is the reporter's again
        for match in _FIRST_PERSON.finditer(view.text):
            quoted_by = _quoted_speaker(view, match.start()) if match.group("who") == "I" else None
            if match.group("who") == "I" and (speaker or quoted_by) is not None:
                who = speaker or quoted_by
            elif match.group("who").lower() == "we":
                # a company's statement speaks for the company; an interviewed minister for the ministry
                post = posts.get(interviewee) if interviewee else None
                who = post.organization if post and post.organization else most_named({COMPANY, ORGANIZATION})
            else:
                who = interviewee or author or most_named({PERSON})
            if who is None:
                continue
            start = view.sentence.start + match.start("who")
            view.items.append(
                (Mention(start, start + len(match.group("who")), match.group("who"), who.type, who.name), who)
            )
            view.items.sort(key=lambda item: item[0].start)
            read.add(view.sentence.index)
        you = _SECOND_PERSON.search(view.text) if "you" in view.text else None
        if you and "?" in _line_of(body, view.sentence.start):
            # an interviewer's question: "In December the President received you in Tashkent. What did you hear?"
            who = interviewee or most_named({PERSON})
            if who is not None:
                start = view.sentence.start + you.start("who")
                view.items.append((Mention(start, start + 3, "you", who.type, who.name), who))
                view.items.sort(key=lambda item: item[0].start)
                read.add(view.sentence.index)
    return read


_SECOND_PERSON = re.compile(r"\b(?:received|met|hosted|welcomed|invited)\s+(?P<who>you)\b")


def _line_of(body: str, position: int) -> str:
    """The line of ``body`` that holds ``position``."""
    end = body.find("\n", position)
    return body[body.rfind("\n", 0, position) + 1 : end if end != -1 else len(body)]


# '"I had a good meeting with X today," Minister Y wrote': the one the quote is attributed to
_ATTRIBUTION = re.compile(
    r"[,.!?]?[\"”]\s*,?\s+(?P<who>[^\"“”.;]{3,80}?)\s+(?:said|says|wrote|writes|told|added|tweeted)\b"
)


def _quoted_speaker(view: SentenceView, at: int) -> Entity | None:
    """The person a quote holding position ``at`` is attributed to after it, if the sentence names one."""
    attribution = _ATTRIBUTION.search(view.text, at)
    if attribution is None or not re.search(r"[\"“]", view.text[:at]):
        return None
    persons = [e for e in view.entities_between(*attribution.span("who")) if e.type == PERSON]
    return persons[-1] if persons else None


_ORG_REFERENCE = re.compile(
    # "the company", "the Qatari company", "the state-owned developer"
    r"\b[Tt]he\s+(?:[A-Z][a-z]+(?:i|n|ese|ish)\s+|[a-z]+-(?:owned|based|run)\s+)?"
    r"(?P<noun>ministry|agency|bank|fund|company|corporation|developer|firm|utility|operator|group)\b"
    r"(?!\s+(?:of|for|on)\b|['’]s\s+(?:own\s+)?(?:[A-Z]))"
)


def _is_company(e: Entity) -> bool:
    return e.type == COMPANY or (e.type == ORGANIZATION and not re.search(r"\b(?:Ministry|Agency|Bank|Fund)\b", e.name))


_ORG_REFERENCE_KINDS = {
    "ministry": lambda e: e.type == GOVERNMENT and "Ministry" in e.name,
    "agency": lambda e: e.type in (GOVERNMENT, ORGANIZATION) and "Agency" in e.name,
    "bank": lambda e: "Bank" in e.name and e.type != PERSON,
    "fund": lambda e: "Fund" in e.name and e.type != PERSON,
    **{noun: _is_company for noun in ("company", "corporation", "developer", "firm", "utility", "operator", "group")},
}
_REFERENCE_REACH = 4  # sentences back in which "the ministry" may find the ministry it means


_HIS_MINISTRY = re.compile(r"\b(?:his|her)\s+ministry\b")
_PORTFOLIO = re.compile(r"^(?:Minister\s+(?:of|for)\s+(?P<after>.+)|(?P<before>.+?)\s+Minister)$", re.I)


def _ministers_ministry(posts: list[Post], index: int, portfolio_ministry) -> Entity | None:
    """The ministry of the minister named last (up to sentence ``index``) whose post names a portfolio and a
    country: "Minister of Energy" of Peru → Ministry of Energy of Peru."""
    ministers = [
        p
        for p in posts
        if min(p.sentences) <= index
        and p.organization is not None
        and p.organization.type == COUNTRY
        and _PORTFOLIO.match(p.role)
        and not re.search(r"\b(?:Prime|Deputy|Vice|State|First)\b", p.role, re.I)
    ]
    if not ministers:
        return None
    post = max(ministers, key=lambda p: (max(s for s in p.sentences if s <= index), p.person.name))
    found = _PORTFOLIO.match(post.role)
    portfolio = found.group("after") or found.group("before")
    portfolio = "Foreign Affairs" if portfolio.lower() == "foreign" else portfolio
    ministry = portfolio_ministry(portfolio, post.organization)
    ministry.sentences.add(index)
    return ministry


_TWO_ORGS = re.compile(
    r"\b[Tt]he\s+two\s+(?P<nouns>ministries|agencies|banks|funds|companies|corporations|developers|firms|"
    r"utilities|operators|groups)\b"
)
_SINGULAR = {"ministries": "ministry", "agencies": "agency", "companies": "company", "utilities": "utility"}


# "a consortium led by A and B", "the consortium of A, B and C": who its members are
_CONSORTIUM_OF = re.compile(
    r"\bconsortium\s+(?:led\s+by|of|comprising|formed\s+by|made\s+up\s+of|that\s+includes|including|between)\s+"
)
_THE_CONSORTIUM = re.compile(r"\b[Tt]he\s+consortium\b(?!\s+(?:led|of|comprising|formed|made)\b)")


def _consortium_members(views: list[SentenceView], index: int, before: int) -> list[Entity]:
    """The organizations the last "consortium led by A and B" names, in sentence ``index`` (before
    ``before``) or in the few sentences before it."""
    for back in range(index, max(-1, index - _REFERENCE_REACH - 1), -1):
        view = views[back]
        for match in reversed(list(_CONSORTIUM_OF.finditer(view.text, 0, before if back == index else len(view.text)))):
            end = CLAUSE_END.search(view.text, match.end())
            members = view.entities_between(match.end(), end.start() if end else len(view.text))
            members = [e for e in members if e.type in ORG_TYPES]
            if members:
                return members
    return []


def _last_two_named(views: list[SentenceView], index: int, before: int, fits) -> list[Entity]:
    """The two entities that fit, named last before ``before`` in sentence ``index`` or in the few
    sentences before it; none when the sentence that brings the count to two brings it past two."""
    named: list[Entity] = []
    for back in range(index, max(-1, index - _REFERENCE_REACH - 1), -1):
        view = views[back]
        here = [e for m, e in view.items if e is not None and fits(e) and (back < index or view.rel(m)[1] <= before)]
        named += [e for e in reversed(here) if e not in named and not any(e is n for n in named)]
        if len(named) >= 2:
            return sorted(named, key=lambda e: min(e.sentences))[:2] if len(named) == 2 else []
    return []


def _last_named(views: list[SentenceView], index: int, before: int, fits) -> Entity | None:
    """The entity that fits, named last before ``before`` in sentence ``index`` or in the few
    sentences before it; None when two different ones were named in the nearest sentence that has any."""
    for back in range(index, max(-1, index - _REFERENCE_REACH - 1), -1):
        view = views[back]
        named = [e for m, e in view.items if e is not None and fits(e) and (back < index or view.rel(m)[1] <= before)]
        if named:
            return named[-1] if len(set(map(id, named))) == 1 or back == index else None
    return None
