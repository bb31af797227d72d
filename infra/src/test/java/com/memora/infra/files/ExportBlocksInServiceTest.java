package com.memora.infra.files;

import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
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
import com.memora.projection.export.files.FileChange;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.schema.ExportSchemaValidator;
import com.memora.projection.export.staging.DiskSpace;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.export.staging.WriteOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The export's building blocks as the running service wires them: build, validate and stage a plan under the
 * configured content root, the way the export pipeline will (F5: only files whose meaning changed are written).
 */
class ExportBlocksInServiceTest extends IntegrationTest {

    @Autowired
    PlanFilesBuilder builder;

    @Autowired
    ExportSchemaValidator validator;

    @Autowired
    LocalContentStore store;

    private static LessonContent lesson(String id, String title, int sortOrder) {
        return new LessonContent(NodeDetails.published(id, title, sortOrder),
                                 List.of(new StageContent("Read", StageType.TEXT, null)));
    }

    private static PlanContent plan(String planId, String secondLessonTitle) {
        TopicContent topic = new TopicContent(NodeDetails.published("TP", "Topic", 1), List.of(
                lesson("LA", "First", 1), lesson("LB", secondLessonTitle, 2), lesson("LC", "Third", 3)));
        UnitContent unit = new UnitContent(NodeDetails.published("U", "Unit", 1), null, List.of(topic));
        TrackContent track = new TrackContent(NodeDetails.published("T", "Track", 1), null, false, false,
                                              List.of(unit));
        SubjectContent subject = new SubjectContent(NodeDetails.published("S", "علوم", 1), null, true, null,
                                                    List.of(track));
        return new PlanContent(new ExportPlan(planId, "Plan " + planId, null, null, null),
                               List.of(new PlanSubject(subject, 1)), List.of());
    }

    /** What the pipeline will do per file: compare meanings, write only what changed. */
    private Map<String, WriteOutcome> stage(PlanFiles files) {
        validator.requireValid(files.files());
        return files.files().stream()
                    .filter(file -> FileChange.of(file, store.read(file.path()).orElse(null)).mustWrite())
                    .collect(Collectors.toMap(GeneratedFile::path, file -> store.write(file.path(), file.bytes())));
    }

    @Test
    void contentRootIsInsideTheDataDirectoryByDefault() throws IOException {
        assertThat(((FileSystemContentStore) store).root()).isEqualTo(dataDir().resolve("content").toRealPath());
    }

    @Test
    void aOneLessonEditRewritesOnlyTheFilesWhoseMeaningChanged() throws IOException {
        String planId = Ids.node("PLAN");
        Instant first = Instant.parse("2026-02-01T09:00:00Z");

        Map<String, WriteOutcome> initial = stage(builder.build(plan(planId, "Second"), 100, first));
        Map<String, WriteOutcome> rebuiltLater = stage(builder.build(plan(planId, "Second"), 101,
                                                                     first.plusSeconds(300)));
        Map<String, WriteOutcome> afterEdit = stage(builder.build(plan(planId, "Second, revised"), 102,
                                                                  first.plusSeconds(600)));

        String p = "plans/" + planId;
        assertThat(initial).hasSize(7).containsValue(WriteOutcome.WRITTEN);
        assertThat(rebuiltLater).isEmpty();
        assertThat(afterEdit.keySet()).containsExactlyInAnyOrder(
                p + "/lessons/LB.json",            // the lesson itself
                p + "/lessons/LA.json",            // its neighbours' navigation titles
                p + "/lessons/LC.json",
                p + "/units/U.json",               // the lesson summary
                p + "/search_index.json");         // the search entry
        assertThat(store.list(p)).hasSize(7);
        assertThat(dataDir().resolve("content").resolve(p + "/manifest.json"))
                .content().contains("\"version\": 100");
        assertThat(dataDir().resolve("content").resolve(p + "/lessons/LB.json"))
                .content().contains("\"version\": 102").contains("\"title\": \"Second, revised\"");
        assertThat(dataDir().resolve("content").resolve(p + "/lessons/LB.json.prev"))
                .content().contains("\"version\": 100");
    }

    @Test
    void lowDiskStopsWritesThroughTheServiceProbe() {
        String path = "plans/" + Ids.node("PLAN") + "/manifest.json";
        freeSpace.simulate(new DiskSpace(5, 100));

        assertThatThrownBy(store::requireFreeSpace).isInstanceOf(InsufficientDiskSpaceException.class);
        assertThatThrownBy(() -> store.write(path, "{}".getBytes())).isInstanceOf(InsufficientDiskSpaceException.class);
        assertThat(store.exists(path)).isFalse();

        freeSpace.reset();
        assertThat(store.write(path, "{}".getBytes())).isEqualTo(WriteOutcome.WRITTEN);
    }
}
