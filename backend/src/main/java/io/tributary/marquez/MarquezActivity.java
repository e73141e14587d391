package io.tributary.marquez;

import io.tributary.archive.ArchivedJson;
import io.tributary.job.SourceCodePolicy;
import io.tributary.search.SearchIndex;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The raw events, search and the UI's charts, in Marquez's shapes. */
@Repository
class MarquezActivity {

    /** The charts' periods: the last 24 hours by hour, or the last 7 days by day. */
    enum Period {
        DAY(ChronoUnit.HOURS, 24, "hour"),
        WEEK(ChronoUnit.DAYS, 7, "day");

        final ChronoUnit unit;
        final int buckets;
        final String cypherUnit;

        Period(ChronoUnit unit, int buckets, String cypherUnit) {
            this.unit = unit;
            this.buckets = buckets;
            this.cypherUnit = cypherUnit;
        }
    }

    /** What the stats charts count since the start of their first interval. */
    enum Asset {
        JOBS("read/marquez/jobs-created"),
        DATASETS("read/marquez/datasets-created"),
        SOURCES("read/marquez/sources-created");

        final String statement;

        Asset(String statement) {
            this.statement = statement;
        }
    }

    private record EventPage(OffsetDateTime after, OffsetDateTime before, boolean ascending, int limit, int offset) {}

    private record EventTypes(OffsetDateTime from, String unit, String timezone) {}

    private record Since(OffsetDateTime from) {}

    private record Search(
            String query,
            List<String> kinds,
            String namespace,
            OffsetDateTime after,
            OffsetDateTime before,
            boolean byUpdate,
            int limit) {}

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final GraphStore store;
    private final JsonMapper json;
    private final SourceCodePolicy policy;

    MarquezActivity(GraphStore store, JsonMapper json, SourceCodePolicy policy) {
        this.store = store;
        this.json = json;
        this.policy = policy;
    }

    /** The raw events within [after, before), as sent (the job's source code only where allowed). */
    EventList events(OffsetDateTime after, OffsetDateTime before, boolean ascending, Paging paging) {
        var page = new EventPage(after, before, ascending, paging.limit(), paging.offset());
        List<Map<String, Object>> events = store.read(
                "read/marquez/events",
                page,
                result -> result.list(r -> policy.event(json.readValue(ArchivedJson.of(r), OBJECT))));
        long total = store.read(
                "read/marquez/event-count",
                page,
                result -> result.single().get("count").asLong());
        return new EventList(events, total);
    }

    /** {@code GET /events/lineage}. */
    record EventList(List<Map<String, Object>> events, long totalCount) {}

    SearchResult.Page search(
            String q,
            List<String> kinds,
            String namespace,
            OffsetDateTime after,
            OffsetDateTime before,
            boolean byUpdate,
            int limit) {
        String lucene = SearchIndex.lucene(q);
        if (lucene.isEmpty()) {
            throw new IllegalArgumentException("q must contain at least one letter or digit");
        }
        List<SearchResult> results = store.read(
                "read/marquez/search",
                new Search(lucene, kinds, namespace, after, before, byUpdate, limit),
                result -> result.list(r -> {
                    String kind = r.get("kind").asString();
                    String ns = r.get("namespace").asString();
                    String name = r.get("name").asString();
                    return new SearchResult(
                            kind,
                            name,
                            DriverValues.time(r.get("updatedAt")),
                            ns,
                            kind.equals("JOB") ? MarquezNodeId.job(ns, name) : MarquezNodeId.dataset(ns, name));
                }));
        return new SearchResult.Page(results.size(), results);
    }

    /** Run events per interval by type. */
    List<Stats.LineageMetric> lineageEvents(Period period, ZoneId zone) {
        List<ZonedDateTime> starts = intervals(period, zone);
        long[][] counts = new long[starts.size()][4];
        store.read(
                "read/marquez/event-types",
                new EventTypes(starts.getFirst().toOffsetDateTime(), period.cypherUnit, zone.getId()),
                result -> {
                    result.forEachRemaining(r -> {
                        int i = index(starts, r.get("bucket"));
                        int type = switch (r.get("eventType").asString()) {
                            case "FAIL" -> 0;
                            case "START" -> 1;
                            case "COMPLETE" -> 2;
                            default -> 3;
                        };
                        if (i >= 0) {
                            counts[i][type] += r.get("count").asLong();
                        }
                    });
                    return null;
                });
        var metrics = new ArrayList<Stats.LineageMetric>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            metrics.add(new Stats.LineageMetric(
                    starts.get(i).toOffsetDateTime(),
                    starts.get(i).plus(1, period.unit).toOffsetDateTime(),
                    counts[i][0],
                    counts[i][1],
                    counts[i][2],
                    counts[i][3]));
        }
        return metrics;
    }

    /** How many jobs, datasets or sources existed at the end of each interval (cumulative, as Marquez counts). */
    List<Stats.IntervalMetric> created(Asset asset, Period period, ZoneId zone) {
        List<ZonedDateTime> starts = intervals(period, zone);
        return store.read(asset.statement, new Since(starts.getFirst().toOffsetDateTime()), result -> {
            var row = result.single();
            long total = row.get("total").asLong();
            List<OffsetDateTime> recent = row.get("recent").asList(DriverValues::time);
            var metrics = new ArrayList<Stats.IntervalMetric>(starts.size());
            for (ZonedDateTime start : starts) {
                ZonedDateTime end = start.plus(1, period.unit);
                long later = recent.stream()
                        .filter(t -> !t.toInstant().isBefore(end.toInstant()))
                        .count();
                metrics.add(new Stats.IntervalMetric(start.toOffsetDateTime(), end.toOffsetDateTime(), total - later));
            }
            return metrics;
        });
    }

    /** The start of each interval, oldest first; the last one holds now. */
    private static List<ZonedDateTime> intervals(Period period, ZoneId zone) {
        ZonedDateTime current = ZonedDateTime.now(zone).truncatedTo(period.unit);
        var starts = new ArrayList<ZonedDateTime>(period.buckets);
        for (int i = period.buckets - 1; i >= 0; i--) {
            starts.add(current.minus(i, period.unit));
        }
        return starts;
    }

    private static int index(List<ZonedDateTime> starts, Value bucket) {
        var instant = bucket.asZonedDateTime().toInstant();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i).toInstant().equals(instant)) {
                return i;
            }
        }
        return -1;
    }
}
