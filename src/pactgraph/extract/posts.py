"""Posts: a person holds a role in an organization or country ("Azerbaijani Minister of Energy
Parviz Shahbazov", "Lyu Zexiang, Chairman of China Energy International Group Co. Ltd.")."""

from __future__ import annotations

import re

from . import gazetteer
from .entities import SentenceView
from .facts import COUNTRY, PERSON, PLACE, Entity, Post
from .lexicon import TITLE

_APPOSITIVE = re.compile(
    r"^\s*,\s*(?!and\s|or\s)(?:the\s+|its\s+|his\s+|her\s+|an?\s+)?(?P<title>(?:[A-Za-z][\w-]*\s+){0,6}?[A-Za-z][\w-]*)\s+(?:of|at)\s+(?:the\s+)?$"
)
_APPOSITIVE_POSSESSIVE = re.compile(r"^\s*,\s*$")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")


_HEAD_OF_STATE = {"President", "Prime Minister", "Premier", "King", "Emir", "Vice President"}


def _country_after(view: SentenceView, index: int) -> Entity | None:
    """The country "of" joins to the name at ``index`` ("President Ivo Marek of Peru")."""
    if index + 1 >= len(view.items):
        return None
    (mention, _), (following, country) = view.items[index], view.items[index + 1]
    joined = _OF.fullmatch(view.text, view.rel(mention)[1], view.rel(following)[0])
    return country if joined and country is not None and country.type == COUNTRY else None


def read_posts(view: SentenceView, home_country: Entity | None, country_named) -> list[Post]:
    posts = _read_posts(view, home_country, country_named)
    for post in posts:
        post.role = _ABBREVIATED_TITLE.sub("Prime Minister", post.role)  # "PM Jan Novak"
    return posts


def known_countries(posts: list[Post], country_of_code) -> None:
    """ "President Xi Jinping", "Foreign Minister Wang Yi": an official the gazetteer knows holds a post
    of the country they serve, when the article names no organization for it."""
    known = gazetteer.leaders()
    for post in posts:
        if post.organization is not None:
            continue
        code = next((known[n] for n in (post.person.name, *sorted(post.person.aliases)) if n in known), None)
        if code is not None and _GOVERNMENT_POST.search(post.role) and not _EVENT_POST.search(post.role):
            post.organization = country_of_code(code)


# a post of a government, not a company's chairman (an event's, "COP29 President", is ruled out below)
_GOVERNMENT_POST = re.compile(
    r"\b(?:President|Premier|Chancellor|King|Emir|Sultan|Prince|Minister|Secretary|Envoy|Head of State)\b",
    re.I,
)


_EVENT_POST = re.compile(r"\bCOP\d*\b|Summit|Forum|Conference|Assembly", re.I)


def guess_heads_countries(posts: list[Post], main_countries: list[Entity]) -> None:
    """ "When President Ilham Aliyev visited Beijing, he and Chinese President Xi Jinping signed …": a
    head of state named without a country leads one of the article's two main countries that no head
    of state of the article is said to lead."""
    heads = [p for p in posts if p.role in _HEAD_OF_STATE]
    stated = {p.person: p.organization for p in heads if p.organization is not None}
    claimed = set(stated.values())
    guessed: dict[Entity, Entity] = {}  # one person, one country, however often the post is read
    for post in heads:
        if post.organization is not None:
            continue
        if post.person in stated:  # "President Xi" after "Chinese President Xi Jinping"
            post.organization = stated[post.person]
            continue
        # only the article's two main countries: a third is too weak a guess
        country = guessed.get(post.person) or next((c for c in main_countries[:2] if c not in claimed), None)
        if country is not None:
            post.organization = guessed[post.person] = country
            claimed.add(country)
            post.caveats.add("organization-guessed")


_ABBREVIATED_TITLE = re.compile(r"\bPM\b")
# "the energy ministers of A, B and C – X, Y and Z – signed …": each of the persons, in order
_RESPECTIVE = re.compile(
    r"\b(?P<title>(?:(?!the\b)[a-z]+\s+){0,2}"
    r"(?:ministers|presidents|prime ministers|heads of state|chairmen|ambassadors))"
    r"\s+of\s+(?P<owners>[^–—-]{3,120}?)\s*(?:[–—]|\s-)\s*(?P<names>[^–—]{3,200}?)\s*(?:[–—]|\s-\s)",
    re.I,
)


