package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void escapesSeparatorsSoThatIdsOfDifferentNodesNeverCollide() {
        // Without escaping, both would read DATASET:a:b:c.
        assertThat(NodeId.of(NodeKind.DATASET, "a:b", "c")).isEqualTo("DATASET:a%3Ab:c");
        assertThat(NodeId.of(NodeKind.DATASET, "a", "b:c")).isEqualTo("DATASET:a:b%3Ac");
        assertThat(NodeId.field("gs://bucket", "dir/file.csv", "address.city"))
                .isEqualTo("FIELD:gs%3A%2F%2Fbucket:dir%2Ffile.csv:address.city");
    }

    @Test
    void decodesBackToTheNodeReference() {
        String namespace = "postgres://db:5432";
        String name = "sales.öffentlich.100% done";
        assertThat(NodeId.parse(NodeId.of(NodeKind.JOB, namespace, name)))
                .isEqualTo(new NodeRef(NodeKind.JOB, namespace, name, null));
        assertThat(NodeId.parse(NodeId.field(namespace, name, "a:b")))
                .isEqualTo(new NodeRef(NodeKind.FIELD, namespace, name, "a:b"));
    }

    @Test
    void refusesStringsThatAreNotIds() {
        assertThatThrownBy(() -> NodeId.parse("DATASET:only-namespace")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.parse("TABLE:a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.parse("DATASET:a:%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
