"""The build: deterministic bytes, stable IRIs, atomic outputs, the committed graph up to date."""

import shutil

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from pactgraph.build import build, build_quads, extract_file
from pactgraph.cli import main
from pactgraph.extract.rules import RULES
from pactgraph.links import load_links
from pactgraph.vocab import ID

from .conftest import ARTICLES, ROOT

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def test_same_input_gives_identical_bytes(tmp_path):
    build([ARTICLES], out=tmp_path / "a.ttl")
    build([ARTICLES], out=tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert (tmp_path / "a.trig").read_bytes() == (tmp_path / "b.trig").read_bytes()


def test_committed_graph_is_current(tmp_path):
    build([ARTICLES], out=tmp_path / "kg.ttl", links=load_links(ROOT / "data" / "links.csv"))
    fresh = Graph().parse(tmp_path / "kg.ttl")
    assert isomorphic(fresh, Graph().parse(ROOT / "data" / "kg.ttl")), "run `pactgraph build` and commit data/kg.ttl"


def test_one_named_graph_per_article(tmp_path):
    build([ARTICLES], out=tmp_path / "kg.ttl")
    ds = Dataset().parse(tmp_path / "kg.trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    for article in ARTICLES.glob("*.txt"):
        assert f"https://w3id.org/pactgraph/id/graph/{article.stem}" in names


def test_entity_iris_do_not_depend_on_other_articles(tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(next(ARTICLES.glob("004_*.txt")), one)
    build([one], out=tmp_path / "one.ttl")
    build([ARTICLES], out=tmp_path / "all.ttl")

    def iris(path):
        return {s for s in Graph().parse(path).subjects(RDFS.label, Literal("Parviz Shahbazov"))}

    assert (
        iris(tmp_path / "one.ttl")
        == iris(tmp_path / "all.ttl")
        == {URIRef("https://w3id.org/pactgraph/id/person/parviz-shahbazov")}
    )


def test_failed_build_leaves_previous_graph(tmp_path):
    out = tmp_path / "kg.ttl"
    build([ARTICLES], out=out)
    before = out.read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_text("Title: X\nPublished: 2025-13-45\n---\nBody.\n")
    result = CliRunner().invoke(main, ["build", "--articles", str(bad), "--out", str(out), "--no-progress"])
    assert result.exit_code == 2
    assert "x.txt:2" in result.output and "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "kg.trig", "kg.ttl"]


@pytest.mark.parametrize("content", ["", "   \n\n", "Title: X\n---\n\n"])
def test_empty_articles_are_clear_errors(tmp_path, content):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "empty.txt").write_text(content)
    result = CliRunner().invoke(main, ["build", "--articles", str(folder), "--out", str(tmp_path / "kg.ttl")])
    assert result.exit_code == 2
    assert "empty.txt" in result.output and "Traceback" not in result.output


def test_extract_prints_one_articles_triples(tmp_path):
    article = next(ARTICLES.glob("004_*.txt"))
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 0
    printed = Graph().parse(data=result.output, format="turtle")
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(article, one)
    build([one], out=tmp_path / "one.ttl")
    assert isomorphic(printed, Graph().parse(tmp_path / "one.ttl"))


def test_extract_missing_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_a_lone_surname_joins_the_one_person_of_the_corpus_with_that_name(tmp_path):
    (tmp_path / "a.txt").write_text("Title: A\n---\nEnergy Minister Aidar Nurlanov met Li Wei in Astana.\n")
    (tmp_path / "b.txt").write_text(
        "Title: B\n---\nMinister Nurlanov said the plant would open soon, Wang told reporters.\n"
    )
    quads = build_quads(sorted(tmp_path.glob("*.txt"))).quads
    people = {q.subject.value for q in quads if q.object.value.endswith("#Person")}
    assert people == {ID + "person/aidar-nurlanov", ID + "person/li-wei"}


def test_a_fact_reported_by_two_articles_has_one_combined_confidence(tmp_path):
    body = "Title: {t}\nPublished: 2025-05-20\n---\n{text}\n"
    (tmp_path / "a.txt").write_text(
        body.format(t="A", text="Kazakhstan and Georgia established a strategic partnership in 2024.")
    )
    (tmp_path / "b.txt").write_text(
        body.format(t="B", text="Kazakhstan and Georgia met. The two countries established a strategic partnership.")
    )
    result = CliRunner().invoke(main, ["build", "--articles", str(tmp_path), "--out", str(tmp_path / "kg.ttl")])
    assert result.exit_code == 0, result.output  # validates: one confidence and one date per fact
    graph = Graph().parse(tmp_path / "kg.ttl")
    pg = "https://w3id.org/pactgraph/ontology#"
    (partnership,) = set(graph.subjects(URIRef(RDF_TYPE), URIRef(pg + "Partnership")))
    (confidence,) = graph.objects(partnership, URIRef(pg + "confidence"))
    rules = {str(graph.value(r, RDFS.label)) for r in graph.objects(partnership, URIRef(pg + "extractionRule"))}
    assert rules == {"partnership-countries", "partnership-by-context"}
    single = [RULES[r].confidence for r in sorted(rules)]
    assert float(confidence) == round(1 - (1 - single[0]) * (1 - single[1]), 2) > max(single)


def test_an_unreadable_article_is_left_out_with_a_warning_unless_strict(tmp_path):
    folder = tmp_path / "a"
    shutil.copytree(ARTICLES, folder)
    (folder / "broken.txt").write_text("Title: X\nPublished: 2025-13-45\n---\nBody.\n")
    out = tmp_path / "kg.ttl"
    result = CliRunner().invoke(main, ["build", "--articles", str(folder), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if line.startswith("Warning:"))
    assert "broken.txt:2" in warning and "left out" in warning
    assert "1 articles left out (unreadable)" in result.output
    assert isomorphic(Graph().parse(out), Graph().parse(ROOT / "data" / "kg.ttl"))
    before = out.read_bytes()
    strict = CliRunner().invoke(main, ["build", "--articles", str(folder), "--out", str(out), "--strict"])
    assert strict.exit_code == 2 and "broken.txt:2" in strict.output
    assert out.read_bytes() == before


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"\x00\x01binary", "binary data"),
        (b"Title: X\n---\nbad \xff\xfe bytes about Azerbaijan.\n", "bad.txt:3:5: not valid UTF-8 (byte 0xff)"),
        (b"Title: X\nPublished: 2025-02-30\n---\nBody.\n", "invalid date '2025-02-30'"),
    ],
)
def test_bad_article_bytes_are_named_and_left_out(tmp_path, raw, says):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(raw)
    (folder / "good.txt").write_text("Title: Good\n---\nEnergy Minister Jan Novak met Li Wei in Astana.\n")
    result = CliRunner().invoke(main, ["build", "--articles", str(folder), "--out", str(tmp_path / "kg.ttl")])
    assert result.exit_code == 0 and "Traceback" not in result.output
    warning = next(line for line in result.output.splitlines() if line.startswith("Warning:"))
    assert str(folder / "bad.txt") in warning and says in warning


def test_a_utf16_article_with_its_byte_order_mark_is_read(tmp_path):
    (tmp_path / "u.txt").write_text(
        "Title: U\n---\nEnergy Minister Jan Novak met Li Wei in Astana.\n", encoding="utf-16"
    )
    (meeting,) = [q for q in extract_file(tmp_path / "u.txt") if q.object.value.endswith("#Meeting")]
    assert meeting.subject.value.endswith("jan-novak-meet-li-wei")


def test_an_output_that_cannot_be_written_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["build", "--out", str(blocker / "kg.ttl"), "--no-progress"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith(f"Error: {blocker / 'kg.ttl'}: cannot write")
    assert "Traceback" not in result.output
