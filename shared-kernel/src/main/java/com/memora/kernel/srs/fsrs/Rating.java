package com.memora.kernel.srs.fsrs;

/** How well the player recalled a card: Again = 1, Hard = 2, Good = 3, Easy = 4 (fsrs.md). */
public enum Rating {
    AGAIN, HARD, GOOD, EASY;

    /** The FSRS grade G, 1 (Again) to 4 (Easy). */
    public int value() {
        return ordinal() + 1;
    }

    /** The rating with grade {@code value}; anything outside 1–4 is refused. */
    public static Rating of(int value) {
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException("rating must be 1 (Again) to 4 (Easy), got " + value);
        }
        return values()[value - 1];
    }
}
