package com.memora.infra.cdn;

import com.memora.infra.testsupport.CloudflareStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.settings.CdnSettingsProvider;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CdnFailureKind;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.CdnStatus;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.ParityCheck;
import com.memora.projection.export.cdn.ParityReport;
import com.memora.projection.export.cdn.PurgeReport;
import com.memora.projection.export.cdn.RetrySchedule;
import com.memora.projection.export.content.ExportPlan;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.PlanSubject;
import com.memora.projection.export.content.StageContent;
import com.memora.projection.export.content.StageType;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.LocalContentStore;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CDN blocks as the running service wires them, driven by the settings an administrator saves: the client
 * follows the settings, outcomes make the CDN healthy or not, readiness follows enabling and bucket changes, the
 * parity check compares the content root with the bucket, built lessons carry signed links, the purge uses the
 * stored zone and token. Saves CDN settings, so it runs after the classes that expect none saved.
 */
@Order(Order.DEFAULT + 100)
class CdnOperationsTest extends IntegrationTest {

    private static final String BUCKET = "cdn-ops-a";
    private static final String OTHER_BUCKET = "cdn-ops-b";

    @Autowired
    CdnClients clients;

    @Autowired
    CdnPublisher publisher;

    @Autowired
    CdnHealth health;

    @Autowired
    CdnProbe probe;

    @Autowired
    ParityCheck parity;

    @Autowired
    LocalContentStore store;

    @Autowired
    PlanFilesBuilder builder;

    @Autowired
    CdnSettingsProvider settingsProvider;

    @Autowired
    RetrySchedule retrySchedule;

    private ApiClient admin;

    @BeforeAll
    static void buckets() {
        S3TestTargets.createBucket(BUCKET);
        S3TestTargets.createBucket(OTHER_BUCKET);
    }

    @BeforeEach
    void cdnOnBucketA() {
        admin = api(TestTokens.admin());
        save(admin, enabledOn(BUCKET));
        clients.fresh();
        health.recordSuccess(); // start every test with a healthy CDN
    }

    private CdnSettings settings() {
        return settingsProvider.current().settings();
    }

    private long notifications(String kind) {
        return jdbc.sql("select coalesce(sum(occurrences), 0) from notification where kind = ?").param(kind)
                   .query(Long.class).single();
    }

    @Test
    void theClientIsRebuiltWhenTheConnectionSettingsChangeAndOnlyThen() {
        CdnTarget first = clients.fresh();
        long built = clients.clientsBuilt();
        assertThat(clients.fresh().client()).as("unchanged settings: same client").isSameAs(first.client());

        save(admin, with(enabledOn(BUCKET), "cdn_base_url", "https://cdn2.memora.test"));
        assertThat(clients.fresh().client()).as("not a connection setting").isSameAs(first.client());
        assertThat(clients.clientsBuilt()).isEqualTo(built);

        save(admin, enabledOn(OTHER_BUCKET));
        CdnTarget moved = clients.fresh();
        assertThat(moved.bucket()).isEqualTo(OTHER_BUCKET);
        assertThat(moved.client()).isNotSameAs(first.client());
        assertThat(clients.clientsBuilt()).isEqualTo(built + 1);
        String plan = Ids.node("P");
        publisher.upload(PlanFixtures.files(plan, 1));
        assertThat(objectsIn(OTHER_BUCKET, "plans/" + plan + "/")).isNotEmpty();
        assertThat(objectsIn(BUCKET, "plans/" + plan + "/")).as("the old bucket got nothing").isEmpty();

        save(admin, with(enabledOn(BUCKET), "secret_key", "a-wrong-secret"));
        assertThatThrownBy(() -> publisher.list("plans/"))
                .isInstanceOfSatisfying(CdnPublishException.class,
                                        e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(CdnFailureKind.PERMANENT));
        assertThat(clients.clientsBuilt()).isEqualTo(built + 2);
    }

