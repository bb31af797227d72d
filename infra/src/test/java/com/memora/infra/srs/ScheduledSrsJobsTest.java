package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.srs.ops.SrsScheduledJobs;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestServers;
import com.memora.kernel.ops.JobRun;
import com.memora.kernel.season.ArchiveSeasonCommand;
import com.memora.projection.srs.TrackerProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled SRS jobs with a controllable clock (scheduling is off in tests: the job methods are called as the
 * scheduler would): auto-archive, retention, one node at a time, every run recorded, every job harmless twice.
 */
class ScheduledSrsJobsTest extends SrsOperationsTestSupport {

    private static final Instant NIGHT = Instant.parse("2026-12-10T01:30:00Z");

    @Autowired
    SrsScheduledJobs jobs;

    @Autowired
    CommandGateway commands;

    @Autowired
    Environment environment;

    private String season(String start, String end, boolean autoArchive) {
        String id = Ids.season();
        ApiClient.Response created = editor().post("/api/seasons", Map.of(
                "id", id, "title", "Season " + id, "start_date", start, "end_date", end, "auto_archive", autoArchive));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // auto-archive chooses from the season read model
        await().atMost(Duration.ofSeconds(10)).until(() -> editor().get("/api/seasons/" + id).status() == 200);
        return id;
    }

    /**
     * Each job keeps its lock a few minutes after it starts (memora.srs.operations.lock-at-least-for); ShedLock reads
     * the database's clock, which the test clock does not move, so the tests let those minutes pass by ending the
     * locks: what a run a day later finds.
     */
    @BeforeEach
    void minutesLater() {
        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name in (?, ?, ?)")
            .params(SrsScheduledJobs.RECONCILE, SrsScheduledJobs.AUTO_ARCHIVE, SrsScheduledJobs.RETENTION).update();
    }

    private boolean archived(String season) {
        return jdbc.sql("select archived and tracker_archived from season_registry where season_id = ?").param(season)
                   .query(Boolean.class).single();
    }

    @SuppressWarnings("unchecked")
    private static List<String> archivedSeasonsOf(JobRun run) {
        return ((List<Map<String, Object>>) run.summary().get("archived")).stream()
                .map(line -> (String) line.get("season")).toList();
    }

