"""`pactgraph serve` is safe to leave running: loopback only, read-only, no SERVICE, bounded queries
and answers, survives a query that crashes Oxigraph, and takes a load of concurrent clients.

The cases of the behaviour table (``tests/behaviour_remote.py``) run here too.
"""

from __future__ import annotations

import importlib.util
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pactgraph import remote
from pactgraph.guard import refuses_service
from pactgraph.serving import ServedGraph, serve

from .behaviour import Case
from .behaviour_remote import CASES, ONE_ROW, SAFETY
from .servers import StubServer

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "mini-kg.trig"
SAFETY_CASES = [case for case in CASES if case.area == SAFETY]
ANSWERS_NEXT = "the next query is answered (same graph)"

#: Exit code (None: an API or plain HTTP case), words in the line, words in the outcome.
EXPECTED: dict[str, tuple[int | None, str, str]] = {
    "serve: where it listens by default": (None, "default 127.0.0.1", "bound to 127.0.0.1: loopback only"),
    "serve: a SPARQL Update (INSERT DATA)": (None, "HTTP 403: this endpoint is read-only", ANSWERS_NEXT),
    "serve: a Graph Store write (PUT)": (None, "HTTP 403: this endpoint is read-only", ANSWERS_NEXT),
    "serve: pactgraph push to it (Graph Store writes)": (3, "HTTP 403 Forbidden", ANSWERS_NEXT),
    "serve: SERVICE to another host": (2, "SERVICE is refused here", "the other host got 0 requests"),
    "serve: SERVICE written sErViCe, without spaces": (2, "SERVICE is refused here", "the other host got 0 requests"),
    "serve --allow-service: SERVICE to another host": (0, "x | 1", "the other host got 1 request;"),
    "serve --timeout 1: a cartesian product (COUNT of 3 patterns)": (3, "HTTP 504 Gateway Timeout", ANSWERS_NEXT),
    "serve --timeout 1: an unbounded property path, joined": (3, "HTTP 504 Gateway Timeout", ANSWERS_NEXT),
    "serve --max-result-mb 1: a result of 35 million rows": (
        2,
        "larger than this endpoint's limit of 1 MB",
        ANSWERS_NEXT,
    ),
    "serve: a query that crashes Oxigraph (ORDER BY over mixed values)": (
        3,
        "HTTP 500 Internal Server Error: the SPARQL engine crashed",
        f"Oxigraph started again 1 time(s); {ANSWERS_NEXT}",
    ),
    "guard: one query more than may run at once": (
        None,
        "HTTP 503 Service Unavailable: the server is busy: 16 queries are running",
        "each of the 16 running queries was answered: HTTP 503 or 504",
    ),
    "guard: an engine that does not stop a query at the timeout": (
        None,
        "HTTP 504 Gateway Timeout",
        "engine started again 1 time(s); the next query is answered (1 row)",
    ),
}


def test_every_safety_case_has_an_expectation() -> None:
    assert {case.name for case in SAFETY_CASES} == set(EXPECTED)


@pytest.mark.parametrize("case", SAFETY_CASES, ids=[case.name for case in SAFETY_CASES])
def test_safety_case(case: Case, tmp_path: Path) -> None:
    observed = case.run(tmp_path)
    exit_code, says, leaves = EXPECTED[case.name]
    assert "Traceback" not in observed.message
    assert "\n" not in observed.message and " | " not in observed.message.replace("x | 1", ""), observed.message
    assert observed.exit_code == exit_code, observed
    if exit_code:
        assert observed.message.startswith("Error: "), observed.message
    assert says in observed.message, observed.message
    assert leaves in observed.outcome, observed.outcome


# --- SERVICE: no spelling gets through --------------------------------------------------------------------


@pytest.fixture(scope="module")
def guarded_server() -> ServedGraph:
    with serve([FIXTURE], port=0) as server:
        yield server


