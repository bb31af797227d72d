package com.memora.infra.cdn;

import com.memora.infra.testsupport.TestServers;
import com.memora.projection.export.files.SignedVideoUrl;
import io.minio.PutObjectArgs;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed video links against the real S3-compatible server: a link made now fetches the video; a link whose window
 * lies in the past no longer does (signed with an earlier build time instead of waiting for it to expire).
 */
class S3VideoUrlSignerTest {

    private static final String BUCKET = "cdn-video-test";
    private static final String KEY = "videos/math/limits-intro.mp4";
    private static final byte[] VIDEO = "not really an mp4, but bytes all the same".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void video() throws Exception {
        S3TestTargets.createBucket(BUCKET);
        MinioClient minio = TestServers.get().minio();
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(KEY).data(VIDEO, VIDEO.length)
                                     .contentType("video/mp4").build());
    }

    private static CdnTarget target(int expiryHours) {
        CdnTarget base = S3TestTargets.target(BUCKET, TestServers.get().s3SecretKey(), new OkHttpClient());
        return new CdnTarget(S3TestTargets.settings(BUCKET, expiryHours), base.client(), base.endpoint(),
                             base.bucket(), base.region(), base.accessKey(), base.secretKey());
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aLinkSignedNowFetchesTheVideoFromTheStore() throws Exception {
        Instant now = Instant.now();
        SignedVideoUrl signed = S3VideoUrlSigner.sign(target(4), KEY, now);

        assertThat(signed.url()).startsWith(TestServers.get().s3Endpoint() + "/" + BUCKET + "/" + KEY + "?")
                                .contains("X-Amz-Signature=").contains("X-Amz-Expires=14400");
        HttpResponse<byte[]> response = fetch(signed.url());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(VIDEO);
        assertThat(signed.expiresAt()).isAfter(now.plus(Duration.ofHours(2))).isBeforeOrEqualTo(now.plus(Duration.ofHours(4)));
    }

    @Test
    void aLinkWhoseWindowHasPassedNoLongerWorks() throws Exception {
        Instant threeHoursAgo = Instant.now().minus(Duration.ofHours(3));
        SignedVideoUrl stale = S3VideoUrlSigner.sign(target(1), KEY, threeHoursAgo);

        assertThat(stale.expiresAt()).isBefore(Instant.now());
        HttpResponse<byte[]> response = fetch(stale.url());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("AccessDenied");
    }

    @Test
    void signingIsFixedPerWindowSoRebuildsWithinAHalfLifetimeGiveTheSameBytes() {
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.DAYS); // a multiple of 2 h (4 h links)
        SignedVideoUrl first = S3VideoUrlSigner.sign(target(4), KEY, windowStart.plusSeconds(60));
        SignedVideoUrl later = S3VideoUrlSigner.sign(target(4), KEY, windowStart.plus(Duration.ofMinutes(119)));
        SignedVideoUrl nextWindow = S3VideoUrlSigner.sign(target(4), KEY, windowStart.plus(Duration.ofHours(2)));

        assertThat(later).isEqualTo(first);
        assertThat(first.expiresAt()).isEqualTo(windowStart.plus(Duration.ofHours(4)));
        assertThat(first.url()).contains("X-Amz-Date=" + windowStart.toString().substring(0, 10).replace("-", "")
                                         + "T000000Z");
        assertThat(nextWindow.url()).isNotEqualTo(first.url());
        assertThat(nextWindow.expiresAt()).isEqualTo(windowStart.plus(Duration.ofHours(6)));
    }

    @Test
    void everyFormOfALinkToOurBucketIsSignedAndExternalLinksStayAsTheyAre() throws Exception {
        String endpoint = TestServers.get().s3Endpoint();
        Instant now = Instant.now();
        for (String ours : new String[] {KEY, "/" + KEY, BUCKET + "/" + KEY, "s3://" + BUCKET + "/" + KEY,
                                         endpoint + "/" + BUCKET + "/" + KEY}) {
            SignedVideoUrl signed = S3VideoUrlSigner.sign(target(4), ours, now);
            assertThat(signed.expiresAt()).as(ours).isNotNull();
            assertThat(fetch(signed.url()).body()).as(ours).isEqualTo(VIDEO);
        }

        for (String external : new String[] {"https://videos.example.org/eng/skimming.mp4",
                                             endpoint + "/another-bucket/" + KEY}) {
            assertThat(S3VideoUrlSigner.sign(target(4), external, now)).isEqualTo(SignedVideoUrl.unsigned(external));
        }
    }

    @Test
    void withoutCredentialsNothingIsSignedAndTheStoredUrlIsKept() {
        CdnTarget unconfigured = new CdnTarget(S3TestTargets.settings(BUCKET, 4), null, TestServers.get().s3Endpoint(),
                                               BUCKET, "us-east-1", null, null);
        assertThat(S3VideoUrlSigner.sign(unconfigured, KEY, Instant.now())).isEqualTo(SignedVideoUrl.unsigned(KEY));
    }
}
