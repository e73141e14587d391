package io.tributary.marquez;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads block on the database, so they run off the event loop. */
final class Blocking {

    private Blocking() {}

    static <T> Mono<T> read(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
