package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A start applies only the migrations it has not recorded with the same checksum: an unchanged file is skipped (an
 * index dropped by hand stays dropped), a changed or unrecorded file is applied again and recorded with its checksum.
 */
class MigrationsTest extends EndToEndTest {

    private static final String VERSION = "V0016__deleted_indexes";

    @Autowired
    GraphStore store;

    @Test
    void aStartSkipsMigrationsRecordedWithTheSameChecksumAndAppliesChangedOrUnrecordedOnes() {
        String checksum = checksum();
        assertThat(checksum).hasSize(64);
        assertThat(count("MATCH (m:Migration) WHERE m.version STARTS WITH 'V' AND m.checksum IS NULL RETURN count(m)"))
                .as("every migration recorded with its checksum")
                .isZero();
        try {
            query("DROP INDEX job_deleted");
            store.afterPropertiesSet();
            assertThat(indexed())
                    .as("the unchanged migration is not applied again")
                    .isFalse();

            query(
                    "MATCH (m:Migration {version: $version}) SET m.checksum = 'an older file'",
                    Map.of("version", VERSION));
            store.afterPropertiesSet();
            assertThat(indexed()).as("the changed migration is applied again").isTrue();
            assertThat(checksum()).isEqualTo(checksum);

            query("DROP INDEX job_deleted");
            forgetMigrations(VERSION);
            store.afterPropertiesSet();
            assertThat(indexed()).as("the unrecorded migration is applied").isTrue();
            assertThat(checksum()).isEqualTo(checksum);
        } finally {
            query("CREATE INDEX job_deleted IF NOT EXISTS FOR (j:Job) ON (j.deleted)");
        }
    }

    @Test
    void onAnEmptyStoreOnlyStatementsThatBeginWithMatchAreSkipped() {
        assertThat(Migrations.needsExistingNodes("MATCH (r:Run) WHERE r.sortTime IS NULL SET r.sortTime = 1"))
                .isTrue();
        assertThat(Migrations.needsExistingNodes("match\n(j:Job) SET j.x = 1")).isTrue();
        assertThat(Migrations.needsExistingNodes("CREATE INDEX run_state IF NOT EXISTS FOR (r:Run) ON (r.state)"))
                .isFalse();
        assertThat(Migrations.needsExistingNodes("OPTIONAL MATCH (n) MERGE (:Seed)"))
                .as("an OPTIONAL MATCH yields a row on an empty store")
                .isFalse();
        assertThat(Migrations.needsExistingNodes("MERGE (n:Seed {id: 1})")).isFalse();
        assertThat(Migrations.needsExistingNodes("CALL { MATCH (n) SET n.x = 1 }"))
                .isFalse();
    }

    private String checksum() {
        return (String) single("MATCH (m:Migration {version: $version}) RETURN m.checksum", Map.of("version", VERSION));
    }

    private boolean indexed() {
        return count("SHOW INDEXES YIELD name WHERE name = 'job_deleted' RETURN count(*)") == 1;
    }
}
