package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jobs written before ingest kept a latest-run pointer get one at start-up: the run that started last (sortTime, then
 * runId), placeholders aside; a job without runs gets none, and applying the migrations again changes nothing.
 */
class LatestRunMigrationTest extends EndToEndTest {

    @Autowired
    GraphStore store;

    @Test
    void pointsEachJobAtItsNewestRunOnce() {
        query("""
                CREATE (j:Job {namespace: 'm', name: 'etl'})
                CREATE (:Run {runId: 'r1', namespace: 'm', jobName: 'etl', sortTime: datetime('2025-01-01T00:00Z')})
                       -[:RUN_OF]->(j)
                CREATE (:Run {runId: 'r2', namespace: 'm', jobName: 'etl', sortTime: datetime('2025-01-02T00:00Z')})
                       -[:RUN_OF]->(j)
                CREATE (:Run {runId: 'r0', namespace: 'm', jobName: 'etl', sortTime: datetime('2025-01-03T00:00Z'),
                              placeholder: true})-[:RUN_OF]->(j)
                CREATE (:Job {namespace: 'm', name: 'idle'})
                """);

        forgetMigrations("V0043");
        store.afterPropertiesSet();
        var migrated = canonicalGraph();
        forgetMigrations("V0043");
        store.afterPropertiesSet();

        assertThat(canonicalGraph()).isEqualTo(migrated);
        assertThat(query("MATCH (j:Job {namespace: 'm'}) RETURN j.name AS job, j.latestRunId AS latest ORDER BY job"))
                .containsExactly(row("job", "etl", "latest", "r2"), row("job", "idle", "latest", null));
    }
}
