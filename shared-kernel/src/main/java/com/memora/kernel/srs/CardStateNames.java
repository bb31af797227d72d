package com.memora.kernel.srs;

import com.memora.kernel.srs.fsrs.CardState;

import java.util.Locale;

/** The states as the API and the tracker write them: {@code New}, {@code Learning}, {@code Review}, {@code Relearning} (S2). */
public final class CardStateNames {

    private CardStateNames() {
    }

    public static String of(CardState state) {
        return switch (state) {
            case NEW -> "New";
            case LEARNING -> "Learning";
            case REVIEW -> "Review";
            case RELEARNING -> "Relearning";
        };
    }

    public static CardState parse(String name) {
        return CardState.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
