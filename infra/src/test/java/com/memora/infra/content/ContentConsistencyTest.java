package com.memora.infra.content;

import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.HeldLock;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command-side lookup is written with the events and guards rules that span aggregates, also under races. */
class ContentConsistencyTest extends IntegrationTest {

    @Autowired
    ProjectionReplays replays;

    @Autowired
    DataSource dataSource;

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
     * The registry is written in the transaction that appends the event, by a processor without a dead-letter
     * queue: when that write fails (here a database trigger refuses it), the command fails and no event is stored.
     */
    @Test
    void aFailingRegistryWriteFailsTheCommandAndStoresNoEvent() {
        String id = Ids.node("REFUSED");
        jdbc.sql("""
                 create or replace function refuse_registry_row() returns trigger language plpgsql as $$
                 begin
                     if new.id = '%s' then raise exception 'registry write refused for the test'; end if;
                     return new;
                 end $$
                 """.formatted(id)).update();
        jdbc.sql("create trigger refuse_registry_row before insert on content_registry "
                 + "for each row execute function refuse_registry_row()").update();
        try {
            ApiClient.Response response = api(TestTokens.editor()).post("/api/subjects",
                                                                        Map.of("id", id, "title", "Never stored"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("registry write refused");
        } finally {
            jdbc.sql("drop trigger refuse_registry_row on content_registry").update();
            jdbc.sql("drop function refuse_registry_row()").update();
        }
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                       .param("subject:" + id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dead_letter_entry where aggregate_identifier = ?")
                       .param("subject:" + id).query(Long.class).single()).isZero();
        assertThat(api(TestTokens.editor()).post("/api/subjects", Map.of("id", id, "title", "Stored now"))
                                           .status()).as("nothing half-done blocks a retry").isEqualTo(201);
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

    /**
     * A permanent delete lists the sub-tree, then deletes node by node. A lesson an editor moves to another unit
     * after the listing (here: while the cascade waits for a lock on the lesson it deletes first) is no longer the
     * cascade's to delete: it stays, under its new topic.
     */
    @Test
    void aNodeMovedOutOfASubtreeWhileTheSubtreeIsDeletedStays() throws Exception {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        ContentApi content = new ContentApi(editor, replays, jdbc);
        Map<String, String> ids = content.tree();
        String unit = ids.get("unit");
        String deletedFirst = ids.get("lesson");
        // the cascade deletes the lessons in id order: this one after the first
        String moved = content.create("lessons", ContentApi.lesson(deletedFirst + "-Z", ids.get("topic")));
        String otherUnit = content.create("units", Map.of("id", Ids.node("U"), "title", "Other unit",
                                                          "parent_track", ids.get("track")));
        String otherTopic = content.create("topics", Map.of("id", Ids.node("TP"), "title", "Other topic",
                                                            "parent_unit", otherUnit));

        CompletableFuture<ApiClient.Response> deletion;
        try (HeldLock lock = HeldLock.take(dataSource, "select id from content_registry where kind = 'lesson' "
                                                       + "and id = ? for update", deletedFirst)) {
            deletion = CompletableFuture.supplyAsync(
                    () -> admin.delete("/api/units/" + unit + "?permanent=true&confirm=true"));
            HeldLock.awaitWaiting(jdbc, 1, "content_registry");
            ApiClient.Response move = editor.patch("/api/lessons/" + moved, Map.of("parent_topic", otherTopic));
            assertThat(move.status()).as("%s", move).isEqualTo(200);
        }
        ApiClient.Response deleted = deletion.get(30, TimeUnit.SECONDS);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json().get("deleted_descendants").asInt()).as("the first lesson and the topic")
                                                                    .isEqualTo(2);

        assertThat(registryState("lesson", moved)).isEqualTo("ACTIVE");
        assertThat(registryState("lesson", deletedFirst)).isEqualTo("DELETED");
        assertThat(registryState("unit", unit)).isEqualTo("DELETED");
        content.awaitCaughtUp();
        ApiClient.Response stayed = editor.get("/api/lessons/" + moved);
        assertThat(stayed.status()).as("%s", stayed).isEqualTo(200);
        assertThat(stayed.json().get("parent_topic").asText()).isEqualTo(otherTopic);
        assertThat(stayed.json().get("stages")).hasSize(2);
        assertThat(editor.get("/api/units/" + unit).status()).isEqualTo(404);
    }

    /**
     * A plan's new subject list is checked with the subjects locked: a permanent delete of one of them that starts
     * meanwhile waits, then sees the plan listing it and is refused. Without the lock both would succeed and the
     * plan would list a subject that no longer exists. (The plan's command is held just after its check, by a lock
     * on the plan's row in the subject lookup that its write needs.)
     */
    @Test
    void aPlanListingASubjectAndThatSubjectsPermanentDeleteNeverBothSucceed() throws Exception {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        ContentApi content = new ContentApi(editor, replays, jdbc);
        String plan = planListing(editor, content.create("subjects", Map.of("id", Ids.node("S"), "title", "Kept")));
        Map<String, String> subject = content.tree();

        CompletableFuture<ApiClient.Response> listing;
        CompletableFuture<ApiClient.Response> deletion;
        try (HeldLock lock = HeldLock.take(dataSource, "select * from plan_subject_registry where plan_id = ? "
                                                       + "for update", plan)) {
            listing = CompletableFuture.supplyAsync(() -> editor.put("/api/plans/" + plan + "/subjects", List.of(
                    Map.of("subject", subject.get("subject")))));
            HeldLock.awaitWaiting(jdbc, 1, "plan_subject_registry");
            deletion = CompletableFuture.supplyAsync(
                    () -> admin.delete("/api/subjects/" + subject.get("subject") + "?permanent=true&confirm=true"));
            await().atMost(Duration.ofSeconds(20))
                   .until(() -> deletion.isDone() || HeldLock.waiting(jdbc, "content_registry") >= 1);
        }
        assertThat(listing.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        ApiClient.Response deleted = deletion.get(30, TimeUnit.SECONDS);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(409);
        assertThat(deleted.json().get("type").asText()).isEqualTo("urn:memora:problem:subject-in-plans");
        assertThat(registryState("subject", subject.get("subject"))).isEqualTo("ACTIVE");
        assertThat(registryState("lesson", subject.get("lesson"))).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("""
                            select count(*) from plan_subject_registry listing
                            join content_registry subject on subject.kind = 'subject' and subject.id = listing.subject_id
                            where listing.plan_id = ? and subject.state = 'DELETED'
                            """).param(plan).query(Long.class).single())
                .as("the plan lists no deleted subject").isZero();
    }

    /**
     * An override's target is checked with the target locked: a permanent delete of the target that starts meanwhile
     * waits until the override is stored. Without the lock the target could be deleted between the check and the
     * override's event, which would then add an override for a node that was already gone. (The plan's command is
     * held just before its event is stored, by an uncommitted row taking the event's place in the store; the
     * events' global index cannot show the order, as it is drawn before the insert waits.)
     */
    @Test
    void anOverrideIsNeverAddedForATargetDeletedAfterItsCheck() throws Exception {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        ContentApi content = new ContentApi(editor, replays, jdbc);
        Map<String, String> tree = content.tree();
        String plan = planListing(editor, tree.get("subject"));
        String lesson = tree.get("lesson");
        long nextSequence = jdbc.sql("select max(sequence_number) + 1 from domain_event_entry "
                                     + "where aggregate_identifier = ?")
                                .param("plan:" + plan).query(Long.class).single();

        CompletableFuture<ApiClient.Response> adding;
        CompletableFuture<ApiClient.Response> deletion;
        try (HeldLock placeholder = HeldLock.take(dataSource, """
                insert into domain_event_entry (aggregate_identifier, sequence_number, event_identifier, payload,
                                                payload_type, time_stamp)
                values (?, ?, ?, ?, 'test-placeholder', '2026-01-01T00:00:00Z')
                """, "plan:" + plan, nextSequence, UUID.randomUUID().toString(), new byte[]{'{', '}'})) {
            adding = CompletableFuture.supplyAsync(() -> editor.post("/api/plans/" + plan + "/overrides", Map.of(
                    "target_type", "Lesson", "target_id", lesson, "action", "Hide")));
            HeldLock.awaitWaiting(jdbc, 1, "domain_event_entry");
            deletion = CompletableFuture.supplyAsync(
                    () -> admin.delete("/api/lessons/" + lesson + "?permanent=true&confirm=true"));
            await().atMost(Duration.ofSeconds(20))
                   .until(() -> deletion.isDone() || HeldLock.waiting(jdbc, "content_registry") >= 1);
            assertThat(deletion.isDone()).as("the delete waits for the transaction that checked the target")
                                         .isFalse();
        }
        ApiClient.Response added = adding.get(30, TimeUnit.SECONDS);
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(deletion.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(eventCount("plan:" + plan, "%PlanOverrideAddedEvent")).isEqualTo(1);
        assertThat(eventCount("lesson:" + lesson, "%ContentNodeDeletedEvent")).isEqualTo(1);
    }

    private String planListing(ApiClient editor, String subjectId) {
        String season = Ids.season();
        assertThat(editor.post("/api/seasons", Map.of("id", season, "title", "S", "start_date", "2026-09-01",
                                                      "end_date", "2027-06-30")).status()).isEqualTo(201);
        String plan = Ids.node("P");
        assertThat(editor.post("/api/plans", Map.of("id", plan, "title", "Plan", "season", season, "stream", "SCI",
                                                    "grade", "G12")).status()).isEqualTo(201);
        assertThat(editor.put("/api/plans/" + plan + "/subjects", List.of(Map.of("subject", subjectId))).status())
                .isEqualTo(200);
        return plan;
    }

    private String registryState(String kind, String id) {
        return jdbc.sql("select state from content_registry where kind = ? and id = ?").params(kind, id)
                   .query(String.class).single();
    }

    private long eventCount(String aggregate, String payloadType) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like ?")
                   .params(aggregate, payloadType).query(Long.class).single();
    }
}
