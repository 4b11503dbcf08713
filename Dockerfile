# One Dockerfile for the three services: they build and run the same way, so the differences are
# two build arguments. docker-compose.yml builds each with its SERVICE and PORT.
#   docker build --build-arg SERVICE=ingest-service --build-arg PORT=8081 -t newsroom/ingest-service .

# --- build: the Maven reactor, for one service and what it depends on -----------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY pom.xml ./
COPY news-events/pom.xml news-events/
COPY news-servers/pom.xml news-servers/
COPY news-testkit/pom.xml news-testkit/
COPY news-kafka-support/pom.xml news-kafka-support/
COPY news-web-support/pom.xml news-web-support/
COPY ingest-service/pom.xml ingest-service/
COPY enrich-service/pom.xml enrich-service/
COPY search-service/pom.xml search-service/
COPY local-stack/pom.xml local-stack/
COPY subscriber-example/pom.xml subscriber-example/
# Dependencies first, in their own layer, so a source change does not download them again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl ${SERVICE} -am dependency:go-offline -DskipTests || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl ${SERVICE} -am package -DskipTests -Dspring-javaformat.skip=true \
    && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted

# --- run: a JRE, the layered jar, a non-root user --------------------------------------------------
FROM eclipse-temurin:17.0.15_6-jre
ARG SERVICE
ARG PORT
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system newsroom && useradd --system --gid newsroom --no-create-home newsroom
WORKDIR /app
# Least-changing layers first: libraries, the Boot loader, snapshots, then our own classes.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER newsroom
ENV SERVICE=${SERVICE} \
    SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=${PORT} \
    # Heap sized from the container's memory limit, not the host's.
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
    CMD curl -fs "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
