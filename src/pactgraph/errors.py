"""One exception hierarchy, so the CLI can turn any expected failure into a one-line message.

Every error carries an ``exit_code`` (2 = usage or input error; 1 = the graph fails validation or
is inconsistent; 3 = a server, remote endpoint or Dask cluster failed) and renders as a single line that tells the
user what to do next. ``details`` (a validation report, say) is printed before that line when there
is more to show.
"""

from __future__ import annotations

from pathlib import Path


def _where(file: Path | str | None, line: int | None = None, column: int | None = None) -> str:
    """Render ``file:line:column`` with whatever parts are known."""
    parts = [str(file)] if file is not None else []
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


def decode_location(raw: bytes, err: UnicodeDecodeError) -> tuple[int, int]:
    """Line and column (from 1) of the byte where decoding ``raw`` failed, for file:line:column.

    >>> try:
    ...     b"ok\\nbad \\xff".decode("utf-8")
    ... except UnicodeDecodeError as err:
    ...     decode_location(b"ok\\nbad \\xff", err)
    (2, 5)
    """
    line = raw.count(b"\n", 0, err.start) + 1
    column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
    return line, column


class PactgraphError(Exception):
    """Base of every expected pactgraph failure: a one-line message and a process exit code.

    >>> str(PactgraphError("something went wrong")), PactgraphError.exit_code
    ('something went wrong', 2)
    """

    exit_code: int = 2

    def __init__(self, message: str, *, details: str | None = None) -> None:
        # Keep the message on one line: the CLI prints exactly one line per error.
        self.message = " ".join(str(message).split())
        self.details = details
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        """Pickled as its state, not its constructor's arguments (keyword-only in many subclasses,
        which plain exception pickling drops): an error raised in a worker process or on a Dask
        worker comes back whole instead of failing to unpickle (which hung a multiprocessing pool).

        >>> import pickle
        >>> error = pickle.loads(pickle.dumps(GraphLoadError("bad", file="kg.ttl", line=2)))
        >>> str(error), error.line, type(error).__name__
        ('kg.ttl:2: bad; fix the file or rebuild it with `pactgraph build`', 2, 'GraphLoadError')
        """
        return _rebuilt, (type(self), self.message, self.__dict__)


