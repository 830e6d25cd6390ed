"""A first load of a big graph through Neo4j's offline importer (`estuary load --bulk`).

Only for the project's own server (scripts/neo4j.sh, the tools/neo4j launcher) with an empty
database: the importer writes store files, so the database is stopped while it runs, and it
replaces the whole database. In order:

1. check: the URI is this machine's, a launcher for ESTUARY_NEO4J_HOME runs on its port, the
   database is the default one and holds no node at all (else refuse, nothing touched);
2. write the importer's CSV files (graph/neo4j_bulk_csv.py) of the rows an online load sends
   (graph/neo4j_plan.plan);
3. stop the database, run `neo4j-admin database import full` from the launcher's own jars
   into its home, start it again. The launcher stops and starts its one database on request
   (graph/neo4j_control.py: Community Edition has no `STOP DATABASE`), in a second or two;
   with an older launcher build, the whole server is stopped (scripts/neo4j.sh stop) and
   started again with the settings it ran with;
4. online: the constraints and indexes estuary needs (the name indexes included: the indexes
   populate in the background while the constraints build, and while what the files could
   not carry, the residue, is written), then the metadata (the load ledger), so the graph
   answers every question as an online load's would.

If the importer fails, the database is started again on the (empty) store it had.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from graph import cypher, cypher_load, neo4j_control
from graph.neo4j_bulk_csv import Residue, importer_options, write_bundle_csvs
from graph.neo4j_connect import DEFAULT_URI, DEFAULT_USER, LOCAL_DEV_PASSWORD
from graph.neo4j_errors import public_uri, uri_credentials
from graph.store import LoadSummary, StoreError

if TYPE_CHECKING:
    from graph.bundle import Bundle
    from graph.neo4j_store import Neo4jStore
    from graph.settings import StoreSettings

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
RESIDUE_BATCH = 5_000
RESIDUE_GROUP_BATCH = 20_000  # ids only: a bigger batch in the same memory
GROUP_ROWS = 100  # nodes given the same residue properties that are written as a group
IMPORTER_HEAP = "1g"
Say = Callable[[str], None]


@dataclass
class OwnServer:
    """The running launcher of scripts/neo4j.sh that serves the store's URI."""

    home: Path
    port: int
    pid: int
    jar: Path
    script: Path
    heap: str | None


def default_home() -> Path:
    """ESTUARY_NEO4J_HOME as scripts/neo4j.sh defaults it."""
    given = os.environ.get("ESTUARY_NEO4J_HOME")
    if given:
        return Path(given)
    data = os.environ.get("XDG_DATA_HOME") or str(Path(os.environ.get("HOME", "/tmp"))
                                                  / ".local" / "share")
    return Path(data) / "estuary" / "neo4j"


def _refuse(why: str) -> StoreError:
    return StoreError(f"--bulk refused: {why}. --bulk stops the database and rebuilds it "
                      "with Neo4j's offline importer, so it only makes the first load "
                      "into the project's own empty server (scripts/neo4j.sh start); load "
                      "without --bulk otherwise")


def own_server(location: str, home: Path | None = None) -> OwnServer:
    """The launcher serving `location` (a URI without credentials), or a refusal."""
    parts = urlsplit(location)
    if parts.hostname not in LOCAL_HOSTS:
        raise _refuse(f"{location} is not on this machine")
    port = parts.port or 7687
    home = (home or default_home()).resolve()
    try:
        pid = int((home / "neo4j.pid").read_text().strip())
        served = int((home / "neo4j.port").read_text().strip())
        argv = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError):
        raise _refuse(f"no server of scripts/neo4j.sh runs for ESTUARY_NEO4J_HOME={home} "
                      "(set ESTUARY_NEO4J_HOME to the data directory of the server at "
                      f"{location})") from None
    args = [a.decode(errors="replace") for a in argv]
    jars = [Path(a) for a in args if a.endswith("estuary-neo4j.jar")]
    if not jars:
        raise _refuse(f"process {pid} of {home / 'neo4j.pid'} is not the estuary launcher")
    if served != port:
        raise _refuse(f"the server of ESTUARY_NEO4J_HOME={home} listens on port {served}, "
                      f"not {port}")
    jar = jars[0].resolve()
    script = jar.parents[3] / "scripts" / "neo4j.sh"
    if not (jar.parent / "lib").is_dir() or not script.is_file():
        raise _refuse(f"the launcher's jars ({jar.parent / 'lib'}) or scripts/neo4j.sh "
                      f"({script}) are missing")
    heap = next((a[4:] for a in args if a.startswith("-Xmx")), None)
    return OwnServer(home, port, pid, jar, script, heap)


