package io.tributary.marquez;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Marquez's search, raw event list and the charts of its UI's home page. Times are ISO-8601 date-times or dates
 * ({@code YYYY-MM-DD}, midnight UTC); an empty parameter (as Marquez's UI sends one it has no value for) is unset.
 */
@RestController
class MarquezActivityController {

    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final MarquezActivity activity;

    MarquezActivityController(MarquezActivity activity) {
        this.activity = activity;
    }

    @GetMapping({"/api/v1/search", "/api/v1/search/"})
    Mono<SearchResult.Page> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "NAME") String sort,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) String namespace,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after) {
        List<String> kinds = switch (blankToNull(filter) == null ? "ALL" : filter.toUpperCase(Locale.ROOT)) {
            case "ALL" -> List.of("DATASET", "JOB");
            case "DATASET" -> List.of("DATASET");
            case "JOB" -> List.of("JOB");
            default -> throw new IllegalArgumentException("filter must be DATASET or JOB, was '" + filter + "'");
        };
        boolean byUpdate = switch (sort.toUpperCase(Locale.ROOT)) {
            case "NAME" -> false;
            case "UPDATE_AT" -> true;
            default -> throw new IllegalArgumentException("sort must be NAME or UPDATE_AT, was '" + sort + "'");
        };
        Paging page = Paging.of(limit, 0);
        OffsetDateTime from = time("after", after, null);
        OffsetDateTime until = time("before", before, null);
        return Blocking.read(
                () -> activity.search(q, kinds, blankToNull(namespace), from, until, byUpdate, page.limit()));
    }

    @GetMapping("/api/v1/events/lineage")
    Mono<MarquezActivity.EventList> events(
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "desc") String sortDirection,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        boolean ascending = switch (sortDirection.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default ->
                throw new IllegalArgumentException("sortDirection must be asc or desc, was '" + sortDirection + "'");
        };
        Paging page = Paging.of(limit, offset);
        OffsetDateTime from = time("after", after, EARLIEST);
        OffsetDateTime until = time("before", before, LATEST);
        return Blocking.read(() -> activity.events(from, until, ascending, page));
    }

    @GetMapping("/api/v1/stats/lineage-events")
    Mono<List<Stats.LineageMetric>> lineageEvents(
            @RequestParam(defaultValue = "DAY") String period, @RequestParam(defaultValue = "UTC") String timezone) {
        MarquezActivity.Period p = period(period);
        ZoneId zone = zone(timezone);
        return Blocking.read(() -> activity.lineageEvents(p, zone));
    }

    /** {@code /stats/jobs}, {@code /stats/datasets} and {@code /stats/sources}. */
    @GetMapping("/api/v1/stats/{asset:jobs|datasets|sources}")
    Mono<List<Stats.IntervalMetric>> created(
            @PathVariable String asset,
            @RequestParam(defaultValue = "DAY") String period,
            @RequestParam(defaultValue = "UTC") String timezone) {
        MarquezActivity.Asset a = MarquezActivity.Asset.valueOf(asset.toUpperCase(Locale.ROOT));
        MarquezActivity.Period p = period(period);
        ZoneId zone = zone(timezone);
        return Blocking.read(() -> activity.created(a, p, zone));
    }

    private static MarquezActivity.Period period(String period) {
        try {
            return MarquezActivity.Period.valueOf(period.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("period must be DAY or WEEK, was '" + period + "'");
        }
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown timezone '" + timezone + "'");
        }
    }

    private static OffsetDateTime time(String name, String value, OffsetDateTime unset) {
        String text = blankToNull(value);
        if (text == null) {
            return unset;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 date-time or a date (YYYY-MM-DD), was '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
