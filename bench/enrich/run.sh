#!/usr/bin/env bash
# Runs a main class of enrich-service's test classpath (the evaluation and benchmark commands),
# outside `./mvnw verify`. Usage, from anywhere:
#   bench/enrich/run.sh newsroom.enrich.eval.EntityEvaluation [-Dverbose=true]
#   bench/enrich/run.sh newsroom.enrich.eval.SummaryEvaluation
#   bench/enrich/run.sh newsroom.enrich.bench.ThroughputBenchmark
# Builds enrich-service's main and test classes first, with the modules it depends on (offline, no tests
# run), so that it runs against this tree's news-events rather than whatever ~/.m2 holds.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
main="${1:?main class}"
shift
jvm_args=()
for arg in "$@"; do
	jvm_args+=("$arg")
done
cd "$root"
classpath_file="$root/enrich-service/target/bench-classpath.txt"
./mvnw -q -B -o -pl enrich-service -am test-compile dependency:build-classpath \
	-Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
cd "$root/enrich-service"
exec java "${jvm_args[@]}" -cp "target/test-classes:target/classes:$(cat "$classpath_file")" "$main"
