package io.tributary.integrations;

import org.springframework.graphql.test.tester.GraphQlTester;

/** What the GraphQL API must answer after the run of {@link ClientEvents} arrived, whatever the transport. */
final class ClientGraph {

    private ClientGraph() {}

    static void assertOneCompletedRun(GraphQlTester graphQl, String runId) {
        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          id state startedAt endedAt durationMs
                          job { namespace name sql { query dialect } }
                          inputs { dataset { namespace name } }
                          outputs { dataset { namespace name } }
                        } }""").variable("id", runId).execute().path("run").matchesJsonStrictly("""
                        { "id": "%s", "state": "COMPLETED",
                          "startedAt": "2026-03-01T02:00:00.000Z", "endedAt": "2026-03-01T02:00:07.250Z", "durationMs": 7250,
                          "job": { "namespace": "shop-etl", "name": "daily_totals",
                                   "sql": { "query": "%s", "dialect": "postgres" } },
                          "inputs": [ { "dataset": { "namespace": "postgres://db.shop.internal:5432", "name": "shop.public.orders" } } ],
                          "outputs": [ { "dataset": { "namespace": "postgres://db.shop.internal:5432", "name": "shop.public.daily_totals" } } ]
                        }""".formatted(
                        runId, ClientEvents.SQL));
        graphQl.document("""
                        { dataset(namespace: "postgres://db.shop.internal:5432", name: "shop.public.daily_totals") {
                            fields { name type } producers { name latestRun { id state } } consumers { name } } }""").execute().path("dataset").matchesJsonStrictly("""
                        { "fields": [ { "name": "customer_id", "type": "BIGINT" }, { "name": "total", "type": "NUMERIC" } ],
                          "producers": [ { "name": "daily_totals", "latestRun": { "id": "%s", "state": "COMPLETED" } } ],
                          "consumers": [] }""".formatted(runId));
        graphQl.document("""
                        { columnLineage(node: { kind: DATASET, namespace: "postgres://db.shop.internal:5432",
                                                name: "shop.public.daily_totals" }, direction: UPSTREAM) {
                            nodes { dataset field type distance }
                            edges { from to transformation { type subtype } }
                            truncated } }""").execute().path("columnLineage").matchesJsonStrictly("""
                        { "nodes": [
                            { "dataset": "shop.public.daily_totals", "field": "customer_id", "type": "BIGINT", "distance": 0 },
                            { "dataset": "shop.public.daily_totals", "field": "total", "type": "NUMERIC", "distance": 0 },
                            { "dataset": "shop.public.orders", "field": "amount", "type": "NUMERIC", "distance": 1 },
                            { "dataset": "shop.public.orders", "field": "customer_id", "type": "BIGINT", "distance": 1 } ],
                          "edges": [
                            { "from": "FIELD:postgres%3A%2F%2Fdb.shop.internal%3A5432:shop.public.orders:amount",
                              "to": "FIELD:postgres%3A%2F%2Fdb.shop.internal%3A5432:shop.public.daily_totals:total",
                              "transformation": { "type": "DIRECT", "subtype": "AGGREGATION" } },
                            { "from": "FIELD:postgres%3A%2F%2Fdb.shop.internal%3A5432:shop.public.orders:customer_id",
                              "to": "FIELD:postgres%3A%2F%2Fdb.shop.internal%3A5432:shop.public.daily_totals:customer_id",
                              "transformation": { "type": "DIRECT", "subtype": "IDENTITY" } } ],
                          "truncated": false }""");
    }
}
