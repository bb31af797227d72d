package com.memora.kernel.srs;

import com.memora.kernel.srs.fsrs.CardState;

/** How many of a player's tracked questions in a season are in each state ({@code new_state_counts}, S2). */
public record StateCounts(int newCards, int learning, int review, int relearning) {

    public static final StateCounts NONE = new StateCounts(0, 0, 0, 0);

    /** These counts with one question moved from {@code from} (null: not tracked before) to {@code to}. */
    public StateCounts moved(CardState from, CardState to) {
        return (from == null ? this : add(from, -1)).add(to, 1);
    }

    private StateCounts add(CardState state, int delta) {
        return switch (state) {
            case NEW -> new StateCounts(newCards + delta, learning, review, relearning);
            case LEARNING -> new StateCounts(newCards, learning + delta, review, relearning);
            case REVIEW -> new StateCounts(newCards, learning, review + delta, relearning);
            case RELEARNING -> new StateCounts(newCards, learning, review, relearning + delta);
        };
    }

    public int total() {
        return newCards + learning + review + relearning;
    }
}
