package com.memora.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The CDN settings are one per deployment, so these tests run in order against the one shared database. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdnSettingsApiTest extends IntegrationTest {

    private static final String SECRET = "super-secret-" + System.nanoTime();

    @Autowired
    CdnSettingsProvider provider;

    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = api(TestTokens.admin());
    }

    private static Map<String, Object> settings() {
        TestServers servers = TestServers.get();
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", true);
        body.put("storage_provider", "AWS S3");
        body.put("endpoint_url", servers.s3Endpoint());
        body.put("bucket_name", TestServers.BUCKET);
        body.put("access_key", servers.s3AccessKey());
        body.put("secret_key", servers.s3SecretKey());
        body.put("cdn_base_url", "https://cdn.memora.test");
        body.put("signed_url_expiry_hours", 6);
        return body;
    }

    @Test
    @Order(1)
    void beforeAnySaveThePropertiesStandInAndTheConnectionTestUsesThem() {
        JsonNode seed = admin.get("/api/settings/cdn").json();
        assertThat(seed.get("source").asText()).isEqualTo("seed");
        assertThat(seed.get("enabled").asBoolean()).isFalse();
        assertThat(seed.get("endpoint_url").asText()).isEqualTo(TestServers.get().s3Endpoint());
        assertThat(seed.get("secret_key_set").asBoolean()).isTrue();
        assertThat(seed.has("secret_key")).isFalse();

        JsonNode test = admin.post("/api/settings/cdn/test", null).json();
        assertThat(test.get("ok").asBoolean()).as("%s", test).isTrue();
        assertThat(test.get("source").asText()).isEqualTo("seed");
    }

    @Test
    @Order(2)
    void savesSettingsAndNeverShowsOrRecordsASecret() {
        Map<String, Object> body = settings();
        body.put("cloudflare_api_token", "");
        body.put("secret_key", SECRET);
        ApiClient.Response saved = admin.put("/api/settings/cdn", body);
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        JsonNode json = saved.json();
        assertThat(json.get("source").asText()).isEqualTo("stored");
        assertThat(json.get("signed_url_expiry_hours").asInt()).isEqualTo(6);
        assertThat(json.get("batch_interval_minutes").asInt()).as("default").isEqualTo(5);
        assertThat(json.get("secret_key_set").asBoolean()).isTrue();
        assertThat(json.get("access_key_set").asBoolean()).isTrue();
        assertThat(json.get("cloudflare_api_token_set").asBoolean()).isFalse();
        assertThat(saved.body()).doesNotContain(SECRET);
        assertThat(admin.get("/api/settings/cdn").body()).doesNotContain(SECRET).contains("\"enabled\":true");

        List<byte[]> stored = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?")
                                  .param("cdn-settings:default").query(byte[].class).list();
        assertThat(stored).isNotEmpty();
        stored.forEach(payload -> assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(SECRET));
        byte[] ciphertext = jdbc.sql("select ciphertext from cdn_secret where name = 'secret_key'")
                                .query(byte[].class).single();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                       .param("cdn-settings:default").query(Long.class).single()).isZero();

        assertThat(provider.current().secretKey()).as("infra code reads it decrypted").isEqualTo(SECRET);
    }

    @Test
    @Order(3)
    void theConnectionTestUsesStoredOrGivenSettings() {
        admin.put("/api/settings/cdn", settings());
        JsonNode stored = admin.post("/api/settings/cdn/test", null).json();
        assertThat(stored.get("ok").asBoolean()).as("%s", stored).isTrue();
        assertThat(stored.get("bucket_exists").asBoolean()).isTrue();
        assertThat(stored.get("source").asText()).isEqualTo("stored");

        JsonNode noBucket = admin.post("/api/settings/cdn/test", Map.of("bucket_name", "no-such-bucket")).json();
        assertThat(noBucket.get("ok").asBoolean()).isFalse();
        assertThat(noBucket.get("bucket_exists").asBoolean()).isFalse();
        assertThat(noBucket.get("error").asText()).contains("no bucket 'no-such-bucket'");

        JsonNode wrongSecret = admin.post("/api/settings/cdn/test", Map.of("secret_key", "wrong")).json();
        assertThat(wrongSecret.get("ok").asBoolean()).isFalse();
        assertThat(wrongSecret.get("error").asText()).contains("refused");

        TestServers.get().interruptS3();
        JsonNode down = admin.post("/api/settings/cdn/test", null).json();
        assertThat(down.get("ok").asBoolean()).isFalse();
        assertThat(down.get("error").asText()).startsWith("Cannot reach the store");
        TestServers.get().resumeS3();

        ApiClient.Response metadata = admin.post("/api/settings/cdn/test",
                                                 Map.of("endpoint_url", "http://169.254.169.254/latest/"));
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.json().get("field").asText()).isEqualTo("endpoint_url");

        // the test does not use the provider, but a label that names none is a mistake to report (it said ok)
        ApiClient.Response unknownProvider = admin.post("/api/settings/cdn/test", Map.of("storage_provider", "Azure"));
        assertThat(unknownProvider.status()).isEqualTo(400);
        assertThat(unknownProvider.json().get("field").asText()).isEqualTo("storage_provider");
    }

    @Test
    @Order(4)
    void invalidSettingsAre400WithEveryFieldAndChangeNothing() {
        Map<String, Object> body = settings();
        body.put("endpoint_url", "http://169.254.169.254");
        body.put("cdn_base_url", "ftp://cdn.memora.test");
        body.put("batch_threshold", 0);
        body.put("signed_url_expiry_hours", 25);
        body.put("secret_key", "must-not-be-stored");
        ApiClient.Response refused = admin.put("/api/settings/cdn", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactly("endpoint_url", "cdn_base_url", "batch_threshold", "signed_url_expiry_hours");
        assertThat(provider.current().secretKey()).isEqualTo(TestServers.get().s3SecretKey());
        assertThat(provider.current().settings().signedUrlExpiryHours()).isEqualTo(6);

        ApiClient.Response unknownProvider = admin.put("/api/settings/cdn", Map.of("storage_provider", "Azure"));
        assertThat(unknownProvider.status()).isEqualTo(400);
        assertThat(unknownProvider.json().get("field").asText()).isEqualTo("storage_provider");

        // a problem quotes what was wrong, but never sends a client's 10,000 characters back (it did, twice)
        ApiClient.Response longUrl = admin.put("/api/settings/cdn",
                                               Map.of("endpoint_url", "ftp://" + "x".repeat(10_000)));
        assertThat(longUrl.status()).isEqualTo(400);
        assertThat(longUrl.body()).hasSizeLessThan(2_000).contains("must be an http:// or https:// URL");
    }

    @Test
    @Order(5)
    void onlyAdminsMayTouchTheSettings() {
        ApiClient editor = api(TestTokens.editor());
        assertThat(editor.get("/api/settings/cdn").status()).isEqualTo(403);
        assertThat(editor.put("/api/settings/cdn", settings()).status()).isEqualTo(403);
        assertThat(editor.post("/api/settings/cdn/test", null).status()).isEqualTo(403);
    }

    /**
     * The stored access key and a signature made with the stored secret go to the stored endpoint only: a test of
     * another endpoint must carry its own keys (400 naming them, nothing sent), and is signed with those.
     */
    @Test
    @Order(6)
    void theStoredKeysAreOnlySentToTheStoredEndpoint() throws Exception {
        TestServers servers = TestServers.get();
        admin.put("/api/settings/cdn", settings());
        JsonNode same = admin.post("/api/settings/cdn/test", Map.of("endpoint_url", servers.s3Endpoint() + "/"))
                             .json();
        assertThat(same.get("ok").asBoolean()).as("the stored endpoint, with the stored keys: %s", same).isTrue();

        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        elsewhere.start();
        try {
            String other = "http://127.0.0.1:" + elsewhere.getAddress().getPort();
            ApiClient.Response keyless = admin.post("/api/settings/cdn/test", Map.of("endpoint_url", other));
            assertThat(keyless.status()).as("%s", keyless).isEqualTo(400);
            assertThat(keyless.json().get("type").asText()).isEqualTo("urn:memora:problem:cdn-test-credentials");
            assertThat(keyless.json().get("errors").findValuesAsText("field"))
                    .containsExactly("access_key", "secret_key");
            ApiClient.Response halfKeyed = admin.post("/api/settings/cdn/test", Map.of(
                    "endpoint_url", other, "access_key", "their-access"));
            assertThat(halfKeyed.status()).isEqualTo(400);
            assertThat(halfKeyed.json().get("errors").findValuesAsText("field")).containsExactly("secret_key");
            assertThat(authorizations).as("nothing was sent").isEmpty();

            JsonNode keyed = admin.post("/api/settings/cdn/test", Map.of(
                    "endpoint_url", other, "access_key", "their-access", "secret_key", "their-secret")).json();
            assertThat(keyed.get("ok").asBoolean()).as("%s", keyed).isFalse();
            assertThat(authorizations).isNotEmpty()
                                      .allMatch(header -> header.contains("Credential=their-access/"))
                                      .noneMatch(header -> header.contains(servers.s3AccessKey()));
        } finally {
            elsewhere.stop(0);
        }

        // the real store under another name is another endpoint: it is reached with the keys given, only those
        URI stored = URI.create(servers.s3Endpoint());
        String otherName = stored.getHost().equals("localhost") ? "127.0.0.1" : "localhost";
        String sameStoreOtherName = stored.getScheme() + "://" + otherName + ":" + stored.getPort();
        JsonNode rightKeys = admin.post("/api/settings/cdn/test", Map.of(
                "endpoint_url", sameStoreOtherName, "access_key", servers.s3AccessKey(),
                "secret_key", servers.s3SecretKey())).json();
        assertThat(rightKeys.get("ok").asBoolean()).as("%s", rightKeys).isTrue();
        JsonNode wrongSecret = admin.post("/api/settings/cdn/test", Map.of(
                "endpoint_url", sameStoreOtherName, "access_key", servers.s3AccessKey(),
                "secret_key", "not-the-secret")).json();
        assertThat(wrongSecret.get("ok").asBoolean()).as("%s", wrongSecret).isFalse();
        assertThat(wrongSecret.get("error").asText()).contains("refused");
    }
}
