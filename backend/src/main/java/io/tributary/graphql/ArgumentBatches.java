package io.tributary.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Batching for fields that take arguments, which {@code @BatchMapping} cannot see: the data loader's key pairs the
 * parent object with the argument values, and one query runs per distinct argument values. A page of parents asks
 * with the same arguments, so that is one query per field per request.
 */
public final class ArgumentBatches {

    /**
     * @param source the parent object (a dataset, a job)
     * @param arguments the field's argument values, a record or a boxed value
     */
    public record Key<S, A>(S source, A arguments) {}

    private ArgumentBatches() {}

    /**
     * Registers the data loader {@code name}; {@code load} gets the sources that share arguments and answers for each
     * (a missing source resolves to null).
     */
    public static <S, A, V> void register(
            BatchLoaderRegistry registry, String name, BiFunction<List<S>, A, Map<S, V>> load) {
        registry.<Key<S, A>, V>forName(name)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> {
                            var byArguments = new LinkedHashMap<A, List<S>>();
                            keys.forEach(key -> byArguments
                                    .computeIfAbsent(key.arguments(), a -> new ArrayList<>())
                                    .add(key.source()));
                            var result = new HashMap<Key<S, A>, V>();
                            byArguments.forEach((arguments, sources) -> load.apply(sources, arguments)
                                    .forEach((source, value) -> result.put(new Key<>(source, arguments), value)));
                            return (Map<Key<S, A>, V>) result;
                        })
                        // The loads are blocking driver calls; keep them off the event loop.
                        .subscribeOn(Schedulers.boundedElastic()));
    }
}
