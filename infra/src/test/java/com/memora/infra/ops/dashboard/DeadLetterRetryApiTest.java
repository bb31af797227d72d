package com.memora.infra.ops.dashboard;

import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.export.ExportFixture;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.SyncLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry button's endpoint, {@code POST /api/admin/export/plans/{id}/retry}: only a dead-lettered plan is sent
 * again; anything else gets a specific error and changes nothing.
 */
class DeadLetterRetryApiTest extends IntegrationTest {

    @Autowired
    ProjectionReplays replays;
    @Autowired
    ExportBatch batch;
    @Autowired
    DirtyPlans dirtyPlans;
    @Autowired
    PublicationStates states;
    @Autowired
    SyncLog syncLog;

    @Test
    void onlyADeadLetteredPlanIsSentAgain() {
        ApiClient admin = api(TestTokens.admin());
        ExportFixture export = new ExportFixture(api(TestTokens.editor()), admin, replays, jdbc, batch, dirtyPlans,
                                                 states, syncLog, dataDir().resolve("content"));
        String planId = export.planOf(export.tree().get("subject"));
        export.build(planId);
        String retry = "/api/admin/export/plans/" + planId + "/retry";

        ApiClient.Response notDead = admin.post(retry, null);
        assertThat(notDead.status()).isEqualTo(409);
        assertThat(notDead.json().get("detail").asText()).contains("LOCAL_ONLY", "retried by hand");
        assertThat(dirtyPlans.find(planId)).as("nothing queued").isEmpty();

        assertThat(api(TestTokens.editor()).post(retry, null).status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/export/plans/" + Ids.node("PLAN") + "/retry", null).status())
                .isEqualTo(404);
        ApiClient.Response badId = admin.post("/api/admin/export/plans/not%20a%20plan/retry", null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("plan id");

        states.built(planId, PublicationStatus.DEAD_LETTER, export.state(planId).version(), 0L, "CDN gone",
                     clock.instant());
        ApiClient.Response accepted = admin.post(retry, null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("status").asText()).isEqualTo("QUEUED");
        assertThat(accepted.json().get("last_error").asText()).isEqualTo("CDN gone");
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
    }
}
