package com.memora.projection.export.pipeline;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentNodeMovedEvent;
import com.memora.kernel.plan.PlanOverrideAddedEvent;
import com.memora.kernel.plan.PlanSubjectsReplacedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reasons operators read in the queue and the sync log. */
class DirtyPlanMarkerTest {

    @Test
    void reasonsNameWhatHappened() {
        assertThat(DirtyPlanMarker.verb(new ContentNodeMovedEvent(ContentKind.UNIT, "U1", "T1", List.of(), "T2",
                                                                  List.of()))).isEqualTo("moved");
        assertThat(DirtyPlanMarker.verb(new PlanOverrideAddedEvent("P1", null))).isEqualTo("override added");
        assertThat(DirtyPlanMarker.verb(new PlanSubjectsReplacedEvent("P1", List.of(), List.of())))
                .isEqualTo("subjects replaced");
    }
}
