"""Reaching a Neo4j server: the URI, credentials and database from settings or the
environment, a driver, and the checks that it answers (reachable, credentials, database,
version), each failure one StoreError line that names the server without credentials."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from graph import cypher
from graph.neo4j_errors import driver_errors, one_line, public_uri, uri_credentials
from graph.store import StoreError

if TYPE_CHECKING:
    from neo4j import Driver

    from graph.settings import StoreSettings

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
LOCAL_DEV_PASSWORD = "estuary-dev"  # the password scripts/neo4j.sh gives its local server
MIN_MAJOR_VERSION = 5
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def require_version(version: str, where: str) -> None:
    """Refuse servers older than Neo4j 5 (the Cypher here uses 5.x syntax)."""
    try:
        major = int(version.split(".")[0])
    except ValueError:
        major = 0
    if major < MIN_MAJOR_VERSION:
        raise StoreError(f"{where} runs Neo4j {version}; estuary needs "
                         f"{MIN_MAJOR_VERSION}.x or newer")


def open_checked_driver(settings: StoreSettings) -> tuple[Driver, str | None, str, str]:
    """A driver to a server that answers: (driver, database, location without credentials,
    the words naming the server in messages)."""
    import neo4j
    from neo4j import exceptions as nx

    given = settings.neo4j_uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    # user:password@ in the URI is used as credentials, and never printed.
    uri_user, uri_password = uri_credentials(given)
    uri = public_uri(given)
    user = (settings.neo4j_user or uri_user or os.environ.get("NEO4J_USERNAME")
            or DEFAULT_USER)
    password = settings.neo4j_password or uri_password or os.environ.get("NEO4J_PASSWORD")
    if password is None:
        if uri != DEFAULT_URI:
            raise StoreError(f"no password for Neo4j at {uri}: set NEO4J_PASSWORD")
        password = LOCAL_DEV_PASSWORD
    database = settings.neo4j_database or os.environ.get("NEO4J_DATABASE") or None
    where = f"Neo4j at {uri}" + (f" (database {database!r})" if database else "")
    if uri.split("://", 1)[0] not in BOLT_SCHEMES:
        raise StoreError(f"invalid Neo4j URI {uri!r}: use one of "
                         f"{', '.join(s + '://' for s in BOLT_SCHEMES)} (Aura: neo4j+s://)")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password),
                                            connection_timeout=10,
                                            connection_acquisition_timeout=20,
                                            # counting an absent label is not a mistake
                                            notifications_min_severity="OFF")
    except (ValueError, nx.ConfigurationError) as exc:
        raise StoreError(f"invalid Neo4j URI {uri!r}: {one_line(str(exc))}") from None
    try:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query(
            cypher.SERVER_CHECK, database_=database, routing_=neo4j.RoutingControl.READ)
    except nx.AuthError:
        driver.close()
        raise StoreError(f"{where} refused the credentials of user {user!r}: check "
                         "NEO4J_USERNAME and NEO4J_PASSWORD") from None
    except nx.ServiceUnavailable:
        driver.close()
        raise StoreError(f"cannot reach {where}: is it running? Start the local one with "
                         "`scripts/neo4j.sh start`, or set NEO4J_URI") from None
    except nx.ClientError as exc:
        driver.close()
        if exc.code and "DatabaseNotFound" in exc.code:
            raise StoreError(f"{where}: database {database!r} does not exist; set "
                             "NEO4J_DATABASE to an existing one (e.g. neo4j)") from None
        raise StoreError(f"{where}: {one_line(exc.message)}") from None
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        driver.close()
        with driver_errors(where):
            raise exc from None
    try:
        require_version(str(records[0]["versions"][0]) if records else "0", where)
    except StoreError:
        driver.close()
        raise
    return driver, database, uri + (f"/{database}" if database else ""), where
