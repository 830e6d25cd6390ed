"""Every driver failure is one `Error:` line naming the URI without credentials; `cypher
--param` refuses what the server cannot take; `--json` is always JSON.

"Server gone mid-load" runs the load through a TCP proxy to the real server and cuts it.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from typing import Any

import pytest
from test_neo4j_load import _bundle, _remove, _state
from typer.testing import CliRunner

import graph.neo4j_load as neo4j_load
from estuary.cli import app
from graph.neo4j_errors import one_line, public_uri, uri_credentials
from graph.neo4j_store import Neo4jStore
from graph.settings import StoreSettings
from graph.store import StoreError


@pytest.fixture
def env(neo4j_cli: Any) -> Any:
    return neo4j_cli


def _one_error_line(result: Any) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    return lines[0]


# -- URIs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("uri, public", [
    ("bolt://neo4j:secret@host:7687", "bolt://host:7687"),
    ("neo4j+s://u:p%40ss@x.databases.neo4j.io/db", "neo4j+s://x.databases.neo4j.io/db"),
    ("bolt://host:7687", "bolt://host:7687"),
    ("bolt://user@host", "bolt://host"),
])
def test_credentials_are_stripped_from_uris(uri: str, public: str) -> None:
    assert public_uri(uri) == public


def test_credentials_in_the_uri_are_used() -> None:
    assert uri_credentials("bolt://neo4j:p%40ss@host:1") == ("neo4j", "p@ss")
    assert uri_credentials("bolt://host:1") == (None, None)


def test_password_in_the_uri_is_never_printed(runner: CliRunner, env: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://neo4j:secret-in-uri@127.0.0.1:1")
    line = _one_error_line(runner.invoke(app, ["stats"]))
    assert line.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:1: ")
    assert "secret-in-uri" not in line


def test_a_uri_with_credentials_logs_in(runner: CliRunner, env: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    host = env.neo4j_uri.split("://", 1)[1]
    monkeypatch.setenv("NEO4J_URI", f"bolt://neo4j:{env.neo4j_password}@{host}")
    monkeypatch.delenv("NEO4J_PASSWORD")
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    assert env.neo4j_password not in result.output


def test_server_messages_become_one_short_line() -> None:
    assert one_line("Invalid input 'X'\n\"MATCH X\"\n       ^") == "Invalid input 'X'"
    assert len(one_line("x" * 100_000)) == 240


# -- the server going away mid-load ------------------------------------------------------------

class Proxy:
    """A TCP proxy to the test server that can be cut, like a server that goes away."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.cut_off = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut_off:
                client.close()
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):  # shutdown first: it wakes a thread blocked in recv(), close() doesn't
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def cut(self) -> None:
        self.cut_off = True
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass


def test_server_gone_mid_load_is_one_line_and_leaves_a_marker(
        neo4j_store: Any, neo4j_settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _remove(neo4j_store)
    before = _state(neo4j_store)
    monkeypatch.setattr(neo4j_load, "transaction_budget", lambda d, db: 40 * 4_000)
    proxy = Proxy(int(neo4j_settings.neo4j_uri.rsplit(":", 1)[1]))
    via = StoreSettings(kind="neo4j", neo4j_uri=f"bolt://127.0.0.1:{proxy.port}",
                        neo4j_password=neo4j_settings.neo4j_password)
    store = Neo4jStore.connect(via)
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            proxy.cut()

    try:
        with pytest.raises(StoreError) as err:
            store.load(_bundle(300, 1), progress=progress)
        message = str(err.value)
        assert message.startswith(f"lost the connection to Neo4j at bolt://127.0.0.1:"
                                  f"{proxy.port}: is it still running?"), message
        assert "the load is interrupted" in message and "--rollback" in message
        assert "\n" not in message
        direct = Neo4jStore.connect(neo4j_settings, interrupted_ok=True)
        for _ in range(100):  # the server ends the dead client's transactions within moments
            if "interrupted after" in (direct.interrupted_load() or ""):
                break
            time.sleep(0.1)
        assert "interrupted after" in (direct.interrupted_load() or "")
        direct.rollback_load()
        direct.close()
        assert _state(neo4j_store) == before
    finally:
        store.close()
        _remove(neo4j_store)


def test_out_of_transaction_memory_is_one_line(neo4j_store: Any) -> None:
    """A statement of the user's that exceeds db.memory.transaction.max."""
    with pytest.raises(StoreError) as err:
        neo4j_store.run_cypher("UNWIND range(1, 8000000) AS i RETURN size(collect(i)) AS n",
                               {})
    message = str(err.value)
    assert "\n" not in message
    assert message == (f"{neo4j_store.where} ran out of transaction memory "
                       "(db.memory.transaction.max); nothing of that transaction was written")


# -- cypher --param and --json -------------------------------------------------------------

@pytest.mark.parametrize("value, reason", [
    ("NaN", "is not a finite number"),
    ("Infinity", "is not a finite number"),
    ("-Infinity", "is not a finite number"),
    ("1e999", "is not a finite number"),
    ("[1, NaN]", "is not a finite number"),
    ("123456789012345678901234567890", "is an integer beyond 64 bits"),
    ("-9223372036854775809", "is an integer beyond 64 bits"),
    ("9" * 5000, "is an integer beyond 64 bits"),
    ("[" * 50_000 + "]" * 50_000, "is nested deeper than 32 levels"),
    ('{"a": ' * 40 + "1" + "}" * 40, "is nested deeper than 32 levels"),
])
def test_param_values_the_server_cannot_take(runner: CliRunner, value: str,
                                             reason: str) -> None:
    result = runner.invoke(app, ["cypher", "RETURN $p", "--param", f"p={value}", "--json"])
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert line.startswith("Error: --param p: the value " + reason), line


@pytest.mark.parametrize("value, expected", [
    ("9223372036854775807", 9223372036854775807), ("-9223372036854775808", -2**63),
    ('"NaN"', "NaN"), ("1.5", 1.5), ("[[1]]", [[1]]), ("plain text", "plain text"),
])
def test_param_values_that_pass(runner: CliRunner, env: Any, value: str,
                                expected: Any) -> None:
    result = runner.invoke(app, ["cypher", "RETURN $p AS p", "--param", f"p={value}",
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"p": expected}]


def _strict(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_json_output_is_json_even_for_nan(runner: CliRunner, env: Any) -> None:
    result = runner.invoke(app, ["cypher", "RETURN 0.0 / 0.0 AS nan, 1.0 / 0.0 AS inf, "
                                 "-1.0 / 0.0 AS ninf, point({x: 1, y: 2}) AS pt, "
                                 "date('2026-01-02') AS d, duration('P1D') AS dur", "--json"])
    assert result.exit_code == 0, result.output
    row = _strict(result.stdout)[0]
    assert (row["nan"], row["inf"], row["ninf"]) == ("NaN", "Infinity", "-Infinity")
    assert row["d"] == "2026-01-02" and row["dur"] == "P1D"
    assert "1" in row["pt"]


@pytest.mark.parametrize("args", [["stats", "--json"], ["links", "南通", "苏州", "--json"],
                                  ["search", "南通", "--json"]])
def test_other_json_outputs_on_neo4j_are_strict_json(runner: CliRunner, env: Any,
                                                     args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    _strict(result.stdout)
