"""The behaviour table's remote cases: items 4 (remote faults) and 5 (endpoint safety) of issue 8.

Each case starts what it needs (the stub, a real Oxigraph server, a proxy that makes the real server
fail from some request on, ``pactgraph serve``'s guarded server), runs one command with click's
CliRunner (or the API where there is no command) and reports the line the user sees, the exit code
and what happened to the data. ``tests/test_remote_faults.py`` and ``tests/test_endpoint_safety.py``
run them all.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from click.testing import CliRunner, Result

from pactgraph import remote
from pactgraph.cli import main
from pactgraph.serving import OxigraphServer, ServedGraph, is_loopback, serve
from pactgraph.store import Format, load_graph, serialize
from tests.behaviour import Case, Observed
from tests.servers import LOOPBACK, StubServer, fault_proxy, status_stub, unused_port, writable_oxigraph

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "mini-kg.trig"
SEEDS = ROOT / "data" / "kg.trig"
REMOTE = "Remote faults (push, link, query --endpoint)"
SAFETY = "Endpoint safety (serve)"
CRASH_QUERY = ROOT / "tests" / "data" / "crash-order-by.rq"
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


def wrong_path_case() -> Case:
    """query --endpoint at a path the real Oxigraph server does not have: its own HTTP 404."""

    def run(tmp: Path) -> Observed:
        with writable_oxigraph() as server:
            result = cli("query", "roles", "--endpoint", f"{server.url}/sparql/nothing-here")
        return Observed(result.exit_code, the_line(result, tmp), "nothing printed" if not result.stdout else "rows")

    return Case(REMOTE, "query --endpoint: a wrong path on a real Oxigraph server (HTTP 404)", run)


# --- pactgraph serve: the guard in front of Oxigraph --------------------------------------------------------

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def still_answers(server: ServedGraph) -> str:
    """Whether the server answers the next query, with the graph it had."""
    rows = remote.remote_query(server.query_url, COUNT_ALL, credentials=remote.Credentials(), retries=0).rows
    count = int(rows[0][0])
    return f"the next query is answered ({'same graph' if count == len(_distinct_triples()) else 'GRAPH CHANGED'})"


def _distinct_triples() -> set:
    return {q.triple for q in load_graph([FIXTURE])}


def query_case(
    name: str,
    query: str,
    *,
    timeout_s: float = 30,
    max_result_mb: float = 20,
    allow_service: bool = False,
    other_host: bool = False,
) -> Case:
    """``pactgraph query FILE --endpoint`` on a guarded server; with ``other_host`` the query's
    ``<OTHER>`` is a stub standing for another host, answering every request with one row."""

    def run(tmp: Path) -> Observed:
        with (
            status_stub() as other,
            serve(
                [FIXTURE], port=0, timeout_s=timeout_s, max_result_mb=max_result_mb, allow_service=allow_service
            ) as server,
        ):
            other.body, other.headers = ONE_ROW, {"Content-Type": "application/sparql-results+json"}
            file = tmp / "query.rq"
            file.write_text(query.replace("<OTHER>", f"<{other.url}/sparql>"), encoding="utf-8")
            result = cli("query", str(file), "--endpoint", server.query_url, "--format", "csv", "--retries", "0")
            outcome = [still_answers(server)]
            if other_host:
                outcome.insert(0, f"the other host got {len(other.requests)} request{'s' * (len(other.requests) != 1)}")
            if server.guard.restarts:
                outcome.insert(0, f"Oxigraph started again {server.guard.restarts} time(s)")
        return Observed(result.exit_code, the_line(result, tmp), "; ".join(outcome))

    return Case(SAFETY, name, run)


def loopback_case() -> Case:
    """Where ``serve`` listens by default: the guard and the engine behind it."""

    def run(tmp: Path) -> Observed:
        default = next(p.default for p in main.commands["serve"].params if p.name == "host")
        with serve([FIXTURE], port=0) as server:
            engine = server.guard.engine_url
            message = placeholders(f"serve --host default {default}: {server.url}/ (Oxigraph behind it: {engine}/)")
            bound = {server.guard.address[0], urllib.parse.urlsplit(engine).hostname}
        where = "loopback only" if all(is_loopback(host) for host in bound) else "NOT ONLY LOOPBACK"
        return Observed(None, message, f"guard and Oxigraph bound to {', '.join(sorted(bound))}: {where}")

    return Case(SAFETY, "serve: where it listens by default", run)


def write_case(name: str, method: str, path: str, body: bytes, content_type: str) -> Case:
    """A write sent straight over HTTP (as any client could) to a guarded server."""

    def run(tmp: Path) -> Observed:
        import urllib.error
        import urllib.request

        with serve([FIXTURE], port=0) as server:
            request = urllib.request.Request(
                server.url + path, data=body, method=method, headers={"Content-Type": content_type}
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    message = f"HTTP {response.status}"
            except urllib.error.HTTPError as err:
                message = f"HTTP {err.code}: {err.read().decode().strip()}"
            outcome = still_answers(server)
        return Observed(None, message, outcome)

    return Case(SAFETY, name, run)


def push_to_serve_case() -> Case:
    def run(tmp: Path) -> Observed:
        with serve([FIXTURE], port=0) as server:
            result = cli("push", "--endpoint", server.query_url, "--graph", str(FIXTURE))
            outcome = still_answers(server)
        return Observed(result.exit_code, the_line(result, tmp), outcome)

    return Case(SAFETY, "serve: pactgraph push to it (Graph Store writes)", run)


def runaway_engine_case() -> Case:
    """The guard's last resort, through the API: an engine that never answers (a stub standing for an
    Oxigraph that does not stop a query at its timeout) is restarted after the timeout and the grace."""

    def run(tmp: Path) -> Observed:
        import contextlib

        from pactgraph.guard import Guard

        engines: list[StubServer] = []

        @contextlib.contextmanager
        def engine():
            with status_stub() as stub:
                stub.hang, stub.body = not engines, ONE_ROW  # the first engine hangs, its successor answers
                engines.append(stub)
                yield stub.url

        limits = {"timeout_s": 0.5, "grace_s": 0.5, "max_result_bytes": 10**6, "allow_service": False}
        with Guard(engine, host=LOOPBACK, port=0, **limits) as g:
            url = f"http://{LOOPBACK}:{g.port}/query"
            try:
                remote.remote_query(url, "SELECT * { ?s ?p ?o }", credentials=remote.Credentials(), retries=0)
                message = "answered"
            except remote.EndpointError as err:
                message = placeholders(str(err))
            after = remote.remote_query(url, "SELECT * { ?s ?p ?o }", credentials=remote.Credentials(), retries=0)
            outcome = f"engine started again {g.restarts} time(s); the next query is answered ({len(after.rows)} row)"
        return Observed(None, message, outcome)

    return Case(SAFETY, "guard: an engine that does not stop a query at the timeout", run)


def busy_case() -> Case:
    """Through the API: while MAX_IN_FLIGHT queries hang in the engine (a stub that never answers),
    one more waits for a turn for the timeout, then is told the server is busy."""

    def run(tmp: Path) -> Observed:
        import contextlib
        import threading

        from pactgraph.guard import MAX_IN_FLIGHT, Guard

        engines: list[StubServer] = []

        @contextlib.contextmanager
        def engine():
            with status_stub() as stub:
                stub.hang = True
                engines.append(stub)
                yield stub.url

        statuses: list[str] = []

        def ask(url: str) -> None:
            try:
                remote.remote_query(url, "SELECT * { ?s ?p ?o }", credentials=remote.Credentials(), retries=0)
            except remote.EndpointError as err:
                statuses.append(str(err.status))

        # the one more waits timeout_s for a turn; the running ones end at timeout_s + grace_s, well
        # after, even on a busy machine where the sixteen start over a second or more
        limits = {"timeout_s": 1, "grace_s": 5, "max_result_bytes": 10**6, "allow_service": False}
        with Guard(engine, host=LOOPBACK, port=0, **limits) as g:
            url = f"http://{LOOPBACK}:{g.port}/query"
            running = [threading.Thread(target=ask, args=(url,)) for _ in range(MAX_IN_FLIGHT)]
            for thread in running:
                thread.start()
            while len(engines[0].requests) < MAX_IN_FLIGHT:
                threading.Event().wait(0.05)
            try:
                remote.remote_query(url, "SELECT * { ?s ?p ?o }", credentials=remote.Credentials(), retries=0)
                message = "answered"
            except remote.EndpointError as err:
                message = placeholders(str(err))
            for thread in running:
                thread.join()
        # Which of them hit the deadline first varies: it restarts the engine, the others then get 503.
        ended = "503 or 504" if len(statuses) == MAX_IN_FLIGHT and set(statuses) <= {"503", "504"} else statuses
        return Observed(None, message, f"each of the {MAX_IN_FLIGHT} running queries was answered: HTTP {ended}")

    return Case(SAFETY, "guard: one query more than may run at once", run)


ONE_ROW = EMPTY_RESULTS
CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PATHS = "(^!<http://x/none>|!<http://x/none>)*"
UNBOUNDED_PATH = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {PATHS} ?b . ?b {PATHS} ?c }}"
CARTESIAN_ROWS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


CASES: list[Case] = [
    *(refused_case(command) for command in COMMANDS),
    *(stub_case(command, fault, configure) for command in COMMANDS for fault, configure in FAULTS.items()),
    wrong_path_case(),
    halfway_case("push: the real server fails one upload request halfway (HTTP 500)", 4, 500, 1),
    halfway_case("push: the real server answers HTTP 503 once halfway", 4, 503, 1),
    halfway_case("push: the real server fails the final swap (HTTP 500)", _upload_requests(100) + 1, 500, 1),
    halfway_case("push --replace: the real server goes away halfway", 4, 0, None, "--replace"),
    loopback_case(),
    write_case(
        "serve: a SPARQL Update (INSERT DATA)",
        "POST",
        "/update",
        b"INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }",
        "application/sparql-update",
    ),
    write_case(
        "serve: a Graph Store write (PUT)",
        "PUT",
        "/store?default",
        b"<http://example.org/s> <http://example.org/p> <http://example.org/o> .",
        "text/turtle",
    ),
    push_to_serve_case(),
    query_case("serve: SERVICE to another host", "SELECT * WHERE { SERVICE <OTHER> { ?s ?p ?o } }", other_host=True),
    query_case(
        "serve: SERVICE written sErViCe, without spaces",
        "SELECT * WHERE { ?x ?y ?z sErViCe<OTHER>{ ?s ?p ?o } }",
        other_host=True,
    ),
    query_case(
        "serve --allow-service: SERVICE to another host",
        "SELECT ?x WHERE { SERVICE <OTHER> { ?x ?p ?o } }",
        allow_service=True,
        other_host=True,
    ),
    query_case("serve --timeout 1: a cartesian product (COUNT of 3 patterns)", CARTESIAN_COUNT, timeout_s=1),
    query_case("serve --timeout 1: an unbounded property path, joined", UNBOUNDED_PATH, timeout_s=1),
    query_case("serve --max-result-mb 1: a result of 35 million rows", CARTESIAN_ROWS, max_result_mb=1),
    query_case("serve: a query that crashes Oxigraph (ORDER BY over mixed values)", CRASH_QUERY.read_text()),
    runaway_engine_case(),
    busy_case(),
]
