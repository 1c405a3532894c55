#!/usr/bin/env bash
# Starts the jar on a fresh data folder N times in a row and prints, for each start, the seconds from
# launch to the first answer of a real query (the seed loaded), then the fastest, median and slowest.
# A start that exits or does not answer within the limit counts as a failure and the script exits 1.
#
#   ./mvnw -DskipTests package && bench/start-check.sh [starts=10] [--busy]
#
# --busy keeps one core busy meanwhile, as a loaded CI machine would.
set -uo pipefail
cd "$(dirname "$0")/.."

starts=10
busy=false
for arg in "$@"; do
  case "$arg" in
    --busy) busy=true ;;
    *) starts=$arg ;;
  esac
done

jar=$(ls target/dealgraph-*.jar 2>/dev/null | grep -v plain | head -n 1)
[ -n "$jar" ] || { echo "No jar in target/: run ./mvnw -DskipTests package first" >&2; exit 1; }

java=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
  [ -x "$candidate" ] || continue
  major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then java=$candidate; break; fi
done
[ -n "$java" ] || { echo "No JDK 21 or newer found" >&2; exit 1; }

port=18080
limit=180
query='{"query":"{ organization(id: \"hut-8\") { name } }"}'
times=()
failures=0
busy_pid=""
if $busy; then
  ( while :; do :; done ) &
  busy_pid=$!
  trap 'kill $busy_pid 2>/dev/null' EXIT
fi

for i in $(seq 1 "$starts"); do
  data=$(mktemp -d)
  log="$data/app.log"
  began=$(date +%s.%N)
  DEALGRAPH_DATA_DIR="$data/store" SERVER_PORT=$port "$java" --enable-native-access=ALL-UNNAMED \
    --add-modules jdk.incubator.vector -jar "$jar" >"$log" 2>&1 &
  app=$!
  answered=""
  while kill -0 "$app" 2>/dev/null; do
    if curl -s -m 2 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" \
      | grep -q '"Hut 8"'; then
      answered=$(echo "$(date +%s.%N) - $began" | bc)
      break
    fi
    if [ "$(echo "$(date +%s.%N) - $began > $limit" | bc)" = 1 ]; then break; fi
    sleep 0.2
  done
  if [ -n "$answered" ]; then
    printf 'start %2d: first answer after %5.1f s\n' "$i" "$answered"
    times+=("$answered")
  else
    echo "start $i: FAILED (no answer; log: $log)"
    grep -E 'ERROR|Exception|timeout' "$log" | head -n 5
    failures=$((failures + 1))
  fi
  kill "$app" 2>/dev/null
  wait "$app" 2>/dev/null
  [ -n "$answered" ] && rm -rf "$data"
done

if [ ${#times[@]} -gt 0 ]; then
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf 'fastest %.1f s, median %.1f s, slowest %.1f s; %d of %d starts answered\n' \
    "$(echo "$sorted" | head -n 1)" "$(echo "$sorted" | sed -n "$(( (${#times[@]} + 1) / 2 ))p")" \
    "$(echo "$sorted" | tail -n 1)" "${#times[@]}" "$starts"
fi
[ "$failures" -eq 0 ]
