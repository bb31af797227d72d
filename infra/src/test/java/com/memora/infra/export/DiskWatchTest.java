package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.pipeline.BatchRun;
import com.memora.projection.export.pipeline.DiskWatch;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.staging.DiskSpace;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The disk watch (issue 8, decisions O5): below 10 % free, the administrators hear of it at once — in-app and by
 * mail through a real SMTP server, once however long it lasts (no storm) — and generation pauses with the reason
 * shown; plans stay pending. Above the threshold again it resumes by itself and the waiting plan is built.
 */
class DiskWatchTest extends IntegrationTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Autowired
    ExportBatch batch;
    @Autowired
    DiskWatch diskWatch;

    private ExportFixture export;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = api(TestTokens.admin());
        export = exportFixture(admin);
        // beyond the de-duplication window of low-disk alerts other tests raised: this one is news again
        clock.advance(Duration.ofHours(2));
    }

    @Test
    void belowTenPercentAnAlertIsMailedOnceGenerationPausesAndItResumesByItself() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String lessonPath = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        int mailsBefore = lowDiskMails().size();

        freeSpace.simulate(new DiskSpace(7 * GIB, 100 * GIB));
        Instant detectedAt = clock.instant();
        DiskWatch.DiskCheck check = diskWatch.check();

        assertThat(check.ok()).isFalse();
        assertThat(check.paused()).isTrue();
        JsonNode alert = latestNotification("low-disk");
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("message").asText()).contains("7.0% free").contains("paused");
        assertThat(Instant.parse(alert.get("last_raised_at").asText())).as("raised within a minute")
                                                                       .isBetween(detectedAt,
                                                                                  detectedAt.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> lowDiskMails().size() == mailsBefore + 1);
        MimeMessage mail = lowDiskMails().get(lowDiskMails().size() - 1);
        assertThat(subjectOf(mail)).as("the domain's subject line")
                                   .isEqualTo("[Memora] Low Disk Space Warning: 7.0% remaining");
        assertThat(body(mail)).contains("7.0% free");

        JsonNode disk = admin.get("/api/admin/health/disk").json();
        assertThat(disk.get("ok").asBoolean()).isFalse();
        assertThat(disk.get("free_percent").asDouble()).isEqualTo(7.0);
        assertThat(disk.get("generation_paused").asBoolean()).isTrue();
        assertThat(admin.get("/api/admin/export/queue").json().at("/batch/paused_reason").asText())
                .startsWith("Insufficient disk space: 7.0% free");

        // an edit waits: the batch processor builds nothing while the disk is low
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Renamed")));
        export.awaitCaughtUp();
        int entries = export.logs(planId).size();
        assertThat(batch.runNow().result()).isIn(BatchRun.Result.PAUSED, BatchRun.Result.BUSY);
        assertThat(export.pending(planId)).isTrue();
        assertThat(export.logs(planId)).as("a low-disk pause is not an attempt").hasSize(entries);

        // it stays low for ten minutes: counted on the notification, not mailed again
        long occurrences = latestNotification("low-disk").get("occurrences").asLong();
        for (int minute = 1; minute <= 10; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(diskWatch.check().paused()).isTrue();
        }
        assertThat(latestNotification("low-disk").get("occurrences").asLong()).isEqualTo(occurrences + 10);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
               .until(() -> lowDiskMails().size() == mailsBefore + 1);

        // space is back: the pause ends by itself and the waiting plan is built
        freeSpace.reset();
        DiskWatch.DiskCheck recovered = diskWatch.check();
        assertThat(recovered.ok()).isTrue();
        assertThat(admin.get("/api/admin/export/queue").json().at("/batch/paused_reason").isMissingNode()
                   || admin.get("/api/admin/export/queue").json().at("/batch/paused_reason").isNull())
                .as("paused_reason is gone").isTrue();
        assertThat(admin.get("/api/admin/health/disk").json().get("generation_paused").asBoolean()).isFalse();
        assertThat(latestNotification("low-disk-recovered").get("message").asText()).contains("resumed");
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.json(lessonPath).get("title").asText()).isEqualTo("Renamed");
    }

    @Test
    void aRelapseAfterRecoveryIsMailedAgain() {
        int mailsBefore = lowDiskMails().size();
        freeSpace.simulate(new DiskSpace(5 * GIB, 100 * GIB));
        assertThat(diskWatch.check().paused()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> lowDiskMails().size() == mailsBefore + 1);

        freeSpace.reset();
        assertThat(diskWatch.check().ok()).isTrue();

        // low again half an hour later, well inside the de-duplication window: a new episode, mailed at once
        clock.advance(Duration.ofMinutes(30));
        freeSpace.simulate(new DiskSpace(4 * GIB, 100 * GIB));
        assertThat(diskWatch.check().paused()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> lowDiskMails().size() == mailsBefore + 2);
        assertThat(body(lowDiskMails().get(lowDiskMails().size() - 1))).contains("4.0% free")
                                                                        .doesNotContain("Reminder");
        recoverAndSettle();
    }

    @Test
    void aLowDiskConditionLastingLongerThanTheWindowIsMailedAgainAsAReminder() {
        int mailsBefore = lowDiskMails().size();
        freeSpace.simulate(new DiskSpace(6 * GIB, 100 * GIB));
        diskWatch.check();
        await().atMost(Duration.ofSeconds(30)).until(() -> lowDiskMails().size() == mailsBefore + 1);

        // checked every minute for 59 minutes: counted, not mailed
        for (int minute = 1; minute < 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            diskWatch.check();
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
               .until(() -> lowDiskMails().size() == mailsBefore + 1);

        // a whole window after the first raise: one reminder, then quiet again
        for (int minute = 60; minute <= 70; minute++) {
            clock.advance(Duration.ofMinutes(1));
            diskWatch.check();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lowDiskMails().size() == mailsBefore + 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
               .until(() -> lowDiskMails().size() == mailsBefore + 2);
        assertThat(body(lowDiskMails().get(lowDiskMails().size() - 1))).contains("Reminder")
                                                                        .contains("6.0% free");
        assertThat(latestNotification("low-disk").get("occurrences").asLong()).as("one episode").isEqualTo(71);
        recoverAndSettle();
    }

    /** Space is back; the batch the recovery woke has finished, so the next test finds the processor free. */
    private void recoverAndSettle() {
        freeSpace.reset();
        assertThat(diskWatch.check().ok()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> batch.runNow().result() != BatchRun.Result.BUSY);
    }

    @Test
    void aLowDiskPauseHoldsWhileNothingIsPending() {
        freeSpace.simulate(new DiskSpace(GIB, 100 * GIB));
        diskWatch.check();
        batch.runIfDue(); // idle or paused: either way the pause must stay while the disk is low
        assertThat(DiskWatch.isLowDiskPause(admin.get("/api/admin/export/queue").json()
                                                 .at("/batch/paused_reason").asText())).isTrue();
        freeSpace.reset();
        diskWatch.check();
        assertThat(DiskWatch.isLowDiskPause(admin.get("/api/admin/export/queue").json()
                                                 .at("/batch/paused_reason").asText(null))).isFalse();
    }

    /** The batch ticks every 15 s, the disk watch every minute: the tick seeing space back first (and lifting the
     *  pause) must not swallow the recovery (alert resolved, notice raised), or a relapse would be folded into the
     *  old episode. */
    @Test
    void aBatchTickAfterSpaceIsBackLeavesTheRecoveryToTheDiskWatch() {
        long recoveredBefore = notifications("low-disk-recovered");
        freeSpace.simulate(new DiskSpace(GIB, 100 * GIB));
        assertThat(diskWatch.check().paused()).isTrue();

        freeSpace.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> batch.runNow().result() != BatchRun.Result.BUSY);
        assertThat(diskWatch.check().ok()).isTrue();

        assertThat(notifications("low-disk-recovered")).as("the recovery is noticed").isEqualTo(recoveredBefore + 1);
        assertThat(latestNotification("low-disk").hasNonNull("resolved_at")).as("the episode is over").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> batch.runNow().result() != BatchRun.Result.BUSY);
    }

    private long notifications(String kind) {
        return jdbc.sql("select coalesce(sum(occurrences), 0) from notification where kind = ?").param(kind)
                   .query(Long.class).single();
    }

    private JsonNode latestNotification(String kind) {
        JsonNode list = admin.get("/api/admin/notifications?kind=" + kind + "&limit=1").json().get("notifications");
        assertThat(list).as("a %s notification", kind).isNotEmpty();
        return list.get(0);
    }

    private static List<MimeMessage> lowDiskMails() {
        return Arrays.stream(TestServers.get().smtp().getReceivedMessages())
                     .filter(mail -> subjectOf(mail).startsWith("[Memora] Low Disk Space Warning: ")).toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
