package com.memora.infra.cdn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored video links are objects of our bucket (signed) and which are external (left alone). */
class BucketObjectKeysTest {

    private static final String ENDPOINT = "https://acc123.r2.cloudflarestorage.com";
    private static final String BUCKET = "memora-content";

    private static String key(String storedUrl) {
        return BucketObjectKeys.keyOf(storedUrl, ENDPOINT, BUCKET).orElse(null);
    }

    @Test
    void bareKeysAndOurBucketsUrlsAreOurs() {
        assertThat(key("videos/math/limits.mp4")).isEqualTo("videos/math/limits.mp4");
        assertThat(key("/videos/math/limits.mp4")).isEqualTo("videos/math/limits.mp4");
        assertThat(key("memora-content/videos/a.mp4")).as("domain §9.1: after {bucket}/").isEqualTo("videos/a.mp4");
        assertThat(key("s3://memora-content/videos/a.mp4")).isEqualTo("videos/a.mp4");
        assertThat(key("https://acc123.r2.cloudflarestorage.com/memora-content/videos/a.mp4")).isEqualTo("videos/a.mp4");
        assertThat(key("https://memora-content.acc123.r2.cloudflarestorage.com/videos/a.mp4")).isEqualTo("videos/a.mp4");
        assertThat(key("https://ACC123.r2.cloudflarestorage.com:443/memora-content/videos/a%20b.mp4"))
                .as("host case, default port, percent-encoding").isEqualTo("videos/a b.mp4");
        assertThat(key("https://acc123.r2.cloudflarestorage.com/memora-content/videos/a.mp4?X-Amz-Signature=old"))
                .as("an old signature is replaced").isEqualTo("videos/a.mp4");
    }

    @Test
    void everythingElseIsAnExternalLink() {
        assertThat(key("https://videos.example.org/eng/skimming.mp4")).isNull();
        assertThat(key("https://www.youtube.com/watch?v=abc")).isNull();
        assertThat(key("https://acc123.r2.cloudflarestorage.com/other-bucket/a.mp4")).as("another bucket").isNull();
        assertThat(key("http://acc123.r2.cloudflarestorage.com/memora-content/a.mp4")).as("another scheme").isNull();
        assertThat(key("https://acc123.r2.cloudflarestorage.com:8443/memora-content/a.mp4")).as("another port").isNull();
        assertThat(key("s3://other-bucket/a.mp4")).isNull();
        assertThat(key("ftp://memora-content/a.mp4")).isNull();
        assertThat(key("https://acc123.r2.cloudflarestorage.com/memora-content/")).as("no object").isNull();
        assertThat(key("")).isNull();
        assertThat(key("not a url with spaces ^")).isNull();
    }

    @Test
    void anEndpointWithAPathPrefixIsHonoured() {
        assertThat(BucketObjectKeys.keyOf("http://127.0.0.1:9000/s3/memora-content/v.mp4", "http://127.0.0.1:9000/s3",
                                          BUCKET)).hasValue("v.mp4");
        assertThat(BucketObjectKeys.keyOf("http://127.0.0.1:9000/memora-content/v.mp4", "http://127.0.0.1:9000/s3",
                                          BUCKET)).isEmpty();
    }
}
