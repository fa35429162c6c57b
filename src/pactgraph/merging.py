"""Entities and facts merged across the corpus, kept up to date in the build state.

A change to some articles changes the merged description of the entities they mention (and of
the people a lone surname is matched to), and the merged values of the facts they report. These
functions update exactly those, with the functions the in-memory build uses
(``resolve.merged_entity``, ``build.merged_fact``), and say what changed, so that only the graphs
written from it are written again.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING

from .build import Reported, merged_fact, reported
from .cache import value_digest
from .state import BuildState, pack, unpack
from .vocab import iri

if TYPE_CHECKING:  # imported where they are used: a rebuild with nothing to read does not load the extractor
    from .extract.facts import ArticleFacts, Fact
    from .resolve import Resolved

Key = tuple[str, str]


def facts_of(facts: ArticleFacts) -> list[Fact]:
    return [*facts.meetings, *facts.agreements, *facts.partnerships, *facts.capacities, *facts.posts]


def record_mentions(state: BuildState, path: str, facts: ArticleFacts | None) -> set[Key]:
    """Replace the mentions of one article (None: it is gone), and their counts per entity
    (``tally``); the entities whose mentions changed. The article's row gives the mentions their
    place in the corpus's order."""
    tally: Counter[tuple[str, str, str, str]] = Counter()
    keys = set()
    for f, s, name, kind, aliases in state.rows(
        "SELECT folder, slug, name, type, aliases FROM mention WHERE path = ?", (path,)
    ):
        keys.add((f, s))
        tally.update({(f, s, "name", name): -1, (f, s, "type", kind): -1})
        if aliases is not None:
            tally[(f, s, "aliases", aliases)] -= 1
    state.db.execute("DELETE FROM mention WHERE path = ?", (path,))
    if facts is not None:
        from .resolve import entity_key, mention_of

        (order,) = state.db.execute("SELECT ord FROM article WHERE path = ?", (path,)).fetchone()
        rows = []
        for seq, entity in enumerate(facts.entities):
            key = entity_key(entity)
            keys.add(key)
            name, kind, aliases, code, home = mention_of(entity)
            others = json.dumps(sorted(aliases), ensure_ascii=False) if aliases else None
            rows.append((*key, path, order, seq, name, kind, others, code or None, home or None))
            tally.update({(*key, "name", name): 1, (*key, "type", kind): 1})
            if others is not None:
                tally[(*key, "aliases", others)] += 1
        state.many("INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    steps = [(*row, n) for row, n in sorted(tally.items()) if n]
    state.many("INSERT INTO tally VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n", steps)
    state.many("DELETE FROM tally WHERE folder = ? AND slug = ? AND what = ? AND value = ? AND n = 0",
               (row for *row, n in steps if n < 0))  # fmt: skip
    return keys


def _merged(state: BuildState, key: Key) -> Resolved | None:
    """``resolve.merged_entity`` of all the mentions of ``key``, from their counts per name,
    type and other names (``tally``) and the last country code and country given (an index
    seek): constant work, also for a country named in every other article."""
    found: dict[str, Counter] = {"name": Counter(), "type": Counter(), "aliases": Counter()}
    for what, value, n in state.rows("SELECT what, value, n FROM tally WHERE folder = ? AND slug = ?", key):
        found[what][value] = n
    if not found["name"]:
        return None
    from .resolve import entity_from

    aliases: set[str] = set()
    for each in found["aliases"]:
        aliases.update(json.loads(each))
    last = {}
    for column in ("code", "home"):
        row = state.db.execute(
            f"SELECT {column} FROM mention WHERE folder = ? AND slug = ? AND {column} IS NOT NULL "
            "ORDER BY ord DESC, seq DESC LIMIT 1",
            key,
        ).fetchone()
        last[column] = row[0] if row else None
    return entity_from(key, found["name"], found["type"], aliases, last["code"], last["home"])


def _person_columns(key: Key, base: Resolved | None) -> tuple[str | None, str | None, str | None]:
    if base is None or key[0] != "person":
        return None, None, None
    from .resolve import lone_word, owner_words

    words = sorted(owner_words(base.label))
    if words:
        return None, words[0], words[-1]
    return lone_word(base.label), None, None


def update_entities(state: BuildState, touched: str) -> str:
    """Merge the mentions of the entities in the temporary table ``touched`` (``k0``, ``k1``: folder
    and slug) again, match lone surnames again where that can change; the temporary table of the
    entities whose merged description (as a graph shows it) changed.

    One entity at a time, from tables to tables: a cold build touches every entity of the corpus."""
    changed = state.keyed("changed_entities", (), columns=2)
    again = state.keyed("again", (), columns=2)  # entities whose description is made again
    words: set[str] = set()
    appeared_or_gone: set[str] = set()
    query = "SELECT lone, first, last, base FROM entity WHERE folder = ? AND slug = ?"
    for key in (key for page in state.pages(touched, columns=2) for key in page):
        *before, old = state.db.execute(query, key).fetchone() or (None, None, None, None)
        base = _merged(state, key)
        if base is None if old is None else base is not None and unpack(old) == base:
            continue  # an entity whose mentions add up to the same changes nothing
        columns = _person_columns(key, base)
        words |= {w for w in (*before, *columns) if w}
        if key[0] == "country" and (old is None) != (base is None):
            appeared_or_gone.add(iri(*key).value)
        if base is None:
            state.db.execute("DELETE FROM entity WHERE folder = ? AND slug = ?", key)
            state.mark("changed_entities", [key], columns=2)
        else:
            home = base.in_country.value if base.in_country is not None else None
            state.db.execute(
                "INSERT INTO entity(folder, slug, lone, first, last, home, base) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(folder, slug) DO UPDATE SET base = excluded.base, lone = excluded.lone, "
                "first = excluded.first, last = excluded.last, home = excluded.home",
                (*key, *columns, home, pack(base)),
            )
            state.mark("again", [key], columns=2)
    for country in sorted(appeared_or_gone):  # a place says which country it is in only when that country is known
        for f, s, first, last in state.rows("SELECT folder, slug, first, last FROM entity WHERE home = ?", (country,)):
            state.mark("again", [(f, s)], columns=2)
            words |= {w for w in (first, last) if w}
    state.mark("again", _people_of_words(state, words), columns=2)
    for key in (key for page in state.pages(again, columns=2) for key in page):
        value, digest = _effective(state, key)
        previous = state.db.execute("SELECT digest FROM entity WHERE folder = ? AND slug = ?", key).fetchone()
        if previous[0] != digest:
            state.mark("changed_entities", [key], columns=2)
            state.db.execute(
                "UPDATE entity SET value = ?, digest = ? WHERE folder = ? AND slug = ?", (pack(value), digest, *key)
            )
    return changed


def _people_of_words(state: BuildState, words: set[str]) -> set[Key]:
    """Those whose matching a change of ``words`` can alter: the lone surnames among ``words``,
    the people with a first or last name among them, and the lone surnames matched to those
    people by their other name (their description is the person's)."""
    found: set[Key] = set()
    others: set[str] = set()
    for word in words:
        for column in ("lone", "first", "last"):
            for f, s, first, last in state.rows(
                f"SELECT folder, slug, first, last FROM entity WHERE {column} = ? AND folder = 'person'", (word,)
            ):
                found.add((f, s))
                others |= {w for w in (first, last) if w}
    query = "SELECT folder, slug FROM entity WHERE lone = ? AND folder = 'person'"
    for word in others - words:
        found |= {(f, s) for f, s in state.rows(query, (word,))}
    return found


def _effective(state: BuildState, key: Key) -> tuple[Resolved, str]:
    """The description graphs show of ``key`` (an entity of the state): the merged entity, with
    the lone surnames matched to a person (``resolve._merge_lone_surnames``), and whether the
    country of a place is known."""
    base, lone = state.db.execute("SELECT base, lone FROM entity WHERE folder = ? AND slug = ?", key).fetchone()
    base = unpack(base)
    if key[0] == "person":
        owner = _owner(state, lone) if lone else None
        value = _with_lone_surnames(state, owner if owner is not None else key, base)
    else:
        value = base
    known = value.in_country is not None and _exists(state, value.in_country.value)
    return value, value_digest(value, known)


def _owner(state: BuildState, word: str) -> Key | None:
    owners = {
        tuple(row)
        for column in ("first", "last")
        for row in state.rows(f"SELECT folder, slug FROM entity WHERE {column} = ? AND folder = 'person'", (word,))
    }
    return owners.pop() if len(owners) == 1 else None


def _with_lone_surnames(state: BuildState, key: Key, base: Resolved) -> Resolved:
    row = state.db.execute("SELECT base, first, last FROM entity WHERE folder = ? AND slug = ?", key).fetchone()
    full, first, last = unpack(row[0]), row[1], row[2]
    if first is None:
        return base
    full = copy.deepcopy(full)
    for word in {first, last}:
        if _owner(state, word) != key:
            continue
        for (lone,) in state.rows("SELECT base FROM entity WHERE folder = 'person' AND lone = ?", (word,)):
            lone = unpack(lone)
            full.aliases |= {lone.label, *lone.aliases}
    return full


def _exists(state: BuildState, entity_iri: str) -> bool:
    folder, _, rest = entity_iri.rpartition("/")
    return (
        state.db.execute(
            "SELECT 1 FROM entity WHERE folder = ? AND slug = ?", (folder.rsplit("/", 1)[-1], rest)
        ).fetchone()
        is not None
    )


def entities_for(state: BuildState, keys: Iterable[Key]) -> dict[Key, Resolved]:
    """The merged descriptions of ``keys``, and the known countries they are in (a graph names a
    place's country only when the corpus knows it)."""
    found: dict[Key, Resolved] = {}
    for key in set(keys):
        row = state.db.execute("SELECT value FROM entity WHERE folder = ? AND slug = ?", key).fetchone()
        if row is None:
            continue
        found[key] = value = unpack(row[0])
        if value.in_country is not None:
            country = ("country", value.in_country.value.rsplit("/", 1)[-1])
            value = state.db.execute("SELECT value FROM entity WHERE folder = ? AND slug = ?", country).fetchone()
            if value is not None:
                found.setdefault(country, unpack(value[0]))
    return found


def record_facts(state: BuildState, path: str, facts: ArticleFacts | None, entities: dict) -> set[str]:
    """Replace the reports of one article's facts (None: it is gone); the fact IRIs touched."""
    iris = {i for (i,) in state.rows("SELECT iri FROM fact WHERE path = ?", (path,))}
    state.db.execute("DELETE FROM fact WHERE path = ?", (path,))
    if facts is not None:
        from .triples import fact_iri

        rows = []
        for seq, fact in enumerate(facts_of(facts)):
            fact_id = fact_iri(fact, entities).value
            iris.add(fact_id)
            rows.append((fact_id, path, seq, pack(reported(fact))))
        state.many("INSERT INTO fact VALUES (?, ?, ?, ?)", rows)
    return iris


def update_merged(state: BuildState, iris: str) -> str:
    """Merge the reports of the facts in the temporary table ``iris`` again; the temporary table
    of the articles whose facts now say something else."""
    affected = state.keyed("affected", ())
    query = (
        f"SELECT f.iri, f.path, f.value FROM {iris} t CROSS JOIN fact f ON f.iri = t.k0 "
        "JOIN article a ON a.path = f.path ORDER BY f.iri, a.ord, f.seq"
    )  # the facts to merge first (CROSS JOIN keeps SQLite's order): else it scans every fact
    for fact_id, group in groupby(state.rows(query), key=lambda row: row[0]):
        rows = list(group)
        value = merged_fact([unpack(v) for *_, v in rows]) if len(rows) > 1 else None
        digest = value_digest(value) if value is not None else None
        row = state.db.execute("SELECT digest FROM merged WHERE iri = ?", (fact_id,)).fetchone()
        if (row[0] if row else None) == digest:
            continue
        state.mark("affected", (p for _, p, _ in rows))
        if value is None:
            state.db.execute("DELETE FROM merged WHERE iri = ?", (fact_id,))
        else:
            state.db.execute("INSERT OR REPLACE INTO merged VALUES (?, ?, ?)", (fact_id, digest, pack(value)))
    # facts no article reports any more
    state.db.execute(f"DELETE FROM merged WHERE iri IN (SELECT k0 FROM {iris}) AND iri NOT IN (SELECT iri FROM fact)")
    return affected


def merged_for(state: BuildState, iris: Iterable[str]) -> dict[str, Reported]:
    """What the reports of each of ``iris`` say together, for those reported more than once."""
    found = {}
    for fact_id in set(iris):
        row = state.db.execute("SELECT value FROM merged WHERE iri = ?", (fact_id,)).fetchone()
        if row is not None:
            found[fact_id] = unpack(row[0])
    return found
