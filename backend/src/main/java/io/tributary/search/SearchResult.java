package io.tributary.search;

import io.tributary.store.DriverValues;
import org.neo4j.driver.Record;

/** A job, dataset or column that matched a search; {@code field} is set for a column only. */
record SearchResult(String kind, String namespace, String name, String field, String description, double score) {

    static SearchResult from(Record r) {
        return new SearchResult(
                r.get("kind").asString(),
                r.get("namespace").asString(),
                r.get("name").asString(),
                DriverValues.string(r.get("field")),
                DriverValues.string(r.get("description")),
                r.get("score").asDouble());
    }
}
