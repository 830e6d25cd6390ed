"""Capture the --json output (and HTML digests) of a broad set of commands on both stores.

A refactor that must not change behaviour runs this before and after and diffs the two files:
    python bench/golden/capture.py before.json   # on the old tree
    python bench/golden/capture.py after.json    # on the new tree
    diff before.json after.json
The Neo4j half runs when ESTUARY_TEST_NEO4J_URI names a server whose data may be wiped.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PAIRS = [("南通", "苏州"), ("南通", "上海"), ("苏州", "上海"), ("南通", "苏州工业园区")]
ENTITIES = ["南通", "苏州", "上海", "苏州工业园区", "苏锡通科技产业园区", "财税共享",
            "沪苏通长江公铁大桥"]
QUESTIONS = [
    "南通的六大千亿级产业是什么", "南通和苏州共建了哪些园区",
    "which industries link Nantong and Suzhou", "南通学习借鉴了哪些经验",
    "what mechanisms does Nantong explore", "南通和上海之间有什么联系",
    "哪些城市属于上海大都市圈", "苏通大桥连接哪里", "what is SIP", "上海和苏州有哪些共同产业",
]


def commands() -> list[list[str]]:
    out: list[list[str]] = [["stats"]]
    for name in ENTITIES:
        out += [["show", name], ["search", name], ["neighbors", name],
                ["neighbors", name, "--depth", "2"], ["mentions", name]]
    out += [["neighbors", "南通", "--depth", "2", "--type", "Park"]]
    for a, b in PAIRS:
        out += [["path", a, b], ["why", a, b], ["compare", a, b]]
        out += [["links", a, b, "--via", via] for via in ("industry", "park", "mechanism", "any")]
    out += [["hubs", "--metric", m] for m in ("degree", "betweenness", "pagerank")]
    out += [["hubs", "--type", "Industry"]]
    out += [["ask", q] for q in QUESTIONS]
    return out


def run(args: list[str], env: dict[str, str]) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-m", "estuary", *args], env=env,
                          capture_output=True, text=True, check=False)
    return {"exit": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr.strip()[-400:]}


# The HTML caption carries the minute it was written; everything else must match byte for byte.
_WHEN = re.compile(rb" \xc2\xb7 \d{4}-\d{2}-\d{2} \d{2}:\d{2} [A-Z+0-9-]+ \xc2\xb7 ")


def digest(path: Path) -> str:
    if not path.exists():
        return "missing"
    text = _WHEN.sub(b" \xc2\xb7 WHEN \xc2\xb7 ", path.read_bytes())
    return hashlib.sha256(text).hexdigest()[:16]


def capture(store: str, env: dict[str, str], tmp: Path) -> dict[str, object]:
    env = {**env, "ESTUARY_STORE": store, "COLUMNS": "200"}
    result: dict[str, object] = {}
    for args in commands():
        key = " ".join(args)
        result[key + " --json"] = run([*args, "--json"], env)
        if args[0] in {"neighbors", "path", "links", "why", "compare", "ask"}:
            html = tmp / "out.html"
            html.unlink(missing_ok=True)
            res = run([*args, "--html", str(html)], env)
            result[key + " --html"] = {"exit": res["exit"], "sha": digest(html)}
    for fmt in ("json", "csv", "graphml", "gexf", "cypher"):
        out = tmp / f"export.{fmt}"
        run(["export", "--format", fmt, "-o", str(out)], env)
        result[f"export {fmt}"] = digest(out)
    for extra in ([], ["--type", "Park"], ["--around", "南通", "--depth", "1"],
                  ["--layout", "geo"], ["--lang", "en"]):
        out = tmp / "viz.html"
        out.unlink(missing_ok=True)
        run(["viz", "-o", str(out), *extra], env)
        result["viz " + " ".join(extra)] = digest(out)
    return result


def main() -> None:
    target = Path(sys.argv[1])
    env = dict(os.environ)
    # One fixed directory: the store path and --html paths appear in outputs and captions,
    # so two captures must use the same ones to compare byte for byte.
    tmp = Path(tempfile.gettempdir()) / "estuary-golden"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    env["ESTUARY_DB"] = str(tmp / "graph.json")
    out = {"embedded": capture("embedded", env, tmp)}
    if os.environ.get("ESTUARY_TEST_NEO4J_URI"):
        env["NEO4J_URI"] = os.environ["ESTUARY_TEST_NEO4J_URI"]
        env["NEO4J_PASSWORD"] = os.environ.get("ESTUARY_TEST_NEO4J_PASSWORD", "")
        env["NEO4J_USERNAME"] = "neo4j"
        subprocess.run([sys.executable, "-c", (
            "from graph.neo4j_store import Neo4jStore\n"
            "try:\n"
            "    from graph.settings import StoreSettings\n"
            "except ImportError:  # the tree before the layers refactor\n"
            "    from graph.open import StoreSettings\n"
            "import os\n"
            "s = Neo4jStore.connect(StoreSettings(kind='neo4j',"
            " neo4j_uri=os.environ['NEO4J_URI'], neo4j_user='neo4j',"
            " neo4j_password=os.environ['NEO4J_PASSWORD']))\n"
            "with s.driver.session(database=s.database) as x:\n"
            "    x.run('MATCH (n) DETACH DELETE n').consume()\n")], env=env, check=True)
        out["neo4j"] = capture("neo4j", env, tmp)
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))
    print(f"{target}: {sum(len(v) for v in out.values())} outputs")


if __name__ == "__main__":
    main()
