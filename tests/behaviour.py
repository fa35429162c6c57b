"""Cases of the behaviour table (``docs/behaviour.md``): each performs one bad input or fault through
the CLI or the API and reports the line the user sees and what happened to the data.

Each area has a module ``tests/behaviour_<area>.py`` holding ``CASES: list[Case]``;
``docs/generate_behaviour_docs.py`` writes the table from them and ``tests/test_behaviour.py``
checks every case and that the table is current. ``observe`` runs a case once per process, so the
checks and the table share one run.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

import pactgraph
from pactgraph.cli import main


@dataclass(frozen=True)
class Observed:
    """What a case did, with temporary paths and ports replaced by placeholders."""

    exit_code: int | None  # None when not a CLI run
    message: str  # the one line the user sees
    outcome: str  # what happened to the data, in a few words


@dataclass(frozen=True)
class Case:
    """One row of the table: ``run`` performs it in the empty temporary folder it is given."""

    area: str
    name: str
    run: Callable[[Path], Observed]


class NotObservable(Exception):
    """This machine cannot perform the case (the reason is the message); checks skip it."""


_OBSERVED: dict[tuple[str, str], Observed] = {}


def observe(case: Case) -> Observed:
    """Run ``case`` in a fresh temporary folder, once per process."""
    key = (case.area, case.name)
    if key not in _OBSERVED:
        with tempfile.TemporaryDirectory(prefix="pactgraph-case-") as tmp:
            _OBSERVED[key] = case.run(Path(tmp))
    return _OBSERVED[key]


_PORT = re.compile(r"(127\.0\.0\.1|localhost|\[::1\]):\d+")


def normalise(text: str, folder: Path) -> str:
    """``text`` with the case's folder as ``<tmp>`` and loopback ports as ``<port>``.

    >>> normalise("/tmp/x/kg.ttl at http://127.0.0.1:41234/query", Path("/tmp/x"))
    '<tmp>/kg.ttl at http://127.0.0.1:<port>/query'
    """
    for form in sorted({str(folder.resolve()), str(folder)}, key=len, reverse=True):
        text = text.replace(form, "<tmp>")
    return _PORT.sub(r"\1:<port>", text)


@dataclass(frozen=True)
class CliRun:
    """One run of the command line, its output normalised."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def message(self) -> str:
        """The line the user sees: the error, else the warnings (several are joined by line breaks,
        which the checks reject), else the first line of the report on stderr (a build's summary),
        else the last line of the output."""
        lines = self.stderr.splitlines()
        for prefix in ("Traceback", "Error:", "Warning:"):
            picked = [line for line in lines if line.startswith(prefix)]
            if picked:
                return "\n".join(picked)
        reported = [line for line in lines if line.strip()]
        printed = [line for line in self.stdout.splitlines() if line.strip()]
        return reported[0] if reported else printed[-1] if printed else ""


def _own_cache(folder: Path) -> dict[str, str]:
    """A build cache in the case's folder: a case never reads what another cached."""
    return {"PACTGRAPH_BUILD_CACHE": str(folder / ".pactgraph-cache" / "build")}


def run_cli(folder: Path, *args: str) -> CliRun:
    """``pactgraph ARGS`` through click's CliRunner with ``folder`` as the working directory (so
    relative paths and default files resolve there). An exception that escapes the CLI shows as a
    ``Traceback`` line, as a user would see it."""
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, list(args), env=_own_cache(folder))
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return CliRun(result.exit_code, normalise(result.stdout, folder), normalise(stderr, folder))


def run_cli_process(folder: Path, *args: str, prefix: tuple[str, ...] = ()) -> CliRun:
    """``pactgraph ARGS`` as its own process (behind ``prefix``, e.g. a privilege drop), with the
    pactgraph under test first on the path."""
    source = str(Path(pactgraph.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    env.update(_own_cache(folder))
    command = [*prefix, sys.executable, "-m", "pactgraph.cli", *args]
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False)
    return CliRun(done.returncode, normalise(done.stdout, folder), normalise(done.stderr, folder))


def kept_or_replaced(path: Path, before: bytes, name: str | None = None) -> str:
    """Whether ``path`` still holds ``before``, in words."""
    name = name or path.name
    if not path.exists():
        return f"{name} gone"
    return f"previous {name} intact" if path.read_bytes() == before else f"{name} replaced"
