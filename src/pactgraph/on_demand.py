"""Graph files a build left on demand, written when a command reads them.

With ``--store`` a build on the state leaves ``kg.ttl`` and ``kg.trig`` on demand (``build --files
auto``, the default, or ``--files on-demand``): it keeps the build state and the store current and
writes neither file (``pactgraph.layout``). Beside each file left so it puts a note naming the
build state that can write it and the store that stands for it meanwhile (``.kg.ttl.on-demand``).

Every command that reads a graph file (``export``, ``link``, ``query --graph``, ``validate``,
``reason``, ``serve``, ``site``, ``push``, ``evaluate --graph``) loads it through
``store.load_graph``, which hands a missing file here first: when a note is beside it and its
build state says the last build left the file there, the file is written from the state, as a
build with ``--files always`` on that state writes it (the same code: ``layout.write_left``,
splicing into the file set aside everything noted since), atomically, and the command reads it.
Then it is an ordinary file: the next builds keep it current or set it aside again, and the store
is stamped with it so that ``pactgraph query`` goes on reading the store.

Writing the file rather than reading the store: the store holds the same graph, but not as a file
(``export`` of a whole TriG, ``push``, ``serve``, ``site`` read files), and the bytes of ``kg.ttl``
and ``kg.trig`` are part of the contract; a file written once serves every later command, at the
cost of one splice. ``pactgraph query`` without ``--graph`` reads the store (no file needed).

The file is the graph of the last build that finished, as the state and the store hold it:
articles edited since are not read (a build does that). While a build has the state open, the
command waits for it (up to ``state.WAIT_FOR_STATE`` seconds), then says so; a note whose build
state is gone, or was used since by a build that left its files elsewhere or wrote them, is not
followed (the message says to run ``pactgraph build --files always``).
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import GraphLoadError, StateInUseError, UsageError
from .layout import on_demand_note, write_left
from .state import BuildState
from .store import stamp_written

__all__ = ["write_left_on_demand"]

_REBUILD = "run `pactgraph build --files always` (with the same options) to write it"


def write_left_on_demand(path: Path) -> bool:
    """Write ``path`` if the last build on a build state left it on demand there (see the module's
    docstring); whether it was. A file left on demand that cannot be written now (its build
    state gone, in use for too long, or used since for other files) is a ``GraphLoadError`` that
    says why and what to run."""
    path = Path(path)
    try:
        note = json.loads(on_demand_note(path).read_text(encoding="utf-8"))
        state_file, kind, store = Path(note["state"]), note["kind"], Path(note["store"])
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no note (or not one a build wrote): not left on demand here
    if kind not in ("trig", "ttl"):
        return False
    try:
        state = BuildState(state_file, existing=True)
    except StateInUseError as err:
        raise GraphLoadError("no such file", file=path, hint=f"it is written on demand, and {err}") from None
    except UsageError:
        hint = f"it is written on demand from the build state {state_file}, which is gone or unusable; {_REBUILD}"
        raise GraphLoadError("no such file", file=path, hint=hint) from None
    with state:
        if state.get(f"on-demand:{kind}") != str(path.resolve()):
            hint = f"it was left on demand, but its build state {state_file} no longer has it there (a build since"
            hint += " left its files elsewhere, or the file was moved); "
            raise GraphLoadError("no such file", file=path, hint=hint + _REBUILD)
        write_left(state, kind, path)
        generation = state.get("store:generation")
        if generation is not None:
            stamp_written(store, path, generation=generation)  # the store still stands for the file
        state.commit()
    return True