    private static List<String> objectsIn(String bucket, String prefix) {
        try (MinioCdnPublisher lister = new MinioCdnPublisher(() -> S3TestTargets.target(bucket),
                                                              com.memora.projection.export.cdn.CdnOutcomes.IGNORED,
                                                              "no-cache", 1)) {
            return lister.list(prefix).stream().map(com.memora.projection.export.cdn.RemoteObject::key).toList();
        }
    }

    @Test
    void aRunOfFailedUploadsMakesTheCdnUnhealthyAndASuccessMakesItHealthyAgain() {
        List<ContentFile> files = PlanFixtures.files(Ids.node("P"), 2);
        long unhealthyAlerts = notifications("cdn-unhealthy");
        long recoveredAlerts = notifications("cdn-recovered");
        TestServers.get().interruptS3();

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> publisher.upload(files))
                    .isInstanceOfSatisfying(CdnPublishException.class, e -> assertThat(e.isTransient()).isTrue());
            CdnStatus status = health.status();
            assertThat(status.consecutiveFailures()).isEqualTo(attempt);
            assertThat(status.healthy()).as("after %d failures", attempt).isEqualTo(attempt < 3);
        }
        CdnStatus unhealthy = health.status();
        assertThat(unhealthy.unhealthySince()).isNotNull();
        assertThat(unhealthy.lastFailure()).contains("Upload of").contains("cannot connect");
        assertThat(notifications("cdn-unhealthy")).isEqualTo(unhealthyAlerts + 1);

        TestServers.get().resumeS3();
        publisher.upload(files);

        CdnStatus healed = health.status();
        assertThat(healed.healthy()).isTrue();
        assertThat(healed.consecutiveFailures()).isZero();
        assertThat(healed.unhealthySince()).isNull();
        assertThat(notifications("cdn-recovered")).isEqualTo(recoveredAlerts + 1);
    }

    @Test
    void theActuatorShowsWhereContentUrlsPointAndWhy() {
        JsonNode cdn = admin.get("/actuator/health").json().at("/components/cdn");
        assertThat(cdn.get("status").asText()).isEqualTo("UP");
        assertThat(cdn.at("/details/content_urls").asText()).as("not ready yet").isEqualTo("local");

        health.markReady(settings(), "test");
        assertThat(admin.get("/actuator/health").json().at("/components/cdn/details/content_urls").asText())
                .isEqualTo("cdn");
        for (int i = 0; i < health.failuresBeforeUnhealthy(); i++) {
            health.recordFailure("probe failed (test)");
        }
        JsonNode down = admin.get("/actuator/health").json().at("/components/cdn");
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.at("/details/content_urls").asText()).isEqualTo("local");
        assertThat(down.at("/details/last_failure").asText()).isEqualTo("probe failed (test)");
        assertThat(anonymous().get("/actuator/health/readiness").status()).as("the node stays in service")
                                                                          .isEqualTo(200);
    }

    @Test
    void theRetryScheduleComesFromTheProperties() {
        assertThat(retrySchedule.delays()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    @Test
    void theProbeNoticesAnOutageWithoutUploadsAndProbesNothingWhileTheCdnIsOff() {
        TestServers.get().interruptS3();
        for (int i = 0; i < 3; i++) {
            CdnProbe.Result result = probe.probe();
            assertThat(result.probed()).isTrue();
            assertThat(result.ok()).isFalse();
        }
        assertThat(health.status().healthy()).isFalse();

        TestServers.get().resumeS3();
        assertThat(probe.probe().ok()).isTrue();
        assertThat(health.status().healthy()).isTrue();

        save(admin, with(enabledOn("no-such-bucket-at-all"), "enabled", true));
        CdnProbe.Result missingBucket = probe.probe();
        assertThat(missingBucket.ok()).isFalse();
        assertThat(missingBucket.detail()).contains("no bucket 'no-such-bucket-at-all'");

        save(admin, with(enabledOn(BUCKET), "enabled", false));
        int failuresBefore = health.status().consecutiveFailures();
        CdnProbe.Result off = probe.probe();
        assertThat(off.probed()).isFalse();
        assertThat(health.status().consecutiveFailures()).isEqualTo(failuresBefore);
    }

    @Test
    void readinessEndsWhenTheCdnIsEnabledDisabledOrMovedToAnotherBucket() {
        health.markReady(settings(), "full upload and parity (test)");
        assertThat(health.status().readyFor(settings())).isTrue();

        save(admin, with(enabledOn(BUCKET), "cdn_base_url", "https://elsewhere.memora.test"));
        assertThat(health.status().readyFor(settings())).as("the CDN base URL does not touch the bucket").isTrue();

        save(admin, enabledOn(OTHER_BUCKET));
        CdnStatus moved = health.status();
        assertThat(moved.ready()).isFalse();
        assertThat(moved.readinessNote()).contains("bucket_name");

        health.markReady(settings(), "again");
        save(admin, with(enabledOn(OTHER_BUCKET), "enabled", false));
        assertThat(health.status().ready()).isFalse();
        assertThat(health.status().readinessNote()).contains("enabled");
        save(admin, enabledOn(OTHER_BUCKET));
        assertThat(health.status().ready()).as("enabling needs a new full upload and parity check").isFalse();

        Instant now = Instant.now();
        ParityReport unclean = ParityReport.compare(now, ParityCheck.TREE, Map.of("plans/P/manifest.json", "a"),
                                                    Map.of(), 10);
        ParityReport onePlan = ParityReport.compare(now, "plans/P/", Map.of(), Map.of(), 10);
        ParityReport clean = ParityReport.compare(now, ParityCheck.TREE, Map.of("plans/P/manifest.json", "a"),
                                                  Map.of("plans/P/manifest.json", "a"), 10);
        assertThat(health.markReadyIfClean(settings(), unclean)).isFalse();
        assertThat(health.markReadyIfClean(settings(), onePlan)).as("one plan is not the whole tree").isFalse();
        assertThat(health.status().ready()).isFalse();
        assertThat(health.markReadyIfClean(settings(), clean)).isTrue();
        assertThat(health.status().readyFor(settings())).isTrue();
        assertThat(health.status().readinessNote()).contains("clean parity check of 1 files");
    }

    @Test
    void theParityCheckFindsMissingExtraAndMismatchedFilesOfAPlan() {
        String plan = Ids.node("P");
        List<ContentFile> files = PlanFixtures.files(plan, 5);
        store.writeAll(files);
        List<ContentFile> partial = files.stream().filter(f -> !f.path().endsWith("/L4.json")
                                                               && !f.path().endsWith("/L5.json")).toList();
        publisher.upload(partial);
        String ghost = "plans/" + plan + "/lessons/GHOST.json";
        publisher.upload(List.of(new ContentFile(ghost, "{}".getBytes(StandardCharsets.UTF_8))));
        String unit = "plans/" + plan + "/units/U1.json";
        store.write(unit, "{\"edited\": true}\n".getBytes(StandardCharsets.UTF_8));

        ParityReport report = parity.run(plan);

        assertThat(report.scope()).isEqualTo("plans/" + plan + "/");
        assertThat(report.missingOnCdn()).containsExactly("plans/" + plan + "/lessons/L4.json",
                                                          "plans/" + plan + "/lessons/L5.json");
        assertThat(report.extraOnCdn()).containsExactly(ghost);
        assertThat(report.mismatched()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.path()).isEqualTo(unit);
            assertThat(mismatch.localMd5()).isEqualTo(Md5.hex("{\"edited\": true}\n".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(report.matching()).isEqualTo(files.size() - 3);
        assertThat(report.clean()).isFalse();

        List<ContentFile> local = new ArrayList<>();
        store.list("plans/" + plan).forEach(path -> local.add(new ContentFile(path, store.read(path).orElseThrow())));
        publisher.sync(local, (f, d, t) -> { });
        publisher.delete(List.of(ghost));
        assertThat(parity.run(plan).clean()).isTrue();
    }

    @Test
    void builtLessonsCarrySignedLinksToOurBucketAndKeepExternalOnes() throws Exception {
        byte[] video = "video bytes".getBytes(StandardCharsets.UTF_8);
        TestServers.get().minio().putObject(PutObjectArgs.builder().bucket(BUCKET).object("videos/intro.mp4")
                                                         .data(video, video.length).build());
        ObjectMapper json = new ObjectMapper();
        LessonContent lesson = new LessonContent(NodeDetails.published("L1", "Intro", 1), List.of(
                new StageContent("Watch", StageType.VIDEO, json.readTree("{\"video_url\": \"videos/intro.mp4\"}")),
                new StageContent("Also", StageType.VIDEO,
                                 json.readTree("{\"video_url\": \"https://videos.example.org/a.mp4\"}"))));
        PlanContent content = planWith(lesson);
        Instant buildTime = Instant.now();

        GeneratedFile file = builder.build(content, 1L, buildTime).files().stream()
                                    .filter(f -> f.path().endsWith("/lessons/L1.json")).findFirst().orElseThrow();

        JsonNode stages = file.json().get("stages");
        String signed = stages.get(0).at("/config/video_url").asText();
        assertThat(signed).startsWith(TestServers.get().s3Endpoint() + "/" + BUCKET + "/videos/intro.mp4?")
                          .contains("X-Amz-Signature=");
        assertThat(stages.get(1).at("/config/video_url").asText()).isEqualTo("https://videos.example.org/a.mp4");
        Instant expiry = Instant.parse(file.json().get("signed_url_expiry").asText().replace("+00:00", "Z"));
        assertThat(expiry).isAfter(buildTime.plus(Duration.ofHours(2)));
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(signed)).build(),
                                                                       HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(video);
    }

    private static PlanContent planWith(LessonContent lesson) {
        TopicContent topic = new TopicContent(NodeDetails.published("TP", "Topic", 1), List.of(lesson));
        UnitContent unit = new UnitContent(NodeDetails.published("U", "Unit", 1), null, List.of(topic));
        TrackContent track = new TrackContent(NodeDetails.published("T", "Track", 1), null, false, false,
                                              List.of(unit));
        SubjectContent subject = new SubjectContent(NodeDetails.published("S", "Subject", 1), null, true, null,
                                                    List.of(track));
        return new PlanContent(new ExportPlan(Ids.node("P"), "Plan", null, null, null),
                               List.of(new PlanSubject(subject, 1)), List.of());
    }

    @Test
    void thePurgeTakesTheZoneTheDecryptedTokenAndTheCdnBaseUrlFromTheSettings() {
        try (CloudflareStub stub = new CloudflareStub()) {
            CloudflareCachePurge purge = new CloudflareCachePurge(settingsProvider, new CloudflarePurgeClient(
                    stub.apiBase(), 30, CloudflarePurgeClient.rateLimiter(10, Duration.ofSeconds(1),
                                                                          Duration.ofSeconds(5)),
                    Duration.ofSeconds(5)));
            String plan = Ids.node("P");
            List<String> paths = List.of("plans/" + plan + "/lessons/L1.json", "plans/" + plan + "/manifest.json");

            assertThat(purge.purge(paths).skipped()).as("AWS S3 settings have no zone")
                                                    .contains("no Cloudflare zone");
            assertThat(stub.requests()).isEmpty();

            save(admin, with(enabledOn(BUCKET), "storage_provider", "Cloudflare R2",
                             "cloudflare_zone_id", "zone0123456789abcdef", "cloudflare_api_token", "cf-secret-token",
                             "cdn_base_url", "https://cdn.memora.test/"));
            PurgeReport report = purge.purge(paths);

            assertThat(report.complete()).isTrue();
            assertThat(stub.requests()).singleElement().satisfies(request -> {
                assertThat(request.path()).isEqualTo("/client/v4/zones/zone0123456789abcdef/purge_cache");
                assertThat(request.header("Authorization")).isEqualTo("Bearer cf-secret-token");
                assertThat(request.body()).contains("\"https://cdn.memora.test/plans/" + plan + "/lessons/L1.json\"")
                                          .contains("\"https://cdn.memora.test/plans/" + plan + "/manifest.json\"");
            });
        }
    }
}