def _rebuilt(cls: type[PactgraphError], message: str, state: dict) -> PactgraphError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class LocatedError(PactgraphError):
    """An error in a user's file, located as precisely as known: ``file:line:column: message``."""

    def __init__(
        self,
        message: str,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.file, self.line, self.column = file, line, column
        where = _where(file, line, column)
        super().__init__(f"{where}: {message}" if where else message)


class ArticleError(LocatedError):
    """An article file cannot be read or parsed.

    >>> str(ArticleError("missing title", file="articles/a.md", line=1))
    'articles/a.md:1: missing title'
    """


class GraphLoadError(PactgraphError):
    """An RDF file cannot be loaded (missing, or a syntax error at file:line:column).

    >>> str(GraphLoadError("unexpected end of file", file="data/kg.ttl", line=12, column=5))
    'data/kg.ttl:12:5: unexpected end of file; fix the file or rebuild it with `pactgraph build`'
    """

    def __init__(
        self,
        message: str,
        *,
        file: Path | str,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = "fix the file or rebuild it with `pactgraph build`",
    ) -> None:
        self.file, self.line, self.column = file, line, column
        text = f"{_where(file, line, column)}: {message}"
        super().__init__(f"{text}; {hint}" if hint else text)


class QueryError(LocatedError):
    """A query name is unknown, or a SPARQL query does not parse (file:line:column).

    >>> str(QueryError("expected WHERE", file="q.rq", line=3, column=1))
    'q.rq:3:1: expected WHERE'
    """


class QueryParameterError(QueryError):
    """A query parameter is malformed (a date, an IRI), names nothing in the graph, or is one the
    query does not take (exit code 2).

    >>> str(QueryParameterError("--since must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '2024-13'"))
    "--since must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '2024-13'"
    """


class CurationError(LocatedError):
    """The curation file cannot be read or says something impossible (file:line:column).

    >>> str(CurationError("unknown key 'retrct'", file="data/curation.yaml", line=4, column=1))
    "data/curation.yaml:4:1: unknown key 'retrct'"
    """


class LinksError(LocatedError):
    """The links file cannot be read or holds a malformed row (file:line:column).

    >>> str(LinksError("wikidata '227' is not a Wikidata item ID", file="data/links.csv", line=3, column=21))
    "data/links.csv:3:21: wikidata '227' is not a Wikidata item ID"
    """


class ExportError(PactgraphError):
    """The graph cannot be serialized or written in the requested format."""


class UsageError(PactgraphError):
    """The command line asks for something contradictory or impossible."""


class StateInUseError(UsageError):
    """The build state is in use by another pactgraph process (a build, or a command writing a
    graph file a build left on demand) for longer than one waits for it.

    >>> StateInUseError("cache/state.sqlite: in use").exit_code
    2
    """


class ServeError(PactgraphError):
    """The local SPARQL server cannot start, or stopped on its own (exit code 3).

    >>> ServeError("127.0.0.1:7878: address already in use; pass another --port").exit_code
    3
    """

    exit_code = 3


class EndpointError(PactgraphError):
    """A remote SPARQL endpoint or Graph Store refused or failed a request (exit code 3).

    The message starts with the URL and ends with what to do about it. ``status`` is the HTTP
    status, when there was one; ``retry_after`` the server's Retry-After in seconds, when it sent one.

    >>> str(EndpointError("HTTP 400 Bad Request", endpoint="http://127.0.0.1:7878/store", hint="check the URL"))
    'http://127.0.0.1:7878/store: HTTP 400 Bad Request; check the URL'
    >>> str(EndpointError("HTTP 503", endpoint="http://h/query", hint="try later").retried(3))
    'http://h/query: HTTP 503 (retried 3 times); try later'
    """

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        endpoint: str,
        hint: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.endpoint, self.what, self.hint = endpoint, message, hint
        self.status, self.retry_after = status, retry_after
        text = f"{endpoint}: {message}"
        super().__init__(f"{text}; {hint}" if hint else text)

    def retried(self, times: int) -> EndpointError:
        """The same error, saying how many times the request was retried before giving up."""
        what = f"{self.what} (retried {times} time{'s' if times != 1 else ''})"
        return type(self)(
            what, endpoint=self.endpoint, hint=self.hint, status=self.status, retry_after=self.retry_after
        )


class EndpointAuthError(EndpointError):
    """HTTP 401 or 403: missing, wrong or insufficient credentials."""


class EndpointNotFoundError(EndpointError):
    """HTTP 404: no endpoint at this URL."""


class PayloadTooLargeError(EndpointError):
    """HTTP 413: the server refuses a request body this large."""


class EndpointServerError(EndpointError):
    """HTTP 5xx: the server failed while handling the request."""


class EndpointUnavailableError(EndpointServerError):
    """HTTP 502 or 503: the server is momentarily unable to answer; worth retrying."""


class EndpointRateLimitedError(EndpointError):
    """HTTP 429: the server asks to slow down; worth retrying after its Retry-After."""


class EndpointUnreachableError(EndpointError):
    """No connection: refused, unknown host, or network unreachable."""


class EndpointTimeoutError(EndpointError):
    """No complete answer within the timeout (including an answer sent too slowly)."""


class EndpointAnswerError(EndpointError):
    """The answer is cut off, or is not what was asked for (not SPARQL JSON results)."""


class ClusterError(PactgraphError):
    """The Dask scheduler of ``build --scheduler`` cannot be reached, was lost, has no workers, or
    its workers died on a task; or a local build process died (exit code 3). The message starts
    with the scheduler's address.

    >>> ClusterError("tcp://127.0.0.1:8786: cannot reach the Dask scheduler").exit_code
    3
    """

    exit_code = 3


class ValidationError(PactgraphError):
    """The graph violates the SHACL shapes; ``details`` holds the report when it was not printed.

    >>> ValidationError("data/kg.trig: 2 violations").exit_code
    1
    """

    exit_code = 1


class InconsistentGraphError(PactgraphError):
    """Ontology and data contradict each other; the message names the clashing individuals.

    >>> InconsistentGraphError("x is both a person and an organization").exit_code
    1
    """

    exit_code = 1


class ReasonerError(PactgraphError):
    """The reasoner could not run (a Java failure other than an inconsistency)."""


class FetchError(PactgraphError):
    """A page or feed could not be fetched or read (exit code 3 for ``add``): ``URL: what; hint``.

    ``add`` reports each such failure on one line and goes on with the other sources.

    >>> str(FetchError("HTTP 404 Not Found", url="http://h/a.html", hint="check the link"))
    'http://h/a.html: HTTP 404 Not Found; check the link'
    """

    exit_code = 3

    def __init__(self, message: str, *, url: str, hint: str | None = None, status: int | None = None) -> None:
        self.url, self.what, self.hint, self.status = url, message, hint, status
        text = f"{url}: {message}"
        super().__init__(f"{text}; {hint}" if hint else text)


class FetchStatusError(FetchError):
    """The server answered an HTTP error status (4xx, 5xx)."""


class FetchTimeoutError(FetchError):
    """No complete answer within the timeout (including one dripped too slowly)."""


class FetchUnreachableError(FetchError):
    """No connection: refused, unknown host, or network unreachable."""


class RedirectLoopError(FetchError):
    """Redirects that come back to a URL already visited, or too many of them."""


class NotHTMLError(FetchError):
    """The answer is not an HTML page (or, for a feed, not a feed): its content type is refused."""


class PageTooLargeError(FetchError):
    """The answer is larger than the limit for one page."""


class RobotsDisallowedError(FetchError):
    """The site's robots.txt does not allow pactgraph to fetch this URL."""


class PrivateAddressError(FetchError):
    """The URL leads to a private, loopback or link-local address that a public source may not reach."""


class PageError(FetchError):
    """A fetched or saved page holds no article text, or a feed is malformed."""
