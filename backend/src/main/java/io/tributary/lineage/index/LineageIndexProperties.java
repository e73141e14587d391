package io.tributary.lineage.index;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lineage index ({@code TRIBUTARY_LINEAGE_INDEX_ENABLED}).
 *
 * @param enabled load the index at start and answer {@code lineage} and {@code impact} from it once loaded (the Cypher
 *     walks answer until then, and always for {@code since} and {@code asOf})
 * @param pageSize rows per read while loading
 * @param pageTimeout the database aborts a load page's read that runs longer: the load is the service's own work,
 *     bounded by its page size, so not the read-query limit (a page of a large store on a cold page cache outlasted
 *     its 10 s); a load that fails (this, or the database unreachable) is tried again, 1 s later, then doubling up to
 *     a minute
 * @param heapShare the largest share of the JVM's maximum heap the index may hold, by its own estimate: a load or
 *     patches that take it past that drop it and walks use Cypher until a restart (with a larger {@code -Xmx} or
 *     share), so that a store too large for the heap slows lineage down instead of running the service out of memory
 */
@ConfigurationProperties("tributary.lineage.index")
public record LineageIndexProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50000") int pageSize,
        @DefaultValue("2m") Duration pageTimeout,
        @DefaultValue("0.5") double heapShare) {

    /** The index's budget in bytes on this JVM. */
    long budgetBytes() {
        return (long) (Runtime.getRuntime().maxMemory() * heapShare);
    }
}
