package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.kernel.access.NodeKind;
import com.memora.kernel.access.PlanOverride;
import com.memora.projection.export.DemoCurriculum;
import com.memora.projection.export.GeneratedPlans;
import com.memora.projection.export.content.ExportPlan;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.PlanSubject;
import com.memora.projection.export.content.StageType;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.memora.projection.export.DemoCurriculum.BUILD;
import static com.memora.projection.export.DemoCurriculum.GENERATED_AT;
import static com.memora.projection.export.DemoCurriculum.config;
import static com.memora.projection.export.DemoCurriculum.lesson;
import static com.memora.projection.export.DemoCurriculum.stage;
import static com.memora.projection.export.DemoCurriculum.topic;
import static com.memora.projection.export.DemoCurriculum.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanFilesBuilderTest {

    private final PlanFilesBuilder builder = new PlanFilesBuilder();

    private PlanFiles demo() {
        return builder.build(DemoCurriculum.planP1(), BUILD, GENERATED_AT);
    }

    private static String expected(String name) {
        try (InputStream in = PlanFilesBuilderTest.class.getResourceAsStream("/export/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(PlanFiles files, String path) {
        return files.file(path).orElseThrow(() -> new AssertionError("no file " + path)).text();
    }

    // ---- the demo curriculum against hand-written files, byte for byte ----------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plans/P1/manifest.json,         manifest.json",
                "plans/P1/subjects/MATH.json,    subject-MATH.json",
                "plans/P1/units/U2.json,         unit-U2.json",
                "plans/P1/lessons/L2.json,       lesson-L2.json",
                "plans/P1/lessons/L4.json,       lesson-L4.json",
                "plans/P1/search_index.json,     search_index.json"})
    void demoFilesAreExactlyTheHandCheckedOnes(String path, String expectedFile) {
        assertThat(text(demo(), path)).isEqualTo(expected(expectedFile));
    }

    @Test
    void demoPlanHasExactlyTheVisibleFilesInPublicationOrder() {
        assertThat(demo().files()).extracting(GeneratedFile::path).containsExactly(
                "plans/P1/lessons/L1.json", "plans/P1/lessons/L2.json", "plans/P1/lessons/L5.json",
                "plans/P1/lessons/L4.json", "plans/P1/lessons/LB.json", "plans/P1/lessons/LA.json",
                "plans/P1/units/U1.json", "plans/P1/units/U2.json", "plans/P1/units/U4.json",
                "plans/P1/units/UB.json", "plans/P1/units/UA.json",
                "plans/P1/subjects/MATH.json", "plans/P1/subjects/BIO.json", "plans/P1/subjects/ART.json",
                "plans/P1/search_index.json",
                "plans/P1/manifest.json");
    }

    @Test
    void hiddenUnpublishedAndTrashedNodesAppearInNoFile() {
        PlanFiles files = demo();

        for (String gone : List.of("U3", "TP3", "L3", "Derivatives", "Power rule", // Hide U3
                                   "L6", "Draft: epsilon-delta",                  // unpublished
                                   "L7", "Old notes")) {                          // trashed
            assertThat(files.files()).as("files mentioning %s", gone)
                                     .noneMatch(file -> file.text().contains("\"" + gone + "\"")
                                                        || file.path().contains("/" + gone + "."));
        }
        assertThat(files.warnings()).isEmpty();
    }

    @Test
    void renameReachesEveryPlaceTheTitleAppears() {
        PlanFiles files = demo();

        assertThat(files.files()).filteredOn(file -> file.text().contains("\"Intro\"")).isEmpty();
        assertThat(text(files, "plans/P1/lessons/L5.json")).contains("\"topic_title\": \"Introduction to limits\"");
    }

    @Test
    void arabicTextIsWrittenAsUtf8NotEscaped() {
        byte[] bytes = demo().file("plans/P1/lessons/LB.json").orElseThrow().bytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"title\": \"الميتوكوندريا\"")
                                                             .doesNotContain("\\u");
        assertThat(indexOf(bytes, "الميتوكوندريا".getBytes(StandardCharsets.UTF_8))).isPositive();
    }

    @Test
    void sameInputGivesTheSameBytes() {
        PlanFiles first = demo();
        PlanFiles second = builder.build(DemoCurriculum.planP1(), BUILD, GENERATED_AT);

        assertThat(second.files()).containsExactlyElementsOf(first.files());
    }

    @Test
    void orderOfTheInputListsAndOfConfigKeysDoesNotMatter() {
        PlanContent demo = DemoCurriculum.planP1();
        List<PlanSubject> reversedSubjects = new ArrayList<>(demo.subjects());
        Collections.reverse(reversedSubjects);
        List<PlanOverride> reversedOverrides = new ArrayList<>(demo.overrides());
        Collections.reverse(reversedOverrides);
        PlanContent shuffled = new PlanContent(demo.plan(), reversedSubjects.stream()
                .map(planSubject -> new PlanSubject(reversed(planSubject.subject()), planSubject.sortOrder()))
                .toList(), reversedOverrides);

        assertThat(builder.build(shuffled, BUILD, GENERATED_AT).files()).containsExactlyElementsOf(demo().files());
    }

    /** The subject with every child list reversed and every stage config's keys in reverse order. */
    private static SubjectContent reversed(SubjectContent subject) {
        return new SubjectContent(subject.details(), subject.colorCode(), subject.isPublic(), subject.requiredItem(),
                                  reverse(subject.tracks().stream().map(track -> new TrackContent(
                                          track.details(), track.requiredItem(), track.soldSeparately(),
                                          track.parentItemRequired(), reverse(track.units().stream().map(
                                                  unit -> new UnitContent(unit.details(), unit.badgeImage(),
                                                          reverse(unit.topics().stream().map(
                                                                  topic -> new TopicContent(topic.details(),
                                                                          reverse(topic.lessons().stream()
                                                                                       .map(PlanFilesBuilderTest::reversedConfigs)
                                                                                       .toList())))
                                                                  .toList())))
                                                                                   .toList()))).toList()));
    }

    private static LessonContent reversedConfigs(LessonContent lesson) {
        return new LessonContent(lesson.details(), lesson.stages().stream().map(stage -> {
            if (stage.config() == null) {
                return stage;
            }
            List<String> names = new ArrayList<>();
            stage.config().fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            var config = config();
            names.forEach(name -> config.set(name, stage.config().get(name)));
            return stage(stage.title(), stage.type(), config);
        }).toList());
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    // ---- navigation (D7) ----------------------------------------------------------------------------------------

    private static SubjectContent twoTrackSubject() {
        return new SubjectContent(NodeDetails.published("S", "Subject", 1), null, false, null, List.of(
                new TrackContent(NodeDetails.published("T1", "Track one", 1), null, false, false, List.of(
                        unit(NodeDetails.published("UB", "Unit B", 2), null,
                             topic("TC", "Topic C", 1, lesson(NodeDetails.published("L-c1", "c1", 0)))),
                        unit(NodeDetails.published("UA", "Unit A", 1), null,
                             // equal sort orders: ties are broken by id
                             topic("TB", "Topic B", 5, lesson(NodeDetails.published("L-b2", "b2", 7)),
                                   lesson(NodeDetails.published("L-b1", "b1", 7))),
                             topic("TA", "Topic A", 5, lesson(NodeDetails.published("L-a1", "a1", 1)),
                                   lesson(NodeDetails.published("L-hidden", "hidden", 2)))))),
                new TrackContent(NodeDetails.published("T2", "Track two", 2), null, false, false, List.of(
                        unit(NodeDetails.published("UX", "Unit X", 1), null,
                             topic("TX", "Topic X", 1, lesson(NodeDetails.published("L-x1", "x1", 1)),
                                   lesson(NodeDetails.published("L-x2", "x2", 2))))))));
    }

    private static String neighbour(PlanFiles files, String lesson, String direction) {
        JsonNode navigation = files.file(ExportPaths.lesson("NAV", lesson)).orElseThrow().json().get("navigation");
        JsonNode link = navigation.get(direction);
        return link == null ? null : link.get("id").asText();
    }

    @Test
    void navigationRunsThroughOneTrackTopicByTopicUnitByUnitWithTiesBrokenById() {
        PlanFiles files = builder.build(new PlanContent(new ExportPlan("NAV", "Navigation", null, null, null),
                                                        List.of(new PlanSubject(twoTrackSubject(), 1)),
                                                        List.of(PlanOverride.hide(NodeKind.LESSON, "L-hidden"))),
                                        BUILD, GENERATED_AT);

        List<String> order = new ArrayList<>();
        String current = "L-a1";
        while (current != null) {
            order.add(current);
            current = neighbour(files, current, "next_lesson");
        }
        assertThat(order).containsExactly("L-a1", "L-b1", "L-b2", "L-c1");
        assertThat(neighbour(files, "L-a1", "previous_lesson")).isNull();
        assertThat(neighbour(files, "L-b1", "previous_lesson")).isEqualTo("L-a1");
        assertThat(neighbour(files, "L-c1", "previous_lesson")).isEqualTo("L-b2");
        // the next track starts its own chain
        assertThat(neighbour(files, "L-x1", "previous_lesson")).isNull();
        assertThat(neighbour(files, "L-x1", "next_lesson")).isEqualTo("L-x2");
        assertThat(neighbour(files, "L-x2", "next_lesson")).isNull();
    }

    @Test
    void lessonLinksUseRelativePathsOfThePlan() {
        JsonNode next = demo().file("plans/P1/lessons/L1.json").orElseThrow().json()
                              .at("/navigation/next_lesson");

        assertThat(next.get("url").asText()).isEqualTo("plans/P1/lessons/L2.json");
    }

    // ---- stats --------------------------------------------------------------------------------------------------

    @Test
    void statsCountOnlyVisiblePublishedNodes() {
        PlanFiles files = demo();

        assertThat(files.file("plans/P1/units/U1.json").orElseThrow().json().get("stats").toString())
                .isEqualTo("{\"total_topics\":1,\"total_lessons\":1}"); // L7 is trashed
        assertThat(files.file("plans/P1/subjects/BIO.json").orElseThrow().json().get("stats").toString())
                .isEqualTo("{\"total_units\":1,\"total_topics\":1,\"total_lessons\":1}");
    }

    // ---- the search index and its shards (F4) -------------------------------------------------------------------

    @Test
    void indexOf499LessonsIsOneFile() {
        PlanFiles files = builder.build(GeneratedPlans.plan("BIG", 300, 199), BUILD, GENERATED_AT);

        JsonNode index = files.file("plans/BIG/search_index.json").orElseThrow().json();
        assertThat(index.get("is_sharded").asBoolean()).isFalse();
        assertThat(index.get("total_lessons").asInt()).isEqualTo(499);
        assertThat(index.get("entries")).hasSize(499);
        assertThat(files.files(FileKind.SEARCH_SHARD)).isEmpty();
    }

    @Test
    void indexOf500LessonsIsShardedBySubjectWithLessons() {
        PlanFiles files = builder.build(GeneratedPlans.plan("BIG", 300, 0, 200), BUILD, GENERATED_AT);

        JsonNode index = files.file("plans/BIG/search_index.json").orElseThrow().json();
        assertThat(index.get("is_sharded").asBoolean()).isTrue();
        assertThat(index.get("total_lessons").asInt()).isEqualTo(500);
        assertThat(index.has("entries")).isFalse();
        assertThat(index.get("shards").toString()).isEqualTo(
                "[{\"subject_id\":\"S0\",\"subject_name\":\"Subject 0\",\"url\":\"plans/BIG/search/S0.json\","
                + "\"lesson_count\":300},{\"subject_id\":\"S2\",\"subject_name\":\"Subject 2\","
                + "\"url\":\"plans/BIG/search/S2.json\",\"lesson_count\":200}]");
        assertThat(files.files(FileKind.SEARCH_SHARD)).extracting(GeneratedFile::path)
                                                      .containsExactly("plans/BIG/search/S0.json",
                                                                       "plans/BIG/search/S2.json");
        JsonNode shard = files.file("plans/BIG/search/S2.json").orElseThrow().json();
        assertThat(shard.get("lessons")).hasSize(200);
        assertThat(StreamSupport.stream(shard.get("lessons").spliterator(), false))
                .allMatch(entry -> entry.get("subject_id").asText().equals("S2"));
        assertThat(files.warnings()).isEmpty();
    }

    @Test
    void hiddenLessonsDoNotCountTowardsSharding() {
        PlanContent plan = GeneratedPlans.plan("BIG", 500);
        PlanContent oneHidden = new PlanContent(plan.plan(), plan.subjects(),
                                                List.of(PlanOverride.hide(NodeKind.LESSON, "S0-L7")));

        JsonNode index = builder.build(oneHidden, BUILD, GENERATED_AT).file("plans/BIG/search_index.json")
                                .orElseThrow().json();

        assertThat(index.get("is_sharded").asBoolean()).isFalse();
        assertThat(index.get("total_lessons").asInt()).isEqualTo(499);
        assertThat(index.get("entries").findValuesAsText("lesson_id")).hasSize(499).doesNotContain("S0-L7");
    }

    @Test
    void shardOver100KiBIsReportedAsAWarning() {
        String padding = " " + "و".repeat(150);
        PlanContent plan = new PlanContent(new ExportPlan("BIG", "Big", null, null, null), List.of(
                new PlanSubject(GeneratedPlans.subject("HUGE", "Huge", 450, padding), 1),
                new PlanSubject(GeneratedPlans.subject("SMALL", "Small", 50, ""), 2)), List.of());

        PlanFiles files = builder.build(plan, BUILD, GENERATED_AT);

        assertThat(files.file("plans/BIG/search/HUGE.json").orElseThrow().size())
                .isGreaterThan(PlanFilesBuilder.SHARD_WARNING_BYTES);
        assertThat(files.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(BuildWarning.Kind.SHARD_TOO_LARGE);
            assertThat(warning.path()).isEqualTo("plans/BIG/search/HUGE.json");
            assertThat(warning.message()).contains("102,400-byte goal");
        });
    }

    @Test
    void fileOver10MiBIsReportedAsAWarning() {
        var config = config("body", "x".repeat(PlanFilesBuilder.FILE_WARNING_BYTES));
        SubjectContent subject = new SubjectContent(NodeDetails.published("S", "S", 1), null, false, null, List.of(
                new TrackContent(NodeDetails.published("T", "T", 1), null, false, false, List.of(
                        unit(NodeDetails.published("U", "U", 1), null, topic("TP", "TP", 1, lesson(
                                NodeDetails.published("BIG-LESSON", "Big", 1),
                                stage("Read", StageType.TEXT, config))))))));

        PlanFiles files = builder.build(new PlanContent(new ExportPlan("P", "P", null, null, null),
                                                        List.of(new PlanSubject(subject, 1)), List.of()),
                                        BUILD, GENERATED_AT);

        assertThat(files.warnings()).extracting(BuildWarning::kind, BuildWarning::path)
                                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                            BuildWarning.Kind.FILE_TOO_LARGE, "plans/P/lessons/BIG-LESSON.json"));
    }

    // ---- the video signing hook (issue 5 plugs in here) ---------------------------------------------------------

    @Test
    void signerIsAppliedToVideoStagesAndTheEarliestExpiryIsWritten() {
        VideoUrlSigner signer = (url, buildTime) -> url.contains("l1")
                ? new SignedVideoUrl(url + "?X-Amz-Signature=abc", buildTime.plus(Duration.ofHours(4)))
                : new SignedVideoUrl(url + "?X-Amz-Signature=def", buildTime.plus(Duration.ofHours(2)));
        SubjectContent subject = new SubjectContent(NodeDetails.published("S", "S", 1), null, false, null, List.of(
                new TrackContent(NodeDetails.published("T", "T", 1), null, false, false, List.of(
                        unit(NodeDetails.published("U", "U", 1), null, topic("TP", "TP", 1, lesson(
                                NodeDetails.published("L", "L", 1),
                                stage("One", StageType.VIDEO, config("video_url", "https://b/l1.mp4")),
                                stage("Two", StageType.VIDEO, config("video_url", "https://b/l2.mp4")),
                                stage("Not a video", StageType.TEXT, config("video_url", "https://b/l3.mp4")))))))));

        JsonNode lesson = new PlanFilesBuilder(signer)
                .build(new PlanContent(new ExportPlan("P", "P", null, null, null),
                                       List.of(new PlanSubject(subject, 1)), List.of()), BUILD, GENERATED_AT)
                .file("plans/P/lessons/L.json").orElseThrow().json();

        assertThat(lesson.at("/stages/0/config/video_url").asText()).isEqualTo("https://b/l1.mp4?X-Amz-Signature=abc");
        assertThat(lesson.at("/stages/1/config/video_url").asText()).isEqualTo("https://b/l2.mp4?X-Amz-Signature=def");
        assertThat(lesson.at("/stages/2/config/video_url").asText()).isEqualTo("https://b/l3.mp4");
        assertThat(lesson.get("signed_url_expiry").asText()).isEqualTo("2026-01-25T12:00:00+00:00");
    }

    @Test
    void unsignedLessonsHaveNoExpiry() {
        assertThat(demo().file("plans/P1/lessons/L1.json").orElseThrow().json().has("signed_url_expiry")).isFalse();
    }

    // ---- stamps and bad input -----------------------------------------------------------------------------------

    @Test
    void everyFileCarriesTheBuildNumberAndUtcGenerationTime() {
        PlanFiles files = builder.build(DemoCurriculum.planP1(), 42, Instant.parse("2026-03-01T08:15:30.987Z"));

        assertThat(files.files()).allSatisfy(file -> {
            assertThat(file.json().get("version").asLong()).isEqualTo(42);
            assertThat(file.json().get("generated_at").asText()).isEqualTo("2026-03-01T08:15:30+00:00");
        });
    }

    @Test
    void planWithoutSubjectsStillHasAManifestAndAnEmptyIndex() {
        PlanFiles files = builder.build(new PlanContent(new ExportPlan("EMPTY", "Empty", null, null, null),
                                                        List.of(), List.of()), BUILD, GENERATED_AT);

        assertThat(files.paths()).containsExactly("plans/EMPTY/search_index.json", "plans/EMPTY/manifest.json");
        assertThat(text(files, "plans/EMPTY/manifest.json")).contains("\"subjects\": []");
    }

    @Test
    void idThatCannotBeAPathIsRefused() {
        PlanContent plan = new PlanContent(new ExportPlan("P", "P", null, null, null), List.of(new PlanSubject(
                GeneratedPlans.subject("../etc", "Evil", 1, ""), 1)), List.of());

        assertThatThrownBy(() -> builder.build(plan, BUILD, GENERATED_AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../etc-L0' cannot be part of a file path");
    }

    @Test
    void subjectListedTwiceInAPlanIsRefused() {
        PlanContent plan = new PlanContent(new ExportPlan("P", "P", null, null, null), List.of(
                new PlanSubject(DemoCurriculum.art(), 1), new PlanSubject(DemoCurriculum.art(), 2)), List.of());

        assertThatThrownBy(() -> builder.build(plan, BUILD, GENERATED_AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Subject ART appears twice in the plan's content tree");
    }

    @Test
    void ignoredOverridesBecomeBuildWarnings() {
        PlanContent demo = DemoCurriculum.planP1();
        PlanContent withBadOverride = new PlanContent(demo.plan(), demo.subjects(),
                                                      List.of(PlanOverride.setSoldSeparately("CORE")));

        assertThat(builder.build(withBadOverride, BUILD, GENERATED_AT).warnings())
                .containsExactly(new BuildWarning(BuildWarning.Kind.ACCESS_RULE_IGNORED, null,
                                                  "Track CORE: Set Sold Separately is ignored: the track has no"
                                                  + " required item of its own to sell"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
