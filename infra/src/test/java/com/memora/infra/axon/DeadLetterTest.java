package com.memora.infra.axon;

import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterTest extends IntegrationTest {

    @Autowired
    FailingTestProjection projection;

    @Autowired
    DeadLetterRetrier retrier;

    private long parkedPoison(String seasonId) {
        return jdbc.sql("select count(*) from dead_letter_entry where processing_group = ? "
                        + "and aggregate_identifier = ?")
                   .params(FailingTestProjection.GROUP, "season:" + seasonId).query(Long.class).single();
    }

    @Test
    void aFailingEventIsParkedNotSkippedAndRecoveredByARetry() {
        ApiClient editor = api(TestTokens.editor());
        String poison = Ids.season();
        String healthy = Ids.season();
        editor.post("/api/seasons", Map.of("id", poison, "title", "POISON", "start_date", "2026-01-01",
                                           "end_date", "2026-12-31"));
        editor.post("/api/seasons", Map.of("id", healthy, "title", "fine", "start_date", "2026-01-01",
                                           "end_date", "2026-12-31"));

        await().atMost(Duration.ofSeconds(15)).until(() -> projection.handled.contains(healthy));
        await().atMost(Duration.ofSeconds(15)).until(() -> parkedPoison(poison) == 1);
        assertThat(projection.handled).doesNotContain(poison);
        String cause = jdbc.sql("select cause_message from dead_letter_entry where aggregate_identifier = ?")
                           .param("season:" + poison).query(String.class).single();
        assertThat(cause).contains("cannot handle " + poison);

        assertThat(retrier.retry(FailingTestProjection.GROUP)).isZero();
        assertThat(parkedPoison(poison)).isEqualTo(1);

        projection.healed = true;
        try {
            assertThat(retrier.retry(FailingTestProjection.GROUP)).isEqualTo(1);
            assertThat(projection.handled).contains(poison);
            assertThat(parkedPoison(poison)).isZero();
        } finally {
            projection.healed = false;
        }
    }
}
