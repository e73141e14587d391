package io.tributary.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.Redelivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The tags, catalog and jobDependencies facets as first-class data, on the DAG of {@code facets/}: the extract task's
 * job and output dataset are tagged (a dataset tag naming a field tags that column) and a day later tagged anew; the
 * load task's run names the extract task upstream and a report task downstream.
 */
class TagsTest extends EndToEndTest {

    static final String NS = "airflow-finance";
    static final String EXTRACT = "finance_dag.extract_orders";
    static final String LOAD = "finance_dag.load_orders";
    static final String REPORT = "finance_dag.report_orders";
    static final String DB = "postgres://db.finance.example:5432";
    static final String ORDERS = "warehouse.public.orders";
    static final String LOAD_RUN = "0195561a-2c00-7000-8000-00000000e002";

    private static final String EVERYTHING = """
            query($ns: String!, $db: String!, $orders: String!, $extract: String!, $load: String!, $run: ID!) {
              dataset(namespace: $db, name: $orders) {
                tags taggings { tag fromFacet byHand }
                fields { name tags }
                catalog { name framework type metadataUri warehouseUri source }
              }
              extract: job(namespace: $ns, name: $extract) {
                tags taggings { tag fromFacet byHand } dependencies { name } dependents { name }
              }
              load: job(namespace: $ns, name: $load) { tags dependencies { name } dependents { name } }
              run(id: $run) { tags }
            }""";

    private static final String SEARCH = """
            query($q: String!) { search(query: $q) { kind name } }""";

    private static final String ADD = """
            mutation($kind: TagKind!, $ns: String!, $name: String!, $field: String, $tag: String!) {
              addTag(kind: $kind, namespace: $ns, name: $name, field: $field, tag: $tag) { kind name field tags }
            }""";

    private static final String REMOVE = """
            mutation($kind: TagKind!, $ns: String!, $name: String!, $field: String, $tag: String!) {
              removeTag(kind: $kind, namespace: $ns, name: $name, field: $field, tag: $tag) { kind name field tags }
            }""";

    static List<String> events() {
        return Fixtures.events("facets/tags-catalog-job-dependencies.json");
    }

