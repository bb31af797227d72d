package com.memora.kernel.settings;

/**
 * The CDN settings that are secrets (decisions X1): stored encrypted outside the events, written but never read
 * back through the API. The access key id counts as one too: with it an attacker needs one secret less.
 */
public enum CdnSecret {
    ACCESS_KEY("access_key"),
    SECRET_KEY("secret_key"),
    CLOUDFLARE_API_TOKEN("cloudflare_api_token");

    private final String apiName;

    CdnSecret(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
