package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.projection.export.DemoCurriculum;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.SubjectContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static com.memora.projection.export.DemoCurriculum.BUILD;
import static com.memora.projection.export.DemoCurriculum.GENERATED_AT;
import static org.assertj.core.api.Assertions.assertThat;

class MeaningHashTest {

    private static final String L1 = "plans/P1/lessons/L1.json";

    /** Signs every video URL like a pre-signed S3 GET whose signature depends on the build time. */
    private static final VideoUrlSigner S3_LIKE = (url, at) -> new SignedVideoUrl(
            url + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + at.getEpochSecond()
            + "&X-Amz-Expires=14400&X-Amz-Signature=" + Integer.toHexString((url + at).hashCode()),
            at.plus(Duration.ofHours(4)));

    private static GeneratedFile lesson(PlanContent plan, long build, Instant at, VideoUrlSigner signer) {
        return new PlanFilesBuilder(signer).build(plan, build, at).file(L1).orElseThrow();
    }

    @Test
    void laterBuildOfUnchangedContentHasTheSameMeaning() {
        GeneratedFile first = lesson(DemoCurriculum.planP1(), BUILD, GENERATED_AT, S3_LIKE);
        GeneratedFile later = lesson(DemoCurriculum.planP1(), BUILD + 3600, GENERATED_AT.plusSeconds(3600), S3_LIKE);

        assertThat(later.bytes()).isNotEqualTo(first.bytes()); // version, time, signature and expiry all moved
        assertThat(later.meaningHash()).isEqualTo(first.meaningHash());
        assertThat(FileChange.of(later, first.bytes())).isEqualTo(FileChange.SAME_MEANING);
        assertThat(FileChange.of(later, first.bytes()).mustWrite()).isFalse();
    }

    @Test
    void editedTitleChangesTheMeaning() {
        GeneratedFile before = lesson(DemoCurriculum.planP1(), BUILD, GENERATED_AT, VideoUrlSigner.UNSIGNED);
        GeneratedFile after = lesson(withRetitledL1(), BUILD + 1, GENERATED_AT.plusSeconds(60),
                                     VideoUrlSigner.UNSIGNED);

        assertThat(after.meaningHash()).isNotEqualTo(before.meaningHash());
        assertThat(FileChange.of(after, before.bytes())).isEqualTo(FileChange.CHANGED);
    }

    private static PlanContent withRetitledL1() {
        PlanContent demo = DemoCurriculum.planP1();
        SubjectContent math = demo.subjects().get(0).subject();
        var core = math.tracks().get(0);
        var u1 = core.units().get(0);
        var tp1 = u1.topics().get(0);
        LessonContent l1 = tp1.lessons().get(0);
        LessonContent retitled = new LessonContent(l1.details().withTitle("الأعداد"), l1.stages());
        var newTp1 = new com.memora.projection.export.content.TopicContent(
                tp1.details(), java.util.List.of(retitled, tp1.lessons().get(1)));
        var newU1 = new com.memora.projection.export.content.UnitContent(u1.details(), u1.badgeImage(),
                                                                         java.util.List.of(newTp1));
        var newCore = new com.memora.projection.export.content.TrackContent(
                core.details(), core.requiredItem(), core.soldSeparately(), core.parentItemRequired(),
                java.util.List.of(newU1, core.units().get(1), core.units().get(2)));
        var newMath = new SubjectContent(math.details(), math.colorCode(), math.isPublic(), math.requiredItem(),
                                         java.util.List.of(newCore, math.tracks().get(1)));
        var subjects = new java.util.ArrayList<>(demo.subjects());
        subjects.set(0, new com.memora.projection.export.content.PlanSubject(newMath, 1));
        return new PlanContent(demo.plan(), subjects, demo.overrides());
    }

    @Test
    void hashOfTheBytesOnDiskEqualsHashOfTheFreshTree() {
        GeneratedFile file = lesson(DemoCurriculum.planP1(), BUILD, GENERATED_AT, S3_LIKE);

        assertThat(MeaningHash.of(file.bytes())).isEqualTo(file.meaningHash()).hasSize(64);
    }

