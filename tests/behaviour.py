from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    area: str  # e.g. "Remote faults (push, link, query --endpoint)" or "Endpoint safety (serve)"
    name: str  # e.g. "push: HTTP 413"
    # called with an empty temporary folder; performs the case through the CLI or the API
    run: Callable[[Path], Observed]


@dataclass(frozen=True)
class Observed:
    exit_code: int | None  # None when not a CLI run
    message: str  # the one line the user sees, temporary paths and ports replaced by placeholders
    outcome: str  # short words on what happened to data/state, e.g. "remote graph unchanged"
