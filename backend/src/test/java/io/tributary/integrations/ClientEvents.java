package io.tributary.integrations;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One run of a daily-totals job built with the OpenLineage Java client's own model, as an application instrumented
 * with the client emits it: a START naming the input, then a COMPLETE with the output's schema and column lineage.
 */
final class ClientEvents {

    static final String JOB_NAMESPACE = "shop-etl";
    static final String JOB_NAME = "daily_totals";
    static final String DATA_NAMESPACE = "postgres://db.shop.internal:5432";
    static final String ORDERS = "shop.public.orders";
    static final String TOTALS = "shop.public.daily_totals";
    static final String SQL = "SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id";
    static final String STARTED_AT = "2026-03-01T02:00:00Z";
    static final String ENDED_AT = "2026-03-01T02:00:07.250Z";

    private static final OpenLineage OL = new OpenLineage(URI.create("https://tributary.dev/tests/openlineage-java"));

    private ClientEvents() {}

    static RunEvent start(UUID runId) {
        return OL.newRunEventBuilder()
                .eventType(EventType.START)
                .eventTime(ZonedDateTime.parse(STARTED_AT))
                .run(OL.newRun(runId, OL.newRunFacetsBuilder().build()))
                .job(job())
                .inputs(List.of(orders()))
                .outputs(List.of())
                .build();
    }

    static RunEvent complete(UUID runId) {
        return OL.newRunEventBuilder()
                .eventType(EventType.COMPLETE)
                .eventTime(ZonedDateTime.parse(ENDED_AT))
                .run(OL.newRun(runId, OL.newRunFacetsBuilder().build()))
                .job(job())
                .inputs(List.of(orders()))
                .outputs(List.of(totals()))
                .build();
    }

    private static OpenLineage.Job job() {
        return OL.newJob(
                JOB_NAMESPACE,
                JOB_NAME,
                OL.newJobFacetsBuilder()
                        .sql(OL.newSQLJobFacetBuilder()
                                .query(SQL)
                                .dialect("postgres")
                                .build())
                        .build());
    }

    private static OpenLineage.InputDataset orders() {
        return OL.newInputDatasetBuilder()
                .namespace(DATA_NAMESPACE)
                .name(ORDERS)
                .facets(OL.newDatasetFacetsBuilder()
                        .schema(schema(
                                field("order_id", "BIGINT"),
                                field("customer_id", "BIGINT"),
                                field("amount", "NUMERIC")))
                        .build())
                .build();
    }

    private static OpenLineage.OutputDataset totals() {
        var lineage = OL.newColumnLineageDatasetFacetFieldsBuilder()
                .put("customer_id", derivedFrom("customer_id", "DIRECT", "IDENTITY"))
                .put("total", derivedFrom("amount", "DIRECT", "AGGREGATION"))
                .build();
        return OL.newOutputDatasetBuilder()
                .namespace(DATA_NAMESPACE)
                .name(TOTALS)
                .facets(OL.newDatasetFacetsBuilder()
                        .schema(schema(field("customer_id", "BIGINT"), field("total", "NUMERIC")))
                        .columnLineage(OL.newColumnLineageDatasetFacetBuilder()
                                .fields(lineage)
                                .build())
                        .build())
                .build();
    }

    private static OpenLineage.ColumnLineageDatasetFacetFieldsAdditional derivedFrom(
            String inputField, String type, String subtype) {
        return OL.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                .inputFields(List.of(OL.newInputFieldBuilder()
                        .namespace(DATA_NAMESPACE)
                        .name(ORDERS)
                        .field(inputField)
                        .transformations(List.of(OL.newInputFieldTransformationsBuilder()
                                .type(type)
                                .subtype(subtype)
                                .build()))
                        .build()))
                .build();
    }

    private static OpenLineage.SchemaDatasetFacet schema(OpenLineage.SchemaDatasetFacetFields... fields) {
        return OL.newSchemaDatasetFacetBuilder().fields(List.of(fields)).build();
    }

    private static OpenLineage.SchemaDatasetFacetFields field(String name, String type) {
        return OL.newSchemaDatasetFacetFieldsBuilder().name(name).type(type).build();
    }
}
