package io.tributary.lineage.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lineage index ({@code TRIBUTARY_LINEAGE_INDEX_ENABLED}).
 *
 * @param enabled load the index at start and answer {@code lineage} and {@code impact} from it once loaded (the Cypher
 *     walks answer until then, and always for {@code since} and {@code asOf})
 * @param pageSize rows per read while loading
 */
@ConfigurationProperties("tributary.lineage.index")
public record LineageIndexProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("50000") int pageSize) {}
