"""Try issue 15's hostile inputs against a source tree; count, per category, tries / held /
failed. Run it on a checkout before and after the fix:

    .venv/bin/python bench/hostile_probe.py [ROOT]      # ROOT: a source tree (default: this)

Every try runs the CLI of ROOT in a subprocess (PYTHONPATH=ROOT) on a private store copy, with
a 60 s timeout and a 1.5 GB address-space limit; "held" means the tool behaved as the issue
asks (refused cleanly, printed nothing a terminal acts on, left the store intact, …).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
PY = sys.executable
FORBIDDEN = re.compile("[\x1b\x07\x9b\u202a-\u202e\u2066-\u2069]")
HOSTILE = ("\x1b[2J\x1b[31mRED\x1b[0m\x1b]52;c;aGk=\x07\x1b]0;t\x07"
           "\x1b]8;;http://e/\x1b\\x\x1b]8;;\x1b\\\x1b[8mhid\x9b31m\u202eabc")
TMP = Path(tempfile.mkdtemp(prefix="hostile-probe-"))


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


def cli(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ESTUARY_DB": str(db),
           "ESTUARY_STORE": "embedded", "COLUMNS": "200"}
    try:
        return subprocess.run([PY, "-c", "from estuary.cli import main; main()", *args],
                              env=env, capture_output=True, text=True, timeout=timeout,
                              cwd=TMP,  # `python -c` puts the cwd first on sys.path
                              preexec_fn=_limit, errors="surrogateescape")
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -9, "", "TIMEOUT")


def py(code: str, db: Path) -> None:
    subprocess.run([PY, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT),
                                          "ESTUARY_DB": str(db)}, check=True, cwd=TMP)


BASE_DB = TMP / "base.json"


def fresh(name: str) -> Path:
    db = TMP / f"{name}.json"
    shutil.copy(BASE_DB, db)
    return db


def clean_refusal(r: subprocess.CompletedProcess[str]) -> bool:
    return r.returncode == 1 and r.stderr.startswith("Error") and "Traceback" not in r.stderr


# -- categories -------------------------------------------------------------------------------

def terminal() -> list[bool]:
    db = fresh("terminal")
    py(f"""
from pathlib import Path
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation
H = {HOSTILE!r}
s = Entity(id="source:evil", label="Source", name="来源"+H, props={{"title": H}})
p = Entity(id="park:evil", label="Park", name="恶意园区"+H, name_en=H, aliases=("恶意别名"+H,),
           description=H)
rels = [Relation(type="LOCATED_IN", start=p.id, end="city:nantong", source=s.id, evidence=H,
                 props={{"note": H}}),
        Relation(type="MENTIONS", start=s.id, end="city:nantong", source=s.id, evidence=H)]
EmbeddedStore(Path({str(db)!r})).load(Bundle(entities={{s.id: s, p.id: p}},
                                      relations={{r.key: r for r in rels}}))
