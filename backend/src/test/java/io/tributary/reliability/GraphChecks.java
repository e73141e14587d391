package io.tributary.reliability;

import io.tributary.archive.ArchivedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** Consistency checks on a store after a crash, an outage or a load: read straight from the database. */
final class GraphChecks {

    private static final String DIFFERING_RUNS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (e:Event {runId: row.runId})
            WITH row, count(e) AS archived
            OPTIONAL MATCH (r:Run {runId: row.runId})-[:RUN_OF]->(:Job {namespace: row.namespace, name: row.name})
            WITH row, archived, r
            WHERE archived = 0 OR r IS NULL OR r.state <> row.state
               OR any(d IN row.inputs WHERE NOT EXISTS {
                    MATCH (r)-[:READ]->(:Dataset {namespace: d.namespace, name: d.name}) })
               OR any(d IN row.outputs WHERE NOT EXISTS {
                    MATCH (r)-[:WROTE]->(:Dataset {namespace: d.namespace, name: d.name}) })
            RETURN row.runId AS runId""";

    private GraphChecks() {}

    /** Run ids of the expected runs (see {@link GeneratedEvents#expected}) that are not archived and in the graph. */
    static List<String> differingRuns(Driver driver, List<Map<String, Object>> expected) {
        var differing = new ArrayList<String>();
        for (int from = 0; from < expected.size(); from += 500) {
            var rows = expected.subList(from, Math.min(expected.size(), from + 500));
            driver.executableQuery(DIFFERING_RUNS)
                    .withParameters(Map.of("rows", rows))
                    .execute()
                    .records()
                    .forEach(r -> differing.add(r.get("runId").asString()));
        }
        return differing;
    }

    /** The raw JSON of every archived run event. */
    static List<String> archivedRunEvents(Driver driver) {
        return driver
                .executableQuery(
                        "MATCH (e:Event) WHERE e.runId IS NOT NULL RETURN e.json AS json, e.jsonGzip AS jsonGzip")
                .execute()
                .records()
                .stream()
                .map(ArchivedJson::of)
                .toList();
    }

    /** Runs without a job: a run is always written with its RUN_OF edge, so any such run is a half-written one. */
    static long orphanRuns(Driver driver) {
        return single(driver, "MATCH (r:Run) WHERE NOT EXISTS { MATCH (r)-[:RUN_OF]->(:Job) } RETURN count(r) AS n");
    }

    /** Archived run events whose run or job is missing from the graph. */
    static long eventsWithoutRun(Driver driver) {
        return single(driver, """
                MATCH (e:Event) WHERE e.runId IS NOT NULL AND NOT EXISTS {
                  MATCH (:Run {runId: e.runId})-[:RUN_OF]->(:Job {namespace: e.jobNamespace, name: e.jobName}) }
                RETURN count(e) AS n""");
    }

    static long count(Driver driver, String label) {
        return single(driver, "MATCH (n:" + label + ") RETURN count(n) AS n");
    }

    private static long single(Driver driver, String query) {
        Record record = driver.executableQuery(query).execute().records().getFirst();
        return record.get("n").asLong();
    }
}
