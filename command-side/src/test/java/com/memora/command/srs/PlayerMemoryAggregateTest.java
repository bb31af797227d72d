package com.memora.command.srs;

import com.memora.command.testing.Refusals;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.srs.ReviewAnswer;
import com.memora.kernel.srs.ReviewRules;
import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import com.memora.kernel.srs.StateCounts;
import com.memora.kernel.srs.SubmissionReceipt;
import com.memora.kernel.srs.SubmitReviewsCommand;
import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.FsrsParameters;
import com.memora.kernel.srs.fsrs.FsrsScheduler;
import com.memora.kernel.srs.fsrs.Rating;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One scenario per rule of the player-memory aggregate (decisions S2, S3, S7). */
class PlayerMemoryAggregateTest {

    private static final String PLAYER = "player-7";
    private static final String SEASON = "SEASON-2026";
    /** Not on a whole second: the aggregate schedules from whole seconds. */
    private static final Instant NOW = Instant.parse("2026-10-05T08:30:15.250Z");
    private static final Instant NOW_SECONDS = Instant.parse("2026-10-05T08:30:15Z");
    private static final FsrsScheduler SCHEDULER = new FsrsScheduler(FsrsParameters.defaults());

    private FixtureConfiguration<PlayerMemoryAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerMemoryAggregate.class);
        fixture.registerInjectableResource(SCHEDULER);
        fixture.registerInjectableResource(new ReviewLimits(5));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ReviewSeasonGate) seasonId -> {
            if (archivedSeasons.contains(seasonId)) {
                throw new ConflictException("season-archived", "Season " + seasonId + " is archived");
            }
        });
    }

    /** What the season gate sees as archived (in the service: the registry, read under the season's lock). */
    private final Set<String> archivedSeasons = new HashSet<>();

    private static SubmitReviewsCommand submit(String submissionId, ReviewAnswer... answers) {
        return new SubmitReviewsCommand(PLAYER, SEASON, submissionId, List.of(answers));
    }

    private static ReviewAnswer answer(String questionId, Integer rating, Integer quality, Boolean isCorrect,
                                       Integer durationMs) {
        return new ReviewAnswer(questionId, rating, quality, isCorrect, durationMs, null, null);
    }

    /** What the aggregate must store for one answer: the scheduler's own result, never a recomputation. */
    private static ReviewedQuestion reviewed(ReviewAnswer answer, CardMemory before, Rating rating, Instant at) {
        return ReviewedQuestion.of(answer, rating.value(), answer.subject(), answer.topic(),
                                   SCHEDULER.review(before, rating, at));
    }

    private static ReviewsSubmittedEvent earlier(String submissionId, ReviewAnswer answer, Rating rating,
                                                 Instant at) {
        ReviewedQuestion review = reviewed(answer, CardMemory.newCard(at), rating, at);
        return new ReviewsSubmittedEvent(PLAYER, SEASON, submissionId, at, List.of(review),
                                         StateCounts.NONE.moved(null, review.state()));
    }

    @Test
    void theFirstSubmissionCreatesTheMemoryAndStoresWhatTheSchedulerComputed() {
        ReviewAnswer first = new ReviewAnswer("Q1", 3, null, null, null, "MATH", "ALGEBRA");
        ReviewAnswer second = answer("Q2", null, 5, null, null);
        ReviewedQuestion q1 = reviewed(first, CardMemory.newCard(NOW_SECONDS), Rating.GOOD, NOW_SECONDS);
        ReviewedQuestion q2 = reviewed(second, CardMemory.newCard(NOW_SECONDS), Rating.EASY, NOW_SECONDS);
        ReviewsSubmittedEvent expected = new ReviewsSubmittedEvent(
                PLAYER, SEASON, "sub-1", NOW_SECONDS, List.of(q1, q2),
                StateCounts.NONE.moved(null, q1.state()).moved(null, q2.state()));

        fixture.givenNoPriorActivity()
               .when(submit("sub-1", first, second))
               .expectSuccessfulHandlerExecution()
               .expectEvents(expected)
               .expectResultMessagePayload(new SubmissionReceipt(0, expected));
        assertThat(q1.subject()).isEqualTo("MATH");
        assertThat(q1.topic()).isEqualTo("ALGEBRA");
        assertThat(q2.quality()).isEqualTo(5);
        assertThat(q2.rating()).isEqualTo(4);
    }

    @Test
    void aQuestionAnsweredTwiceInOneSubmissionIsAppliedInOrder() {
        ReviewAnswer again = ReviewAnswer.rated("Q1", 1);
        ReviewAnswer good = ReviewAnswer.rated("Q1", 3);
        ReviewedQuestion afterAgain = reviewed(again, CardMemory.newCard(NOW_SECONDS), Rating.AGAIN, NOW_SECONDS);
        ReviewedQuestion afterGood = reviewed(good, afterAgain.memory(), Rating.GOOD, NOW_SECONDS);

        fixture.givenNoPriorActivity()
               .when(submit(null, again, good))
               .expectEvents(new ReviewsSubmittedEvent(PLAYER, SEASON, null, NOW_SECONDS,
                                                       List.of(afterAgain, afterGood),
                                                       StateCounts.NONE.moved(null, afterGood.state())));
        assertThat(afterGood.reps()).isEqualTo(2);
    }

    @Test
    void aLaterSubmissionContinuesFromTheStoredMemoryAndKeepsItsSubject() {
        Instant yesterday = NOW_SECONDS.minus(Duration.ofDays(1));
        ReviewsSubmittedEvent before = earlier(null, new ReviewAnswer("Q1", 3, null, null, null, "MATH", null),
                                               Rating.GOOD, yesterday);
        ReviewedQuestion stored = before.reviews().get(0);
        ReviewAnswer now = ReviewAnswer.rated("Q1", 4);
        ReviewedQuestion expected = ReviewedQuestion.of(now, 4, "MATH", null,
                                                        SCHEDULER.review(stored.memory(), Rating.EASY, NOW_SECONDS));

        fixture.given(before)
               .when(submit(null, now))
               .expectEvents(new ReviewsSubmittedEvent(PLAYER, SEASON, null, NOW_SECONDS, List.of(expected),
                                                       before.stateCounts().moved(stored.state(),
                                                                                  expected.state())))
               .expectResultMessagePayloadMatching(receipt(r -> r.sequence() == 1 && !r.repeated()));
        assertThat(expected.reps()).isEqualTo(2);
    }

    @Test
    void aRepeatedSubmissionIdChangesNothingAndPointsAtTheFirstAnswer() {
        ReviewsSubmittedEvent first = earlier("sub-1", ReviewAnswer.rated("Q1", 3), Rating.GOOD, NOW_SECONDS);
        fixture.given(first, earlier("sub-2", ReviewAnswer.rated("Q2", 3), Rating.GOOD, NOW_SECONDS))
               .when(submit("sub-1", ReviewAnswer.rated("Q9", 1), ReviewAnswer.rated("Q8", 2)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(new SubmissionReceipt(0, null));
    }

    @Test
    void aRepeatIsRecognisedEvenWhenTheRepeatWouldNowBreakARule() {
        fixture.given(earlier("sub-1", ReviewAnswer.rated("Q1", 3), Rating.GOOD, NOW_SECONDS))
               .when(submit("sub-1"))
               .expectNoEvents()
               .expectResultMessagePayload(new SubmissionReceipt(0, null));
    }

    @Test
    void aSubmissionToAnArchivedSeasonIsRefusedButARepeatStillGetsItsFirstAnswer() {
        ReviewsSubmittedEvent first = earlier("sub-1", ReviewAnswer.rated("Q1", 3), Rating.GOOD, NOW_SECONDS);
        archivedSeasons.add(SEASON);
        fixture.given(first)
               .when(submit(null, ReviewAnswer.rated("Q2", 3)))
               .expectException(Refusals.conflict("season-archived"))
               .expectNoEvents();
        fixture.given(first)
               .when(submit("sub-1", ReviewAnswer.rated("Q2", 1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(new SubmissionReceipt(0, null));
    }

    @Test
    void theCapOnTrackedQuestionsRefusesNewQuestionsButNotKnownOnes() {
        List<Object> fiveTracked = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            fiveTracked.add(earlier(null, ReviewAnswer.rated("Q" + i, 3), Rating.GOOD, NOW_SECONDS));
        }
        fixture.given(fiveTracked)
               .when(submit(null, ReviewAnswer.rated("Q1", 3), ReviewAnswer.rated("Q6", 3)))
               .expectException(ConflictException.class)
               .expectExceptionMessage(Matchers.containsString("at most 5 questions per season"))
               .expectNoEvents();
        fixture.given(fiveTracked)
               .when(submit(null, ReviewAnswer.rated("Q1", 3), ReviewAnswer.rated("Q5", 1)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aQuestionRepeatedInOneSubmissionCountsOnceAgainstTheCap() {
        ReviewAnswer[] answers = IntStream.range(0, 10).mapToObj(i -> ReviewAnswer.rated("Q" + (i % 5), 3))
                                          .toArray(ReviewAnswer[]::new);
        fixture.givenNoPriorActivity().when(submit(null, answers)).expectSuccessfulHandlerExecution();
    }

    @Test
    void countsCoverTheWholeSeasonNotJustTheSubmission() {
        ReviewsSubmittedEvent before = earlier(null, ReviewAnswer.rated("Q1", 4), Rating.EASY, NOW_SECONDS);
        ReviewAnswer answer = ReviewAnswer.rated("Q2", 1);
        ReviewedQuestion q2 = reviewed(answer, CardMemory.newCard(NOW_SECONDS), Rating.AGAIN, NOW_SECONDS);
        StateCounts expected = before.stateCounts().moved(null, q2.state());
        assertThat(expected.total()).isEqualTo(2);
        fixture.given(before)
               .when(submit(null, answer))
               .expectEvents(new ReviewsSubmittedEvent(PLAYER, SEASON, null, NOW_SECONDS, List.of(q2), expected));
    }

    @Test
    void aReviewIsNeverScheduledBeforeTheQuestionsLastReview() {
        Instant later = NOW_SECONDS.plus(Duration.ofHours(20)); // another node's clock ran ahead, past midnight
        ReviewsSubmittedEvent before = earlier(null, ReviewAnswer.rated("Q1", 3), Rating.GOOD, later);
        ReviewedQuestion stored = before.reviews().get(0);
        ReviewAnswer answer = ReviewAnswer.rated("Q1", 3);
        ReviewedQuestion expected = ReviewedQuestion.of(answer, 3, null, null,
                                                        SCHEDULER.review(stored.memory(), Rating.GOOD, later));
        fixture.given(before)
               .when(submit(null, answer))
               .expectEvents(new ReviewsSubmittedEvent(PLAYER, SEASON, null, NOW_SECONDS, List.of(expected),
                                                       before.stateCounts().moved(stored.state(),
                                                                                  expected.state())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rating 1 is Again       | 1 |   |       |      | 1",
            "rating 4 is Easy        | 4 |   |       |      | 4",
            "quality 0 is Again      |   | 0 |       |      | 1",
            "quality 2 is Again      |   | 2 |       |      | 1",
            "quality 3 is Hard       |   | 3 |       |      | 2",
            "quality 4 is Good       |   | 4 |       |      | 3",
            "quality 5 is Easy       |   | 5 |       |      | 4",
            "wrong is Again          |   |   | false | 500  | 1",
            "correct in 1999 ms Easy |   |   | true  | 1999 | 4",
            "correct in 2000 ms Good |   |   | true  | 2000 | 3",
            "correct, no time: Good  |   |   | true  |      | 3",
            "correct in 6000 ms Good |   |   | true  | 6000 | 3",
            "correct in 6001 ms Hard |   |   | true  | 6001 | 2"})
    void everyAnswerFormMapsToTheDecidedRating(String name, Integer rating, Integer quality, Boolean isCorrect,
                                               Integer durationMs, int expected) {
        ReviewAnswer given = answer("Q1", rating, quality, isCorrect, durationMs);
        assertThat(ReviewRules.ratingOf(given).value()).isEqualTo(expected);
        ReviewedQuestion review = reviewed(given, CardMemory.newCard(NOW_SECONDS), Rating.of(expected),
                                           NOW_SECONDS);
        fixture.givenNoPriorActivity()
               .when(submit(null, given))
               .expectEvents(new ReviewsSubmittedEvent(PLAYER, SEASON, null, NOW_SECONDS, List.of(review),
                                                       StateCounts.NONE.moved(null, review.state())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no form                 |   |   |       |      | answers[0]",
            "two forms               | 3 | 4 |       |      | answers[0]",
            "three forms             | 3 | 4 | true  |      | answers[0]",
            "rating 0                | 0 |   |       |      | answers[0].rating",
            "rating 5                | 5 |   |       |      | answers[0].rating",
            "quality 6               |   | 6 |       |      | answers[0].quality",
            "quality -1              |   | -1|       |      | answers[0].quality",
            "negative duration       |   |   | true  | -5   | answers[0].duration_ms"})
    void anythingButExactlyOneValidFormIsRefusedNamingTheAnswer(String name, Integer rating, Integer quality,
                                                               Boolean isCorrect, Integer durationMs, String field) {
        fixture.givenNoPriorActivity()
               .when(submit(null, answer("Q1", rating, quality, isCorrect, durationMs)))
               .expectException(fieldIs(field))
               .expectNoEvents();
    }

    @Test
    void malformedIdsAndSizesAreRefused() {
        fixture.givenNoPriorActivity().when(submit(null, ReviewAnswer.rated("../etc", 3)))
               .expectException(fieldIs("answers[0].question_id")).expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(submit(null, new ReviewAnswer("Q1", 3, null, null, null, "MATH/x", null)))
               .expectException(fieldIs("answers[0].subject")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit("has space", ReviewAnswer.rated("Q1", 3)))
               .expectException(fieldIs("submission_id")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(null))
               .expectException(fieldIs("answers")).expectNoEvents();
        ReviewAnswer[] fiftyOne = Collections.nCopies(51, ReviewAnswer.rated("Q1", 3)).toArray(ReviewAnswer[]::new);
        fixture.givenNoPriorActivity().when(submit(null, fiftyOne))
               .expectException(fieldIs("answers")).expectNoEvents();
        ReviewAnswer[] fifty = Collections.nCopies(50, ReviewAnswer.rated("Q1", 3)).toArray(ReviewAnswer[]::new);
        fixture.givenNoPriorActivity().when(submit(null, fifty)).expectSuccessfulHandlerExecution();
    }

    private static Matcher<InvalidInputException> fieldIs(String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInputException e) {
                return field.equals(e.field());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an InvalidInputException naming " + field);
            }
        };
    }

    private static Matcher<SubmissionReceipt> receipt(Predicate<SubmissionReceipt> condition) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(SubmissionReceipt receipt) {
                return condition.test(receipt);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a matching receipt");
            }
        };
    }
}