_RESPECTIVE_CUES = ("ministers", "presidents", "heads of state", "chairmen", "ambassadors")


def _respective_posts(view: SentenceView) -> list[Post]:
    lower = view.lower
    if not any(c in lower for c in ("–", "—", " -")) or not any(w in lower for w in _RESPECTIVE_CUES):
        return []
    match = _RESPECTIVE.search(view.text)
    if not match:
        return []
    owners = [e for e in view.entities_between(match.start("owners"), match.end("owners")) if e.type != PERSON]
    persons = [e for e in view.entities_between(match.start("names"), match.end("names")) if e.type == PERSON]
    if len(owners) < 2 or len(owners) != len(persons):
        return []
    role = re.sub(r"(?i)men$", "man", match.group("title"))
    role = role[:-1] if role.endswith("s") and not role.endswith("ss") else role
    return [
        Post(person=person, role=role, organization=owner, sentences={view.sentence.index}, rule="post-title")
        for person, owner in zip(persons, owners, strict=True)
    ]


def _read_posts(view: SentenceView, home_country: Entity | None, country_named) -> list[Post]:
    posts: list[Post] = _respective_posts(view)
    items = view.items
    for index, (m, person) in enumerate(items):
        if person is None or person.type != PERSON or any(p.person is person for p in posts):
            continue
        if m.title:
            role, org = _split_title(view, m.title, index, country_named)
            if re.search(r"(?:President|Minister|Premier|Ambassador|Chairman|Governor)s$", role):
                # "Presidents A, B and C": the post, in the singular, of each person the list names
                role = role[:-1]
                for person_after in _listed_after(view, index):
                    posts.append(
                        Post(person=person_after, role=role, sentences={view.sentence.index}, rule="post-title")
                    )
            if org is None:
                org = _qualifier_before(view, m.title_start) or (
                    country_named(m.title_country) if m.title_country else None
                )
            if org is None:  # "President Ivo Marek of Peru": the country named right after
                org = _country_after(view, index)
            if org is None and re.search(r"\bits\s+$", view.text[: m.title_start - view.sentence.start]):
                org = _last_organization_before(view, m.title_start)  # "a delegation of X led by its chairman"
            caveats = set()
            if org is None and "minister" in role.lower():
                countries = {e for _, e in view.items if e is not None and e.type == COUNTRY}
                org = next(iter(countries)) if len(countries) == 1 else home_country
                caveats = {"organization-guessed"} if org else set()
            posts.append(
                Post(
                    person=person,
                    role=role,
                    organization=org,
                    sentences={view.sentence.index},
                    rule="post-title",
                    caveats=caveats,
                )
            )
            continue
        post = _appositive(view, index) or _title_before_comma(view, index, country_named) or _appointed(view, index)
        if post:
            posts.append(post)
    return posts


def _listed_after(view: SentenceView, index: int) -> list[Entity]:
    """The persons listed right after the one at ``index``: "A, B and C"."""
    out = []
    end = view.rel(view.items[index][0])[1]
    for m, e in view.items[index + 1 :]:
        a, b = view.rel(m)
        if e is None or e.type != PERSON or not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", view.text[end:a]):
            break
        out.append(e)
        end = b
    return out


_HONORIFIC_BEFORE_NAME = (
    r"(?:(?:His|Her)\s+(?:Excellency|Majesty|Highness|Royal Highness)\s+|H\.E\.\s+)?"
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Shri|Smt|Hon)\.?\s+)?$"
)
_TITLE_BEFORE_COMMA = re.compile(  # the greedy .* makes it the last possessor before the name
    r"^.*(?:(?P<owner>[A-Z][\w-]*)['’]s|\b(?P<its>its|his|her|their)|\b[Tt]he\s+(?P<demonym>[A-Z][a-z]+)|\b(?P<the>[Tt]he))\s+"
    r"(?P<title>[A-Za-z][\w-]*(?:\s+(?:[A-Za-z][\w'’-]*)){0,5}?)"
    r"(?:\s+of\s+(?P<of>(?:the\s+)?[\w'’.,&\s-]{2,80}?))?\s*,\s*" + _HONORIFIC_BEFORE_NAME
)
# protocol style, a capitalised title of a state: "Prime Minister of the Federal Democratic Republic of
# Ethiopia, His Excellency Dr. Abiy Ahmed", "… with the President of Sri Lanka, H.E. Mr. Anura …"
_PROTOCOL_START = re.compile(r"(?:^|\band\s+|[,;:]\s*|\b[Tt]he\s+)(?=[A-Z])")
_PROTOCOL_TITLE = re.compile(
    r"(?P<title>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}?)\s+of\s+(?P<of>(?:the\s+)?[^,;]{2,80}?)\s*,\s*"
    + _HONORIFIC_BEFORE_NAME
)


