package com.memora.infra.cdn;

import com.memora.infra.settings.CdnConnectionSettings;
import com.memora.infra.settings.CdnSettingsProvider;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CachePurge;
import com.memora.projection.export.cdn.PurgeReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@link CachePurge} for a CDN behind Cloudflare: the zone id and API token come from the CDN settings in force
 * (the token decrypted, X1), the URLs are {@code {cdn_base_url}/{path}}. Without a zone and token, or without a CDN
 * base URL, nothing is sent and the report says why.
 */
@Component
public class CloudflareCachePurge implements CachePurge {

    private final CdnSettingsProvider settings;
    private final CloudflarePurgeClient client;

    @Autowired
    CloudflareCachePurge(CdnSettingsProvider settings, CdnProperties properties) {
        this(settings, new CloudflarePurgeClient(properties.purge().apiBaseUrl(),
                                                 properties.purge().maxUrlsPerRequest(),
                                                 CloudflarePurgeClient.rateLimiter(
                                                         properties.purge().requestsPerPeriod(),
                                                         properties.purge().period(),
                                                         properties.purge().maxWait()),
                                                 properties.purge().timeout()));
    }

    public CloudflareCachePurge(CdnSettingsProvider settings, CloudflarePurgeClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public PurgeReport purge(Collection<String> paths) {
        if (paths.isEmpty()) {
            return PurgeReport.skipped("nothing to purge");
        }
        CdnConnectionSettings connection = settings.current();
        CdnSettings cdn = connection.settings();
        if (!StringUtils.hasText(cdn.cloudflareZoneId()) || !StringUtils.hasText(connection.cloudflareApiToken())) {
            return PurgeReport.skipped("no Cloudflare zone id and API token are configured");
        }
        if (!StringUtils.hasText(cdn.cdnBaseUrl())) {
            return PurgeReport.skipped("no cdn_base_url is configured, so there are no CDN URLs to purge");
        }
        String base = cdn.cdnBaseUrl().replaceAll("/+$", "");
        List<String> urls = new LinkedHashSet<>(paths).stream().map(path -> base + "/" + path).toList();
        return client.purge(cdn.cloudflareZoneId(), connection.cloudflareApiToken(), urls);
    }
}
