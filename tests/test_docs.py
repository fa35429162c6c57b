"""The references in docs/ are generated: the CLI's own --help and the ontology itself."""

import importlib.util

import pytest

from .conftest import ROOT


@pytest.mark.parametrize(
    ("script", "target"),
    [
        ("generate_cli_docs.py", "cli.md"),
        ("generate_ontology_docs.py", "ontology.md"),
        ("generate_rules_docs.py", "extraction-rules.md"),
    ],
)
def test_generated_reference_is_current(script: str, target: str) -> None:
    spec = importlib.util.spec_from_file_location(script.removesuffix(".py"), ROOT / "docs" / script)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "docs" / target).read_text(encoding="utf-8") == gen.render(), f"run `python docs/{script}`"