def _protocol_title(before: str) -> re.Match | None:
    """The last "Title of X, " right before a name whose title is a post."""
    for start in reversed([m.end() for m in _PROTOCOL_START.finditer(before)]):
        match = _PROTOCOL_TITLE.fullmatch(before, start)
        if match and _is_title(match.group("title")) and TITLE.match(match.group("title")):
            return match
    return None


def _title_before_comma(view: SentenceView, index: int, country_named) -> Post | None:
    """A title before a comma, then the name: "China's special envoy for climate change, Liu
    Zhenmin", "SOCAR Green's general director, Farid Abbasov", "the chairman of State Grid
    Corporation of China, Zhang Zhigang", "the president of the company, Liu Yanping"."""
    m, person = view.items[index]
    start, _ = view.rel(m)
    match = _protocol_title(view.text[:start]) or _TITLE_BEFORE_COMMA.search(view.text[:start])
    if not match or not _is_title(match.group("title")) or not TITLE.match(match.group("title").title()):
        return None
    organizations = [
        (view.rel(m2), e) for m2, e in view.items[:index] if e is not None and e.type not in (PERSON, "Place")
    ]
    if match.group("of"):  # "the chairman of X, Name": X, or the company last named for "the company"
        inside = [e for (a, _), e in organizations if a >= match.start("of")]
        owner = inside[-1] if inside else None
        if owner is None and re.fullmatch(r"the\s+(?:company|firm|group|corporation)", match.group("of").strip()):
            owner = organizations[-1][1] if organizations else None
        if owner is None and match.groupdict().get("owner"):  # "Peru's Minister of Foreign Affairs, X"
            owner = country_named(match.group("owner"))
    elif match.groupdict().get("demonym"):
        owner = country_named(match.group("demonym"))
    elif match.groupdict().get("its"):
        owner = _last_organization_before(view, match.start("its") + view.sentence.start)
    elif match.groupdict().get("the"):
        owner = None
    else:  # "Kazakhstan's ambassador", "SOCAR Green's general director": the name before the possessive
        owner = country_named(match.group("owner")) or next(
            (e for (_, b), e in reversed(organizations) if match.end("owner") - 25 <= b <= match.end("owner")), None
        )
    if owner is None:
        return None
    return Post(
        person=person,
        role=match.group("title"),
        organization=owner,
        sentences={view.sentence.index},
        rule="post-title-comma",
    )


_APPOINTED = re.compile(
    r"^\s+(?:was|has been|had been|is)\s+(?:appointed|named|elected|designated)\s+(?:as\s+)?(?:the\s+)?"
    r"(?P<title>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?:\s+of\s+(?:the\s+)?(?P<of>[^,;.]+))?(?=[,;.]|\s+(?:with|and|in|on|by)\b|$)"
)


def _appointed(view: SentenceView, index: int) -> Post | None:
    """ "Orkhan Mammadov was appointed chairman of the board of Azerenerji OJSC"."""
    m, person = view.items[index]
    _, end = view.rel(m)
    match = _APPOINTED.match(view.text[end:])
    if not match or not _is_title(match.group("title")):
        return None
    owners = [
        e
        for m2, e in view.items[index + 1 :]
        if e is not None and e.type not in (PERSON, "Place") and view.rel(m2)[0] < end + match.end()
    ]
    title = match.group("title") + (" of the board" if "board" in (match.group("of") or "") else "")
    return Post(
        person=person,
        role=title,
        organization=owners[-1] if owners else None,
        sentences={view.sentence.index},
        rule="post-appointed",
    )