    @Test
    void autoArchiveTakesEndedSeasonsWithAutoArchiveOnOnceAndRecordsItsRuns() {
        clock.freezeAt(NIGHT);
        String ended = season("2026-01-01", "2026-12-09", true);
        String endsToday = season("2026-01-01", "2026-12-10", true);
        String endedWithoutAutoArchive = season("2026-01-01", "2026-11-30", false);
        String me = newPlayer();
        JsonNode submitted = submit(me, ended, rated("Q1", 3), rated("Q2", 1));
        awaitTracker(me, ended, sequenceOf(submitted));
        dueOk(me, "?season=" + ended, token(submitted));

        JobRun run = jobs.autoArchive().orElseThrow();
        assertThat(run.outcome()).as(String.valueOf(run.error())).isEqualTo("SUCCEEDED");
        assertThat(run.jobName()).isEqualTo("srs-auto-archive");
        assertThat(run.nodeId()).isEqualTo("test-node");
        assertThat(run.startedAt()).isEqualTo(NIGHT);
        assertThat(run.summary().get("today")).isEqualTo("2026-12-10");
        assertThat(archivedSeasonsOf(run)).contains(ended).doesNotContain(endsToday, endedWithoutAutoArchive);
        assertThat(archived(ended)).isTrue();
        assertThat(archived(endsToday)).isFalse();
        assertThat(archived(endedWithoutAutoArchive)).isFalse();
        assertThat(archivedRows(ended)).isEqualTo(2);
        assertThat(keysOf(ended)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> !editor().get("/api/seasons/" + ended).json().get("auto_archive").asBoolean());

        minutesLater();
        JobRun second = jobs.autoArchive().orElseThrow();
        assertThat(second.outcome()).isEqualTo("SUCCEEDED");
        assertThat(archivedSeasonsOf(second)).doesNotContain(ended);
        assertThat(archivedRows(ended)).as("twice is harmless").isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        minutesLater();
        JobRun nextDay = jobs.autoArchive().orElseThrow();
        assertThat(archivedSeasonsOf(nextDay)).contains(endsToday);
        assertThat(archived(endsToday)).isTrue();

        JsonNode runs = admin().get("/api/admin/job-runs?job=srs-auto-archive&limit=3").json().get("runs");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(nextDay.id());
        assertThat(runs.get(2).get("id").asLong()).isEqualTo(run.id());
        assertThat(runs.get(0).get("outcome").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void autoArchiveFinishesAnArchiveThatWasInterrupted() {
        String season = season("2026-01-01", "2026-06-30", false);
        String me = newPlayer();
        awaitTracker(me, season, sequenceOf(submit(me, season, rated("Q1", 3))));
        // the season was archived, and the node stopped before the job moved its rows
        commands.sendAndWait(new ArchiveSeasonCommand(season, false));
        assertThat(jdbc.sql("select count(*) from srs_tracker where season = ?").param(season).query(Long.class)
                       .single()).isEqualTo(1);

        JobRun run = jobs.autoArchive().orElseThrow();
        assertThat(run.outcome()).isEqualTo("SUCCEEDED");
        assertThat(archivedSeasonsOf(run)).contains(season);
        assertThat(archived(season)).isTrue();
        assertThat(archivedRows(season)).isEqualTo(1);
        assertThat(partitionExists(season)).isFalse();
    }

    @Test
    void retentionFlagsRowsArchivedMoreThan1095DaysAgoAndOnlyFlaggedRowsAreDeleted() {
        Instant archivedAt = Instant.parse("2027-01-15T10:00:00Z");
        clock.freezeAt(archivedAt);
        String old = season("2026-01-01", "2026-06-30", false);
        String recent = season("2026-01-01", "2026-06-30", false);
        String me = newPlayer();
        awaitTracker(me, old, sequenceOf(submit(me, old, rated("Q1", 3), rated("Q2", 4), rated("Q3", 1))));
        awaitTracker(me, recent, sequenceOf(submit(me, recent, rated("Q1", 3))));
        archive(old);
        clock.freezeAt(archivedAt.plus(Duration.ofDays(2)));
        archive(recent);

        clock.freezeAt(archivedAt.plus(Duration.ofDays(1_095)));
        JobRun notYet = jobs.retention().orElseThrow();
        assertThat(notYet.outcome()).isEqualTo("SUCCEEDED");
        assertThat(seasonsOf(notYet)).doesNotContainKeys(old, recent);

        clock.freezeAt(archivedAt.plus(Duration.ofDays(1_096)));
        minutesLater();
        JobRun flagging = jobs.retention().orElseThrow();
        assertThat(flagging.outcome()).isEqualTo("SUCCEEDED");
        assertThat(seasonsOf(flagging)).containsEntry(old, 3).doesNotContainKey(recent);
        JsonNode status = admin().get("/api/admin/srs/seasons/" + old + "/archive").json();
        assertThat(status.get("eligible_for_deletion").asLong()).isEqualTo(3);
        assertThat(admin().get("/api/admin/srs/seasons/" + recent + "/archive").json()
                          .get("eligible_for_deletion").asLong()).isZero();
        minutesLater();
        JobRun again = jobs.retention().orElseThrow();
        assertThat(seasonsOf(again)).as("twice is harmless").doesNotContainKey(old);
        assertThat(eventsOf(old, "ArchivedTrackerRowsFlaggedEvent")).isEqualTo(1);

        ApiClient admin = admin();
        ApiClient.Response unconfirmed = admin.post("/api/admin/srs/retention/delete", Map.of("season", old));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.json().get("field").asText()).isEqualTo("confirm");
        assertThat(admin.post("/api/admin/srs/retention/delete", Map.of("confirm", true, "season", Ids.season()))
                        .status()).isEqualTo(404);
        assertThat(admin.post("/api/admin/srs/retention/delete", Map.of("confirm", true, "season", "S-1"))
                        .json().get("field").asText()).isEqualTo("season");
        String live = season("2026-01-01", "2026-06-30", false);
        ApiClient.Response notArchived = admin.post("/api/admin/srs/retention/delete",
                                                    Map.of("confirm", true, "season", live));
        assertThat(notArchived.status()).isEqualTo(409);
        assertThat(notArchived.json().get("type").asText()).isEqualTo("urn:memora:problem:season-not-archived");
        assertThat(archivedRows(old)).as("nothing deleted by refused requests").isEqualTo(3);

        ApiClient.Response deleted = admin.post("/api/admin/srs/retention/delete",
                                                Map.of("confirm", true, "season", old));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().get("deleted_count").asLong()).isEqualTo(3);
        assertThat(archivedRows(old)).isZero();
        assertThat(archivedRows(recent)).as("not flagged: kept").isEqualTo(1);
        assertThat(eventsOf(old, "ArchivedTrackerRowsDeletedEvent")).isEqualTo(1);
        assertThat(admin.post("/api/admin/srs/retention/delete", Map.of("confirm", true, "season", old)).json()
                        .get("deleted_count").asLong()).as("twice is harmless").isZero();

        // all seasons at once: only flagged rows anywhere
        clock.freezeAt(archivedAt.plus(Duration.ofDays(1_098)));
        minutesLater();
        jobs.retention().orElseThrow();
        JsonNode everywhere = admin.post("/api/admin/srs/retention/delete", Map.of("confirm", true)).json();
        assertThat(everywhere.get("seasons").get(recent).asLong()).isEqualTo(1);
        assertThat(archivedRows(recent)).isZero();

        // a replay of the tracker brings none of it back
        replay(TrackerProjection.PROCESSING_GROUP);
        assertThat(archivedRows(old)).isZero();
        assertThat(trackerRows(me, old)).isEmpty();
        assertThat(partitionExists(old)).isFalse();
    }

