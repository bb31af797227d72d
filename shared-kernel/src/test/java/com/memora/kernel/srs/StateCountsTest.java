package com.memora.kernel.srs;

import com.memora.kernel.srs.fsrs.CardState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateCountsTest {

    @Test
    void aNewQuestionAddsOneAndAMovedQuestionMovesOne() {
        StateCounts counts = StateCounts.NONE.moved(null, CardState.LEARNING).moved(null, CardState.REVIEW);
        assertThat(counts).isEqualTo(new StateCounts(0, 1, 1, 0));
        assertThat(counts.moved(CardState.REVIEW, CardState.RELEARNING)).isEqualTo(new StateCounts(0, 1, 0, 1));
        assertThat(counts.moved(CardState.LEARNING, CardState.LEARNING)).isEqualTo(counts);
        assertThat(counts.total()).isEqualTo(2);
    }
}
