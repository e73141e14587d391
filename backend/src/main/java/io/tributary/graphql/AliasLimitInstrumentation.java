package io.tributary.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;

/** Refuses documents with more aliased fields than allowed (depth and complexity limits do not bound those). */
class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;

    AliasLimitInstrumentation(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(
            DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        int aliases = 0;
        for (var definition : documentAndVariables.getDocument().getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                aliases += count(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                aliases += count(fragment.getSelectionSet());
            }
        }
        if (aliases > maxAliases) {
            throw new AbortExecutionException(
                    "The query uses " + aliases + " aliases; at most " + maxAliases + " are allowed");
        }
        return documentAndVariables;
    }

    private static int count(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int aliases = 0;
        for (var selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                aliases += (field.getAlias() != null ? 1 : 0) + count(field.getSelectionSet());
            } else if (selection instanceof InlineFragment fragment) {
                aliases += count(fragment.getSelectionSet());
            }
        }
        return aliases;
    }
}
