package com.memora.infra.cdn;

import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestServers;
import com.memora.projection.export.cdn.CdnFailureKind;
import com.memora.projection.export.cdn.CdnOutcomes;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.cdn.DeleteReport;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.PublicationOrder;
import com.memora.projection.export.cdn.PublishReport;
import com.memora.projection.export.cdn.RemoteObject;
import com.memora.projection.export.cdn.UploadedFile;
import com.memora.projection.export.staging.ContentFile;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 adapter against the real S3-compatible server (s3proxy here, MinIO with Docker): what lands in the bucket,
 * in which order, verified how, and what a failure looks like.
 */
class MinioCdnPublisherTest {

    private static final String BUCKET = "cdn-publisher-test";
    private static final String CACHE_CONTROL = "public, max-age=300";

    /** What the adapter reported to the CDN's health. */
    private final AtomicInteger successes = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final CdnOutcomes outcomes = new CdnOutcomes() {
        @Override
        public void recordSuccess() {
            successes.incrementAndGet();
        }

        @Override
        public void recordFailure(String failure) {
            failures.add(failure);
        }
    };

    @BeforeAll
    static void bucket() {
        S3TestTargets.createBucket(BUCKET);
    }

    @AfterEach
    void serverBack() {
        TestServers.get().resumeS3();
    }

    private MinioCdnPublisher publisher(CdnTarget target, int concurrency) {
        return new MinioCdnPublisher(() -> target, outcomes, CACHE_CONTROL, concurrency);
    }

    private static MinioClient minio() {
        return TestServers.get().minio();
    }

    private static Map<String, String> md5s(List<ContentFile> files) {
        return files.stream().collect(Collectors.toMap(ContentFile::path, file -> Md5.hex(file.bytes())));
    }

    private static Map<String, String> bucketEtags(String prefix) {
        try (MinioCdnPublisher lister = new MinioCdnPublisher(() -> S3TestTargets.target(BUCKET), CdnOutcomes.IGNORED,
                                                              CACHE_CONTROL, 1)) {
            return lister.list(prefix).stream().collect(Collectors.toMap(RemoteObject::key, RemoteObject::etag));
        }
    }

