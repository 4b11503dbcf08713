#!/usr/bin/env bash
# Runs an alert benchmark from search-service's test classpath, outside `./mvnw verify`. From anywhere:
#   bench/alerts/run.sh newsroom.search.alert.AlertMatchingBenchmark      matching cost per article, in process
#   bench/alerts/run.sh newsroom.search.bench.AlertIndexingBenchmark [articles]   indexing throughput, 0 and 1,000 alerts
#   bench/alerts/run.sh newsroom.search.bench.CollapseBenchmark [articles]        search answer times with and without collapse=story
#   bench/alerts/run.sh newsroom.search.bench.SearchCpuBenchmark [articles] [searches] [clients]   CPU per dashboard search in the service
# Arguments after the class go to it; JVM options come from JAVA_OPTS.
# Builds search-service's main and test classes first, with the modules it depends on (offline, no tests run).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
main="${1:?main class}"
shift
cd "$root"
classpath_file="$root/search-service/target/bench-classpath.txt"
./mvnw -q -B -o -pl search-service -am test-compile dependency:build-classpath \
	-Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
cd "$root/search-service"
exec java -Xmx1g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$classpath_file")" "$main" "$@"
