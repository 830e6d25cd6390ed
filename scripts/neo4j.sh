#!/usr/bin/env bash
# Local Neo4j Community 5.26 (embedded JVM, Bolt only on 127.0.0.1) for estuary.
#
#   scripts/neo4j.sh build|start|stop|restart|status
#
# Settings (environment):
#   NEO4J_BOLT_PORT       Bolt port on 127.0.0.1                  (default 7687)
#   NEO4J_PASSWORD        password of user "neo4j", >= 8 chars    (default estuary-dev;
#                         piped to the server, never in its environment)
#   ESTUARY_NEO4J_HOME    data dir (store, logs, pid, neo4j.log)  (default ${XDG_DATA_HOME:-~/.local/share}/estuary/neo4j)
#   NEO4J_HEAP            JVM -Xmx                                (default 512m)
#   NEO4J_PAGECACHE       page cache size                         (default 256m)
#   NEO4J_TX_MEMORY       memory cap for all open transactions    (default 256m; one tx: half)
#   NEO4J_START_TIMEOUT   seconds to wait for Bolt on start       (default 180)
#   NEO4J_STOP_TIMEOUT    seconds to wait on stop before SIGKILL  (default 60)
#   NEO4J_JAVA_OPTS       extra JVM options
# Exit codes: 0 ok; 1 failure; 2 usage; status: 0 running, 3 stopped.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)
PROJECT_DIR=$REPO_ROOT/tools/neo4j
JAR=$PROJECT_DIR/target/estuary-neo4j.jar

PORT=${NEO4J_BOLT_PORT:-7687}
export NEO4J_PASSWORD=${NEO4J_PASSWORD:-estuary-dev}
DATA_HOME=${ESTUARY_NEO4J_HOME:-${XDG_DATA_HOME:-${HOME:-/tmp}/.local/share}/estuary/neo4j}
HEAP=${NEO4J_HEAP:-512m}
START_TIMEOUT=${NEO4J_START_TIMEOUT:-180}
STOP_TIMEOUT=${NEO4J_STOP_TIMEOUT:-60}
PID_FILE=$DATA_HOME/neo4j.pid
PORT_FILE=$DATA_HOME/neo4j.port
LOG_FILE=$DATA_HOME/neo4j.log
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

say() { echo "neo4j.sh: $*"; }
err() { echo "neo4j.sh: $*" >&2; }

case "$PORT" in
  '' | *[!0-9]*) err "NEO4J_BOLT_PORT must be a port number, got '$PORT'"; exit 2 ;;
esac
if [ "${#NEO4J_PASSWORD}" -lt 8 ]; then
  err "NEO4J_PASSWORD must be at least 8 characters (Neo4j 5 minimum)"; exit 2
fi

needs_build() {
  [ -f "$JAR" ] && [ -d "$PROJECT_DIR/target/lib" ] || return 0
  [ -n "$(find "$PROJECT_DIR/pom.xml" "$PROJECT_DIR/src" -newer "$JAR" -print -quit)" ]
}

build() {
  if ! needs_build; then
    return 0
  fi
  command -v mvn >/dev/null || { err "Maven (mvn) is needed to build $PROJECT_DIR"; exit 1; }
  say "building $PROJECT_DIR (first build downloads Neo4j from Maven Central) ..."
  # (Debian's Maven 3.8 prints bare colour resets even with -q -B: strip them)
  mvn -q -B -f "$PROJECT_DIR/pom.xml" package -DskipTests 2>&1 |
    sed -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2
  touch "$JAR"  # jar plugin may skip rewriting an unchanged jar
}

# true if something accepts TCP connections on 127.0.0.1:$1
port_open() {
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# prints the pid from the pid file if that process is alive and is our launcher
running_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'estuary-neo4j\.jar' || return 1
  echo "$pid"
}

running_port() { cat "$PORT_FILE" 2>/dev/null || echo "$PORT"; }

is_ready() { # port
  grep -q "^Neo4j ready on bolt://127.0.0.1:$1\$" "$LOG_FILE" 2>/dev/null && port_open "$1"
}

with_lock() {
  mkdir -p "$DATA_HOME"
  if command -v flock >/dev/null; then
    exec 9>"$DATA_HOME/.neo4j.sh.lock"
    flock -w 600 9 || { err "timed out waiting for another neo4j.sh on $DATA_HOME"; exit 1; }
  fi
}

