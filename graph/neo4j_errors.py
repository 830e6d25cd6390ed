"""Every driver failure as one StoreError line that names the server, never its credentials.

The Neo4j driver raises its own exception types, with multi-line messages (a syntax error
points at the query with a caret on a second line) that may quote a whole offending value.
`driver_errors` turns each into one short line: what happened, where (the URI without
user:password), and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from graph.store import StoreError

MAX_MESSAGE = 240  # characters of the server's own message kept in one line


def public_uri(uri: str) -> str:
    """The URI with any user:password@ removed, fit to print."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri.rsplit("@", 1)[-1]
    netloc, slash, path = rest.partition("/")
    return f"{scheme}://{netloc.rsplit('@', 1)[-1]}{slash}{path}"


def uri_credentials(uri: str) -> tuple[str | None, str | None]:
    """(user, password) written into the URI as user:password@host, if any."""
    from urllib.parse import unquote

    _, sep, rest = uri.partition("://")
    netloc = rest.split("/", 1)[0] if sep else ""
    if "@" not in netloc:
        return None, None
    userinfo = netloc.rsplit("@", 1)[0]
    user, colon, password = userinfo.partition(":")
    return unquote(user) or None, unquote(password) if colon else None


def one_line(message: str | None, limit: int = MAX_MESSAGE) -> str:
    """A server message as one line: its first line, whitespace collapsed, cut at `limit`."""
    text = re.sub(r"\s+", " ", (message or "").strip().splitlines()[0] if message else "")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def is_out_of_memory(exc: BaseException) -> bool:
    code = getattr(exc, "code", None) or ""
    return "MemoryPoolOutOfMemory" in code or "MemoryLimitExceeded" in code or (
        "memory" in (getattr(exc, "message", None) or "").lower()
        and "Neo.TransientError" in code)


def describe(exc: BaseException, where: str) -> str:
    """One line for a driver exception raised while talking to `where`."""
    from neo4j import exceptions as nx

    code = getattr(exc, "code", None) or ""
    message = one_line(getattr(exc, "message", None) or str(exc))
    if isinstance(exc, nx.AuthError):
        return (f"{where} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD")
    if isinstance(exc, nx.ServiceUnavailable | nx.SessionExpired):
        return (f"lost the connection to {where}: is it still running? "
                "(scripts/neo4j.sh status)")
    if is_out_of_memory(exc):
        return (f"{where} ran out of transaction memory (db.memory.transaction.max); "
                "nothing of that transaction was written")
    if "too large to index" in message.lower():
        return (f"{where}: a value is too large for the server to index (ids and keys must "
                "stay under about 8 kB); nothing of that transaction was written")
    if isinstance(exc, nx.Neo4jError):
        return f"{where}: {message}" + (f" ({code})" if code and code not in message else "")
    if isinstance(exc, nx.DriverError):
        return f"{where}: {type(exc).__name__}: {message}"
    return f"cannot reach {where}: {message}"


@contextmanager
def driver_errors(where: str, then: str = "") -> Iterator[None]:
    """Turn driver failures (and socket errors) inside the block into one StoreError line;
    `then` is appended, e.g. what state a load was left in."""
    from neo4j import exceptions as nx

    try:
        yield
    except StoreError:
        raise
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        raise StoreError(describe(exc, where) + then) from None
