"""The extraction rules and how sure each makes us: every fact names the rule that read it, and
its confidence is that rule's base confidence lowered by each caveat that applies to it.

Base confidences are calibrated on the development corpus, our own probe corpora
(``corpus/probe``, ``corpus/probe2``) and the tune half of the blind corpus (``corpus/blind/tune``;
never its test half): ``pactgraph evaluate GOLD --by-rule`` over all four measures each rule's
precision and prints the posterior mean of that precision under a uniform prior, rounded down to
0.05 and at most 0.85 (``evaluation.MAX_RULE_CONFIDENCE``: on articles nobody tuned on, facts
stated at 0.9 or more matched only 0.81 to 0.84 of the time).
A rule never seen there keeps the prior, 0.5. A caveat multiplies the confidence by its factor.

>>> from pactgraph.extract.facts import Capacity
>>> c = Capacity(value_mw=100.0, stated="100 MW", technologies=["solar"], status="unknown", project="x",
...              rule="capacity-figure", caveats={"technology-inferred"})
>>> assess(c)
>>> sorted(c.caveats), c.confidence
(['status-unknown', 'technology-inferred'], 0.63)
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import Agreement, ArticleFacts, Capacity, Entity, Fact, Meeting, Partnership, Post


@dataclass(frozen=True)
class Rule:
    """A pattern of the extractor: the relation it reads, its base confidence, what it matches."""

    name: str
    relation: str
    confidence: float
    description: str


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in [
        Rule("meeting-verb", "meeting", 0.85, '"A met B", "A received B", "A hosted B": two named agents and a verb'),
        Rule("talks", "meeting", 0.8, '"A held talks with B", "A and B held talks in C"'),
        Rule(
            "separate-meetings",
            "meeting",
            0.85,
            '"A held separate meetings with B, C and D": one meeting of A with each',
        ),
        Rule(
            "bilateral-series",
            "meeting",
            0.85,
            '"X held a series of bilateral talks. With A, he discussed …": one meeting of X with each one named after',
        ),
        Rule(
            "scheduled-bilateral",
            "meeting",
            0.8,
            '"A\'s programme for Friday listed bilateral meetings with B and C": planned, one with each',
        ),
        Rule(
            "participants-line",
            "meeting",
            0.8,
            'a record\'s "Participants: A and the delegation; B, Minister of …" under the heading of a meeting',
        ),
        Rule(
            "signing-occasion",
            "meeting",
            0.55,
            '"A and B signed the agreement at a ceremony", "… was signed by Minister A and Chairman B": the signing',
        ),
        Rule(
            "ceremony-verb",
            "meeting",
            0.85,
            '"A and B laid the foundation stone of the plant", "X inaugurated the plant"',
        ),
        Rule("visit-verb", "meeting", 0.8, '"A visited C" (a place) or "A visited B" (an agent)'),
        Rule("site-visit", "meeting", 0.65, '"A toured the Rogun site with B", "A visited the headquarters of X"'),
        Rule("visit-noun", "meeting", 0.8, '"A\'s visits to C in April and September": one visit per date'),
        Rule(
            "named-event",
            "meeting",
            0.7,
            "a named or described event (forum, summit, COP29, ceremony) and its participants",
        ),
        Rule("signed-between", "agreement", 0.8, '"… signed a memorandum of understanding between A and B"'),
        Rule("signed-by", "agreement", 0.8, '"A signed an agreement with B", "A and B signed a declaration"'),
        Rule(
            "signed-one-party",
            "agreement",
            0.7,
            '"Energy China signed the EPC contract": one organization, the other party not named',
        ),
        Rule("signed-list-item", "agreement", 0.85, 'a numbered item under "… signed the following documents:"'),
        Rule("adjectival-pair", "agreement", 0.65, '"an Azerbaijani-Chinese memorandum was signed": the two countries'),
        Rule(
            "signed-at-meeting",
            "agreement",
            0.8,
            '"After the talks, four documents were signed": by the sides of the meeting just told',
        ),
        Rule(
            "signed-in-presence",
            "agreement",
            0.65,
            '"the agreement was signed in the presence of President A of X and Y\'s President B": X and Y',
        ),
        Rule(
            "joint-body-pair",
            "agreement",
            0.65,
            '"the Joint Commission of A and B signed a protocol": the two countries the body joins',
        ),
        Rule(
            "document-between",
            "agreement",
            0.85,
            '"the 2019 agreement between A and B": a document in force named, its signing not told',
        ),
        Rule("signed-by-context", "agreement", 0.75, '"the two sides signed": the parties of the meeting just held'),
        Rule("partnership-between", "partnership", 0.85, '"established a strategic partnership between A and B"'),
        Rule("partnership-by-agreement", "partnership", 0.85, "a partnership established by an agreement: its parties"),
        Rule("partnership-adjectival-pair", "partnership", 0.8, '"the Azerbaijani-Chinese strategic partnership"'),
        Rule("partnership-countries", "partnership", 0.85, "a partnership set up in a sentence naming two countries"),
        Rule("partnership-by-context", "partnership", 0.7, '"the two countries elevated ties to …": the main two'),
        Rule(
            "partners-named",
            "partnership",
            0.8,
            '"A and B have been comprehensive strategic partners since 2013", "A became a strategic partner of B"',
        ),
        Rule(
            "partnership-organizations",
            "partnership",
            0.8,
            '"A and B entered into a strategic partnership": the two organizations of the clause',
        ),
        Rule("capacity-figure", "capacity", 0.85, "a power figure (MW, GW, kW, megawatts) in an energy context"),
        Rule("post-title", "post", 0.85, '"Minister of Energy Parviz Shahbazov", "NEA Administrator Wang Hongzhi"'),
        Rule("post-appositive", "post", 0.75, '"Lyu Zexiang, Chairman of China Energy …"'),
        Rule("post-possessive", "post", 0.75, '"Zhang Wei, SOCAR\'s Vice-President for Investments"'),
        Rule("post-title-comma", "post", 0.85, '"China\'s special envoy for climate change, Liu Zhenmin"'),
        Rule("post-appointed", "post", 0.65, '"Orkhan Mammadov was appointed chairman of the board of Azerenerji"'),
        Rule("curation", "any", 1.0, "asserted by a person in the curation file"),
    ]
}

#: Why a fact may be less certain than its rule, and the factor each reason applies.
CAVEATS: dict[str, tuple[float, str]] = {
    "no-participants": (0.3, "an event whose participants the text does not name"),
    "one-participant": (0.9, "a meeting with a single named participant"),
    "planned": (0.9, "announced for the future"),
    "date-from-publication": (0.9, "undated in the text; dated to the month of publication"),
    "date-from-dateline": (0.95, "dated by the article's dateline"),
    "date-from-heading": (0.95, 'dated by the timeline heading over it ("13 May 2022 - …")'),
    "date-from-context": (0.9, "undated in its sentence; dated by the one day the sentence before names"),
    "date-from-meeting": (0.9, "dated by the meeting reported just before it"),
    "date-from-signing": (
        0.9,
        "undated in its sentence; dated by the signing the sentence before reports, with a party in common",
    ),
    "technology-inferred": (0.85, "a capacity whose technology is read from its parts or the capacities around it"),
    "status-unknown": (0.875, "a capacity whose status the text does not say"),
    "organization-guessed": (0.9, "the post's country taken from the article, not the phrase"),
    "first-person": (0.85, '"we signed", "I met": the speaker taken to be the one the article names most'),
    "relative-date-unresolved": (0.9, "a relative date in its sentence left unresolved: the article is undated"),
    "name-typed-by-model": (0.8, "a participant or party that only the statistical name model says is a name"),
    "counted-not-named": (0.9, 'one of the documents a sentence counts but does not name ("five texts were signed")'),
    "other-party-unidentified": (1.0, "only one party identified (the rule signed-one-party says how sure)"),
    "kind-unsaid": (0.85, 'a listed document named by its parties and topic only ("• A x B: energy infrastructure")'),
}


def assess(fact: Fact) -> None:
    """Add the caveats that follow from the fact itself, then set its confidence."""
    if isinstance(fact, Meeting):
        if not fact.participants:
            fact.caveats.add("no-participants")
        elif len(fact.participants) == 1:
            fact.caveats.add("one-participant")
        if fact.planned:
            fact.caveats.add("planned")
    if isinstance(fact, Capacity) and fact.status == "unknown":
        fact.caveats.add("status-unknown")
    if any(member.guessed for member in _members(fact)):
        fact.caveats.add("name-typed-by-model")
    confidence = RULES[fact.rule].confidence
    for caveat in sorted(fact.caveats):
        confidence *= CAVEATS[caveat][0]
    fact.confidence = round(confidence, 2)


def _members(fact: Fact) -> list[Entity]:
    if isinstance(fact, Meeting):
        return fact.participants
    if isinstance(fact, Agreement):
        return fact.parties
    if isinstance(fact, Partnership):
        return fact.partners
    if isinstance(fact, Post):
        return [fact.person]
    return []


def assess_all(facts: ArticleFacts) -> None:
    """Set the confidence of every fact of an article."""
    kinds: tuple[list[Meeting] | list[Agreement] | list[Partnership] | list[Capacity] | list[Post], ...] = (
        facts.meetings,
        facts.agreements,
        facts.partnerships,
        facts.capacities,
        facts.posts,
    )
    for facts_of_kind in kinds:
        for fact in facts_of_kind:
            assess(fact)