    private Map<String, Object> everything() {
        return graphQl.document(EVERYTHING)
                .variable("ns", NS)
                .variable("db", DB)
                .variable("orders", ORDERS)
                .variable("extract", EXTRACT)
                .variable("load", LOAD)
                .variable("run", LOAD_RUN)
                .execute()
                .path("")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private List<Map<String, Object>> search(String query) {
        return graphQl.document(SEARCH)
                .variable("q", query)
                .execute()
                .path("search")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    private HttpGraphQlTester writer() {
        return graphQl.mutate().header("Authorization", "Bearer " + API_KEY).build();
    }

    private HttpGraphQlTester.Response tag(String mutation, String kind, String name, String field, String tag) {
        return writer().document(mutation)
                .variable("kind", kind)
                .variable("ns", kind.equals("JOB") ? NS : DB)
                .variable("name", name)
                .variable("field", field)
                .variable("tag", tag)
                .execute();
    }

    @Test
    void theNewestTagsFacetsTagTheJobTheDatasetItsFieldsAndTheRun() {
        postAll(events());

        graphQl.document(EVERYTHING)
                .variable("ns", NS)
                .variable("db", DB)
                .variable("orders", ORDERS)
                .variable("extract", EXTRACT)
                .variable("load", LOAD)
                .variable("run", LOAD_RUN)
                .execute()
                .path("")
                .matchesJsonStrictly("""
                        {
                          "dataset": {
                            "tags": ["classification:confidential"],
                            "taggings": [ { "tag": "classification:confidential", "fromFacet": true, "byHand": false } ],
                            "fields": [ { "name": "id", "tags": [] },
                                        { "name": "email", "tags": ["pii"] },
                                        { "name": "amount", "tags": ["sensitivity:high"] } ],
                            "catalog": { "name": "finance_glue_catalog", "framework": "iceberg", "type": "glue",
                                         "metadataUri": "arn:aws:glue:us-east-1:123456789012:catalog",
                                         "warehouseUri": "s3://finance-warehouse", "source": "spark" }
                          },
                          "extract": {
                            "tags": ["team:payments", "tier:gold"],
                            "taggings": [ { "tag": "team:payments", "fromFacet": true, "byHand": false },
                                          { "tag": "tier:gold", "fromFacet": true, "byHand": false } ],
                            "dependencies": [],
                            "dependents": [ { "name": "finance_dag.load_orders" } ]
                          },
                          "load": {
                            "tags": [],
                            "dependencies": [ { "name": "finance_dag.extract_orders" } ],
                            "dependents": [ { "name": "finance_dag.report_orders" } ]
                          },
                          "run": { "tags": ["airflow_pool:finance_pool"] }
                        }""");
    }

    @Test
    void jobDependenciesAreControlFlowEdgesApartFromDataFlow() {
        postAll(events());

        var edges = query("""
                MATCH (down:Job)-[e:DEPENDS_ON]->(up:Job)
                RETURN down.name AS down, up.name AS up, e.dependencyType AS type,
                       e.sequenceTriggerRule AS sequence, e.statusTriggerRule AS status
                ORDER BY down""");
        assertThat(edges)
                .containsExactly(
                        row(
                                "down",
                                LOAD,
                                "up",
                                EXTRACT,
                                "type",
                                "DIRECT_INVOCATION",
                                "sequence",
                                "FINISH_TO_START",
                                "status",
                                "EXECUTE_ON_SUCCESS"),
                        row(
                                "down",
                                REPORT,
                                "up",
                                LOAD,
                                "type",
                                "IMPLICIT_DEPENDENCY",
                                "sequence",
                                null,
                                "status",
                                null));
        // Control flow is no data flow: the report task reads and writes nothing, so lineage has no edge to it.
        graphQl.document("""
                        query($ns: String!, $name: String!) {
                          lineage(node: {kind: JOB, namespace: $ns, name: $name}) { nodes { name } }
                        }""")
                .variable("ns", NS)
                .variable("name", REPORT)
                .execute()
                .path("lineage.nodes[*].name")
                .entityList(String.class)
                .containsExactly(REPORT);
    }

    @Test
    void tagsFieldTagsAndCatalogNamesAreSearchableButReplacedTagsAreNot() {
        postAll(events());

        assertThat(search("confidential")).containsExactly(Map.of("kind", "DATASET", "name", ORDERS));
        assertThat(search("pii")).containsExactly(Map.of("kind", "DATASET", "name", ORDERS));
        assertThat(search("glue catalog")).containsExactly(Map.of("kind", "DATASET", "name", ORDERS));
        assertThat(search("payments gold")).containsExactly(Map.of("kind", "JOB", "name", EXTRACT));
        // The first run's dataset tags were replaced by the second's: its old tag no longer matches.
        assertThat(search("production")).isEmpty();
        assertThat(search("environment")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void anyOrderAndRedeliveryGiveTheSameTagsCatalogAndDependencies(long seed) {
        postAll(events());
        Map<String, Object> inOrder = everything();
        List<String> graph = canonicalGraph();
        emptyGraph();

        postAll(Redelivery.shuffledWithCopies(events(), seed));

        assertThat(everything()).isEqualTo(inOrder);
        assertThat(canonicalGraph()).isEqualTo(graph);
    }

    @Test
    void tagsSetByHandStayBesideANewerFacetAndRemovingOneLeavesTheFacets() {
        List<String> events = events();
        postAll(events.subList(0, 4));

        tag(ADD, "DATASET", ORDERS, null, "owner:alice")
                .path("addTag.tags")
                .entityList(String.class)
                .containsExactly("environment:production", "classification:confidential", "owner:alice");
        tag(ADD, "DATASET", ORDERS, null, "classification:confidential")
                .path("addTag.tags")
                .entityList(String.class)
                .hasSize(3);
        tag(ADD, "FIELD", ORDERS, "id", "primary-key")
                .path("addTag.tags")
                .entityList(String.class)
                .containsExactly("primary-key");
        tag(ADD, "JOB", EXTRACT, null, "critical")
                .path("addTag.tags")
                .entityList(String.class)
                .containsExactly("team:finance", "critical");

        // The second run's facets replace the facet's tags only.
        postAll(events.subList(4, 6));
        Map<String, Object> after = everything();
        @SuppressWarnings("unchecked")
        var dataset = (Map<String, Object>) after.get("dataset");
        assertThat(dataset.get("taggings"))
                .isEqualTo(List.of(
                        Map.of("tag", "classification:confidential", "fromFacet", true, "byHand", true),
                        Map.of("tag", "owner:alice", "fromFacet", false, "byHand", true)));
        assertThat(dataset.get("fields"))
                .isEqualTo(List.of(
                        Map.of("name", "id", "tags", List.of("primary-key")),
                        Map.of("name", "email", "tags", List.of("pii")),
                        Map.of("name", "amount", "tags", List.of("sensitivity:high"))));
        @SuppressWarnings("unchecked")
        var job = (Map<String, Object>) after.get("extract");
        assertThat(job.get("tags")).isEqualTo(List.of("team:payments", "tier:gold", "critical"));
        assertThat(search("alice")).containsExactly(Map.of("kind", "DATASET", "name", ORDERS));
        assertThat(search("critical")).containsExactly(Map.of("kind", "JOB", "name", EXTRACT));

        // A removal by hand removes the hand-set source; the facet still sends classification, so it stays.
        tag(REMOVE, "DATASET", ORDERS, null, "classification:confidential")
                .path("removeTag.tags")
                .entityList(String.class)
                .containsExactly("classification:confidential", "owner:alice");
        tag(REMOVE, "DATASET", ORDERS, null, "owner:alice")
                .path("removeTag.tags")
                .entityList(String.class)
                .containsExactly("classification:confidential");
        tag(REMOVE, "FIELD", ORDERS, "id", "primary-key")
                .path("removeTag.tags")
                .entityList(String.class)
                .hasSize(0);
        assertThat(search("alice")).isEmpty();
    }

    @Test
    void taggingNeedsTheWriteKeyAndAnExistingNode() {
        postAll(events());

        graphQl.document(ADD)
                .variable("kind", "DATASET")
                .variable("ns", DB)
                .variable("name", ORDERS)
                .variable("tag", "owner:mallory")
                .execute()
                .errors()
                .expect(e -> e.getMessage().contains("ingest (write) API key"))
                .verify();
        tag(ADD, "DATASET", "warehouse.public.nowhere", null, "x")
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
                .verify();
        tag(ADD, "FIELD", ORDERS, "no_such_column", "x")
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
                .verify();
        tag(ADD, "JOB", EXTRACT, null, " ")
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST)
                .verify();
        assertThat(search("mallory")).isEmpty();
    }
}