def _last_organization_before(view: SentenceView, position: int) -> Entity | None:
    found = [e for m, e in view.items if e is not None and e.type not in (PERSON, "Place") and m.end <= position]
    return found[-1] if found else None


def _split_title(view: SentenceView, title: str, index: int, country_named) -> tuple[str, Entity | None]:
    """ "President of China" → ("President", China) and "Minister of Energy of the Republic of
    Azerbaijan" → ("Minister of Energy", Azerbaijan): the first "of" followed by a known entity."""
    for match in _OF.finditer(title):
        role, rest = title[: match.start()], title[match.end() :]
        country = country_named(rest)
        if country is not None:
            return role, country
        for m, e in view.items[:index]:
            if e is not None and e.type != PERSON and m.text == rest:
                return role, e
    return title, None


def _qualifier_before(view: SentenceView, title_start: int | None) -> Entity | None:
    """The organization or country written right before the title: "NEA Administrator",
    "China's National Energy Administration …", "Azerbaijani Minister"."""
    if title_start is None:
        return None
    for m, e in view.items:
        if e is None or e.type == PERSON:
            continue
        gap = view.sentence.text[m.end - view.sentence.start : title_start - view.sentence.start]
        if m.end <= title_start and re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]{1,9}\))?\s*(?:['’]s)?\s*", gap):
            return e  # also "European Investment Bank (EIB) Vice-President X"
    return None


def _appositive(view: SentenceView, index: int) -> Post | None:
    """ "Name, title of Org" and "Name, Org's title"."""
    m, person = view.items[index]
    text = view.text
    _, end = view.rel(m)
    following = view.items[index + 1 : index + 4]
    for position, (m2, org) in enumerate(following):
        if org is None or org.type == PERSON:
            continue
        a, b = view.rel(m2)
        if position + 1 < len(following) and following[position + 1][1] is not None:
            m3, org3 = following[position + 1]
            if text[b : view.rel(m3)[0]].strip() in {"'s", "’s"} and org3.type != PERSON:
                b = view.rel(m3)[1]  # "rector of SOCAR's Baku Higher Oil School": the school
                org = org3
        between = re.sub(
            r"(?:[A-Z][\w-]*\s+)*\S+['’]s\s*$", "", text[end:a]
        )  # "rector of SOCAR's Baku Higher Oil School"
        match = _APPOSITIVE.match(between)
        if match and _is_title(match.group("title")):
            return Post(
                person=person,
                role=match.group("title").strip(),
                organization=org,
                sentences={view.sentence.index},
                rule="post-appositive",
            )
        if _APPOSITIVE_POSSESSIVE.match(between):
            after = re.match(
                r"^(?:'s|’s)\s+(?P<title>(?:[A-Z][\w-]*\s*){1,4}(?:\s+(?:for|of|in)\s+(?:[A-Z][\w-]*\s*(?:and\s+)?){1,4})?|"
                r"(?:(?:deputy|vice|executive|acting)\s+)?(?:chief executive|chairman|chairwoman|president|head|"
                r"managing director|general director)(?=,))",  # "…, Vantora's chief executive,"
                text[b:],
            )
            if after and _is_title(after.group("title")):
                return Post(
                    person=person,
                    role=after.group("title").strip().rstrip(","),
                    organization=org,
                    sentences={view.sentence.index},
                    rule="post-possessive",
                )
        if org.type == PLACE and re.search(r"\b(?:for|in)\s+$", text[end:a]):
            continue  # "managing director for Africa of Siemens AG": the region of the post, then its holder
        break
    return None


_NOT_IN_A_TITLE = re.compile(r"\b(?:today|yesterday|tomorrow|said|says|told|[a-z]+ed)\b")


def _is_title(words: str) -> bool:
    """ "Minister of Energy", "deputy chairman", not "today welcomed the President" (a clause)."""
    titled = TITLE.search(words.title()) or TITLE.search(words)  # "deputy chairman"; "CEO" as written
    return bool(titled) and len(words.split()) <= 7 and not _NOT_IN_A_TITLE.search(words)
