package com.memora.kernel.srs;

import com.memora.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlayerIdTest {

    @Test
    void anOrdinarySubjectIsAPlayerId() {
        assertThatCode(() -> ReviewRules.requirePlayerId("3f1c2b9e-student-7")).doesNotThrowAnyException();
        assertThatCode(() -> ReviewRules.requirePlayerId("طالب@example.com")).doesNotThrowAnyException();
    }

    /** A control character (a NUL above all: PostgreSQL cannot store it) made submissions and due reads a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "student\u0000", "student\n7", "\u001b[31m"})
    void aSubjectTheTrackerCannotKeyIsRefusedNamingTheClaim(String subject) {
        assertThatThrownBy(() -> ReviewRules.requirePlayerId(subject))
                .isInstanceOfSatisfying(InvalidInputException.class,
                                        e -> assertThat(e.field()).isEqualTo("sub"));
    }
}
