package com.memora.infra.files;

import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.staging.LocalContentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local origin, {@code GET /files/memora_content/**} (decisions F10): what a client of the fallback origin gets,
 * over real HTTP, with no token.
 */
class LocalOriginTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    LocalContentStore store;

    private String plan;
    private String manifestPath;
    private byte[] manifest;

    @BeforeEach
    void stage() {
        plan = Ids.node("P");
        manifestPath = "plans/" + plan + "/manifest.json";
        manifest = ("{\n  \"plan_id\": \"" + plan + "\",\n  \"title\": \"الخطة العلمية\",\n  \"description\": \""
                    + "يتعلم الطلاب ".repeat(40) + "\"\n}\n").getBytes(StandardCharsets.UTF_8);
        store.write(manifestPath, manifest);
    }

    private HttpResponse<byte[]> get(String rawPath, String... headers) throws Exception {
        return send("GET", rawPath, headers);
    }

    private HttpResponse<byte[]> send(String method, String rawPath, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                                                 .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aFileReplacedWithTheSameSizeAndTimeIsServedNewAtOnce() throws Exception {
        String url = "/files/memora_content/" + manifestPath;
        assertThat(get(url).body()).isEqualTo(manifest);
        assertThat(get(url, "Accept-Encoding", "gzip").statusCode()).isEqualTo(200); // both forms are now cached

        Path file = contentRoot().resolve(manifestPath);
        FileTime written = Files.getLastModifiedTime(file);
        byte[] edited = manifest.clone();
        edited[edited.length - 3] = (byte) (edited[edited.length - 3] == 'x' ? 'y' : 'x');
        store.write(manifestPath, edited); // atomic rename (F9): a new file in place of the old
        Files.setLastModifiedTime(file, written); // the same size and the same time as the cached one

        HttpResponse<byte[]> plain = get(url);
        assertThat(plain.body()).isEqualTo(edited);
        assertThat(header(plain, "ETag")).isEqualTo("\"" + Md5.hex(edited) + "\"");
        HttpResponse<byte[]> zipped = get(url, "Accept-Encoding", "gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(edited);
    }

    @Test
    void servesAStagedFileAsUtf8JsonWithEtagLastModifiedAndCacheControlWithoutAToken() throws Exception {
        HttpResponse<byte[]> response = get("/files/memora_content/" + manifestPath);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(manifest);
        MediaType type = MediaType.parseMediaType(header(response, "Content-Type"));
        assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(header(response, "ETag")).as("the MD5, as the bucket's ETag").isEqualTo("\"" + Md5.hex(manifest) + "\"");
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(header(response, "Access-Control-Allow-Origin")).as("any web app may read it").isEqualTo("*");
        ZonedDateTime lastModified = ZonedDateTime.parse(header(response, "Last-Modified"),
                                                         DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(lastModified.toInstant().getEpochSecond())
                .isEqualTo(Files.getLastModifiedTime(contentRoot().resolve(manifestPath)).toInstant().getEpochSecond());

        HttpResponse<byte[]> head = send("HEAD", "/files/memora_content/" + manifestPath);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "ETag")).isEqualTo(header(response, "ETag"));
    }

    @Test
    void aClientWithTheCurrentCopyGets304AndANewVersionIsSentWhole() throws Exception {
        HttpResponse<byte[]> first = get("/files/memora_content/" + manifestPath);
        String etag = header(first, "ETag");

        HttpResponse<byte[]> byEtag = get("/files/memora_content/" + manifestPath, "If-None-Match", etag);
        HttpResponse<byte[]> byDate = get("/files/memora_content/" + manifestPath, "If-Modified-Since",
                                          header(first, "Last-Modified"));
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(header(byEtag, "ETag")).isEqualTo(etag);
        assertThat(byDate.statusCode()).isEqualTo(304);

        byte[] changed = new String(manifest, StandardCharsets.UTF_8).replace("العلمية", "الأدبية")
                                                                    .getBytes(StandardCharsets.UTF_8);
        store.write(manifestPath, changed);
        HttpResponse<byte[]> stale = get("/files/memora_content/" + manifestPath, "If-None-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(changed);
        assertThat(header(stale, "ETag")).isEqualTo("\"" + Md5.hex(changed) + "\"");
    }

    @Test
    void compressesWithGzipWhenTheClientAsks() throws Exception {
        HttpResponse<byte[]> zipped = get("/files/memora_content/" + manifestPath, "Accept-Encoding", "gzip, deflate");

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(zipped, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(zipped.body().length).isLessThan(manifest.length / 2);
        try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(unzip.readAllBytes()).isEqualTo(manifest);
        }
        assertThat(header(zipped, "ETag")).as("another representation, another tag")
                                          .isEqualTo("\"" + Md5.hex(manifest) + "-gzip\"");
        assertThat(get("/files/memora_content/" + manifestPath, "Accept-Encoding", "gzip",
                       "If-None-Match", header(zipped, "ETag")).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> refused = get("/files/memora_content/" + manifestPath, "Accept-Encoding", "gzip;q=0");
        assertThat(header(refused, "Content-Encoding")).isNull();
        assertThat(refused.body()).isEqualTo(manifest);
    }

    @Test
    void aLargeFileIsStreamedWholeWithAWeakEtagAndStillCompressedWhenAsked() throws Exception {
        String shardPath = "plans/" + plan + "/search/BIG.json";
        byte[] large = ("{\"lessons\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        store.write(shardPath, large);

        HttpResponse<byte[]> plain = get("/files/memora_content/" + shardPath);
        HttpResponse<byte[]> zipped = get("/files/memora_content/" + shardPath, "Accept-Encoding", "gzip");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(Arrays.equals(plain.body(), large)).as("the whole file").isTrue();
        assertThat(header(plain, "Content-Length")).isEqualTo(String.valueOf(large.length));
        assertThat(header(plain, "ETag")).startsWith("W/\"" + large.length + "-");
        assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
        try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(Arrays.equals(unzip.readAllBytes(), large)).isTrue();
        }
        assertThat(get("/files/memora_content/" + shardPath, "If-None-Match", header(plain, "ETag")).statusCode())
                .isEqualTo(304);
    }

    @Test
    void neverServesPreviousOrTemporaryFilesOrListsADirectory() throws Exception {
        store.write(manifestPath, "{\"v\": 2}\n".getBytes(StandardCharsets.UTF_8)); // the first becomes .prev
        Path directory = contentRoot().resolve("plans/" + plan);
        assertThat(directory.resolve("manifest.json.prev")).exists();
        Files.writeString(directory.resolve("manifest.json.tmp.1234"), "{\"half\":");

        assertThat(get("/files/memora_content/" + manifestPath + ".prev").statusCode()).isEqualTo(404);
        assertThat(get("/files/memora_content/" + manifestPath + ".tmp.1234").statusCode()).isEqualTo(404);
        for (String listing : new String[] {"/files/memora_content/plans/" + plan,
                                            "/files/memora_content/plans/" + plan + "/",
                                            "/files/memora_content/plans", "/files/memora_content/",
                                            "/files/memora_content"}) {
            HttpResponse<byte[]> response = get(listing);
            assertThat(response.statusCode()).as(listing).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(listing).doesNotContain("manifest.json");
        }
        assertThat(get("/").statusCode()).as("the site root lists nothing either").isEqualTo(401);
        HttpResponse<byte[]> missing = get("/files/memora_content/plans/" + plan + "/lessons/NOPE.json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        Path outside = Files.createTempFile("outside-root", ".json");
        Files.writeString(outside, "{\"secret\": true}");
        Files.createSymbolicLink(contentRoot().resolve("plans/" + plan + "/link.json"), outside);

        String[] traversals = {
                "/files/memora_content/../../etc/passwd",
                "/files/memora_content/plans/../../../etc/passwd",
                "/files/memora_content/%2e%2e/%2e%2e/etc/passwd",
                "/files/memora_content/..%2F..%2Fetc%2Fpasswd",
                "/files/memora_content//etc/passwd",
                "/files/memora_content/%2Fetc%2Fpasswd",
                "/files/memora_content/plans/.hidden.json",
                "/files/memora_content/plans/" + plan + "/link.json"};
        for (String traversal : traversals) {
            HttpResponse<byte[]> response = get(traversal);
            assertThat(response.statusCode()).as(traversal).isIn(400, 404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(traversal)
                    .doesNotContain("root:").doesNotContain("secret");
        }
        HttpResponse<byte[]> encoded = get("/files/memora_content/%2e%2e/%2e%2e/etc/passwd");
        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(header(encoded, "Content-Type")).startsWith("application/problem+json");
    }

    private static Path contentRoot() throws IOException {
        return dataDir().resolve("content").toRealPath();
    }
}
