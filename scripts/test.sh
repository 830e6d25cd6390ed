#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run them:
#   a virtualenv with estuary and its test extras, Debian's chromium + chromedriver (for the
#   browser tests), and a local Neo4j built with Maven and started on a test port.
# Usage: scripts/test.sh [pytest args]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

venv="${ESTUARY_VENV:-$root/.venv}"
if [ ! -x "$venv/bin/python" ]; then
  echo "== creating virtualenv $venv"
  python3 -m venv "$venv"
fi
echo "== installing estuary and test dependencies"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e ".[test]"

# A CJK font too, so the screenshots the browser tests save show Chinese names, not boxes.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
   || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing chromium, chromium-driver and a CJK font (browser tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
      fonts-wqy-microhei >/dev/null
  else
    echo "!! chromium/chromedriver missing and not root: the browser tests will be skipped"
  fi
fi

# A Neo4j of its own for the tests: its own port and data directory, wiped by the tests.
# The password goes to neo4j.sh only (which pipes it to the server, never into the server's
# environment); the tests get it as ESTUARY_TEST_NEO4J_PASSWORD, and ESTUARY_NEO4J_HOME so
# that they can check the running server's environment and import directory.
export NEO4J_BOLT_PORT="${ESTUARY_TEST_NEO4J_PORT:-7697}"
export ESTUARY_NEO4J_HOME="${ESTUARY_TEST_NEO4J_HOME:-$root/.neo4j-test}"
export ESTUARY_TEST_NEO4J_PASSWORD="${ESTUARY_TEST_NEO4J_PASSWORD:-estuary-test}"
echo "== starting the test Neo4j on port $NEO4J_BOLT_PORT"
NEO4J_PASSWORD="$ESTUARY_TEST_NEO4J_PASSWORD" scripts/neo4j.sh start
trap 'NEO4J_PASSWORD="$ESTUARY_TEST_NEO4J_PASSWORD" scripts/neo4j.sh stop >/dev/null 2>&1 || true' EXIT
export ESTUARY_TEST_NEO4J_URI="bolt://127.0.0.1:$NEO4J_BOLT_PORT"
unset NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE

echo "== ruff"
"$venv/bin/ruff" check .
echo "== pytest"
PATH="$venv/bin:$PATH" "$venv/bin/python" -m pytest -q "$@"
