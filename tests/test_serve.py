"""serve: the real Oxigraph server over the built graph, read-only, queried over HTTP."""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph import remote
from pactgraph.cli import main
from pactgraph.errors import EndpointAuthError, EndpointError
from pactgraph.queries import bundled_queries, resolve_query, run_query
from pactgraph.serving import OxigraphServer, serve
from pactgraph.store import ONTOLOGY_GRAPH, load_graph

from .conftest import ROOT

FIXTURE = Path(__file__).parent / "data" / "mini-kg.trig"
NO_CREDENTIALS = remote.Credentials()


@pytest.fixture(scope="module")
def served() -> OxigraphServer:
    with serve([FIXTURE], port=0) as server:
        yield server


def _local_rows(name: str) -> list[tuple[str | None, ...]]:
    return run_query(load_graph([FIXTURE]), resolve_query(name).text).rows


def test_remote_query_gets_the_local_answer(served: OxigraphServer) -> None:
    answer = remote.remote_query(served.query_url, resolve_query("meetings").text, credentials=NO_CREDENTIALS)
    assert answer.rows == _local_rows("meetings")


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_gets_the_local_answer(served: OxigraphServer) -> None:
    query = resolve_query("roles")
    curl = ["curl", "--silent", "--show-error", "--fail", "--noproxy", "*", "-H", "Accept: text/csv"]
    completed = subprocess.run(
        [*curl, "--data-urlencode", f"query@{query.path}", served.query_url],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    rows = list(csv.reader(io.StringIO(completed.stdout)))
    assert rows[0] == list(query.columns)
    assert [tuple(r) for r in rows[1:]] == [tuple(v or "" for v in row) for row in _local_rows("roles")]


def test_named_graphs_are_kept_and_the_default_graph_is_their_union(served: OxigraphServer) -> None:
    graphs = remote.remote_query(
        served.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", credentials=NO_CREDENTIALS
    )
    namespace = remote.GRAPH_NAMESPACE
    expected = [namespace + name for name in ("abu-dhabi-partnership", "baku-talks", "links")] + [ONTOLOGY_GRAPH.value]
    assert [row[0] for row in graphs.rows] == expected
    # The default graph is their union with each triple once, as for pactgraph query.
    count = remote.remote_query(served.query_url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", credentials=NO_CREDENTIALS)
    quads = load_graph([FIXTURE], for_queries=False)
    assert int(count.rows[0][0]) == len({q.triple for q in quads})
    assert served.quads == len(quads)


def test_updates_are_refused(served: OxigraphServer) -> None:
    insert = b"INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }"
    request = urllib.request.Request(
        served.update_url, data=insert, method="POST", headers={"Content-Type": "application/sparql-update"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    with pytest.raises(EndpointAuthError, match="HTTP 403"):
        remote.push([FIXTURE], served.store_url, update_endpoint=served.update_url, credentials=NO_CREDENTIALS)
    ask = "SELECT (COUNT(*) AS ?n) { <http://example.org/s> ?p ?o }"
    assert remote.remote_query(served.query_url, ask, credentials=NO_CREDENTIALS).rows == [("0",)]


def test_page_links_carry_each_bundled_query(served: OxigraphServer) -> None:
    for query in bundled_queries():
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(served.page_url(query.text)).query)
        assert params == {"query": [query.text], "endpoint": [served.query_url]}


def test_busy_port_is_a_one_line_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--graph", str(FIXTURE), "--port", str(port)])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: 127.0.0.1:{port}: ")
    assert "in use" in lines[0] and "--port" in lines[0]


def test_missing_graph_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--graph", str(tmp_path / "kg.trig"), "--port", "0"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"Error: {tmp_path / 'kg.trig'}: no such file; run `pactgraph build` first"]


def _blocked_as_a_forking_parent_leaves_them() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # as a terminal leaves it (a background job ignores it)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _serving(preexec_fn) -> subprocess.Popen:
    """``pactgraph serve`` of the fixture on a free port, as a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-c", "from pactgraph.cli import main; main()", "serve", "--graph", str(FIXTURE)]
    return subprocess.Popen(
        [*command, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=preexec_fn,
    )


def test_ctrl_c_stops_serving_though_the_parent_started_it_with_signals_blocked() -> None:
    """A mask of blocked signals is inherited across fork and exec: a parent that held Ctrl-C back
    while it started the command must not leave a server that never stops."""
    process = _serving(_blocked_as_a_forking_parent_leaves_them)
    try:
        for line in process.stdout:
            if line.startswith("Bundled queries"):
                break
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert stderr.strip() == "Stopped; the temporary store is removed."


def test_cli_serves_until_ctrl_c_and_cleans_up() -> None:
    process = _serving(functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL))  # as a terminal leaves it
    try:
        lines = []
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Bundled queries"):
                break
        assert lines[2].split()[:2] == ["SPARQL", "endpoint"] and lines[4].split()[0] == "store"
        endpoint, store = lines[2].split()[-1], Path(lines[4].split()[1])
        assert store.is_dir()
        links = {}
        for line in process.stdout:
            if line.startswith("  "):
                name, url = line.strip().split(": ", 1)
                links[name] = url
            if len(links) == len(bundled_queries()):
                break
        assert set(links) == {q.name for q in bundled_queries()}
        answer = remote.remote_query(endpoint, resolve_query("partnerships").text, credentials=NO_CREDENTIALS)
        assert answer.rows == _local_rows("partnerships")
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert stderr.strip() == "Stopped; the temporary store is removed."
    assert not store.exists()
    with pytest.raises(EndpointError, match="connection refused"):
        remote.remote_query(endpoint, "SELECT * {}", credentials=NO_CREDENTIALS, timeout=5)
