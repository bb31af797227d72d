package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.SigningWindow;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.PurgeAfterPublication;
import com.memora.projection.export.publication.VideoLinkResigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.memora.infra.cdn.CdnSettingsFixture.CDN_BASE;
import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builds reach the bucket through the export pipeline (issue 5): verified uploads from the local bytes, only what
 * changed (and only that purged), files that leave a plan and trashed content removed from the bucket, a deleted
 * plan's folder removed by its prefix, signed video links renewed by the re-sign job. The CDN is an R2 bucket on the
 * tests' real S3-compatible server with a Cloudflare zone, whose purge API is the local stub of {@link TestServers}.
 * Saves CDN settings, so it runs after the classes that expect none saved.
 */
@Order(Order.DEFAULT + 90)
class CdnPublicationTest extends IntegrationTest {

    private static final TestBucket BUCKET = new TestBucket("cdnwire-publication");

    @Autowired
    SyncLog syncLog;
    @Autowired
    CdnDebts debts;
    @Autowired
    VideoLinkResigner resigner;
    @Autowired
    ExportLocks locks;
    @Autowired
    PurgeAfterPublication purges;

    private ExportFixture export;

    @BeforeEach
    void cdnBehindCloudflare() {
        export = exportFixture();
        save(export.admin, behindCloudflare());
    }

    static Map<String, Object> behindCloudflare() {
        return with(enabledOn(BUCKET.name), "storage_provider", "Cloudflare R2",
                    "cloudflare_zone_id", "zonecdnwire0123", "cloudflare_api_token", "cf-test-token");
    }

