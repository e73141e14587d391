package io.tributary.dataset;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A table whose schema changed: the data dictionary tree and the history with added, removed and retyped columns. */
class SchemaHistoryApiTest extends EndToEndTest {

    private static final String V1 = """
            [ { "name": "id", "type": "int" },
              { "name": "name", "type": "string", "description": "Customer name" },
              { "name": "address", "type": "struct", "fields": [
                  { "name": "city", "type": "string" }, { "name": "zip", "type": "int" } ] },
              { "name": "legacy", "type": "string" } ]""";
    private static final String V2 = """
            [ { "name": "id", "type": "bigint" },
              { "name": "name", "type": "string", "description": "Customer name" },
              { "name": "address", "type": "struct", "fields": [
                  { "name": "city", "type": "string" }, { "name": "zip", "type": "string" },
                  { "name": "country", "type": "string" } ] },
              { "name": "email", "type": "string" } ]""";

    @BeforeEach
    void writeTheTableTwiceNewestSchemaFirst() {
        post(TestEvents.run("COMPLETE", "00000000-0000-4000-8000-000000000002", "etl", "load", "2024-03-02T00:00:00Z")
                        .output("warehouse", "crm.customers", V2)
                        .json())
                .expectStatus()
                .isCreated();
        post(TestEvents.run("COMPLETE", "00000000-0000-4000-8000-000000000001", "etl", "load", "2024-03-01T00:00:00Z")
                        .output("warehouse", "crm.customers", V1)
                        .json())
                .expectStatus()
                .isCreated();
    }

    @Test
    void listsEachSchemaNewestFirstWithTheColumnsAddedRemovedAndRetyped() {
        graphQl.document("""
                        { dataset(namespace: "warehouse", name: "crm.customers") {
                            schemaHistory { current firstSeen lastSeen fields { path type }
                              changes { added { path type } removed { path type } retyped { path oldType newType } } } } }""").execute().path("dataset.schemaHistory").matchesJsonStrictly("""
                        [ { "current": true, "firstSeen": "2024-03-02T00:00:00.000Z", "lastSeen": "2024-03-02T00:00:00.000Z",
                            "fields": [ { "path": "id", "type": "bigint" }, { "path": "name", "type": "string" },
                                        { "path": "address", "type": "struct" }, { "path": "address.city", "type": "string" },
                                        { "path": "address.zip", "type": "string" },
                                        { "path": "address.country", "type": "string" }, { "path": "email", "type": "string" } ],
                            "changes": {
                              "added": [ { "path": "address.country", "type": "string" }, { "path": "email", "type": "string" } ],
                              "removed": [ { "path": "legacy", "type": "string" } ],
                              "retyped": [ { "path": "id", "oldType": "int", "newType": "bigint" },
                                           { "path": "address.zip", "oldType": "int", "newType": "string" } ] } },
                          { "current": false, "firstSeen": "2024-03-01T00:00:00.000Z", "lastSeen": "2024-03-01T00:00:00.000Z",
                            "fields": [ { "path": "id", "type": "int" }, { "path": "name", "type": "string" },
                                        { "path": "address", "type": "struct" }, { "path": "address.city", "type": "string" },
                                        { "path": "address.zip", "type": "int" }, { "path": "legacy", "type": "string" } ],
                            "changes": null } ]""");
    }

    @Test
    void givesTheChangesOfTheOldestVersionShownEvenWhenOlderOnesAreCutOff() {
        graphQl.document("""
                        { dataset(namespace: "warehouse", name: "crm.customers") {
                            schemaHistory(last: 1) { current changes { added { path } removed { path } } } } }""").execute().path("dataset.schemaHistory").matchesJsonStrictly("""
                        [ { "current": true, "changes": { "added": [ { "path": "address.country" }, { "path": "email" } ],
                                                          "removed": [ { "path": "legacy" } ] } } ]""");
    }

    @Test
    void rendersTheCurrentSchemaAsAFlatDictionaryAndAsATree() {
        graphQl.document("""
                        { dataset(namespace: "warehouse", name: "crm.customers") {
                            fields { name leafName type description parent depth fields { name leafName } } } }""").execute().path("dataset.fields").matchesJsonStrictly("""
                        [ { "name": "id", "leafName": "id", "type": "bigint", "description": null, "parent": null,
                            "depth": 0, "fields": [] },
                          { "name": "name", "leafName": "name", "type": "string", "description": "Customer name",
                            "parent": null, "depth": 0, "fields": [] },
                          { "name": "address", "leafName": "address", "type": "struct", "description": null,
                            "parent": null, "depth": 0,
                            "fields": [ { "name": "address.city", "leafName": "city" },
                                        { "name": "address.zip", "leafName": "zip" },
                                        { "name": "address.country", "leafName": "country" } ] },
                          { "name": "address.city", "leafName": "city", "type": "string", "description": null,
                            "parent": "address", "depth": 1, "fields": [] },
                          { "name": "address.zip", "leafName": "zip", "type": "string", "description": null,
                            "parent": "address", "depth": 1, "fields": [] },
                          { "name": "address.country", "leafName": "country", "type": "string", "description": null,
                            "parent": "address", "depth": 1, "fields": [] },
                          { "name": "email", "leafName": "email", "type": "string", "description": null,
                            "parent": null, "depth": 0, "fields": [] } ]""");
    }
}
