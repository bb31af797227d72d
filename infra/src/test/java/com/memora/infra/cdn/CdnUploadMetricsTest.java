package com.memora.infra.cdn;

import com.memora.infra.metrics.PrometheusScrape;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.ops.OperationsMetrics;
import com.memora.projection.export.cdn.CdnOutcomes;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.staging.ContentFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8 point 4, uploads: every file the S3 adapter sends to the CDN is counted at {@code /actuator/prometheus} —
 * verified ones with their bytes, failed ones apart. The adapter is built on the service's meters and a bucket of
 * its own, so the shared CDN settings stay untouched.
 */
class CdnUploadMetricsTest extends IntegrationTest {

    private static final String BUCKET = "metrics-uploads";
    private static final Map<String, String> VERIFIED = Map.of("outcome", "verified");
    private static final Map<String, String> FAILED = Map.of("outcome", "failed");

    @Autowired
    OperationsMetrics metrics;

    @Test
    void filesUploadedToTheCdnAreCountedWithTheirBytesAndFailedUploadsApart() {
        S3TestTargets.createBucket(BUCKET);
        PrometheusScrape before = scrape();
        byte[] lesson = "{\"id\": \"L-1\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] manifest = "{\"plan\": \"P-1\", \"version\": 1}\n".getBytes(StandardCharsets.UTF_8);
        String folder = "plans/PLAN-METRICS-" + UUID.randomUUID() + "/";

        try (MinioCdnPublisher publisher = new MinioCdnPublisher(() -> S3TestTargets.target(BUCKET),
                                                                 CdnOutcomes.IGNORED, "public, max-age=300", 2,
                                                                 metrics)) {
            publisher.upload(List.of(new ContentFile(folder + "lessons/L-1.json", lesson),
                                     new ContentFile(folder + "manifest.json", manifest)));
            PrometheusScrape after = scrape();
            assertThat(after.value("memora_cdn_uploads_total", VERIFIED))
                    .isEqualTo(before.value("memora_cdn_uploads_total", VERIFIED) + 2);
            assertThat(after.value("memora_cdn_uploaded_bytes_total"))
                    .isEqualTo(before.value("memora_cdn_uploaded_bytes_total") + lesson.length + manifest.length);

            TestServers.get().interruptS3();
            try {
                assertThatThrownBy(() -> publisher.upload(List.of(new ContentFile(folder + "manifest.json",
                                                                                  manifest))))
                        .isInstanceOf(CdnPublishException.class);
            } finally {
                TestServers.get().resumeS3();
            }
            assertThat(scrape().value("memora_cdn_uploads_total", FAILED))
                    .isEqualTo(before.value("memora_cdn_uploads_total", FAILED) + 1);
        }
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(api(TestTokens.admin()));
    }
}
