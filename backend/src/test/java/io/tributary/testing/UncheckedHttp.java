package io.tributary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK client's {@code send} for tests, without its checked exceptions: usable in lambdas and client threads, and a
 * caller that retries or counts failures catches {@link UncheckedIOException}.
 */
public final class UncheckedHttp {

    private UncheckedHttp() {}

    /**
     * {@code client.send(request, body)}; an {@link IOException} comes out as {@link UncheckedIOException}, an interrupt
     * as {@link IllegalStateException} with the thread's interrupt flag set again.
     */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
