package com.memora.kernel.srs.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every history of {@code fsrs/ts-fsrs-histories.json} (written by {@code tools/fsrs-vectors}, from ts-fsrs
 * itself) through {@link FsrsScheduler} and expects ts-fsrs's answer after every review: state, due time to the
 * millisecond, stability, difficulty and retrievability to the last bit (the brief asks for 1e-6), steps, counts.
 */
class TsFsrsReferenceVectorsTest {

    private static final JsonNode VECTORS = read("/fsrs/ts-fsrs-histories.json");
    private static final List<CardState> STATES =
            stream(VECTORS.get("states")).map(s -> CardState.valueOf(s.asText())).toList();

    @TestFactory
    Stream<DynamicTest> everyHistoryAgreesWithTsFsrs() {
        List<JsonNode> histories = stream(VECTORS.get("histories")).toList();
        return IntStream.range(0, histories.size()).mapToObj(i -> {
            JsonNode history = histories.get(i);
            String name = history.get("settings").asText() + " #" + i + " (" + history.get("reviews").size()
                    + " reviews)";
            return DynamicTest.dynamicTest(name, () -> replay(history));
        });
    }

    private static void replay(JsonNode history) {
        FsrsScheduler scheduler = new FsrsScheduler(parameters(VECTORS.get("settings").get(history.get("settings").asText())));
        long time = history.get("start").asLong();
        CardMemory card = CardMemory.newCard(Instant.ofEpochMilli(time));
        int index = 0;
        for (JsonNode review : history.get("reviews")) {
            time += review.get(0).asLong();
            Instant now = Instant.ofEpochMilli(time);
            String where = "review " + index + " at " + now + " (rating " + review.get(1).asInt() + ", card before: "
                    + card + ")";

            assertThat(scheduler.retrievability(card, now)).as("retrievability before " + where)
                    .isEqualTo(review.get(10).asDouble());
            card = scheduler.review(card, Rating.of(review.get(1).asInt()), now);

            assertThat(card.state()).as("state after " + where).isEqualTo(STATES.get(review.get(2).asInt()));
            assertThat(card.due()).as("due after " + where).isEqualTo(now.plusMillis(review.get(3).asLong()));
            assertThat(card.stability()).as("stability after " + where).isEqualTo(review.get(4).asDouble());
            assertThat(card.difficulty()).as("difficulty after " + where).isEqualTo(review.get(5).asDouble());
            assertThat(card.learningStep()).as("learning step after " + where).isEqualTo(review.get(6).asInt());
            assertThat(card.reps()).as("reps after " + where).isEqualTo(review.get(7).asInt());
            assertThat(card.lapses()).as("lapses after " + where).isEqualTo(review.get(8).asInt());
            assertThat(card.scheduledDays()).as("scheduled days after " + where).isEqualTo(review.get(9).asInt());
            assertThat(card.lastReview()).as("last review after " + where).isEqualTo(now);
            index++;
        }
    }

    /** Guards the vectors themselves: a regenerated file must still cover what the brief asks for. */
    @Test
    void theVectorsCoverLongRandomHistoriesAcrossUtcDayBoundaries() {
        List<JsonNode> histories = stream(VECTORS.get("histories")).toList();
        assertThat(histories).hasSizeGreaterThanOrEqualTo(300);
        assertThat(histories.stream().filter(h -> h.get("settings").asText().equals("default")).count())
                .isGreaterThanOrEqualTo(200);
        assertThat(histories.stream().mapToInt(h -> h.get("reviews").size()).max().orElse(0)).isGreaterThanOrEqualTo(200);
        assertThat(histories.stream().mapToInt(h -> h.get("reviews").size()).sum()).isGreaterThanOrEqualTo(20_000);

        int calendarDiffersFrom24Hours = 0;
        int sameDay = 0;
        long longestGap = 0;
        long shortestGap = Long.MAX_VALUE;
        boolean reachedMaximumStability = false;
        for (JsonNode history : histories) {
            long time = history.get("start").asLong();
            Long previous = null;
            for (JsonNode review : history.get("reviews")) {
                time += review.get(0).asLong();
                if (previous != null) {
                    long gap = time - previous;
                    longestGap = Math.max(longestGap, gap);
                    shortestGap = Math.min(shortestGap, gap);
                    long calendarDays = utcDate(time).toEpochDay() - utcDate(previous).toEpochDay();
                    calendarDiffersFrom24Hours += calendarDays != Math.floorDiv(gap, 86_400_000L) ? 1 : 0;
                    sameDay += calendarDays == 0 ? 1 : 0;
                }
                reachedMaximumStability |= review.get(4).asDouble() == MemoryModel.MAX_STABILITY;
                previous = time;
            }
        }
        assertThat(calendarDiffersFrom24Hours).as("reviews where calendar days ≠ whole 24 h periods")
                .isGreaterThan(1000);
        assertThat(sameDay).as("same-day reviews").isGreaterThan(1000);
        assertThat(shortestGap).isLessThan(1000);
        assertThat(Duration.ofMillis(longestGap)).isGreaterThan(Duration.ofDays(90));
        assertThat(reachedMaximumStability).as("some card reaches the 36,500-day stability cap").isTrue();
    }

    static FsrsParameters parameters(JsonNode settings) {
        List<Double> weights = stream(settings.get("weights")).map(JsonNode::asDouble).toList();
        return new FsrsParameters(weights, settings.get("desiredRetention").asDouble(),
                settings.get("maximumIntervalDays").asInt(), minutes(settings.get("learningStepsMinutes")),
                minutes(settings.get("relearningStepsMinutes")), settings.get("enableFuzz").asBoolean(),
                settings.get("enableShortTerm").asBoolean());
    }

    private static List<Duration> minutes(JsonNode array) {
        List<Duration> steps = new ArrayList<>();
        array.forEach(m -> steps.add(Duration.ofMinutes(m.asLong())));
        return steps;
    }

    private static LocalDate utcDate(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    static JsonNode read(String resource) {
        try (InputStream in = TsFsrsReferenceVectorsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing; see tools/fsrs-vectors/README.md");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
