package com.memora.infra.axon;

import com.memora.kernel.season.SeasonCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection (test sources only) whose handler fails for seasons titled "POISON" until a test heals it, to show
 * that a failing event is parked in the dead-letter queue, never logged and skipped. Seasons titled "SQL …" are
 * written to the table {@link #MARKS} first, and "SQL-POISON" then fails in PostgreSQL itself, which aborts the
 * batch's transaction unless the handler ran in a savepoint.
 */
@Component
@ProcessingGroup(FailingTestProjection.GROUP)
public class FailingTestProjection {

    public static final String GROUP = "test-failing";
    /** Created by the test that uses it; test sources only. */
    public static final String MARKS = "test_failing_projection_mark";

    private final JdbcClient jdbc;

    public FailingTestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public final Set<String> handled = ConcurrentHashMap.newKeySet();
    public volatile boolean healed;

    @EventHandler
    void on(SeasonCreatedEvent event) {
        if (event.title().equals("POISON") && !healed) {
            throw new IllegalStateException("cannot handle " + event.seasonId() + " yet");
        }
        if (event.title().startsWith("SQL")) {
            jdbc.sql("insert into " + MARKS + " (season_id) values (?) on conflict do nothing")
                .param(event.seasonId()).update();
            if (event.title().equals("SQL-POISON") && !healed) {
                jdbc.sql("select 1 / 0").query(Integer.class).single(); // PostgreSQL: division by zero
            }
        }
        handled.add(event.seasonId());
    }

    @ResetHandler
    void reset() {
        handled.clear();
    }
}