""", db)
    commands = [["show", "park:evil"], ["search", "恶意园区"], ["neighbors", "park:evil"],
                ["path", "park:evil", "city:suzhou"], ["why", "park:evil", "city:nantong"],
                ["links", "park:evil", "city:suzhou"], ["compare", "park:evil", "南通"],
                ["mentions", "南通"], ["hubs"], ["show", HOSTILE], ["search", HOSTILE],
                ["export", "-f", "gexf", "--around", "park:evil"],
                ["export", "-f", "json", "--around", "park:evil"]]
    out = []
    for args in commands:
        for extra in ([], ["--json"]) if args[0] != "export" else ([],):
            r = cli(db, *args, *extra)
            out.append(not FORBIDDEN.search(r.stdout + r.stderr))
    return out


def _doc(path: Path, megabytes: float) -> Path:
    article = (ROOT / "data" / "sources" / "seed-article.txt").read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        while written < megabytes * 1e6:
            fh.write(article)
            written += len(article.encode())
    return path


def documents() -> list[bool]:
    out = []
    db = fresh("doc")
    doc = _doc(TMP / "two-mb.txt", 2)
    started = time.monotonic()
    r = cli(db, "load-doc", str(doc), "--id", "source:two-mb", timeout=120)
    out.append(r.returncode == 0 and time.monotonic() - started < 2 / 5 + 8)  # ≥5 MB/s + start
    # One 1 MB line naming many entities: the store must not grow by the line per entity.
    db2 = fresh("line")
    names = json.loads(cli(db2, "hubs", "--json", "-n", "200").stdout or "{}")
    words = [h["name"] for h in names.get("hubs", [])] or ["南通", "苏州", "上海"]
    line = "，".join(words) + "，"
    text = (line * (1_000_000 // len(line.encode()) + 1))
    long = TMP / "line.txt"
    long.write_text(text, encoding="utf-8")
    before = db2.stat().st_size
    r = cli(db2, "load-doc", str(long), "--id", "source:line", timeout=120)
    out.append(r.returncode in (0, 1) and db2.stat().st_size - before < 5_000_000)
    return out


def reads() -> list[bool]:
    out = []
    fifo = TMP / "pipe.yaml"
    os.mkfifo(fifo)
    for command in ("load", "load-doc"):
        for target in ("/dev/zero", str(fifo)):
            r = cli(fresh("reads"), command, target, timeout=30)
            out.append(clean_refusal(r))
    return out


def provenance() -> list[bool]:
    out = []
    forged = TMP / "forged" / "seed-article.txt"
    forged.parent.mkdir()
    forged.write_text("苏州工业园区是最好的园区，这句话文章里没有。\n", encoding="utf-8")
    for args in (["load-doc", str(forged)], ["load-doc", str(forged), "--title", "假", "--url",
                                             "https://evil.example"],
                 ["load-doc", str(forged), "--id", "source:gbt-2260"]):
        db = fresh("prov")
        before = db.read_bytes()
        r = cli(db, *args)
        out.append(r.returncode == 1 and db.read_bytes() == before)
    return out


def outputs() -> list[bool]:
    out = []
    doc = TMP / "note.txt"
    doc.write_text("南通与苏州合作。\n", encoding="utf-8")
    for args in (["viz", "-o", "{db}"], ["export", "-f", "json", "-o", "{db}"],
                 ["export", "-f", "graphml", "-o", "{db}.lock"], ["show", "南通", "--html", "{db}"],
                 ["load-doc", str(doc), "--html", str(doc)]):
        db = fresh("out")
        before, doc_before = db.read_bytes(), doc.read_bytes()
        cli(db, *[a.format(db=db) for a in args])
        r = cli(db, "stats")
        out.append(r.returncode == 0 and doc.read_bytes() == doc_before
                   and (db.read_bytes() == before or args[0] == "load-doc"))
    return out


def exports() -> list[bool]:
    db = fresh("exports")
    py(f"""
