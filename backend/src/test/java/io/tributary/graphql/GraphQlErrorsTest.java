package io.tributary.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.springframework.graphql.execution.ErrorType;

/** A GraphQL client learns when to retry: a database that is away is UNAVAILABLE, whichever way the driver says so. */
class GraphQlErrorsTest {

    private final GraphQlErrors errors = new GraphQlErrors();

    @Test
    void aDatabaseThatIsAwayIsUnavailableToRetryLater() {
        for (Exception away : new Exception[] {
            new ServiceUnavailableException("connection refused"),
            // A cluster changing leader, or a server restarting under an open session.
            new SessionExpiredException("the leader switched"),
            new CompletionException(new SessionExpiredException("from a batch loader"))
        }) {
            var error = errors.resolveToSingleError(away, lineageField());
            assertThat(error).as("%s", away).isNotNull();
            assertThat(error.getExtensions()).as("%s", away).containsEntry("reason", "UNAVAILABLE");
            assertThat(error.getMessage()).isEqualTo("The database is unavailable; retry later");
            assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
        }
    }

    @Test
    void aQueryTheDatabaseRefusedIsNotOneToRetry() {
        // Left to Spring GraphQL's default: INTERNAL_ERROR without internals.
        assertThat(errors.resolveToSingleError(new ClientException("a syntax error"), lineageField()))
                .isNull();
    }

    private static DataFetchingEnvironment lineageField() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .mergedField(
                        MergedField.newMergedField(Field.newField("lineage").build())
                                .build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
                        .type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("lineage"))
                        .build())
                .build();
    }
}