wait_ready() { # pid port
  local pid=$1 port=$2 t0=$SECONDS rc
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rc=unknown
      if [ "$pid" = "${LAUNCHED_PID:-}" ]; then
        rc=0
        wait "$pid" 2>/dev/null || rc=$?
      fi
      rm -f "$PID_FILE" "$PORT_FILE"
      case "$rc" in
        10) err "port $port on 127.0.0.1 is already in use; choose another with NEO4J_BOLT_PORT=<port> $0 start" ;;
        11) err "store $DATA_HOME is locked by another Neo4j process; stop that one or use another ESTUARY_NEO4J_HOME" ;;
        *) err "Neo4j exited during start-up (exit $rc); last lines of $LOG_FILE:"; tail -n 30 "$LOG_FILE" >&2 || true ;;
      esac
      exit 1
    fi
    if is_ready "$port"; then
      say "Neo4j ready on bolt://127.0.0.1:$port (pid $pid, ${SECONDS}s in script, user neo4j, data $DATA_HOME)"
      return 0
    fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      err "Bolt did not answer on 127.0.0.1:$port within ${START_TIMEOUT}s (NEO4J_START_TIMEOUT); stopping pid $pid. Last lines of $LOG_FILE:"
      tail -n 30 "$LOG_FILE" >&2 || true
      stop_pid "$pid"
      exit 1
    fi
    sleep 0.5
  done
}

stop_pid() { # pid
  local pid=$1 t0=$SECONDS
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ $((SECONDS - t0)) -ge "$STOP_TIMEOUT" ]; then
      err "pid $pid still running after ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE" "$PORT_FILE"
}

cmd_start() {
  local pid rport
  with_lock
  if pid=$(running_pid); then
    rport=$(running_port)
    if [ "$rport" != "$PORT" ]; then
      err "Neo4j for $DATA_HOME is already running on port $rport (pid $pid), not $PORT; stop it first ($0 stop)"
      exit 1
    fi
    if is_ready "$rport"; then
      say "Neo4j already running on bolt://127.0.0.1:$rport (pid $pid)"
      return 0
    fi
    say "Neo4j is starting (pid $pid); waiting for Bolt ..."
    wait_ready "$pid" "$rport"
    return 0
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  if port_open "$PORT"; then
    err "port $PORT on 127.0.0.1 is already in use by another process; choose another with NEO4J_BOLT_PORT=<port> $0 start"
    exit 1
  fi
  build
  command -v "$JAVA" >/dev/null || { err "java (17+) not found; set JAVA_HOME"; exit 1; }
  [ -f "$LOG_FILE" ] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  # The password reaches the launcher through a pipe (printf is a builtin: no argv, no file) and
  # is removed from its environment, where a query could otherwise read it (/proc/self/environ).
  # Every variable whose name says PASSWORD goes, not only NEO4J_PASSWORD: a caller's own copy
  # (a test harness's ESTUARY_TEST_NEO4J_PASSWORD, say) would leak the same secret.
  unset_secrets=()
  while IFS= read -r name; do unset_secrets+=(-u "$name"); done \
    < <(compgen -e | grep -i 'password' || true)
  # shellcheck disable=SC2086  # NEO4J_JAVA_OPTS is a list of options
  printf '%s\n' "$NEO4J_PASSWORD" | env "${unset_secrets[@]}" nohup "$JAVA" "-Xmx$HEAP" \
    -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow \
    -XX:+DisableExplicitGC -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
    -Dfile.encoding=UTF-8 ${NEO4J_JAVA_OPTS:-} \
    -jar "$JAR" --home "$DATA_HOME" --port "$PORT" --password-file /dev/stdin >"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  LAUNCHED_PID=$pid
  echo "$pid" >"$PID_FILE"
  echo "$PORT" >"$PORT_FILE"
  say "started pid $pid (log $LOG_FILE); waiting for Bolt on 127.0.0.1:$PORT ..."
  wait_ready "$pid" "$PORT"
}

cmd_stop() {
  local pid
  with_lock
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE" "$PORT_FILE"
    say "Neo4j not running (data $DATA_HOME)"
    return 0
  fi
  stop_pid "$pid"
  say "Neo4j stopped (pid $pid)"
}

cmd_status() {
  local pid rport
  if pid=$(running_pid); then
    rport=$(running_port)
    if is_ready "$rport"; then
      say "running: bolt://127.0.0.1:$rport pid $pid (data $DATA_HOME)"
    else
      say "starting: port $rport pid $pid, Bolt not answering yet (data $DATA_HOME)"
    fi
    return 0
  fi
  say "stopped: port $PORT (data $DATA_HOME)"
  return 3
}

case "${1:-}" in
  build) build ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  *) err "usage: $0 build|start|stop|restart|status   (settings: see the top of this script or tools/neo4j/README.md)"; exit 2 ;;
esac
