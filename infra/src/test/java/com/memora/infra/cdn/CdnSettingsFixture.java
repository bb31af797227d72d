package com.memora.infra.cdn;

import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.TestServers;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CDN settings as an administrator saves them, pointing at the tests' S3-compatible server. */
public final class CdnSettingsFixture {

    public static final String CDN_BASE = "https://cdn.memora.test";

    private CdnSettingsFixture() {
    }

    /** Enabled, AWS S3 style, on the test server's bucket {@code bucket}, with a CDN base URL. */
    public static Map<String, Object> enabledOn(String bucket) {
        TestServers servers = TestServers.get();
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", true);
        body.put("local_fallback_mode", false);
        body.put("storage_provider", "AWS S3");
        body.put("endpoint_url", servers.s3Endpoint());
        body.put("bucket_name", bucket);
        body.put("access_key", servers.s3AccessKey());
        body.put("secret_key", servers.s3SecretKey());
        body.put("cdn_base_url", CDN_BASE);
        body.put("cloudflare_api_token", "");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, Object... fieldsAndValues) {
        Map<String, Object> changed = new HashMap<>(body);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            changed.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return changed;
    }

    public static void save(ApiClient admin, Map<String, Object> body) {
        ApiClient.Response saved = admin.put("/api/settings/cdn", body);
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
    }
}
