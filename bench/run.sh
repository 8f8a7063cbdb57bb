#!/usr/bin/env bash
# Run the JMH suite with the GC profiler and keep the results as JSON in bench/results/.
#
#   bench/run.sh                      every benchmark
#   bench/run.sh TimerBenchmark       only those matching a JMH regex
#   bench/run.sh 'Timer.*Expire' -prof stack    further arguments go to JMH as they are
#
# Builds bench/target/benchmarks.jar first when it is missing or older than the bench sources. The core and hal
# it measures are the ones installed in ~/.m2: install them first (mvn -q install -DskipTests) to measure edits.
set -euo pipefail

cd "$(dirname "$0")/.."

regex="${1:-}"
if [[ $# -gt 0 ]]
then
    shift
fi

jar=bench/target/benchmarks.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find bench/pom.xml bench/src/main -newer "$jar" -print -quit)" ]]
then
    echo "building $jar"
    mvn -q -pl bench package -DskipTests
fi

slug="$(printf '%s' "${regex#org.sipredundancy.bench.}" | tr -cs 'A-Za-z0-9._' '-' | sed 's/^-*//; s/-*$//')"
slug="${slug:-all}"
mkdir -p bench/results
result="bench/results/$(date +%Y-%m-%dT%H%M)-${slug}.json"
echo "results: $result"

args=(-prof gc -rf json -rff "$result")
if [[ -n "$regex" ]]
then
    args+=("$regex")
fi

exec java -jar "$jar" "${args[@]}" "$@"
