package com.memora.infra.web;

import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defects {@link NoServerErrorForBadInputTest} found, one assertion each: the specific problem a client now gets
 * where it got a 500, an HTML page, a class name or its own input back — and nothing stored.
 */
class BadInputProblemsTest extends IntegrationTest {

    private final ApiClient admin() {
        return api(TestTokens.admin());
    }

    @Test
    void aFieldOfTheWrongJsonTypeSaysWhichTypeWithoutOurClassNames() {
        ApiClient.Response object = admin().patch("/api/seasons/" + Ids.season(), "{\"title\": {\"a\": 1}}");
        assertProblem(object, 400, "validation");
        assertThat(object.json().get("field").asText()).isEqualTo("title");
        assertThat(object.json().get("detail").asText()).isEqualTo("title: must be a JSON string");

        ApiClient.Response number = admin().patch("/api/lessons/" + Ids.node("L"), "{\"stages\": 5}");
        assertProblem(number, 400, "validation");
        assertThat(number.json().get("detail").asText()).isEqualTo("stages: must be a JSON array");

        ApiClient.Response element = admin().put("/api/plans/" + Ids.node("P") + "/subjects", "[5]");
        assertProblem(element, 400, "validation");
        assertThat(element.json().get("detail").asText()).isEqualTo("[0]: must be a JSON object");
    }

    @Test
    void aBodyOfTheWrongShapeSaysWhichShape() {
        ApiClient.Response object = admin().put("/api/plans/" + Ids.node("P") + "/subjects", "{\"subject\": \"M\"}");
        assertProblem(object, 400, "malformed-json");
        assertThat(object.json().get("detail").asText()).isEqualTo("The body must be a JSON array");
    }

    @Test
    void aFilterWithANulIsA400NamingIt() {
        for (String filtered : List.of("/api/admin/notifications?kind=a%00b", "/api/admin/job-runs?job=a%00b")) {
            ApiClient.Response refused = admin().get(filtered);
            assertProblem(refused, 400, "validation");
            assertThat(refused.json().get("detail").asText()).as(filtered).contains("control characters");
        }
        assertThat(admin().get("/api/admin/notifications?kind=a%00b").json().get("field").asText())
                .isEqualTo("kind");
    }

    /**
     * A NUL used to be accepted (201) and stored as an event; the season projection's SQL then failed on it at
     * every retry, so no season change reached the read model any more.
     */
    @Test
    void textPostgreSqlCannotStoreIsRefusedBeforeItBecomesAnEvent() {
        String id = Ids.season();
        ApiClient.Response nul = admin().post("/api/seasons", Map.of(
                "id", id, "title", "Season\u0000", "start_date", "2026-09-01", "end_date", "2027-06-30"));
        assertProblem(nul, 400, "invalid-text");
        assertThat(nul.json().get("field").asText()).isEqualTo("title");
        // a lone surrogate only travels as a JSON escape
        ApiClient.Response surrogate = admin().post("/api/seasons", "{\"id\": \"" + id + "\", \"title\": \"S\\ud800\","
                                                                   + " \"start_date\": \"2026-09-01\","
                                                                   + " \"end_date\": \"2027-06-30\"}");
        assertProblem(surrogate, 400, "invalid-text");
        ApiClient.Response nested = admin().patch("/api/lessons/" + Ids.node("L"),
                                                  Map.of("stages", List.of(Map.of("title", "Intro", "type", "Text",
                                                                                  "config", Map.of("t\u0000", 1)))));
        assertProblem(nested, 400, "invalid-text");
        assertThat(nested.json().get("field").asText()).isEqualTo("stages[0].config.t\u0000");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                       .param("season:" + id).query(Long.class).single()).isZero();
        // tabs and line breaks are text
        ApiClient.Response lines = admin().post("/api/seasons", Map.of(
                "id", id, "title", "Season\tone\nline two", "start_date", "2026-09-01", "end_date", "2027-06-30"));
        assertThat(lines.status()).isEqualTo(201);
    }

    /** The token's subject keys the tracker rows: with a NUL in it, submissions and due reads were a 500. */
    @Test
    void aPlayerWhoseIdCannotBeStoredGetsA400NamingTheClaim() {
        ApiClient odd = api(TestTokens.player("student\u00007"));
        ApiClient.Response submitted = odd.post("/api/reviews", Map.of(
                "answers", List.of(Map.of("question_id", "Q1", "rating", 3))));
        assertProblem(submitted, 400, "player-id");
        assertThat(submitted.json().get("field").asText()).isEqualTo("sub");
        assertProblem(odd.get("/api/reviews/due"), 400, "player-id");
    }

    /** {@code /error} answered 500 {@code "status": 999} when asked for directly, although nothing had failed. */
    @Test
    void theErrorPageItselfIsNotFound() {
        assertProblem(anonymous().get("/error"), 404, "not-found");
        assertProblem(admin().post("/error", "{}"), 404, "not-found");
    }

    /** Tomcat refuses an encoded slash, backslash or NUL in the path before the service sees it; it sent HTML. */
    @Test
    void aPathTomcatRefusesIsAProblemToo() {
        for (String path : List.of("/api/admin/jobs/a%2Fb", "/api/seasons/a%5Cb", "/api/seasons/a%00b")) {
            ApiClient.Response refused = admin().get(path);
            assertProblem(refused, 400, "rejected-path");
        }
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:memora:problem:" + type);
        assertThat(response.body()).doesNotContain("java.", "Exception", "com.memora");
    }
}
