package com.memora.infra.settings;

import com.memora.infra.s3.S3Properties;
import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.StorageProvider;
import com.memora.projection.settings.CdnSettingsState;
import com.memora.projection.settings.CdnSettingsStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The current CDN settings row ({@code cdn_settings_state}), and the seed from properties while there is none. */
@Repository
class JdbcCdnSettingsStore implements CdnSettingsStore {

    private final JdbcClient jdbc;
    private final S3Properties seed;

    JdbcCdnSettingsStore(JdbcClient jdbc, S3Properties seed) {
        this.jdbc = jdbc;
        this.seed = seed;
    }

    @Override
    public void save(CdnSettingsState state, long sequence) {
        CdnSettings settings = state.settings();
        jdbc.sql("""
                 insert into cdn_settings_state (id, enabled, local_fallback_mode, storage_provider, endpoint_url,
                     bucket_name, cdn_base_url, local_base_url, cloudflare_zone_id, batch_interval_minutes,
                     batch_threshold, signed_url_expiry_hours, secrets_set, updated_at, last_sequence)
                 values (1, :enabled, :fallback, :provider, :endpoint, :bucket, :cdnBase, :localBase, :zone,
                     :interval, :threshold, :expiry, :secrets, :at, :sequence)
                 on conflict (id) do update set enabled = excluded.enabled,
                     local_fallback_mode = excluded.local_fallback_mode, storage_provider = excluded.storage_provider,
                     endpoint_url = excluded.endpoint_url, bucket_name = excluded.bucket_name,
                     cdn_base_url = excluded.cdn_base_url, local_base_url = excluded.local_base_url,
                     cloudflare_zone_id = excluded.cloudflare_zone_id,
                     batch_interval_minutes = excluded.batch_interval_minutes,
                     batch_threshold = excluded.batch_threshold,
                     signed_url_expiry_hours = excluded.signed_url_expiry_hours, secrets_set = excluded.secrets_set,
                     updated_at = excluded.updated_at, last_sequence = excluded.last_sequence
                 where cdn_settings_state.last_sequence < excluded.last_sequence
                 """)
            .param("enabled", settings.enabled())
            .param("fallback", settings.localFallbackMode())
            .param("provider", settings.storageProvider().name())
            .param("endpoint", settings.endpointUrl())
            .param("bucket", settings.bucketName())
            .param("cdnBase", settings.cdnBaseUrl())
            .param("localBase", settings.localBaseUrl())
            .param("zone", settings.cloudflareZoneId())
            .param("interval", settings.batchIntervalMinutes())
            .param("threshold", settings.batchThreshold())
            .param("expiry", settings.signedUrlExpiryHours())
            .param("secrets", state.secretsSet().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
            .param("at", state.updatedAt().atOffset(ZoneOffset.UTC))
            .param("sequence", sequence)
            .update();
    }

    @Override
    public Optional<CdnSettingsState> stored() {
        return jdbc.sql("select * from cdn_settings_state where id = 1")
                   .query((rs, row) -> new CdnSettingsState(
                           new CdnSettings(rs.getBoolean("enabled"), rs.getBoolean("local_fallback_mode"),
                                           StorageProvider.valueOf(rs.getString("storage_provider")),
                                           rs.getString("endpoint_url"), rs.getString("bucket_name"),
                                           rs.getString("cdn_base_url"), rs.getString("local_base_url"),
                                           rs.getString("cloudflare_zone_id"), rs.getInt("batch_interval_minutes"),
                                           rs.getInt("batch_threshold"), rs.getInt("signed_url_expiry_hours")),
                           secrets(rs.getString("secrets_set")),
                           rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                   .optional();
    }

    @Override
    public CdnSettingsState current() {
        return stored().orElseGet(this::seeded);
    }

    /** Until an administrator saves settings, the deployment's S3 properties stand in, with the CDN off (O8). */
    CdnSettingsState seeded() {
        Set<CdnSecret> secrets = EnumSet.noneOf(CdnSecret.class);
        if (StringUtils.hasText(seed.accessKey())) {
            secrets.add(CdnSecret.ACCESS_KEY);
        }
        if (StringUtils.hasText(seed.secretKey())) {
            secrets.add(CdnSecret.SECRET_KEY);
        }
        CdnSettings settings = new CdnSettings(false, false, StorageProvider.AWS_S3,
                                               StringUtils.hasText(seed.endpoint()) ? seed.endpoint() : null,
                                               seed.bucket(), null, null, null,
                                               CdnSettings.DEFAULT_BATCH_INTERVAL_MINUTES,
                                               CdnSettings.DEFAULT_BATCH_THRESHOLD,
                                               CdnSettings.DEFAULT_SIGNED_URL_EXPIRY_HOURS);
        return new CdnSettingsState(settings, secrets, null);
    }

    @Override
    public void deleteAll() {
        jdbc.sql("delete from cdn_settings_state").update();
    }

    private static Set<CdnSecret> secrets(String names) {
        Set<CdnSecret> secrets = EnumSet.noneOf(CdnSecret.class);
        if (StringUtils.hasText(names)) {
            Arrays.stream(names.split(",")).map(CdnSecret::valueOf).forEach(secrets::add);
        }
        return secrets;
    }
}