def restart_password(settings: StoreSettings) -> str:
    """The password the client logged in with: the server is started again with it (the
    launcher sets it on every start), so it must be user neo4j's."""
    given = settings.neo4j_uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    uri_user, uri_password = uri_credentials(given)
    user = settings.neo4j_user or uri_user or os.environ.get("NEO4J_USERNAME") or DEFAULT_USER
    if user != DEFAULT_USER:
        raise _refuse(f"the launcher's user is {DEFAULT_USER!r}, not {user!r}")
    password = settings.neo4j_password or uri_password or os.environ.get("NEO4J_PASSWORD")
    if password is None and public_uri(given) == DEFAULT_URI:
        password = LOCAL_DEV_PASSWORD
    if not password:
        raise _refuse("no password to start the server again with: set NEO4J_PASSWORD")
    return password


def _server_settings(store: Neo4jStore) -> dict[str, str]:
    """The memory settings the server runs with, to start it again with the same."""
    records, _, _ = store.driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
        names=["server.memory.pagecache.size", "dbms.memory.transaction.total.max"])
    found = {r["name"]: str(r["value"]) for r in records}
    env = {}
    if found.get("server.memory.pagecache.size"):
        env["NEO4J_PAGECACHE"] = found["server.memory.pagecache.size"]
    if found.get("dbms.memory.transaction.total.max"):
        env["NEO4J_TX_MEMORY"] = found["dbms.memory.transaction.total.max"]
    return env


def check_empty(store: Neo4jStore) -> None:
    if store.database not in (None, "neo4j"):
        raise _refuse(f"database {store.database!r} is not the launcher's one ('neo4j')")
    records, _, _ = store.driver.execute_query("MATCH (n) RETURN count(n) AS n",
                                               database_=store.database)
    if records[0]["n"]:
        raise _refuse(f"{store.where} is not empty ({records[0]['n']:,} nodes), and the "
                      "importer would replace all of it")


