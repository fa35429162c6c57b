"""Every remote fault of ``tests/behaviour_remote.py``: one line naming the URL, exit 3, bounded
retries (HTTP 429 and 503 only: the first try and --retries 3), nothing half-written locally or on
the remote."""

from __future__ import annotations

from pathlib import Path

import pytest

from .behaviour import Case
from .behaviour_remote import CASES, REMOTE

FAULT_CASES = [case for case in CASES if case.area == REMOTE]

#: What the line must say, by the fault in the case's name.
SAYS = {
    "connection refused": "connection refused; is the server running",
    "timeout (no answer)": "no complete answer within 0.5 s",
    "slow drip": "no complete answer within 0.5 s",
    "HTTP 401": "HTTP 401 Unauthorized",
    "HTTP 403": "HTTP 403 Forbidden",
    "HTTP 404": "HTTP 404 Not Found",
    "HTTP 413": "HTTP 413",
    "HTTP 429": "HTTP 429 Too Many Requests: stub answer 429 (retried 3 times)",
    "HTTP 500": "HTTP 500 Internal Server Error",
    "HTTP 503": "HTTP 503",
    "answer cut off": "the answer was cut off",
    "answer not JSON": "the answer is not SPARQL JSON results",
    "goes away halfway": "the answer was cut off",
}
#: What the case must leave behind, by words in its name.
LEAVES = {
    "link:": "no links, candidates or cache file written",
    "query --endpoint:": "nothing printed",
    "fails one upload request": "remote graphs unchanged; 0 staging graphs left",
    "fails the final swap": "remote graphs unchanged; 0 staging graphs left",
    "answers HTTP 503 once": "pushed after a retry; remote graphs equal to the file; 0 staging graphs left",
    "goes away halfway": "remote graphs unchanged; 3 staging graphs left; the next push --replace: exit 0, 0 staging",
    "read-only": "remote graphs unchanged",
}


@pytest.mark.parametrize("case", FAULT_CASES, ids=[case.name for case in FAULT_CASES])
def test_fault_is_one_line_naming_the_url_with_exit_3(case: Case, tmp_path: Path) -> None:
    observed = case.run(tmp_path)
    assert "Traceback" not in observed.message
    assert "\n" not in observed.message and " | " not in observed.message, observed.message
    if "answers HTTP 503 once" in case.name:  # retried, then it went through
        assert observed.exit_code == 0 and observed.message.startswith("pushed 4 graphs")
    else:
        assert observed.exit_code == 3, observed
        assert observed.message.startswith("Error: http://127.0.0.1:<port>/"), observed.message
        for fault, words in SAYS.items():
            if fault in case.name:
                assert words in observed.message, observed.message
    for where, words in LEAVES.items():
        if where in case.name:
            assert words in observed.outcome, observed.outcome
    if observed.outcome.startswith("sent ") and "HTTP " in case.name:  # the stub counted the tries
        first = observed.outcome.removeprefix("sent ").split(",")[0].split(";")[0]
        retried = "HTTP 429" in case.name or "HTTP 503" in case.name
        assert first.endswith("(4 times)") if retried else "times" not in first, observed.outcome
