"""A private Virtuoso for tests: Debian's ``virtuoso-opensource`` started from its own ini in a
temporary folder, on free loopback ports, and bulk-loaded from ``export --shards`` with ``ld_dir``
and ``rdf_loader_run`` (the commands docs/production-stores.md gives users).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .servers import LOOPBACK, unused_port

VIRTUOSO = "virtuoso-t"
#: Debian names Virtuoso's isql ``isql-vt`` (``isql`` is unixODBC's).
ISQL = next((name for name in ("isql-vt", "isql-v") if shutil.which(name)), "isql-vt")
#: Seconds a fresh database may take to accept SPARQL queries (creating it takes a few).
START_TIMEOUT_S = 60

_INI = """\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort         = {host}:{sql_port}
DisableUnixSocket  = 1
DirsAllowed        = ., {shards}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
[HTTPServer]
ServerPort         = {host}:{http_port}
ServerRoot         = {folder}
ServerThreads      = 4
[SPARQL]
ResultSetMaxRows   = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


def installed() -> bool:
    """Whether this machine has Virtuoso's server and isql."""
    return shutil.which(VIRTUOSO) is not None and shutil.which(ISQL) is not None


@dataclass
class Virtuoso:
    """A running private Virtuoso: its SPARQL endpoint and the isql it answers on."""

    folder: Path
    sql_port: int
    http_port: int

    @property
    def endpoint(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}/sparql"

    def isql(self, statements: str) -> str:
        """Run SQL statements with isql as dba; a failed statement raises with isql's output."""
        done = subprocess.run(
            [ISQL, f"{LOOPBACK}:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {statements}\n{done.stdout}{done.stderr}")
        return done.stdout

    def bulk_load(self, shards: Path) -> float:
        """Load every ``*.nq.gz`` of ``shards`` with Virtuoso's bulk loader; the seconds it took
        (``ld_dir`` + ``rdf_loader_run`` + ``checkpoint``). A file the loader rejected raises."""
        started = time.perf_counter()
        self.isql(f"ld_dir('{shards}', '*.nq.gz', 'urn:pactgraph:default'); rdf_loader_run(); checkpoint;")
        seconds = time.perf_counter() - started
        failed = self.isql(
            "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_state <> 2 OR ll_error IS NOT NULL;"
        )
        if "0 Rows." not in failed:
            raise RuntimeError(f"the bulk loader failed:\n{failed}")
        return seconds


def _ready(url: str) -> bool:
    query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    try:
        with urllib.request.urlopen(f"{url}?{query}", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def virtuoso(folder: Path, *, shards: Path) -> Iterator[Virtuoso]:
    """Virtuoso on a new database in ``folder``, allowed to read ``shards``; stopped on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    server = Virtuoso(folder, unused_port(), unused_port())
    ini = folder / "virtuoso.ini"
    ini.write_text(
        _INI.format(
            folder=folder,
            host=LOOPBACK,
            sql_port=server.sql_port,
            http_port=server.http_port,
            shards=shards,
        ),
        encoding="utf-8",
    )
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _ready(server.endpoint):
            if process.poll() is not None or time.monotonic() > deadline:
                output = (folder / "stdout.log").read_text(errors="replace")
                raise RuntimeError(f"Virtuoso did not start (exit {process.returncode}):\n{output[-2000:]}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