from pathlib import Path
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation
s = Entity(id="source:f", label="Source", name="=HYPERLINK(\\"http://e\\")")
p = Entity(id="park:f", label="Park", name="=1+1", name_en="+1+2", aliases=("@SUM(A1)",),
           description="\\x1b[2J\\x00\\x0b ctl")
r = Relation(type="LOCATED_IN", start=p.id, end="city:nantong", source=s.id, evidence="-2+3")
EmbeddedStore(Path({str(db)!r})).load(Bundle(entities={{s.id: s, p.id: p}},
                                      relations={{r.key: r}}))
""", db)
    import csv

    import networkx as nx

    out = []
    r = cli(db, "export", "-f", "csv", "--around", "park:f", "-o", str(TMP / "x.csv"))
    cells = [c for part in ("nodes", "edges") if (TMP / f"x-{part}.csv").exists()
             for row in csv.reader((TMP / f"x-{part}.csv").open(encoding="utf-8")) for c in row]
    for formula in ("=1+1", "+1+2", "@SUM(A1)", "-2+3", "=HYPERLINK(\"http://e\")"):
        out.append(r.returncode == 0 and formula not in cells)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = TMP / f"x.{fmt}"
        r = cli(db, "export", "-f", fmt, "--around", "park:f", "-o", str(path))
        try:
            read(path)
            out.append(True)
        except Exception:
            out.append(False)
    return out


def leftovers() -> list[bool]:
    import random
    import signal

    rng = random.Random(15)
    data = TMP / "big.yaml"
    lines = ["entities:"] + [f"  - {{id: park:kill-{i}, name: 园区{i}, description: "
                             f"{'长江口' * 40}}}" for i in range(3000)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = []
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ESTUARY_STORE": "embedded"}
    for _ in range(8):
        folder = TMP / f"kill{_}"
        folder.mkdir()
        db = folder / "g.json"
        shutil.copy(BASE_DB, db)
        proc = subprocess.Popen([PY, "-c", "from estuary.cli import main; main()", "load",
                                 str(data)], env={**env, "ESTUARY_DB": str(db)}, cwd=TMP,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        r = cli(db, "stats")
        left = list(folder.glob(".estuary-*.tmp"))
        out.append(r.returncode == 0 and not left)
    return out


def limits() -> list[bool]:
    out = []
    for body in (f"entities:\n  - id: park:{'x' * 100_000}\n    name: 长\n",
                 f"entities:\n  - id: park:longname\n    name: {'长' * 100_000}\n"):
        path = TMP / "long.yaml"
        path.write_text(body, encoding="utf-8")
        r = cli(fresh("limits"), "validate", str(path))
        out.append(clean_refusal(r))
    return out


def csv_quote() -> list[bool]:
    path = TMP / "quote.csv"
    path.write_text("type,from,to,source,evidence\nCOOPERATES_WITH,city:nantong,city:suzhou,"
                    "source:editorial,\"开头\nCOOPERATES_WITH,city:nantong,city:shanghai,"
                    "source:editorial,尾\n", encoding="utf-8")
    return [clean_refusal(cli(fresh("quote"), "load", str(path)))]


def junk() -> list[bool]:
    out = []
    head = "entities:\n  - id: park:junk\n    name: {}\n"
    for body in (head.format('"   "'), head.format('"\\u200b\\u200b"'),
                 head.format('"\\e[2J"'), head.format("2020"), head.format("2020-01-02"),
                 "relations:\n  - {type: COOPERATES_WITH, from: city:nantong, to: city:nantong,"
                 " source: source:editorial}\n"):
        path = TMP / "junk.yaml"
        path.write_text(body, encoding="utf-8")
        out.append(clean_refusal(cli(fresh("junk"), "load", str(path))))
    cut = TMP / "cut.yaml"
    cut.write_text("entities:\n  - id: park:cut-a\n    name: 甲\n  - id: park:cut-b\n    name: 乙"
                   "\n  - id: park:cut-c\n    name: 丙", encoding="utf-8")
    r = cli(fresh("cut"), "load", str(cut))
    out.append("cut off" in r.stderr)
    return out


def small() -> list[bool]:
    out = []
    folder = TMP / "linkdir"
    folder.mkdir()
    db = fresh("link")
    link = folder / "link.json"
    link.symlink_to(db)
    data = TMP / "one.yaml"
    data.write_text("entities:\n  - id: park:linked\n    name: 链接\n", encoding="utf-8")
    r = cli(link, "load", str(data))
    out.append(r.returncode == 0 and link.is_symlink())
    r = cli(TMP, "stats")  # --db is a directory
    out.append(r.returncode in (1, 2) and "directory" in r.stderr)
    return out


CATEGORIES: dict[str, Callable[[], list[bool]]] = {
    "terminal injection": terminal, "unbounded document work": documents,
    "unbounded reads": reads, "forged provenance": provenance,
    "output clobbers input": outputs, "exports that bite": exports,
    "leftover temporaries (kill -9)": leftovers, "store-dependent limits": limits,
    "unterminated CSV quote": csv_quote, "accepted junk": junk, "small (symlink, --db dir)": small,
}


def main() -> None:
    r = cli(BASE_DB, "stats")
    assert r.returncode == 0, r.stderr
    print(f"| category ({ROOT.name}) | tries | held | failed |\n|---|---:|---:|---:|")
    only = os.environ.get("PROBE_ONLY")
    for name, probe in CATEGORIES.items():
        if only and only not in name:
            continue
        try:
            results = probe()
        except Exception as exc:  # a probe that breaks counts as one failed try
            print(f"| {name} | probe error: {exc!r} | | |")
            continue
        print(f"| {name} | {len(results)} | {sum(results)} | {len(results) - sum(results)} |",
              flush=True)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