def _send(server: ServedGraph, method: str, url_query: str, body: bytes, content_type: str) -> int:
    url = server.query_url + (f"?{url_query}" if url_query else "")
    headers = {"Content-Type": content_type, "Accept": "application/sparql-results+json"}
    request = urllib.request.Request(url, data=body or None, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


@pytest.mark.parametrize(
    "spelling",
    [
        "SERVICE <{other}> {{ ?s ?p ?o }}",
        "service<{other}>{{?s ?p ?o}}",
        "SeRvIcE SILENT <{other}> {{ ?s ?p ?o }}",
        "SERVICE\n\t<{other}> {{ ?s ?p ?o }}",
        "?x ?y ?z SERVICE <{other}> {{ ?s ?p ?o }}",  # no dot before it
    ],
)
@pytest.mark.parametrize("how", ["GET", "POST form", "POST sparql-query", "POST form, percent-encoded letters"])
def test_service_is_refused_however_it_is_sent(
    guarded_server: ServedGraph, stub: StubServer, spelling: str, how: str
) -> None:
    stub.body = ONE_ROW
    query = "SELECT * WHERE { " + spelling.format(other=f"{stub.url}/sparql") + " }"
    form = urllib.parse.urlencode({"query": query}).encode()
    if how == "GET":
        status = _send(guarded_server, "GET", form.decode(), b"", "text/plain")
    elif how == "POST form":
        status = _send(guarded_server, "POST", "", form, "application/x-www-form-urlencoded")
    elif how == "POST sparql-query":
        status = _send(guarded_server, "POST", "", query.encode(), "application/sparql-query")
    else:
        encoded = form.replace(b"SERVICE", b"%53%45%52%56%49%43%45").replace(b"service", b"%73%65rvice")
        status = _send(guarded_server, "POST", "", encoded, "application/x-www-form-urlencoded")
    assert status == 400
    assert stub.requests == []


def test_a_second_query_parameter_cannot_smuggle_service(guarded_server: ServedGraph, stub: StubServer) -> None:
    safe = urllib.parse.urlencode({"query": "ASK {}"})
    evil = urllib.parse.urlencode({"query": f"SELECT * {{ SERVICE <{stub.url}/sparql> {{ ?s ?p ?o }} }}"})
    assert _send(guarded_server, "POST", safe, evil.encode(), "application/x-www-form-urlencoded") == 400
    assert _send(guarded_server, "GET", f"{safe}&{evil}", b"", "text/plain") == 400
    assert stub.requests == []


def test_the_word_in_a_string_passes_written_with_an_escape(guarded_server: ServedGraph) -> None:
    plain = 'SELECT ?w WHERE { BIND("customer service" AS ?w) }'
    with pytest.raises(remote.QueryError, match="SERVICE is refused"):
        remote.remote_query(guarded_server.query_url, plain, credentials=remote.Credentials())
    escaped = plain.replace("service", "\\u0073ervice")
    answer = remote.remote_query(guarded_server.query_url, escaped, credentials=remote.Credentials())
    assert answer.rows == [("customer service",)]


def test_the_check_reads_the_whole_request() -> None:
    assert refuses_service(b"", b"query=SELECT+*+%7B%7D&x=SERVICE")  # wherever the word is
    assert not refuses_service(b"query=ASK+%7B%7D", b"")


def test_the_query_page_and_graph_store_reads_still_work(guarded_server: ServedGraph) -> None:
    with urllib.request.urlopen(guarded_server.url + "/", timeout=10) as page:
        assert b"yasgui" in page.read().lower()
    with urllib.request.urlopen(guarded_server.store_url + "?default", timeout=10) as dump:
        assert dump.status == 200 and dump.read()


# --- load ----------------------------------------------------------------------------------------------------


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("load_benchmark", ROOT / "benchmarks" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_2000_queries_from_8_clients_without_an_error() -> None:
    load = _load_benchmark()
    with load.served(FIXTURE) as endpoint:
        result = load.run(endpoint, queries=2000, clients=8)
    print("\nload:", json.dumps(result))  # latencies for the reader; no time is asserted
    assert result["queries"] == 2000
    assert result["errors"] == 0, result["first_errors"]