def _script(server: OwnServer, action: str, extra: dict[str, str] | None = None
            ) -> subprocess.Popen[str]:
    """scripts/neo4j.sh ACTION for the server, started (`_finish` waits for it)."""
    env = {k: v for k, v in os.environ.items() if "PASSWORD" not in k.upper()}
    env.update(ESTUARY_NEO4J_HOME=str(server.home), NEO4J_BOLT_PORT=str(server.port),
               **(extra or {}))
    return subprocess.Popen([str(server.script), action], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _finish(script: subprocess.Popen[str], action: str) -> None:
    out, _ = script.communicate()
    if script.returncode != 0:
        raise StoreError(f"scripts/neo4j.sh {action} failed: " + " ".join(out.split())[-600:])


def run_importer(jar: Path, home: Path, csv_args: list[str], work: Path,
                 threads: int | None = None) -> str:
    """`neo4j-admin database import full neo4j` from the launcher's jars into `home` (the
    server must be stopped); returns the importer's summary."""
    conf = work / "conf"
    conf.mkdir(exist_ok=True)
    (conf / "neo4j.conf").write_text("", encoding="utf-8")
    java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get(
        "JAVA_HOME") else "java"
    classpath = f"{jar}:{jar.parent / 'lib'}/*"
    command = [java, f"-Xmx{IMPORTER_HEAP}", "-cp", classpath, "org.neo4j.cli.AdminTool",
               "database", "import", "full", "neo4j", "--overwrite-destination",
               *importer_options(threads or os.cpu_count() or 2),
               f"--max-off-heap-memory={IMPORTER_HEAP}",
               f"--report-file={work / 'import.report'}", *csv_args]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = " ".join((done.stderr + done.stdout).split())[-800:]
        raise StoreError(f"the offline importer failed (exit {done.returncode}): {tail}")
    found = re.search(r"Imported:\s*(.*?)(?:Peak memory|\Z)", done.stdout, re.S)
    return " ".join(found.group(1).split()) if found else ""


def start_schema(store: Neo4jStore) -> None:
    """Estuary's indexes and constraints on the imported store, in the order that overlaps
    their building: the full-text name indexes and the marker indexes first, in one
    transaction (their population runs in the background, one pass over the nodes for all of
    them), then the constraints, each awaited while the others populate (a probe at 100k
    entities: 5.3-5.7 s against 9.4-9.8 s for the constraints first and then the indexes).
    Neo4jStore.ensure_constraints afterwards finds them all and awaits them."""
    indexes = (*cypher.NAME_INDEXES,
               *(q for q in cypher_load.LOAD_CONSTRAINTS if q.startswith("CREATE INDEX")))
    constraints = (*cypher.CONSTRAINTS,
                   *(q for q in cypher_load.LOAD_CONSTRAINTS if q.startswith("CREATE CONSTRAINT")))
    with store.driver.session(database=store.database) as session:
        with session.begin_transaction() as tx:
            for statement in indexes:
                tx.run(statement).consume()
            tx.commit()
        for statement in constraints:
            session.run(statement).consume()


def write_residue(store: Neo4jStore, residue: Residue) -> None:
    """What the files did not carry, as an online load writes it. Nodes given the same
    properties (most often an empty list, which the importer does not store) are written a
    group at a time, by their ids alone."""
    groups: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for node_id, props in residue.node_props:
        key = repr(sorted(props.items()))
        groups.setdefault(key, (props, []))[1].append(node_id)
    singles = [[i, props] for props, ids in groups.values() if len(ids) < GROUP_ROWS
               for i in ids]
    with store.driver.session(database=store.database) as session:
        for props, ids in groups.values():
            if len(ids) < GROUP_ROWS:
                continue
            for i in range(0, len(ids), RESIDUE_GROUP_BATCH):
                session.run(f"UNWIND $ids AS id MATCH (n:{cypher.ENTITY} {{id: id}}) "
                            "SET n += $props", ids=ids[i:i + RESIDUE_GROUP_BATCH],
                            props=props).consume()
        rows = singles
        for i in range(0, len(rows), RESIDUE_BATCH):
            session.run(f"UNWIND $rows AS row MATCH (n:{cypher.ENTITY} {{id: row[0]}}) "
                        "SET n += row[1]", rows=rows[i:i + RESIDUE_BATCH]).consume()
        for name, rels in residue.relations.items():
            for i in range(0, len(rels), RESIDUE_BATCH):
                session.run(cypher.create_relations(name), rows=rels[i:i + RESIDUE_BATCH]
                            ).consume()


def _import(server: OwnServer, bundle: Bundle, work: Path, threads: int | None,
            in_place: bool, start_env: dict[str, str], tell: Say) -> Residue:
    """Stop the database (or, with an older launcher, the server) while the CSV files are
    written, run the importer, start it again (also when writing or importing failed: on
    the empty database it had). Returns the residue the files could not carry."""
    what = "database" if in_place else "server"
    tell(f"stopping the {what} and writing the importer's CSV files ...")
    stopping: neo4j_control.Request | subprocess.Popen[str] = (
        neo4j_control.Request(server.home, server.pid, "stop") if in_place
        else _script(server, "stop"))
    failure: Exception | None = None
    residue = Residue()
    try:
        csv_dir = work / "csv"
        csv_dir.mkdir()
        csv_args, residue = write_bundle_csvs(bundle, csv_dir)
    except Exception as exc:  # (the database is started again all the same)
        failure = exc
    if isinstance(stopping, neo4j_control.Request):
        stopping.wait()
    else:
        _finish(stopping, "stop")
    if failure is None:
        try:
            tell("importing (neo4j-admin database import full) ...")
            run_importer(server.jar, server.home, csv_args, work, threads)
        except StoreError as exc:
            failure = exc
    tell(f"starting the {what} ...")
    if in_place:
        neo4j_control.database(server.home, server.pid, "start")
    else:
        _finish(_script(server, "start", start_env), "start")
    if failure:
        raise failure
    return residue


def bulk_load(settings: StoreSettings, store: Neo4jStore, bundle: Bundle,
              meta: dict[str, str] | None = None, *, say: Say | None = None,
              threads: int | None = None, home: Path | None = None) -> LoadSummary:
    """The first load of `bundle` into the project's own empty Neo4j through the offline
    importer (see the module's docstring). `store` is closed; the graph answers as after
    `store.load(bundle, meta=meta)`."""
    from graph.neo4j_store import Neo4jStore

    def tell(text: str) -> None:
        if say:
            say(text)

    server = own_server(store.location, home)
    in_place = neo4j_control.available(server.home, server.pid)
    start_env: dict[str, str] = {}
    if not in_place:  # an older launcher: the whole server is stopped and started again
        start_env = {"NEO4J_PASSWORD": restart_password(settings), **_server_settings(store)}
        if server.heap:
            start_env["NEO4J_HEAP"] = server.heap
    check_empty(store)
    work = Path(tempfile.mkdtemp(prefix="estuary-bulk-", dir=server.home))
    store.close()
    try:
        residue = _import(server, bundle, work, threads, in_place, start_env, tell)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    tell("building the constraints and indexes ...")
    loaded = Neo4jStore.connect(settings)
    try:
        start_schema(loaded)
        if residue:
            tell("writing what the files could not carry (the indexes populating) ...")
        write_residue(loaded, residue)
        tell("awaiting the indexes ...")
        loaded.ensure_constraints()  # (all there: awaits them, marks the name indexes ready)
        if meta:
            loaded.driver.execute_query(
                cypher.SET_META, rows=[{"key": k, "value": v} for k, v in meta.items()],
                database_=loaded.database)
    finally:
        loaded.close()
    return LoadSummary(len(bundle.entities), 0, len(bundle.relations), 0)