    @Test
    void uploadsEveryFileSinglePartAsUtf8JsonWithCacheControlAndVerifiesItsEtag() throws Exception {
        String plan = Ids.node("P");
        List<ContentFile> files = PlanFixtures.files(plan, 5);

        PublishReport report;
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 4)) {
            report = publisher.upload(files);
        }

        assertThat(report.uploadedPaths()).containsExactlyInAnyOrderElementsOf(md5s(files).keySet());
        assertThat(report.verified()).isTrue();
        assertThat(report.uploaded()).allSatisfy(file -> {
            assertThat(file.cdnEtag()).isEqualTo(file.localMd5());
            assertThat(file.attempts()).isEqualTo(1);
        });
        assertThat(bucketEtags("plans/" + plan + "/")).isEqualTo(md5s(files));

        ContentFile manifest = files.get(files.size() - 1);
        StatObjectResponse stat = minio().statObject(StatObjectArgs.builder().bucket(BUCKET)
                                                                   .object(manifest.path()).build());
        MediaType type = MediaType.parseMediaType(stat.contentType()); // the server may drop the space
        assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).as(stat.contentType()).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(stat.headers().get("Cache-Control")).isEqualTo(CACHE_CONTROL);
        assertThat(Md5.fromEtag(stat.etag())).as("single part: the ETag is the MD5").isEqualTo(Md5.hex(manifest.bytes()));
        try (InputStream stored = minio().getObject(GetObjectArgs.builder().bucket(BUCKET)
                                                                 .object(manifest.path()).build())) {
            assertThat(stored.readAllBytes()).isEqualTo(manifest.bytes());
        }
        assertThat(successes).hasValue(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void filesGoUpLevelByLevelWithTheManifestLastWhateverOrderTheyArePassedIn() {
        List<ContentFile> files = new ArrayList<>(PlanFixtures.files(Ids.node("P"), 40));
        Collections.shuffle(files, new Random(11));
        List<PublicationOrder.Level> completed = Collections.synchronizedList(new ArrayList<>());

        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 4)) {
            publisher.upload(files, (file, done, total) -> completed.add(PublicationOrder.Level.of(file.path())));
        }

        assertThat(completed).hasSize(files.size()).isSorted();
        assertThat(completed.get(completed.size() - 1)).isEqualTo(PublicationOrder.Level.MANIFEST);
        assertThat(completed).containsSubsequence(PublicationOrder.Level.LESSONS, PublicationOrder.Level.UNITS,
                                                  PublicationOrder.Level.SUBJECTS,
                                                  PublicationOrder.Level.SEARCH_INDEX,
                                                  PublicationOrder.Level.MANIFEST);
    }

    /** The store answers with a wrong ETag for one path: corruption on the way, as the client would see it. */
    private static OkHttpClient wrongEtagFor(String path, int times) {
        AtomicInteger left = new AtomicInteger(times);
        return new OkHttpClient.Builder().addInterceptor(chain -> {
            okhttp3.Response response = chain.proceed(chain.request());
            boolean put = chain.request().method().equals("PUT");
            if (put && chain.request().url().encodedPath().endsWith("/" + path) && left.getAndDecrement() > 0) {
                return response.newBuilder().header("ETag", "\"00000000000000000000000000000000\"").build();
            }
            return response;
        }).build();
    }

    @Test
    void aFileWhoseEtagDoesNotMatchIsUploadedOnceMore() {
        List<ContentFile> files = PlanFixtures.files(Ids.node("P"), 3);
        String unit = files.stream().map(ContentFile::path).filter(path -> path.contains("/units/")).findFirst()
                           .orElseThrow();

        PublishReport report;
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET, TestServers.get().s3SecretKey(),
                                                                          wrongEtagFor(unit, 1)), 1)) {
            report = publisher.upload(files);
        }

        UploadedFile uploaded = report.uploaded().stream().filter(file -> file.path().equals(unit)).findFirst()
                                      .orElseThrow();
        assertThat(uploaded.attempts()).isEqualTo(2);
        assertThat(uploaded.cdnEtag()).isEqualTo(uploaded.localMd5());
        assertThat(report.verified()).isTrue();
    }

    @Test
    void aFileThatStaysMismatchedFailsTheBatchNamingItsPathAndNothingAboveItIsPublished() throws Exception {
        String plan = Ids.node("P");
        List<ContentFile> files = PlanFixtures.files(plan, 3);
        String unit = "plans/" + plan + "/units/U1.json";

        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET, TestServers.get().s3SecretKey(),
                                                                          wrongEtagFor(unit, 2)), 1)) {
            assertThatThrownBy(() -> publisher.upload(files))
                    .isInstanceOfSatisfying(CdnPublishException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CdnFailureKind.PERMANENT);
                        assertThat(e.path()).isEqualTo(unit);
                        assertThat(e.getMessage()).contains("Hash mismatch for " + unit)
                                                  .contains(Md5.hex(files.stream()
                                                                         .filter(f -> f.path().equals(unit))
                                                                         .findFirst().orElseThrow().bytes()));
                        assertThat(e.completed()).extracting(UploadedFile::path)
                                                 .allMatch(path -> path.contains("/lessons/"));
                    });
        }
        assertThat(bucketEtags("plans/" + plan + "/")).doesNotContainKey("plans/" + plan + "/manifest.json")
                                                     .doesNotContainKey("plans/" + plan + "/subjects/S1.json");
        assertThat(failures).singleElement().asString().contains(unit);
    }

    @Test
    void aSyncUploadsOnlyFilesWhoseBytesTheBucketDoesNotHoldYet() {
        String plan = Ids.node("P");
        List<ContentFile> first = PlanFixtures.files(plan, 6);
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 4)) {
            publisher.upload(first);
            List<ContentFile> edited = new ArrayList<>(first);
            String lesson = "plans/" + plan + "/lessons/L2.json";
            edited.replaceAll(file -> file.path().equals(lesson)
                                      ? new ContentFile(lesson, (new String(file.bytes()) + " ").getBytes())
                                      : file);

            PublishReport again = publisher.sync(first, (f, d, t) -> { });
            PublishReport afterEdit = publisher.sync(edited, (f, d, t) -> { });

            assertThat(again.uploaded()).as("nothing changed").isEmpty();
            assertThat(again.unchanged()).hasSize(first.size());
            assertThat(afterEdit.uploadedPaths()).containsExactly(lesson);
            assertThat(afterEdit.unchanged()).hasSize(first.size() - 1);
            assertThat(bucketEtags("plans/" + plan + "/")).isEqualTo(md5s(edited));
        }
    }

    @Test
    void deletingAPlanRemovesItsFolderOnlyTheTrailingSlashKeepsP10AwayFromP1() {
        String plan = Ids.node("P");
        String neighbour = plan + "0"; // plans/P-x-10 starts with plans/P-x-1
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 4)) {
            publisher.upload(PlanFixtures.files(plan, 2));
            List<ContentFile> kept = PlanFixtures.files(neighbour, 2);
            publisher.upload(kept);

            DeleteReport deleted = publisher.deletePlan(plan);

            assertThat(deleted.deleted()).hasSize(PlanFixtures.files(plan, 2).size())
                                         .allMatch(key -> key.startsWith("plans/" + plan + "/"));
            assertThat(deleted.requests()).isEqualTo(1);
            assertThat(bucketEtags("plans/" + plan + "/")).isEmpty();
            assertThat(bucketEtags("plans/" + neighbour + "/")).isEqualTo(md5s(kept));
            assertThat(publisher.deletePlan(plan).deleted()).as("again: nothing left, no error").isEmpty();
        }
    }

    @Test
    void deletingKeysRemovesThemAndMissingKeysAreFine() {
        String plan = Ids.node("P");
        List<ContentFile> files = PlanFixtures.files(plan, 3);
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 2)) {
            publisher.upload(files);
            String gone = "plans/" + plan + "/lessons/L3.json";

            DeleteReport report = publisher.delete(List.of(gone, "plans/" + plan + "/lessons/NEVER.json"));

            assertThat(report.deleted()).contains(gone);
            assertThat(bucketEtags("plans/" + plan + "/")).doesNotContainKey(gone).hasSize(files.size() - 1);
        }
    }

    @Test
    void aFolderOfMoreThanAThousandKeysIsDeletedInRequestsOfAtMostAThousand() {
        String plan = Ids.node("BIG");
        List<ContentFile> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(new ContentFile("plans/" + plan + "/lessons/L" + i + ".json", ("{\"i\":" + i + "}").getBytes()));
        }
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 8)) {
            publisher.upload(many);
            assertThat(publisher.list("plans/" + plan + "/")).hasSize(1001);

            DeleteReport report = publisher.deletePlan(plan);

            assertThat(report.requests()).isEqualTo(2);
            assertThat(report.deleted()).hasSize(1001);
            assertThat(publisher.list("plans/" + plan + "/")).isEmpty();
        }
    }

    @Test
    void theStoreStoppingMidBatchIsATransientFailureNamingThePathAndASyncFinishesTheJob() throws Exception {
        String plan = Ids.node("P");
        List<ContentFile> files = PlanFixtures.files(plan, 8);
        List<ContentFile> inOrder = PublicationOrder.sort(files);
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 1)) {
            assertThatThrownBy(() -> publisher.upload(files, (file, done, total) -> {
                if (done == 4) {
                    TestServers.get().interruptS3(); // the CDN goes away in the middle of the publication
                }
            })).isInstanceOfSatisfying(CdnPublishException.class, e -> {
                assertThat(e.isTransient()).as(e.getMessage()).isTrue();
                assertThat(e.path()).isEqualTo(inOrder.get(4).path());
                assertThat(e.getMessage()).contains("Upload of " + inOrder.get(4).path());
                assertThat(e.completed()).extracting(UploadedFile::path)
                                         .containsExactlyElementsOf(inOrder.subList(0, 4).stream()
                                                                           .map(ContentFile::path).toList());
            });
            assertThat(failures).hasSize(1);

            TestServers.get().resumeS3();
            assertThat(bucketEtags("plans/" + plan + "/")).doesNotContainKey("plans/" + plan + "/manifest.json");

            PublishReport retry = publisher.sync(files, (f, d, t) -> { });

            assertThat(retry.unchanged()).hasSize(4);
            assertThat(retry.uploaded()).hasSize(files.size() - 4);
            assertThat(bucketEtags("plans/" + plan + "/")).isEqualTo(md5s(files));
            assertThat(successes).as("the retry counts as a success").hasValue(1);
        }
    }

    @Test
    void aMissingBucketOrAWrongKeyIsAPermanentFailure() {
        List<ContentFile> files = PlanFixtures.files(Ids.node("P"), 1);
        try (MinioCdnPublisher noBucket = publisher(S3TestTargets.target("no-such-bucket-here"), 1)) {
            assertThatThrownBy(() -> noBucket.upload(files))
                    .isInstanceOfSatisfying(CdnPublishException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CdnFailureKind.PERMANENT);
                        assertThat(e.getMessage()).contains("NoSuchBucket").contains(e.path());
                    });
        }
        try (MinioCdnPublisher wrongKey = publisher(S3TestTargets.target(BUCKET, "not-the-secret",
                                                                         new OkHttpClient()), 1)) {
            assertThatThrownBy(() -> wrongKey.list("plans/"))
                    .isInstanceOfSatisfying(CdnPublishException.class,
                                            e -> assertThat(e.kind()).as(e.getMessage())
                                                                     .isEqualTo(CdnFailureKind.PERMANENT));
        }
        CdnTarget unconfigured = new CdnTarget(S3TestTargets.settings(BUCKET, 4), null, null, BUCKET, "us-east-1",
                                               null, null);
        try (MinioCdnPublisher nothing = publisher(unconfigured, 1)) {
            assertThat(nothing.enabled()).isFalse();
            assertThatThrownBy(() -> nothing.upload(files))
                    .isInstanceOfSatisfying(CdnPublishException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CdnFailureKind.PERMANENT);
                        assertThat(e.getMessage()).contains("endpoint_url");
                    });
        }
    }

    @Test
    void listingGivesEveryObjectWithItsEtagAndNoDirectories() {
        String plan = Ids.node("P");
        List<ContentFile> files = PlanFixtures.files(plan, 4);
        try (MinioCdnPublisher publisher = publisher(S3TestTargets.target(BUCKET), 4)) {
            publisher.upload(files);
            List<RemoteObject> listed = publisher.list("plans/" + plan + "/");
            assertThat(listed).extracting(RemoteObject::key).containsExactlyInAnyOrderElementsOf(md5s(files).keySet());
            Map<String, ContentFile> byPath = files.stream()
                                                   .collect(Collectors.toMap(ContentFile::path, Function.identity()));
            assertThat(listed).allSatisfy(object -> {
                assertThat(object.etag()).isEqualTo(Md5.hex(byPath.get(object.key()).bytes()));
                assertThat(object.size()).isEqualTo(byPath.get(object.key()).bytes().length);
            });
        }
    }

    @SuppressWarnings("unused")
    private static boolean exists(String key) throws Exception {
        try {
            minio().statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }
}
