package org.paperclub.system;

import java.util.Set;

/** Numbered places (slots, seats, turns, critique places) are handed out lowest first, so freed ones are reused. */
public final class LowestFree {

    private LowestFree() {
    }

    /** The lowest number in 1..max not in {@code taken}, or 0 when all are taken. */
    public static int of(Set<Integer> taken, int max) {
        for (int i = 1; i <= max; i++) {
            if (!taken.contains(i)) {
                return i;
            }
        }
        return 0;
    }
}
