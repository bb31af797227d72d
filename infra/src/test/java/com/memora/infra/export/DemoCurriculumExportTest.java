package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.projection.export.files.FileKind;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.schema.ExportSchemaValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo curriculum end to end: imported with the README's one step, built by the pipeline, read from disk, and
 * compared with files written by hand from the specification ({@code src/test/resources/export/demo-curriculum}).
 */
class DemoCurriculumExportTest extends IntegrationTest {

    private static final String SCIENCE = "PLAN-SCI-12";
    private static final String LITERARY = "PLAN-LIT-12";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ExportSchemaValidator validator;

    /** The import and the builds are the same for every test of this class: done once. */
    private static boolean imported;

    private ExportFixture export;

    @BeforeEach
    void importAndBuildTheDemo() throws IOException {
        export = exportFixture();
        if (imported) {
            return;
        }
        String demo = Files.readString(Path.of("..", "demo", "curriculum.json"));
        ApiClient.Response accepted = export.editor.post("/api/import", demo);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String status = accepted.json().get("status_url").asText();
        JsonNode job = await().atMost(Duration.ofSeconds(60)).until(
                () -> export.editor.get(status).json(), json -> !json.get("state").asText().equals("RUNNING"));
        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
        assertThat(export.build(SCIENCE).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.build(LITERARY).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        imported = true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "plans/PLAN-SCI-12/manifest.json,          sci-manifest.json",
            "plans/PLAN-SCI-12/subjects/MATH.json,     sci-subject-MATH.json",
            "plans/PLAN-SCI-12/lessons/MATH-L1.json,   sci-lesson-MATH-L1.json",
            "plans/PLAN-SCI-12/search_index.json,      sci-search_index.json",
            "plans/PLAN-LIT-12/subjects/MATH.json,     lit-subject-MATH.json",
            "plans/PLAN-LIT-12/units/MATH-U2.json,     lit-unit-MATH-U2.json",
            "plans/PLAN-LIT-12/lessons/ENG-L1.json,    lit-lesson-ENG-L1.json"})
    void filesOnDiskAreTheHandCheckedOnes(String path, String expectedFile) throws IOException {
        String expected = Files.readString(Path.of("src/test/resources/export/demo-curriculum", expectedFile));
        String actual = new String(export.bytes(path), StandardCharsets.UTF_8);

        assertThat(actual).containsPattern("\n  \"version\": [1-9][0-9]*,\n")
                          .containsPattern("\n  \"generated_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00\",\n");
        assertThat(normalized(actual)).isEqualTo(normalized(expected));
        assertVideoLinks(export.json(path), JSON.readTree(expected));
    }

    /**
     * The stored video link, or — once a {@code VideoUrlSigner} for our bucket is in place (the CDN work, F7) — a
     * pre-signed link to the same object with the file's {@code signed_url_expiry}; nothing else.
     */
    private static void assertVideoLinks(JsonNode actual, JsonNode expected) {
        if (!expected.has("stages")) {
            return;
        }
        boolean signed = false;
        for (int stage = 0; stage < expected.get("stages").size(); stage++) {
            String stored = expected.at("/stages/" + stage + "/config/video_url").asText("");
            String written = actual.at("/stages/" + stage + "/config/video_url").asText("");
            if (stored.isEmpty() || written.equals(stored)) {
                assertThat(written).isEqualTo(stored);
                continue;
            }
            assertThat(written).as("a signed link to %s", stored).contains("/" + stored + "?")
                               .contains("X-Amz-Signature=");
            signed = true;
        }
        assertThat(actual.has("signed_url_expiry")).as("an expiry exactly when a link is signed").isEqualTo(signed);
    }

    @Test
    void eachPlanHasExactlyItsVisibleFilesAndEveryOneKeepsItsSchema() {
        assertThat(names(SCIENCE)).containsExactlyInAnyOrder(
                "manifest.json", "search_index.json",
                "subjects/MATH.json", "subjects/PHYS.json", "subjects/ENG.json",
                "units/MATH-U1.json", "units/MATH-EXAM-U1.json", "units/MATH-OLY-U1.json", "units/PHYS-U1.json",
                "units/ENG-U1.json", "units/ENG-U2.json",
                "lessons/MATH-L1.json", "lessons/MATH-L2.json", "lessons/MATH-L5.json", "lessons/MATH-L6.json",
                "lessons/PHYS-L1.json", "lessons/ENG-L1.json", "lessons/ENG-L2.json", "lessons/ENG-L3.json");
        // the literary plan hides the olympiad track and keeps the derivatives unit (hidden in the scientific one);
        // the unpublished draft lesson MATH-L4B is in neither
        assertThat(names(LITERARY)).containsExactlyInAnyOrder(
                "manifest.json", "search_index.json", "subjects/ENG.json", "subjects/MATH.json",
                "units/ENG-U1.json", "units/ENG-U2.json", "units/MATH-U1.json", "units/MATH-U2.json",
                "units/MATH-EXAM-U1.json",
                "lessons/ENG-L1.json", "lessons/ENG-L2.json", "lessons/ENG-L3.json", "lessons/MATH-L1.json",
                "lessons/MATH-L2.json", "lessons/MATH-L3.json", "lessons/MATH-L4.json", "lessons/MATH-L5.json");
        for (String plan : List.of(SCIENCE, LITERARY)) {
            for (String path : export.files(plan)) {
                FileKind kind = FileKind.ofPath(path).orElseThrow();
                assertThat(validator.violations(kind, path, export.json(path))).as(path).isEmpty();
            }
        }
    }

    @Test
    void arabicIsWrittenAsUtf8AndThePlanShowsItsVersion() {
        byte[] manifest = export.bytes("plans/PLAN-SCI-12/manifest.json");
        assertThat(new String(manifest, StandardCharsets.UTF_8)).contains("التوجيهي العلمي ٢٠٢٦")
                                                                .doesNotContain("\\u");
        JsonNode plan = export.editor.get("/api/plans/" + SCIENCE).json();
        assertThat(plan.get("build_status").asText()).isEqualTo("LOCAL_ONLY");
        assertThat(plan.get("version").asLong()).isEqualTo(export.state(SCIENCE).version());
        assertThat(export.json("plans/PLAN-SCI-12/manifest.json").get("version").asLong())
                .isLessThanOrEqualTo(plan.get("version").asLong());
    }

    private List<String> names(String plan) {
        return export.files(plan).stream().map(path -> path.substring(("plans/" + plan + "/").length())).toList();
    }

    /**
     * The build's number and time, which depend on when it ran, as the placeholders of the expected files; video
     * links and their expiry are compared on their own ({@link #assertVideoLinks}).
     */
    private static String normalized(String file) {
        return file.replaceFirst("\n  \"version\": [0-9]+,\n", "\n  \"version\": 0,\n")
                   .replaceFirst("\n  \"generated_at\": \"[^\"]+\",\n",
                                 "\n  \"generated_at\": \"2000-01-01T00:00:00+00:00\",\n")
                   .replaceFirst("\n  \"signed_url_expiry\": \"[^\"]+\",\n", "\n")
                   .replaceAll("\"video_url\": \"[^\"]*\"", "\"video_url\": \"(video link)\"");
    }
}
