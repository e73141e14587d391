package io.tributary.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Delivery orders of a set of events as an at-least-once producer may send them. */
public final class Redelivery {

    private Redelivery() {}

    /** Each event once or twice (chosen by {@code seed}), the whole shuffled: reproducible for a given seed. */
    public static List<String> shuffledWithCopies(List<String> events, long seed) {
        var random = new Random(seed);
        var deliveries = new ArrayList<String>();
        for (String event : events) {
            for (int copy = random.nextInt(2); copy >= 0; copy--) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }
}
