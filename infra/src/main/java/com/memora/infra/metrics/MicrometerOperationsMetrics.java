package com.memora.infra.metrics;

import com.memora.kernel.ops.OperationsMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The metrics port as Micrometer meters, served at {@code /actuator/prometheus} (names there: dots become
 * underscores, counters end {@code _total}, timers {@code _seconds_count/_sum/_max}):
 * <ul>
 *     <li>{@code memora.export.builds} (timer, tag {@code status}): plan builds and how long they took;</li>
 *     <li>{@code memora.export.publication.retries}, {@code memora.export.publication.dead.letters} (counters):
 *     CDN publications sent to {@code RETRY_WAIT} and to {@code DEAD_LETTER} (decisions O2);</li>
 *     <li>{@code memora.cdn.uploads} (counter, tag {@code outcome}: {@code verified}, {@code resent} — verified on
 *     the second send —, {@code failed}) and {@code memora.cdn.uploaded.bytes} (counter): files sent to the CDN;</li>
 *     <li>{@code memora.srs.review.submissions} (counter, tag {@code repeated}) and
 *     {@code memora.srs.review.answers} (counter): accepted review submissions and the answers they carried.</li>
 * </ul>
 */
@Component
class MicrometerOperationsMetrics implements OperationsMetrics {

    private final MeterRegistry registry;
    private final Counter retries;
    private final Counter deadLetters;
    private final Counter answers;
    private final Counter submissions;
    private final Counter repeatedSubmissions;
    private final Counter uploadsVerified;
    private final Counter uploadsResent;
    private final Counter uploadsFailed;
    private final Counter uploadedBytes;

    MicrometerOperationsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder("memora.export.publication.retries")
                              .description("CDN publications of a plan that failed transiently and wait to retry")
                              .register(registry);
        this.deadLetters = Counter.builder("memora.export.publication.dead.letters")
                                  .description("Plans whose CDN retries ran out (DEAD_LETTER)")
                                  .register(registry);
        this.answers = Counter.builder("memora.srs.review.answers")
                              .description("Answers of accepted review submissions")
                              .register(registry);
        this.submissions = submissions(registry, false);
        this.repeatedSubmissions = submissions(registry, true);
        this.uploadsVerified = uploads(registry, "verified");
        this.uploadsResent = uploads(registry, "resent");
        this.uploadsFailed = uploads(registry, "failed");
        this.uploadedBytes = Counter.builder("memora.cdn.uploaded.bytes")
                                    .description("Bytes of files uploaded to the CDN and verified")
                                    .baseUnit("bytes")
                                    .register(registry);
    }

    private static Counter uploads(MeterRegistry registry, String outcome) {
        return Counter.builder("memora.cdn.uploads")
                      .description("Files uploaded to the CDN, by outcome")
                      .tag("outcome", outcome)
                      .register(registry);
    }

    private static Counter submissions(MeterRegistry registry, boolean repeated) {
        return Counter.builder("memora.srs.review.submissions")
                      .description("Accepted review submissions (repeated: the same submission_id again)")
                      .tag("repeated", Boolean.toString(repeated))
                      .register(registry);
    }

    @Override
    public void planBuildFinished(String status, Duration took) {
        Timer.builder("memora.export.builds")
             .description("Plan builds by their publication status")
             .tag("status", status)
             .register(registry)
             .record(took);
    }

    @Override
    public void publicationRetryScheduled() {
        retries.increment();
    }

    @Override
    public void publicationDeadLettered() {
        deadLetters.increment();
    }

    @Override
    public void fileUploaded(long bytes, int attempts) {
        (attempts > 1 ? uploadsResent : uploadsVerified).increment();
        uploadedBytes.increment(bytes);
    }

    @Override
    public void uploadFailed() {
        uploadsFailed.increment();
    }

    @Override
    public void reviewsSubmitted(int answerCount, boolean repeated) {
        (repeated ? repeatedSubmissions : submissions).increment();
        if (!repeated) {
            answers.increment(answerCount);
        }
    }
}
