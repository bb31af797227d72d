package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.export.publication.CdnDebtState;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.CdnPublications;
import com.memora.projection.export.publication.OwedPublication;
import com.memora.projection.export.publication.PublicationProgress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CDN going away during and between publications (decisions O2, O3): the S3 server stopped in the middle of a
 * publication and started again, builds and removals while it is down, the whole retry schedule to dead letter
 * with its alert, the operator's retry, a permanent failure. The clock is the service's, frozen and moved by the
 * test, so the 54 minutes of the schedule take seconds; the retry tick is called as the scheduler would.
 */
@Order(Order.DEFAULT + 91)
class CdnRetryTest extends IntegrationTest {

    private static final TestBucket BUCKET = new TestBucket("cdnwire-retry");
    private static final List<Duration> SCHEDULE = List.of(
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Autowired
    CdnDebts debts;
    @Autowired
    CdnPublications publications;
    @Autowired
    PublicationProgress progress;
    @Autowired
    CdnHealth health;

    private ExportFixture export;

    @BeforeEach
    void cdnOnTheTestServer() {
        export = exportFixture();
        save(export.admin, enabledOn(BUCKET.name));
        health.recordSuccess();
        clock.freezeAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void theS3ServerStoppedMidPublicationAndStartedAgainThePlanRetriesAndEndsVerifiedWithNothingLost() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        AtomicBoolean stopped = new AtomicBoolean();
        SyncLogEntry first;
        try (PublicationProgress.Subscription watcher = progress.listen((plan, file, done, total) -> {
            if (plan.equals(planId) && done == 1 && stopped.compareAndSet(false, true)) {
                TestServers.get().interruptS3(); // the first file is in the bucket, the others are not
            }
        })) {
            first = export.build(planId);
        }

        assertThat(stopped).isTrue();
        assertThat(first.status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.filesWritten()).as("local files are written whatever the CDN does").isEqualTo(6);
        assertThat(first.filesUploaded()).as("stopped in the middle").isBetween(1, 2);
        assertThat(first.syncVerified()).isFalse();
        assertThat(first.nextRetryAt()).isEqualTo(clock.instant().plus(SCHEDULE.get(0)));
        assertThat(first.error()).contains("Attempt 1 failed").contains("retry 1 of 7");
        assertThat(export.files(planId)).hasSize(6);
        OwedPublication owed = debts.find(planId).orElseThrow();
        assertThat(owed.uploads()).as("what reached the bucket is no longer owed")
                                  .hasSize(6 - first.filesUploaded());
        assertThat(owed.uploads()).contains(plan(planId, "manifest.json"));

        // while the store is down: an edit builds locally and joins the wait; a trash removes locally at once
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Edited meanwhile")));
        SyncLogEntry whileDown = export.build(planId);
        assertThat(whileDown.status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(whileDown.attempt()).as("an edit neither resets nor advances the counter").isEqualTo(1);
        assertThat(whileDown.nextRetryAt()).isEqualTo(first.nextRetryAt());
        assertThat(whileDown.filesUploaded()).isZero();
        ExportFixture.ok(export.editor.delete("/api/lessons/" + ids.get("lesson2")));
        String trashed = plan(planId, "lessons/" + ids.get("lesson2") + ".json");
        await().atMost(Duration.ofSeconds(15)).until(() -> !export.exists(trashed)
                                                           && debts.find(planId).orElseThrow().deletes()
                                                                   .contains(trashed));
        SyncLogEntry rebuilt = export.build(planId);
        assertThat(rebuilt.status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        JsonNode queued = retryWaitEntry(planId);
        assertThat(queued.get("attempts").asInt()).isEqualTo(1);
        assertThat(queued.get("next_retry_at").asText()).isEqualTo(first.nextRetryAt().toString());
        assertThat(queued.get("owed_uploads").asInt()).isPositive();
        assertThat(queued.get("owed_deletes").asInt()).isEqualTo(1);

        // still down at the first retry: attempt 2, the next one a minute later
        clock.advance(SCHEDULE.get(0));
        publications.runDue();
        SyncLogEntry secondAttempt = export.latestLog(planId).orElseThrow();
        assertThat(secondAttempt.trigger()).isEqualTo(BuildTrigger.RETRY);
        assertThat(secondAttempt.status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(secondAttempt.attempt()).isEqualTo(2);
        assertThat(secondAttempt.nextRetryAt()).isEqualTo(clock.instant().plus(SCHEDULE.get(1)));

        TestServers.get().resumeS3();
        clock.advance(SCHEDULE.get(1));
        publications.runDue();

        SyncLogEntry recovered = export.latestLog(planId).orElseThrow();
        assertThat(recovered.trigger()).isEqualTo(BuildTrigger.RETRY);
        assertThat(recovered.status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(recovered.attempt()).isEqualTo(3);
        assertThat(recovered.syncVerified()).isTrue();
        assertThat(recovered.filesDeletedCdn()).isEqualTo(1);
        assertThat(recovered.filesWritten()).as("a retry publishes the staged files; it builds nothing").isZero();
        BUCKET.assertHoldsExactly(export, planId);
        assertThat(BUCKET.get(plan(planId, "lessons/" + ids.get("lesson") + ".json")).bytes())
                .isEqualTo(export.bytes(plan(planId, "lessons/" + ids.get("lesson") + ".json")));
        assertThat(debts.find(planId)).isEmpty();
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(export.editor.get("/api/plans/" + planId).json().get("build_status").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void theWholeScheduleEndsInDeadLetterWithAnAlertAndAnOperatorsRetryRecovers() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        long alertsBefore = deadLetterAlerts(planId);
        TestServers.get().interruptS3();

        SyncLogEntry first = export.build(planId);
        assertThat(first.status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.filesUploaded()).isZero();

        Instant retryAt = first.nextRetryAt();
        for (int retry = 1; retry <= SCHEDULE.size(); retry++) {
            assertThat(Duration.between(clock.instant(), retryAt)).as("wait before retry %d", retry)
                                                                  .isEqualTo(SCHEDULE.get(retry - 1));
            clock.advance(SCHEDULE.get(retry - 1).minusSeconds(1));
            publications.runDue();
            assertThat(export.latestLog(planId).orElseThrow().attempt()).as("not due a second early").isEqualTo(retry);

            clock.advance(Duration.ofSeconds(1));
            publications.runDue();
            SyncLogEntry attempt = export.latestLog(planId).orElseThrow();
            assertThat(attempt.trigger()).isEqualTo(BuildTrigger.RETRY);
            assertThat(attempt.attempt()).isEqualTo(retry + 1);
            retryAt = attempt.nextRetryAt();
            if (retry < SCHEDULE.size()) {
                assertThat(attempt.status()).isEqualTo(PublicationStatus.RETRY_WAIT);
            } else {
                assertThat(attempt.status()).isEqualTo(PublicationStatus.DEAD_LETTER);
                assertThat(attempt.nextRetryAt()).isNull();
                assertThat(attempt.error()).startsWith("Dead letter after 8 attempts (7 retries)");
            }
        }
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.DEAD_LETTER);
        assertThat(debts.find(planId).orElseThrow().state()).isEqualTo(CdnDebtState.DEAD_LETTER);
        assertThat(deadLetterAlerts(planId)).isEqualTo(alertsBefore + 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(planId).size() == 1);
        assertThat(subject(mailsAbout(planId).get(0))).isEqualTo("[Memora] CDN Sync Failed: " + planId + " (Dead Letter)");

        long entries = export.logs(planId).size();
        clock.advance(Duration.ofHours(2));
        publications.runDue();
        assertThat(export.logs(planId)).as("a dead letter is not retried by itself").hasSize((int) entries);

        JsonNode queue = export.admin.get("/api/admin/export/queue").json();
        assertThat(queue.get("dead_letter_count").asLong()).isPositive();
        JsonNode deadLetter = entryFor(queue.get("dead_letters"), planId);
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(8);
        assertThat(deadLetter.get("last_error").asText()).contains("Dead letter after 8 attempts");
        assertThat(deadLetter.get("last_attempt_at").asText()).isNotBlank();
        assertThat(deadLetter.get("owed_uploads").asInt()).isEqualTo(6);
        JsonNode logs = export.admin.get("/api/admin/export/logs?plan=" + planId + "&status=DEAD_LETTER").json();
        assertThat(logs.get("entries")).singleElement().satisfies(entry -> {
            assertThat(entry.get("attempt").asInt()).isEqualTo(8);
            assertThat(entry.get("sync_verified").asBoolean()).isFalse();
            assertThat(entry.get("error").asText()).contains("cannot connect");
        });

        TestServers.get().resumeS3();
        ApiClient.Response retried = export.admin.post("/api/admin/export/plans/" + planId + "/retry", null);
        assertThat(retried.status()).as("%s", retried).isEqualTo(202);
        assertThat(retried.json().get("attempts_before").asInt()).isEqualTo(8);
        assertThat(retried.json().get("status_url").asText()).startsWith("/api/admin/jobs/");

        await().atMost(Duration.ofSeconds(30)).until(() -> export.state(planId).status() == PublicationStatus.SUCCESS);
        SyncLogEntry manual = export.latestLog(planId).orElseThrow();
        assertThat(manual.trigger()).isEqualTo(BuildTrigger.MANUAL);
        assertThat(manual.attempt()).as("an operator's retry starts a fresh schedule").isEqualTo(1);
        assertThat(manual.filesUploaded()).isEqualTo(6);
        assertThat(manual.syncVerified()).isTrue();
        BUCKET.assertHoldsExactly(export, planId);
        JsonNode deadLetterAlert = export.admin.get("/api/admin/notifications?kind=export-dead-letter&limit=50").json()
                                               .get("notifications").findParents("subject").stream()
                                               .filter(n -> n.get("subject").asText().equals(planId))
                                               .findFirst().orElseThrow();
        assertThat(deadLetterAlert.get("resolved_at").isNull()).as("published again: the episode is over, a new dead"
                                                                   + " letter of the plan is mailed at once")
                                                               .isFalse();
        assertThat(export.admin.get(retried.json().get("status_url").asText()).json().get("state").asText())
                .isIn("SUCCEEDED", "RUNNING");
        assertThat(export.admin.post("/api/admin/export/plans/" + planId + "/retry", null).status())
                .as("no longer dead-lettered").isEqualTo(409);
    }

    @Test
    void onlyADeadLetteredPlanCanBeRetriedByHandAndBadInputGetsAProblem() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);

        ApiClient.Response notDead = export.admin.post("/api/admin/export/plans/" + planId + "/retry", null);
        assertThat(notDead.status()).isEqualTo(409);
        assertThat(notDead.json().get("type").asText()).isEqualTo("urn:memora:problem:export-not-dead-lettered");
        assertThat(notDead.json().get("detail").asText()).contains(planId).contains("only a dead-lettered");

        ApiClient.Response unknown = export.admin.post("/api/admin/export/plans/NO-SUCH-PLAN-X/retry", null);
        assertThat(unknown.status()).isEqualTo(404);
        ApiClient.Response malformed = export.admin.post("/api/admin/export/plans/bad..id/retry", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(export.editor.post("/api/admin/export/plans/" + planId + "/retry", null).status())
                .as("operators only").isEqualTo(403);
        assertThat(export.state(planId).status()).as("nothing changed").isEqualTo(PublicationStatus.SUCCESS);
    }

    @Test
    void aPermanentFailureEndsFailedWithTheReasonAndTheNextBuildPublishesEverythingOwed() {
        save(export.admin, with(enabledOn(BUCKET.name), "secret_key", "not-the-secret"));
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));

        SyncLogEntry failed = export.build(planId);

        assertThat(failed.status()).isEqualTo(PublicationStatus.FAILED);
        assertThat(failed.error()).startsWith("Permanent CDN failure").contains("SignatureDoesNotMatch");
        assertThat(failed.nextRetryAt()).isNull();
        assertThat(export.files(planId)).as("local files are written anyway").hasSize(6);
        assertThat(debts.find(planId).orElseThrow().state()).isEqualTo(CdnDebtState.FAILED);
        assertThat(jdbc.sql("select count(*) from notification where kind = 'cdn-publication-failed' and subject = ?")
                       .param(planId).query(Long.class).single()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(publications.runDue()).as("a permanent failure is not retried on a schedule")
                                         .noneMatch(outcome -> outcome.planId().equals(planId));

        save(export.admin, enabledOn(BUCKET.name));
        ExportFixture.ok(export.admin.post("/api/admin/export/plans/" + planId + "/rebuild", null));
        SyncLogEntry rebuilt = export.build(planId);

        // the content did not change; only lessons whose video links entered a new signing window during the hour
        // the clock moved may be rewritten (F7), and those paths are owed already
        assertThat(rebuilt.status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(rebuilt.filesUploaded()).as("everything still owed, uploaded once").isEqualTo(6);
        assertThat(rebuilt.syncVerified()).isTrue();
        BUCKET.assertHoldsExactly(export, planId);
    }

    private JsonNode retryWaitEntry(String planId) {
        return entryFor(export.admin.get("/api/admin/export/queue").json().get("retry_wait"), planId);
    }

    private static JsonNode entryFor(JsonNode list, String planId) {
        for (JsonNode entry : list) {
            if (entry.get("plan_id").asText().equals(planId)) {
                return entry;
            }
        }
        throw new AssertionError("plan " + planId + " is not listed in " + list);
    }

    private long deadLetterAlerts(String planId) {
        return jdbc.sql("select coalesce(sum(occurrences), 0) from notification where kind = 'export-dead-letter'"
                        + " and subject = ?").param(planId).query(Long.class).single();
    }

    private static List<MimeMessage> mailsAbout(String planId) {
        return Arrays.stream(TestServers.get().smtp().getReceivedMessages())
                     .filter(mail -> subject(mail).contains(": " + planId + " ")).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
