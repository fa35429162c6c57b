"""The command line: listing and running queries, exporting, and one-line errors with exit 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from pactgraph.cli import main
from pactgraph.store import Format

FIXTURE = str(Path(__file__).parent / "data" / "mini-kg.trig")
MEETINGS_COLUMNS = ["meeting", "meetingLabel", "date", "placeLabel", "participantLabel", "source"]
RDFLIB_FORMAT = {
    Format.TURTLE: "turtle",
    Format.NTRIPLES: "nt",
    Format.NQUADS: "nquads",
    Format.TRIG: "trig",
    Format.JSONLD: "json-ld",
    Format.XML: "xml",
}


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_queries_lists_bundled_queries() -> None:
    result = _run("queries")
    assert result.exit_code == 0, result.output
    assert "meetings" in result.output
    assert "columns: " + ", ".join(MEETINGS_COLUMNS) in result.output
    for name in ("agreements", "partnerships", "capacities", "roles", "timeline"):
        assert name in result.output


def test_query_meetings_csv() -> None:
    result = _run("query", "meetings", "--graph", FIXTURE, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == MEETINGS_COLUMNS
    assert [r[4] for r in rows[1:]] == ["Parviz Shahbazov", "Sultan Al Jaber"]
    assert rows[1][0] == "https://w3id.org/pactgraph/id/meeting/shahbazov-al-jaber-talks-baku"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_every_output_format(fmt: str) -> None:
    result = _run("query", "roles", "--graph", FIXTURE, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Minister of Energy" in out
    if fmt == "json":
        assert json.loads(out)["head"]["vars"][0] == "person"
    elif fmt == "tsv":
        assert out.splitlines()[0].split("\t")[:2] == ["person", "personLabel"]
    elif fmt == "table":
        assert out.splitlines()[0].split()[:2] == ["person", "personLabel"]
        assert out.rstrip().endswith("(2 rows)")


def test_query_by_file_path(tmp_path: Path) -> None:
    query = tmp_path / "count.rq"
    query.write_text("# title: Count\n# columns: n\nSELECT (COUNT(*) AS ?n) WHERE { ?s a ?c }\n")
    result = _run("query", str(query), "--graph", FIXTURE, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "n"
    assert int(result.stdout.splitlines()[1]) > 10


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_export_each_format(fmt: Format, tmp_path: Path) -> None:
    out = tmp_path / f"kg{fmt.extension}"
    result = _run("export", "--graph", FIXTURE, "--format", fmt.value, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    source = Dataset()
    source.parse(FIXTURE, format="trig")
    if fmt.keeps_graphs:
        reparsed = Dataset()
        reparsed.parse(out, format=RDFLIB_FORMAT[fmt])
        names = {str(g.identifier) for g in source.graphs() if len(g)}
        assert names == {str(g.identifier) for g in reparsed.graphs() if len(g)}
        for name in names:
            assert isomorphic(reparsed.graph(name), source.graph(name)), name
    else:
        reparsed = Graph()
        reparsed.parse(out, format=RDFLIB_FORMAT[fmt])
        union = Graph()
        for s, p, o, _ in source.quads((None, None, None, None)):
            union.add((s, p, o))
        assert isomorphic(reparsed, union)


def test_export_to_stdout_matches_file(tmp_path: Path) -> None:
    out = tmp_path / "kg.nt"
    to_file = _run("export", "--graph", FIXTURE, "--format", "ntriples", "-o", str(out))
    to_stdout = _run("export", "--graph", FIXTURE, "--format", "ntriples")
    assert to_file.exit_code == to_stdout.exit_code == 0
    assert to_stdout.stdout_bytes == out.read_bytes()


def _assert_one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_bad_graph_file_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "kg.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b .\n")
    result = CliRunner().invoke(main, ["query", "meetings", "--graph", str(bad)])
    _assert_one_line_error(result, f"{bad}:3:", "pactgraph build")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_graph_file_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "kg.trig"
    result = CliRunner().invoke(main, ["export", "--graph", str(missing), "--format", "turtle"])
    _assert_one_line_error(result, "no such file", "pactgraph build")


def test_unknown_query_exits_2() -> None:
    result = CliRunner().invoke(main, ["query", "no-such-query", "--graph", FIXTURE])
    _assert_one_line_error(result, "unknown query 'no-such-query'", "meetings")


def test_bad_option_value_exits_2() -> None:
    result = CliRunner().invoke(main, ["export", "--graph", FIXTURE, "--format", "csv"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_every_command_has_help() -> None:
    top = _run("--help")
    assert "Exit codes" in top.output
    for command in ("queries", "query", "export", "build", "extract", "serve", "push"):
        result = _run(command, "--help")
        assert result.exit_code == 0
        assert len(result.output.splitlines()) > 3, command
