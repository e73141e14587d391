# The Tributary service image. Build the jar first (./mvnw -DskipTests package), then
#   docker build -t tributary:0.1.0-SNAPSHOT .     (or let `docker compose up --build` do it)
# The jar's manifest carries the Add-Opens / Enable-Native-Access flags Neo4j needs on Java 25.
FROM eclipse-temurin:25-jre

# A fixed, non-root uid so that volume permissions and runAsNonRoot policies are predictable.
RUN groupadd --system --gid 10001 tributary \
    && useradd --system --uid 10001 --gid tributary --home-dir /app --no-create-home tributary \
    && mkdir -p /app /data \
    && chown tributary:tributary /data

COPY backend/target/tributary.jar /app/tributary.jar

# Embedded-mode store and the generated API key; mount a volume here when running without NEO4J_URI.
ENV TRIBUTARY_DATA_DIR=/data
WORKDIR /app
USER 10001:10001
EXPOSE 5000
ENTRYPOINT ["java", "-jar", "/app/tributary.jar"]
