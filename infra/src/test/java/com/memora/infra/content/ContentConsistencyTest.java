package com.memora.infra.content;

import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-side lookup is written with the events and guards rules that span aggregates, also under races. */
class ContentConsistencyTest extends IntegrationTest {

    @Autowired
    ProjectionReplays replays;

    @Test
    void theLookupIsUpToDateTheMomentACommandReturns() {
        ContentApi content = new ContentApi(api(TestTokens.editor()), replays, jdbc);
        Map<String, String> ids = content.tree();
        assertThat(jdbc.sql("select state from content_registry where kind = 'lesson' and id = ?")
                       .param(ids.get("lesson")).query(String.class).single()).isEqualTo("ACTIVE");
        api(TestTokens.editor()).delete("/api/topics/" + ids.get("topic"));
        assertThat(jdbc.sql("select state from content_registry where kind = 'topic' and id = ?")
                       .param(ids.get("topic")).query(String.class).single()).isEqualTo("TRASHED");
    }

    /**
     * Editors keep adding lessons to a topic while an administrator deletes the topic for good: whichever wins
     * each race, no lesson is ever left under a deleted topic.
     */
    @Test
    void concurrentCreatesAndAPermanentDeleteNeverLeaveAnOrphan() throws Exception {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        ContentApi content = new ContentApi(editor, replays, jdbc);
        Map<String, String> ids = content.tree();
        String topic = ids.get("topic");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            work.add(() -> editor.post("/api/lessons", ContentApi.lesson(Ids.node("L"), topic)).status());
            if (i % 10 == 3) {
                work.add(() -> admin.delete("/api/topics/" + topic + "?permanent=true&confirm=true").status());
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(work)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).as("every answer is a success or a clear refusal, never a 500")
                            .allMatch(status -> List.of(200, 201, 400, 404, 409).contains(status));

        long orphans = jdbc.sql("""
                                select count(*) from content_registry lesson
                                join content_registry parent on parent.kind = 'topic' and parent.id = lesson.parent_id
                                where lesson.kind = 'lesson' and lesson.state <> 'DELETED'
                                  and parent.state = 'DELETED'
                                """).query(Long.class).single();
        assertThat(orphans).isZero();

        assertThat(admin.delete("/api/topics/" + topic + "?permanent=true&confirm=true").status())
                .as("once the editors stop, the delete goes through").isIn(200, 404);
        String topicState = jdbc.sql("select state from content_registry where kind = 'topic' and id = ?")
                                .param(topic).query(String.class).single();
        long liveLessons = jdbc.sql("""
                                    select count(*) from content_registry
                                    where kind = 'lesson' and parent_id = ? and state <> 'DELETED'
                                    """).param(topic).query(Long.class).single();
        assertThat(topicState).isEqualTo("DELETED");
        assertThat(liveLessons).isZero();
    }
}
