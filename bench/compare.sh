#!/usr/bin/env bash
# Runs zmq4j, libzmq and JeroMQ side by side and prints a Markdown table of medians and ratios
# (org.zmq4j.bench.Compare; `bin/zmq4j bench compare` runs this script). Builds what it needs first:
# zmq4j-bench and zmq4j-tools with Maven, the libzmq tools in bench/c with gcc (Debian: libzmq3-dev).
#
#   bench/compare.sh [--no-build] [Compare options]     e.g. --quick --rounds 1, --cases tcp-thr-16,fan-in-tcp
#
# Tests are neither compiled nor run (-Dmaven.test.skip). --no-build skips the builds. MVN_ARGS adds Maven options (e.g. -o). JAVA_HOME chooses the JVM for the build
# and for every Java process of the run. Progress goes to stderr, the table to stdout.
set -euo pipefail

self="${BASH_SOURCE[0]}"
while [ -L "$self" ]; do
  dir=$(cd -P "$(dirname "$self")" && pwd)
  self=$(readlink "$self")
  case "$self" in /*) ;; *) self="$dir/$self" ;; esac
done
root=$(cd -P "$(dirname "$self")/.." && pwd)

if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi

build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done

if [ "$build" = 1 ]; then
  command -v mvn >/dev/null 2>&1 || { echo "compare: Maven (mvn) is needed to build" >&2; exit 1; }
  echo "compare: building zmq4j-bench..." >&2
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  # shellcheck disable=SC2086
  if ! (cd "$root" && mvn -q -B ${MVN_ARGS:-} -Dmaven.test.skip=true -pl zmq4j-bench -am package) >"$log" 2>&1; then
    cat "$log" >&2
    echo "compare: the zmq4j-bench build failed; see above" >&2
    exit 1
  fi
  echo "compare: building zmq4j-tools (bin/zmq4j perf)..." >&2
  mkdir -p "$root/zmq4j-tools/target"
  # The same lock as bin/zmq4j, so the two never build the tools at once.
  exec 9>"$root/zmq4j-tools/target/.bin-zmq4j.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  # shellcheck disable=SC2086
  if ! (cd "$root" && mvn -q -B ${MVN_ARGS:-} -Dmaven.test.skip=true -pl zmq4j-tools -am package) >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "compare: the zmq4j-tools build failed; zmq4j's perf-tool cases will show n/a or failed" >&2
  fi
  exec 9>&-
  echo "compare: building the libzmq tools (bench/c)..." >&2
  if ! make -s -C "$root/bench/c" OUT="$root/bench/target/c" >"$log" 2>&1; then
    cat "$log" >&2
    echo "compare: the libzmq tools did not build (is libzmq3-dev installed?); libzmq will show n/a" >&2
  fi
fi

shopt -s nullglob
jars=("$root"/zmq4j-bench/target/zmq4j-bench-*.jar)
shopt -u nullglob
[ ${#jars[@]} -gt 0 ] || { echo "compare: no zmq4j-bench jar; run without --no-build" >&2; exit 1; }

exec "$java" -Dzmq4j.root="$root" -cp "${jars[0]}:$root/zmq4j-bench/target/lib/*" \
  org.zmq4j.bench.Compare ${args[@]+"${args[@]}"}
