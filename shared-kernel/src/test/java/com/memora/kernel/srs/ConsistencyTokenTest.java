package com.memora.kernel.srs;

import com.memora.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyTokenTest {

    @Test
    void aTokenIsTheSeasonAndTheSequence() {
        ConsistencyToken token = new ConsistencyToken("SEASON-2026-SUMMER", 17);
        assertThat(token.format()).isEqualTo("SEASON-2026-SUMMER:17");
        assertThat(ConsistencyToken.parse(token.format())).isEqualTo(token);
        assertThat(ConsistencyToken.parse("SEASON-2026:0")).isEqualTo(new ConsistencyToken("SEASON-2026", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "17", "SEASON-2026", "SEASON-2026:", "SEASON-2026:-1", "SEASON-2026:x",
                            "season-2026:3", "SEASON-2026:99999999999999999999", ":3"})
    void anythingElseIsRefusedNamingTheHeader(String value) {
        assertThatThrownBy(() -> ConsistencyToken.parse(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                                        e -> assertThat(e.field()).isEqualTo("X-Consistency-Token"));
    }
}
