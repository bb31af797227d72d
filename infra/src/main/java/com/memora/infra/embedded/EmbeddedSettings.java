package com.memora.infra.embedded;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.nio.file.Path;

/**
 * Whether the embedded default is on and how its servers are set up. Read from the raw environment because the
 * servers must run before any bean (the DataSource first) is created.
 */
public record EmbeddedSettings(Path dataDir, int postgresPort, int redisPort, int s3Port, String s3Bucket) {

    /** Set by the embedded default itself; later configuration (the token helper, X2) keys off it. */
    public static final String ACTIVE_PROPERTY = "memora.embedded.active";

    /**
     * On when {@code memora.embedded.enabled} says so, else exactly when no external database is configured.
     */
    public static boolean isEnabled(Environment environment) {
        Boolean explicit = environment.getProperty("memora.embedded.enabled", Boolean.class);
        if (explicit != null) {
            return explicit;
        }
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    public static EmbeddedSettings from(Environment environment) {
        String dataDir = environment.getProperty("memora.data-dir",
                                                 System.getProperty("user.home") + "/.memora");
        return new EmbeddedSettings(Path.of(dataDir).toAbsolutePath(),
                                    environment.getProperty("memora.embedded.postgres-port", Integer.class, 0),
                                    environment.getProperty("memora.embedded.redis-port", Integer.class, 0),
                                    environment.getProperty("memora.embedded.s3-port", Integer.class, 0),
                                    environment.getProperty("memora.embedded.s3-bucket", "memora-content"));
    }
}
