"""Every case of the behaviour table ends in one clear line with a documented exit code, and
docs/behaviour.md shows what the cases do now (each case runs once per session, see ``observe``)."""

from __future__ import annotations

import importlib.util
import re

import pytest

from pactgraph.cli import main

from .behaviour import Case, NotObservable, observe
from .conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("generate_behaviour_docs", ROOT / "docs" / "generate_behaviour_docs.py")
GENERATOR = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(GENERATOR)
CASES: list[Case] = GENERATOR.load_cases()


def documented_exit_codes() -> set[int]:
    """The exit codes `pactgraph --help` lists."""
    block = main.help.split("Exit codes:", 1)[1]
    return {int(code) for code in re.findall(r"^\s+(\d+)\s", block, re.M)}


def _observe(case: Case):
    try:
        return observe(case)
    except NotObservable as why:
        pytest.skip(str(why))


def test_the_documented_exit_codes_are_read() -> None:
    assert documented_exit_codes() == {0, 1, 2, 3, 130, 143}


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.area}: {case.name}")
def test_case_ends_in_one_clear_line(case: Case) -> None:
    seen = _observe(case)
    assert "Traceback" not in seen.message, seen.message
    assert seen.message.strip() and "\n" not in seen.message, seen.message
    assert seen.outcome.strip()
    if seen.exit_code is not None:
        assert seen.exit_code in documented_exit_codes(), seen


def test_case_names_are_unique_within_an_area() -> None:
    names = [(case.area, case.name) for case in CASES]
    assert len(names) == len(set(names))


def test_behaviour_table_is_current() -> None:
    try:
        rendered = GENERATOR.render()
    except NotObservable as why:
        pytest.skip(f"a case cannot run here: {why}")
    assert (ROOT / "docs" / "behaviour.md").read_text(encoding="utf-8") == rendered, (
        "run `python docs/generate_behaviour_docs.py`"
    )
