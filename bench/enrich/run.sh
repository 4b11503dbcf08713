#!/usr/bin/env bash
# Runs a main class of enrich-service's test classpath (the evaluation and benchmark commands),
# outside `./mvnw verify`. Usage, from anywhere:
#   bench/enrich/run.sh newsroom.enrich.eval.EntityEvaluation [-Dverbose=true]
#   bench/enrich/run.sh newsroom.enrich.eval.SummaryEvaluation
#   bench/enrich/run.sh newsroom.enrich.eval.StoryEvaluation [bench/stories/dev.jsonl ...]
#   bench/enrich/run.sh newsroom.enrich.bench.ThroughputBenchmark
# Arguments starting with -D or -X go to the JVM; the others to the main class, file names relative to
# the directory the command was started from.
# Builds enrich-service's main and test classes first, with the modules it depends on (offline, no tests
# run), so that it runs against this tree's news-events rather than whatever ~/.m2 holds.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
main="${1:?main class}"
shift
jvm_args=()
main_args=()
for arg in "$@"; do
	case "$arg" in
	-D* | -X*) jvm_args+=("$arg") ;;
	/*) main_args+=("$arg") ;;
	*) main_args+=("$PWD/$arg") ;;
	esac
done
cd "$root"
classpath_file="$root/enrich-service/target/bench-classpath.txt"
./mvnw -q -B -o -pl enrich-service -am test-compile dependency:build-classpath \
	-Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
cd "$root/enrich-service"
exec java "${jvm_args[@]}" -cp "target/test-classes:target/classes:$(cat "$classpath_file")" "$main" "${main_args[@]}"
