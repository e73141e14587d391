package io.tributary.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.HttpTransportResponseException;
import io.tributary.testing.EndToEndTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real OpenLineage Java client ({@code io.openlineage:openlineage-java}) with its HTTP transport and API-key auth,
 * configured as a user would (URL, endpoint, key, optionally gzip), against the running service.
 */
class OpenLineageJavaClientTest extends EndToEndTest {

    private static final UUID RUN_ID = UUID.fromString("0195a3f0-0000-7000-8000-00000000c11e");

    @Test
    void plainRequestsBuildTheRunItsDatasetsAndColumnLineage() throws Exception {
        try (var client = client(API_KEY, null)) {
            client.emit(ClientEvents.start(RUN_ID));
            client.emit(ClientEvents.complete(RUN_ID));
        }
        assertTheGraphOfOneCompletedRun();
    }

    @Test
    void gzipCompressedRequestsBuildTheSameGraph() throws Exception {
        try (var client = client(API_KEY, HttpConfig.Compression.GZIP)) {
            client.emit(ClientEvents.start(RUN_ID));
            client.emit(ClientEvents.complete(RUN_ID));
        }
        assertTheGraphOfOneCompletedRun();
    }

    @Test
    void aWrongKeySurfacesAsTheClients401AndWritesNothing() throws Exception {
        HttpTransportResponseException refused;
        try (var client = client("not-the-key", HttpConfig.Compression.GZIP)) {
            refused = catchThrowableOfType(
                    HttpTransportResponseException.class, () -> client.emit(ClientEvents.start(RUN_ID)));
        }
        assertThat(refused).isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(countNodes()).isZero();
    }

    private OpenLineageClient client(String apiKey, HttpConfig.Compression compression) {
        var auth = new ApiKeyTokenProvider();
        auth.setApiKey(apiKey);
        var config = new HttpConfig();
        config.setUrl(URI.create("http://127.0.0.1:" + port));
        config.setEndpoint("/api/v1/lineage");
        config.setAuth(auth);
        config.setCompression(compression);
        // Generous: several builds share this machine's two cores; the first events of a cold JVM are slow.
        config.setTimeoutInMillis(120_000);
        return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    }

    private void assertTheGraphOfOneCompletedRun() {
        ClientGraph.assertOneCompletedRun(graphQl, RUN_ID.toString());
    }
}
