"""Stopping and starting the default database of the project's own launcher, the DBMS running.

Community Edition refuses `STOP DATABASE` / `START DATABASE` ("Unsupported administration
command": they are Enterprise commands), so the offline importer used to need the whole
server stopped and started again: a new JVM, the system database and Bolt, 15-45 s on a
shared machine. The launcher (tools/neo4j, `DatabaseControl`) stops and starts the one
database itself on request of a file in HOME/control, in 0.5-2 s: the client writes
`control/request` (by rename) as `NONCE stop|start`, the launcher answers in `control/reply`
as `NONCE ok` or `NONCE error MESSAGE`. `control/protocol` (`1 PID`) says the launcher of that pid
understands it (an older build does not: `available` is False and the caller restarts the
server instead).
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from graph.store import StoreError

PROTOCOL = "1"
POLL_SECONDS = 0.05


def control_dir(home: Path) -> Path:
    return home / "control"


def available(home: Path, pid: int) -> bool:
    """Does the launcher `pid` running in `home` stop and start its database on request?"""
    try:
        text = (control_dir(home) / "protocol").read_text(encoding="utf-8")
    except OSError:
        return False
    return text.split() == [PROTOCOL, str(pid)]


class Request:
    """One request to the launcher: sent at once, its answer awaited by `wait` (so the
    caller can work while the database stops)."""

    def __init__(self, home: Path, pid: int, action: str) -> None:
        self.folder, self.pid, self.action = control_dir(home), pid, action
        self.nonce = uuid.uuid4().hex
        tmp = self.folder / f".request-{self.nonce}"
        tmp.write_text(f"{self.nonce} {action}\n", encoding="utf-8")
        os.replace(tmp, self.folder / "request")

    def wait(self, timeout: float = 900.0) -> None:
        """Until the launcher has done it; a StoreError if it failed, died or took too long."""
        reply = self.folder / "reply"
        deadline = time.monotonic() + timeout
        while True:
            try:
                text = reply.read_text(encoding="utf-8").strip()
            except OSError:
                text = ""
            if text.startswith(self.nonce + " "):
                answer = text[len(self.nonce) + 1:]
                if answer == "ok":
                    return
                raise StoreError(f"the launcher could not {self.action} the database: "
                                 + answer.removeprefix("error ")[:600])
            if not Path(f"/proc/{self.pid}").exists():
                raise StoreError(f"the launcher (pid {self.pid}) exited while asked to "
                                 f"{self.action} the database; start it again with "
                                 "scripts/neo4j.sh start")
            if time.monotonic() > deadline:
                raise StoreError(f"the launcher did not {self.action} the database within "
                                 f"{timeout:.0f} s; see its log (neo4j.log in "
                                 f"{self.folder.parent})")
            time.sleep(POLL_SECONDS)


def database(home: Path, pid: int, action: str, timeout: float = 900.0) -> None:
    """Stop or start the default database and wait for it."""
    Request(home, pid, action).wait(timeout)
