package io.tributary.lineage;

import io.tributary.lineage.IdentityGroups.Member;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Result;
import org.springframework.stereotype.Repository;

/** Looks up symlink identity groups for the walks' identity step ({@link IdentityGroups}). */
@Repository
class SymlinkIdentity {

    private record Ids(Collection<String> ids) {}

    private final GraphStore store;

    SymlinkIdentity(GraphStore store) {
        this.store = store;
    }

    /** Groups of datasets, each lookup its own read. */
    IdentityGroups datasets() {
        return new IdentityGroups(ids ->
                store.read("read/lineage/identity-datasets", Parameters.of(new Ids(ids)), SymlinkIdentity::groups));
    }

    /** Groups of fields, read in the walk's transaction. */
    IdentityGroups fields(GraphStore.Reads reads) {
        return new IdentityGroups(ids ->
                reads.read("read/lineage/identity-fields", Parameters.of(new Ids(ids)), SymlinkIdentity::groups));
    }

    private static Map<String, List<Member>> groups(Result result) {
        var groups = new HashMap<String, List<Member>>();
        result.forEachRemaining(r -> groups.put(
                r.get("id").asString(),
                r.get("members")
                        .asList(v -> new Member(
                                v.get("id").asString(),
                                v.get("namespace").asString(),
                                v.get("name").asString(),
                                v.get("declares").asBoolean(),
                                DriverValues.string(v.get("type"))))));
        return groups;
    }
}
