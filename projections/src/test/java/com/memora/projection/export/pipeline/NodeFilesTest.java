package com.memora.projection.export.pipeline;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files that go at once when a node is trashed or deleted (decisions F1, F8). */
class NodeFilesTest {

    @Test
    void aLessonHasItsLessonFile() {
        assertThat(NodeFiles.of("P1", ContentKind.LESSON, "L1", List.of()))
                .containsExactly(Removal.file("plans/P1/lessons/L1.json"));
    }

    @Test
    void aUnitTakesItsLessonsWithIt() {
        List<ContentRef> below = List.of(new ContentRef(ContentKind.TOPIC, "T1"),
                                         new ContentRef(ContentKind.LESSON, "L1"),
                                         new ContentRef(ContentKind.LESSON, "L2"));
        assertThat(NodeFiles.of("P1", ContentKind.UNIT, "U1", below)).containsExactly(
                Removal.file("plans/P1/units/U1.json"), Removal.file("plans/P1/lessons/L1.json"),
                Removal.file("plans/P1/lessons/L2.json"));
    }

    @Test
    void tracksAndTopicsHaveNoFileOfTheirOwn() {
        assertThat(NodeFiles.of("P1", ContentKind.TOPIC, "T1", List.of())).isEmpty();
        assertThat(NodeFiles.of("P1", ContentKind.TRACK, "T1", List.of(new ContentRef(ContentKind.UNIT, "U1"))))
                .containsExactly(Removal.file("plans/P1/units/U1.json"));
    }

    @Test
    void aSubjectTakesItsFileAndItsSearchShard() {
        assertThat(NodeFiles.of("P1", ContentKind.SUBJECT, "MATH", List.of())).containsExactly(
                Removal.file("plans/P1/subjects/MATH.json"), Removal.file("plans/P1/search/MATH.json"));
    }

    @Test
    void anIdThatCannotBeAPathIsRefusedBeforeAnythingIsDeleted() {
        assertThatThrownBy(() -> NodeFiles.of("P1", ContentKind.LESSON, "../etc", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
