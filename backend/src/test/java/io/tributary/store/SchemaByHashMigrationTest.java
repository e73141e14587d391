package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A store written before schemas were tracked by hash (dataset and field schemaVersion = the newest event's version)
 * is converted at start-up: the current schema's fields stay current, older fields stay not current, and applying the
 * migrations again changes nothing.
 */
class SchemaByHashMigrationTest extends EndToEndTest {

    @Autowired
    GraphStore store;

    @Test
    void convertsEventVersionsToSchemaHashesOnceKeepingTheCurrentSchema() {
        query("""
                CREATE (d:Dataset {namespace: 'db', name: 'orders', schemaVersion: 'v2', schemaHash: 'h2'})
                CREATE (d)-[:HAS_SCHEMA]->(:SchemaVersion {namespace: 'db', dataset: 'orders', hash: 'h1'})
                CREATE (d)-[:HAS_SCHEMA]->(:SchemaVersion {namespace: 'db', dataset: 'orders', hash: 'h2'})
                CREATE (d)-[:HAS_FIELD]->(:Field {namespace: 'db', dataset: 'orders', name: 'id', schemaVersion: 'v2'})
                CREATE (d)-[:HAS_FIELD]->(:Field {namespace: 'db', dataset: 'orders', name: 'old', schemaVersion: 'v1'})
                """);

        forgetMigrations("V0015");
        store.afterPropertiesSet();
        var converted = canonicalGraph();
        forgetMigrations("V0015");
        store.afterPropertiesSet();

        assertThat(canonicalGraph()).isEqualTo(converted);
        assertThat(query("""
                        MATCH (d:Dataset {name: 'orders'})-[:HAS_FIELD]->(f:Field)
                        RETURN f.name AS field, f.schemaVersion = d.schemaVersion AS current ORDER BY field"""))
                .containsExactly(row("field", "id", "current", true), row("field", "old", "current", false));
        assertThat(query("""
                        MATCH (d:Dataset {name: 'orders'})-[:HAS_SCHEMA]->(s:SchemaVersion {hash: 'h2'})
                        RETURN d.schemaVersion AS schemaVersion, d.schemaEventVersion AS eventVersion,
                               s.lastVersion AS lastVersion""")).containsExactly(row("schemaVersion", "h2", "eventVersion", "v2", "lastVersion", "v2"));
    }
}
