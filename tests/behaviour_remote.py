"""The behaviour table's remote cases: every fault of item 4 of issue 8, run through the CLI.

Each case starts what it needs (the stub, a real Oxigraph server, a proxy that makes the real server
fail from some request on), runs one command with click's CliRunner and reports the line the user
sees, the exit code and what happened to the data. ``tests/test_remote_faults.py`` runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from click.testing import CliRunner, Result

from pactgraph import remote
from pactgraph.cli import main
from pactgraph.serving import OxigraphServer
from pactgraph.store import Format, load_graph, serialize

from .behaviour import Case, Observed
from .servers import StubServer, fault_proxy, status_stub, unused_port, writable_oxigraph

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "mini-kg.trig"
SEEDS = ROOT / "data" / "kg.trig"
REMOTE = "Remote faults (push, link, query --endpoint)"
#: A client timeout short enough for tests; the stub's drip takes far longer than this in all.
TIMEOUT = "0.5"
NO_CREDENTIALS = {remote.ENV_USER: None, remote.ENV_PASSWORD: None, remote.ENV_TOKEN: None}
EMPTY_RESULTS = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def cli(*args: str) -> Result:
    """Run pactgraph in-process, without credentials from the environment."""
    return CliRunner().invoke(main, list(args), env=NO_CREDENTIALS)


def placeholders(text: str, tmp: Path | None = None) -> str:
    """``text`` without what changes from run to run: ports and temporary folders."""
    if tmp is not None:
        text = text.replace(str(tmp), "<tmp>")
    return re.sub(r"(127\.0\.0\.1|localhost):\d+", r"\1:<port>", text)


def the_line(result: Result, tmp: Path | None = None) -> str:
    """The one line the user sees: the error on stderr, else the summary (stdout, then stderr)."""
    lines = result.stderr.splitlines() if result.exit_code else (result.stdout or result.stderr).splitlines()
    return placeholders(" | ".join(lines), tmp)


def requests_seen(stub: StubServer) -> str:
    """The requests the stub got, in order, repeats counted: ``PUT /store (4 times), POST /update``."""
    calls = [f"{method} {path.split('?')[0]}" for method, path, _ in stub.requests]
    return ", ".join(f"{call} ({n} times)" if (n := len(list(run))) > 1 else call for call, run in groupby(calls))


# --- the three commands against an endpoint URL -----------------------------------------------------------


def run_push(base: str, tmp: Path) -> tuple[Result, str]:
    # --replace: the push also lists the store's graphs, so a bad query answer shows too.
    result = cli("push", "--endpoint", f"{base}/query", "--graph", str(FIXTURE), "--timeout", TIMEOUT, "--replace")
    return result, ""


def run_query(base: str, tmp: Path) -> tuple[Result, str]:
    result = cli("query", "roles", "--endpoint", f"{base}/query", "--timeout", TIMEOUT)
    return result, "nothing printed" if not result.stdout else "rows printed"


def run_link(base: str, tmp: Path) -> tuple[Result, str]:
    links = tmp / "links.csv"
    links.write_text(
        "entity,label,wikidata,wikipedia_en,geonames,iso2,iso3,curator,source,evidence\n"
        "id:country/azerbaijan,Azerbaijan,Q227,,,,,Ann,identifiers.csv,\n",
        encoding="utf-8",
    )
    out, review, cache = tmp / "auto.csv", tmp / "review.csv", tmp / "cache"
    result = cli(
        "link",
        *("--graph", str(SEEDS), "--links", str(links), "--endpoint", f"{base}/sparql", "--timeout", TIMEOUT),
        *("--out", str(out), "--candidates", str(review), "--cache", str(cache)),
    )
    written = [p.name for p in (out, review, cache) if p.exists()]
    return result, f"wrote {', '.join(written)}" if written else "no links, candidates or cache file written"


COMMANDS: dict[str, Callable[[str, Path], tuple[Result, str]]] = {
    "push --replace": run_push,
    "query --endpoint": run_query,
    "link": run_link,
}


def stub_case(command: str, fault: str, configure: Callable[[StubServer], None]) -> Case:
    """``command`` against the stub set up by ``configure``."""

    def run(tmp: Path) -> Observed:
        with status_stub() as stub:
            configure(stub)
            result, outcome = COMMANDS[command](stub.url, tmp)
            seen = requests_seen(stub)
        return Observed(result.exit_code, the_line(result, tmp), "; ".join(filter(None, [f"sent {seen}", outcome])))

    return Case(REMOTE, f"{command}: {fault}", run)


def refused_case(command: str) -> Case:
    def run(tmp: Path) -> Observed:
        result, outcome = COMMANDS[command](f"http://127.0.0.1:{unused_port()}", tmp)
        return Observed(result.exit_code, the_line(result, tmp), outcome or "nothing sent")

    return Case(REMOTE, f"{command}: connection refused", run)


def _status(code: int, headers: dict[str, str] | None = None) -> Callable[[StubServer], None]:
    def configure(stub: StubServer) -> None:
        stub.status, stub.headers = code, headers or {}

    return configure


def _hang(stub: StubServer) -> None:
    stub.hang = True


def _drip(stub: StubServer) -> None:
    # A complete, valid answer at 20 ms a byte: about 3 s in all, far beyond the client's 0.5 s.
    stub.body, stub.drip_s = EMPTY_RESULTS, 0.02


def _cut_off(stub: StubServer) -> None:
    stub.body, stub.cut_off = EMPTY_RESULTS, True


def _not_json(stub: StubServer) -> None:
    stub.body = b"<html><body>Welcome to nginx!</body></html>"


FAULTS: dict[str, Callable[[StubServer], None]] = {
    "timeout (no answer)": _hang,
    "slow drip (a byte every 20 ms)": _drip,
    "HTTP 401": _status(401),
    "HTTP 403": _status(403),
    "HTTP 404": _status(404),
    "HTTP 413": _status(413),
    # Retry-After: 0 keeps the retries quick; without it they wait 1, 2, 4 s.
    "HTTP 429": _status(429, {"Retry-After": "0"}),
    "HTTP 500": _status(500),
    "HTTP 503": _status(503, {"Retry-After": "0"}),
    "answer cut off": _cut_off,
    "answer not JSON": _not_json,
}


# --- push against the real Oxigraph server failing halfway ------------------------------------------------


def _counts(server: OxigraphServer) -> dict[str, int]:
    rows = remote.remote_query(server.query_url, COUNT_PER_GRAPH, credentials=remote.Credentials()).rows
    return {g: int(n) for g, n in rows}


def _before(server: OxigraphServer, tmp: Path) -> dict[str, int]:
    """Put an older version of the graph on the server: the fixture without one article."""
    older = tmp / "older.trig"
    quads = load_graph([FIXTURE], with_ontology=False, for_queries=False)
    older.write_bytes(serialize([q for q in quads if not q.graph_name.value.endswith("/baku-talks")], Format.TRIG))
    ok = cli("push", "--endpoint", server.query_url, "--graph", str(older))
    assert ok.exit_code == 0, ok.output
    return _counts(server)


def _staging(counts: dict[str, int]) -> str:
    staging = [g for g in counts if g.startswith(remote.STAGING_NAMESPACE)]
    return f"{len(staging)} staging graph{'s' if len(staging) != 1 else ''} left"


def _compare(before: dict[str, int], after: dict[str, int]) -> str:
    kept = {g: n for g, n in after.items() if not g.startswith(remote.STAGING_NAMESPACE)}
    return f"{'remote graphs unchanged' if kept == before else 'remote graphs CHANGED'}; {_staging(after)}"


def _local_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in load_graph([FIXTURE], for_queries=False):
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


def _upload_requests(chunk_triples: int) -> int:
    """How many Graph Store requests a push of the fixture sends before its swap."""
    graphs = remote._graphs_to_push([FIXTURE], None)
    return sum(len(remote._chunks(triples, chunk_triples)) for triples in graphs.values())


def halfway_case(name: str, fail_from: int, fault: int, fail_count: int | None, *extra: str) -> Case:
    """push (chunks of 100 triples: about a dozen requests) through a proxy that makes the real
    Oxigraph server fail from request ``fail_from`` on, ``fail_count`` times (None: for good)."""

    def run(tmp: Path) -> Observed:
        with writable_oxigraph() as server, fault_proxy(server.url) as proxy:
            before = _before(server, tmp)
            proxy.fail_from, proxy.fault, proxy.fail_count = fail_from, fault, fail_count
            args = ("--graph", str(FIXTURE), "--chunk-size", "100", "--timeout", "5", *extra)
            result = cli("push", "--endpoint", f"{proxy.url}/query", *args)
            outcome = _compare(before, _counts(server))
            if result.exit_code == 0:
                whole = {g: n for g, n in _counts(server).items() if not g.startswith(remote.STAGING_NAMESPACE)}
                state = "remote graphs equal to the file" if whole == _local_counts() else "remote graphs WRONG"
                outcome = f"pushed after a retry; {state}; {_staging(_counts(server))}"
            elif "--replace" in extra:
                proxy.fail_from = None
                again = cli("push", "--endpoint", f"{proxy.url}/query", "--graph", str(FIXTURE), "--replace")
                outcome += f"; the next push --replace: exit {again.exit_code}, {_staging(_counts(server))}"
        return Observed(result.exit_code, the_line(result, tmp), outcome)

    return Case(REMOTE, name, run)


def read_only_case() -> Case:
    """push to a real read-only Oxigraph (what `pactgraph serve` runs): HTTP 403 from the real server."""

    def run(tmp: Path) -> Observed:
        from pactgraph.serving import serve

        with serve([FIXTURE], port=0) as server:
            before = _counts(server)
            result = cli("push", "--endpoint", server.query_url, "--graph", str(FIXTURE))
            state = "remote graphs unchanged" if _counts(server) == before else "remote graphs CHANGED"
        return Observed(result.exit_code, the_line(result, tmp), state)

    return Case(REMOTE, "push: a read-only Oxigraph server (real HTTP 403)", run)


def wrong_path_case() -> Case:
    """query --endpoint at a path the real Oxigraph server does not have: its own HTTP 404."""

    def run(tmp: Path) -> Observed:
        with writable_oxigraph() as server:
            result = cli("query", "roles", "--endpoint", f"{server.url}/sparql/nothing-here")
        return Observed(result.exit_code, the_line(result, tmp), "nothing printed" if not result.stdout else "rows")

    return Case(REMOTE, "query --endpoint: a wrong path on a real Oxigraph server (HTTP 404)", run)


CASES: list[Case] = [
    *(refused_case(command) for command in COMMANDS),
    *(stub_case(command, fault, configure) for command in COMMANDS for fault, configure in FAULTS.items()),
    read_only_case(),
    wrong_path_case(),
    halfway_case("push: the real server fails one upload request halfway (HTTP 500)", 4, 500, 1),
    halfway_case("push: the real server answers HTTP 503 once halfway", 4, 503, 1),
    halfway_case("push: the real server fails the final swap (HTTP 500)", _upload_requests(100) + 1, 500, 1),
    halfway_case("push --replace: the real server goes away halfway", 4, 0, None, "--replace"),
]
