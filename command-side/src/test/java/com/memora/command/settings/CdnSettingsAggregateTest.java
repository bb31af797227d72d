package com.memora.command.settings;

import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.CdnSettingsSavedEvent;
import com.memora.kernel.settings.SaveCdnSettingsCommand;
import com.memora.kernel.settings.StorageProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.memora.command.testing.Refusals.invalid;
import static org.assertj.core.api.Assertions.assertThat;

class CdnSettingsAggregateTest {

    private static final CdnSettings S3 = new CdnSettings(true, false, StorageProvider.AWS_S3,
                                                          "https://s3.eu-west-1.amazonaws.com", "memora-content",
                                                          "https://cdn.memora.app", null, null, 5, 50, 4);
    private static final List<String> ALL_FIELDS = S3.differencesFrom(null);

    private final InMemorySecretVault vault = new InMemorySecretVault();
    private FixtureConfiguration<CdnSettingsAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CdnSettingsAggregate.class);
        fixture.registerInjectableResource(vault);
    }

    private static CdnSettings with(String endpoint, String bucket, int interval, int threshold, int expiry) {
        return new CdnSettings(true, false, StorageProvider.AWS_S3, endpoint, bucket, null, null, null, interval,
                               threshold, expiry);
    }

    private static CdnSettingsSavedEvent firstSave() {
        return new CdnSettingsSavedEvent(S3, ALL_FIELDS, List.of(CdnSecret.ACCESS_KEY, CdnSecret.SECRET_KEY),
                                         List.of(CdnSecret.ACCESS_KEY, CdnSecret.SECRET_KEY));
    }

    @Test
    void theFirstSaveCreatesTheSettingsAndKeepsSecretsOutOfTheEvent() {
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(S3, Map.of(CdnSecret.ACCESS_KEY, "AKIA-TEST",
                                                           CdnSecret.SECRET_KEY, "s3cr3t-value")))
               .expectEvents(firstSave());
        assertThat(vault.secrets).containsEntry(CdnSecret.SECRET_KEY, "s3cr3t-value");
        assertThat(firstSave().toString()).doesNotContain("s3cr3t-value").doesNotContain("AKIA-TEST");
        assertThat(new SaveCdnSettingsCommand(S3, Map.of(CdnSecret.SECRET_KEY, "s3cr3t-value")).toString())
                .doesNotContain("s3cr3t-value").contains("SECRET_KEY");
    }

    @Test
    void savingTheSameSettingsAndSecretsAgainChangesNothing() {
        vault.secrets.putAll(Map.of(CdnSecret.ACCESS_KEY, "AKIA-TEST", CdnSecret.SECRET_KEY, "s3cr3t-value"));
        fixture.given(firstSave())
               .when(new SaveCdnSettingsCommand(S3, Map.of(CdnSecret.SECRET_KEY, "s3cr3t-value")))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        assertThat(vault.writes).isZero();
    }

    @Test
    void aNewSecretIsReportedAsChangedWithoutItsValue() {
        vault.secrets.putAll(Map.of(CdnSecret.ACCESS_KEY, "AKIA-TEST", CdnSecret.SECRET_KEY, "s3cr3t-value"));
        fixture.given(firstSave())
               .when(new SaveCdnSettingsCommand(S3, Map.of(CdnSecret.SECRET_KEY, "rotated")))
               .expectEvents(new CdnSettingsSavedEvent(S3, List.of(), List.of(CdnSecret.SECRET_KEY),
                                                       List.of(CdnSecret.ACCESS_KEY, CdnSecret.SECRET_KEY)));
        assertThat(vault.secrets).containsEntry(CdnSecret.SECRET_KEY, "rotated");
    }

    @Test
    void anEmptySecretClearsIt() {
        vault.secrets.putAll(Map.of(CdnSecret.ACCESS_KEY, "AKIA-TEST", CdnSecret.SECRET_KEY, "s3cr3t-value"));
        fixture.given(firstSave())
               .when(new SaveCdnSettingsCommand(S3, Map.of(CdnSecret.ACCESS_KEY, "")))
               .expectEvents(new CdnSettingsSavedEvent(S3, List.of(), List.of(CdnSecret.ACCESS_KEY),
                                                       List.of(CdnSecret.SECRET_KEY)));
        assertThat(vault.secrets).doesNotContainKey(CdnSecret.ACCESS_KEY);
    }

    @Test
    void aChangedFieldIsNamed() {
        CdnSettings slower = new CdnSettings(true, false, StorageProvider.AWS_S3,
                                             "https://s3.eu-west-1.amazonaws.com", "memora-content",
                                             "https://cdn.memora.app", null, null, 15, 50, 4);
        fixture.given(firstSave())
               .when(new SaveCdnSettingsCommand(slower, Map.of()))
               .expectEvents(new CdnSettingsSavedEvent(slower, List.of("batch_interval_minutes"), List.of(),
                                                       List.of(CdnSecret.ACCESS_KEY, CdnSecret.SECRET_KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest", "http://169.254.10.1:9000", "http://[fe80::1]:9000",
                            "http://metadata.google.internal", "http://100.100.100.200", "http://[fd00:ec2::254]",
                            "ftp://s3.example.com", "s3.example.com", "http://2852039166/",
                            "http://0251.0376.0251.0376/", "http://user:pw@s3.example.com", "http://0.0.0.0:9000"})
    void refusesEndpointsThatAreNotPlainHttpServers(String endpoint) {
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(with(endpoint, "memora", 5, 50, 4), Map.of()))
               .expectException(invalid("endpoint_url"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000", "http://localhost:9000", "https://s3.example.com",
                            "https://abc.r2.cloudflarestorage.com", "http://[::1]:9000", "http://10.0.0.5:9000"})
    void acceptsLoopbackAndOrdinaryEndpoints(String endpoint) {
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(with(endpoint, "memora", 5, 50, 4), Map.of()))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesIntervalsThresholdsAndExpiriesOutOfRange() {
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(with("https://s3.example.com", "memora", 0, 0, 25), Map.of()))
               .expectException(invalid("batch_interval_minutes", "batch_threshold", "signed_url_expiry_hours"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(with("https://s3.example.com", "memora", 1, 1, 0), Map.of()))
               .expectException(invalid("signed_url_expiry_hours"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(with("https://s3.example.com", "memora", 1, 1, 24), Map.of()))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAMissingProviderEndpointOrBucket() {
        CdnSettings empty = new CdnSettings(false, false, null, null, "Bad_Bucket", null, null, null, 5, 50, 4);
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(empty, Map.of()))
               .expectException(invalid("storage_provider", "endpoint_url", "bucket_name"))
               .expectNoEvents();
    }

    @Test
    void cloudflareSettingsOnlyForR2AndOnlyBothTogether() {
        CdnSettings s3WithZone = new CdnSettings(false, false, StorageProvider.AWS_S3, "https://s3.example.com",
                                                 "memora", null, null, "zone123", 5, 50, 4);
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(s3WithZone, Map.of(CdnSecret.CLOUDFLARE_API_TOKEN, "token")))
               .expectException(invalid("cloudflare_zone_id"))
               .expectNoEvents();
        CdnSettings r2WithZone = new CdnSettings(false, false, StorageProvider.CLOUDFLARE_R2,
                                                 "https://abc.r2.cloudflarestorage.com", "memora", null, null,
                                                 "zone123", 5, 50, 4);
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(r2WithZone, Map.of()))
               .expectException(invalid("cloudflare_api_token"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SaveCdnSettingsCommand(r2WithZone, Map.of(CdnSecret.CLOUDFLARE_API_TOKEN, "token")))
               .expectSuccessfulHandlerExecution();
    }
}
