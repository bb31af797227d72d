package com.memora.projection.export.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.projection.export.DemoCurriculum;
import com.memora.projection.export.GeneratedPlans;
import com.memora.projection.export.files.FileKind;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.Consumer;

import static com.memora.projection.export.DemoCurriculum.BUILD;
import static com.memora.projection.export.DemoCurriculum.GENERATED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportSchemaValidatorTest {

    private static final ExportSchemaValidator VALIDATOR = new ExportSchemaValidator();
    private static final PlanFilesBuilder BUILDER = new PlanFilesBuilder();

    private static final PlanFiles DEMO = BUILDER.build(DemoCurriculum.planP1(), BUILD, GENERATED_AT);
    /** The demo plan plus a subject big enough to shard the index, so every file kind is there. */
    private static final PlanFiles SHARDED = BUILDER.build(GeneratedPlans.plan("BIG", 320, 0, 180), BUILD,
                                                           GENERATED_AT);

    @ParameterizedTest
    @EnumSource(FileKind.class)
    void everyFileKindTheBuilderMakesIsValid(FileKind kind) {
        List<GeneratedFile> files = kind == FileKind.SEARCH_SHARD ? SHARDED.files(kind) : DEMO.files(kind);

        assertThat(files).isNotEmpty();
        files.forEach(file -> assertThat(VALIDATOR.violations(file)).as(file.path()).isEmpty());
    }

    @Test
    void wholePlansPass() {
        assertThatCode(() -> VALIDATOR.requireValid(DEMO.files())).doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.requireValid(SHARDED.files())).doesNotThrowAnyException();
    }

    // ---- broken files are rejected with the file and the place --------------------------------------------------

    private static GeneratedFile broken(String path, Consumer<ObjectNode> damage) {
        GeneratedFile original = (path.contains("/search/") ? SHARDED : DEMO).file(path).orElseThrow();
        ObjectNode json = original.json().deepCopy();
        damage.accept(json);
        return new GeneratedFile(original.kind(), original.path(), json, original.bytes());
    }

    private static List<String> violations(GeneratedFile file) {
        return VALIDATOR.violations(file).stream().map(SchemaViolation::toString).toList();
    }

    @Test
    void unknownFieldIsRejected() {
        GeneratedFile file = broken("plans/P1/lessons/L2.json", json -> json.put("lesson_body", "secret"));

        assertThat(violations(file)).singleElement().asString()
                .startsWith("plans/P1/lessons/L2.json at /: ")
                .contains("lesson_body");
    }

    @Test
    void wrongTypeIsRejectedAtItsPointer() {
        GeneratedFile file = broken("plans/P1/units/U2.json",
                                    json -> ((ObjectNode) json.at("/topics/0/lessons/1")).put("stage_count", "one"));

        assertThat(violations(file)).singleElement().asString()
                .startsWith("plans/P1/units/U2.json at /topics/0/lessons/1/stage_count: ")
                .contains("string found, integer expected");
    }

    @Test
    void unknownAccessLevelIsRejected() {
        GeneratedFile file = broken("plans/P1/manifest.json",
                                    json -> ((ObjectNode) json.at("/subjects/1/access")).put("access_level", "vip"));

        assertThat(violations(file)).singleElement().asString()
                .startsWith("plans/P1/manifest.json at /subjects/1/access/access_level: ")
                .contains("enumeration");
    }

    @Test
    void paidWithoutItemAndItemWithoutPaidAreRejected() {
        GeneratedFile paidWithoutItem = broken("plans/P1/subjects/MATH.json",
                                               json -> ((ObjectNode) json.get("access")).remove("required_item"));
        GeneratedFile itemOnFreeNode = broken("plans/P1/subjects/MATH.json",
                                              json -> ((ObjectNode) json.at("/tracks/0/units/0/access"))
                                                      .put("required_item", "ITEM-MATH"));

        assertThat(violations(paidWithoutItem)).anySatisfy(violation -> assertThat(violation)
                .startsWith("plans/P1/subjects/MATH.json at /access: ").contains("required_item"));
        assertThat(violations(itemOnFreeNode)).anySatisfy(violation -> assertThat(violation)
                .startsWith("plans/P1/subjects/MATH.json at /tracks/0/units/0/access: "));
    }

    @Test
    void saleFlagsOnlyOnTracks() {
        GeneratedFile flagsOnUnit = broken("plans/P1/units/U2.json",
                                           json -> ((ObjectNode) json.get("access")).put("is_sold_separately", true));
        GeneratedFile trackWithoutFlags = broken("plans/P1/subjects/MATH.json",
                                                 json -> ((ObjectNode) json.at("/tracks/1/access"))
                                                         .remove("parent_item_required"));

        assertThat(violations(flagsOnUnit)).singleElement().asString().contains("is_sold_separately");
        assertThat(violations(trackWithoutFlags)).singleElement().asString()
                .startsWith("plans/P1/subjects/MATH.json at /tracks/1/access: ").contains("parent_item_required");
    }

    @Test
    void unknownStageTypeIsRejected() {
        GeneratedFile file = broken("plans/P1/lessons/L2.json",
                                    json -> ((ObjectNode) json.at("/stages/2")).put("type", "Essay"));

        assertThat(violations(file)).singleElement().asString()
                .startsWith("plans/P1/lessons/L2.json at /stages/2/type: ");
    }

    @Test
    void absoluteLinksAndTraversalInLinksAreRejected() {
        GeneratedFile absolute = broken("plans/P1/lessons/L2.json",
                                        json -> ((ObjectNode) json.at("/navigation/next_lesson"))
                                                .put("url", "https://cdn.memora.app/plans/P1/lessons/L5.json"));
        GeneratedFile traversal = broken("plans/P1/manifest.json",
                                         json -> json.put("search_index_url", "plans/../search_index.json"));

        assertThat(violations(absolute)).singleElement().asString()
                .startsWith("plans/P1/lessons/L2.json at /navigation/next_lesson/url: ").contains("pattern");
        assertThat(violations(traversal)).singleElement().asString()
                .startsWith("plans/P1/manifest.json at /search_index_url: ");
    }

    @Test
    void timestampWithoutUtcOffsetIsRejected() {
        GeneratedFile file = broken("plans/P1/search_index.json",
                                    json -> json.put("generated_at", "2026-01-25T10:00:00"));

        assertThat(violations(file)).isNotEmpty()
                                    .allSatisfy(violation -> assertThat(violation)
                                            .startsWith("plans/P1/search_index.json at /generated_at: "));
    }

    @Test
    void searchIndexMustBeEitherEntriesOrShards() {
        GeneratedFile both = broken("plans/P1/search_index.json", json -> json.putArray("shards"));
        GeneratedFile claimsSharded = broken("plans/P1/search_index.json", json -> json.put("is_sharded", true));

        assertThat(violations(both)).isNotEmpty();
        assertThat(violations(claimsSharded)).isNotEmpty();
    }

    @Test
    void fileAtTheWrongPathIsRejected() {
        GeneratedFile lesson = DEMO.file("plans/P1/lessons/L2.json").orElseThrow();
        GeneratedFile misplaced = new GeneratedFile(FileKind.LESSON, "lessons/L2.json", lesson.json(),
                                                    lesson.bytes());

        assertThat(violations(misplaced)).containsExactly(
                "lessons/L2.json at /: a lesson file cannot live at this path (decisions F1, I1)");
    }

    @Test
    void requireValidNamesEveryBrokenFile() {
        GeneratedFile badLesson = broken("plans/P1/lessons/L2.json", json -> json.remove("parent"));
        GeneratedFile badUnit = broken("plans/P1/units/U2.json", json -> json.put("title", ""));

        assertThatThrownBy(() -> VALIDATOR.requireValid(List.of(DEMO.files().get(0), badLesson, badUnit)))
                .isInstanceOfSatisfying(ExportSchemaViolationException.class, e -> {
                    assertThat(e.violations()).extracting(SchemaViolation::path, SchemaViolation::pointer)
                                              .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                                                       "plans/P1/lessons/L2.json", ""),
                                                               org.assertj.core.groups.Tuple.tuple(
                                                                       "plans/P1/units/U2.json", "/title"));
                    assertThat(e.getMessage()).startsWith("2 schema violations in 2 files: "
                                                          + "plans/P1/lessons/L2.json at /: ")
                                              .contains("parent")
                                              .contains("plans/P1/units/U2.json at /title: ");
                });
    }
}
