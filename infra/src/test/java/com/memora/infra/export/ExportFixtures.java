package com.memora.infra.export;

import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.SyncLog;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

/** The service's beans an {@link ExportFixture} drives, gathered once (a bean of the tests' shared context). */
public record ExportFixtures(ProjectionReplays replays, JdbcClient jdbc, ExportBatch batch, DirtyPlans dirtyPlans,
                             PublicationStates states, SyncLog syncLog) {

    public ExportFixture create(ApiClient editor, ApiClient admin, Path contentRoot) {
        return new ExportFixture(editor, admin, replays, jdbc, batch, dirtyPlans, states, syncLog, contentRoot);
    }
}
