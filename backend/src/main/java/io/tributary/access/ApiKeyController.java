package io.tributary.access;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/** The keys in force ({@code apiKeys}, a read) and their rotation ({@code rotateApiKey}, the current write key). */
@Controller
class ApiKeyController {

    /** GraphQL {@code ApiKeyStatus}. */
    record Status(
            String management,
            List<KeyView> writeKeys,
            boolean readKeySet,
            OffsetDateTime lastRotatedAt,
            String keyFile,
            Duration defaultGracePeriod,
            Duration maxGracePeriod) {}

    /** GraphQL {@code ApiKey}: a key's origin and times, never the key. */
    record KeyView(
            String id, KeyOrigin origin, OffsetDateTime activeSince, OffsetDateTime expiresAt, boolean current) {}

    /** GraphQL {@code ApiKeyRotation}. */
    record Rotation(
            String key, String id, OffsetDateTime previousKeysValidUntil, boolean keyFileUpdated, Status status) {

        @Override
        public String toString() {
            return "Rotation[key=<redacted>, id=" + id + "]";
        }
    }

    private final ApiKeys keys;
    private final KeyRotation rotation;

    ApiKeyController(ApiKeys keys, KeyRotation rotation) {
        this.keys = keys;
        this.rotation = rotation;
    }

    @QueryMapping
    Status apiKeys() {
        return status();
    }

    @MutationMapping
    Rotation rotateApiKey(@Argument Duration gracePeriod, @ContextValue(name = GraphQlAccess.CALLER) Caller caller) {
        KeyRotation.Rotated rotated = rotation.rotate(caller, gracePeriod);
        return new Rotation(
                rotated.key(), rotated.id(), rotated.previousKeysValidUntil(), rotated.keyFileUpdated(), status());
    }

    @GraphQlExceptionHandler
    GraphQLError refused(KeyRotationRefused refused, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.FORBIDDEN)
                .message(refused.getMessage())
                .extensions(Map.of("reason", refused.reason().name()))
                .build();
    }

    private Status status() {
        ApiKeys.KeySet inForce = keys.inForce();
        Path file = keys.generatedFile();
        return new Status(
                keys.isPinned() ? "ENVIRONMENT" : "TRIBUTARY",
                inForce.write().stream()
                        .map(k ->
                                new KeyView(k.id(), k.origin(), k.activeSince(), k.expiresAt(), k.expiresAt() == null))
                        .toList(),
                inForce.read() != null,
                inForce.rotatedAt(),
                file == null ? null : file.toAbsolutePath().toString(),
                keys.rotation().gracePeriod(),
                keys.rotation().maxGracePeriod());
    }
}
