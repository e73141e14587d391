package io.tributary.lineage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Wall time of whole traversals ({@code tributary.lineage.traversals}, tagged by kind), as a Prometheus histogram so
 * that p95 can be computed across instances; the per-level statements are timed by {@code tributary.graph.reads}.
 */
@Component
class TraversalMetrics {

    static final String TRAVERSALS = "tributary.lineage.traversals";

    private final MeterRegistry meters;

    TraversalMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> T timed(String kind, Supplier<T> traversal) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T result = traversal.get();
            outcome = "ok";
            return result;
        } finally {
            sample.stop(Timer.builder(TRAVERSALS)
                    .description("Lineage traversals (lineage, columnLineage, impact, impact CSV), whole walk")
                    .tag("kind", kind)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }
}