    @Test
    void theSchedulesAreDailyDailyAndWeeklyOnSundayAt0200() throws NoSuchMethodException {
        Map<String, String> expectedNext = Map.of(
                "reconcile", "2026-12-10T03:15Z",      // daily
                "autoArchive", "2026-12-11T01:30Z",    // daily (01:30 of the 10th has just gone)
                "retention", "2026-12-13T02:00Z");     // weekly, Sunday 02:00 (domain §12.6)
        for (Map.Entry<String, String> job : expectedNext.entrySet()) {
            Scheduled scheduled = SrsScheduledJobs.class.getMethod(job.getKey()).getAnnotation(Scheduled.class);
            CronExpression cron = CronExpression.parse(environment.resolveRequiredPlaceholders(scheduled.cron()));
            ZoneId zone = ZoneId.of(environment.resolveRequiredPlaceholders(scheduled.zone()));
            assertThat(cron.next(NIGHT.atZone(zone)).toOffsetDateTime().toString()).as(job.getKey())
                    .isEqualTo(expectedNext.get(job.getKey()));
        }
    }

    @Test
    void aJobRunsOnOneNodeAtATimeAndEveryRunIsRecorded() {
        String lock = SrsScheduledJobs.RECONCILE;
        long runsBefore = runsOf(lock);
        jdbc.sql("""
                 insert into shedlock (name, lock_until, locked_at, locked_by)
                 values (?, timezone('utc', now()) + interval '10 minutes', timezone('utc', now()), 'other-node')
                 on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by
                 """).param(lock).update();
        try {
            assertThat(jobs.reconcile()).as("another node is running it").isEmpty();
            assertThat(runsOf(lock)).isEqualTo(runsBefore);
        } finally {
            jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = ?").param(lock).update();
        }

        Optional<JobRun> run = jobs.reconcile();
        assertThat(run).isPresent();
        assertThat(run.get().outcome()).isEqualTo("SUCCEEDED");
        assertThat(run.get().summary()).containsEntry("requested_sample_size", 10_000).containsKey("sample_size")
                                       .containsKey("discrepancy_rate");
        assertThat(runsOf(lock)).isEqualTo(runsBefore + 1);
        assertThat(jdbc.sql("select locked_by from shedlock where name = ?").param(lock).query(String.class)
                       .single()).as("this node took the lock").isEqualTo("test-node");
        assertThat(jdbc.sql("select lock_until - locked_at >= interval '5 minutes' from shedlock where name = ?")
                       .param(lock).query(Boolean.class).single()).as("kept 5 minutes after the start").isTrue();
        assertThat(jobs.reconcile()).as("a short run keeps the lock: a node whose trigger fires a moment later, by a "
                                        + "clock a little behind, skips it").isEmpty();
        assertThat(runsOf(lock)).isEqualTo(runsBefore + 1);
        minutesLater();
        assertThat(jobs.reconcile()).as("the next day's run goes ahead").isPresent();
    }

    @Test
    void aFailedRunIsRecordedWithWhatWentWrong() {
        String season = season("2026-01-01", "2027-06-30", false);
        insertRows(season, "bulk-" + newPlayer(), 10);
        TestServers.get().interruptRedis();
        JobRun run = jobs.reconcile().orElseThrow();
        assertThat(run.outcome()).isEqualTo("FAILED");
        assertThat(run.error()).contains("Redis");
        assertThat(run.finishedAt()).isNotNull();
        JsonNode recorded = admin().get("/api/admin/job-runs?job=srs-reconcile&limit=1").json().get("runs").get(0);
        assertThat(recorded.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(recorded.get("error").asText()).contains("Redis");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seasonsOf(JobRun run) {
        return (Map<String, Object>) run.summary().get("seasons");
    }

    private long runsOf(String job) {
        return jdbc.sql("select count(*) from scheduled_job_run where job_name = ?").param(job).query(Long.class)
                   .single();
    }

    private long eventsOf(String season, String type) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like ?")
                   .params("season:" + season, "%" + type).query(Long.class).single();
    }
}
