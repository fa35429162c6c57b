"""The command reference in docs/ is the CLI's own --help."""

import importlib.util

from .conftest import ROOT


def test_cli_reference_is_current():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "docs" / "generate_cli_docs.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == gen.render(), (
        "run `python docs/generate_cli_docs.py`"
    )


def test_extraction_rules_reference_is_current():
    spec = importlib.util.spec_from_file_location("rules", ROOT / "docs" / "generate_rules_docs.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "docs" / "extraction-rules.md").read_text(encoding="utf-8") == gen.render(), (
        "run `python docs/generate_rules_docs.py`"
    )
