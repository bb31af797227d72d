package com.memora.projection.export.cdn;

import com.memora.projection.export.GeneratedPlans;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.staging.ContentFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static com.memora.projection.export.cdn.PublicationOrder.Level.LESSONS;
import static com.memora.projection.export.cdn.PublicationOrder.Level.MANIFEST;
import static com.memora.projection.export.cdn.PublicationOrder.Level.OTHER;
import static com.memora.projection.export.cdn.PublicationOrder.Level.SEARCH_INDEX;
import static com.memora.projection.export.cdn.PublicationOrder.Level.SEARCH_SHARDS;
import static com.memora.projection.export.cdn.PublicationOrder.Level.SUBJECTS;
import static com.memora.projection.export.cdn.PublicationOrder.Level.UNITS;
import static org.assertj.core.api.Assertions.assertThat;

class PublicationOrderTest {

    private static ContentFile file(String path) {
        return new ContentFile(path, new byte[0]);
    }

    @Test
    void everyKindOfFileHasItsLevel() {
        assertThat(PublicationOrder.Level.of("plans/P1/lessons/L1.json")).isEqualTo(LESSONS);
        assertThat(PublicationOrder.Level.of("plans/P1/units/U1.json")).isEqualTo(UNITS);
        assertThat(PublicationOrder.Level.of("plans/P1/subjects/S1.json")).isEqualTo(SUBJECTS);
        assertThat(PublicationOrder.Level.of("plans/P1/search/S1.json")).isEqualTo(SEARCH_SHARDS);
        assertThat(PublicationOrder.Level.of("plans/P1/search_index.json")).isEqualTo(SEARCH_INDEX);
        assertThat(PublicationOrder.Level.of("plans/P1/manifest.json")).isEqualTo(MANIFEST);
        assertThat(PublicationOrder.Level.of("videos/intro.mp4")).isEqualTo(OTHER);
    }

    @Test
    void filesGoUpBottomUpWithTheManifestLastWhateverOrderTheyCameIn() {
        List<ContentFile> shuffled = List.of(
                file("plans/P1/manifest.json"), file("plans/P1/search_index.json"), file("plans/P1/subjects/S.json"),
                file("plans/P1/units/U2.json"), file("plans/P1/lessons/L9.json"), file("plans/P1/search/S.json"),
                file("plans/P1/units/U1.json"), file("plans/P1/lessons/L1.json"));

        assertThat(PublicationOrder.sort(shuffled)).extracting(ContentFile::path).containsExactly(
                "plans/P1/lessons/L9.json", "plans/P1/lessons/L1.json",   // within a level: the order given
                "plans/P1/units/U2.json", "plans/P1/units/U1.json",
                "plans/P1/subjects/S.json",
                "plans/P1/search/S.json",
                "plans/P1/search_index.json",
                "plans/P1/manifest.json");
        assertThat(PublicationOrder.levels(shuffled).keySet())
                .containsExactly(LESSONS, UNITS, SUBJECTS, SEARCH_SHARDS, SEARCH_INDEX, MANIFEST);
    }

    @Test
    void noFileOfARealPlanIsPublishedBeforeAFileItLinksTo() {
        PlanFiles plan = new PlanFilesBuilder().build(GeneratedPlans.plan("P1", 300, 250), 1L,
                                                      Instant.parse("2026-01-25T10:00:00Z"));
        List<ContentFile> files = new ArrayList<>(plan.files().stream()
                                                      .map(f -> new ContentFile(f.path(), f.bytes())).toList());
        Collections.shuffle(files, new Random(7));

        List<String> published = PublicationOrder.sort(files).stream().map(ContentFile::path).toList();

        int linksChecked = 0;
        for (GeneratedFile generated : plan.files()) {
            int position = published.indexOf(generated.path());
            for (String link : links(generated.text())) {
                assertThat(published.indexOf(link)).as("%s links to %s", generated.path(), link)
                                                   .isNotNegative().isLessThan(position);
                linksChecked++;
            }
        }
        assertThat(linksChecked).as("unit→lesson, subject→unit, index→shard, manifest→subject/index links")
                                .isGreaterThan(550);
        assertThat(published.get(published.size() - 1)).isEqualTo("plans/P1/manifest.json");
    }

    /** Every {@code "url": "plans/…"} a file carries, except links between lessons (one level: navigation). */
    private static List<String> links(String json) {
        List<String> links = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"(?:url|search_index_url)\": \"([^\"]+)\"")
                                                                 .matcher(json);
        while (matcher.find()) {
            if (!(json.contains("\"stages\"") && matcher.group(1).contains("/lessons/"))) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }
}
