package com.memora.infra.season;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SeasonApiTest extends IntegrationTest {

    private ApiClient editor() {
        return api(TestTokens.editor());
    }

    private static Map<String, Object> season(String id) {
        return Map.of("id", id, "title", "Season " + id, "start_date", "2026-09-01", "end_date", "2027-06-30");
    }

    private JsonNode awaitSeason(String id, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            ApiClient.Response response = editor().get("/api/seasons/" + id);
            return response.status() == 200 ? response.json() : null;
        }, json -> json != null && condition.test(json));
    }

    @Test
    void createsChangesAndReadsASeason() {
        String id = Ids.season();
        ApiClient.Response created = editor().post("/api/seasons", season(id));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo(id);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/seasons/" + id);

        JsonNode read = awaitSeason(id, json -> true);
        assertThat(read.get("title").asText()).isEqualTo("Season " + id);
        assertThat(read.get("start_date").asText()).isEqualTo("2026-09-01");
        assertThat(read.get("end_date").asText()).isEqualTo("2027-06-30");
        assertThat(read.get("is_active").asBoolean()).isFalse();
        assertThat(read.get("enable_redis").asBoolean()).isTrue();
        assertThat(read.get("auto_archive").asBoolean()).isFalse();

        ApiClient.Response changed = editor().patch("/api/seasons/" + id,
                                                     Map.of("title", "تجريبي", "auto_archive", true));
        assertThat(changed.status()).isEqualTo(200);
        JsonNode after = awaitSeason(id, json -> json.get("auto_archive").asBoolean());
        assertThat(after.get("title").asText()).isEqualTo("تجريبي");
        assertThat(after.get("end_date").asText()).isEqualTo("2027-06-30");

        assertThat(editor().get("/api/seasons").json().get("seasons").findValuesAsText("id")).contains(id);
    }

    @Test
    void aPlayerCanReadSeasonsButNotChangeThem() {
        String id = Ids.season();
        editor().post("/api/seasons", season(id));
        awaitSeason(id, json -> true);

        ApiClient player = api(TestTokens.player("p-1"));
        assertThat(player.get("/api/seasons/" + id).status()).isEqualTo(200);
        ApiClient.Response refused = player.post("/api/seasons", season(Ids.season()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:memora:problem:forbidden");
    }

    @Test
    void anAdminMayDoWhatAnEditorMay() {
        assertThat(api(TestTokens.admin()).post("/api/seasons", season(Ids.season())).status()).isEqualTo(201);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        ApiClient.Response response = anonymous().post("/api/seasons", season(Ids.season()));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.json().get("detail").asText()).isEqualTo("A bearer token is required");
        assertThat(anonymous().get("/api/seasons").status()).isEqualTo(401);
    }

    @Test
    void anExpiredOrForeignTokenIs401() {
        String expired = TestTokens.token("editor-1", Duration.ofSeconds(-120), "EDITOR");
        ApiClient.Response response = api(expired).get("/api/seasons");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).contains("invalid or expired");
        assertThat(api("not-a-jwt").get("/api/seasons").status()).isEqualTo(401);
    }

    @Test
    void aDuplicateIdIs409AndChangesNothing() {
        String id = Ids.season();
        assertThat(editor().post("/api/seasons", season(id)).status()).isEqualTo(201);
        ApiClient.Response duplicate = editor().post("/api/seasons",
                                                     Map.of("id", id, "title", "Other", "start_date", "2020-01-01",
                                                            "end_date", "2020-12-31"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asText()).isEqualTo("urn:memora:problem:duplicate-id");
        assertThat(awaitSeason(id, json -> true).get("title").asText()).isEqualTo("Season " + id);
    }

    @Test
    void anEndBeforeTheStartIs400NamingTheField() {
        ApiClient.Response response = editor().post("/api/seasons",
                                                    Map.of("id", Ids.season(), "title", "T",
                                                           "start_date", "2027-01-01", "end_date", "2026-01-01"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("end_date");
        assertThat(response.json().get("detail").asText()).contains("before start_date");
    }

    @Test
    void missingAndMalformedFieldsAre400WithTheField() {
        ApiClient.Response missing = editor().post("/api/seasons", Map.of("id", Ids.season(), "title", "T",
                                                                          "start_date", "2026-01-01"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("end_date");

        ApiClient.Response badId = editor().post("/api/seasons", season("season-2026"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("field").asText()).isEqualTo("id");

        ApiClient.Response badDate = editor().post("/api/seasons", Map.of("id", Ids.season(), "title", "T",
                                                                          "start_date", "2026-13-01",
                                                                          "end_date", "2026-12-01"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("field").asText()).isEqualTo("start_date");
        assertThat(badDate.json().get("detail").asText()).contains("date (YYYY-MM-DD)");

        ApiClient.Response unknown = editor().post("/api/seasons", Map.of("id", Ids.season(), "title", "T",
                                                                          "start_date", "2026-01-01",
                                                                          "end_date", "2026-12-01",
                                                                          "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("colour");

        ApiClient.Response notJson = editor().post("/api/seasons", "{\"id\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("type").asText()).isEqualTo("urn:memora:problem:malformed-json");
        assertThat(notJson.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void autoArchiveOnAnActiveSeasonIs400() {
        String id = Ids.season();
        editor().post("/api/seasons", Map.of("id", id, "title", "T", "start_date", "2026-01-01",
                                             "end_date", "2026-12-01", "is_active", true));
        ApiClient.Response response = editor().patch("/api/seasons/" + id, Map.of("auto_archive", true));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("auto_archive");
    }

    @Test
    void changingOrReadingAnUnknownSeasonIs404() {
        String id = Ids.season();
        ApiClient.Response change = editor().patch("/api/seasons/" + id, Map.of("title", "x"));
        assertThat(change.status()).isEqualTo(404);
        assertThat(change.json().get("detail").asText()).isEqualTo("No season with id '" + id + "'");
        assertThat(editor().get("/api/seasons/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPatchOnAMalformedIdIs400() {
        ApiClient.Response response = editor().patch("/api/seasons/not-a-season", Map.of("title", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("id");
    }

    @Test
    void aBlankTitleInAPatchIs400() {
        String id = Ids.season();
        editor().post("/api/seasons", season(id));
        ApiClient.Response response = editor().patch("/api/seasons/" + id, Map.of("title", "  "));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("title");
    }

    @Test
    void eventsRecordWhoSentTheCommand() {
        String id = Ids.season();
        api(TestTokens.token("editor-42", "EDITOR")).post("/api/seasons", season(id));
        // the creation; the partition manager's asynchronous event is the system's, not the editor's
        byte[] metaData = jdbc.sql("select meta_data from domain_event_entry where aggregate_identifier = ?"
                                   + " and payload_type like '%SeasonCreatedEvent'")
                              .param("season:" + id).query(byte[].class).single();
        assertThat(new String(metaData)).contains("\"user_id\":\"editor-42\"");
    }
}