    @Test
    void orderOfObjectMembersIsNotMeaningButOrderOfArraysIs() {
        String a = "{\"id\":\"X\",\"title\":\"T\",\"stages\":[{\"idx\":1},{\"idx\":2}]}";
        String reordered = "{\"title\":\"T\",\"stages\":[{\"idx\":1},{\"idx\":2}],\"id\":\"X\"}";
        String swapped = "{\"id\":\"X\",\"title\":\"T\",\"stages\":[{\"idx\":2},{\"idx\":1}]}";

        assertThat(hash(reordered)).isEqualTo(hash(a));
        assertThat(hash(swapped)).isNotEqualTo(hash(a));
    }

    @Test
    void numbersMeanTheirValueWhereverTheyComeFrom() {
        ObjectNode fresh = ExportJson.object();
        fresh.putObject("config").put("weight", 100.0).put("ratio", 0.1).put("count", 3);

        assertThat(MeaningHash.of(ExportJson.render(fresh))).isEqualTo(MeaningHash.of(fresh));
        assertThat(hash("{\"config\":{\"weight\":1E+2,\"ratio\":0.10,\"count\":3.0}}"))
                .isEqualTo(MeaningHash.of(fresh));
        assertThat(hash("{\"config\":{\"weight\":100,\"ratio\":0.2,\"count\":3}}"))
                .isNotEqualTo(MeaningHash.of(fresh));
    }

    @Test
    void onlyTopLevelStampsAreIgnored() {
        String base = "{\"id\":\"X\",\"config\":{\"version\":1}}";
        String otherNested = "{\"id\":\"X\",\"config\":{\"version\":2}}";
        String otherStamps = "{\"id\":\"X\",\"config\":{\"version\":1},\"version\":9,"
                             + "\"generated_at\":\"2030-01-01T00:00:00+00:00\","
                             + "\"signed_url_expiry\":\"2030-01-01T04:00:00+00:00\"}";

        assertThat(hash(otherNested)).isNotEqualTo(hash(base));
        assertThat(hash(otherStamps)).isEqualTo(hash(base));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://b/v.mp4?X-Amz-Algorithm=A&X-Amz-Signature=s|https://b/v.mp4",
            "https://b/v.mp4?quality=hd&X-Amz-Date=1&x-amz-signature=s|https://b/v.mp4?quality=hd",
            "https://b/v.mp4?AWSAccessKeyId=k&Expires=1&Signature=s#t=10|https://b/v.mp4#t=10",
            "https://youtube.com/watch?v=abc|https://youtube.com/watch?v=abc",
            "https://b/v.mp4|https://b/v.mp4"})
    void signatureParametersAreDroppedOthersKept(String url, String meaning) {
        assertThat(MeaningHash.withoutSignature(url)).isEqualTo(meaning);
    }

    @Test
    void signaturesOnlyIgnoredInVideoStages() {
        String video = "{\"stages\":[{\"type\":\"Video\",\"config\":{\"video_url\":\"https://b/v?X-Amz-Signature=%s\"}}]}";
        String text = "{\"stages\":[{\"type\":\"Text\",\"config\":{\"video_url\":\"https://b/v?X-Amz-Signature=%s\"}}]}";

        assertThat(hash(video.formatted("one"))).isEqualTo(hash(video.formatted("two")));
        assertThat(hash(text.formatted("one"))).isNotEqualTo(hash(text.formatted("two")));
    }

    @Test
    void fileChangeTellsNewChangedAndUnreadable() {
        GeneratedFile file = lesson(DemoCurriculum.planP1(), BUILD, GENERATED_AT, VideoUrlSigner.UNSIGNED);

        assertThat(FileChange.of(file, null)).isEqualTo(FileChange.NEW);
        assertThat(FileChange.of(file, file.bytes())).isEqualTo(FileChange.SAME_MEANING);
        assertThat(FileChange.of(file, "{\"id\":".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileChange.CHANGED);
        ObjectNode edited = file.json().deepCopy().put("title", "Other");
        assertThat(FileChange.of(file, ExportJson.render(edited))).isEqualTo(FileChange.CHANGED);
    }

    private static String hash(String json) {
        return MeaningHash.of(json.getBytes(StandardCharsets.UTF_8));
    }
}
