"""Is a user's Cypher read-only? The server's own plan decides, not the query text.

A read transaction only stops data writes: LOAD CSV (files, URLs), SHOW/TERMINATE
TRANSACTIONS, administration and many procedures run in one as well. So `estuary cypher`
without --write first EXPLAINs the statement and runs it only if the plan's query type is
"r" and no operator in it reads outside the graph, administers the server or calls a
procedure off the allow-list below. Unknown operators pass only if the query type says read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Procedures that only describe the graph's schema or the server's version.
ALLOWED_PROCEDURES = ("db.labels", "db.relationshipTypes", "db.propertyKeys",
                      "db.schema.visualization", "db.schema.nodeTypeProperties",
                      "db.schema.relTypeProperties", "dbms.components")
# SHOW commands that list the schema or the server's catalogue, nobody's activity or settings.
ALLOWED_SHOWS = ("ShowIndexes", "ShowConstraints", "ShowFunctions", "ShowProcedures")

OPT_IN = "add --write to run it anyway"


def _operators(plan: Any) -> Iterator[tuple[str, str, str]]:
    """(operator, database, details) of every operator in an EXPLAIN plan, depth first."""
    if not plan:
        return
    name, _, database = str(plan.get("operatorType", "")).partition("@")
    yield name, database, str((plan.get("args") or {}).get("Details") or "")
    for child in plan.get("children") or ():
        yield from _operators(child)


def _procedure(details: str) -> str:
    match = re.match(r"\s*([\w.`]+)\s*\(", details)
    return match.group(1).replace("`", "") if match else details.split("(")[0].strip()


def refusal(query_type: str | None, plan: Any, database: str | None) -> str | None:
    """Why a statement may not run in read-only mode (one line), or None if it only reads."""
    only_allowed_calls = False  # dbms.components plans as "s": its allow-listing decides
    for name, where, details in _operators(plan):
        if name.startswith(("Create", "Drop", "DoNothing")):
            only_allowed_calls = False
            break
        if name == "LoadCSV":
            return f"LOAD CSV makes the server read a file or fetch a URL; {OPT_IN}"
        if name == "AdministrationCommand" or where == "system":
            return f"this is an administration command (users, roles, databases); {OPT_IN}"
        if name.startswith(("Terminate", "Show")) and name not in ALLOWED_SHOWS:
            what = re.sub(r"(?<!^)(?=[A-Z])", " ", name).upper()
            return (f"{what} administers the server or shows other sessions' activity or its "
                    f"settings; {OPT_IN}")
        if name == "ProcedureCall":
            proc = _procedure(details)
            if proc not in ALLOWED_PROCEDURES:
                return (f"procedure {proc} is not on the read-only allow-list "
                        f"({', '.join(ALLOWED_PROCEDURES)}); {OPT_IN}")
            only_allowed_calls = True
        if database and where and where != database:
            return f"the statement reaches database {where!r}, not {database!r}; {OPT_IN}"
    kinds = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or the server"}
    if query_type != "r" and not (query_type == "s" and only_allowed_calls):
        what = kinds.get(query_type or "", "is not a read")
        return f"the server's plan says this statement {what} (query type {query_type!r}); {OPT_IN}"
    return None
