package com.memora.infra.files;

import com.memora.projection.export.pipeline.ParallelStaging;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.ContentStorageException;
import com.memora.projection.export.staging.WriteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several writers per publication level, on a real directory: every file whole, levels strictly in order (F3). */
class ParallelStagingTest {

    @TempDir
    Path root;

    private FileSystemContentStore store;
    private ParallelStaging staging;

    @BeforeEach
    void setUp() {
        store = new FileSystemContentStore(root, 0.0, FreeSpaceProbe.fileStore());
        staging = new ParallelStaging(store, 4);
    }

    @AfterEach
    void tearDown() {
        staging.close();
    }

    /** 300 lessons, 3 units, a subject, the index and the manifest, in publication order. */
    private static List<ContentFile> plan(String version) {
        List<ContentFile> files = new ArrayList<>();
        for (int lesson = 0; lesson < 300; lesson++) {
            files.add(file("plans/P1/lessons/L" + lesson + ".json", version));
        }
        for (int unit = 0; unit < 3; unit++) {
            files.add(file("plans/P1/units/U" + unit + ".json", version));
        }
        files.add(file("plans/P1/subjects/S.json", version));
        files.add(file("plans/P1/search_index.json", version));
        files.add(file("plans/P1/manifest.json", version));
        return files;
    }

    private static ContentFile file(String path, String version) {
        return new ContentFile(path, ("{\"path\": \"" + path + "\", \"v\": \"" + version + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFileIsWrittenWholeAndOutcomesComeInTheOrderGiven() throws IOException {
        List<ContentFile> files = plan("1");

        Map<String, WriteOutcome> outcomes = staging.writeAll(files);

        assertThat(List.copyOf(outcomes.keySet())).isEqualTo(files.stream().map(ContentFile::path).toList());
        assertThat(outcomes.values()).containsOnly(WriteOutcome.WRITTEN);
        for (ContentFile file : files) {
            assertThat(Files.readAllBytes(root.resolve(file.path()))).as(file.path()).isEqualTo(file.bytes());
        }
        assertThat(staging.writeAll(plan("1")).values()).as("same bytes again").containsOnly(WriteOutcome.UNCHANGED);
    }

    @Test
    void aLevelStartsOnlyOnceTheLevelBeforeItIsComplete() throws IOException {
        staging.writeAll(plan("1"));

        FileTime lastLesson = FileTime.fromMillis(0);
        for (int lesson = 0; lesson < 300; lesson++) {
            FileTime written = Files.getLastModifiedTime(root.resolve("plans/P1/lessons/L" + lesson + ".json"));
            lastLesson = written.compareTo(lastLesson) > 0 ? written : lastLesson;
        }
        FileTime firstUnit = Files.getLastModifiedTime(root.resolve("plans/P1/units/U0.json"));
        FileTime manifest = Files.getLastModifiedTime(root.resolve("plans/P1/manifest.json"));
        assertThat(firstUnit).isGreaterThanOrEqualTo(lastLesson);
        assertThat(manifest).isGreaterThanOrEqualTo(firstUnit);
    }

    @Test
    void aFailingWriterStopsTheLaterLevelsAndTheFailureIsThrown() throws Exception {
        store.write("plans/P1/lessons/L0.json", "old".getBytes(StandardCharsets.UTF_8));

        try (ReadOnlyDirectory readOnly = ReadOnlyDirectory.of(root.resolve("plans/P1/lessons"))) {
            assertThatThrownBy(() -> staging.writeAll(plan("2")))
                    .isInstanceOfSatisfying(ContentStorageException.class, e -> assertThat(e.reason())
                            .isEqualTo(ContentStorageException.Reason.PERMISSION_DENIED));
        }
        assertThat(root.resolve("plans/P1/lessons/L0.json")).hasContent("old");
        assertThat(root.resolve("plans/P1/units")).doesNotExist();
        assertThat(root.resolve("plans/P1/manifest.json")).doesNotExist();
    }

    @Test
    void oneWriterWritesEverythingInOrderOnTheCallersThread() {
        try (ParallelStaging single = new ParallelStaging(store, 1)) {
            assertThat(single.writeAll(plan("3"))).hasSize(306).containsValue(WriteOutcome.WRITTEN);
        }
        assertThatThrownBy(() -> new ParallelStaging(store, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
