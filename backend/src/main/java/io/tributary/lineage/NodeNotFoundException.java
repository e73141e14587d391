package io.tributary.lineage;

import io.tributary.problem.NotFoundException;
import io.tributary.store.DriverValues;
import java.time.OffsetDateTime;
import org.neo4j.driver.Value;

/**
 * The node a traversal starts from does not exist, or did not yet exist at the requested time: a NOT_FOUND error
 * rather than an empty graph, so that a script that misspells a name learns so instead of concluding that nothing
 * depends on it.
 */
final class NodeNotFoundException extends NotFoundException {

    NodeNotFoundException(NodeRef ref) {
        super("No " + ref + " is known");
    }

    NodeNotFoundException(NodeRef ref, OffsetDateTime asOf) {
        super("No " + ref + " existed at " + asOf);
    }

    /** Passes when there is no asOf, or the node was first seen at or before it. */
    static void requireExistedAt(NodeRef ref, Value firstSeen, OffsetDateTime asOf) {
        OffsetDateTime first = DriverValues.time(firstSeen);
        if (asOf != null && (first == null || first.isAfter(asOf))) {
            throw new NodeNotFoundException(ref, asOf);
        }
    }
}