    @Test
    void aBuildUploadsItsFilesVerifiedFromTheLocalBytesAndLaterOnlyWhatChanged() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));

        SyncLogEntry first = export.build(planId);

        assertThat(first.status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(first.filesWritten()).isEqualTo(6);
        assertThat(first.filesUploaded()).isEqualTo(6);
        assertThat(first.syncVerified()).isTrue();
        assertThat(first.attempt()).isEqualTo(1);
        BUCKET.assertHoldsExactly(export, planId);
        TestBucket.StoredObject manifest = BUCKET.get(plan(planId, "manifest.json"));
        assertThat(manifest.bytes()).as("the local bytes, not a second serialisation")
                                    .isEqualTo(export.bytes(plan(planId, "manifest.json")));
        assertThat(manifest.contentType()).isEqualToIgnoringWhitespace("application/json; charset=utf-8");
        assertThat(manifest.cacheControl()).isEqualTo("public, max-age=300");

        JsonNode detail = export.admin.get("/api/admin/export/logs/" + first.id()).json();
        assertThat(detail.at("/entry/sync_verified").asBoolean()).isTrue();
        assertThat(detail.get("uploads")).hasSize(6);
        for (JsonNode upload : detail.get("uploads")) {
            String path = upload.get("path").asText();
            assertThat(upload.get("local_md5").asText()).as(path).isEqualTo(Md5.hex(export.bytes(path)))
                                                       .isEqualTo(upload.get("cdn_etag").asText());
        }
        awaitPurged(first.id());
        assertThat(purgedUrls(planId)).containsExactlyInAnyOrderElementsOf(urls(export.files(planId)));

        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "النهايات")));
        SyncLogEntry second = export.build(planId);

        List<String> changed = List.of(plan(planId, "lessons/" + ids.get("lesson") + ".json"),
                                       plan(planId, "lessons/" + ids.get("lesson2") + ".json"),
                                       plan(planId, "units/" + ids.get("unit") + ".json"),
                                       plan(planId, "search_index.json"));
        assertThat(second.status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(second.filesWritten()).isEqualTo(4);
        assertThat(second.filesUploaded()).as("unchanged files are not uploaded (F5)").isEqualTo(4);
        assertThat(export.admin.get("/api/admin/export/logs/" + second.id()).json().get("uploads")
                               .findValuesAsText("path")).containsExactlyInAnyOrderElementsOf(changed);
        BUCKET.assertHoldsExactly(export, planId);
        awaitPurged(second.id());
        List<String> purged = purgedUrls(planId);
        assertThat(purged.subList(6, purged.size())).as("only the changed files are purged")
                                                    .containsExactlyInAnyOrderElementsOf(urls(changed));
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(debts.find(planId)).as("nothing is owed any more").isEmpty();
        assertThat(export.editor.get("/api/plans/" + planId).json().get("build_status").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void filesThatLeaveThePlanAndTrashedContentLeaveTheBucketTooTheTrashedAtOnce() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String lesson2 = plan(planId, "lessons/" + ids.get("lesson2") + ".json");
        assertThat(BUCKET.plan(planId)).containsKey(lesson2);

        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson2"), Map.of("is_published", false)));
        SyncLogEntry unpublished = export.build(planId);

        assertThat(unpublished.filesDeleted()).isEqualTo(1);
        assertThat(unpublished.filesDeletedCdn()).isEqualTo(1);
        assertThat(BUCKET.plan(planId)).doesNotContainKey(lesson2);
        BUCKET.assertHoldsExactly(export, planId);

        String lesson = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        ExportFixture.ok(export.editor.delete("/api/lessons/" + ids.get("lesson")));
        await("the trashed lesson leaves the bucket before any build").atMost(Duration.ofSeconds(15))
               .until(() -> !BUCKET.plan(planId).containsKey(lesson));
        SyncLogEntry removal = export.finishedLog(planId, BuildTrigger.REMOVAL);
        assertThat(removal.status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(removal.filesDeletedCdn()).isEqualTo(1);
        export.build(planId); // the plan's parents stop referring to it
        BUCKET.assertHoldsExactly(export, planId);
    }

    @Test
    void aDeletedPlanLeavesTheBucketByItsPrefixAndAPlanWhoseIdExtendsItStays() {
        String subject = export.tree().get("subject");
        String planId = export.planOf(subject);
        String longer = planId + "0";
        String season = Ids.season();
        ExportFixture.ok(export.editor.post("/api/seasons", Map.of("id", season, "title", "Season", "start_date",
                                                                   "2026-09-01", "end_date", "2027-06-30")));
        ExportFixture.ok(export.editor.post("/api/plans", Map.of("id", longer, "title", "Longer", "season", season,
                                                                 "stream", "SCI", "grade", "G12")));
        ExportFixture.ok(export.editor.put("/api/plans/" + longer + "/subjects",
                                           List.of(Map.of("subject", subject, "sort_order", 1))));
        export.build(planId);
        export.build(longer);
        assertThat(BUCKET.plan(planId)).hasSize(6);

        ExportFixture.ok(export.admin.delete("/api/plans/" + planId + "?permanent=true&confirm=true"));

        // the folder leaves the bucket before its removal is recorded as done, so wait for both
        await().atMost(Duration.ofSeconds(15))
               .until(() -> BUCKET.plan(planId).isEmpty() && debts.find(planId).isEmpty());
        assertThat(export.files(planId)).isEmpty();
        BUCKET.assertHoldsExactly(export, longer);
        assertThat(debts.find(planId)).isEmpty();
    }

    @Test
    void withTheCdnDisabledABuildEndsLocalOnlyAndOwesTheCdnNothing() {
        save(export.admin, with(behindCloudflare(), "enabled", false));
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));

        SyncLogEntry entry = export.build(planId);

        assertThat(entry.status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(entry.filesUploaded()).isZero();
        assertThat(entry.syncVerified()).isNull();
        assertThat(export.files(planId)).hasSize(6);
        assertThat(BUCKET.plan(planId)).isEmpty();
        assertThat(debts.find(planId)).isEmpty();
    }

    @Test
    void aPurgeIsKeptOwedInTheDatabaseWhileAnotherNodeSendsAndTheNextDrainSendsIt() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        awaitPurged(export.build(planId).id());
        String lesson = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        int purgedBefore = purgedUrls(planId).size();

        SyncLogEntry edited;
        try (ExportLocks.Held anotherNodeSends = awaitPurgeLock()) {
            ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Series")));
            edited = export.build(planId);
            assertThat(owedPurgePaths(edited.id())).as("owed in the database, not in this node's memory")
                                                   .contains(lesson);
            assertThat(purgedUrls(planId)).as("one sender in the cluster: nothing sent meanwhile")
                                          .hasSize(purgedBefore);
        }
        purges.drainSoon(); // what every node's publication tick asks

        awaitPurged(edited.id());
        assertThat(purgedUrls(planId).subList(purgedBefore, purgedUrls(planId).size()))
                .contains(CDN_BASE + "/" + lesson);
        assertThat(owedPurgePaths(edited.id())).isEmpty();
    }

    private ExportLocks.Held awaitPurgeLock() {
        AtomicReference<ExportLocks.Held> held = new AtomicReference<>();
        await("the purge worker's lock").atMost(Duration.ofSeconds(30))
                .until(() -> locks.tryLockPurge().map(lock -> {
                    held.set(lock);
                    return true;
                }).orElse(false));
        return held.get();
    }

    private List<String> owedPurgePaths(long logId) {
        return jdbc.sql("select path from cdn_purge_pending where log_id = ?").param(logId).query(String.class).list();
    }

    @Test
    void signedVideoLinksAreRenewedOnceHalfTheirLifetimeHasPassedAndTheNewLessonsPublished() throws Exception {
        byte[] video = "a lesson video".getBytes(StandardCharsets.UTF_8);
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        String lessonPath = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        BUCKET.put("videos/" + ids.get("lesson") + ".mp4", video);
        // early in the current 2-hour signing window of 4-hour links, so an hour later is still inside it
        clock.freezeAt(SigningWindow.of(Instant.now(), Duration.ofHours(4)).start().plusSeconds(60));

        SyncLogEntry first = export.build(planId);

        JsonNode lesson = export.json(lessonPath);
        Instant expiry = OffsetDateTime.parse(lesson.get("signed_url_expiry").asText()).toInstant();
        String link = lesson.at("/stages/0/config/video_url").asText();
        assertThat(link).contains("X-Amz-Signature=");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                                                                       HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).as("the signed link in the published lesson works").isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(video);
        assertThat(first.status()).isEqualTo(PublicationStatus.SUCCESS);

        clock.advance(Duration.ofHours(1));
        assertThat(resigner.run()).as("4 h links signed in 2 h windows: not yet due").doesNotContain(planId);

        clock.freezeAt(expiry.minus(Duration.ofHours(2)).plusSeconds(1)); // the next window has begun
        assertThat(resigner.run()).contains(planId);
        SyncLogEntry resigned = export.build(planId);

        assertThat(resigned.reason()).contains("re-signed");
        assertThat(resigned.filesWritten()).as("the two lessons with videos, nothing else").isEqualTo(2);
        assertThat(resigned.filesUploaded()).isEqualTo(2);
        Instant renewed = OffsetDateTime.parse(export.json(lessonPath).get("signed_url_expiry").asText()).toInstant();
        assertThat(renewed).isEqualTo(expiry.plus(Duration.ofHours(2)));
        assertThat(export.json(lessonPath).at("/stages/0/config/video_url").asText()).isNotEqualTo(link);
        BUCKET.assertHoldsExactly(export, planId);
        assertThat(resigner.run()).as("renewed: not due again in this window").doesNotContain(planId);
    }

    private void awaitPurged(long logId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> syncLog.find(logId).orElseThrow().filesPurged() != null);
        assertThat(syncLog.find(logId).orElseThrow().purgeNote()).contains("URLs purged");
    }

    private static List<String> purgedUrls(String planId) {
        return TestServers.get().cloudflare().purgedUrlsContaining("/plans/" + planId + "/");
    }

    private static List<String> urls(List<String> paths) {
        List<String> urls = new ArrayList<>();
        paths.forEach(path -> urls.add(CDN_BASE + "/" + path));
        return urls;
    }
}
