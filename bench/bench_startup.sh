#!/usr/bin/env bash
# CLI start-up of two source trees (e.g. before and after a refactor) against a one-command
# Typer app, in the same run. Usage: bench/bench_startup.sh BEFORE_TREE AFTER_TREE [RUNS]
# Each tree runs with PYTHONPATH=TREE and its own store file (built by a warm-up run).
set -euo pipefail
before="$1"; after="$2"; runs="${3:-30}"
py="${PYTHON:-python3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for t in before after; do
  tree="$before"; [ "$t" = after ] && tree="$after"
  ESTUARY_DB="$tmp/$t.json" PYTHONPATH="$tree" "$py" -m estuary stats >/dev/null
done
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$tmp/out.md" \
  -n "one-command Typer app" "$py $here/onecmd.py --help" \
  -n "before: --help" "env PYTHONPATH=$before $py -m estuary --help" \
  -n "after: --help" "env PYTHONPATH=$after $py -m estuary --help" \
  -n "before: links --json" "env PYTHONPATH=$before ESTUARY_DB=$tmp/before.json $py -m estuary links 南通 苏州 --json" \
  -n "after: links --json" "env PYTHONPATH=$after ESTUARY_DB=$tmp/after.json $py -m estuary links 南通 苏州 --json" \
  >/dev/null
cat "$tmp/out.md"
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
